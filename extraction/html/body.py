"""The article body: mark furniture, find the article container, flatten it into paragraphs.

The container is either named by a dialect's CSS selectors or found by text-density scoring
(``density.py``). Furniture (navigation, share bars, "related" boxes, hidden elements, ...) is
marked, not cut out, and an element holding most of the page's prose is never marked: broken
markup and odd templates wrap whole articles in a <form>, an unclosed <aside> or a "sidebar"
div. Each extraction carries a confidence, the share of the page's prose it kept; when that is
low the page is read again with the class-name rules off (as Readability retries without its
"unlikely candidates"), and the better reading wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from lxml import etree

from extraction.html import rules
from extraction.html.density import Density, best_container, expanded, measure, prose_of
from extraction.html.embedded import embedded_article
from extraction.html.flatten import Body, flatten
from extraction.html.text import attr_words, normalise_space
from extraction.html.tree import Element, VisibleWalk, select, tag_of

__all__ = ["Body", "extract_body", "photo_credit_of"]

# Elements whose own markup may hide them (``_is_hidden`` decides).
_MAY_BE_HIDDEN: Final = etree.XPath("//*[@hidden or @style]")
# Hidden prose below this share of the page's is left in its measure.
_HIDDEN_PROSE_SHARE: Final = 0.1
# Below this confidence, or when a pass keeps no text, the relaxed pass is tried.
_RETRY_CONFIDENCE: Final = 0.35
# A body holding less than this share of its containers' prose has lost it in the flattening
# (dropping repeated copies loses less): its confidence is what came out.
_MIN_KEPT_SHARE: Final = 0.2
# Pages with less prose than this have no article worth a second reading.
_MIN_PAGE_PROSE: Final = 400


def photo_credit_of(text: str) -> str | None:
    """The credit named by a line such as "Photo credit: Warren Wong via Unsplash."."""
    for pattern in rules.PHOTO_CREDIT_PATTERNS:
        m = pattern.search(text)
        if m:
            credit = normalise_space(m.group(1)).rstrip(". ")
            if credit and len(credit) <= rules.MAX_PHOTO_CREDIT_CHARS:
                return credit
            return None
    return None


def _is_hidden(el: Element) -> bool:
    """Whether the element's own markup hides it (``hidden``, ``display: none``): unlike class
    names, no guess."""
    attrib = el.attrib
    if "hidden" in attrib:
        return True
    style = attrib.get("style")
    return style is not None and any(
        s in "".join(style.split()).lower() for s in rules.DISCARD_STYLES
    )


def _has_discard_attribute(el: Element) -> bool:
    attrib = el.attrib
    for name, values in rules.DISCARD_ATTRIBUTES.items():
        value = attrib.get(name)
        if value is not None and (values is None or value.strip().lower() in values):
            return True
    if _is_hidden(el):
        return True
    classes = attrib.get("class")
    return classes is not None and not rules.DISCARD_CLASSES.isdisjoint(classes.split())


def _in_article(el: Element) -> bool:
    return any(tag_of(a) in rules.ARTICLE_HEADER_PARENTS for a in el.iterancestors())


class _Furniture:
    """Decides which elements are page furniture, given how much of the page's prose each
    holds."""

    def __init__(self, d: Density) -> None:
        self.prose = d.prose
        self.page = d.page_prose

    def small(self, el: Element) -> bool:
        return self.prose.get(el, 0) < rules.SMALL_PROSE_SHARE * self.page

    def protected(self, el: Element) -> bool:
        return (
            self.page >= _MIN_PAGE_PROSE
            and self.prose.get(el, 0) >= rules.PROTECTED_PROSE_SHARE * self.page
        )

    def by_tag(self, el: Element, tag: str) -> bool:
        if tag in rules.DISCARD_TAGS:
            return True
        if tag in rules.FURNITURE_TAGS:
            # An <article>'s own <header> holds its headline and standfirst (the lead
            # paragraph); its furniture (bylines, share bars) is found by class.
            return not (tag == "header" and _in_article(el))
        return tag in rules.DISCARD_TAGS_IF_SMALL and self.small(el)

    def by_class(self, el: Element, tag: str) -> bool:
        if tag in rules.NEVER_DISCARD_TAGS:
            return False
        if el.attrib and _has_discard_attribute(el):
            return True
        words = attr_words(el.get("class")) | attr_words(el.get("id"))
        if not words or words & rules.EMBED_WORDS:
            return False
        if words & rules.BOILERPLATE_WORDS:
            # "story__byline" is a byline, but "article-body share-enabled" may be the article.
            return not (words & rules.KEEP_WORDS) or self.small(el)
        if words & rules.KEEP_WORDS:
            return False
        return bool(words & rules.BOILERPLATE_WORDS_IF_SMALL) and self.small(el)

    def marked(self, root: Element, *, by_class: bool) -> set[Element]:
        """The outermost furniture elements under root; without ``by_class``, only those marked
        by tag or hidden by their own markup."""
        found: set[Element] = set()
        walker = VisibleWalk(root)
        for el, tag in walker:
            if self.protected(el):
                continue
            # The relaxed reading (by_class off) still leaves out what the markup hides.
            if self.by_tag(el, tag) or (
                self.by_class(el, tag) if by_class else el.attrib and _is_hidden(el)
            ):
                found.add(el)
                walker.skip_subtree()
        return found


def _outermost(elements: list[Element]) -> list[Element]:
    members = set(elements)
    return [e for e in elements if not any(a in members for a in e.iterancestors())]


def _reading(
    root: Element,
    page: Density,
    removed: set[Element],
    container_css: Sequence[str],
    title: str | None,
    *,
    expand: bool = False,
) -> tuple[Body, list[Element]]:
    """One reading of the page with the given furniture removed: (body, its containers). With
    ``expand``, the containers widen to the ancestor holding most of the page's prose."""
    d = measure(root, removed)
    containers: list[Element] = []
    for selector in container_css:
        found = [
            c
            for c in select(root, selector)
            if c not in removed and not any(a in removed for a in c.iterancestors())
        ]
        # A dialect's container that holds little of the page's prose is an excerpt or a
        # teaser of the same class, not the article.
        if found and prose_of(found, d) >= _RETRY_CONFIDENCE * page.page_prose:
            containers = _outermost(found)
            break
    if not containers:
        containers = best_container(root, d)
    if expand and (wider := expanded(containers, d)) is not None:
        containers = [wider]
    if not containers:
        body_el = root.find("body")
        containers = [body_el if body_el is not None else root]
    body = flatten(containers, title=title, removed=removed)
    body.containers = containers
    if page.page_prose:
        # The share of the page's prose the body holds: what its containers hold, unless little
        # of that came out of them (containers whose text the flattening dropped as link lists
        # or furniture lines give an empty or near-empty body: the fallback is asked).
        kept = prose_of(containers, d)
        out = sum(len(p) for p in body.paragraphs)
        if out < _MIN_KEPT_SHARE * kept:
            kept = out
        body.confidence = min(1.0, kept / page.page_prose)
    elif body.paragraphs:
        body.confidence = 1.0
    return body, containers


