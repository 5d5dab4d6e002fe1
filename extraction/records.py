"""The typed records extraction returns; their fields are the warehouse contract's columns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

CapturedAtSource = Literal["sidecar", "record", "file_mtime"]
QuoteKind = Literal["direct", "block", "scare"]
FileStatus = Literal["loaded", "partial", "rejected"]


@dataclass(frozen=True, slots=True)
class Article:
    article_id: str
    url: str | None
    site: str | None
    title: str
    byline: str | None
    published_at: datetime | None
    captured_at: datetime
    captured_at_source: CapturedAtSource
    body_text: str
    paragraph_count: int
    word_count: int
    photo_credit: str | None
    declared_comment_count: int | None
    petition_signatures: int | None
    source_path: str
    source_format: str
    source_sha256: str


@dataclass(frozen=True, slots=True)
class Quote:
    quote_id: str
    article_id: str
    position: int
    text: str
    speaker: str | None
    speaker_mention: str | None
    verb: str | None
    outlet: str | None
    kind: QuoteKind


@dataclass(frozen=True, slots=True)
class Comment:
    comment_id: str
    article_id: str
    position: int
    author: str
    author_label: str | None
    posted_text: str | None
    posted_at_earliest: datetime | None
    posted_at_latest: datetime | None
    body: str
    is_duplicate: bool
    duplicate_of: str | None
    parent_comment_id: str | None


@dataclass(frozen=True, slots=True)
class IngestError:
    source_path: str
    record: str | None
    error_kind: str
    message: str


@dataclass(slots=True)
class ParseResult:
    """Everything one dump file yielded; a file may give several pages (JSON Lines, WARC)."""

    articles: list[Article] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)

    def extend(self, other: ParseResult) -> None:
        self.articles.extend(other.articles)
        self.quotes.extend(other.quotes)
        self.comments.extend(other.comments)
        self.errors.extend(other.errors)

    @property
    def status(self) -> FileStatus:
        if not self.articles:
            return "rejected"
        return "partial" if self.errors else "loaded"
