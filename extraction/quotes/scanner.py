"""Find quotation spans in a body: pairs of marks, nested marks, quotes running over paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extraction.quotes.model import RawQuote
from extraction.quotes.rules import (
    ANY_OPEN,
    CURLY_CLOSE,
    CURLY_OPEN,
    MARKUP_TAG,
    SINGLE_CLOSE,
    SINGLE_OPEN,
    SINGLE_OPEN_AFTER,
    STRAIGHT,
)
from extraction.quotes.text import Body

# Marks that open a quotation; marks that matter inside a curly one; curly marks alone.
_OPENERS = re.compile("[" + re.escape(CURLY_OPEN + STRAIGHT + SINGLE_OPEN) + "]")
_IN_CURLY = re.compile("[" + re.escape(CURLY_OPEN + CURLY_CLOSE + STRAIGHT) + "]")
_CURLY = re.compile("[" + re.escape(CURLY_OPEN + CURLY_CLOSE) + "]")
_MARKUP = re.compile(MARKUP_TAG)


def _markup_ends(paragraph: str) -> dict[int, int]:
    """For each straight mark inside a markup tag of the paragraph, where that tag ends."""
    if "<" not in paragraph:
        return {}
    out: dict[int, int] = {}
    for tag in _MARKUP.finditer(paragraph):
        for offset in range(tag.start(), tag.end()):
            if paragraph[offset] == STRAIGHT:
                out[offset] = tag.end()
    return out


@dataclass(slots=True)
class _Open:
    """A quotation opened and not yet closed."""

    mark: str  # "curly", "straight" or "single"
    at: int  # offset of the opening mark
    paragraph: int
    depth: int = 1  # curly marks nested inside it
    straight_close: int | None = None  # a straight mark that could close a sloppy “…" quotation
    straights: int = 0  # straight marks inside; an odd count means one of them is the closer


def _continues(paragraph: str) -> bool:
    """Whether an unclosed quotation carries on into this paragraph.

    News style re-opens each continued paragraph with a mark; a paragraph that closes a curly
    quotation before opening one also carries it on.
    """
    stripped = paragraph.lstrip()
    if stripped[:1] and stripped[0] in ANY_OPEN:
        return True
    first = _CURLY.search(paragraph)
    return first is not None and first.group() in CURLY_CLOSE


def _opens_single(paragraph: str, offset: int) -> bool:
    """Whether a single opening mark starts a quotation (not an elided "‘90s" inside a word)."""
    before = paragraph[offset - 1] if offset > 0 else " "
    after = paragraph[offset + 1 : offset + 2]
    return before in SINGLE_OPEN_AFTER and bool(after) and not after.isspace()


def _single_quote_ahead(body: Body, index: int, offset: int) -> bool:
    """Whether a ‘ opens a quotation: it sits at a word start and a closing ’ follows in the
    paragraph, or the next paragraph carries the quotation on with another ‘."""
    paragraph = body.paragraphs[index]
    if not _opens_single(paragraph, offset):
        return False
    # At least two characters inside: "rock ‘n’ roll" holds no quotation.
    closing = paragraph.find(SINGLE_CLOSE, offset + 3)
    while closing >= 0:
        if _closes_single(paragraph, closing):
            return True
        closing = paragraph.find(SINGLE_CLOSE, closing + 1)
    following = body.paragraphs[index + 1] if index + 1 < len(body.paragraphs) else ""
    return following.lstrip().startswith(SINGLE_OPEN)


def _closes_single(paragraph: str, offset: int) -> bool:
    """Whether a ’ closes a single-mark quotation rather than being an apostrophe."""
    before = paragraph[offset - 1] if offset > 0 else " "
    after = paragraph[offset + 1 : offset + 3]
    if before.isspace() or (after[:1] and after[0].isalnum()):
        return False
    # "the students’ union": a plural possessive before a lower-case word.
    return not (before == "s" and after[:1] == " " and after[1:2].islower())


def _closed_by_straight(current: _Open) -> bool:
    """Whether an unclosed curly quotation was closed by an unpaired straight mark."""
    return (
        current.mark == "curly"
        and current.depth == 1
        and current.straights % 2 == 1
        and current.straight_close is not None
    )


def _could_close(paragraph: str, offset: int) -> bool:
    """Whether a straight mark sits where a closing one would: after a word, before a non-letter."""
    before = paragraph[offset - 1] if offset > 0 else " "
    after = paragraph[offset + 1 : offset + 2]
    return not before.isspace() and not (after and after.isalnum())


def _curly_closer(paragraph: str, pos: int) -> int:
    """The curly mark that closes a quotation opened straight and never closed straight in its
    paragraph ("\"This is a long process,” said …"), or -1: the first closing curly mark from
    `pos` with no curly opening mark before it."""
    for mark in _CURLY.finditer(paragraph, pos):
        if mark.group() in CURLY_OPEN:
            return -1
        if _could_close(paragraph, mark.start()):
            return mark.start()
    return -1


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) with surrounding white space excluded."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def scan(body: Body) -> list[RawQuote]:
    """Every quotation in marks, in reading order, never overlapping.

    Double marks (curly or straight) open and close quotations; single curly marks do so only
    where they cannot be apostrophes; marks of another kind inside a quotation are nested in it.
    """
    text = body.text
    found: list[RawQuote] = []
    current: _Open | None = None

    def close(at: int | None, end: int, paragraph: int) -> None:
        nonlocal current
        assert current is not None
        start, stop = _trimmed(text, current.at + 1, end)
        if stop > start:
            found.append(RawQuote(start, stop, current.at, at, current.paragraph, paragraph))
        current = None

    for index, paragraph in enumerate(body.paragraphs):
        base = body.starts[index]
        skip_to = -1
        if current is not None:
            if _closed_by_straight(current):
                # “…family" — opened curly, closed straight: close at the straight mark.
                assert current.straight_close is not None
                at = current.straight_close
                close(at, at, body.paragraph_at(at))
            elif _continues(paragraph):
                lead = len(paragraph) - len(paragraph.lstrip())
                if paragraph[lead : lead + 1] and paragraph[lead] in ANY_OPEN:
                    skip_to = lead  # the re-opening mark of a continued paragraph
            else:
                previous_end = body.span(index - 1)[1]
                close(None, previous_end, index - 1)
        lead = len(paragraph) - len(paragraph.lstrip())
        if current is None and paragraph[lead : lead + 1] in CURLY_CLOSE and paragraph[lead:]:
            # ”… the Cruz train has left,” wrote Time — a paragraph opened by a closing mark
            # (a typesetting slip) opens a quotation when a closing mark follows in it.
            following = _CURLY.search(paragraph, lead + 1)
            if following is not None and following.group() in CURLY_CLOSE:
                current = _Open("curly", base + lead, index)
                skip_to = lead
        # Jump from one mark that matters to the next: which marks matter depends on what is
        # open (an apostrophe is only looked at inside a single-mark quotation).
        pos = skip_to + 1
        markup = _markup_ends(paragraph)
        while True:
            if current is None:
                mark = _OPENERS.search(paragraph, pos)
                if mark is None:
                    break
                offset, char = mark.start(), mark.group()
                pos = offset + 1
                at = base + offset
                if offset in markup:
                    pos = markup[offset]  # an attribute value of a tag: no quotation
                elif char in CURLY_OPEN:
                    current = _Open("curly", at, index)
                elif char == STRAIGHT:
                    current = _Open("straight", at, index)
                elif _single_quote_ahead(body, index, offset):
                    current = _Open("single", at, index)
            elif current.mark == "single":
                offset = paragraph.find(SINGLE_CLOSE, pos)
                if offset < 0:
                    break
                pos = offset + 1
                if _closes_single(paragraph, offset):
                    close(base + offset, base + offset, index)
            elif current.mark == "curly":
                mark = _IN_CURLY.search(paragraph, pos)
                if mark is None:
                    break
                offset, char = mark.start(), mark.group()
                pos = offset + 1
                at = base + offset
                if offset in markup:
                    pos = markup[offset]
                elif char == STRAIGHT:
                    current.straights += 1
                    if _could_close(paragraph, offset):
                        current.straight_close = at
                elif char in CURLY_OPEN:
                    current.depth += 1
                else:
                    current.depth -= 1
                    if current.depth == 0:
                        close(at, at, index)
            else:
                offset = paragraph.find(STRAIGHT, pos)
                while offset in markup:
                    offset = paragraph.find(STRAIGHT, markup[offset])
                if offset >= 0 and not _could_close(paragraph, offset):
                    # "…compete,” said Lindsay. "Some …": the next straight mark opens the next
                    # quotation, so a curly mark before it closed this one.
                    curly = _curly_closer(paragraph, pos)
                    if 0 <= curly < offset:
                        offset = curly
                if offset < 0:
                    offset = _curly_closer(paragraph, pos)
                    if offset < 0:
                        break
                pos = offset + 1
                close(base + offset, base + offset, index)
    if current is not None:
        if _closed_by_straight(current):
            assert current.straight_close is not None
            at = current.straight_close
            close(at, at, body.paragraph_at(at))
        else:
            close(None, len(text), len(body.paragraphs) - 1)
    return found