def extract_body(
    root: Element,
    *,
    container_css: Sequence[str] = (),
    title: str | None = None,
) -> Body:
    """The article's paragraphs. The tree is not changed."""
    body = _read(root, container_css, title)
    if not body.paragraphs and (embedded := embedded_article(root)) is not None:
        # Nothing visible: the article may be in the page's script data, unrendered. The
        # confidence stays 0, so that the fallback extractor is still asked.
        body.paragraphs = _read(embedded, (), title).paragraphs
        body.containers = []
    return body


def _page_measure(root: Element) -> Density:
    """The page's density without the elements its markup hides (text nobody sees is not the
    page's prose, and must not lower a reading's confidence), unless one holds most of the
    prose (a page wrapped whole in a hidden element until a script shows it)."""
    page = measure(root)
    hidden = {
        el
        for el in _MAY_BE_HIDDEN(root)
        if isinstance(el, Element)
        and _is_hidden(el)
        and 0 < page.prose.get(el, 0) < rules.PROTECTED_PROSE_SHARE * page.page_prose
    }
    # Re-measured only when what is hidden could move a confidence (the measure is the costly
    # pass); counted twice where hidden elements nest, which only errs towards re-measuring.
    if sum(page.prose[el] for el in hidden) < _HIDDEN_PROSE_SHARE * page.page_prose:
        return page
    return measure(root, hidden)


def _read(root: Element, container_css: Sequence[str], title: str | None) -> Body:
    page = _page_measure(root)
    furniture = _Furniture(page)
    strict = furniture.marked(root, by_class=True)
    body, _ = _reading(root, page, strict, container_css, title)
    if (body.confidence >= _RETRY_CONFIDENCE and body.paragraphs) or (
        page.page_prose < _MIN_PAGE_PROSE and body.paragraphs
    ):
        return body
    # Low confidence: read again widened to where the prose is, and without the class-name
    # rules, which misfire on unfamiliar templates; keep whichever reading holds the most of
    # the page's prose.
    best = body
    for removed, expand in ((strict, True), (furniture.marked(root, by_class=False), False)):
        other, _ = _reading(root, page, removed, (), title, expand=expand)
        if other.confidence > best.confidence + 0.1 or not best.paragraphs:
            best = other
    return best
