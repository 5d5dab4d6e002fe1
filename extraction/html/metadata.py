"""Page metadata: JSON-LD articles, OpenGraph and <meta> tags, the canonical link and <title>,
and the visible headline, byline and dateline where those say nothing.

Each field has a list of sources, best first; a source's value is taken only when it passes the
field's checks (a byline that is an e-mail address, a URL, a number or the site's own name is
not one), and a title that the page's <title> or its <h1> confirms wins over one they do not.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from typing import Any, Final
from urllib.parse import urljoin, urlsplit

from lxml import etree

from extraction.content import RawComment
from extraction.html import rules
from extraction.html.dates import (
    Stamp,
    day_stamp,
    first_zoned,
    parse_datetime,
    parse_stamp,
    visible_date,
)
from extraction.html.head import HeadTags, page_tags
from extraction.html.text import attr_words, normalise_space
from extraction.html.tree import Element, select
from extraction.rules.sites import site_of as site_of  # the rulebook's, named here too

_LD_WRAPPER_RE: Final = re.compile(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$")
_ENTITY_RE: Final = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.IGNORECASE)
_TAG_RE: Final = re.compile(r"<[^>]*>")
_BREAK_RE: Final = re.compile(r"<br\s*/?>|</p\s*>", re.IGNORECASE)
_COMMENT_TYPES: Final = frozenset({"Comment", "Answer"})
_URL_DATE_RE: Final = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_.]|$)")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page says about itself, outside its visible body."""

    title: str | None = None
    byline: str | None = None
    url: str | None = None
    site: str | None = None
    published_at: datetime | None = None
    # Comments the page declares in JSON-LD (schema.org Comment under "comment"), replies nested.
    comments: tuple[RawComment, ...] = ()
    # What the page says it is, for its page kind: every JSON-LD @type, and og:type as "og:<type>".
    declared_types: frozenset[str] = frozenset()


def _json_ld_objects(blocks: list[str]) -> Iterator[dict[str, Any]]:
    for raw in blocks:
        raw = _LD_WRAPPER_RE.sub("", raw)  # <![CDATA[ ... ]]> and <!-- ... --> around the JSON
        try:
            data: Any = json.loads(raw)
        except RecursionError:
            continue  # nested thousands deep: not metadata anyone wrote by hand
        except ValueError:
            # Some CMSs emit trailing commas or raw newlines in strings; try once more, leniently.
            try:
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
            except (ValueError, RecursionError):
                continue
        yield from _flatten_ld(data, depth=0)


def _flatten_ld(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > _MAX_LD_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten_ld(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _flatten_ld(graph, depth + 1)
        main = data.get("mainEntity")
        if isinstance(main, dict | list):
            yield from _flatten_ld(main, depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t}
    if isinstance(t, list):
        return {x for x in t if isinstance(x, str)}
    return set()


# JSON-LD values nest a level or two; deeper structures are not read (and cannot exhaust the stack).
_MAX_LD_DEPTH: Final = 6


def _names(value: Any, depth: int = 0, by_id: dict[str, dict[str, Any]] | None = None) -> list[str]:
    """Author names from a JSON-LD author value (string, Person, or a list of them); a Person
    given only by its "@id" is the object of the page's graph with that id (Yoast SEO writes
    ``"author": {"@id": ".../#/schema/person/..."}`` and the Person elsewhere in @graph)."""
    if depth > _MAX_LD_DEPTH:
        return []
    if isinstance(value, str):
        return [normalise_space(value)] if value.strip() else []
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str):
            return _names(name, depth + 1)
        given, family = value.get("givenName"), value.get("familyName")
        parts = [p for p in (given, family) if isinstance(p, str) and p.strip()]
        if parts:
            return [normalise_space(" ".join(parts))]
        ref = value.get("@id")
        target = by_id.get(ref) if by_id and isinstance(ref, str) else None
        return _names(target, depth + 1) if target is not None and target is not value else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item, depth + 1, by_id)]
    return []


def _first_str(value: Any, depth: int = 0) -> str | None:
    if depth > _MAX_LD_DEPTH:
        return None
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, list):
        for item in value:
            found = _first_str(item, depth + 1)
            if found:
                return found
    if isinstance(value, dict):
        return _first_str(value.get("@id") or value.get("url"), depth + 1)
    return None


