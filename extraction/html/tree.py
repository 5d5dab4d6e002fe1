"""Parsing a page into an lxml tree safely, and small helpers over lxml elements.

BeautifulSoup's own tree builder costs more than trafilatura's whole extraction on news-sized
pages (measured: about 68 pages/s for ``BeautifulSoup(html, "lxml")`` alone), so the body and
comments are read from a tree built by lxml's HTML parser directly; the dialect selectors are CSS
compiled to XPath once. BeautifulSoup reads only the head's metadata tags (``head.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Final

from lxml import etree, html
from lxml.cssselect import CSSSelector

from extraction.html.rules import BLOCK_TAGS, INVISIBLE_TAGS

# No network, no entity expansion beyond HTML's own, comments and processing instructions dropped
# so that they never reach the text.
_PARSER: Final = html.HTMLParser(
    recover=True,
    no_network=True,
    remove_comments=True,
    remove_pis=True,
    remove_blank_text=False,
    compact=True,
    default_doctype=False,
    collect_ids=False,
    # Deeply nested markup (unclosed divs in broken pages, long reply chains) goes past
    # libxml2's default depth limit of 256, after which the rest of the page is lost.
    huge_tree=True,
)
# NUL and other C0 controls make libxml2 stop early or fail; they are never page text.
_CONTROL_RE: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The same characters one by one: 31 substring tests cost about a third of one scan by the regex
# (measured: 1.1 ms against 3.2 ms on a 180 kB page), and nearly every page has none of them.
_CONTROL_CHARS: Final = tuple(
    chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)
)
# lxml refuses str input that declares an XML encoding; the caller already decoded the bytes.
_XML_DECL_RE: Final = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)

Element = html.HtmlElement


def clean_markup(markup: str) -> str:
    """The markup without an XML declaration and without the control characters libxml2
    stops at (both parsers, lxml's and BeautifulSoup's, are given the same text)."""
    markup = _XML_DECL_RE.sub("", markup, count=1)
    if any(c in markup for c in _CONTROL_CHARS):
        markup = _CONTROL_RE.sub("", markup)
    return markup


def parse_html(markup: str) -> Element | None:
    """The document's root element, or None when nothing parseable is there.

    libxml2 stops building the tree about 2,048 elements deep (even with ``huge_tree``) and
    drops every later word of the page; a page that reaches that depth is parsed again with
    the elements below ``MAX_DEPTH`` unwrapped, so that all of its text is kept."""
    markup = clean_markup(markup)
    if not markup.strip():
        return None
    root = _parse(markup)
    if root is not None and _TOO_DEEP(root):
        root = _parse(unwrap_deep(markup))
    return root


def _parse(markup: str) -> Element | None:
    try:
        return html.document_fromstring(markup, parser=_PARSER)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None


# Elements nested deeper than this are unwrapped (their text stays where it was). libxml2's own
# limit is 2,048; a tree that reaches _DEPTH_CHECKED has most likely been cut there.
MAX_DEPTH: Final = 1000
_DEPTH_CHECKED: Final = 2000
# One step per level: evaluating it visits each element at most once (about 0.2 ms a page).
_TOO_DEEP: Final = etree.XPath("boolean(/*" + "/*" * (_DEPTH_CHECKED - 1) + ")")
_VOID_TAGS: Final = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# Elements that a start tag of the same name closes (<p>a<p>b, <li>a<li>b) in HTML parsing.
_SELF_CLOSING_SIBLINGS: Final = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})
_TOKEN_RE: Final = re.compile(
    r"<!--.*?(?:-->|$)"  # comments, kept whole
    r"|<(script|style|textarea|title|xmp)\b[^>]*>.*?(?:</\1\s*>|$)"  # raw text, kept whole
    r"|<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>",
    re.DOTALL | re.IGNORECASE,
)


def unwrap_deep(markup: str, max_depth: int = MAX_DEPTH) -> str:
    """The markup with the tags of elements nested deeper than ``max_depth`` taken out: their
    text, and everything after them, is kept; only that deep structure is lost. A block
    element's tags become ``<br><br>`` (a paragraph break to the body's flattening), an inline
    element's nothing; paragraphs themselves (<p>, which cannot nest) are kept.

    One pass over the tags with a stack of open elements (each pushed and popped once)."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, kept in the output)
    open_count: dict[str, int] = {}
    kept_depth = 0
    last = 0
    for m in _TOKEN_RE.finditer(markup):
        closing, name, self_closed = m.group(2), m.group(3), m.group(4)
        if name is None:
            continue
        tag = name.lower()
        if tag in _VOID_TAGS or self_closed:
            continue
        if not closing:
            if tag in _SELF_CLOSING_SIBLINGS and stack and stack[-1][0] == tag:
                kept_depth -= stack.pop()[1]
                open_count[tag] -= 1
            keep = kept_depth < max_depth or tag == "p"
            stack.append((tag, keep))
            open_count[tag] = open_count.get(tag, 0) + 1
            kept_depth += keep
        elif open_count.get(tag):
            while True:
                top, keep = stack.pop()
                open_count[top] -= 1
                kept_depth -= keep
                if top == tag:
                    break
        else:
            continue  # a stray end tag: the parser ignores it too
        if not keep:
            out.append(markup[last : m.start()])
            out.append("<br><br>" if tag in BLOCK_TAGS else "")
            last = m.end()
    out.append(markup[last:])
    return "".join(out)


