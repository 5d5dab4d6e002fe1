"""A parser bug on one page is recorded against that page; the other pages still land."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from extraction import dumps
from extraction.content import PageContent
from extraction.dumps import DumpFile, parse_dump


def test_parser_bug_on_one_jsonl_page_is_recorded_and_the_rest_land(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_extract_text = dumps.extract_text

    def flaky(text: str, *, url: str | None = None) -> PageContent:
        if "Second" in text:
            raise IndexError("list index out of range")
        return real_extract_text(text, url=url)

    monkeypatch.setattr(dumps, "extract_text", flaky)
    lines = [
        json.dumps(
            {
                "url": f"https://example.org/{n}",
                "captured_at": "2026-01-01T00:00:00Z",
                "text": f"{n} Title\n\nBody.",
            }
        )
        for n in ("First", "Second", "Third")
    ]
    data = "\n".join(lines).encode()
    result = parse_dump(DumpFile("pages.jsonl", data, "sha", datetime(2026, 1, 2, tzinfo=UTC)))
    assert [a.title for a in result.articles] == ["First Title", "Third Title"]
    [error] = result.errors
    assert (error.record, error.error_kind) == ("2", "extractor_failed")
    assert "IndexError: list index out of range" in error.message
    assert result.status == "partial"
