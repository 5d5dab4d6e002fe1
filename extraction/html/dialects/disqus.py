"""Disqus threads as saved in pages (the embed's `#post-list` of `li.post` with `ul.children`)."""

from __future__ import annotations

from typing import ClassVar

from extraction.html.dialects.base import Dialect


class Disqus(Dialect):
    """The Disqus embed after it has rendered; replies nest in `ul.children`."""

    name: ClassVar[str] = "disqus"
    priority: ClassVar[int] = 40
    detect: ClassVar[tuple[str, ...]] = ("#disqus_thread li.post", "ul#post-list li.post")
    markers: ClassVar[tuple[str, ...]] = ("post-list",)
    comment_section: ClassVar[tuple[str, ...]] = ("#post-list", "#disqus_thread")
    comment: ClassVar[str] = "li.post"
    author: ClassVar[tuple[str, ...]] = (
        ".post-byline .author a",
        ".post-byline .author",
        ".post-byline",
    )
    # The time link shows "5 years ago"; its title is the local time without zone, so no
    # absolute time is taken from it.
    time: ClassVar[tuple[str, ...]] = ("a.time-ago", ".post-meta time", ".post-meta a")
    text: ClassVar[tuple[str, ...]] = (".post-message",)
    comment_count: ClassVar[tuple[str, ...]] = (
        ".disqus-comment-count",
        "#main-nav .comment-count",
        ".nav-tab--primary .comment-count",
        "a[href$='#disqus_thread']",
        ".comment-count",
    )
