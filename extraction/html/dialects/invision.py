"""Invision Community (IPS 4): forum posts and content comments are `article.ipsComment`, the
name in `.cAuthorPane_author`, the time a `<time datetime>` in UTC, the text in the element
with `data-role="commentContent"`."""

from __future__ import annotations

from typing import ClassVar

from extraction.html.dialects.base import Dialect


class InvisionComments(Dialect):
    """Comments under an IPS article, gallery image or file page."""

    name: ClassVar[str] = "invision"
    priority: ClassVar[int] = 40
    detect: ClassVar[tuple[str, ...]] = ("article.ipsComment",)
    markers: ClassVar[tuple[str, ...]] = ("ipsComment",)
    comment_section: ClassVar[tuple[str, ...]] = ("#comments", "[data-role='commentFeed']")
    comment: ClassVar[str] = "article.ipsComment"
    author: ClassVar[tuple[str, ...]] = (
        ".cAuthorPane_author a",
        ".cAuthorPane_author",
        ".ipsComment_author .ipsType_break",
    )
    time: ClassVar[tuple[str, ...]] = ("time[datetime]",)
    text: ClassVar[tuple[str, ...]] = (
        "[data-role='commentContent']",
        ".ipsComment_content .ipsType_richText",
    )


class InvisionForum(InvisionComments):
    """A forum topic (`article.cPost`): the first post opens it, the others reply in order."""

    name: ClassVar[str] = "invision-forum"
    priority: ClassVar[int] = 41
    detect: ClassVar[tuple[str, ...]] = ("article.cPost.ipsComment",)
    markers: ClassVar[tuple[str, ...]] = ("cPost",)
    comment_section: ClassVar[tuple[str, ...]] = ("body",)
    opening_post_is_body: ClassVar[bool] = True
    comment: ClassVar[str] = "article.cPost"