def _in_comments(el: Element) -> bool:
    """Whether an element sits in a comment section (its times are not the article's). The
    <body>'s classes name the page's kind ("comments-page" on a discussion's own page), not
    a section of it."""
    for ancestor in el.iterancestors():
        if ancestor.tag in ("body", "html"):
            break
        words = attr_words(ancestor.get("class")) | attr_words(ancestor.get("id"))
        if words & rules.COMMENT_SECTION_WORDS:
            return True
    return False


def _in_quotation(el: Element) -> bool:
    """Whether an element sits in a quotation or a caption (a quoted person's "author" class
    names the speaker, not the article's author)."""
    return any(a.tag in ("blockquote", "q", "figure", "figcaption") for a in el.iterancestors())


def _absolute(link: str, base: str | None) -> str | None:
    if not base:
        return None
    try:
        joined = urljoin(base, link)
    except ValueError:
        return base
    return joined if joined.startswith(("http://", "https://")) else base


def _clean(value: str | None) -> str:
    """A metadata value as text: entities that a CMS escaped twice decoded, white space and
    invisible characters (soft hyphens, zero-width spaces) normalised."""
    if not value:
        return ""
    if _ENTITY_RE.search(value):
        value = html.unescape(value)
    return normalise_space(value.replace("\u00ad", ""))


def _fold(text: str) -> str:
    """Letters and digits only, case-folded: for comparing names and titles."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _heading_text(heading: Element) -> str:
    """A heading's text without the permalink mark documentation generators print after it
    ("Quickstart¶")."""
    return rules.HEADING_PERMALINK_RE.sub("", _clean(heading.text_content()))


def _in_navigation(heading: Element) -> bool:
    """Whether a heading sits in the site's navigation: a <nav>, or a breadcrumb trail (whose
    last crumb some templates print as the page's <h1>, above the headline itself)."""
    for el in (heading, *heading.iterancestors()):
        if el.tag in ("body", "html"):
            return False
        if el.tag in rules.NAVIGATION_TAGS:
            return True
        if (attr_words(el.get("class")) | attr_words(el.get("id"))) & rules.NAVIGATION_WORDS:
            return True
    return False


def _headings(root: Element) -> list[str]:
    """The page's first h1-h3 texts outside its navigation (the visible headline is one of
    them; blogs print the blog's name as the <h1> and the post's title as an <h2> or <h3>)."""
    found = []
    for heading in root.iter("h1", "h2", "h3"):
        if _in_navigation(heading):
            continue
        text = _heading_text(heading)
        if text:
            found.append(text)
        if len(found) >= 30:
            break
    return found


def _site_names(tags: HeadTags, ld_sites: list[str], url: str | None) -> set[str]:
    names = {_fold(n) for n in ld_sites}
    for key in rules.META_SITE_NAME:
        if value := tags.meta.get(key):
            names.add(_fold(value.lstrip("@")))
    host = site_of(url)
    if host:
        names.add(_fold(host))
        names.add(_fold(host.split(".")[0]))
    names.discard("")
    return names


def _names_site(text: str, sites: set[str], *, with_more: bool) -> bool:
    """Whether a text is the site's name: the name itself, a shorter form of it ("Guardian"
    for theguardian.com), or, ``with_more``, the name with more words around it ("The
    Commercial Appeal" for commercialappeal.com, "MDR.DE" for mdr.de). A headline may open
    with the brand it is about, so a title's opening part is tested without ``with_more``."""
    folded = _fold(text)
    if not folded:
        return False
    return any(
        folded == name
        or (len(folded) >= rules.MIN_SITE_NAME_CHARS and folded in name)
        or (with_more and len(name) >= rules.MIN_SITE_NAME_CHARS and name in folded)
        for name in sites
    )


def _title_labels(site_names: list[str], urls: tuple[str | None, ...]) -> set[str]:
    """What a title may end with besides the site's name, folded: the site's initials ("WFA"
    for World Future Awards) and the sections its address names ("| Opinion" on
    /story/opinion/..., "| District" on /district/343604), the page's own segment excepted."""
    labels = set()
    for name in site_names:
        words = rules.TITLE_LABEL_WORD_RE.findall(name)
        if len(words) >= 2:
            labels.add(_fold("".join(w[0] for w in words)))
    for url in urls:
        path = urlsplit(url or "").path
        labels.update(
            f
            for segment in path.strip("/").split("/")[:-1]
            if len(f := _fold(segment)) >= rules.MIN_SITE_NAME_CHARS and f.isalpha()
        )
    return labels


