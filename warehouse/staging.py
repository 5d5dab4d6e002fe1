"""The staging store: parsed records as Parquet, one file per table per parse batch, and a manifest
of every landed file keyed by content hash, so a build re-parses only new or changed files."""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl

import extraction
from extraction.dumps import SIDECAR_SUFFIX, dump_format
from extraction.files import parse_read, read_dump
from extraction.records import CapturedPage, IngestError, ParseResult
from warehouse.schema import TIMESTAMP, polars_schema


def _extraction_fingerprint() -> str:
    """A hash of the extraction package's source: any change to how bytes become records makes
    every file parse again, with no version number to remember to bump."""
    package = Path(extraction.__file__).resolve().parent
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]


PARSER_VERSION = _extraction_fingerprint()

# Row schemas come from the tables' own CREATE TABLE in sql/tables/ (warehouse/schema.py).
ARTICLE_SCHEMA = polars_schema("articles")
QUOTE_SCHEMA = polars_schema("quotes")
COMMENT_SCHEMA = polars_schema("comments")
ERROR_SCHEMA = polars_schema("ingest_errors")

# Staged rows also carry the file (and page within it) they came from, so a build can pick the
# newest capture of each article and drop rows of files whose content has since changed.
# `batch` names the Parquet batch holding a file's current parse: the same file (path and hash) can
# be staged in several batches over time (touched, reverted, re-parsed by a newer parser), and only
# the batch the manifest points at may count, or its rows would be loaded twice.
CAPTURE_COLUMNS: dict[str, Any] = {
    "source_path": pl.String,
    "source_sha256": pl.String,
    "record": pl.String,
    "batch": pl.String,
}
# The manifest is ingest_files plus what deciding to re-parse a file needs.
MANIFEST_SCHEMA: dict[str, Any] = {
    **polars_schema("ingest_files"),
    "size_mtime": pl.String,
    "parser_version": pl.String,
    "batch": pl.String,
}
STAGED_TABLES: dict[str, dict[str, Any]] = {
    "articles": {**ARTICLE_SCHEMA, "record": pl.String, "batch": pl.String},
    "quotes": {**QUOTE_SCHEMA, **CAPTURE_COLUMNS},
    "comments": {**COMMENT_SCHEMA, **CAPTURE_COLUMNS},
    "errors": {**ERROR_SCHEMA, "source_sha256": pl.String, "batch": pl.String},
}


def utc_naive(moment: datetime | None) -> datetime | None:
    """UTC is stored as naive TIMESTAMP so results never depend on a session time zone."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _frame(
    rows: Sequence[Any], schema: dict[str, Any], extra: dict[str, list[Any]]
) -> pl.DataFrame:
    columns: dict[str, list[Any]] = {}
    names = [f.name for f in fields(rows[0])] if rows else [n for n in schema if n not in extra]
    for name in names:
        values = [getattr(row, name) for row in rows]
        if schema[name] == TIMESTAMP:
            values = [utc_naive(v) for v in values]
        columns[name] = values
    columns.update(extra)
    return pl.DataFrame(columns, schema={n: schema[n] for n in columns}).select(list(schema))


@dataclass(frozen=True, slots=True)
class StagedFile:
    """What parsing one landed file produced, as the manifest records it."""

    source_path: str
    source_sha256: str | None
    bytes: int
    source_format: str | None
    status: str
    articles: int
    size_mtime: str | None
    problems: tuple[IngestError, ...]  # kept apart only for files that could not be read
    error_kinds: tuple[str, ...]  # every problem met, for the run's summary
    batch: str | None = None  # the staged batch holding this parse; None when unreadable
    # Worker seconds spent on this file: reading and hashing, parsing, and its share of writing the
    # batch's Parquet (summed over files they give the stage timings a run reports).
    read_seconds: float = 0.0
    parse_seconds: float = 0.0
    write_seconds: float = 0.0


def size_mtime(path: Path) -> str | None:
    """A cheap identity of a file's current content, to skip hashing files unchanged on disk.
    A dump's sidecar is part of its input: editing the sidecar alone must re-parse the dump."""
    try:
        stat = path.stat()
    except OSError:
        return None
    stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
    try:
        side = path.with_name(path.name + SIDECAR_SUFFIX).stat()
    except OSError:
        return stamp
    return f"{stamp}+{side.st_size}:{side.st_mtime_ns}"


