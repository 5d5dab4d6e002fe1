"""schema.org `Comment` (and `Answer`) microdata, whatever the classes around it: the author's
`name`, the `dateCreated`/`datePublished` and the `text` item properties, read from the
`content` attribute where a `<meta>` states them invisibly."""

from __future__ import annotations

import re
from datetime import datetime
from typing import ClassVar, Final

from extraction.html import rules
from extraction.html.comment_shape import machine_time
from extraction.html.dates import parse_datetime
from extraction.html.dialects.base import Dialect, Thread
from extraction.html.text import normalise_space
from extraction.html.tree import Element

_ISO_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")

# Where the time a reader sees is printed beside a machine-readable one.
_VISIBLE_TIME: Final = tuple(s for s in Dialect.time if "itemprop" not in s)


def _stated(el: Element) -> str:
    """What an item property states: its `content` attribute, else its text."""
    return normalise_space(el.get("content") or el.text_content())


class Microdata(Dialect):
    """Comments marked up as schema.org items; below every named markup, above the generic."""

    name: ClassVar[str] = "schema.org-comment"
    priority: ClassVar[int] = 10
    detect: ClassVar[tuple[str, ...]] = ("[itemtype$='/Comment']", "[itemtype$='/Answer']")
    comment_section: ClassVar[tuple[str, ...]] = ()
    comment: ClassVar[str] = "[itemtype$='/Comment'], [itemtype$='/Answer']"
    author: ClassVar[tuple[str, ...]] = (
        "[itemprop='author'] [itemprop='name']",
        "[itemprop='creator'] [itemprop='name']",
    )
    whole_author: ClassVar[tuple[str, ...]] = ("[itemprop='author']", "[itemprop='creator']")
    time: ClassVar[tuple[str, ...]] = (
        "[itemprop='dateCreated']",
        "[itemprop='datePublished']",
        "[itemprop='commentTime']",
    )
    text: ClassVar[tuple[str, ...]] = ("[itemprop='text']", "[itemprop='commentText']")

    def comment_author(self, item: Element, thread: Thread) -> str | None:
        el = self.own(item, self.author, thread)
        if el is not None and (name := _stated(el)):
            return name
        whole = self.own(item, self.whole_author, thread)
        if whole is not None:
            name = _stated(whole)
            if name and len(name) <= rules.MAX_COMMENT_LABEL_CHARS:
                return name
        return super().comment_author(item, thread)

    def comment_time(self, item: Element, thread: Thread) -> tuple[str | None, datetime | None]:
        el = self.own(item, self.time, thread)
        if el is None:
            return super().comment_time(item, thread)
        stated = _stated(el)
        absolute = machine_time(el)
        if absolute is None and _ISO_RE.match(stated):
            # Stack Exchange: a hidden <div itemprop="datePublished">2018-05-21 20:37:55 +00:00
            absolute = parse_datetime(stated)
        if el.get("content") is None and absolute is None:
            return stated or None, None
        # A machine-readable time (a <meta>, a hidden element, an attribute); what the reader
        # sees is the visible time element, where there is one.
        shown = self.own(item, _VISIBLE_TIME, thread)
        visible = normalise_space(shown.text_content()) if shown is not None else ""
        return visible or normalise_space(el.text_content()) or None, absolute
