"""The typed records extraction returns; their fields are the warehouse contract's columns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

CapturedAtSource = Literal["sidecar", "record", "file_mtime"]
QuoteKind = Literal["direct", "block", "scare"]
FileStatus = Literal["loaded", "partial", "rejected", "skipped"]
# What a page is (docs/page-kinds.md); articles holds article and petition pages, and discussion
# threads whose first post and replies the dialect told apart.
PageKind = Literal["article", "listing", "petition", "discussion", "profile", "other"]
# The kinds a row of `articles` can have (the table's CHECK holds the same list).
ArticleKind = Literal["article", "petition", "discussion"]


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
    page_kind: ArticleKind
    petition_target: str | None


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
    word_count: int


# The error kind of a page read whole but not loaded because it is not an article (a listing, a
# profile...); such a file is `skipped`, not `rejected`, when nothing else went wrong.
NOT_AN_ARTICLE = "not_an_article"
# Problems with a page's metadata that leave the page itself loadable.
METADATA_PROBLEMS: frozenset[str] = frozenset({"bad_sidecar", "future_capture"})


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
        """loaded: every page landed or was skipped as no article; partial: pages landed beside
        problems; skipped: no article in it, nothing else wrong but its metadata; rejected: nothing
        landed because of a problem."""
        problems = [e for e in self.errors if e.error_kind != NOT_AN_ARTICLE]
        if self.pages:
            return "partial" if problems else "loaded"
        skipped = len(problems) < len(self.errors)
        if skipped and all(e.error_kind in METADATA_PROBLEMS for e in problems):
            return "skipped"
        return "rejected"
