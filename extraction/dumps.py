"""One dump's bytes to records: unwrap gzip, split containers (JSON Lines, WARC) into pages, apply
sidecar metadata, pick the dialect, assemble. Pure: the caller reads the files."""

from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from extraction.assemble import ExtractionError, assemble
from extraction.content import Page, PageContent
from extraction.decode import NotTextError, decode_bytes, meta_charset
from extraction.dialects.text import extract_text
from extraction.limits import (
    DEFAULT_MAX_EXPANDED_BYTES,
    ENV_MAX_EXPANDED_BYTES,
    ParseTimeout,
    describe_bytes,
)
from extraction.records import (
    METADATA_PROBLEMS,
    CapturedAtSource,
    CapturedPage,
    IngestError,
    ParseResult,
)
from extraction.rules.sites import is_web_address
from extraction.warc import FramedRecord, frame_records

# Dump formats by file-name ending (after any .gz); a WARC is known to be gzipped by its bytes.
FORMAT_BY_SUFFIX: dict[str, str] = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".warc": "warc",
}
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_KEYS = ("url", "site", "captured_at", "published_at", "byline")


def dump_format(name: str) -> str | None:
    """The dump format a file name announces, or None when it is not a dump."""
    lowered = name.lower()
    if lowered.endswith(SIDECAR_SUFFIX):
        return None
    lowered = lowered.removesuffix(".gz")
    for suffix, fmt in FORMAT_BY_SUFFIX.items():
        if lowered.endswith(suffix):
            return fmt
    return None


