"""Bringing the staging store up to date with the landing directory: plan which files need parsing,
parse them in parallel worker processes in bounded batches, and merge the manifest."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from extraction.files import discover, relative_source_path
from extraction.records import IngestError
from warehouse.staging import (
    ERROR_SCHEMA,
    MANIFEST_SCHEMA,
    PARSER_VERSION,
    StagedFile,
    size_mtime,
    stage_batch,
    utc_naive,
)

BATCH_FILES = 256  # files per worker task: large enough to amortise, small enough to bound memory
BATCH_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class StagingStore:
    root: Path

    @property
    def manifest_path(self) -> Path:
        return self.root / "manifest.parquet"

    @property
    def read_errors_path(self) -> Path:
        return self.root / "read_errors.parquet"

    def parsed_files(self, table: str) -> list[Path]:
        return sorted((self.root / "parsed" / table).glob("*.parquet"))

    def manifest(self) -> pl.DataFrame:
        if self.manifest_path.exists():
            return pl.read_parquet(self.manifest_path)
        return pl.DataFrame(schema=MANIFEST_SCHEMA)

    def read_errors(self) -> pl.DataFrame:
        if self.read_errors_path.exists():
            return pl.read_parquet(self.read_errors_path)
        return pl.DataFrame(schema=ERROR_SCHEMA)

    def _write(self, frame: pl.DataFrame, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        frame.write_parquet(tmp)
        tmp.replace(target)

    @property
    def landing_path(self) -> Path:
        return self.root / "landing.parquet"

    def save_landing(self, scan: LandingScan, landing_dir: Path) -> None:
        """The latest scan of the landing directory, handed from discovery to parsing."""
        queued = set(scan.to_parse)
        frame = pl.DataFrame(
            {
                "source_path": [relative_source_path(p, landing_dir) for p in scan.present],
                "to_parse": [p in queued for p in scan.present],
            },
            schema={"source_path": pl.String, "to_parse": pl.Boolean},
        )
        self._write(frame, self.landing_path)

    def load_landing(self, landing_dir: Path) -> LandingScan:
        frame = pl.read_parquet(self.landing_path)
        present = [landing_dir / p for p in frame["source_path"]]
        to_parse = [landing_dir / p for p, q in frame.iter_rows() if q]
        return LandingScan(present, to_parse, len(present) - len(to_parse))

    def save(self, manifest: pl.DataFrame, read_errors: pl.DataFrame) -> None:
        self._write(manifest.sort("source_path"), self.manifest_path)
        self._write(read_errors.sort("source_path"), self.read_errors_path)


@dataclass(frozen=True, slots=True)
class LandingScan:
    """The landing directory now, against what the manifest already holds."""

    present: list[Path]
    to_parse: list[Path]
    unchanged: int


def scan_landing(landing_dir: Path, store: StagingStore) -> LandingScan:
    known = {
        row["source_path"]: row
        for row in store.manifest()
        .select("source_path", "size_mtime", "source_sha256", "parser_version")
        .iter_rows(named=True)
    }
    present = list(discover(landing_dir))
    to_parse = []
    for path in present:
        row = known.get(relative_source_path(path, landing_dir))
        stamp = size_mtime(path)
        unchanged = (
            row is not None
            and stamp is not None
            and row["size_mtime"] == stamp
            and row["source_sha256"] is not None
            and row["parser_version"] == PARSER_VERSION
        )
        if not unchanged:
            to_parse.append(path)
    return LandingScan(present, to_parse, len(present) - len(to_parse))


def batches(paths: Sequence[Path]) -> Iterator[list[Path]]:
    batch: list[Path] = []
    size = 0
    for path in paths:
        try:
            length = path.stat().st_size
        except OSError:
            length = 0
        if batch and (len(batch) >= BATCH_FILES or size + length > BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(path)
        size += length
    if batch:
        yield batch


@dataclass(slots=True)
class IngestSummary:
    seen: int = 0
    parsed: int = 0
    unchanged: int = 0
    status_counts: dict[str, int] = field(default_factory=dict)
    error_kinds: dict[str, int] = field(default_factory=dict)
    # Wall seconds of the parallel parse and of the manifest merge; worker seconds (summed over
    # processes) spent reading, parsing and writing staged Parquet.
    seconds: dict[str, float] = field(default_factory=dict)


def _merge_manifest(old: pl.DataFrame, staged: Sequence[StagedFile], now: datetime) -> pl.DataFrame:
    if not staged:  # nothing parsed: the manifest stands (rebuilt row by row: 0.5 s at 50k)
        return old
    stamp = utc_naive(now)
    previous = {row["source_path"]: row for row in old.iter_rows(named=True)}
    for item in staged:
        before = previous.get(item.source_path)
        same_content = before is not None and before["source_sha256"] == item.source_sha256
        previous[item.source_path] = {
            "source_path": item.source_path,
            "source_sha256": item.source_sha256,
            "bytes": item.bytes,
            "source_format": item.source_format,
            "status": item.status,
            "articles": item.articles,
            "first_seen_at": before["first_seen_at"] if before else stamp,
            "last_loaded_at": (
                (before["last_loaded_at"] if same_content and before else stamp)
                if item.source_sha256
                else (before["last_loaded_at"] if before else None)
            ),
            "size_mtime": item.size_mtime,
            "parser_version": PARSER_VERSION,
        }
    return pl.DataFrame(list(previous.values()), schema=MANIFEST_SCHEMA, orient="row")


def refresh_staging(
    landing_dir: Path,
    store: StagingStore,
    scan: LandingScan,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> IngestSummary:
    """Parse what the scan found new or changed; keep what was parsed before (even for files since
    removed from the landing directory: landing directories get archived)."""
    started = time.perf_counter()
    jobs = list(batches(scan.to_parse))
    staged: list[StagedFile] = []
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs) or 1))
    args = [([str(p) for p in job], str(landing_dir), str(store.root)) for job in jobs]
    if workers == 1:
        results = (stage_batch(*a) for a in args)
        for done, result in enumerate(results, start=1):
            staged.extend(result)
            if progress:
                progress(done, len(jobs))
    else:
        # Workers are spawned, not forked: the parent has already run polars' and DuckDB's thread
        # pools, and a forked child can inherit one of their locks held, then hang forever.
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=spawn) as pool:
            futures = [pool.submit(stage_batch, *a) for a in args]
            for done, future in enumerate(futures, start=1):
                staged.extend(future.result())
                if progress:
                    progress(done, len(jobs))
    parsed_at = time.perf_counter()
    now = datetime.now(UTC)
    manifest = _merge_manifest(store.manifest(), staged, now)
    problems: list[IngestError] = [p for s in staged for p in s.problems]
    read_errors = pl.DataFrame(
        {
            "source_path": [p.source_path for p in problems],
            "record": [p.record for p in problems],
            "error_kind": [p.error_kind for p in problems],
            "message": [p.message for p in problems],
            "seen_at": [utc_naive(now)] * len(problems),
        },
        schema=ERROR_SCHEMA,
    )
    store.save(manifest, read_errors)
    present = {relative_source_path(p, landing_dir) for p in scan.present}
    current = manifest.filter(pl.col("source_path").is_in(present))
    kinds = Counter(kind for item in staged for kind in item.error_kinds)
    return IngestSummary(
        seen=len(scan.present),
        parsed=len(scan.to_parse),
        unchanged=scan.unchanged,
        status_counts=dict(current.group_by("status").len().sort("status").iter_rows()),
        error_kinds=dict(kinds.most_common()),
        seconds={
            "parse_wall": parsed_at - started,
            "manifest": time.perf_counter() - parsed_at,
            "read_worker": sum(s.read_seconds for s in staged),
            "parse_worker": sum(s.parse_seconds for s in staged),
            "stage_write_worker": sum(s.write_seconds for s in staged),
        },
    )

