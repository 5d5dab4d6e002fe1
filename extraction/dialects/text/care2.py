"""Care2's text layouts: its article pages with their comment section, a member's share page, and
its group discussions. The furniture and layout marks are in extraction/rules/care2.py, shared
with the Care2 HTML dialect."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import lru_cache
from itertools import compress, count, pairwise
from operator import eq, itemgetter
from typing import ClassVar

from extraction.content import PageContent, RawComment
from extraction.dialects.text.base import PlainTextDialect, paragraphs_of
from extraction.page_kind import PageKindVerdict
from extraction.rules import care2, page
from extraction.timeago import GluedSplit, split_glued_name


def _is_header_pair(label: str, glued: str) -> GluedSplit | None:
    """A comment header: a name label, then the display name (a prefix of it) glued to a time."""
    # The display name is a prefix of the label and starts the glued line, so both (stripped)
    # lines start alike: a cheap test that spares the splitter nearly every pair of body lines.
    if not label or not glued or label[0] != glued[0]:
        return None
    split = split_glued_name(glued, label)
    return split if split and label.startswith(split.author) else None


@lru_cache(maxsize=4)
def _lines(text: str) -> tuple[str, ...]:
    """The text's non-empty lines, stripped (each layout's `matches` asks; read them once)."""
    return tuple(stripped for line in text.splitlines() if (stripped := line.strip()))


@lru_cache(maxsize=4)
def _is_care2(text: str) -> bool:
    if any(marker in text for marker in care2.SITE_MARKERS):
        return True
    lines = _lines(text)
    return (
        any(care2.HEADER_LINE_RE.match(line) for line in lines[:5])
        or not care2.COMMENT_END_LINES.isdisjoint(lines)
        or any(_is_header_pair(lines[i], lines[i + 1]) for i in _same_initials(lines))
    )


def _same_initials(lines: tuple[str, ...]) -> Iterator[int]:
    """Indexes of the (non-empty) lines whose next line starts with the same character: the only
    pairs `_is_header_pair` can accept, found with the loop in C."""
    initials = list(map(itemgetter(0), lines))
    return compress(count(), map(eq, initials, initials[1:]))


class Care2TextDialect(PlainTextDialect):
    """Care2 pages: each comment is a name label line, the display name glued to a timeago phrase
    ("Veronica Dabout a month ago"), the body, and the form's SEND button."""

    name = "care2"
    priority = 50
    site = care2.SITE
    furniture = care2.FURNITURE_LINES
    comment_end: ClassVar[frozenset[str]] = care2.COMMENT_END_LINES
    comment_furniture: ClassVar[frozenset[str]] = care2.COMMENT_FURNITURE_LINES

    @classmethod
    def matches(cls, text: str) -> bool:
        return _is_care2(text)

    def site_page_kind(self) -> PageKindVerdict | None:
        return care2.page_kind([line for line in self.lines if line], self.url)

    def _comment_section(self) -> tuple[int, int]:
        article_end, comments_start = super()._comment_section()
        if article_end < len(self.lines):
            return article_end, comments_start
        # No count line: the comments begin at the first name label with a glued time under it.
        for index in range(1, len(self.lines)):
            if self._header_at(index, at_boundary=False):
                return index, index
        return article_end, comments_start

    def _header_at(
        self, index: int, at_boundary: bool, pair: GluedSplit | None = None
    ) -> tuple[str | None, GluedSplit, int] | None:
        """(label, split, lines used) when a comment header starts at `index`; `pair` is the
        split of the header pair there when the caller has tried it already."""
        lines = self.lines
        label = lines[index]
        if not label:
            return None
        if pair is None and index + 1 < len(lines):
            pair = _is_header_pair(label, lines[index + 1])
        if pair:
            return label, pair, 2
        if at_boundary and (split := split_glued_name(label)):
            return None, split, 1
        return None

    def _comment_furniture(self, line: str) -> bool:
        return line in self.comment_furniture or page.is_furniture(line, care2.FURNITURE_RE)

    def comments(self) -> tuple[RawComment, ...]:
        found: list[RawComment] = []
        lines = self.lines
        index = self.comments_start
        at_boundary = True
        keeps_blank = not self._comment_furniture("")  # blank lines are most of a comment's
        # The header pair a comment's body stopped at: it opens the next comment, so it is not
        # split a second time there.
        pair_at, pair = -1, None
        while index < len(lines):
            if page.opens_link_list(lines[index]):
                break  # "Related Stories" after the comments: the page's end, not a comment
            header = self._header_at(index, at_boundary, pair if pair_at == index else None)
            if header is None:
                index += 1
                continue
            label, split, used = header
            index += used
            body_lines: list[str] = []
            while index < len(lines):
                line = lines[index]
                if line in self.comment_end:
                    index += 1
                    break
                if not line:
                    if keeps_blank:
                        body_lines.append(line)
                    index += 1
                    continue
                if index + 1 < len(lines) and (pair := _is_header_pair(line, lines[index + 1])):
                    pair_at = index
                    break
                if page.opens_link_list(line):
                    break
                if not self._comment_furniture(line):
                    body_lines.append(line)
                index += 1
            at_boundary = True
            found.append(
                RawComment(
                    author=split.author,
                    author_label=label,
                    posted_text=split.posted_text,
                    body="\n\n".join(paragraphs_of(body_lines)),
                )
            )
        return tuple(found)


