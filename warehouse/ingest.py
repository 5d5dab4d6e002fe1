"""Bringing the staging store up to date with the landing directory: plan which files need parsing,
parse them in supervised worker processes in bounded batches, and merge the manifest. A damaged
staging store is found and mended here, before anything reads it."""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from extraction.dumps import SIDECAR_SUFFIX, dump_format
from extraction.files import relative_source_path
from extraction.limits import LIMIT_ERROR_KINDS
from extraction.records import IngestError
from warehouse.landing import walk_landing
from warehouse.limits import ParseLimits
from warehouse.parse_pool import ParsePool, start_fork_server
from warehouse.parse_worker import ParseOne
from warehouse.staging import (
    ERROR_SCHEMA,
    MANIFEST_SCHEMA,
    PARSER_VERSION,
    STAGED_TABLES,
    StagedFile,
    file_stamp,
    parse_file,
    sync_directory,
    utc_naive,
    write_durably,
)

BATCH_FILES = 256  # files per worker task: large enough to amortise, small enough to bound memory
BATCH_BYTES = 64 * 1024 * 1024
# Smallest batch the tail of a job is cut into: below this a batch's own costs (a task message,
# four Parquet files written and synced) weigh more than evening out the workers' finish.
MIN_BATCH_FILES = 8
# Up to this many files in the manifest, the scan starts the parse workers' fork server at the
# first changed file it meets (`_parse_ahead`), holding the manifest's stamps (4.4 MB at 20k files;
# the main process's peak memory must not grow with the corpus).
EARLY_START_FILES = 50_000
KEPT_NOTE = "; the version loaded earlier stays in the warehouse"
# Outcomes of a worker stopped or killed: remembered by content, so that no copy of the same bytes
# costs another worker (or another time budget) until the parser or the limits change.
STOPPED_KINDS = frozenset({"too_slow", "out_of_memory", "worker_died"})
QUARANTINE_SCHEMA: dict[str, Any] = {
    "source_sha256": pl.String,
    "error_kind": pl.String,
    "message": pl.String,
    "version": pl.String,
    "seen_at": pl.Datetime("us"),
}
LANDING_SCHEMA: dict[str, Any] = {
    "source_path": pl.String,
    "to_parse": pl.Boolean,
    "fs_path": pl.Binary,  # of the files to parse
}
# How workers parse one file; tests swap in one that misbehaves on purpose (it must be importable).
parse_one: ParseOne = parse_file


class StagingDamagedError(RuntimeError):
    """A staging file is unreadable (zero-length, torn, overwritten); the next scan mends it."""


def outcome_version(kinds: Sequence[str], limits: ParseLimits) -> str:
    """The manifest's parser_version for a file. An outcome a limit decided names the limits too,
    so a file rejected as too large, too slow or too hungry is tried again once a limit changes."""
    if LIMIT_ERROR_KINDS.intersection(kinds):
        return f"{PARSER_VERSION}+{limits.key}"
    return PARSER_VERSION


def _read(path: Path, schema: dict[str, Any]) -> pl.DataFrame:
    """A staging table, or an empty one where none was written yet."""
    if not path.exists():
        return pl.DataFrame(schema=schema)
    try:
        return pl.read_parquet(path)
    except Exception as exc:  # zero-length, torn or not Parquet: polars says so in many ways
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StagingDamagedError(f"{path.name} is damaged ({reason})") from exc


def _readable_parquet(path: Path) -> bool:
    """Whether a Parquet file's footer reads: a torn, truncated or zeroed file fails here."""
    try:
        pl.read_parquet_schema(path)
    except Exception:
        return False
    return True


PARQUET_MAGIC = b"PAR1"


def _framed_parquet(path: Path) -> bool:
    """Whether a file is framed as Parquet: the magic at both ends and a footer length that fits.
    Truncated, zeroed, torn or overwritten files fail it; it reads 12 bytes where parsing the
    footer (`_readable_parquet`) costs a millisecond, which every refresh paid per staged file."""
    try:
        with path.open("rb") as stream:
            head = stream.read(4)
            size = stream.seek(0, os.SEEK_END)
            if size < 12:
                return False
            stream.seek(size - 8)
            tail = stream.read(8)
    except OSError:
        return False
    footer = int.from_bytes(tail[:4], "little")
    return head == PARQUET_MAGIC and tail[4:] == PARQUET_MAGIC and 0 < footer <= size - 12


