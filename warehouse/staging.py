"""The staging store: parsed records as Parquet, one file per table per parse batch, and a manifest
of every landed file keyed by content hash, so a build re-parses only new or changed files."""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl

import extraction
from extraction.dumps import SIDECAR_SUFFIX, dump_format
from extraction.files import LandedFile, parse_read, read_dump, relative_source_path
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
    # Kept apart from the batches, for files with no records staged: unreadable, or stopped.
    problems: tuple[IngestError, ...]
    error_kinds: tuple[str, ...]  # every problem met, for the run's summary
    batch: str | None = None  # the staged batch holding this parse; None when unreadable
    # Worker seconds spent on this file: reading and hashing, parsing, and its share of writing the
    # batch's Parquet (summed over files they give the stage timings a run reports).
    read_seconds: float = 0.0
    parse_seconds: float = 0.0
    write_seconds: float = 0.0
    # CPU seconds of its worker on its batch, shared out per file: unlike the wall seconds above,
    # the same whatever else runs on the machine.
    cpu_seconds: float = 0.0


def file_stamp(stat: os.stat_result | None, sidecar: os.stat_result | None) -> str | None:
    """A cheap identity of a file's current content, to skip hashing files unchanged on disk.
    A dump's sidecar is part of its input: editing the sidecar alone must re-parse the dump."""
    if stat is None:
        return None
    stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
    return stamp if sidecar is None else f"{stamp}+{sidecar.st_size}:{sidecar.st_mtime_ns}"


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


def size_mtime(path: Path) -> str | None:
    """`file_stamp` of one file, read afresh."""
    return file_stamp(_stat(path), _stat(path.with_name(path.name + SIDECAR_SUFFIX)))


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


def parse_file(
    path: Path,
    landing: Path,
    max_expanded_bytes: int,
    on_page: Callable[[], None] | None = None,
    on_read: Callable[[LandedFile], ParseResult | None] | None = None,
) -> tuple[StagedFile, ParseResult]:
    """Read and parse one landed file. `on_read` sees the file once it is read and hashed and may
    answer for it instead of the parser (a parse worker does, for content known to kill parses)."""
    stamp = size_mtime(path)
    started = time.perf_counter()
    landed, dump = read_dump(path, landing, max_expanded_bytes)
    read_at = time.perf_counter()
    answered = on_read(landed) if on_read is not None else None
    if answered is not None:
        result = answered
    else:
        result = parse_read(path, landed, dump, max_expanded_bytes, on_page)
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
    return staged, result


def culprit_file(path: Path, landing: Path, kind: str, message: str) -> StagedFile:
    """A file whose parse was stopped (or killed its worker): rejected, with its identity read
    afresh (streamed, so a huge file costs no memory) and the reason kept beside the batches."""
    source_path = relative_source_path(path, landing)
    stamp = size_mtime(path)
    try:
        with path.open("rb") as stream:
            sha256: str | None = hashlib.file_digest(stream, "sha256").hexdigest()
        size = path.stat().st_size
    except OSError:
        sha256, size = None, 0
    return StagedFile(
        source_path=source_path,
        source_sha256=sha256,
        bytes=size,
        source_format=dump_format(path.name),
        status="rejected",
        articles=0,
        size_mtime=stamp,
        problems=(IngestError(source_path, None, kind, message),),
        error_kinds=(kind,),
    )


def write_durably(frame: pl.DataFrame, target: Path) -> None:
    """Write, fsync, then rename into place: a crash leaves the old file or the new one, never a
    torn one (the rename alone can reach the disk before the data does). The caller syncs the
    directory once it has renamed everything that belongs together."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    with tmp.open("wb") as out:
        frame.write_parquet(out, compression="zstd", statistics=True)
        out.flush()
        os.fsync(out.fileno())
    tmp.replace(target)


def sync_directory(directory: Path) -> None:
    """Make the renames in `directory` durable."""
    handle = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _batch_frames(
    readable: Sequence[tuple[StagedFile, ParseResult]], seen_at: datetime, name: str
) -> dict[str, pl.DataFrame]:
    merged = ParseResult()
    error_shas: list[str] = []
    for staged, result in readable:
        merged.pages.extend(result.pages)
        merged.errors.extend(result.errors)
        error_shas.extend([staged.source_sha256 or ""] * len(result.errors))
    return _staged_frames(merged, seen_at, error_shas, name)


def _unstorable(staged: StagedFile, exc: Exception) -> StagedFile:
    problem = IngestError(
        staged.source_path,
        None,
        "extractor_failed",
        f"its records could not be stored ({type(exc).__name__}: {str(exc).splitlines()[0]}); "
        "this is a pipeline bug, not a problem with the file: report it with the file attached",
    )
    return replace(
        staged,
        status="rejected",
        articles=0,
        problems=(problem,),
        error_kinds=("extractor_failed",),
    )


def write_batch(
    results: Sequence[tuple[StagedFile, ParseResult]], staging_dir: Path, seen_at: datetime
) -> list[StagedFile]:
    """Stage what a batch of files gave as one Parquet file per table, under a new batch name.

    Runs in parse workers: the records go straight to disk, so memory stays bounded by the batch.
    Records that cannot be stored (a value no column type holds) reject their own file only."""
    # Files that could not be read, or whose parse was stopped, have no records to stage.
    readable = [(s, r) for s, r in results if s.source_sha256 is not None and not s.problems]
    if not readable:
        return [s for s, _ in results]
    write_started = time.perf_counter()
    name = batch_name(
        [s.source_path for s, _ in readable], [s.source_sha256 or "" for s, _ in readable]
    )
    rejected: dict[str, StagedFile] = {}
    try:
        frames = _batch_frames(readable, seen_at, name)
    except Exception:  # find the file at fault; the others are staged
        for staged, result in readable:
            try:
                _batch_frames([(staged, result)], seen_at, name)
            except Exception as exc:
                rejected[staged.source_path] = _unstorable(staged, exc)
        readable = [(s, r) for s, r in readable if s.source_path not in rejected]
        frames = _batch_frames(readable, seen_at, name)
    for table, frame in frames.items():
        write_durably(frame, staging_dir / "parsed" / table / f"{name}.parquet")
    for table in frames:
        sync_directory(staging_dir / "parsed" / table)
    share = (time.perf_counter() - write_started) / max(1, len(results))
    staged_names = {s.source_path for s, _ in readable}
    return [
        rejected.get(s.source_path)
        or replace(s, batch=name if s.source_path in staged_names else None, write_seconds=share)
        for s, _ in results
    ]
