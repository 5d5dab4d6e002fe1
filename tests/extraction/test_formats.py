"""Container formats: JSON Lines, WARC (built with warcio's writer), gzip, and their failures."""

from __future__ import annotations

import gzip
import io
import json
from datetime import UTC, datetime
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extraction.files import parse_path

PAGE = """<!doctype html><html><head><meta charset="{charset}">
<title>{title} | Example News</title>
<link rel="canonical" href="{url}">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}",
 "datePublished": "2026-02-01T10:00:00Z", "author": {{"@type": "Person", "name": "Jo Park"}}}}</script>
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1>
<p>{body} The council said the plan would be reviewed in the spring, after the consultation closes.</p>
<p>Residents packed the hall on Monday evening to hear the proposals and to ask questions of the panel.</p>
<p>“We will listen to every objection,” said Mayor Ana Silva, who chaired the meeting.</p>
</article>
<section id="comments"><h2>2 comments</h2>
<ol class="comment-list">
<li class="comment" id="comment-1"><article class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Ruth K</b></div>
<div class="comment-metadata"><time datetime="2026-02-01T12:00:00+00:00">February 1, 2026</time></div></footer>
<div class="comment-content"><p>About time.</p></div></article>
<ol class="children"><li class="comment" id="comment-2"><article class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Ben T</b></div>
<div class="comment-metadata"><time datetime="2026-02-01T13:30:00+00:00">February 1, 2026</time></div></footer>
<div class="comment-content"><p>Agreed.</p></div></article></li></ol>
</li></ol></section></body></html>"""


def page(
    title: str, url: str, body: str = "A new plan for the harbour.", charset: str = "utf-8"
) -> str:
    return PAGE.format(title=title, url=url, body=body, charset=charset)


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]], gzipped: bool) -> None:
    """records: (url, content type, body, WARC-Date)."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        for url, content_type, body, when in records:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": when},
            )
            writer.write_record(record)
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
            writer.write_record(request)


def test_warc_response_records_become_articles_with_record_metadata(tmp_path: Path) -> None:
    dump = tmp_path / "crawl.warc.gz"
    write_warc(
        dump,
        [
            (
                "https://news.example.org/harbour-plan",
                "text/html; charset=utf-8",
                page("Harbour Plan", "https://news.example.org/harbour-plan").encode(),
                "2026-02-02T08:00:00Z",
            ),
            (
                "https://news.example.org/logo.png",
                "image/png",
                b"\x89PNG\r\n\x1a\n",
                "2026-02-02T08:00:01Z",
            ),
            (
                "https://news.example.org/café-opens",
                "text/html; charset=windows-1252",
                page(
                    "Café Opens",
                    "https://news.example.org/cafe-opens",
                    "The café’s owner",
                    "windows-1252",
                ).encode("cp1252"),
                "2026-02-02T08:00:02Z",
            ),
        ],
        gzipped=True,
    )
    _, result = parse_path(dump, tmp_path)
    assert result.errors == []
    rows = [
        (a.title, a.url, a.site, a.captured_at, a.captured_at_source, a.source_format)
        for a in result.articles
    ]
    assert rows == [
        (
            "Harbour Plan",
            "https://news.example.org/harbour-plan",
            "news.example.org",
            datetime(2026, 2, 2, 8, tzinfo=UTC),
            "record",
            "warc",
        ),
        (
            "Café Opens",
            "https://news.example.org/café-opens",
            "news.example.org",
            datetime(2026, 2, 2, 8, 0, 2, tzinfo=UTC),
            "record",
            "warc",
        ),
    ]
    assert (
        "The café’s owner" in result.articles[1].body_text
    )  # decoded by the HTTP header's charset
    assert [(c.author, c.body, c.posted_at_earliest) for c in result.comments[:2]] == [
        ("Ruth K", "About time.", datetime(2026, 2, 1, 12, tzinfo=UTC)),
        ("Ben T", "Agreed.", datetime(2026, 2, 1, 13, 30, tzinfo=UTC)),
    ]
    assert result.comments[1].parent_comment_id == result.comments[0].comment_id


def test_damaged_warc_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    dump = tmp_path / "damaged.warc"
    write_warc(
        dump,
        [
            (
                "https://news.example.org/a",
                "text/html",
                page("First Story", "https://news.example.org/a").encode(),
                "2026-02-02T08:00:00Z",
            )
        ],
        gzipped=False,
    )
    good = dump.read_bytes()
    dump.write_bytes(
        good + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ntruncated"
    )
    _, result = parse_path(dump, tmp_path)
    assert [a.title for a in result.articles] == ["First Story"]
    [error] = result.errors
    assert error.error_kind == "corrupt_warc"
    assert result.status == "partial"


def test_jsonl_mixes_html_and_text_records_and_skips_a_broken_line(tmp_path: Path) -> None:
    dump = tmp_path / "crawl.jsonl"
    lines = [
        json.dumps(
            {
                "url": "https://news.example.org/a",
                "captured_at": "2026-03-01T00:00:00Z",
                "html": page("Story A", "https://news.example.org/a"),
            }
        ),
        '{"url": "https://news.example.org/b", "html": "<html',
        json.dumps(
            {
                "url": "https://news.example.org/c",
                "site": "example",
                "published_at": "2026-02-27",
                "text": "Story C\n\nA short text capture.",
            }
        ),
        json.dumps(["not", "an", "object"]),
        json.dumps({"url": "https://news.example.org/d"}),
    ]
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, result = parse_path(dump, tmp_path)
    assert [(a.title, a.site, a.captured_at_source, a.published_at) for a in result.articles] == [
        ("Story A", "news.example.org", "record", datetime(2026, 2, 1, 10, tzinfo=UTC)),
        ("Story C", "example", "file_mtime", datetime(2026, 2, 27, tzinfo=UTC)),
    ]
    assert [(e.record, e.error_kind) for e in result.errors] == [
        ("2", "bad_json_line"),
        ("4", "bad_json_line"),
        ("5", "no_page_content"),
    ]
    assert result.status == "partial"


def test_gzipped_html_page_with_sidecar(tmp_path: Path) -> None:
    dump = tmp_path / "saved.html.gz"
    dump.write_bytes(gzip.compress(page("Saved Page", "https://news.example.org/saved").encode()))
    (tmp_path / "saved.html.gz.meta.json").write_text(
        json.dumps({"captured_at": "2026-04-01T06:00:00Z", "byline": "Desk Editor"})
    )
    _, result = parse_path(dump, tmp_path)
    [article] = result.articles
    assert (article.title, article.byline, article.source_format) == (
        "Saved Page",
        "Desk Editor",
        "html",
    )
    assert article.captured_at == datetime(2026, 4, 1, 6, tzinfo=UTC)
    assert article.published_at == datetime(2026, 2, 1, 10, tzinfo=UTC)
    assert [q.speaker for q in (result.quotes)] == ["Ana Silva"]


def test_corrupt_gzip_is_rejected_with_a_clear_error(tmp_path: Path) -> None:
    dump = tmp_path / "broken.txt.gz"
    dump.write_bytes(gzip.compress(b"Title\n\nBody")[:-12])
    _, result = parse_path(dump, tmp_path)
    assert result.articles == []
    [error] = result.errors
    assert error.error_kind == "corrupt_gzip"
    assert "damaged" in error.message
