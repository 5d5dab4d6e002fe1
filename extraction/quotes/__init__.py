"""Interim placeholder until the quote extractor lands from the `quotes` branch: finds no quotes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    text: str
    speaker: str | None
    speaker_mention: str | None
    verb: str | None
    outlet: str | None
    kind: Literal["direct", "block", "scare"]


def extract_quotes(
    paragraphs: Sequence[str], blockquote_paragraphs: frozenset[int] = frozenset()
) -> list[QuoteSpan]:
    return []
