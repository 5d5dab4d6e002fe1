"""Numbers as people write them on a page: "80,000", "80.000" where the page's language groups
digits with dots, "1.5k", "12K", "2 million", "1.2m", "over a million", "a quarter million".

The tables say which words multiply, which words count and which languages group digits how;
`parse_count` applies them. Counts are whole numbers: a reading that leaves a fraction, or that
cannot tell a grouping from a decimal point ("80.000" on an English page), gives None rather
than a guess.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

# Words (and letters) after a number that multiply it; compared lower-cased, a final "." dropped.
MULTIPLIERS: Final[dict[str, int]] = {
    "k": 1_000,
    "thousand": 1_000,
    "thousands": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mio": 1_000_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
    # German, Italian, Spanish, Portuguese, Dutch, French pages
    "tausend": 1_000,
    "mila": 1_000,
    "mil": 1_000,
    "duizend": 1_000,
    "mille": 1_000,
    "millionen": 1_000_000,
    "milione": 1_000_000,
    "milioni": 1_000_000,
    "millón": 1_000_000,
    "millones": 1_000_000,
    "milhão": 1_000_000,
    "milhões": 1_000_000,
    "miljoen": 1_000_000,
}
# Count words that stand before a multiplier ("a million", "two million", "a dozen").
COUNT_WORDS: Final[dict[str, int]] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "fifty": 50,
    "hundred": 100,
}
# Fractions of a multiplier: "a quarter million", "half a million", "three quarters of a million".
FRACTION_WORDS: Final[dict[str, float]] = {
    "half": 0.5,
    "a half": 0.5,
    "quarter": 0.25,
    "a quarter": 0.25,
    "three quarters": 0.75,
    "three-quarters": 0.75,
}
# Words before a count that say it is approximate; they do not change the number.
APPROXIMATIONS: Final[tuple[str, ...]] = (
    "more than",
    "more then",
    "over",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "some",
    "at least",
    "close to",
    "upwards of",
    "just over",
    "just under",
    "more than a",
)
# How languages (ISO 639-1) group digits. English and the unknown default group with commas and
# write decimals with a point; these group with points and write decimals with a comma ...
DOT_GROUPING_LANGUAGES: Final[frozenset[str]] = frozenset(
    {"de", "nl", "it", "es", "pt", "da", "id", "tr", "el", "ro", "sl", "hr", "sr", "is"}
)
# ... and these group with (narrow, no-break) spaces and write decimals with a comma.
SPACE_GROUPING_LANGUAGES: Final[frozenset[str]] = frozenset(
    {"fr", "pl", "ru", "sv", "nb", "no", "nn", "fi", "cs", "sk", "uk", "hu", "bg", "et", "lt"}
)

_SPACES: Final = " \u00a0\u202f\u2009"
_MULTIPLIER_WORD: Final = "|".join(sorted(map(re.escape, MULTIPLIERS), key=len, reverse=True))
_COUNT_WORD: Final = "|".join(sorted(COUNT_WORDS, key=len, reverse=True))
_FRACTION_WORD: Final = "|".join(sorted(map(re.escape, FRACTION_WORDS), key=len, reverse=True))
_APPROX: Final = "|".join(sorted(map(re.escape, APPROXIMATIONS), key=len, reverse=True))
# Digits with optional grouping (",", ".", spaces, "'") and decimals; grouping is read later.
_DIGITS: Final = rf"\d{{1,3}}(?:[,.'{_SPACES}]\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_MULTIPLIER: Final = rf"(?:{_MULTIPLIER_WORD})\.?(?![\w])"
# One number phrase, as a regex fragment without groups of its own: callers capture it.
NUMBER: Final = (
    rf"(?:(?:{_FRACTION_WORD})(?:\s+of)?\s+(?:a\s+)?{_MULTIPLIER}"
    rf"|(?:{_FRACTION_WORD}\s+)?(?:{_COUNT_WORD})\s+(?:(?:{_FRACTION_WORD})\s+)?{_MULTIPLIER}"
    rf"|(?:{_DIGITS})(?:\s*{_MULTIPLIER})?)"
)
APPROXIMATION: Final = rf"(?:{_APPROX})"
_PHRASE_RE: Final = re.compile(rf"(?:{APPROXIMATION}\s+)?({NUMBER})", re.IGNORECASE)
_PARTS_RE: Final = re.compile(
    rf"(?P<fraction>{_FRACTION_WORD})?\s*(?:of\s+)?(?P<count>{_COUNT_WORD}|{_DIGITS})?\s*"
    rf"(?P<fraction2>{_FRACTION_WORD})?\s*(?:of\s+)?(?:a\s+)?(?P<multiplier>{_MULTIPLIER_WORD})?\.?",
    re.IGNORECASE,
)


def _digits_value(digits: str, language: str | None) -> float | None:
    """The value of a digit string under the language's grouping; None when it is ambiguous."""
    if any(ch in digits for ch in _SPACES + "'"):
        if language not in SPACE_GROUPING_LANGUAGES and "'" not in digits:
            return None  # "80 000" on an English page is two numbers, not one
        digits = "".join(ch for ch in digits if ch not in _SPACES + "'")
    for separator in ",.":
        parts = digits.split(separator)
        if len(parts) > 2:  # "1.234.567": two marks of one kind are groups, never decimals
            if not all(len(part) == 3 for part in parts[1:]):
                return None
            digits = digits.replace(separator, "")
    comma_decimals = language in DOT_GROUPING_LANGUAGES or language in SPACE_GROUPING_LANGUAGES
    decimal, group = (",", ".") if comma_decimals else (".", ",")
    if decimal in digits and group in digits:
        if digits.rfind(decimal) < digits.rfind(group):
            return None  # "1.234,5" on an English page
        digits = digits.replace(group, "")
    elif group in digits:
        head, tail = digits.split(group)
        if len(tail) != 3:
            return None  # "1,5" on an English page
        digits = head + tail
    elif decimal in digits and len(digits.split(decimal)[1]) == 3:
        return None  # "80.000" where points are decimals: a grouping or a decimal? Unknown.
    try:
        return float(digits.replace(decimal, "."))
    except ValueError:
        return None


# Two full-pattern matches make a reading cost tens of microseconds, and pages repeat the same few
# counts ("33 comments" is read for the section and again for its count); the reading is pure.
@lru_cache(maxsize=4096)
def parse_count(text: str, language: str | None = None) -> int | None:
    """A count as a page writes it ("80,000", "1.5k", "over a million") as an int; None when the
    text is no count or when its reading is ambiguous. `language` is the page's ISO 639-1 code."""
    cleaned = " ".join(text.split()).strip(" .").lower()
    if not cleaned:
        return None
    match = _PHRASE_RE.fullmatch(cleaned)
    if match is None:
        return None
    parts = _PARTS_RE.fullmatch(match.group(1))
    if parts is None:
        return None
    count, multiplier = parts["count"], parts["multiplier"]
    fraction = parts["fraction"] or parts["fraction2"]
    factor = MULTIPLIERS[multiplier.lower()] if multiplier else 1
    if count is None:
        value: float | None = 1.0
    elif count.lower() in COUNT_WORDS:
        value = float(COUNT_WORDS[count.lower()])
    else:
        value = _digits_value(count, language)
    if value is None:
        return None
    if fraction:
        value *= FRACTION_WORDS[fraction.lower()]
    total = value * factor
    if abs(total - round(total)) > 1e-6:
        return None  # "1.5 people": no count has a fraction
    if not multiplier and count is not None and count.lower() in COUNT_WORDS:
        return None  # "a" or "two" alone is a word, not a stated count
    return round(total)