@dataclass(frozen=True, slots=True)
class StagingStore:
    root: Path

    @property
    def manifest_path(self) -> Path:
        return self.root / "manifest.parquet"

    @property
    def read_errors_path(self) -> Path:
        return self.root / "read_errors.parquet"

    @property
    def quarantine_path(self) -> Path:
        return self.root / "quarantine.parquet"

    @property
    def landing_path(self) -> Path:
        return self.root / "landing.parquet"

    def parsed_files(self, table: str) -> list[Path]:
        return sorted((self.root / "parsed" / table).glob("*.parquet"))

    def batch_path(self, table: str, batch: str) -> Path:
        return self.root / "parsed" / table / f"{batch}.parquet"

    def manifest(self) -> pl.DataFrame:
        frame = _read(self.manifest_path, MANIFEST_SCHEMA)
        # A manifest from an older release lacks newer columns; such rows match no batch and
        # their parser_version is old, so their files are parsed again.
        missing = [
            pl.lit(None, dtype).alias(name)
            for name, dtype in MANIFEST_SCHEMA.items()
            if name not in frame.columns
        ]
        return frame.with_columns(missing).select(list(MANIFEST_SCHEMA)) if missing else frame

    def read_errors(self) -> pl.DataFrame:
        return _read(self.read_errors_path, ERROR_SCHEMA)

    def quarantine(self) -> pl.DataFrame:
        return _read(self.quarantine_path, QUARANTINE_SCHEMA)

    def _write(self, frame: pl.DataFrame, target: Path) -> None:
        write_durably(frame, target)
        sync_directory(target.parent)

    def save_landing(self, scan: LandingScan, landing_dir: Path) -> None:
        """The latest scan of the landing directory, handed from discovery to parsing."""
        queued = {relative_source_path(p, landing_dir): p for p in scan.to_parse}
        frame = pl.DataFrame(
            {
                "source_path": scan.present,
                "to_parse": [name in queued for name in scan.present],
                # the name as bytes: source_path cannot give back a name that is not UTF-8
                "fs_path": [
                    os.fsencode(queued[name].relative_to(landing_dir)) if name in queued else None
                    for name in scan.present
                ],
            },
            schema=LANDING_SCHEMA,
        )
        self._write(frame, self.landing_path)

    def load_landing(self, landing_dir: Path, limits: ParseLimits | None = None) -> LandingScan:
        """The scan raw_dump_files saved; the directory is scanned again if that went missing."""
        try:
            frame = _read(self.landing_path, LANDING_SCHEMA)
            if not self.landing_path.exists():
                raise StagingDamagedError(f"{self.landing_path.name} is missing")
        except StagingDamagedError as exc:
            scan = scan_landing(landing_dir, self, limits)
            scan.notes.insert(0, f"{exc}; the landing directory was scanned again")
            return scan
        present = frame["source_path"].to_list()
        queued = frame.filter(pl.col("to_parse"))["fs_path"]
        to_parse = [landing_dir / os.fsdecode(p) for p in queued]
        return LandingScan(present, to_parse, len(present) - len(to_parse))

    def save(
        self,
        manifest: pl.DataFrame,
        read_errors: pl.DataFrame,
        quarantine: pl.DataFrame | None = None,
    ) -> None:
        # Read errors first: a crash between the writes then leaves the old manifest, whose files
        # are simply parsed again on the next build.
        self._write(read_errors.sort("source_path", "error_kind", "message"), self.read_errors_path)
        if quarantine is not None:
            self._write(quarantine.sort("source_sha256"), self.quarantine_path)
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

    def repair(self, present: set[str], published: Path | None = None) -> list[str]:
        """Find damaged staging files and mend them before anything reads them: each note says
        what was found and what was done, for the run's log. `present`: landing-relative paths
        in the landing directory now; `published`: the warehouse, whose ingest_files is the
        manifest as of the last publish. Writer lock held."""
        notes: list[str] = []
        try:
            manifest = self.manifest()
        except StagingDamagedError as exc:
            manifest = self._manifest_from_batches(_published_files(published))
            notes.append(
                f"{exc}: rebuilt {manifest.height} file rows from the staged batches and the "
                "published warehouse; files still in the landing directory are parsed again"
            )
        try:
            read_errors = self.read_errors()
        except StagingDamagedError as exc:
            read_errors = pl.DataFrame(schema=ERROR_SCHEMA)
            # Files with no staged batch kept their reasons there only: parse them again.
            manifest = manifest.with_columns(
                pl.when(pl.col("batch").is_null())
                .then(None)
                .otherwise(pl.col("parser_version"))
                .alias("parser_version")
            )
            notes.append(f"{exc}: files whose reasons it held are parsed again")
        try:
            quarantine = self.quarantine()
        except StagingDamagedError as exc:
            quarantine = pl.DataFrame(schema=QUARANTINE_SCHEMA)
            notes.append(f"{exc}: emptied, so content that stopped a worker is tried again")
        damaged = sorted(
            batch
            for batch in manifest["batch"].drop_nulls().unique().to_list()
            if not all(_framed_parquet(self.batch_path(t, batch)) for t in STAGED_TABLES)
        )
        if damaged:
            hit = manifest.filter(pl.col("batch").is_in(damaged))
            gone = hit.filter(~pl.col("source_path").is_in(sorted(present)))
            manifest = _forget_batches(manifest, damaged, present)
            read_errors = pl.concat([read_errors, _lost_records(gone)])
            notes.append(
                f"{len(damaged)} staged batch file set(s) damaged or missing "
                f"({', '.join(damaged)}): {hit.height - gone.height} file(s) are parsed again"
                + (
                    f"; {gone.height} no longer in the landing directory are rejected until "
                    "put back"
                    if gone.height
                    else ""
                )
            )
        if notes:
            self.save(manifest, read_errors, quarantine)
        return notes

    def _manifest_from_batches(self, published: pl.DataFrame) -> pl.DataFrame:
        """Manifest rows recovered from the staged batches (a file's newest batch wins), with
        what the published ingest_files adds (sizes, first-seen times, files with no batch).
        size_mtime and parser_version are unknown, so files still present are parsed again;
        files gone from the landing directory keep what their batch holds."""
        stamp = utc_naive(datetime.now(UTC))
        earlier = {row["source_path"]: row for row in published.iter_rows(named=True)}
        rows: dict[str, dict[str, Any]] = {
            path: {**row, "size_mtime": None, "parser_version": None, "batch": None}
            for path, row in earlier.items()
        }
        ordered = sorted(self.parsed_files("articles"), key=lambda p: p.stat().st_mtime_ns)
        for articles_path in ordered:
            batch = articles_path.stem
            if not all(_readable_parquet(self.batch_path(t, batch)) for t in STAGED_TABLES):
                continue
            wanted = ["source_path", "source_sha256"]
            articles = pl.read_parquet(articles_path, columns=wanted)
            errors = pl.read_parquet(self.batch_path("errors", batch), columns=wanted)
            counts = Counter(articles["source_path"].to_list())
            with_errors = set(errors["source_path"].to_list())
            files = pl.concat([articles, errors]).unique("source_path", keep="first")
            for source_path, sha in files.iter_rows():
                if source_path.endswith(SIDECAR_SUFFIX) and source_path not in counts:
                    continue  # a sidecar's problem, filed beside its dump
                found = counts[source_path]
                loaded = "partial" if source_path in with_errors else "loaded"
                before = earlier.get(source_path)
                known = before is not None and before["source_sha256"] == sha
                rows[source_path] = {
                    "source_path": source_path,
                    "source_sha256": sha,
                    # unknown only for a file parsed after the last publish and gone since
                    "bytes": before["bytes"] if known and before else 0,
                    "source_format": dump_format(source_path),
                    "status": loaded if found else "rejected",
                    "articles": found,
                    "first_seen_at": before["first_seen_at"] if before else stamp,
                    "last_loaded_at": (before["last_loaded_at"] if known and before else stamp)
                    if found
                    else None,
                    "size_mtime": None,
                    "parser_version": None,
                    "batch": batch,
                }
        return pl.DataFrame(list(rows.values()), schema=MANIFEST_SCHEMA, orient="row")


