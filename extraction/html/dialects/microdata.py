"""schema.org `Comment` (and `Answer`) microdata, whatever the classes around it: the author's
`name`, the `dateCreated`/`datePublished` and the `text` item properties, read from the
`content` attribute where a `<meta>` states them invisibly."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from extraction.html import rules
from extraction.html.comment_shape import machine_time
from extraction.html.dialects.base import Dialect, Thread
from extraction.html.text import normalise_space
from extraction.html.tree import Element


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
        shown = normalise_space(el.text_content()) or None
        absolute = machine_time(el)
        if shown is None:
            # A <meta> states the time for machines; what the reader sees is elsewhere.
            visible, _ = super().comment_time(item, thread)
            shown = visible
        return shown, absolute