def _without_site_affix(title: str, sites: set[str], headings: list[str], labels: set[str]) -> str:
    """ "Headline | Site" -> "Headline" when the last part names the site, is one of its
    ``labels`` (``_title_labels``) or the part before it is a heading of the page; "Site |
    Headline" -> "Headline" when the first part is the site's name."""
    parts = rules.TITLE_SEPARATORS_RE.split(title)
    if len(parts) < 2:
        return title
    head = title[: title.rfind(parts[-1])].rstrip()
    head = rules.TITLE_SEPARATOR_END_RE.sub("", head)
    if _names_site(parts[-1], sites, with_more=True) or _fold(parts[-1]) in labels:
        return head
    if any(_fold(h) == _fold(head) for h in headings):
        return head
    if _names_site(parts[0], sites, with_more=False):
        return rules.TITLE_SEPARATOR_START_RE.sub("", title[len(parts[0]) :])
    return title


def _agreement(candidate: str, heading: str) -> str | None:
    """The headline a metadata title and a printed heading agree on, if they do: the same
    text; the heading where the title adds a part after a separator ("Using promises -
    JavaScript | MDN" over "Using promises"); the title where the heading holds it whole (a
    kicker printed in the <h1> before it) or it holds the heading with a subtitle."""
    a, b = _fold(candidate), _fold(heading)
    if not a or not b:
        return None
    if a == b:
        return candidate
    parts = rules.TITLE_SEPARATORS_RE.split(candidate)
    if len(parts) > 1 and b == _fold(parts[0]):
        return heading
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= rules.MIN_AGREEING_TITLE_SHARE * len(longer) and (
        longer.startswith(shorter) or longer.endswith(shorter)
    ):
        return candidate
    return None


def _title(
    candidates: list[str],
    page_title: str | None,
    h1s: list[str],
    headings: list[str],
    sites: set[str],
    labels: set[str],
) -> str | None:
    """The page's title by agreement between its sources, each without the site's name.

    Best first: a metadata title (JSON-LD, OpenGraph, <meta>) that an <h1> prints as it is;
    the headline a metadata title and an <h1> agree on (``_agreement``); a metadata title
    that another heading prints (a blog's post title under the blog's name); one that a
    second metadata source or the <title> repeats; the first metadata title; the visible
    headline; the headline cut out of the <title>."""
    stripped = [
        c for c in (_without_site_affix(c, sites, headings, labels) for c in candidates) if c
    ]
    repeated = Counter(_fold(c) for c in stripped)
    cut = list(dict.fromkeys(stripped))
    folded = [_fold(c) for c in cut]
    page = _fold(page_title or "")
    for i, f in enumerate(folded):
        if any(f == _fold(h) for h in h1s):
            return cut[i]
    for c in cut:
        for h in h1s:
            if agreed := _agreement(c, h):
                return agreed
    for i, f in enumerate(folded):
        if any(f == _fold(h) for h in headings):
            return cut[i]
    for i, f in enumerate(folded):
        if repeated[f] > 1 or (f and f in page):
            return cut[i]
    if cut:
        return cut[0]
    chosen = _headline_of(headings, page_title)
    return _without_site_affix(chosen, sites, headings, labels) if chosen else None


def _headline_of(headings: list[str], page_title: str | None) -> str | None:
    """The headline inside a <title> that also names the site ("Headline | Site"): the longest
    heading that the title contains, failing that the longest part between separators."""
    if not page_title:
        return headings[0] if headings else None
    inside = [h for h in headings if len(h) >= 10 and h in page_title]
    if inside:
        return max(inside, key=len)
    parts = rules.TITLE_SEPARATORS_RE.split(page_title)
    return max(parts, key=len) if len(parts) > 1 else page_title


def _byline_text(text: str) -> str:
    """A byline as printed, reduced to its names: "By Jane Doe | May 3, 2024" -> "Jane Doe"."""
    text = _clean(text)
    text = rules.BYLINE_PREFIX_RE.sub("", text)
    text = rules.BYLINE_TAIL_RE.split(text, maxsplit=1)[0]
    text = rules.BYLINE_DANGLING_WORD_RE.sub("", text)
    text = rules.BYLINE_CODE_RE.sub("", text)
    text = rules.BYLINE_ROLE_SUFFIX_RE.sub("", text)
    return text.strip(" ,;:|-–—·")


def _acceptable_byline(name: str, sites: set[str]) -> bool:
    if not name or len(name) > rules.MAX_BYLINE_CHARS or not any(c.isalpha() for c in name):
        return False
    if rules.BYLINE_LABEL_ONLY_RE.fullmatch(name):
        return False  # "Author", "Topic Author": the label without the name
    if "@" in name or name.startswith(("http://", "https://", "www.")):
        return False
    if rules.BYLINE_PLACEHOLDER_RE.search(name):
        return False
    folded = _fold(name)
    return folded not in sites