def _published_files(published: Path | None) -> pl.DataFrame:
    """The published warehouse's ingest_files (empty when there is none, or it cannot be read)."""
    columns = [
        name for name in MANIFEST_SCHEMA if name not in ("size_mtime", "parser_version", "batch")
    ]
    empty = pl.DataFrame(schema={name: MANIFEST_SCHEMA[name] for name in columns})
    if published is None or not published.exists():
        return empty
    try:
        con = duckdb.connect(str(published), read_only=True)
        try:
            frame = con.execute(f"SELECT {', '.join(columns)} FROM ingest_files").pl()
        finally:
            con.close()
    except duckdb.Error:
        return empty
    return frame.cast({name: MANIFEST_SCHEMA[name] for name in columns})


def _forget_batches(manifest: pl.DataFrame, damaged: list[str], present: set[str]) -> pl.DataFrame:
    """Rows of damaged batches no longer point at them: present files are parsed again (no
    size_mtime), absent ones are rejected (their rows cannot be loaded) until put back."""
    hit = pl.col("batch").is_in(damaged)
    gone = hit & ~pl.col("source_path").is_in(sorted(present))
    return manifest.with_columns(
        pl.when(hit).then(None).otherwise(pl.col("size_mtime")).alias("size_mtime"),
        pl.when(hit).then(None).otherwise(pl.col("parser_version")).alias("parser_version"),
        pl.when(gone).then(pl.lit("rejected")).otherwise(pl.col("status")).alias("status"),
        pl.when(gone).then(0).otherwise(pl.col("articles")).cast(pl.Int32).alias("articles"),
        pl.when(hit).then(None).otherwise(pl.col("batch")).alias("batch"),
    )


