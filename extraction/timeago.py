"""Reading jQuery timeago phrases back into windows of time, and splitting them off glued names."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from extraction.rules.timeago import (
    APPROXIMATION_WORDS,
    LESS_THAN_A_MINUTE,
    ONE_WORDS,
    SUFFIX_AGO,
    TIMEAGO_BANDS,
    TimeagoBand,
)

_UNIT_SECONDS: dict[str, float] = {"second": 1.0}
for _band in TIMEAGO_BANDS:
    if _band.unit_seconds is not None:
        _UNIT_SECONDS[_band.singular] = _band.unit_seconds
_FIXED_BAND_BY_UNIT: dict[str, TimeagoBand] = {
    b.singular: b for b in TIMEAGO_BANDS if b.unit_seconds is None and b.plural is None
}
_UNITS = "|".join(sorted(_UNIT_SECONDS, key=len, reverse=True))

# Case-sensitive on purpose: timeago prints lower case, names are capitalised ("ANA MARIJA Rabout").
PHRASE = re.compile(
    rf"(?:(?P<less>{re.escape(LESS_THAN_A_MINUTE)})"
    rf"|(?:(?:{'|'.join(APPROXIMATION_WORDS)}) )?"
    rf"(?P<count>[1-9][0-9]*|{'|'.join(ONE_WORDS)}) (?P<unit>{_UNITS})s?)"
    rf"(?: {SUFFIX_AGO})?"
)
# Every phrase starts with one of these characters; only there can a trailing phrase begin, so the
# glued-name splitter tries a handful of positions instead of every character of the line.
_FIRST_LETTERS = {LESS_THAN_A_MINUTE[0], *(w[0] for w in (*APPROXIMATION_WORDS, *ONE_WORDS))}
_PHRASE_START = re.compile("[" + re.escape("".join(sorted(_FIRST_LETTERS))) + "1-9]")


@dataclass(frozen=True, slots=True)
class AgeWindow:
    """How long before the capture a comment was posted: lower (inclusive) to upper (exclusive)."""

    lower: timedelta
    upper: timedelta

    def posted_between(self, captured_at: datetime) -> tuple[datetime, datetime]:
        """(earliest, latest) posting times allowed by the phrase, counted back from capture."""
        return captured_at - self.upper, captured_at - self.lower


def _rounding_window(count: int, unit_seconds: float) -> tuple[float, float]:
    # Math.round(x) == count  <=>  count - 0.5 <= x < count + 0.5
    return (count - 0.5) * unit_seconds, (count + 0.5) * unit_seconds


@lru_cache(maxsize=4096)  # a corpus words its times a few hundred ways; the result is immutable
def age_window(phrase: str) -> AgeWindow | None:
    """The window a timeago phrase allows, or None when the text is not a timeago phrase."""
    match = PHRASE.fullmatch(" ".join(phrase.split()))
    if match is None:
        return None
    if match["less"]:
        band = TIMEAGO_BANDS[0]
        return AgeWindow(
            timedelta(seconds=band.lower_seconds), timedelta(seconds=band.upper_seconds)
        )
    unit = match["unit"]
    raw_count = match["count"]
    count = 1 if raw_count in ONE_WORDS else int(raw_count)
    if count == 1 and unit in _FIXED_BAND_BY_UNIT:
        band = _FIXED_BAND_BY_UNIT[unit]
        return AgeWindow(
            timedelta(seconds=band.lower_seconds), timedelta(seconds=band.upper_seconds)
        )
    lower, upper = _rounding_window(count, _UNIT_SECONDS[unit])
    for band in TIMEAGO_BANDS:
        if band.plural is not None and band.singular == unit:
            clipped = max(lower, band.lower_seconds), min(upper, band.upper_seconds)
            # A count timeago would never print for this unit ("50 days") still means its rounding
            # window; only clip when the band and the window overlap.
            if clipped[0] < clipped[1]:
                lower, upper = clipped
    if math.isinf(upper):
        return None
    return AgeWindow(timedelta(seconds=max(lower, 0.0)), timedelta(seconds=upper))


@dataclass(frozen=True, slots=True)
class GluedSplit:
    author: str
    posted_text: str


# No phrase is longer than this ("less than a minute ago" is 22), so only a line's tail is tried:
# a multi-megabyte line costs no more than a short one.
LONGEST_PHRASE = 40


def _trailing_phrases(line: str) -> list[GluedSplit]:
    candidates = []
    for found in _PHRASE_START.finditer(line, max(0, len(line) - LONGEST_PHRASE)):
        start = found.start()
        tail = line[start:]
        if PHRASE.fullmatch(tail):
            author = line[:start].strip()
            if author:
                candidates.append(GluedSplit(author, tail))
    return candidates


@lru_cache(maxsize=16384)  # repeat commenters repeat (label, line) pairs; the result is immutable
def split_glued_name(line: str, label: str | None = None) -> GluedSplit | None:
    """Split "Veronica Dabout a month ago" into the display name and the timeago phrase.

    Several splits can be valid ("Sara Aabout a month ago" also ends in "a month ago"). The name
    line above (the label, e.g. "Veronica Danie") decides first: a display name is a prefix of it.
    Then an author equal to the label wins, then the longest phrase, since timeago's own wording
    ("about a month") is preferred over a shorter reading of the same letters.
    """
    line = " ".join(line.split())
    candidates = _trailing_phrases(line)
    if not candidates:
        return None
    folded_label = " ".join(label.split()) if label else None

    def preference(split: GluedSplit) -> tuple[bool, bool, int]:
        is_prefix = folded_label is not None and folded_label.startswith(split.author)
        return is_prefix, split.author == folded_label, len(split.posted_text)

    return max(candidates, key=preference)
