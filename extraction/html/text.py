"""Text helpers for HTML extraction: whitespace normalisation and number parsing."""

from __future__ import annotations

import re
from typing import Final

from extraction.rules import numbers

_SPACE_RE: Final = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_WORD_SPLIT_RE: Final = re.compile(r"[^a-z0-9]+")


def normalise_space(text: str) -> str:
    """Collapse runs of white space (NBSP, thin and zero-width spaces included) to one space."""
    # str.split() already splits on NBSP and the other Unicode spaces; only the zero-width ones
    # need the slower regex.
    if "\u200b" in text or "\ufeff" in text:
        return _SPACE_RE.sub(" ", text).strip()
    return " ".join(text.split())


def attr_words(value: str | None) -> set[str]:
    """Lower-case words of a class or id value: "article-body__text" -> {article, body, text}."""
    if not value:
        return set()
    return {w for w in _WORD_SPLIT_RE.split(value.lower()) if w}


def parse_count(text: str) -> int | None:
    """Read "80,000", "1.2k", "3 million" or "57" as an int; None when it is no number (the shared
    rulebook's reading, extraction/rules/numbers.py)."""
    return numbers.parse_count(text)