def _visible_bylines(root: Element) -> Iterator[str]:
    """Bylines printed on the page: microdata and rel=author first, then elements whose class
    or id says author or byline; a list of names is joined, links to author pages preferred."""
    for selector in rules.BYLINE_CSS:
        for el in select(root, selector):
            if _in_comments(el) or _in_quotation(el):
                continue
            text = normalise_space(el.text_content())
            if not text or len(text) > 3 * rules.MAX_BYLINE_CHARS:
                continue
            if selector in rules.AUTHOR_LINK_CSS:
                if len(text.split()) > rules.MAX_AUTHOR_LINK_WORDS:
                    continue
                if peers := _author_link_peers(el):
                    yield peers
                    continue
            yield from _names_in(el)


def _author_link_peers(link: Element) -> str | None:
    """The names of the author links side by side with this one ("<a href=/author/ruima/>Rui
    Ma</a>, <a href=/author/heba/>Heba Ledwon</a> & ..."), when there are two or more."""
    parent = link.getparent()
    if parent is None or rules.BYLINE_REVIEWER_RE.search(_spaced_text(parent)):
        return None  # "By <a>X</a>, reviewed by <a>Y</a>": the first link is the writer
    peers = [
        name
        for a in parent.iterchildren("a")
        if rules.AUTHOR_LINK_RE.search(a.get("href") or "")
        and (name := _byline_text(_spaced_text(a)))
        and len(name.split()) <= rules.MAX_AUTHOR_LINK_WORDS
    ]
    return ", ".join(dict.fromkeys(peers)) if len(peers) >= 2 else None


# Text nodes as plain strings: `itertext` makes a Python proxy of every element it passes, which
# on a deeply nested page costs seconds for the few dozen elements read around a headline.
_TEXT_NODES: Final = etree.XPath(".//text()", smart_strings=False)


def _spaced_text(el: Element) -> str:
    """An element's text with its parts apart: "<span>Author</span><a>Venteur</a>" is two
    words, not "AuthorVenteur"."""
    return " ".join(_TEXT_NODES(el))


def _names_in(el: Element) -> Iterator[str]:
    items = [
        c
        for c in el
        if isinstance(c.tag, str)
        and rules.BYLINE_ITEM_RE.search((c.get("class") or "") + " " + (c.get("itemprop") or ""))
    ]
    if len(items) >= 2:
        yield ", ".join(n for c in items if (n := _byline_text(_spaced_text(c))))
        return
    links = [a for a in el.iter("a") if _clean(a.text_content())]
    if 1 <= len(links) <= 6 and all(len(_clean(a.text_content())) <= 60 for a in links):
        names = [_byline_text(_spaced_text(a)) for a in links]
        names = [n for n in names if n and not rules.BYLINE_NOT_NAME_RE.search(n)]
        if names:
            yield ", ".join(dict.fromkeys(names))
            return
    lines = _card_lines(el)
    text = _byline_text(lines[0] if len(lines) >= 2 else _spaced_text(el))
    if not rules.BYLINE_NOT_NAME_RE.search(text):
        yield text


def _card_lines(el: Element) -> list[str]:
    """The texts of an author card's block children, when its text is nothing else: "<p>Harry
    Rabinowitz</p><p>Tech Reporter</p>" is a name and a role, not one name."""
    for _ in range(_MAX_LD_DEPTH):  # through wrappers with one line each (a photo beside it)
        if (el.text or "").strip():
            return []
        lines: list[tuple[Element, str]] = []
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag not in rules.AUTHOR_CARD_LINE_TAGS or (child.tail or "").strip():
                return []
            if text := _clean(_spaced_text(child)):
                lines.append((child, text))
        if len(lines) != 1:
            return [text for _, text in lines]
        el = lines[0][0]
    return []


def _visible_dates(root: Element, month_first: bool) -> Iterator[Stamp]:
    """Machine-readable times on the page (<time datetime>, microdata), then dates printed in
    elements whose class says date or time; outside comment sections."""
    printed: list[Stamp] = []
    for selector in rules.DATELINE_CSS:
        for el in select(root, selector):
            if _in_comments(el):
                continue
            value = el.get("datetime") or el.get("content") or el.get("title")
            if (stamp := parse_stamp(value)) is not None:
                yield stamp
                continue
            text = normalise_space(el.text_content())
            # The date opens a short block ("Posted on April 13, 2023" before the tags).
            if (
                not printed
                and text
                and len(text) <= 300
                and (day := visible_date(text[:120], month_first))
            ):
                printed.append(day_stamp(day))
    yield from printed