class Care2SharePage(Care2TextDialect):
    """A member's share page (care2.com/c2c/share/...): dated entries, each closed by
    "Visibility: Everyone", "Tags: ..." and "Posted: Oct 6, 2010 10:04am". A profile."""

    name = "care2-share"
    priority = 51

    @classmethod
    def matches(cls, text: str) -> bool:
        return _is_care2(text) and care2.is_share_page(_lines(text))

    def title(self) -> str | None:
        return None  # a share book has no title of its own, only its entries do


class Care2GroupDiscussion(Care2TextDialect):
    """A Care2 group thread (care2.com/c2c/groups/disc.html?...). Its older layout heads each post
    with its subject and time ("please send petitions! May 12, 2005 4:18 AM") and closes it with
    "[ send green star]": then the thread (every post in order) is the body and the posts after
    the first are its replies. The
    newer layout runs the posts together with nothing to tell them apart: then it is skipped."""

    name = "care2-discussion"
    priority = 52

    @classmethod
    def matches(cls, text: str) -> bool:
        return _is_care2(text) and care2.is_group_discussion(_lines(text))

    def _comment_section(self) -> tuple[int, int]:
        return len(self.lines), len(self.lines)  # replies are posts, not a comment section

    def posts(self) -> list[tuple[str, str, list[str]]]:
        """(subject, posted wording, body lines) of each post under a post header."""
        found: list[tuple[str, str, list[str]]] = []
        for line in self.lines:
            header = care2.POST_HEADER_RE.match(line)
            if header:
                found.append((header["subject"], header["posted"], []))
            elif found and not self.is_furniture(line):
                found[-1][2].append(care2.POST_END_RE.sub("", line))
        return found

    def title(self) -> str | None:
        posts = self.posts()
        if posts:
            return posts[0][0]
        # The newer layout: the thread's title follows the "« Back to topics" link.
        lines = [line for line in self.lines if line]
        for before, line in pairwise(lines):
            if before.lower() == "« back to topics":
                return line
        return super().title()

    def site_page_kind(self) -> PageKindVerdict:
        if self.posts():
            return PageKindVerdict(
                "discussion",
                "Care2 group discussion: the posts are the body, those after the first its replies",
                loads=True,
            )
        return PageKindVerdict.of(
            "discussion",
            "Care2 group discussion whose posts run together: first post and replies cannot be "
            "told apart",
        )

    def content(self) -> PageContent:
        posts = self.posts()
        if not posts:
            return super().content()
        replies = tuple(
            RawComment(
                author="",
                author_label=None,
                posted_text=posted,
                posted_at=_posted_at(posted),
                body="\n\n".join(paragraphs_of(body)),
            )
            for subject, posted, body in posts[1:]
        )
        return PageContent(
            title=self.title(),
            # A discussion's main text is the whole thread (docs/html-extraction.md).
            paragraphs=tuple(p for _, _, body in posts for p in paragraphs_of(body)),
            published_at=_posted_at(posts[0][1]),
            site=self.site,
            comments=replies,
            page_kind=self.site_page_kind(),
        )


_POSTED_RE = re.compile(
    r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2}),\s+(?P<year>\d{4})\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"\s*(?P<half>[ap]m)",
    re.IGNORECASE,
)


def _posted_at(posted: str) -> datetime | None:
    """A post's time as Care2 prints it ("May 12, 2005 4:18 AM"); the page names no zone, so it is
    read as UTC."""
    m = _POSTED_RE.match(posted)
    if m is None or m["month"].lower() not in page.MONTHS:
        return None
    hour = int(m["hour"]) % 12 + (12 if m["half"].lower() == "pm" else 0)
    try:
        return datetime(
            int(m["year"]),
            page.MONTHS[m["month"].lower()],
            int(m["day"]),
            hour,
            int(m["minute"]),
            tzinfo=UTC,
        )
    except ValueError:
        return None
