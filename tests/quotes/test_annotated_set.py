"""The annotated articles are well formed: every expected quote is where the bench will look."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ANNOTATED = Path(__file__).resolve().parent / "annotated"
FILES = sorted(ANNOTATED.glob("*.json"))
KINDS = {"direct", "block", "scare"}


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_there_are_at_least_forty_annotated_articles() -> None:
    assert len(FILES) >= 40


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_expected_quotes_are_substrings_in_reading_order(path: Path) -> None:
    doc = load(path)
    assert doc["id"] == path.stem
    body = "\n\n".join(doc["paragraphs"])
    cursor = 0
    for quote in doc["quotes"]:
        assert quote["kind"] in KINDS
        at = body.find(quote["text"], cursor)
        assert at >= 0, quote["text"]
        cursor = at + len(quote["text"])
        if quote["kind"] == "scare":
            assert quote["speaker"] is None and quote["outlet"] is None
    for index in doc["blockquote_paragraphs"]:
        assert 0 <= index < len(doc["paragraphs"])
