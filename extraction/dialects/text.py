"""Text-dump dialects: the generic page-text layout, and Care2's, which adds its comment section.

A text dump is the visible text of one page: a title line, an optional byline, body paragraphs
separated by blank lines with page furniture among them, a declared comment count, then comments.
A dialect is a class whose attributes are its rules; a new site subclasses and overrides rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from itertools import pairwise
from typing import ClassVar

from extraction.content import PageContent, RawComment
from extraction.rules import care2_text, page
from extraction.textnorm import normalise_line
from extraction.timeago import GluedSplit, split_glued_name


def paragraphs_of(lines: Sequence[str]) -> list[str]:
    """Blank-line separated blocks, each joined into one line."""
    blocks: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def _count(text: str) -> int:
    return int(text.replace(",", ""))


def declared_count(line: str) -> int | None:
    match = page.DECLARED_COMMENT_COUNT.match(line)
    if match is None:
        return None
    return _count(match["count"] or match["count_after"] or match["count_colon"])


def dateline(text: str) -> datetime | None:
    """The date a dateline states, as midnight UTC; None when it holds no valid date."""
    match = page.DATE_IN_LINE.search(text)
    if match is None:
        return None
    try:
        if match["iso"]:
            return datetime.fromisoformat(match["iso"]).replace(tzinfo=UTC)
        month = page.MONTHS[(match["month"] or match["month2"]).lower()]
        day = int(match["day"] or match["day2"])
        return datetime(int(match["year"] or match["year2"]), month, day, tzinfo=UTC)
    except ValueError:
        return None


# Every petition sentence says "signed"; a literal search skips the other paragraphs cheaply (the
# full pattern backtracks at every number of every paragraph).
_SIGNED = re.compile("signed", re.IGNORECASE)


def petition_signatures(paragraphs: Sequence[str]) -> int | None:
    for paragraph in paragraphs:
        if not _SIGNED.search(paragraph):
            continue
        match = page.PETITION_SIGNATURES.search(paragraph)
        if match:
            return _count(match["count"]) * (1000 if match["thousands"] else 1)
    return None


def _is_header_pair(label: str, glued: str) -> GluedSplit | None:
    """A comment header: a name label, then the display name (a prefix of it) glued to a time."""
    if not label or not glued:
        return None
    split = split_glued_name(glued, label)
    return split if split and label.startswith(split.author) else None


class PlainTextDialect:
    """Any page saved as text: title, byline, body and furniture; comments only as a count."""

    site: ClassVar[str | None] = None
    article_furniture: ClassVar[frozenset[str]] = care2_text.ARTICLE_FURNITURE_LINES
    date_line: ClassVar[re.Pattern[str]] = page.DATE_LINE
    photo_credit_line: ClassVar[re.Pattern[str]] = page.PHOTO_CREDIT
    byline_line: ClassVar[re.Pattern[str]] = page.BYLINE

    @classmethod
    def matches(cls, text: str) -> bool:
        return True

    def __init__(self, text: str) -> None:
        self.lines = [normalise_line(line) for line in text.splitlines()]
        self._blocks: list[str] | None = None
        self.article_end, self.comments_start = self._comment_section()

    def _comment_section(self) -> tuple[int, int]:
        """(end of the article's lines, first line of the comments)."""
        for index, line in enumerate(self.lines):
            if index and declared_count(line) is not None:
                return index, index + 1
        return len(self.lines), len(self.lines)

    def _article_blocks(self) -> list[str]:
        # Title, byline, paragraphs and credit each read these blocks: split them once.
        if self._blocks is None:
            self._blocks = self._split_article_blocks()
        return self._blocks

    def _split_article_blocks(self) -> list[str]:
        region = self.lines[: self.article_end]
        while region and not region[-1]:
            region.pop()
        first = next((i for i, line in enumerate(region) if line), len(region))
        if "" in region[first:]:
            return paragraphs_of(region)
        # Some dumps put every paragraph on its own line with no blank line between them.
        return [line for line in region if line]

    def _header_blocks(self) -> tuple[list[str], list[str]]:
        """(byline and dateline blocks under the title, the remaining body blocks)."""
        blocks = self._article_blocks()[1:]
        header: list[str] = []
        while (
            blocks
            and len(header) < 2
            and (self.byline_line.match(blocks[0]) or self.date_line.match(blocks[0]))
        ):
            header.append(blocks.pop(0))
        return header, blocks

    def title(self) -> str | None:
        blocks = self._article_blocks()
        return blocks[0] if blocks else None

    def byline(self) -> str | None:
        for block in self._header_blocks()[0]:
            if match := self.byline_line.match(block):
                name = match["name"]
                if date := page.DATE_IN_LINE.search(name):
                    name = page.BYLINE_DATE_SEPARATOR.sub("", name[: date.start()])
                return name.strip() or None
        return None

    def published_at(self) -> datetime | None:
        for block in self._header_blocks()[0]:
            if moment := dateline(block):
                return moment
        return None

    def _body_blocks(self) -> list[str]:
        return self._header_blocks()[1]

    def paragraphs(self) -> tuple[str, ...]:
        return tuple(
            block
            for block in self._body_blocks()
            if block not in self.article_furniture and not self.photo_credit_line.match(block)
        )

    def photo_credit(self) -> str | None:
        for block in self._body_blocks():
            if match := self.photo_credit_line.match(block):
                return match["credit"].strip()
        return None

    def declared_comment_count(self) -> int | None:
        if self.article_end < len(self.lines):
            return declared_count(self.lines[self.article_end])
        return None

    def comments(self) -> tuple[RawComment, ...]:
        return ()

    def content(self) -> PageContent:
        paragraphs = self.paragraphs()
        return PageContent(
            title=self.title(),
            paragraphs=paragraphs,
            byline=self.byline(),
            published_at=self.published_at(),
            site=self.site,
            photo_credit=self.photo_credit(),
            declared_comment_count=self.declared_comment_count(),
            petition_signatures=petition_signatures(paragraphs),
            comments=self.comments(),
        )


class Care2TextDialect(PlainTextDialect):
    """Care2 pages: each comment is a name label line, the display name glued to a timeago phrase
    ("Veronica Dabout a month ago"), the body, and the form's SEND button."""

    site = care2_text.SITE
    comment_end: ClassVar[frozenset[str]] = care2_text.COMMENT_END_LINES
    comment_furniture: ClassVar[frozenset[str]] = care2_text.COMMENT_FURNITURE_LINES

    @classmethod
    def matches(cls, text: str) -> bool:
        if any(marker in text for marker in care2_text.SITE_MARKERS):
            return True
        lines = [line.strip() for line in text.splitlines()]
        return any(line in cls.comment_end for line in lines) or any(
            _is_header_pair(label, glued) for label, glued in pairwise(lines)
        )

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
        self, index: int, at_boundary: bool
    ) -> tuple[str | None, GluedSplit, int] | None:
        """(label, split, lines used) when a comment header starts at `index`."""
        lines = self.lines
        label = lines[index]
        if not label:
            return None
        if index + 1 < len(lines) and (split := _is_header_pair(label, lines[index + 1])):
            return label, split, 2
        if at_boundary and (split := split_glued_name(label)):
            return None, split, 1
        return None

    def comments(self) -> tuple[RawComment, ...]:
        found: list[RawComment] = []
        index = self.comments_start
        at_boundary = True
        while index < len(self.lines):
            header = self._header_at(index, at_boundary)
            if header is None:
                index += 1
                continue
            label, split, used = header
            index += used
            body_lines: list[str] = []
            while index < len(self.lines):
                line = self.lines[index]
                if line in self.comment_end:
                    index += 1
                    break
                if line and self._header_at(index, at_boundary=False):
                    break
                if line not in self.comment_furniture:
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


# Tried in order; the first whose `matches` accepts the text parses it. The plain layout is last.
TEXT_DIALECTS: tuple[type[PlainTextDialect], ...] = (Care2TextDialect, PlainTextDialect)


def extract_text(text: str) -> PageContent:
    dialect = next(d for d in TEXT_DIALECTS if d.matches(text))
    return dialect(text).content()
