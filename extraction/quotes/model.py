"""The record the quote extractor returns, and the raw spans it works with internally."""

from __future__ import annotations

from dataclasses import dataclass

from extraction.records import QuoteKind


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation in an article body, attributed as far as the text allows."""

    text: str  # without its quotation marks; an exact substring of "\n\n".join(paragraphs)
    speaker: str | None  # resolved, canonical fullest name; None for scare quotes / unknown
    speaker_mention: str | None  # as written: "he", "Mr. Kadyrov"
    verb: str | None  # reporting verb: "recalled", "said"
    outlet: str | None  # publication the quote is credited to: "BBC"
    kind: QuoteKind


@dataclass(frozen=True, slots=True)
class RawQuote:
    """A quotation found by the scanner, as offsets into the joined body.

    `start`/`end` delimit the text (marks excluded); `open_at`/`close_at` are the marks' offsets
    (`open_at` is None for a <blockquote> paragraph without marks, `close_at` None when unclosed).
    """

    start: int
    end: int
    open_at: int | None
    close_at: int | None
    first_paragraph: int
    last_paragraph: int
    whole_paragraph: bool = False  # a <blockquote> paragraph taken whole