def parse_timestamp(value: object) -> datetime | None:
    """ISO 8601 text to an aware UTC datetime (naive values are taken as UTC)."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Sidecar:
    url: str | None = None
    site: str | None = None
    captured_at: datetime | None = None
    published_at: datetime | None = None
    byline: str | None = None


def read_sidecar(data: bytes) -> tuple[Sidecar, list[str]]:
    """The sidecar's values and the problems found in it (each problem a sentence). A value with a
    problem is left out; the others are kept."""
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Sidecar(), [f"sidecar is not valid JSON ({exc}); its metadata was ignored"]
    if not isinstance(raw, dict):
        return Sidecar(), ["sidecar must hold a JSON object; its metadata was ignored"]
    problems = []
    values: dict[str, Any] = {}
    for key in SIDECAR_KEYS:
        value = raw.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            problems.append(f"sidecar key {key!r} must be a string, got {type(value).__name__}")
            continue
        if key in ("captured_at", "published_at"):
            moment = parse_timestamp(value)
            if moment is None:
                problems.append(f"sidecar key {key!r} is not an ISO 8601 time: {value!r}")
                continue
            values[key] = moment
        elif key == "url" and value.strip() and not is_web_address(value):
            problems.append(f"sidecar key 'url' is not an http(s) address: {value!r}; ignored")
        else:
            values[key] = value.strip() or None
    return Sidecar(**values), problems


# A capture time later than this after the file was read is a clock or typing mistake ("2099"):
# it would pin the article's relative comment times in the future.
FUTURE_CAPTURE_SLACK = timedelta(days=1)


def future_capture(
    moment: datetime | None,
    read_at: datetime,
    where: tuple[str, str | None],
    origin: str,
    instead: str,
) -> IngestError | None:
    """The problem to record when a capture time is more than a day after the file was read;
    `where` is (source_path, record), `instead` says which time is used in its place."""
    if moment is None or moment <= read_at + FUTURE_CAPTURE_SLACK:
        return None
    return IngestError(
        *where,
        "future_capture",
        f"{origin} gives captured_at {moment.isoformat()}, more than a day after the file was "
        f"read ({read_at.isoformat(timespec='seconds')}); {instead} is used instead",
    )


@dataclass(frozen=True, slots=True)
class DumpFile:
    """A dump as its caller read it."""

    source_path: str  # relative to the landing directory, with forward slashes
    data: bytes
    sha256: str
    modified_at: datetime
    sidecar: bytes | None = None
    # When the file was read: capture times more than a day after it are not believed.
    read_at: datetime = field(default_factory=lambda: datetime.now(UTC))


GZIP_MAGIC = b"\x1f\x8b"
_GUNZIP_CHUNK = 1024 * 1024
# JSON's \ud800-style escapes can leave a lone surrogate, which no UTF-8 column can store.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def too_large(what: str, cap: int) -> ExtractionError:
    return ExtractionError(
        "too_large",
        f"{what} more than the {describe_bytes(cap)} cap ({ENV_MAX_EXPANDED_BYTES}); it was not "
        "loaded. If it is a real dump, raise the cap (see docs/operations.md) or split the file",
    )


def gunzip(data: bytes, cap: int) -> bytes:
    """Every gzip member, expanded a chunk at a time: a bomb stops at the cap, never inflated."""
    chunks: list[bytes] = []
    expanded = 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(_GUNZIP_CHUNK):
                expanded += len(chunk)
                if expanded > cap:
                    raise too_large("its gzip data expands to", cap)
                chunks.append(chunk)
    except (OSError, EOFError, zlib.error) as exc:
        raise ExtractionError(
            "corrupt_gzip", f"gzip data is damaged and cannot be unpacked: {exc}"
        ) from exc
    return b"".join(chunks)


def _unwrap_gzip(dump: DumpFile, fmt: str, cap: int) -> bytes:
    # A WARC is recognised by its bytes (crawlers name gzipped WARCs .warc and plain ones .warc.gz).
    gzipped = (
        dump.data.startswith(GZIP_MAGIC)
        if fmt == "warc"
        else dump.source_path.lower().endswith(".gz")
    )
    data = gunzip(dump.data, cap) if gzipped else dump.data
    if len(data) > cap:
        raise too_large("the file holds", cap)
    return data


def _storable(value: object) -> object:
    return _LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def _content(page: Page) -> PageContent:
    if page.html is not None:
        try:
            from extraction.html import extract_html  # HTML parsing is imported only where needed
        except ImportError as exc:  # without the HTML extractor the page is still accounted for
            raise ExtractionError(
                "html_unavailable",
                "this version of the pipeline cannot read HTML pages yet; the file is kept on "
                "record and parsed once HTML extraction is installed",
            ) from exc
        return extract_html(page.html, url=page.url)
    return extract_text(page.text or "", url=page.url)


def _jsonl_pages(
    data: bytes, base: Page, errors: list[IngestError], read_at: datetime
) -> Iterator[Page]:
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        record = str(number)
        try:
            parsed = json.loads(line.decode("utf-8-sig"))
            if not isinstance(parsed, dict):
                raise ValueError("the line is JSON but not an object")
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            reason = "it is nested too deeply" if isinstance(exc, RecursionError) else exc
            errors.append(
                IngestError(
                    base.source_path,
                    record,
                    "bad_json_line",
                    f"line {number} is not a JSON object: {reason}",
                )
            )
            continue
        item = {key: _storable(value) for key, value in parsed.items()}
        html, text = item.get("html"), item.get("text")
        if not isinstance(html, str) and not isinstance(text, str):
            errors.append(
                IngestError(
                    base.source_path,
                    record,
                    "no_page_content",
                    f"line {number} has neither an 'html' nor a 'text' string",
                )
            )
            continue
        captured = parse_timestamp(item.get("captured_at"))
        if problem := future_capture(
            captured,
            read_at,
            (base.source_path, record),
            f"line {number}",
            "the sidecar's time or the file's modification time",
        ):
            errors.append(problem)
            captured = None
        url, site = item.get("url"), item.get("site")
        yield replace(
            base,
            record=record,
            html=html if isinstance(html, str) else None,
            text=text if isinstance(text, str) and not isinstance(html, str) else None,
            url=url if isinstance(url, str) else base.url,
            site=site if isinstance(site, str) else base.site,
            published_at=parse_timestamp(item.get("published_at")) or base.published_at,
            captured_at=captured or base.captured_at,
            captured_at_source="record" if captured else base.captured_at_source,
        )


def _warc_pages(
    data: bytes, base: Page, errors: list[IngestError], cap: int, read_at: datetime
) -> Iterator[Page]:
    seen_ids: set[str | None] = set()
    body_bytes = 0  # bodies as served, after any Content-Encoding: capped like the file itself
    for framed in frame_records(data):
        page = None
        try:
            page, body_size = _warc_page(framed, base, seen_ids, errors, cap, read_at)
        except ExtractionError as exc:
            if exc.kind != "too_large":
                raise
            errors.append(IngestError(base.source_path, framed.record_id, exc.kind, str(exc)))
        # warcio fails on malformed records in many ways (ArchiveLoadFailed, but also
        # AttributeError or ValueError from half-read headers): such a record is damaged.
        except Exception as exc:
            if framed.damage is None:
                errors.append(
                    IngestError(
                        base.source_path,
                        framed.record_id,
                        "corrupt_warc",
                        f"WARC record {framed.record_id or '(no id)'} is damaged and was "
                        f"skipped: {exc}",
                    )
                )
            else:  # one row per damaged record: say that nothing in it could be read
                framed = replace(framed, damage=f"{framed.damage}, but nothing in it was readable")
        else:
            body_bytes += body_size
        if framed.damage_kind is not None and framed.damage is not None:
            errors.append(
                IngestError(base.source_path, framed.record_id, framed.damage_kind, framed.damage)
            )
        if body_bytes > cap:
            raise too_large("its WARC records' bodies add up to", cap)
        if page is not None:
            yield page


def _warc_page(
    framed: FramedRecord,
    base: Page,
    seen_ids: set[str | None],
    errors: list[IngestError],
    cap: int,
    read_at: datetime,
) -> tuple[Page | None, int]:
    """The page in one framed record (None when it holds none), and its body's size."""
    from warcio.archiveiterator import ArchiveIterator

    if framed.data is None:
        return None, 0
    rec = next(iter(ArchiveIterator(io.BytesIO(framed.data))))
    record_id = rec.rec_headers.get_header("WARC-Record-ID")
    if rec.rec_type != "response" or rec.http_headers is None:
        return None, 0
    if record_id in seen_ids:
        # Record ids are unique by the WARC standard; a repeat would load one page twice.
        errors.append(
            IngestError(
                base.source_path,
                record_id,
                "duplicate_record",
                "this WARC-Record-ID occurs earlier in the file; the repeated record was skipped",
            )
        )
        return None, 0
    seen_ids.add(record_id)
    content_type = rec.http_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None, 0
    body = rec.content_stream().read(cap + 1)  # a Content-Encoding bomb stops at the cap
    if len(body) > cap:
        raise too_large("its body expands to", cap)
    declared = None
    if "charset=" in content_type.lower():
        declared = content_type.lower().split("charset=", 1)[1].split(";")[0]
    try:
        html, _ = decode_bytes(body, declared or meta_charset(body))
    except NotTextError as exc:
        errors.append(
            IngestError(base.source_path, record_id, "not_text", f"WARC record body: {exc}")
        )
        return None, len(body)
    captured = parse_timestamp(rec.rec_headers.get_header("WARC-Date"))
    if problem := future_capture(
        captured,
        read_at,
        (base.source_path, record_id),
        "the record's WARC-Date",
        "the sidecar's time or the file's modification time",
    ):
        errors.append(problem)
        captured = None
    page = replace(
        base,
        record=record_id,
        html=html,
        url=rec.rec_headers.get_header("WARC-Target-URI") or base.url,
        captured_at=captured or base.captured_at,
        captured_at_source="record" if captured else base.captured_at_source,
    )
    return page, len(body)


