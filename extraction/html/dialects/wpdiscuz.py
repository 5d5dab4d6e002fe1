"""wpDiscuz, the WordPress comment plugin: `div.wpd-comment` items, replies nested inside their
parent, the name in `.wpd-comment-author`, the time in `.wpd-comment-date` (shown relative,
"6 months ago"; its title is the blog's local time without zone, so no absolute time is taken),
the text in `.wpd-comment-text`."""

from __future__ import annotations

from typing import ClassVar

from extraction.html.dialects.base import Dialect


class WpDiscuz(Dialect):
    """wpDiscuz threads (version 7 markup)."""

    name: ClassVar[str] = "wpdiscuz"
    priority: ClassVar[int] = 25  # above WordPress: the plugin replaces the theme's list
    detect: ClassVar[tuple[str, ...]] = ("div.wpd-comment .wpd-comment-text",)
    markers: ClassVar[tuple[str, ...]] = ("wpd-comment",)
    comment_section: ClassVar[tuple[str, ...]] = (".wpd-thread-list", "#wpd-threads")
    comment: ClassVar[str] = "div.wpd-comment"
    author: ClassVar[tuple[str, ...]] = (".wpd-comment-author a", ".wpd-comment-author")
    time: ClassVar[tuple[str, ...]] = (".wpd-comment-date",)
    text: ClassVar[tuple[str, ...]] = (".wpd-comment-text",)
