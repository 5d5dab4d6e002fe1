"""The article body: drop furniture, find the article container, flatten it into paragraphs.

The container is either named by a dialect's CSS selectors or found by readability-style scoring:
every prose paragraph credits its parent and grandparent, weighted by class/id words and
discounted by link density; the best-scoring element, plus siblings that score nearly as well, is
the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from lxml import etree

from extraction.html import rules
from extraction.html.text import attr_words, normalise_space
from extraction.html.tree import Element, drop, iter_elements, select, tag_of

_OPEN_QUOTES: Final = "\"“„«‘'"
_WORD_RE: Final = re.compile(r"\w+")


@dataclass(slots=True)
class Body:
    """Paragraphs in reading order and the indices of those that came from a <blockquote>."""

    paragraphs: list[str] = field(default_factory=list)
    blockquote_paragraphs: set[int] = field(default_factory=set)
    credit_lines: list[str] = field(default_factory=list)  # "Photo credit: ..." lines, dropped


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


def _is_small(el: Element) -> bool:
    # all() stops at the limit: wrappers of whole pages hold hundreds of paragraphs.
    limit = rules.SMALL_MAX_PARAGRAPHS
    return all(n < limit for n, _ in enumerate(el.iter("p"), start=1))


def _has_discard_attribute(el: Element) -> bool:
    attrib = el.attrib
    for name, values in rules.DISCARD_ATTRIBUTES.items():
        value = attrib.get(name)
        if value is not None and (values is None or value.strip().lower() in values):
            return True
    style = attrib.get("style")
    if style and any(s in "".join(style.split()).lower() for s in rules.DISCARD_STYLES):
        return True
    classes = attrib.get("class")
    return classes is not None and not rules.DISCARD_CLASSES.isdisjoint(classes.split())


def _is_boilerplate(el: Element) -> bool:
    tag = tag_of(el)
    if tag in rules.NEVER_DISCARD_TAGS:
        return False
    if tag in rules.DISCARD_TAGS_IF_SMALL:
        return _is_small(el)
    if el.attrib and _has_discard_attribute(el):
        return True
    words = attr_words(el.get("class")) | attr_words(el.get("id"))
    if not words or words & rules.EMBED_WORDS:
        return False
    if words & rules.BOILERPLATE_WORDS:
        # "story__byline" is a byline, but "article-body share-enabled" may be the article.
        return not (words & rules.KEEP_WORDS) or _is_small(el)
    if words & rules.KEEP_WORDS:
        return False
    return bool(words & rules.BOILERPLATE_WORDS_IF_SMALL) and _is_small(el)


def clean(root: Element) -> None:
    """Remove scripts, media, forms, hidden and boilerplate elements from the tree in place."""
    doomed: list[Element] = []
    for el in iter_elements(root):
        tag = tag_of(el)
        if tag in rules.DISCARD_TAGS or tag in rules.FURNITURE_TAGS or _is_boilerplate(el):
            doomed.append(el)
    for el in doomed:
        drop(el)


def _text_len(el: Element) -> int:
    return len(normalise_space(el.text_content()))


def _link_density(el: Element, total: int) -> float:
    if total == 0:
        return 0.0
    linked = sum(len(normalise_space(a.text_content())) for a in el.iter("a"))
    return min(1.0, linked / total)


def _class_weight(el: Element) -> int:
    words = attr_words(el.get("class")) | attr_words(el.get("id"))
    weight = 0
    if words & rules.POSITIVE_WORDS:
        weight += 25
    if words & rules.NEGATIVE_WORDS:
        weight -= 25
    return weight


def _has_block_child(el: Element) -> bool:
    return any(tag_of(child) in rules.BLOCK_TAGS for child in el)


def _direct_text(el: Element) -> str:
    """Text that sits in the element itself: its text, the tails of its children and the text
    of its inline children (prose written as text nodes between <br>s, not in <p>s)."""
    parts = [el.text or ""]
    for child in el:
        tag = tag_of(child)
        if tag and tag not in rules.BLOCK_TAGS and tag != "br":
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return "".join(parts)


def _scored_paragraphs(root: Element) -> Iterable[tuple[Element, str, int]]:
    """(element to credit first, paragraph text, credit level of that element)."""
    for el in iter_elements(root):
        tag = tag_of(el)
        if tag in ("p", "pre"):
            yield el, el.text_content(), 1
        elif tag in rules.BLOCK_TAGS and tag not in ("html", "body"):
            if not _has_block_child(el):
                # A div holding only inline content is a paragraph in disguise.
                yield el, el.text_content(), 1
            else:
                text = _direct_text(el)
                if len(text) >= rules.MIN_SCORED_PARAGRAPH_CHARS:
                    # Loose text between blocks: the element itself is its container.
                    yield el, text, 0


def find_container(root: Element) -> list[Element]:
    """The element(s) most likely to hold the article body, in document order."""
    scores: dict[Element, float] = {}
    for para, text, start in _scored_paragraphs(root):
        length = len(normalise_space(text))
        if length < rules.MIN_SCORED_PARAGRAPH_CHARS:
            continue
        score = 1.0 + text.count(",") + min(length // 100, 3)
        ancestor = para.getparent() if start else para
        for level in range(3):
            if ancestor is None or tag_of(ancestor) in ("html", ""):
                break
            if ancestor not in scores:
                scores[ancestor] = float(rules.TAG_WEIGHTS.get(tag_of(ancestor), 0))
            scores[ancestor] += score / (1, 2, 3)[level]
            ancestor = ancestor.getparent()
    if not scores:
        body = root.find("body")
        return [body if body is not None else root]
    final: dict[Element, float] = {}
    for el, score in scores.items():
        length = _text_len(el)
        weight = _class_weight(el)
        if weight > 0 and length < rules.MIN_CLASS_BONUS_CHARS:
            # "content-wrapper title" is a heading, not the article, whatever its class says.
            weight = 0
        final[el] = (score + weight) * (1.0 - _link_density(el, length))
    top = max(final, key=final.__getitem__)
    top_score = final[top]
    parent = top.getparent()
    if parent is None:
        return [top]
    threshold = max(10.0, top_score * 0.2)
    chosen: list[Element] = []
    for sibling in parent:
        if not isinstance(sibling, Element) or not isinstance(sibling.tag, str):
            continue
        if sibling is top:
            chosen.append(sibling)
            continue
        if final.get(sibling, -1.0) >= threshold and _class_weight(sibling) >= 0:
            chosen.append(sibling)
            continue
        if tag_of(sibling) == "p":
            length = _text_len(sibling)
            density = _link_density(sibling, length)
            text = normalise_space(sibling.text_content())
            if (length > 80 and density < 0.25) or (
                0 < length <= 80 and density == 0 and text.endswith((".", "!", "?", "”", '"'))
            ):
                chosen.append(sibling)
    return _with_chunks(root, top, chosen, final)


def _with_chunks(
    root: Element, top: Element, chosen: list[Element], final: dict[Element, float]
) -> list[Element]:
    """Add the article's other chunks: some sites (Wired, the Telegraph) split the body into
    several containers of the same tag and class, interleaved with ads, in different parents."""
    signature = top.get("class")
    if not signature:
        return chosen
    extra = [
        el
        for el, score in final.items()
        if score > 0
        and el.tag == top.tag
        and el.get("class") == signature
        and not any(el is c or c in el.iterancestors() or el in c.iterancestors() for c in chosen)
    ]
    if not extra:
        return chosen
    position = {el: i for i, el in enumerate(root.iter())}
    return sorted([*chosen, *extra], key=lambda el: position.get(el, 0))


@dataclass(slots=True)
class _Para:
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    quoted: bool = False
    heading: bool = False


class _Flattener:
    """Turns a subtree into paragraphs: every block element starts a new one."""

    def __init__(self) -> None:
        self.out: list[_Para] = []
        self.current = _Para()
        self.blockquote_depth = 0
        self.attribution_depth = 0  # <cite>/<footer> in a blockquote name the source
        self.link_depth = 0
        self.heading_depth = 0
        self.after_br = False  # a <br> with no text since: a second one ends the paragraph
        self.marked_q: set[etree._Element] = set()

    def flush(self) -> None:
        if "".join(self.current.parts).strip():
            self.out.append(self.current)
        self.current = _Para()

    def add(self, text: str | None) -> None:
        if not text:
            return
        if text.strip():
            self.after_br = False
        if not self.current.parts:
            self.current.quoted = self.blockquote_depth > 0 and not self.attribution_depth
            self.current.heading = self.heading_depth > 0
        self.current.parts.append(text)
        if self.link_depth:
            self.current.link_chars += len(text.strip())

    def walk(self, root: Element, skip: frozenset[str] = frozenset()) -> None:
        walker = etree.iterwalk(root, events=("start", "end"))
        skipped: set[etree._Element] = set()
        for event, el in walker:
            tag = tag_of(el)
            if not tag or el in skipped:
                if event == "end" and el is not root:
                    self.add(el.tail)
                continue
            if event == "start" and tag in skip:
                # Scripts, buttons and the like inside an uncleaned subtree (a comment body).
                walker.skip_subtree()
                skipped.add(el)
                continue
            block = tag in rules.BLOCK_TAGS
            if event == "start":
                if block:
                    self.flush()
                if tag == "blockquote":
                    self.blockquote_depth += 1
                elif tag == "a":
                    self.link_depth += 1
                elif tag in rules.HEADING_TAGS:
                    self.heading_depth += 1
                elif tag == "br":
                    if self.after_br:
                        self.flush()  # <br><br> separates paragraphs in hand-made markup
                    else:
                        self.add(" ")
                    self.after_br = True
                elif tag in ("cite", "footer") and self.blockquote_depth:
                    self.attribution_depth += 1
                if tag == "q" and not (el.text or "").lstrip().startswith(tuple(_OPEN_QUOTES)):
                    # Keep the marks so the quote extractor sees the <q> as a quotation.
                    self.add("“")
                    self.marked_q.add(el)
                self.add(el.text)
            else:
                if tag == "q" and el in self.marked_q:
                    self.add("”")
                if tag == "blockquote":
                    self.blockquote_depth -= 1
                elif tag in ("cite", "footer") and self.attribution_depth:
                    self.attribution_depth -= 1
                elif tag == "a":
                    self.link_depth -= 1
                elif tag in rules.HEADING_TAGS:
                    self.heading_depth -= 1
                if block:
                    self.flush()
                if el is not root:
                    self.add(el.tail)
        self.flush()


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.casefold())


def _is_furniture_line(text: str) -> bool:
    return any(p.fullmatch(text) for p in rules.FURNITURE_LINES)


def paragraphs_of(el: Element) -> list[str]:
    """Paragraph texts of an element that was not cleaned (scripts, buttons, forms skipped)."""
    flattener = _Flattener()
    flattener.walk(el, skip=rules.DISCARD_TAGS)
    texts = (normalise_space("".join(p.parts)) for p in flattener.out)
    return [t for t in texts if t]


def flatten(containers: Sequence[Element], *, title: str | None = None) -> Body:
    """Paragraphs of the containers in document order, furniture lines dropped."""
    flattener = _Flattener()
    for container in containers:
        flattener.walk(container)
    body = Body()
    # The headline repeated as the first heading is the title, not body text; compared by words
    # so that "Ama..." and "Ama…" are the same.
    title_words = _words(title) if title else None
    seen: set[str] = set()
    for para in flattener.out:
        text = normalise_space("".join(para.parts))
        if not text or not any(ch.isalnum() for ch in text):
            continue
        if text in seen and len(text) > 150:
            # A second copy of a paragraph is a mobile/desktop duplicate or a pull quote.
            continue
        seen.add(text)
        if para.link_chars and para.link_chars >= 0.6 * len(text) and not para.quoted:
            # Lists of links (related stories, tag clouds) are not prose.
            continue
        if _is_furniture_line(text):
            credit = photo_credit_of(text)
            if credit:
                body.credit_lines.append(credit)
            continue
        if para.heading and title_words and _words(text) == title_words:
            continue
        if para.quoted:
            body.blockquote_paragraphs.add(len(body.paragraphs))
        body.paragraphs.append(text)
    return body


def extract_body(
    root: Element,
    *,
    container_css: Sequence[str] = (),
    title: str | None = None,
) -> Body:
    """Clean the tree (in place) and return the article's paragraphs."""
    clean(root)
    containers: list[Element] = []
    for selector in container_css:
        containers = select(root, selector)
        if containers:
            break
    # Nested matches would be flattened twice; keep the outermost.
    containers = [c for c in containers if not any(a in containers for a in c.iterancestors())]
    if not containers:
        containers = find_container(root)
    return flatten(containers, title=title)
