"""Whitespace and word rules shared by every dialect, so counts mean the same for every format."""

from __future__ import annotations

import re
from itertools import filterfalse

# NBSP and its relatives appear inside sentences of real dumps ("man\u00a0and"); they are spaces.
SPACE_LIKE = "\u00a0\u2007\u202f\u2009\u200a\u3000\t\f\v"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_RUNS_OF_SPACES = re.compile(r" {2,}")
# A word is a whitespace-separated token holding at least one letter or digit ("—" is not a word).
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def normalise_lines(text: str) -> list[str]:
    """Every line of a text with space-like characters made plain spaces, runs collapsed, ends
    trimmed. The substitutions run once over the whole text, not once per line (none crosses a
    line: lines hold no line breaks and no pattern matches one), and ASCII text, where only a tab
    can need replacing, skips them."""
    lines = text.splitlines()
    if not lines:
        return []
    joined = "\n".join(lines)
    if not joined.isascii():
        # One `in` scan per character (fast searches in C) and a replace for those present:
        # a character class run over every character of the text cost ten times more.
        for space in SPACE_LIKE:
            if space in joined:
                joined = joined.replace(space, " ")
        for invisible in ZERO_WIDTH:
            if invisible in joined:
                joined = joined.replace(invisible, "")
    elif "\t" in joined:  # the only space-like ASCII character a line can hold
        joined = joined.replace("\t", " ")
    if "  " in joined:
        joined = _RUNS_OF_SPACES.sub(" ", joined)
    return list(map(str.strip, joined.split("\n")))


def word_count(text: str) -> int:
    words = text.split()
    # Most tokens are letters and digits only; the pattern decides the others ("“Yes,”", "—"),
    # and both loops run in C.
    others = map(_LETTER_OR_DIGIT.search, filterfalse(str.isalnum, words))
    return len(words) - list(others).count(None)


def fold(text: str) -> str:
    """Case- and whitespace-insensitive form, used to compare comment bodies and names."""
    return " ".join(text.casefold().split())