def _pages(
    dump: DumpFile, fmt: str, base: Page, errors: list[IngestError], cap: int
) -> Iterator[Page]:
    data = _unwrap_gzip(dump, fmt, cap)
    if not data.strip():
        raise ExtractionError("empty_file", "the file is empty: there is no page to read")
    if fmt == "jsonl":
        yield from _jsonl_pages(data, base, errors, dump.read_at)
    elif fmt == "warc":
        yield from _warc_pages(data, base, errors, cap, dump.read_at)
    else:
        try:
            text, _ = decode_bytes(data, meta_charset(data) if fmt == "html" else None)
        except NotTextError as exc:
            raise ExtractionError("not_text", str(exc)) from exc
        yield replace(base, html=text) if fmt == "html" else replace(base, text=text)


def parse_dump(
    dump: DumpFile,
    max_expanded_bytes: int = DEFAULT_MAX_EXPANDED_BYTES,
    on_page: Callable[[], None] | None = None,
) -> ParseResult:
    """Every article, quote and comment in one dump, and every problem met on the way.

    Nothing is expanded beyond `max_expanded_bytes` (gzip, WARC bodies). `on_page` is called as
    each page begins: a caller with a time budget per page re-arms its timer there, and its
    ParseTimeout skips the page it interrupts (or, between pages, the rest of the file)."""
    result = ParseResult()
    fmt = dump_format(dump.source_path)
    if fmt is None:
        result.errors.append(
            IngestError(
                dump.source_path,
                None,
                "unsupported_format",
                "the file name does not end in .txt, .html, .htm, .jsonl or .warc (optionally .gz)",
            )
        )
        return result
    sidecar = Sidecar()
    if dump.sidecar is not None:
        sidecar, problems = read_sidecar(dump.sidecar)
        # Filed under the dump (the file in ingest_files), naming the sidecar in the message.
        name = dump.source_path.rsplit("/", 1)[-1] + SIDECAR_SUFFIX
        result.errors.extend(
            IngestError(dump.source_path, None, "bad_sidecar", f"{name}: {p}") for p in problems
        )
        if problem := future_capture(
            sidecar.captured_at,
            dump.read_at,
            (dump.source_path, None),
            f"the sidecar {name}",
            "the record's own time or the file's modification time",
        ):
            result.errors.append(problem)
            sidecar = replace(sidecar, captured_at=None)
    source: CapturedAtSource = "sidecar" if sidecar.captured_at else "file_mtime"
    base = Page(
        source_path=dump.source_path,
        source_format=fmt,
        source_sha256=dump.sha256,
        record=None,
        captured_at=sidecar.captured_at or dump.modified_at,
        captured_at_source=source,
        url=sidecar.url,
        site=sidecar.site,
        published_at=sidecar.published_at,
        byline=sidecar.byline,
    )
    try:
        for page in _pages(dump, fmt, base, result.errors, max_expanded_bytes):
            if on_page is not None:
                on_page()
            try:
                article, quotes, comments = assemble(page, _content(page))
            except ExtractionError as exc:
                result.errors.append(IngestError(dump.source_path, page.record, exc.kind, str(exc)))
                continue
            except (ParseTimeout, MemoryError) as exc:
                result.errors.append(_over_limit(dump.source_path, page.record, exc))
                continue
            except Exception as exc:  # one page the extractor trips on must not stop the refresh
                result.errors.append(_extractor_failure(dump.source_path, page.record, exc))
                continue
            result.pages.append(CapturedPage(page.record, article, tuple(quotes), tuple(comments)))
    except ExtractionError as exc:
        result.errors.append(IngestError(dump.source_path, None, exc.kind, str(exc)))
    except (ParseTimeout, MemoryError) as exc:
        result.errors.append(_over_limit(dump.source_path, None, exc))
    except Exception as exc:
        result.errors.append(_extractor_failure(dump.source_path, None, exc))
    if not result.pages and all(e.error_kind in METADATA_PROBLEMS for e in result.errors):
        # e.g. a WARC without HTML responses: rejected, so it must say why
        result.errors.append(
            IngestError(
                dump.source_path, None, "no_pages", f"the {fmt} file holds no article page to load"
            )
        )
    return result


def _over_limit(
    source_path: str, record: str | None, exc: ParseTimeout | MemoryError
) -> IngestError:
    if isinstance(exc, ParseTimeout):
        return IngestError(source_path, record, "too_slow", str(exc))
    return IngestError(
        source_path,
        record,
        "out_of_memory",
        "the machine ran out of memory while parsing this; free memory or parse it on a bigger "
        "machine",
    )


def _extractor_failure(source_path: str, record: str | None, exc: Exception) -> IngestError:
    return IngestError(
        source_path,
        record,
        "extractor_failed",
        f"the extractor failed ({type(exc).__name__}: {exc}); this is a pipeline bug, "
        "not a problem with the file: report it with the file attached",
    )
