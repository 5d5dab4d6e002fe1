"""A one-character guard for a rule pattern: the characters any match of it can start with, read
off the pattern itself, so a line starting otherwise is rejected without running the pattern.

A whole-line pattern of many case-insensitive alternatives costs microseconds even on a line it
rejects at its first letter (the engine tries every alternative); the guard, judged once per first
character, is a dictionary look-up.
It is built from the parsed pattern, never written by hand, so it cannot fall behind a rule: each
literal it holds is the rule's own literal, compiled with the rule's own flags.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


class _Unknown(Exception):
    """A construct the guard does not read: the pattern goes unguarded."""


def _class(items: Any) -> str:
    parts = []
    for op, value in items:
        if op is sre.NEGATE:
            parts.append("^")
        elif op is sre.LITERAL:
            parts.append(re.escape(chr(value)))
        elif op is sre.RANGE:
            low, high = value
            parts.append(f"{re.escape(chr(low))}-{re.escape(chr(high))}")
        elif op is sre.CATEGORY and value in _CATEGORIES:
            parts.append(_CATEGORIES[value])
        else:
            raise _Unknown
    return f"[{''.join(parts)}]"


def _first(items: Any) -> tuple[list[str], bool]:
    """(one-character patterns a match of the sequence can start with, whether it can match
    nothing at all)."""
    starts: list[str] = []
    for op, value in items:
        if op is sre.LITERAL:
            return [*starts, re.escape(chr(value))], False
        if op is sre.NOT_LITERAL:
            return [*starts, f"[^{re.escape(chr(value))}]"], False
        if op is sre.IN:
            return [*starts, _class(value)], False
        if op is sre.ANY:
            return [*starts, "."], False
        if op in _ZERO_WIDTH:
            continue  # an anchor or a lookaround only narrows what follows
        if op in _REPEATS:
            low, _, sub = value
            found, empty = _first(sub)
            starts += found
            if low and not empty:
                return starts, False
            continue
        if op is sre.SUBPATTERN:
            _, add_flags, del_flags, sub = value
            if add_flags or del_flags:
                raise _Unknown
            found, empty = _first(sub)
        elif op is sre.ATOMIC_GROUP:
            found, empty = _first(value)
        elif op is sre.BRANCH:
            _, branches = value
            found, empty = [], False
            for branch in branches:
                more, can_be_empty = _first(branch)
                found += more
                empty = empty or can_be_empty
        else:
            raise _Unknown
        starts += found
        if not empty:
            return starts, False
    return starts, True


def first_char_guard(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern matching the first character of every non-empty text that `pattern` can match
    from its start (a superset), or None when the pattern is beyond what the guard reads."""
    try:
        starts, _ = _first(sre_parse.parse(pattern.pattern, pattern.flags))
    except _Unknown:
        return None
    # The positive classes and literals as one class (one test of the character), the negated
    # classes and "." beside it.
    members = [start[1:-1] if start.startswith("[") else start for start in starts if _joins(start)]
    apart = [start for start in starts if not _joins(start)]
    merged = [f"[{''.join(dict.fromkeys(members))}]"] if members else []
    return re.compile("|".join([*merged, *dict.fromkeys(apart)]) or "(?!)", pattern.flags)


def _joins(start: str) -> bool:
    return start != "." and not start.startswith("[^")


class FirstCharFilter:
    """`may_match(text)`: False only when no match of the pattern can start at the start of the
    text. Each first character is judged once (a page's lines start with a few dozen), so a test
    is a dictionary look-up."""

    __slots__ = ("_guard", "_verdicts")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self._guard = first_char_guard(pattern)
        self._verdicts: dict[str, bool] = {}

    def may_match(self, text: str) -> bool:
        if self._guard is None or not text:
            return True
        first = text[0]
        verdict = self._verdicts.get(first)
        if verdict is None:
            verdict = self._verdicts[first] = self._guard.match(first) is not None
        return verdict
