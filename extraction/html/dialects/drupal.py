"""Drupal comments (core templates of Drupal 7 to 10 and themes built on them): `article.comment`
or `div.comment` with the name and date in `.comment__submitted`/`.submitted` ("NAME | DATE",
"Submitted by NAME on DATE") or `.comment__author`/`.comment__time`, the text in the
`comment_body` field; replies sit in a `div.indented` after their comment (see
`Thread.parent`)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import ClassVar, Final

from extraction.html.comment_shape import machine_time
from extraction.html.density import inline_text
from extraction.html.dialects.base import Dialect, Thread
from extraction.html.text import normalise_space
from extraction.html.tree import Element

# "Hx | September 25, 2015", "Submitted by Jane on Tue, 05/03/2016 - 10:12"
_SUBMITTED_RE: Final = re.compile(
    r"^(?:submitted\s+by\s+)?(?P<name>.+?)\s+(?:\||on)\s+(?P<time>.*\d.*)$", re.IGNORECASE
)


class Drupal(Dialect):
    """Comments rendered by Drupal's comment module."""

    name: ClassVar[str] = "drupal"
    priority: ClassVar[int] = 35
    detect: ClassVar[tuple[str, ...]] = (
        ".comment .field--name-comment-body",
        ".comment .field-name-comment-body",
        ".comment .comment__content",
    )
    markers: ClassVar[tuple[str, ...]] = (
        "field--name-comment-body",
        "field-name-comment-body",
        "comment__content",
    )
    comment_section: ClassVar[tuple[str, ...]] = ("#comments", "section.comments", ".comments")
    comment: ClassVar[str] = "article.comment, div.comment"
    author: ClassVar[tuple[str, ...]] = (".comment__author", ".comment__submitted .username")
    time: ClassVar[tuple[str, ...]] = (
        ".comment__time",
        ".comment__submitted time",
        ".submitted time",
    )
    text: ClassVar[tuple[str, ...]] = (
        ".field--name-comment-body",
        ".field-name-comment-body",
        ".comment__content",
    )
    submitted: ClassVar[tuple[str, ...]] = (".comment__submitted", ".submitted")

    def _submitted(self, item: Element, thread: Thread) -> tuple[str, str] | None:
        """(name, time as printed) from the comment's "submitted" line, its widgets left out."""
        el = self.own(item, self.submitted, thread)
        m = _SUBMITTED_RE.match(normalise_space(inline_text(el))) if el is not None else None
        return (m.group("name"), m.group("time")) if m else None

    def comment_author(self, item: Element, thread: Thread) -> str | None:
        el = self.own(item, self.author, thread)
        if el is not None and (name := normalise_space(el.text_content())):
            return name
        submitted = self._submitted(item, thread)
        return submitted[0] if submitted else super().comment_author(item, thread)

    def comment_time(self, item: Element, thread: Thread) -> tuple[str | None, datetime | None]:
        el = self.own(item, self.time, thread)
        if el is not None:
            return normalise_space(el.text_content()) or None, machine_time(el)
        submitted = self._submitted(item, thread)
        return (submitted[1], None) if submitted else super().comment_time(item, thread)
