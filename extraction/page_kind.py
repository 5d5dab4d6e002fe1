"""Page kinds: whether a captured page is an article, a listing of teasers, a petition, a
discussion thread, a profile or something else, decided from the page itself.

Both paths (text dumps and HTML pages) describe a page as `PageEvidence` and ask `classify`; a
site dialect that knows its layout gives its own verdict first. The order of the rule, its
tables (extraction/rules/page_kinds.py) and how it was measured are in docs/page-kinds.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import get_args

from extraction.records import PageKind
from extraction.rules import page, page_kinds

PAGE_KINDS: tuple[PageKind, ...] = get_args(PageKind)
# Kinds that enter `articles`; a discussion does too when its dialect told the first post from
# the replies (the post is the body, the replies its comments).
LOADED_KINDS: frozenset[PageKind] = frozenset({"article", "petition"})


@dataclass(frozen=True, slots=True)
class PageKindVerdict:
    """A page's kind, why, and whether it enters `articles`. Two verdicts are equal when they
    agree on the kind and on loading, whatever words explain them."""

    kind: PageKind
    reason: str = field(compare=False)
    loads: bool

    @classmethod
    def of(cls, kind: PageKind, reason: str) -> PageKindVerdict:
        return cls(kind, reason, kind in LOADED_KINDS)


ARTICLE = PageKindVerdict.of("article", "no sign of another kind of page")


@dataclass(frozen=True, slots=True)
class PageEvidence:
    """What a page shows of its kind, read off the page by its path (text or HTML)."""

    url: str | None = None
    # schema.org @type values (JSON-LD, microdata) and "og:<type>" from Open Graph.
    declared_types: frozenset[str] = frozenset()
    # The page's visible lines in reading order, furniture included (petition counters live
    # there); for HTML the text of each block element.
    lines: tuple[str, ...] = ()
    # The body paragraphs as extracted.
    paragraphs: tuple[str, ...] = ()
    # Teaser blocks (a headline linking elsewhere with a short excerpt) and the excerpts' texts:
    # HTML pages find them in the markup; text dumps leave them to `text_teasers`.
    teasers: int = 0
    teaser_texts: frozenset[str] = frozenset()
    # HTML pages: how many teasers sit inside the elements the body was read from (a listing's
    # main text is made of them; an article's "related" teasers sit around it); None when not
    # known (text dumps, a body read by the fallback).
    teasers_in_body: int | None = None
    language: str | None = None
    # HTML pages: a page without article text and without the marks of an article (a publication
    # date, a byline, reader comments, its headline in <article>) is not an article; text dumps
    # never are judged thin.
    markup: bool = False
    article_marks: tuple[str, ...] = ()


def is_truncated(text: str) -> bool:
    # Only the end can say so; searching the tail spares a scan of the whole paragraph.
    return page_kinds.TRUNCATION_RE.search(text[-24:]) is not None


def is_headline(block: str) -> bool:
    """A short block that reads as a headline, not as a sentence of prose."""
    # One word more than a headline may have is enough to tell: a paragraph is not split whole.
    words = block.split(maxsplit=page_kinds.MAX_HEADLINE_WORDS)
    return (
        0 < len(words) <= page_kinds.MAX_HEADLINE_WORDS
        and not block.endswith((".", ",", ";", ":", "…"))
        and not is_truncated(block)
    )


def text_teasers(blocks: Sequence[str]) -> tuple[int, frozenset[str]]:
    """Headline/excerpt pairs in a text dump's blocks: a headline followed by an excerpt that is
    cut short ("…") or shorter than a prose paragraph, then another headline or the end."""
    count, excerpts = 0, set()
    index = 0
    while index + 1 < len(blocks):
        headline, excerpt = blocks[index], blocks[index + 1]
        after = blocks[index + 2] if index + 2 < len(blocks) else None
        short = len(excerpt) < page_kinds.PROSE_PARAGRAPH_CHARS and not is_headline(excerpt)
        if (
            is_headline(headline)
            and (is_truncated(excerpt) or short)
            and (after is None or is_headline(after))
        ):
            count += 1
            excerpts.add(excerpt)
            index += 2
        else:
            index += 1
    return count, frozenset(excerpts)


def prose_run(paragraphs: Sequence[str], teaser_texts: frozenset[str] = frozenset()) -> int:
    """The longest run of consecutive prose paragraphs: long enough, not cut short, not the
    excerpt of a teaser."""
    best = run = 0
    for paragraph in paragraphs:
        if (
            len(paragraph) >= page_kinds.PROSE_PARAGRAPH_CHARS
            and not is_truncated(paragraph)
            and paragraph not in teaser_texts
        ):
            run += 1
            best = max(best, run)
        else:
            run = 0
    return best


def main_text_prose(evidence: PageEvidence) -> int | None:
    """The characters of prose paragraphs in a body that is mostly prose, however short its
    runs (subheadings, lists and figures break them), or None: the mark of an article's main
    text that a listing's teasers or a profile's lines do not make."""
    prose = sum(
        len(p)
        for p in evidence.paragraphs
        if len(p) >= page_kinds.PROSE_PARAGRAPH_CHARS
        and not is_truncated(p)
        and p not in evidence.teaser_texts
    )
    total = sum(len(p) for p in evidence.paragraphs)
    if (
        prose >= page_kinds.MAIN_TEXT_PROSE_CHARS
        and prose >= page_kinds.MAIN_TEXT_PROSE_SHARE * total
    ):
        return prose
    return None


def main_text_beside_teasers(evidence: PageEvidence, enough: int) -> int | None:
    """The characters of prose of an article's main text beside teasers, or None: fewer
    teasers than a listing shows sit inside the elements the body was read from (an article's
    "related" and "more from" boxes sit around it, a listing's teasers are its main text) and
    the body is mostly prose (`main_text_prose`)."""
    inside = evidence.teasers_in_body
    if inside is None or inside >= enough:
        return None
    return main_text_prose(evidence)


def url_hint(url: str | None) -> PageKind | None:
    """The kind a URL's shape suggests, if any (a hint, never a verdict on its own)."""
    if not url:
        return None
    for kind, pattern in page_kinds.URL_HINTS:
        if pattern.search(url):
            return kind
    return None


def _lines_before_prose(lines: Sequence[str]) -> list[str]:
    """The page's head: the lines above its first prose paragraph (where a petition shows its
    counter; an article's petition box comes after the story)."""
    head = []
    for line in lines:
        if len(line) >= page_kinds.PROSE_PARAGRAPH_CHARS and not is_truncated(line):
            break
        head.append(line)
    return head


def classify(evidence: PageEvidence, site: PageKindVerdict | None = None) -> PageKindVerdict:
    """The page's kind: the site dialect's verdict when it gives one, then declared types,
    petition furniture, article declarations, teaser structure, URL hints and thin pages."""
    if site is not None:
        return site
    declared = evidence.declared_types
    declares_article = bool(declared & page_kinds.ARTICLE_TYPES)
    other = sorted(t for t in declared if t in page_kinds.DECLARED_KINDS)
    if other and not declares_article:
        kind = page_kinds.DECLARED_KINDS[other[0]]
        return PageKindVerdict.of(kind, f"declared type {other[0]}")

    hint = url_hint(evidence.url)
    petition = page.petition_facts(_lines_before_prose(evidence.lines), evidence.language)
    if petition.is_petition_page or (hint == "petition" and petition.signals):
        shown = ", ".join(dict.fromkeys(petition.signals))
        return PageKindVerdict.of("petition", f"petition furniture above the text ({shown})")
    if (
        hint == "discussion"
        and "comments" in evidence.article_marks
        and declared & page_kinds.ARTICLE_TYPES <= page_kinds.WEAK_ARTICLE_TYPES
    ):
        # The posts of a forum URL read as rows: a thread, whatever teasers (other topics)
        # sit around it and whatever og:type its software writes.
        return PageKindVerdict.of("discussion", "discussion URL and posts read as comments")
    if declares_article:
        named = sorted(declared & page_kinds.ARTICLE_TYPES)[0]
        return PageKindVerdict.of("article", f"declared type {named}")

    teasers, excerpts = evidence.teasers, evidence.teaser_texts
    run = prose_run(evidence.paragraphs, excerpts)
    enough = (
        page_kinds.HINTED_LISTING_MIN_TEASERS
        if hint == "listing"
        else page_kinds.LISTING_MIN_TEASERS
    )
    if teasers >= enough and run < page_kinds.PROSE_RUN:
        if (prose := main_text_beside_teasers(evidence, enough)) is not None:
            return PageKindVerdict.of(
                "article",
                f"{teasers} teasers around the body, not in it, and {prose} characters of prose "
                "in the body",
            )
        return PageKindVerdict.of(
            "listing",
            f"{teasers} teasers (headline and excerpt) and no run of {page_kinds.PROSE_RUN} prose "
            f"paragraphs (longest {run})" + (", listing URL" if hint == "listing" else ""),
        )
    if hint == "discussion":
        dated = sum(
            1 for line in evidence.lines if len(line) < 120 and page.DATE_IN_LINE.search(line)
        )
        if dated >= page_kinds.DISCUSSION_MIN_DATED_LINES:
            return PageKindVerdict.of(
                "discussion", f"discussion URL and {dated} dated post headers"
            )
    if hint == "profile" and run < page_kinds.PROSE_RUN and main_text_prose(evidence) is None:
        return PageKindVerdict.of(
            "profile",
            f"profile URL and no run of {page_kinds.PROSE_RUN} prose paragraphs (longest {run})",
        )
    body_chars = sum(len(p) for p in evidence.paragraphs)
    if evidence.markup and not evidence.article_marks and body_chars < page_kinds.THIN_PAGE_CHARS:
        return PageKindVerdict.of(
            "other",
            f"no article text ({body_chars} characters of body) and no mark of an article "
            "(publication date, byline, comments, headline in <article>)",
        )
    if run >= page_kinds.PROSE_RUN:
        return PageKindVerdict.of("article", f"a run of {run} prose paragraphs")
    return ARTICLE
