"""The joined article body: paragraph offsets, quote masking and sentence boundaries."""

from __future__ import annotations

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
_KEPT_PUNCTUATION = ".!?,;:"
_LAST_WORD = re.compile(r"([\w.’']+)$")


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
        low, high = 0, len(self.starts) - 1
        while low < high:
            mid = (low + high + 1) // 2
            if self.starts[mid] <= offset:
                low = mid
            else:
                high = mid - 1
        return low


def mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` with the characters of each (start, end) span replaced by MASK_CHAR.

    A quotation's own closing punctuation stays visible: it still ends (or continues) the
    sentence that holds the quotation ("…me,” he recalled" / "…here.” Mr. Kadyrov").
    """
    chars = list(text)
    for start, span_end in spans:
        end = span_end
        while end > start and text[end - 1] in _KEPT_PUNCTUATION:
            end -= 1
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = MASK_CHAR
    return "".join(chars)


def sentence_starts(masked_paragraph: str) -> list[int]:
    """Offsets where sentences begin in a masked paragraph (0 always among them)."""
    starts = [0]
    for match in _BOUNDARY.finditer(masked_paragraph):
        word = _LAST_WORD.search(masked_paragraph, 0, match.start())
        if word and not match.group("closers"):
            token = word.group(1).rstrip(".")
            if token in ABBREVIATIONS or (len(token) == 1 and token.isupper()):
                continue
        starts.append(match.end())
    return starts


def sentence_bounds(masked_paragraph: str, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence of `masked_paragraph` that holds `offset`."""
    starts = sentence_starts(masked_paragraph)
    start = max(s for s in starts if s <= offset)
    later = [s for s in starts if s > offset]
    return start, (later[0] if later else len(masked_paragraph))
