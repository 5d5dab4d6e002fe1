"""The joined article body: paragraph offsets, quote masking and sentence boundaries."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from extraction.quotes.rules import ABBREVIATIONS, ANY_OPEN, CURLY_CLOSE, STRAIGHT

PARAGRAPH_SEPARATOR = "\n\n"
# Stands in for every character inside a quotation, so attribution patterns never match speech.
MASK_CHAR = "\u2591"

_BOUNDARY = re.compile(
    r"[.!?]+(?P<closers>["
    + re.escape(CURLY_CLOSE + STRAIGHT)
    + r"’)]*)\s+(?=[A-Z0-9"
    + re.escape(ANY_OPEN)
    + r"])"
)
# A person's initials ("J", "J.J", "H.W") before the full stop a boundary looks at.
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")
_KEPT_PUNCTUATION = ".!?,;:"
# How far back a boundary looks for the word its full stop ends (longer words are no abbreviation).
_WORD_LOOKBACK = 24


@dataclass(frozen=True)
class Body:
    """Paragraphs joined by a blank line, with each paragraph's start offset."""

    paragraphs: tuple[str, ...]

    @cached_property
    def text(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    @cached_property
    def starts(self) -> tuple[int, ...]:
        out: list[int] = []
        at = 0
        for paragraph in self.paragraphs:
            out.append(at)
            at += len(paragraph) + len(PARAGRAPH_SEPARATOR)
        return tuple(out)

    def span(self, index: int) -> tuple[int, int]:
        """Start and end offsets of paragraph `index` in the joined text."""
        start = self.starts[index]
        return start, start + len(self.paragraphs[index])

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph holding `offset` (a separator counts for the next one)."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


_NOT_NEWLINE = re.compile(r"[^\n]+")


def mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` with the characters of each (start, end) span replaced by MASK_CHAR.

    A quotation's own closing punctuation stays visible: it still ends (or continues) the
    sentence that holds the quotation ("…me,” he recalled" / "…here.” Mr. Kadyrov"). Line
    breaks stay, so the masked text keeps the paragraphs of the text.
    """
    pieces: list[str] = []
    at = 0
    for start, span_end in spans:
        end = span_end
        while end > start and text[end - 1] in _KEPT_PUNCTUATION:
            end -= 1
        if end <= start:
            continue
        pieces.append(text[at:start])
        interior = text[start:end]
        if "\n" in interior:
            pieces.append(_NOT_NEWLINE.sub(lambda m: MASK_CHAR * len(m.group()), interior))
        else:
            pieces.append(MASK_CHAR * (end - start))
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def sentence_starts(masked_paragraph: str) -> list[int]:
    """Offsets where sentences begin in a masked paragraph (0 always among them)."""
    starts = [0]
    for match in _BOUNDARY.finditer(masked_paragraph):
        end = match.start()
        if not match.group("closers"):
            before = masked_paragraph[max(0, end - _WORD_LOOKBACK) : end].rsplit(None, 1)
            token = before[-1].rstrip(".").lstrip('([{“"‘—–-') if before else ""
            if token in ABBREVIATIONS or _INITIALS.fullmatch(token):
                continue  # "Sen.", "J." and "J.J." before a surname end no sentence
        starts.append(match.end())
    return starts


class Sentences:
    """The sentences of one masked paragraph, found once; lookups by offset are logarithmic."""

    __slots__ = ("end", "starts")

    def __init__(self, masked_paragraph: str) -> None:
        self.starts = sentence_starts(masked_paragraph)
        self.end = len(masked_paragraph)

    def index(self, offset: int) -> int:
        """The number (0-based) of the sentence holding `offset`."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def bounds(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding `offset`."""
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        following = index + 1
        return self.starts[index], (
            self.starts[following] if following < len(self.starts) else self.end
        )

    def before(self, offset: int, count: int) -> int:
        """The start of the sentence `count` sentences before the one holding `offset`."""
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.starts[max(0, index - count)]

    def pairs(self) -> list[tuple[int, int]]:
        """(start, end) of every sentence, in order."""
        ends = [*self.starts[1:], self.end]
        return list(zip(self.starts, ends, strict=True))
