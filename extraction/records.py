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


@dataclass(frozen=True, slots=True)
class CapturedPage:
    """One page of a dump and what it yielded; `record` locates it in a multi-page file."""

    record: str | None
    article: Article
    quotes: tuple[Quote, ...]
    comments: tuple[Comment, ...]


@dataclass(slots=True)
class ParseResult:
    """Everything one dump file yielded; a file may give several pages (JSON Lines, WARC)."""

    pages: list[CapturedPage] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)

    @property
    def articles(self) -> list[Article]:
        return [page.article for page in self.pages]

    @property
    def quotes(self) -> list[Quote]:
        return [quote for page in self.pages for quote in page.quotes]

    @property
    def comments(self) -> list[Comment]:
        return [comment for page in self.pages for comment in page.comments]

    @property
    def status(self) -> FileStatus:
        if not self.pages:
            return "rejected"
        return "partial" if self.errors else "loaded"