def _capture(rows: Sequence[tuple[CapturedPage, object]], batch: str) -> dict[str, list[Any]]:
    """The columns saying which capture (file, page, batch) each quote or comment came from."""
    return {
        "source_path": [page.article.source_path for page, _ in rows],
        "source_sha256": [page.article.source_sha256 for page, _ in rows],
        "record": [page.record for page, _ in rows],
        "batch": [batch] * len(rows),
    }


def _staged_frames(
    result: ParseResult, seen_at: datetime, error_shas: list[str], batch: str
) -> dict[str, pl.DataFrame]:
    pages = result.pages
    articles = [p.article for p in pages]
    quotes = [(p, q) for p in pages for q in p.quotes]
    comments = [(p, c) for p in pages for c in p.comments]
    return {
        "articles": _frame(
            articles,
            STAGED_TABLES["articles"],
            {"record": [p.record for p in pages], "batch": [batch] * len(pages)},
        ),
        "quotes": _frame([q for _, q in quotes], STAGED_TABLES["quotes"], _capture(quotes, batch)),
        "comments": _frame(
            [c for _, c in comments], STAGED_TABLES["comments"], _capture(comments, batch)
        ),
        "errors": _frame(
            result.errors,
            STAGED_TABLES["errors"],
            {
                "seen_at": [utc_naive(seen_at)] * len(result.errors),
                "source_sha256": error_shas,
                "batch": [batch] * len(result.errors),
            },
        ),
    }


def batch_name(source_paths: Sequence[str], shas: Sequence[str]) -> str:
    """A name never used before: a batch file is written once and never overwritten, so a crash
    while writing one cannot mix two parses under one name (unreferenced batches are pruned)."""
    listing = "\n".join(f"{p}\t{s}" for p, s in zip(source_paths, shas, strict=True))
    digest = hashlib.sha256(f"{uuid.uuid4().hex}\n{listing}".encode())
    return f"batch-{digest.hexdigest()[:16]}"


def stage_batch(paths: Sequence[str], landing_dir: str, staging_dir: str) -> list[StagedFile]:
    """Parse a batch of files and write its records as one Parquet file per table.

    Runs in worker processes: arguments and results are small and picklable; the records themselves
    go straight to disk, so memory stays bounded by the batch size.
    """
    landing = Path(landing_dir)
    seen_at = datetime.now(UTC)
    results: list[tuple[StagedFile, ParseResult]] = []
    for raw_path in paths:
        path = Path(raw_path)
        stamp = size_mtime(path)
        started = time.perf_counter()
        landed, dump = read_dump(path, landing)
        read_at = time.perf_counter()
        result = parse_read(path, landed, dump)
        staged = StagedFile(
            source_path=landed.source_path,
            source_sha256=landed.sha256,
            bytes=landed.bytes,
            source_format=dump_format(path.name),
            status=result.status,
            articles=len(result.pages),
            size_mtime=stamp,
            problems=tuple(result.errors) if landed.sha256 is None else (),
            error_kinds=tuple(e.error_kind for e in result.errors),
            read_seconds=read_at - started,
            parse_seconds=time.perf_counter() - read_at,
        )
        results.append((staged, result))
    readable = [(s, r) for s, r in results if s.source_sha256 is not None]
    write_started = time.perf_counter()
    if readable:
        name = batch_name(
            [s.source_path for s, _ in readable], [s.source_sha256 or "" for s, _ in readable]
        )
        merged = ParseResult()
        error_shas: list[str] = []
        for staged, result in readable:
            merged.pages.extend(result.pages)
            merged.errors.extend(result.errors)
            error_shas.extend([staged.source_sha256 or ""] * len(result.errors))
        frames = _staged_frames(merged, seen_at, error_shas, name)
        for table, frame in frames.items():
            target = Path(staging_dir) / "parsed" / table / f"{name}.parquet"
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".parquet.tmp")
            frame.write_parquet(tmp, compression="zstd", statistics=True)
            tmp.replace(target)
        share = (time.perf_counter() - write_started) / max(1, len(results))
        return [
            replace(s, batch=name if s.source_sha256 is not None else None, write_seconds=share)
            for s, _ in results
        ]
    return [s for s, _ in results]
