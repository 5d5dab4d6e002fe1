"""What a site dialect reads off one page, before ids, quotes and time windows are derived."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from extraction.page_kind import ARTICLE, PageKindVerdict
from extraction.records import CapturedAtSource


@dataclass(frozen=True, slots=True)
class Page:
    """One captured page from a dump, with the metadata its container or sidecar gave."""

    source_path: str
    source_format: str
    source_sha256: str
    record: str | None  # line number (JSON Lines) or WARC record id; None for single-page files
    captured_at: datetime
    captured_at_source: CapturedAtSource
    text: str | None = None  # visible text of the page (the .txt layout)
    html: str | None = None
    url: str | None = None
    site: str | None = None
    published_at: datetime | None = None
    byline: str | None = None


@dataclass(frozen=True, slots=True)
class RawComment:
    """A reader comment as a page shows it; ids and duplicate marks are assigned later."""

    author: str
    body: str
    author_label: str | None = None
    posted_text: str | None = None  # relative wording such as "24 days ago"
    posted_at: datetime | None = None  # absolute time where the markup gives one
    parent_index: int | None = None  # index of the parent in PageContent.comments


@dataclass(frozen=True, slots=True)
class PageContent:
    """The article as a dialect understood it."""

    title: str | None
    paragraphs: tuple[str, ...]
    byline: str | None = None
    url: str | None = None
    site: str | None = None
    published_at: datetime | None = None
    photo_credit: str | None = None
    declared_comment_count: int | None = None
    petition_signatures: int | None = None
    petition_target: str | None = None
    # Indices of paragraphs the markup marks as quoted (<blockquote>), for the quote extractor.
    blockquote_paragraphs: frozenset[int] = field(default_factory=frozenset)
    comments: tuple[RawComment, ...] = ()
    page_kind: PageKindVerdict = ARTICLE
