"""MyBB thread pages: `div#posts > div.post`, the name in `.author_information .largetext`, the
time as text at the start of `.post_date` (the forum's local time, no zone; an "edited" note
follows it in the same element), the text in `.post_body`."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from extraction.html.dialects.base import Dialect, Thread
from extraction.html.text import normalise_space
from extraction.html.tree import Element


class MyBB(Dialect):
    """A MyBB thread: the first post opens it, the others reply in order."""

    name: ClassVar[str] = "mybb"
    priority: ClassVar[int] = 40
    detect: ClassVar[tuple[str, ...]] = ("#posts div.post .post_body",)
    markers: ClassVar[tuple[str, ...]] = ("post_body",)
    comment_section: ClassVar[tuple[str, ...]] = ("body",)
    opening_post_is_body: ClassVar[bool] = True
    comment: ClassVar[str] = "#posts div.post"
    author: ClassVar[tuple[str, ...]] = (".author_information .largetext", ".post_author strong")
    time: ClassVar[tuple[str, ...]] = (".post_head .post_date", ".post_date")
    text: ClassVar[tuple[str, ...]] = (".post_body",)

    def comment_time(self, item: Element, thread: Thread) -> tuple[str | None, datetime | None]:
        el = self.own(item, self.time, thread)
        if el is None:
            return super().comment_time(item, thread)
        # "2019-02-23, 09:14 PM <span class="post_edit">(This post was last modified: ...)"
        return normalise_space(el.text or "") or None, None
