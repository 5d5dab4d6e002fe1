"""Sidecar problems and capture times from the future: recorded against the dump, never fatal,
never believed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from extraction.dumps import DumpFile, parse_dump
from tests.extraction.test_formats import page, write_warc

MTIME = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
READ_AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STORY = b"Harbour Wall Repaired\n\nThe wall was rebuilt in a fortnight.\n\n2 comments\n"


def dump(name: str, data: bytes, sidecar: dict[str, object] | None = None) -> DumpFile:
    raw = json.dumps(sidecar).encode() if sidecar is not None else None
    return DumpFile(name, data, "sha", MTIME, raw, read_at=READ_AT)


def test_sidecar_url_that_does_not_parse_is_recorded_and_the_page_kept() -> None:
    result = parse_dump(dump("wall.txt", STORY, {"url": "http://[bad", "site": "care2.com"}))
    [article] = result.articles
    assert (article.title, article.url, article.site) == (
        "Harbour Wall Repaired",
        None,
        "care2.com",
    )
    assert [(e.source_path, e.record, e.error_kind, e.message) for e in result.errors] == [
        (
            "wall.txt",
            None,
            "bad_sidecar",
            "wall.txt.meta.json: sidecar key 'url' is not an http(s) address: 'http://[bad'; "
            "ignored",
        )
    ]
    assert result.status == "partial"


def test_sidecar_capture_time_in_the_future_gives_way_to_the_file_time() -> None:
    result = parse_dump(dump("wall.txt", STORY, {"captured_at": "2099-01-01T00:00:00Z"}))
    [article] = result.articles
    assert (article.captured_at, article.captured_at_source) == (MTIME, "file_mtime")
    assert [(e.source_path, e.error_kind, e.message) for e in result.errors] == [
        (
            "wall.txt",
            "future_capture",
            "the sidecar wall.txt.meta.json gives captured_at 2099-01-01T00:00:00+00:00, more than "
            "a day after the file was read (2026-03-02T09:00:00+00:00); the record's own time or "
            "the file's modification time is used instead",
        )
    ]


def test_a_capture_time_within_a_day_of_reading_is_believed() -> None:
    result = parse_dump(dump("wall.txt", STORY, {"captured_at": "2026-03-03T08:00:00Z"}))
    assert [(a.captured_at, a.captured_at_source) for a in result.articles] == [
        (datetime(2026, 3, 3, 8, 0, tzinfo=UTC), "sidecar")
    ]
    assert result.errors == []


def test_record_capture_time_in_the_future_gives_way_to_the_sidecar() -> None:
    lines = [
        {"url": "https://x.org/1", "captured_at": "2099-05-01T00:00:00Z", "text": STORY.decode()},
        {"url": "https://x.org/2", "captured_at": "2026-02-01T00:00:00Z", "text": STORY.decode()},
    ]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    sidecar = {"captured_at": "2026-02-20T00:00:00Z"}
    result = parse_dump(dump("feed.jsonl", data, sidecar))
    assert [(a.captured_at, a.captured_at_source) for a in result.articles] == [
        (datetime(2026, 2, 20, tzinfo=UTC), "sidecar"),
        (datetime(2026, 2, 1, tzinfo=UTC), "record"),
    ]
    assert [(e.record, e.error_kind) for e in result.errors] == [("1", "future_capture")]
    assert result.status == "partial"


def test_warc_record_dated_in_the_future_gives_way_to_the_file_time(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    html = page("Harbour Wall Repaired", "https://news.example.org/wall").encode()
    write_warc(
        path, [("https://news.example.org/wall", "text/html", html, "2099-01-01T00:00:00Z")], False
    )
    result = parse_dump(dump("crawl.warc", path.read_bytes()))
    assert [(a.captured_at, a.captured_at_source) for a in result.articles] == [
        (MTIME, "file_mtime")
    ]
    assert [e.error_kind for e in result.errors] == ["future_capture"]
