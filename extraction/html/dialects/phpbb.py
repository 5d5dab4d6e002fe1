"""phpBB forum topics (prosilver and its descendants): each post a `div.post` holding a
`div.postbody`, the text in `div.content`, the author in the `dl.postprofile` beside it and in
the `p.author` line above the text ("by NAME » DATE")."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from extraction.html.comment_shape import machine_time
from extraction.html.dialects.base import Dialect, Thread
from extraction.html.text import normalise_space
from extraction.html.tree import Element


class PhpBB(Dialect):
    """A topic page: the first post opens the thread, the others reply to it (flat, in order)."""

    name: ClassVar[str] = "phpbb"
    priority: ClassVar[int] = 40
    detect: ClassVar[tuple[str, ...]] = ("div.post div.postbody div.content",)
    markers: ClassVar[tuple[str, ...]] = ("postbody",)
    # Styles differ in their wrappers; the posts themselves are held out of the body.
    comment_section: ClassVar[tuple[str, ...]] = ("body",)
    opening_post_is_body: ClassVar[bool] = True
    comment: ClassVar[str] = "div.post"
    author: ClassVar[tuple[str, ...]] = (
        ".postprofile a.username",
        ".postprofile a.username-coloured",
        ".postprofile .username",
        ".postprofile .username-coloured",
        "p.author strong",
    )
    time: ClassVar[tuple[str, ...]] = ("p.author time",)
    text: ClassVar[tuple[str, ...]] = ("div.content",)
    # The profile's <dl> (posts, joined, location) is no comment of its own.
    join_definition_pairs: ClassVar[bool] = False

    def comment_time(self, item: Element, thread: Thread) -> tuple[str | None, datetime | None]:
        el = self.own(item, self.time, thread)
        if el is not None:
            return normalise_space(el.text_content()) or None, machine_time(el)
        # Older styles print the date as text after the name: "by NAME » Tue Aug 27, 2019".
        line = self.own(item, ("p.author",), thread)
        if line is None:
            return None, None
        shown = normalise_space(line.text_content()).rpartition("»")[2].strip()
        return shown or None, None