def _url_dates(*urls: str | None) -> Iterator[Stamp]:
    for url in urls:
        m = _URL_DATE_RE.search(url or "")
        if m and (day := visible_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")):
            yield day_stamp(day)


def _meta_dates(meta: dict[str, str]) -> Iterator[Stamp]:
    for key in rules.META_PUBLISHED:
        if (stamp := parse_stamp(meta.get(key))) is not None:
            yield stamp
    # Names vary endlessly ("article:published:time", "publish-date", "DC.date.created").
    for key, value in meta.items():
        if rules.META_PUBLISHED_NAME_RE.search(key):
            if stamp := parse_stamp(value):
                yield stamp
            elif day := visible_date(value):  # "2024 Jun 30" (citation_publication_date)
                yield day_stamp(day)


def _headline_element(root: Element, sites: set[str]) -> Element | None:
    """The <h1> that heads the article: the first one that is not the site's name (blogs
    print the blog's name as an <h1> above the post's)."""
    first = None
    for h1 in root.iter("h1"):
        first = first if first is not None else h1
        if _fold(h1.text_content()) not in sites:
            return h1
    return first


def _printed_day(el: Element, month_first: bool) -> Stamp | None:
    """A date printed in a short element: its own text ("May 3, 2024"), else all its text when
    short (the date follows a link or a <br>: "by <a>Amanda</a> · Dec 20, 2025")."""
    for text in (el.text, el.text_content() if len(el) else None):
        text = normalise_space(text or "")
        if 6 <= len(text) <= 120 and (day := visible_date(text, month_first)) is not None:
            return day_stamp(day)
    return None


def _dates_by_headline(root: Element, sites: set[str], month_first: bool) -> Iterator[Stamp]:
    """A date printed in a short element just after the headline, or just before it (blog
    platforms print the dateline with nothing but layout classes)."""
    h1 = _headline_element(root, sites)
    if h1 is None:
        return
    for count, el in enumerate(_following(h1)):
        if count > rules.DATELINE_SEARCH_ELEMENTS:
            break
        if not isinstance(el.tag, str) or _in_comments(el):
            continue
        if (stamp := _printed_day(el, month_first)) is not None:
            yield stamp
            return
    for count, el in enumerate(_preceding(h1)):
        if count > rules.DATELINE_SEARCH_BEFORE:
            break
        if isinstance(el.tag, str) and (stamp := _printed_day(el, month_first)) is not None:
            yield stamp
            return


def _preceding(el: Element) -> Iterator[Element]:
    """The elements before one, nearest first, within its parent and grandparent (the header
    block that holds the headline)."""
    for node in (el, el.getparent()):
        if node is None:
            return
        for sibling in node.itersiblings(preceding=True):
            yield from reversed(list(sibling.iter()))


def _publication_stamps(
    ld_dates: list[str],
    meta: dict[str, str],
    root: Element,
    urls: tuple[str | None, ...],
    sites: set[str],
    ld_modified: list[str],
) -> Iterator[Stamp]:
    """Every publication time the page states, most trusted first, read lazily; the time it
    was last modified only where it states no other (a page's date is better than none)."""
    for value in ld_dates:
        if (stamp := parse_stamp(value)) is not None:
            yield stamp
    yield from _meta_dates(meta)
    # American pages print "06/01/2024" for June 1; every other language the day first.
    month_first = (root.get("lang") or "").strip().lower() in rules.MONTH_FIRST_LANGUAGES
    yield from _visible_dates(root, month_first)
    yield from _dates_by_headline(root, sites, month_first)
    yield from _url_dates(*urls)
    for modified in (*ld_modified, *(meta.get(k) for k in rules.META_MODIFIED)):
        if (stamp := parse_stamp(modified)) is not None:
            yield stamp


def _following(el: Element) -> Iterator[Element]:
    """The elements after one in document order."""
    for node in (el, *el.iterancestors()):
        for following in node.itersiblings():
            yield from following.iter()


def read_metadata(root: Element, url: str | None = None, markup: str | None = None) -> Metadata:
    """Collect metadata: JSON-LD, then OpenGraph and other <meta> tags, then what the page
    shows (headline, byline, dateline), then the URL (a date in its path).

    With the page's ``markup``, the head's metadata tags are read with BeautifulSoup
    (``head.page_tags``); the visible fallbacks from the lxml tree."""
    tags = page_tags(root, markup)
    ld_titles: list[str] = []
    ld_url = None
    ld_dates: list[str] = []
    ld_modified: list[str] = []
    ld_authors: list[str] = []
    ld_sites: list[str] = []
    ld_comments: list[RawComment] = []
    declared: set[str] = set()
    ld_objects = list(_json_ld_objects(tags.json_ld))
    by_id = {ref: obj for obj in ld_objects if isinstance(ref := obj.get("@id"), str)}
    for obj in ld_objects:
        types = _types(obj)
        declared |= types
        site = _first_name(obj.get("name"))
        if site and types & {"WebSite", "Organization", "NewsMediaOrganization"}:
            ld_sites.append(site)
        if not types & rules.ARTICLE_TYPES:
            continue
        for key in ("publisher", "sourceOrganization"):
            ld_sites.extend(_names(obj.get(key)))
        if types != {"WebPage"}:
            ld_titles.extend(
                t for key in ("headline", "name") if (t := _clean(_first_name(obj.get(key))))
            )
        if not ld_url:
            ld_url = _first_str(obj.get("url")) or _first_str(obj.get("mainEntityOfPage"))
        if ld_date := _first_str(obj.get("datePublished")) or _first_str(obj.get("dateCreated")):
            ld_dates.append(ld_date)
        if modified := _first_str(obj.get("dateModified")):
            ld_modified.append(modified)
        if not ld_authors:
            ld_authors = _names(obj.get("author"), 0, by_id) or _names(obj.get("creator"), 0, by_id)
        if not ld_comments:
            _ld_comments(obj.get("comment"), None, ld_comments, 0)
    meta = tags.meta
    if og_type := meta.get("og:type", "").strip().lower():
        declared.add(f"og:{og_type}")

    canonical = tags.canonical
    page_url = canonical or _first_meta(meta, rules.META_URL) or ld_url or url
    if page_url and not page_url.startswith(("http://", "https://")):
        # A relative canonical link is only useful with the caller's URL as its base.
        page_url = _absolute(page_url, url)

    sites = _site_names(tags, ld_sites, page_url or url)
    headings = _headings(root)
    h1s = [text for h1 in root.iter("h1") if not _in_navigation(h1) and (text := _heading_text(h1))]
    candidates = [*ld_titles, *(_clean(meta.get(k)) for k in rules.META_TITLE)]
    site_names = [*ld_sites, *(tags.meta.get(k, "") for k in rules.META_SITE_NAME)]
    labels = _title_labels(site_names, (page_url, url))
    title = _title([c for c in candidates if c], _clean(tags.title), h1s, headings, sites, labels)

    return Metadata(
        title=title or None,
        byline=_byline(ld_authors, tags, root, sites, site_of(page_url) or site_of(url)),
        url=page_url,
        site=site_of(page_url) or site_of(url),
        published_at=first_zoned(
            _publication_stamps(ld_dates, meta, root, (page_url, url), sites, ld_modified)
        ),
        comments=tuple(ld_comments),
        declared_types=frozenset(declared),
    )


def _ld_comments(value: Any, parent: int | None, out: list[RawComment], depth: int) -> None:
    """schema.org Comment (and Answer) objects under "comment", in order, replies after the
    comment they answer (``parent_index`` the position of that comment in ``out``)."""
    if depth > _MAX_LD_DEPTH or value is None:
        return
    for item in value if isinstance(value, list) else [value]:
        if not isinstance(item, dict) or not _types(item) & _COMMENT_TYPES:
            continue
        text = item.get("text") if isinstance(item.get("text"), str) else ""
        paragraphs = (_clean(_TAG_RE.sub(" ", p)) for p in _BREAK_RE.split(text or ""))
        body = "\n\n".join(p for p in paragraphs if p)
        if not body:
            continue
        authors = _names(item.get("author"))
        when = _first_str(item.get("dateCreated")) or _first_str(item.get("datePublished"))
        out.append(
            RawComment(
                author=authors[0] if authors else "",
                body=body,
                posted_at=parse_datetime(when),
                parent_index=parent,
            )
        )
        _ld_comments(item.get("comment"), len(out) - 1, out, depth + 1)


def _first_name(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _first_meta(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((v for k in keys if (v := meta.get(k))), None)


def _byline(
    ld_authors: list[str], tags: HeadTags, root: Element, sites: set[str], host: str | None
) -> str | None:
    """The first byline source whose names pass; the site's own name only as a last resort.

    A <meta> name given once per author ("citation_author", "article:author") gives them all."""
    meta = tags.meta
    fallback = None
    sources: list[list[str]] = [ld_authors]
    sources.extend(_meta_names(tags, k) for k in rules.META_AUTHOR if meta.get(k))
    sources.extend(
        _meta_names(tags, key)
        for key, value in meta.items()
        if key not in rules.META_AUTHOR and rules.META_AUTHOR_NAME_RE.search(key) and value
    )
    sources.extend([name] for name in _labelled_meta_authors(meta))
    for names in sources:
        cleaned = [n for n in (_without_site_parts(_byline_text(n), sites) for n in names) if n]
        good = [n for n in cleaned if _acceptable_byline(n, sites)]
        if good:
            return ", ".join(dict.fromkeys(good))
        if cleaned and fallback is None and _fold(cleaned[0]) in sites:
            fallback = cleaned[0]
    # Read lazily: the later sources walk the tree and are rarely needed.
    printed = chain(
        _visible_bylines(root),
        _labelled_bylines(root),
        _bylines_by_headline(root, sites),
        _bylines_by_icon(root),
        _described_bylines(meta),
    )
    for text in printed:
        names = _printed_names(text, sites)
        if names and all(_acceptable_byline(n, sites) for n in names):
            return ", ".join(dict.fromkeys(names))
    return fallback or _personal_site_name(tags, host)


def _meta_names(tags: HeadTags, key: str) -> list[str]:
    """The names a <meta> gives: one value, or one per author where the name repeats, each
    then one person ("citation_author" = "Roy, Aniruddha" is Aniruddha Roy)."""
    values = list(dict.fromkeys(tags.repeated.get(key, ())))
    if len(values) < 2:
        return [tags.meta[key]]
    return [_given_first(v) for v in values]


def _given_first(name: str) -> str:
    """ "Family, Given" -> "Given Family"; any other name as it is."""
    family, comma, given = name.partition(",")
    if not comma or "," in given or not family.strip() or not given.strip():
        return name
    return f"{given.strip()} {family.strip()}"


def _printed_names(text: str, sites: set[str]) -> list[str]:
    """The names of a printed byline, without the parts that are not names: a role ("Tech
    Reporter"), the site's name, a button ("Subscribe to updates from author")."""
    if not text or len(text) > rules.MAX_PRINTED_BYLINE_CHARS:
        return []
    names = []
    for part in text.split(","):
        part = _without_role(rules.BYLINE_ASIDE_RE.sub("", part)).strip(" ,;:|-–—·")
        if part and not rules.BYLINE_NOT_NAME_RE.search(part):
            names.append(part)
    # The site's name beside a writer's ("Manoj Jain, The Commercial Appeal") is not one of
    # the names; alone it is the byline the page prints.
    people = [n for n in names if not _site_part(n, sites)]
    return people or names


def _site_part(part: str, sites: set[str]) -> bool:
    """Whether a part of a byline names the site: its name with more words around it, or
    opened by the site's short name ("MDR THÜRINGEN" on mdr.de, a regional desk)."""
    words = part.split()
    return _names_site(part, sites, with_more=True) or (
        len(words) >= 2 and _fold(words[0]) in sites
    )


def _without_site_parts(byline: str, sites: set[str]) -> str:
    """A metadata byline without the parts after a comma that name the site ("Manoj Jain and
    Jagpreet Chhatwal, The Commercial Appeal"); the whole when every part does."""
    parts = [p.strip() for p in byline.split(",")]
    people = [p for p in parts if p and not _site_part(p, sites)]
    return ", ".join(people) if people and len(people) < len(parts) else byline


def _without_role(part: str) -> str:
    """A name without the role printed after it: "Preetam Jinka Co-founder and Chief
    Architect" -> "Preetam Jinka"; a part that is a role alone ("Tech Reporter") -> ""."""
    m = rules.BYLINE_ROLE_RE.search(part)
    if m is None:
        return part
    name = part[: m.start()].strip()
    return name if len(name.split()) >= 2 else ""


def _labelled_bylines(root: Element) -> Iterator[str]:
    """A name printed in the element after a label that stands alone: "<div>Written
    by</div><div>Jack Shepherd</div>" (a template's author card), outside comments."""
    for node in _SHORT_TEXT_NODES(root):
        if not rules.BYLINE_LABEL_RE.fullmatch(node.strip()):
            continue
        label = node.getparent()
        if label is None or node.is_tail or _in_comments(label) or _in_quotation(label):
            continue
        if not rules.BYLINE_LABEL_RE.fullmatch(normalise_space(label.text_content())):
            continue
        for count, el in enumerate(_following(label)):
            if count > rules.LABELLED_NAME_SEARCH_ELEMENTS or not isinstance(el.tag, str):
                break
            if el.tag in rules.INVISIBLE_TAGS:
                continue
            text = _clean(_spaced_text(el))
            if not text:
                continue
            if len(text) <= rules.MAX_BYLINE_CHARS:
                # A list of linked names after "Author(s)" is each link's name.
                yield next(_names_in(el), "")
                return
            if len(el) == 0:
                break  # a paragraph of text follows the label, not a name


# Text nodes short enough to be a byline label alone ("Written by", "Author:").
_SHORT_TEXT_NODES: Final = etree.XPath(
    "//body//text()[string-length(normalize-space(.)) > 1"
    " and string-length(normalize-space(.)) < 20]"
)


def _labelled_meta_authors(meta: dict[str, str]) -> Iterator[str]:
    """ "twitter:data1" where "twitter:label1" says "Written by" (Yoast SEO's table)."""
    for index in range(1, 5):
        label = meta.get(f"twitter:label{index}", "")
        if rules.META_AUTHOR_LABEL_RE.match(label.strip()) and (
            value := meta.get(f"twitter:data{index}")
        ):
            yield value


def _bylines_by_headline(root: Element, sites: set[str]) -> Iterator[str]:
    """A short "By Jane Doe" line printed just before or after the headline, whatever its
    classes (React and Tailwind templates name nothing)."""
    h1 = _headline_element(root, sites)
    if h1 is None:
        return
    near = [*_preceding(h1)][: rules.DATELINE_SEARCH_BEFORE]
    for count, el in enumerate(_following(h1)):
        if count > rules.DATELINE_SEARCH_ELEMENTS:
            break
        near.append(el)
    for el in near:
        if not isinstance(el.tag, str) or _in_comments(el) or _in_quotation(el):
            continue
        lines = _card_lines(el)
        text = lines[0] if len(lines) >= 2 else normalise_space(_spaced_text(el))
        if len(text) > rules.MAX_BYLINE_CHARS or not rules.BYLINE_LINE_RE.match(text):
            continue
        name = _byline_text(text)
        if len(name.split()) > 6:
            # "By <a>A. J. Neal</a> <a>View In Digital Edition</a>": the linked names only.
            name = next(_names_in(el), "")
        if name and len(name.split()) <= 6 and not rules.BYLINE_NOT_NAME_RE.search(name):
            yield name
            return


def _bylines_by_icon(root: Element) -> Iterator[str]:
    """A name printed after a person icon in a row that also shows the date ("<li><i
    class='bi bi-person'></i> Bence Kovács</li><li><i class='bi bi-clock'></i><time>"): the
    icon is the label, in every language. The date beside it keeps out an account link."""
    for icon in root.iter("i", "span", "svg"):
        if len(icon) > 2 or not rules.BYLINE_ICON_CLASS_RE.search(icon.get("class") or ""):
            continue
        holder, row = icon.getparent(), None
        row = holder.getparent() if holder is not None else None
        if holder is None or row is None or _in_comments(holder) or _in_quotation(holder):
            continue
        text = _clean(_spaced_text(holder))
        if not text or len(text.split()) > rules.MAX_AUTHOR_LINK_WORDS:
            continue
        row_text = normalise_space(_spaced_text(row))
        if next(row.iter("time"), None) is not None or visible_date(row_text[:300]):
            yield _byline_text(text)
            return


def _described_bylines(meta: dict[str, str]) -> Iterator[str]:
    """A byline that only the page's description states: "By Md Aynal Haque" on a line of its
    own before an agency's dateline, "Read this article written by Jennifer Simonazzi."."""
    for key in rules.META_DESCRIPTION:
        for pattern in rules.DESCRIPTION_BYLINE_PATTERNS:
            m = pattern.search(meta.get(key) or "")
            name = m.group("name") if m else ""
            if 2 <= len(name.split()) <= 4 and all(w[:1].isupper() for w in name.split()):
                yield name
                return


def _personal_site_name(tags: HeadTags, host: str | None) -> str | None:
    """The site's name when it is a person's name that the host spells ("Polly Barks" on
    pollybarks.com, "Damien Walter" on damiengwalter.com): a personal site's pages are its
    owner's, where no page names another writer."""
    spelled = _fold(host or "")
    for key in rules.META_SITE_NAME:
        name = _clean(tags.meta.get(key))
        words = name.split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
            continue
        if all(_fold(w) in spelled for w in words):
            return name
    return None
