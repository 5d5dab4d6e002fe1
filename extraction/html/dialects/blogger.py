"""Blogger (blogspot): threaded comments of 2013+ layouts and the classic `dl#comments-block`."""

from __future__ import annotations

import re
from datetime import datetime
from typing import ClassVar, Final

from extraction.html.comment_shape import from_epoch
from extraction.html.dialects.base import Dialect, Thread
from extraction.html.flatten import paragraphs_of
from extraction.html.text import normalise_space
from extraction.html.tree import Element, select, select_one

# The comment permalink carries the posting time: "...html?showComment=1548428640000#c123".
_SHOW_COMMENT_RE: Final = re.compile(r"showComment=(\d{10,13})")


class Blogger(Dialect):
    """Threaded comments: `div.comment-thread` lists of `li.comment` with `div.comment-replies`."""

    name: ClassVar[str] = "blogger"
    priority: ClassVar[int] = 30
    hosts: ClassVar[tuple[str, ...]] = ("blogspot.com",)
    detect: ClassVar[tuple[str, ...]] = (".comment-thread li.comment", "#comments-block")
    markers: ClassVar[tuple[str, ...]] = ("comment-thread", "comments-block")
    body: ClassVar[tuple[str, ...]] = (".post-body", ".entry-content")
    comment_section: ClassVar[tuple[str, ...]] = (".comments-content", "#comments")
    comment: ClassVar[str] = "li.comment"
    author: ClassVar[tuple[str, ...]] = ("cite.user", ".comment-header .user")
    time: ClassVar[tuple[str, ...]] = (".datetime a", ".datetime")
    text: ClassVar[tuple[str, ...]] = (".comment-content",)

    def comment_time(self, item: Element, thread: Thread) -> tuple[str | None, datetime | None]:
        el = self.own(item, self.time, thread)
        if el is None:
            return None, None
        shown = normalise_space(el.text_content()) or None
        link = el if el.tag == "a" else select_one(el, "a[href]")
        m = _SHOW_COMMENT_RE.search(link.get("href") or "") if link is not None else None
        return shown, from_epoch(int(m.group(1))) if m else None


class BloggerClassic(Blogger):
    """Pre-2013 templates: `dl#comments-block` with a `dt.comment-author` ("Name said...") and
    its `dd.comment-body` and `dd.comment-footer` as following siblings, not children."""

    name: ClassVar[str] = "blogger-classic"
    priority: ClassVar[int] = 31
    detect: ClassVar[tuple[str, ...]] = ("#comments-block dt.comment-author",)
    markers: ClassVar[tuple[str, ...]] = ("comments-block",)
    comment_section: ClassVar[tuple[str, ...]] = ("#comments-block",)
    comment: ClassVar[str] = "dt.comment-author"
    # The dt itself is the author line; its dd siblings stay where they are.
    author: ClassVar[tuple[str, ...]] = ()
    join_definition_pairs: ClassVar[bool] = False

    def _sibling(self, item: Element, css_class: str) -> Element | None:
        for sibling in item.itersiblings():
            if sibling.tag == "dt":
                return None
            if css_class in (sibling.get("class") or "").split():
                return sibling
        return None

    def comment_author(self, item: Element, thread: Thread) -> str | None:
        # The first link with text: the avatar's link comes first in newer templates.
        links = select(item, "a[href]:not([name])")
        link = next((a for a in links if a.text_content().strip()), None)
        text = normalise_space((link if link is not None else item).text_content())
        return re.sub(r"\s*said\s*(?:\.\.\.|…)?\s*$", "", text, flags=re.IGNORECASE) or None

    def comment_body(self, item: Element, thread: Thread) -> str:
        dd = self._sibling(item, "comment-body")
        return "\n\n".join(paragraphs_of(dd)) if dd is not None else ""

    def comment_time(self, item: Element, thread: Thread) -> tuple[str | None, datetime | None]:
        footer = self._sibling(item, "comment-footer")
        if footer is None:
            return None, None
        link = select_one(footer, ".comment-timestamp a")
        if link is None:
            link = select_one(footer, "a")
        if link is None:
            return normalise_space(footer.text_content()) or None, None
        m = _SHOW_COMMENT_RE.search(link.get("href") or "")
        shown = normalise_space(link.text_content()) or None
        return shown, from_epoch(int(m.group(1))) if m else None