def _lost_records(gone: pl.DataFrame) -> pl.DataFrame:
    now = utc_naive(datetime.now(UTC))
    return pl.DataFrame(
        {
            "source_path": gone["source_path"],
            "record": [None] * gone.height,
            "error_kind": ["staging_damaged"] * gone.height,
            "message": [
                "its staged records were damaged and it is no longer in the landing directory: "
                "put the file back to load it again"
            ]
            * gone.height,
            "seen_at": [now] * gone.height,
        },
        schema=ERROR_SCHEMA,
    )


@dataclass(slots=True)
class LandingScan:
    """The landing directory now, against what the manifest already holds."""

    present: list[str]  # the source_path of every file in it
    to_parse: list[Path]
    unchanged: int
    notes: list[str] = field(default_factory=list)  # repairs made to the staging store


class LandingDirectoryMissingError(FileNotFoundError):
    pass


def scan_landing(
    landing_dir: Path,
    store: StagingStore,
    limits: ParseLimits | None = None,
    published: Path | None = None,
    start_parse: bool = False,
) -> LandingScan:
    """The landing directory against the manifest. With `start_parse` (a refresh that parses what
    the scan finds, in this process), the parse workers' fork server is started as soon as a file
    to parse is met, so that its imports run beside discovery."""
    # A missing landing directory is a mistake (a typo, an unmounted archive), not an empty corpus.
    if not landing_dir.is_dir():
        raise LandingDirectoryMissingError(
            f"landing directory {landing_dir} does not exist or is not a directory: "
            "check --raw / CORPUS_RAW_DIR (nothing was changed)"
        )
    limits = limits or ParseLimits.from_environment()
    entries, names, stamps = [], [], []
    ahead = _parse_ahead(store, landing_dir) if start_parse else None
    for entry in walk_landing(landing_dir):
        entries.append(entry)
        names.append(entry.source_path)
        stamps.append(file_stamp(entry.stat, entry.sidecar))
        if ahead is not None and ahead(names[-1], stamps[-1], entry.relative):
            ahead = None
    notes = store.repair(set(names), published)
    # Compared as columns, not row by row: a million files cost a join, not a million dicts.
    landed = pl.DataFrame(
        {"source_path": names, "stamp": stamps},
        schema={"source_path": pl.String, "stamp": pl.String},
    ).with_row_index("at")
    known = store.manifest().select("source_path", "size_mtime", "source_sha256", "parser_version")
    unchanged = (
        (pl.col("size_mtime") == pl.col("stamp"))
        & pl.col("source_sha256").is_not_null()
        & pl.col("parser_version").is_in([PARSER_VERSION, f"{PARSER_VERSION}+{limits.key}"])
    ).fill_null(False)
    queued = (
        landed.join(known, on="source_path", how="left")
        .filter(~unchanged)["at"]
        .unique()
        .sort()
        .to_list()
    )
    to_parse = [landing_dir / entries[at].relative for at in queued]
    if start_parse and to_parse:  # the walk did not start it (large manifest, or a new parser)
        start_fork_server(to_parse)
    return LandingScan(names, to_parse, len(names) - len(to_parse), notes)


