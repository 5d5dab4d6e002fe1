"""XenForo forum threads: version 2's `article.message--post` (the name in `data-author` and
`.message-name`, the time a `<time class="u-dt" datetime>` in `.message-attribution`, the text
in `.message-body .bbWrapper`) and version 1's `li.message` in `ol#messageList` (the time an
`abbr.DateTime` whose `data-time` is a Unix stamp, the text in `.messageText`)."""

from __future__ import annotations

from typing import ClassVar

from extraction.html.dialects.base import Dialect, Thread
from extraction.html.text import normalise_space
from extraction.html.tree import Element


class XenForo(Dialect):
    """A XenForo 2 thread page: the first post opens the thread, the others follow it flat."""

    name: ClassVar[str] = "xenforo"
    priority: ClassVar[int] = 40
    detect: ClassVar[tuple[str, ...]] = ("article.message--post .message-body",)
    markers: ClassVar[tuple[str, ...]] = ("message--post",)
    # Styles wrap the posts differently; the posts themselves are held out of the body.
    comment_section: ClassVar[tuple[str, ...]] = ("body",)
    opening_post_is_body: ClassVar[bool] = True
    comment: ClassVar[str] = "article.message--post"
    author: ClassVar[tuple[str, ...]] = (
        ".message-name .username",
        ".message-userDetails .username",
    )
    time: ClassVar[tuple[str, ...]] = (
        ".message-attribution-main time",
        ".message-attribution time",
        "time.u-dt",
    )
    text: ClassVar[tuple[str, ...]] = (".message-body .bbWrapper", ".message-body")
    text_buttons: ClassVar[tuple[str, ...]] = (
        ".bbCodeBlock-expandLink",
        ".bbCodeBlock-shrinkLink",
    )
    # The user panel's <dl class="pairs"> (joined, posts, location) is no comment of its own.
    join_definition_pairs: ClassVar[bool] = False

    def comment_author(self, item: Element, thread: Thread) -> str | None:
        # The post states its author's name as an attribute; styles that move or restyle the
        # user panel keep it.
        return normalise_space(item.get("data-author") or "") or super().comment_author(
            item, thread
        )


class XenForo1(XenForo):
    """XenForo 1.x: `ol#messageList > li.message`, the name in `.messageUserInfo .username`
    and `data-author`, the text in `blockquote.messageText`, the time in `.messageMeta`."""

    name: ClassVar[str] = "xenforo1"
    priority: ClassVar[int] = 39
    detect: ClassVar[tuple[str, ...]] = ("#messageList li.message .messageText",)
    markers: ClassVar[tuple[str, ...]] = ("messageList",)
    comment: ClassVar[str] = "#messageList li.message"
    author: ClassVar[tuple[str, ...]] = (".messageUserInfo .username", ".userText .username")
    time: ClassVar[tuple[str, ...]] = (".messageMeta .DateTime", ".DateTime")
    text: ClassVar[tuple[str, ...]] = (".messageText",)