@lru_cache(maxsize=512)
def css(selector: str) -> CSSSelector:
    """A compiled CSS selector (cached: the dialect tables are static)."""
    return CSSSelector(selector, translator="html")


def select(root: Element, selector: str) -> list[Element]:
    """Elements matching a CSS selector under (and including) root, in document order."""
    return [el for el in css(selector)(root) if isinstance(el, html.HtmlElement)]


_NEEDLE_RE: Final = re.compile(
    r"\.([\w-]+)"  # class names
    r"|#([\w-]+)"  # ids
    r"|\[([\w-]+)([~|^$*]?)=\s*['\"]?([^'\"\]]+)"  # attribute values
    r"|(?:^|[\s>+~,(])([a-zA-Z][a-zA-Z0-9]*)"  # tag names
)


@lru_cache(maxsize=1024)
def needles(selector: str) -> tuple[tuple[str, str], ...]:
    """(kind, name) pairs a (single, comma-free) selector needs present in the page to match:
    kind is "class", "id", "value" (an attribute value) or "tag"."""
    found: list[tuple[str, str]] = []
    for class_name, id_name, attr, op, value, tag in _NEEDLE_RE.findall(selector):
        if class_name:
            found.append(("class", class_name))
        elif id_name:
            found.append(("id", id_name))
        elif attr == "class" and op == "~":
            found.append(("class", value.strip()))
        elif attr == "class" and op == "*":
            found.append(("class-part", value.strip()))
        elif value:
            found.append(("value", value.strip()))
        elif tag:
            found.append(("tag", tag.lower()))
    return tuple(found)


# Plain strings: lxml's default "smart" strings each keep a reference to their element.
_CLASS_VALUES: Final = etree.XPath("//@class", smart_strings=False)
_ID_VALUES: Final = etree.XPath("//@id", smart_strings=False)


class Markup:
    """What a page contains, for ruling selectors out before querying the tree with them.

    A libxml2 XPath query over a news page costs about half a millisecond, and so does a
    substring search of the raw page; one pass collecting every class token and id costs
    about a millisecond and answers all class and id questions after it.
    """

    __slots__ = ("_class_text", "_classes", "_ids", "_seen", "root", "text")

    def __init__(self, text: str, root: Element) -> None:
        self.text = text
        self.root = root
        self._classes: set[str] | None = None
        self._class_text = ""
        self._ids: set[str] | None = None
        self._seen: dict[tuple[str, str], bool] = {}

    def _index(self) -> None:
        self._class_text = " ".join(_CLASS_VALUES(self.root))
        self._classes = set(self._class_text.split())
        self._ids = {v.strip() for v in _ID_VALUES(self.root)}

    def has(self, kind: str, name: str) -> bool:
        key = (kind, name)
        found = self._seen.get(key)
        if found is None:
            if kind in ("class", "id"):
                if self._classes is None:
                    self._index()
                pool = self._classes if kind == "class" else self._ids
                found = name in (pool or ())
            elif kind == "class-part":
                if self._classes is None:
                    self._index()
                found = name in self._class_text
            elif kind == "tag":
                found = next(self.root.iter(name), None) is not None
            else:
                found = name in self.text
            self._seen[key] = found
        return found

    def contains(self, text: str) -> bool:
        """Whether the raw page contains a substring (remembered per substring)."""
        return self.has("value", text)


def present(selectors: tuple[str, ...], markup: Markup | None) -> tuple[str, ...]:
    """The selectors that can match at all: those whose classes, ids, tags and attribute values
    all occur in the page. Conservative: never drops a selector that could match."""
    if markup is None:
        return selectors
    return tuple(s for s in selectors if all(markup.has(k, n) for k, n in needles(s)))


def select_one(root: Element, selector: str | None) -> Element | None:
    """The first element matching a CSS selector, or None."""
    if not selector:
        return None
    found = select(root, selector)
    return found[0] if found else None


def tag_of(el: etree._Element) -> str:
    """Lower-case tag name; "" for comments, processing instructions and entities."""
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


class VisibleWalk:
    """Every visible element under root (root included) with its lower-case tag, in document
    order: comments, processing instructions and the subtrees of invisible tags (script, style,
    template...) are left out. ``skip_subtree()`` right after an element leaves out its
    descendants too (the walk over the tree that the body's furniture, the comment areas and
    the post-list finder each make)."""

    __slots__ = ("_walker",)

    def __init__(self, root: Element) -> None:
        self._walker = etree.iterwalk(root, events=("start",))

    def __iter__(self) -> Iterator[tuple[Element, str]]:
        walker = self._walker
        for _, el in walker:
            tag = el.tag
            # tag_of inlined: this runs once per element of the page, three times a page.
            if not isinstance(tag, str) or (tag := tag.lower()) in INVISIBLE_TAGS:
                walker.skip_subtree()
                continue
            yield el, tag

    def skip_subtree(self) -> None:
        self._walker.skip_subtree()


def iter_elements(root: Element) -> Iterator[Element]:
    """Every HTML element under root (root included), skipping comments and PIs."""
    for el in root.iter():
        if isinstance(el, html.HtmlElement) and isinstance(el.tag, str):
            yield el


def drop(el: Element) -> None:
    """Remove an element and its subtree, keeping its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
