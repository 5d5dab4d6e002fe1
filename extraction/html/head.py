"""The metadata elements of a page: JSON-LD blocks, <meta> tags, the canonical link and <title>.

The document's <head> is read with BeautifulSoup (lxml parser) from the markup sliced up to the
end of the head, building only the tags metadata lives in (a ``SoupStrainer`` as ``parse_only``).
On the 181 development pages that costs about 1.6 ms a page with the slicing; a strained soup of
the whole document costs about 6.7 ms and a full soup about 14 ms, nearly trafilatura's whole
extraction, which is why the body and comments are read from the lxml tree instead (see
docs/html-extraction.md).

Metadata placed after the head (JSON-LD blocks and microdata ``<meta itemprop>`` in the body)
is read off the lxml tree, which the body extraction builds anyway. Every field is "first one in
document order wins", so the head's elements come first and the rest follow in document order.

The parser fetches nothing (``no_network``, no DTD loading) and runs nothing: scripts are text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Final

from bs4 import BeautifulSoup, Tag
from bs4.builder import ParserRejectedMarkup
from bs4.builder._lxml import LXMLTreeBuilder
from bs4.filter import SoupStrainer
from lxml import etree

from extraction.html.text import normalise_space
from extraction.html.tree import Element, clean_markup

JSON_LD_TYPE: Final = "application/ld+json"
# The tags page metadata lives in; everything else in the head is neither built nor kept.
_HEAD_TAGS: Final = ("title", "meta", "link", "script")
# The head ends at its end tag or, where that is missing, where the body starts. A "</head>"
# inside a script string ends the slice early; page_tags notices and reads lxml's head as well.
_HEAD_END_RE: Final = re.compile(r"</head\s*>", re.IGNORECASE)
_BODY_START_RE: Final = re.compile(r"<body[\s>]", re.IGNORECASE)


class _MetadataTags(SoupStrainer):
    """Builds only <title>, <meta>, <link> and JSON-LD <script> elements (and their text)."""

    def allow_tag_creation(
        self, nsprefix: str | None, name: str, attrs: Mapping[Any, str] | None
    ) -> bool:
        if name == "script":
            return attrs is not None and attrs.get("type") == JSON_LD_TYPE
        return name in _HEAD_TAGS

    def allow_string_creation(self, string: str) -> bool:
        return False  # text outside the kept tags; text inside them is kept regardless


class _SafeLXMLBuilder(LXMLTreeBuilder):
    """BeautifulSoup's "lxml" tree builder with a parser that never touches the network.

    lxml's HTML parser loads no DTD and expands no external entities anyway; ``no_network`` says
    so explicitly, and processing instructions are dropped."""

    def default_parser(self, encoding: str | None) -> Any:
        return partial(etree.HTMLParser, no_network=True, remove_pis=True)


@dataclass(slots=True)
class HeadTags:
    """Metadata elements in document order (first occurrence wins for every field)."""

    json_ld: list[str] = field(default_factory=list)  # raw text of each JSON-LD block
    meta: dict[str, str] = field(default_factory=dict)  # lower-case name/property/itemprop
    # Every value of a name given more than once ("citation_author" once per author).
    repeated: dict[str, list[str]] = field(default_factory=dict)
    title: str | None = None  # the first <title>, whitespace-normalised
    canonical: str | None = None  # href of the first <link rel=canonical>
    count: int = 0  # metadata-tag elements the head slice held

    def add_meta(self, attrs: dict[str, Any]) -> None:
        content = attrs.get("content")
        if content is None:
            return
        for attr in ("property", "name", "itemprop"):
            key = attrs.get(attr)
            # property="dc:creator twitter:site_name" names two properties of one value.
            for name in str(key or "").lower().split():
                value = str(content).strip()
                first = self.meta.setdefault(name, value)
                # Microdata's itemprop repeats for every object on the page (an image's
                # "author" is its photographer), so only head names count as repeated.
                if first is not value and attr != "itemprop":
                    self.repeated.setdefault(name, [first]).append(value)

    def add_link(self, rel: str | None, href: str | None) -> None:
        if self.canonical is None and href and "canonical" in (rel or "").lower().split():
            self.canonical = href.strip()


def head_end(markup: str) -> int:
    """Offset where the document's head ends (the whole markup when no end is marked)."""
    m = _HEAD_END_RE.search(markup) or _BODY_START_RE.search(markup)
    return m.start() if m else len(markup)


def read_head(markup: str) -> HeadTags | None:
    """Metadata elements of the head, read with BeautifulSoup; None when the parser refuses."""
    found = HeadTags()
    head = clean_markup(markup[: head_end(markup)])
    if not head.strip():
        return found
    try:
        soup = BeautifulSoup(
            head,
            builder=_SafeLXMLBuilder(multi_valued_attributes=None),
            parse_only=_MetadataTags(),
        )
    except (ParserRejectedMarkup, ValueError, etree.LxmlError):
        return None
    for tag in soup.find_all(_HEAD_TAGS):
        if not isinstance(tag, Tag):
            continue
        found.count += 1
        name = tag.name
        if name == "meta":
            found.add_meta(tag.attrs)
        elif name == "script":
            found.json_ld.append(tag.get_text())
        elif name == "link":
            rel, href = tag.get("rel"), tag.get("href")
            found.add_link(
                rel if isinstance(rel, str) else None, href if isinstance(href, str) else None
            )
        elif found.title is None:
            found.title = normalise_space(tag.get_text())
    return found


def _read_tree(found: HeadTags, parts: list[Element]) -> None:
    """Add the metadata elements under ``parts`` (lxml elements) to ``found``, in order."""
    seen_ld = set(found.json_ld)
    for part in parts:
        for el in part.iter(*_HEAD_TAGS):
            tag = el.tag
            if tag == "meta":
                found.add_meta(dict(el.attrib))
            elif tag == "script":
                raw = el.text or ""
                if el.get("type") == JSON_LD_TYPE and raw not in seen_ld:
                    seen_ld.add(raw)
                    found.json_ld.append(raw)
            elif tag == "link":
                found.add_link(el.get("rel"), el.get("href"))
            elif found.title is None:
                found.title = normalise_space(el.text_content())


def _kept(el: Element) -> bool:
    """Whether the head strainer keeps this element (every script but JSON-LD is dropped)."""
    return el.tag != "script" or el.get("type") == JSON_LD_TYPE


def page_tags(root: Element, markup: str | None) -> HeadTags:
    """Every metadata element of the page: the head through BeautifulSoup, the rest from the
    lxml tree. Without ``markup`` (or if BeautifulSoup refuses it) the lxml tree gives all."""
    found = read_head(markup) if markup is not None else None
    if found is None:
        found = HeadTags()
        _read_tree(found, [root])
        return found
    head = root.find("head")
    rest = [child for child in root if child is not head and isinstance(child.tag, str)]
    if head is not None:
        in_head = sum(1 for el in head.iter(*_HEAD_TAGS) if _kept(el))
        # Fewer than lxml put in its head: the slice ended early (a "</head>" inside a script
        # string, say). Read lxml's head too; repeats change nothing, the first one wins.
        if found.count < in_head:
            rest.insert(0, head)
    _read_tree(found, rest)
    return found
