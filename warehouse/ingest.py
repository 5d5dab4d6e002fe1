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
KEPT_NOTE = "; the version loaded earlier stays in the warehouse"


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
            frame = pl.read_parquet(self.manifest_path)
            # A manifest from an older release lacks newer columns; such rows match no batch and
            # their parser_version is old, so their files are parsed again.
            missing = [
                pl.lit(None, dtype).alias(name)
                for name, dtype in MANIFEST_SCHEMA.items()
                if name not in frame.columns
            ]
            return frame.with_columns(missing).select(list(MANIFEST_SCHEMA)) if missing else frame
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
                # the name as bytes: source_path cannot give back a name that is not UTF-8
                "fs_path": [os.fsencode(p.relative_to(landing_dir)) for p in scan.present],
            },
            schema={"source_path": pl.String, "to_parse": pl.Boolean, "fs_path": pl.Binary},
        )
        self._write(frame, self.landing_path)

    def load_landing(self, landing_dir: Path) -> LandingScan:
        frame = pl.read_parquet(self.landing_path)
        present = [landing_dir / os.fsdecode(p) for p in frame["fs_path"]]
        to_parse = [path for path, queued in zip(present, frame["to_parse"], strict=True) if queued]
        return LandingScan(present, to_parse, len(present) - len(to_parse))

    def save(self, manifest: pl.DataFrame, read_errors: pl.DataFrame) -> None:
        # Read errors first: a crash between the two writes then leaves the old manifest, whose
        # files are simply parsed again on the next build.
        self._write(read_errors.sort("source_path", "error_kind", "message"), self.read_errors_path)
        self._write(manifest.sort("source_path"), self.manifest_path)

    def prune(self, manifest: pl.DataFrame) -> list[Path]:
        """Delete staged batch files the manifest no longer points at (every file in them was
        re-parsed or retired since) and leftovers of interrupted writes. Writer lock held."""
        keep = set(manifest["batch"].drop_nulls())
        removed = []
        for path in sorted((self.root / "parsed").glob("*/*")):
            if path.suffix == ".parquet" and path.stem in keep:
                continue
            if path.is_file():
                path.unlink()
                removed.append(path)
        return removed


@dataclass(frozen=True, slots=True)
class LandingScan:
    """The landing directory now, against what the manifest already holds."""

    present: list[Path]
    to_parse: list[Path]
    unchanged: int


class LandingDirectoryMissingError(FileNotFoundError):
    pass


def scan_landing(landing_dir: Path, store: StagingStore) -> LandingScan:
    # A missing landing directory is a mistake (a typo, an unmounted archive), not an empty corpus.
    if not landing_dir.is_dir():
        raise LandingDirectoryMissingError(
            f"landing directory {landing_dir} does not exist or is not a directory: "
            "check --raw / CORPUS_RAW_DIR (nothing was changed)"
        )
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
    batches_pruned: int = 0
    # Wall seconds of the parallel parse and of the manifest merge; worker seconds (summed over
    # processes) spent reading, parsing and writing staged Parquet.
    seconds: dict[str, float] = field(default_factory=dict)


def _merge_manifest(
    old: pl.DataFrame, staged: Sequence[StagedFile], now: datetime
) -> tuple[pl.DataFrame, set[str]]:
    """The manifest after this run, and the paths whose earlier content was kept because the file
    could not be read this time (a changed file replaces its rows only once it reads cleanly)."""
    if not staged:  # nothing parsed: the manifest stands (rebuilt row by row: 0.5 s at 50k)
        return old, set()
    stamp = utc_naive(now)
    previous = {row["source_path"]: row for row in old.iter_rows(named=True)}
    kept: set[str] = set()
    for item in staged:
        before = previous.get(item.source_path)
        unreadable_now = item.source_sha256 is None
        if unreadable_now and before is not None and before["source_sha256"] is not None:
            # Its size_mtime stays the old one, so the next build tries again.
            kept.add(item.source_path)
            continue
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
            "batch": item.batch,
        }
    rows = [{name: row.get(name) for name in MANIFEST_SCHEMA} for row in previous.values()]
    return pl.DataFrame(rows, schema=MANIFEST_SCHEMA, orient="row"), kept


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
    manifest, kept = _merge_manifest(store.manifest(), staged, now)
    problems: list[IngestError] = [p for s in staged for p in s.problems]
    new_read_errors = pl.DataFrame(
        {
            "source_path": [p.source_path for p in problems],
            "record": [p.record for p in problems],
            "error_kind": [p.error_kind for p in problems],
            "message": [p.message + (KEPT_NOTE if p.source_path in kept else "") for p in problems],
            "seen_at": [utc_naive(now)] * len(problems),
        },
        schema=ERROR_SCHEMA,
    )
    # Read problems of files not tried this run (gone from the landing directory) still stand.
    retried = [s.source_path for s in staged]
    read_errors = pl.concat(
        [
            store.read_errors()
            .filter(~pl.col("source_path").is_in(retried))
            .filter(pl.col("source_path").is_in(manifest["source_path"].to_list())),
            new_read_errors,
        ]
    )
    store.save(manifest, read_errors)
    pruned = store.prune(manifest)
    present = {relative_source_path(p, landing_dir) for p in scan.present}
    current = manifest.filter(pl.col("source_path").is_in(present))
    kinds = Counter(kind for item in staged for kind in item.error_kinds)
    return IngestSummary(
        seen=len(scan.present),
        parsed=len(scan.to_parse),
        unchanged=scan.unchanged,
        status_counts=dict(current.group_by("status").len().sort("status").iter_rows()),
        error_kinds=dict(kinds.most_common()),
        batches_pruned=len(pruned),
        seconds={
            "parse_wall": parsed_at - started,
            "manifest": time.perf_counter() - parsed_at,
            "read_worker": sum(s.read_seconds for s in staged),
            "parse_worker": sum(s.parse_seconds for s in staged),
            "stage_write_worker": sum(s.write_seconds for s in staged),
        },
    )
