"""Care2 (care2.com): its own comment markup, the petition box and the photo-credit line.

Only `comment_text` is known from Care2's real markup; the other class names here follow what
the seed dump shows of a Care2 page (label line, display name glued to a jQuery-timeago time,
"SEND") and are assumptions to check against saved Care2 HTML when some arrives.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from extraction.html.dialects.base import Dialect
from extraction.page_kind import PageKindVerdict
from extraction.rules import care2


class Care2(Dialect):
    """Care2 causes articles: comments in `div.comment` blocks whose text sits in `.comment_text`,
    the full name on a label line above the short display name, and a jQuery-timeago `abbr`
    whose title holds the ISO time and whose text the relative wording ("24 days ago")."""

    name: ClassVar[str] = "care2"
    priority: ClassVar[int] = 50
    hosts: ClassVar[tuple[str, ...]] = ("care2.com",)
    detect: ClassVar[tuple[str, ...]] = (".comment_text",)
    markers: ClassVar[tuple[str, ...]] = ("comment_text",)
    body: ClassVar[tuple[str, ...]] = (".article_body", ".entry-content")
    comment_section: ClassVar[tuple[str, ...]] = ("#comments", ".comments_list")
    comment: ClassVar[str] = ".comment"
    author_label: ClassVar[tuple[str, ...]] = (".comment_label", ".comment_avatar a[title]")
    author: ClassVar[tuple[str, ...]] = (".comment_author", ".comment_name")
    time: ClassVar[tuple[str, ...]] = ("abbr.timeago", "time.timeago", ".comment_date")
    text: ClassVar[tuple[str, ...]] = (".comment_text",)
    comment_count: ClassVar[tuple[str, ...]] = (".comment_count", ".comments_count", "#comments h3")
    photo_credit: ClassVar[tuple[str, ...]] = (".photo_credit",)
    caption: ClassVar[tuple[str, ...]] = ("figcaption",)
    petition: ClassVar[tuple[str, ...]] = (".petition_box", ".take_action")

    def page_kind(self, lines: Sequence[str], url: str | None) -> PageKindVerdict | None:
        """Care2's layouts (share pages, group threads) by the rules its text dumps use."""
        return care2.page_kind(lines, url)


class Care2Timeago2020(Care2):
    """The layout from 2020 on: comments are `li.comment-item` in `ul.comment-list`, the time is a
    `<time class="timeago" datetime=...>` element, the text still in `.comment_text`."""

    name: ClassVar[str] = "care2-2020"
    priority: ClassVar[int] = 51
    detect: ClassVar[tuple[str, ...]] = ("li.comment-item .comment_text",)
    markers: ClassVar[tuple[str, ...]] = ("comment-item",)
    comment_section: ClassVar[tuple[str, ...]] = ("ul.comment-list",)
    comment: ClassVar[str] = "li.comment-item"
    time: ClassVar[tuple[str, ...]] = ("time.timeago", "time")
