"""Hostile inputs, made small: gzip bombs streamed (never held whole), WARC files written with
warcio and then damaged on purpose (Content-Length too big or too small, cut short, junk between
records), deep nesting. Shared by tests/bad_inputs and the hostile-corpus tests."""

from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from dataclasses import dataclass

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def gzip_bomb(expanded_bytes: int, byte: bytes = b"\0") -> bytes:
    """A gzip member that expands to `expanded_bytes` copies of `byte`, made chunk by chunk."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = byte * (1024 * 1024)
    out = []
    for _ in range(expanded_bytes // len(chunk)):
        out.append(packer.compress(chunk))
    out.append(packer.compress(byte * (expanded_bytes % len(chunk))))
    out.append(packer.flush())
    return b"".join(out)


def article_html(title: str, body: str) -> str:
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1><p>{body}</p><p>Residents packed the hall on Monday evening to hear "
        "the proposals and to ask questions of the panel.</p></article></body></html>"
    )


@dataclass(frozen=True)
class WarcPage:
    record_id: str  # e.g. "<urn:uuid:0000-a>"
    url: str
    html: bytes
    content_type: str = "text/html; charset=utf-8"
    content_encoding: str | None = None


def warc(pages: list[WarcPage], gzipped: bool = False) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for page in pages:
        headers = [("Content-Type", page.content_type)]
        if page.content_encoding:
            headers.append(("Content-Encoding", page.content_encoding))
        record = writer.create_warc_record(
            page.url,
            "response",
            payload=io.BytesIO(page.html),
            http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1"),
            warc_headers_dict={
                "WARC-Record-ID": page.record_id,
                "WARC-Date": "2026-02-02T08:00:00Z",
            },
        )
        writer.write_record(record)
    return out.getvalue()


def three_page_warc(site: str = "news.example.org") -> tuple[bytes, list[WarcPage]]:
    """Three article pages; give each file its own `site`, or their articles are one capture."""
    pages = [
        WarcPage(
            f"<urn:uuid:0000-{n}>",
            f"https://{site}/{slug}",
            article_html(title, f"The {slug} story begins here, on the harbour front.").encode(),
        )
        for n, (slug, title) in enumerate(
            [
                ("ferry", "Ferry Returns"),
                ("library", "Library Opens Late"),
                ("market", "Market Moves"),
            ],
            start=1,
        )
    ]
    return warc(pages), pages


def with_content_length(data: bytes, record: int, delta: int) -> bytes:
    """The WARC with the `record`-th (0-based) Content-Length header off by `delta` bytes."""
    match = list(re.finditer(rb"\r\nContent-Length: (\d+)\r\n", data))[record]
    wrong = str(max(0, int(match.group(1)) + delta)).encode()
    return data[: match.start(1)] + wrong + data[match.end(1) :]


def deep_json_line(depth: int) -> str:
    return "[" * depth + "]" * depth


def jsonl(*records: object) -> bytes:
    return "".join(
        (record if isinstance(record, str) else json.dumps(record)) + "\n" for record in records
    ).encode()


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)
