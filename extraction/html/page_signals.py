"""What an HTML page shows of its kind (extraction/page_kind.py), read off the tree before the
body extraction cleans it: teaser blocks, the visible lines where petition furniture sits, the
page's language and its microdata type."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from extraction.html.dialects import Dialect
from extraction.html.flatten import paragraphs_of
from extraction.html.metadata import Metadata
from extraction.html.text import normalise_space
from extraction.html.tree import Element, tag_of
from extraction.page_kind import PageEvidence, PageKindVerdict, classify, url_hint
from extraction.rules import page_kinds
from extraction.rules.language import page_language

_HEADINGS: Final = ("h1", "h2", "h3", "h4")
# Elements that wrap one teaser (a card, a list item, a post summary), and the link that may
# wrap its headline on the way up.
_TEASER_TAGS: Final = frozenset({"article", "li", "div", "section", "header", "a"})
# Levels above a headline searched for its teaser block, and for a link around the headline.
_TEASER_LEVELS: Final = 3
_LINK_LEVELS: Final = 2
# Pages without these words show no petition counter ("152,347 supporters") and no Care2 thread
# furniture: their lines are not needed. Matched case-sensitively past the first letter (lower-
# casing the page's text would cost more than the search).
_LINES_WORTH_READING: Final = ("upporters", "ignatures", "green star", "ack to topics")


def _links_elsewhere(heading: Element) -> bool:
    """Whether a heading is a link to another page (inside it, or wrapped around it)."""
    for link in heading.iter("a"):
        href = (link.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:")):
            return True
    ancestor = heading.getparent()
    for _ in range(_LINK_LEVELS):
        if ancestor is None:
            break
        if tag_of(ancestor) == "a" and (ancestor.get("href") or "").strip()[:1] not in ("", "#"):
            return True
        ancestor = ancestor.getparent()
    return False


def teaser_blocks(root: Element) -> tuple[list[Element], frozenset[str]]:
    """Teasers (a headline linking elsewhere, in a small block of its own) and their excerpts."""
    headlines = [
        h
        for h in root.iter(*_HEADINGS)
        if _links_elsewhere(h)
        and 0 < len(h.text_content().split()) <= 2 * page_kinds.MAX_HEADLINE_WORDS
    ]
    marked = set(headlines)
    blocks: set[Element] = set()
    excerpts: set[str] = set()
    found: list[Element] = []
    for headline in headlines:
        block = headline
        for _ in range(_TEASER_LEVELS):
            parent = block.getparent()
            if parent is None or tag_of(parent) not in _TEASER_TAGS:
                break
            if sum(1 for h in parent.iter(*_HEADINGS) if h in marked) > 1:
                break  # the list of teasers, not one of them
            if len(normalise_space(parent.text_content())) > page_kinds.MAX_TEASER_CHARS:
                break
            block = parent
        if block in blocks:
            continue
        blocks.add(block)
        found.append(block)
        title = normalise_space(headline.text_content())
        excerpts.update(p for p in paragraphs_of(block) if p != title)
    return found, frozenset(excerpts)


def _inside(blocks: Sequence[Element], containers: Sequence[Element]) -> int:
    """How many of the blocks sit inside one of the containers."""
    holders = set(containers)
    return sum(1 for b in blocks if b in holders or any(a in holders for a in b.iterancestors()))


def _microdata_types(root: Element) -> set[str]:
    """schema.org types the page's outer elements declare as microdata (`itemtype`)."""
    found: set[str] = set()
    for el in (root, root.find("body"), *root.iter("main")):
        if el is not None and (value := el.get("itemtype")):
            found.update(t.rstrip("/").rsplit("/", 1)[-1] for t in value.split())
    return found


def has_headlined_article(root: Element) -> bool:
    """Whether the page's article markup holds its headline (<article><h1>): the mark of an
    article page however short its text."""
    return any(article.find(".//h1") is not None for article in root.iter("article"))


@dataclass(frozen=True, slots=True)
class PageSignals:
    """What the page shows of its kind before its body is extracted, and its visible lines."""

    evidence: PageEvidence  # without the body paragraphs
    lines: tuple[str, ...]
    headlined: bool
    teaser_elements: tuple[Element, ...] = ()

    @property
    def language(self) -> str | None:
        return self.evidence.language

    def kind(
        self,
        paragraphs: Sequence[str],
        meta: Metadata,
        comments: Sequence[object],
        dialects: Sequence[Dialect],
        containers: Sequence[Element] = (),
    ) -> PageKindVerdict:
        """The page's kind once its body is known (read from ``containers``, when it was read
        from this page's markup): a dialect's verdict, else the generic rule."""
        marks = {
            "publication date": meta.published_at,
            "byline": meta.byline,
            "comments": comments,
            "headline in <article>": self.headlined,
        }
        evidence = replace(
            self.evidence,
            paragraphs=tuple(paragraphs),
            article_marks=tuple(name for name, value in marks.items() if value),
            teasers_in_body=_inside(self.teaser_elements, containers) if containers else None,
        )
        site = next((k for d in dialects if (k := d.page_kind(self.lines, evidence.url))), None)
        return classify(evidence, site)


def page_signals(root: Element, meta: Metadata, url: str | None) -> PageSignals:
    """Read the page's signals; call before the body extraction mutates the tree."""
    page_url = meta.url or url
    teasers, excerpts = teaser_blocks(root)
    text = root.text_content()
    lines: list[str] = []
    if any(w in text for w in _LINES_WORTH_READING) or url_hint(page_url) == "discussion":
        lines = paragraphs_of(root)
    declared = root.get("lang")
    sample = "" if declared else normalise_space(text[:4000])
    evidence = PageEvidence(
        url=page_url,
        declared_types=meta.declared_types | _microdata_types(root),
        lines=tuple(lines),
        teasers=len(teasers),
        teaser_texts=excerpts,
        language=page_language(declared, sample),
        markup=True,
    )
    return PageSignals(evidence, tuple(lines), has_headlined_article(root), tuple(teasers))
