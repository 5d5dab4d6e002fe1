"""Whitespace and word rules shared by every dialect, so counts mean the same for every format."""

from __future__ import annotations

import re

# NBSP and its relatives appear inside sentences of real dumps ("man\u00a0and"); they are spaces.
_SPACE_LIKE = re.compile(r"[\u00a0\u2007\u202f\u2009\u200a\u3000\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_RUNS_OF_SPACES = re.compile(r" {2,}")
_ASCII_SPACE_LIKE = frozenset("\t\f\v")
# A word is a whitespace-separated token holding at least one letter or digit ("—" is not a word).
_WORD = re.compile(r"\S*[^\W_]\S*")


def normalise_line(line: str) -> str:
    """One line with space-like characters made plain spaces, runs collapsed, ends trimmed."""
    if line.isascii() and "  " not in line and not _ASCII_SPACE_LIKE.intersection(line):
        # Most lines: nothing to replace or collapse (every other space-like character is
        # non-ASCII), so three regex passes would return the line as it is, trimmed.
        return line.strip()
    line = _ZERO_WIDTH.sub("", _SPACE_LIKE.sub(" ", line))
    return _RUNS_OF_SPACES.sub(" ", line).strip()


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def fold(text: str) -> str:
    """Case- and whitespace-insensitive form, used to compare comment bodies and names."""
    return " ".join(text.casefold().split())