def _parse_ahead(
    store: StagingStore, landing_dir: Path
) -> Callable[[str, str | None, str], bool] | None:
    """What tells the walk to start the workers' fork server at the first file whose size or
    modification time the manifest does not know (such a file is always parsed), so that the
    server imports the parse code beside the rest of discovery and the parse step's start: a
    small refresh waited a second for it. None for a manifest of more than EARLY_START_FILES
    files (its stamps held as a dict would cost the scan's memory; the server's second is then a
    small part of what a refresh parses) or a damaged one; the scan then starts the server once
    it knows what to parse."""
    try:
        manifest = store.manifest()
    except StagingDamagedError:
        return None
    if manifest.height > EARLY_START_FILES:
        return None
    known = dict(
        zip(manifest["source_path"].to_list(), manifest["size_mtime"].to_list(), strict=True)
    )

    def changed(source_path: str, stamp: str | None, relative: str) -> bool:
        if stamp is not None and known.get(source_path) == stamp:
            return False
        start_fork_server([landing_dir / relative])
        return True

    return changed


def batches(paths: Sequence[Path], workers: int = 1) -> list[list[Path]]:
    """The files in worker tasks, in order: at most BATCH_FILES files and BATCH_BYTES each, and
    none more than its share of what is left (guided self-scheduling). A small job is split
    across the workers instead of waiting on one, and the batches shrink towards the end of a
    large one, so the workers finish together instead of one parsing a last full batch alone."""
    lengths = []
    for path in paths:
        try:
            lengths.append(path.stat().st_size)
        except OSError:
            lengths.append(0)
    out: list[list[Path]] = []
    at, workers = 0, max(1, workers)
    while at < len(paths):
        share = -(-(len(paths) - at) // workers)
        limit = min(BATCH_FILES, max(MIN_BATCH_FILES, share))
        end, size = at, 0
        while end < len(paths) and end - at < limit:
            if end > at and size + lengths[end] > BATCH_BYTES:
                break
            size += lengths[end]
            end += 1
        out.append(list(paths[at:end]))
        at = end
    return out


@dataclass(slots=True)
class IngestSummary:
    seen: int = 0
    parsed: int = 0
    unchanged: int = 0
    status_counts: dict[str, int] = field(default_factory=dict)
    error_kinds: dict[str, int] = field(default_factory=dict)
    batches_pruned: int = 0
    # Wall seconds of the parallel parse and of the manifest merge; worker seconds (summed over
    # processes) spent reading, parsing and writing staged Parquet, and the workers' CPU seconds.
    seconds: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # repairs and stopped workers, for the log


def _merge_manifest(
    old: pl.DataFrame, staged: Sequence[StagedFile], now: datetime, limits: ParseLimits
) -> tuple[pl.DataFrame, set[str]]:
    """The manifest after this run, and the paths whose earlier content was kept because the file
    could not be read this time (a changed file replaces its rows only once it reads cleanly).

    Joined as columns: the staged files' rows replace theirs and keep what the manifest knew of
    them (rebuilding every row as a dict cost a refresh half a second at 20k files)."""
    if not staged:  # nothing parsed: the manifest stands
        return old, set()
    stamp = utc_naive(now)
    fresh = pl.DataFrame(
        {
            "source_path": [s.source_path for s in staged],
            "source_sha256": [s.source_sha256 for s in staged],
            "bytes": [s.bytes for s in staged],
            "source_format": [s.source_format for s in staged],
            "status": [s.status for s in staged],
            "articles": [s.articles for s in staged],
            "size_mtime": [s.size_mtime for s in staged],
            "parser_version": [outcome_version(s.error_kinds, limits) for s in staged],
            "batch": [s.batch for s in staged],
        },
        schema={name: MANIFEST_SCHEMA[name] for name in _STAGED_COLUMNS},
    ).unique("source_path", keep="last", maintain_order=True)  # a file is staged once a run
    before = old.select(
        "source_path",
        pl.col("source_sha256").alias("sha_before"),
        pl.col("first_seen_at").alias("first_seen_before"),
        pl.col("last_loaded_at").alias("last_loaded_before"),
        pl.lit(True).alias("known"),
    )
    joined = fresh.join(before, on="source_path", how="left")
    # Unreadable now but read before: the old row stays, its size_mtime the old one, so the next
    # build tries again.
    keep_old = pl.col("source_sha256").is_null() & pl.col("sha_before").is_not_null()
    kept = set(joined.filter(keep_old)["source_path"].to_list())
    replaced = joined.filter(~keep_old).with_columns(
        pl.when(pl.col("known"))
        .then(pl.col("first_seen_before"))
        .otherwise(pl.lit(stamp, MANIFEST_SCHEMA["first_seen_at"]))
        .alias("first_seen_at"),
        pl.when(pl.col("source_sha256").is_null())
        .then(pl.col("last_loaded_before"))
        .when(pl.col("source_sha256") == pl.col("sha_before"))
        .then(pl.col("last_loaded_before"))
        .otherwise(pl.lit(stamp, MANIFEST_SCHEMA["last_loaded_at"]))
        .alias("last_loaded_at"),
    )
    merged = pl.concat(
        [
            old.join(replaced.select("source_path"), on="source_path", how="anti"),
            replaced.select(list(MANIFEST_SCHEMA)),
        ]
    )
    return merged, kept


# What a parse decides of a file's manifest row; the rest comes from the row it had.
_STAGED_COLUMNS = (
    "source_path",
    "source_sha256",
    "bytes",
    "source_format",
    "status",
    "articles",
    "size_mtime",
    "parser_version",
    "batch",
)


def _quarantined(quarantine: pl.DataFrame, limits: ParseLimits) -> dict[str, tuple[str, str]]:
    """Content that stopped a worker under the current parser and limits: what workers answer
    for it without parsing."""
    version = f"{PARSER_VERSION}+{limits.key}"
    answers = {}
    for row in quarantine.filter(pl.col("version") == version).iter_rows(named=True):
        answers[row["source_sha256"]] = (
            row["error_kind"],
            f"{row['message']} (this content stopped a parse worker on "
            f"{row['seen_at']:%Y-%m-%d}; it was not parsed again)",
        )
    return answers


def _updated_quarantine(
    quarantine: pl.DataFrame, staged: Sequence[StagedFile], now: datetime, limits: ParseLimits
) -> pl.DataFrame:
    version = f"{PARSER_VERSION}+{limits.key}"
    fresh = [
        {
            "source_sha256": item.source_sha256,
            "error_kind": problem.error_kind,
            "message": problem.message,
            "version": version,
            "seen_at": utc_naive(now),
        }
        for item in staged
        for problem in item.problems
        if item.source_sha256 is not None and problem.error_kind in STOPPED_KINDS
    ]
    kept = quarantine.filter(pl.col("version") == version)
    combined = pl.concat([kept, pl.DataFrame(fresh, schema=QUARANTINE_SCHEMA, orient="row")])
    return combined.unique("source_sha256", keep="first", maintain_order=True)


def refresh_staging(
    landing_dir: Path,
    store: StagingStore,
    scan: LandingScan,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    limits: ParseLimits | None = None,
) -> IngestSummary:
    """Parse what the scan found new or changed; keep what was parsed before (even for files since
    removed from the landing directory: landing directories get archived). Parsing always runs in
    worker processes: a file that kills one never takes this process (or the lock) with it."""
    started = time.perf_counter()
    limits = limits or ParseLimits.from_environment()
    workers = max(1, workers or os.cpu_count() or 1)
    jobs = batches(scan.to_parse, workers)
    quarantine = store.quarantine()
    staged: list[StagedFile] = []
    if jobs:
        pool = ParsePool(
            landing_dir,
            store.root,
            limits,
            workers=min(workers, len(jobs)),
            quarantined=_quarantined(quarantine, limits),
            parse=parse_one,
            progress=progress,
        )
        staged = pool.run(jobs)
    parsed_at = time.perf_counter()
    now = datetime.now(UTC)
    before, earlier_errors = store.manifest(), store.read_errors()
    manifest, kept = _merge_manifest(before, staged, now, limits)
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
            earlier_errors.filter(~pl.col("source_path").is_in(retried)).filter(
                pl.col("source_path").is_in(manifest["source_path"].to_list())
            ),
            new_read_errors,
        ]
    )
    updated_quarantine = _updated_quarantine(quarantine, staged, now, limits)
    unchanged = (
        not staged
        and manifest is before
        and read_errors.equals(earlier_errors)
        and updated_quarantine.equals(quarantine)
    )
    # Nothing parsed and nothing to forget: the files stand (rewriting them cost a refresh with
    # nothing new a second at 200k files, for the same bytes).
    if not unchanged:
        store.save(manifest, read_errors, updated_quarantine)
    pruned = store.prune(manifest)
    current = manifest.filter(pl.col("source_path").is_in(scan.present))
    kinds = Counter(kind for item in staged for kind in item.error_kinds)
    stopped = [
        f"{p.source_path}: {p.error_kind} ({p.message})"
        for p in problems
        if p.error_kind in STOPPED_KINDS
    ]
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
            "cpu_worker": sum(s.cpu_seconds for s in staged),
        },
        notes=[*scan.notes, *stopped],
    )
