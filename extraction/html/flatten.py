"""Flattening a subtree into paragraphs: every block element (and <br><br>) starts a new one.

Headings stay paragraphs; <blockquote> paragraphs are marked as quoted (an attribution in a
<cite> or <footer> inside is not); <q> keeps its quotation marks; furniture lines, link lists and
repeats of long paragraphs in another place (a duplicated layout, a pull quote) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Final

from lxml import etree

from extraction.html import rules
from extraction.html.text import normalise_space
from extraction.html.tree import Element, tag_of

_OPEN_QUOTES: Final = "\"“„«‘'"
_WORD_RE: Final = re.compile(r"\w+")
# Where a paragraph sits: its innermost block element's parent and tag.
_Place = tuple[etree._Element | None, str] | None


@dataclass(slots=True)
class Body:
    """Paragraphs in reading order and the indices of those that came from a <blockquote>."""

    paragraphs: list[str] = field(default_factory=list)
    blockquote_paragraphs: set[int] = field(default_factory=set)
    furniture_lines: list[str] = field(default_factory=list)  # "Photo credit: ..." and the like
    # Share of the page's prose that the body holds (0 to 1); low values say the page has no
    # single article or that the container was missed.
    confidence: float = 0.0
    # The elements the paragraphs were read from (none when they came from elsewhere: the
    # page's script data); the page-kind rule asks whether the page's teasers sit inside them.
    containers: list[Element] = field(default_factory=list)


@dataclass(slots=True)
class _Para:
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    quoted: bool = False
    heading: bool = False
    # Where the paragraph sits: its innermost block element's parent and tag. Two copies in
    # the same place are the text itself repeating; in different places, a duplicated layout.
    place: _Place = None


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
        self.blocks: list[Element] = []  # the open block elements, innermost last

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
            if self.blocks:
                block = self.blocks[-1]
                self.current.place = (block.getparent(), tag_of(block))
        self.current.parts.append(text)
        if self.link_depth:
            self.current.link_chars += len(text.strip())

    def walk(
        self,
        root: Element,
        skip: Collection[str] = frozenset(),
        removed: Collection[Element] = frozenset(),
    ) -> None:
        walker = etree.iterwalk(root, events=("start", "end"))
        skipped: set[etree._Element] = set()
        for event, el in walker:
            tag = tag_of(el)
            if not tag or el in skipped:
                if event == "end" and el is not root:
                    self.add(el.tail)
                continue
            if event == "start" and (tag in skip or el in removed):
                # Scripts, buttons and the like inside an uncleaned subtree (a comment body).
                walker.skip_subtree()
                skipped.add(el)
                continue
            block = tag in rules.BLOCK_TAGS
            if event == "start":
                if block:
                    self.flush()
                    self.blocks.append(el)
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
                    self.blocks.pop()
                if el is not root:
                    self.add(el.tail)
        self.flush()


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.casefold())


def _is_furniture_line(text: str) -> bool:
    return any(p.fullmatch(text) for p in rules.FURNITURE_LINES)


def _mostly_links(para: _Para, text: str) -> bool:
    return bool(para.link_chars) and para.link_chars >= rules.MAX_PARAGRAPH_LINK_SHARE * len(text)


def _same_kind_place(first: _Place, other: _Place) -> bool:
    """Whether a repeated paragraph sits where its first copy does: in the same parent, or in a
    parent of the same tag and class beside the first one's (two sections of one article, as
    against a pull quote's <aside> or a print layout's differently named copy)."""
    if first == other:
        return True
    if first is None or other is None or first[1] != other[1]:
        return False
    a, b = first[0], other[0]
    return (
        a is not None
        and b is not None
        and a.tag == b.tag
        and a.get("class") == b.get("class")
        and a.getparent() is b.getparent()
    )


def _data_rows(paras: list[_Para]) -> set[etree._Element | None]:
    """Table rows with a cell of plain text, not links: rows of data rather than of
    navigation."""
    rows: set[etree._Element | None] = set()
    for para in paras:
        if para.place and para.place[1] in ("td", "th"):
            text = normalise_space("".join(para.parts))
            if any(ch.isalnum() for ch in text) and not _mostly_links(para, text):
                rows.add(para.place[0])
    return rows


def paragraphs_of(el: Element, removed: Collection[Element] = frozenset()) -> list[str]:
    """Paragraph texts of an element that was not cleaned (scripts, buttons, forms skipped),
    without the ``removed`` elements."""
    flattener = _Flattener()
    flattener.walk(el, skip=rules.DISCARD_TAGS, removed=removed)
    texts = (normalise_space("".join(p.parts)) for p in flattener.out)
    return [t for t in texts if t]


def flatten(
    containers: Sequence[Element],
    *,
    title: str | None = None,
    removed: Collection[Element] = frozenset(),
) -> Body:
    """Paragraphs of the containers in document order, without the ``removed`` elements and
    without furniture lines."""
    flattener = _Flattener()
    for container in containers:
        flattener.walk(container, skip=rules.INVISIBLE_TAGS, removed=removed)
    body = Body()
    # The headline repeated as the first heading is the title, not body text; compared by words
    # so that "Ama..." and "Ama…" are the same.
    title_words = _words(title) if title else None
    data_rows = _data_rows(flattener.out)
    first_place: dict[str, _Place] = {}
    for para in flattener.out:
        text = normalise_space("".join(para.parts))
        if not text or not any(ch.isalnum() for ch in text):
            continue
        place = first_place.setdefault(text, para.place)
        if len(text) > 150 and not _same_kind_place(place, para.place):
            # A second copy elsewhere is a mobile/desktop duplicate or a pull quote; a sibling
            # of the same kind repeating it (a refrain, a template's sample text) is the text.
            continue
        if (
            _mostly_links(para, text)
            and not para.quoted
            and not (para.place and para.place[0] in data_rows)
        ):
            # Lists of links (related stories, tag clouds) are not prose; a linked cell of a
            # table row that also holds plain text (a film and its year) is data.
            continue
        if _is_furniture_line(text):
            body.furniture_lines.append(text)
            continue
        if para.heading and title_words and _words(text) == title_words:
            continue
        if para.quoted:
            body.blockquote_paragraphs.add(len(body.paragraphs))
        body.paragraphs.append(text)
    return body
