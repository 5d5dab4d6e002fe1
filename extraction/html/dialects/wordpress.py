"""WordPress: the core comment list (`ol.comment-list`) and the classic `ol.commentlist` themes."""

from __future__ import annotations

from typing import ClassVar

from extraction.html.dialects.base import Dialect


class WordPress(Dialect):
    """Themes built on `wp_list_comments()` with HTML5 markup (WordPress 3.6 and later)."""

    name: ClassVar[str] = "wordpress"
    priority: ClassVar[int] = 20
    detect: ClassVar[tuple[str, ...]] = ("ol.comment-list li.comment", "ul.comment-list li.comment")
    markers: ClassVar[tuple[str, ...]] = ("comment-list",)
    body: ClassVar[tuple[str, ...]] = (".entry-content", ".post-content", "article .entry")
    comment_section: ClassVar[tuple[str, ...]] = (".comment-list",)
    comment: ClassVar[str] = "li.comment, li.pingback, li.trackback"
    author: ClassVar[tuple[str, ...]] = (
        ".comment-author .fn",
        ".comment-author cite",
        ".fn",
        "cite.comment-author",
        "[itemprop='author']",
    )
    time: ClassVar[tuple[str, ...]] = (
        ".comment-metadata time",
        "time[datetime]",
        ".comment-metadata a",
    )
    text: ClassVar[tuple[str, ...]] = (".comment-content",)


class WordPressClassic(WordPress):
    """Pre-HTML5 themes (Kubrick and its children, before 2013): `ol.commentlist`, `cite.fn`,
    the date as the permalink's text in `.commentmetadata`, and the text straight inside
    `div.comment-body`."""

    name: ClassVar[str] = "wordpress-classic"
    priority: ClassVar[int] = 21
    detect: ClassVar[tuple[str, ...]] = ("ol.commentlist li.comment",)
    markers: ClassVar[tuple[str, ...]] = ("commentlist",)
    comment_section: ClassVar[tuple[str, ...]] = (".commentlist",)
    time: ClassVar[tuple[str, ...]] = (".commentmetadata a", ".comment-meta a")
    # The text sits straight inside div.comment-body, after the author and date blocks.
    text: ClassVar[tuple[str, ...]] = (".comment-body > p", ".comment-body")
