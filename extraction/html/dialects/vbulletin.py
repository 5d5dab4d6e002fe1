"""vBulletin 4 thread pages: `ol#posts > li.postcontainer`, the name in `.username`, the time
as text in `.postdate` (the forum's local time, no zone: kept as shown only), the text in
`blockquote.postcontent`."""

from __future__ import annotations

from typing import ClassVar

from extraction.html.dialects.base import Dialect


class VBulletin(Dialect):
    """A vBulletin 4 thread: the first post opens it, the others reply in order."""

    name: ClassVar[str] = "vbulletin"
    priority: ClassVar[int] = 40
    detect: ClassVar[tuple[str, ...]] = ("li.postcontainer .postcontent",)
    markers: ClassVar[tuple[str, ...]] = ("postcontainer",)
    comment_section: ClassVar[tuple[str, ...]] = ("body",)
    opening_post_is_body: ClassVar[bool] = True
    comment: ClassVar[str] = "li.postcontainer"
    author: ClassVar[tuple[str, ...]] = (".username_container .username", "a.username", ".username")
    time: ClassVar[tuple[str, ...]] = (".posthead .postdate", ".postdate")
    text: ClassVar[tuple[str, ...]] = ("blockquote.postcontent", ".postcontent")
    # The user panel's <dl class="userstats"> (join date, posts) is no comment of its own.
    join_definition_pairs: ClassVar[bool] = False
