"""Discourse topics as saved: the server's crawler view (what a page holds without JavaScript),
each post a `div.crawler-post` with its author in `.creator [itemprop=name]`, its time a
`time.post-time[datetime]` in UTC and its text in `div.post[itemprop=text]`."""

from __future__ import annotations

from typing import ClassVar

from extraction.html.dialects.base import Dialect


class Discourse(Dialect):
    """A Discourse topic: the first post opens it, the others reply in order."""

    name: ClassVar[str] = "discourse"
    priority: ClassVar[int] = 40
    detect: ClassVar[tuple[str, ...]] = ("div.crawler-post",)
    markers: ClassVar[tuple[str, ...]] = ("crawler-post",)
    comment_section: ClassVar[tuple[str, ...]] = ("body",)
    opening_post_is_body: ClassVar[bool] = True
    comment: ClassVar[str] = "div.crawler-post"
    author: ClassVar[tuple[str, ...]] = (
        ".creator [itemprop='name']",
        ".creator a",
        ".creator",
    )
    time: ClassVar[tuple[str, ...]] = ("time.post-time", ".crawler-post-infos time")
    text: ClassVar[tuple[str, ...]] = ("div.post[itemprop='text']", "div.post")
