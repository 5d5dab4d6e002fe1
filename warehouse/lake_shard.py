"""One shard of the landing directory, parsed and committed to the lake on its own.

A file belongs to shard `sha256(source_path) mod N`, for good: its re-captures and its retirement
are always its shard's business, and each shard keeps its own staging store (batches and manifest
fragment) under `<staging>/shards/<NN>/`. A shard parses its new or changed files (in parallel
worker processes, as the single-file refresh does), then commits in one lake transaction the
same delta the file warehouse's refresh applies (warehouse/build.py `apply_changes`: sql/scope
finds the changed files and the articles they touch, sql/load replaces their rows). Its inputs:
the lake's manifest with this shard's rows replaced by the fragment's, and the staged rows of the
changed files from the fragment, of every other file from the lake's `staging` schema (an
article captured in two shards is recomputed from both). The changed files' staged rows then
replace theirs in `staging`, for the next commits.

Readers see the snapshot before or after; a shard that fails or is killed commits nothing.

    python -m warehouse.lake_shard --shard 3 [--raw DIR] [--staging DIR] [--workers N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from extraction.files import relative_source_path
from warehouse.build import apply_changes, code_fingerprint
from warehouse.extensions import sql_literal
from warehouse.ingest import (
    IngestSummary,
    LandingScan,
    StagingStore,
    refresh_staging,
    scan_landing,
)
from warehouse.lake import (
    LAKE,
    STAGING,
    STAGING_TABLES,
    LakeConfig,
    commit_lock,
    current_snapshot,
    ensure_lake,
    lake_session,
)
from warehouse.sql_files import sql_text
from warehouse.staging import STAGED_TABLES


def shard_of(source_path: str, shards: int) -> int:
    digest = hashlib.sha256(source_path.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % shards


def shard_key(shard: int) -> str:
    """The shard's name: its Dagster partition key and its staging folder."""
    return f"{shard:02d}"


def shard_store(staging_root: Path, shard: int) -> StagingStore:
    return StagingStore(staging_root / "shards" / shard_key(shard))


def scan_shard(landing: Path, store: StagingStore, shard: int, shards: int) -> LandingScan:
    """The landing directory's files of this shard, against the shard's own manifest."""
    scan = scan_landing(landing, store)

    present = [name for name in scan.present if shard_of(name, shards) == shard]
    to_parse = [
        p for p in scan.to_parse if shard_of(relative_source_path(p, landing), shards) == shard
    ]
    return LandingScan(present, to_parse, len(present) - len(to_parse))


@dataclass(frozen=True, slots=True)
class ShardCommit:
    shard: int
    files_changed: int
    articles_recomputed: int
    snapshot: int | None  # the snapshot this commit made; None when there was nothing to commit
    seconds: dict[str, float] = field(default_factory=dict)


def _register_fragment(con: duckdb.DuckDBPyConnection, store: StagingStore, shard: int) -> None:
    """The shard's staging store as temp relations fragment_<table>, the staged rows limited to
    the batch each file's current parse is in."""
    manifest = store.manifest().with_columns(pl.lit(shard, pl.Int32).alias("shard"))
    read_errors = store.read_errors().with_columns(pl.lit(shard, pl.Int32).alias("shard"))
    for name, frame in (("manifest", manifest), ("read_errors", read_errors)):
        con.register(f"fragment_{name}_frame", frame.select(list(STAGING_TABLES[name])).to_arrow())
        con.execute(f"CREATE OR REPLACE TEMP TABLE fragment_{name} AS FROM fragment_{name}_frame")
        con.unregister(f"fragment_{name}_frame")
    for table, schema in STAGED_TABLES.items():
        files = [str(p) for p in store.parsed_files(table)]
        if files:
            listing = ", ".join(sql_literal(f) for f in files)
            source = f"read_parquet([{listing}], union_by_name = true)"
        else:
            con.register(f"fragment_{table}_empty", pl.DataFrame(schema=schema).to_arrow())
            source = f"fragment_{table}_empty"
        con.execute(
            f"CREATE OR REPLACE TEMP VIEW fragment_{table} AS "
            f"SELECT s.* FROM {source} AS s "
            "SEMI JOIN fragment_manifest AS m USING (source_path, source_sha256, batch)"
        )


def _register_current(con: duckdb.DuckDBPyConnection, shard: int) -> None:
    """staged_manifest and staged_read_errors for sql/scope: the lake's, with this shard's rows
    replaced by its fragment's (each file belongs to one shard); staged_build, the code."""
    for name in ("manifest", "read_errors"):
        con.execute(
            f"CREATE OR REPLACE TEMP VIEW staged_{name} AS "
            f"SELECT * EXCLUDE (shard) FROM {STAGING}.{name} WHERE shard <> {int(shard)} "
            f"UNION ALL BY NAME SELECT * EXCLUDE (shard) FROM fragment_{name}"
        )
    fingerprint = pl.DataFrame({"code_fingerprint": [code_fingerprint()]})
    con.register("staged_build", fingerprint.to_arrow())


def _stage_batches(con: duckdb.DuckDBPyConnection, batches: list[str]) -> None:
    """apply_changes' staged_<table> of these batches: the changed files' rows from the fragment,
    every other file's (another shard's capture of a touched article) from the lake's staging."""
    con.execute("CREATE OR REPLACE TEMP TABLE wanted_batches (batch VARCHAR)")
    con.executemany("INSERT INTO wanted_batches VALUES (?)", [[b] for b in batches])
    for table in STAGED_TABLES:
        con.execute(
            f"CREATE OR REPLACE TEMP VIEW staged_{table} AS "
            f"SELECT * FROM {STAGING}.{table} SEMI JOIN wanted_batches USING (batch) "
            "WHERE source_path NOT IN (SELECT source_path FROM changed_files) "
            "UNION ALL BY NAME "
            f"SELECT * FROM fragment_{table} SEMI JOIN wanted_batches USING (batch) "
            "WHERE source_path IN (SELECT source_path FROM changed_files)"
        )


def _changed_paths(con: duckdb.DuckDBPyConnection) -> int:
    """How many files' rows the commit would replace, by sql/scope's own first statements (their
    temporary tables dropped again, for apply_changes to make)."""
    for name in ("changed_files", "changed_error_paths"):
        con.execute(sql_text("scope", name))
    count = _count(con, "changed_error_paths")
    con.execute("DROP TABLE temp.changed_error_paths")
    con.execute("DROP TABLE temp.changed_files")
    return count


def _replace_staged_rows(con: duckdb.DuckDBPyConnection) -> None:
    """The lake's staging copy of the changed files, from the fragment (for the next commits)."""
    for name in STAGING_TABLES:
        con.execute(f"DELETE FROM {STAGING}.{name} WHERE source_path IN (FROM changed_error_paths)")
        con.execute(
            f"INSERT INTO {STAGING}.{name} BY NAME SELECT * FROM fragment_{name} "
            "WHERE source_path IN (FROM changed_error_paths)"
        )


def _count(con: duckdb.DuckDBPyConnection, relation: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {relation}").fetchone()[0])  # type: ignore[index]


def commit_shard(
    config: LakeConfig,
    store: StagingStore,
    shard: int,
    before_commit: Callable[[], None] | None = None,
) -> ShardCommit:
    """Commit the shard's staging store to the lake in one transaction (nothing when the lake
    already holds exactly it). `before_commit` runs with everything written but not committed."""
    seconds: dict[str, float] = {}
    # The lock first: even attaching a new PostgreSQL catalog for the first time must not race.
    with commit_lock(config) as waited, lake_session(config) as con:
        seconds["lock_wait"] = waited
        started = time.perf_counter()
        ensure_lake(con, config)
        con.execute("BEGIN")
        try:
            _register_fragment(con, store, shard)
            _register_current(con, shard)
            if _changed_paths(con) == 0:
                con.execute("ROLLBACK")
                seconds["commit"] = time.perf_counter() - started
                return ShardCommit(shard, 0, 0, None, seconds)
            statements: dict[str, float] = {}
            files, articles = apply_changes(
                con, None, statements=statements, register_staged=_stage_batches
            )
            seconds.update(sorted(statements.items(), key=lambda kv: -kv[1])[:5])
            _replace_staged_rows(con)
            con.execute(
                f"CALL {LAKE}.set_commit_message(?, ?)",
                [
                    f"corpus shard {shard_key(shard)}",
                    f"{files} files changed, {articles} articles recomputed",
                ],
            )
            if before_commit is not None:
                before_commit()
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        seconds["commit"] = time.perf_counter() - started
        return ShardCommit(shard, files, articles, current_snapshot(con), seconds)


def refresh_shard(
    landing: Path,
    staging_root: Path,
    config: LakeConfig,
    shard: int,
    workers: int | None = None,
    before_commit: Callable[[], None] | None = None,
) -> tuple[IngestSummary, ShardCommit]:
    """Scan, parse and commit one shard: what its Dagster partition runs."""
    store = shard_store(staging_root, shard)
    started = time.perf_counter()
    scan = scan_shard(landing, store, shard, config.shards)
    scanned = time.perf_counter() - started
    summary = refresh_staging(landing, store, scan, workers)
    summary.seconds["discover"] = scanned
    return summary, commit_shard(config, store, shard, before_commit)


def main(argv: Sequence[str] | None = None) -> int:
    from warehouse.paths import raw_dir, staging_dir_for, warehouse_path

    parser = argparse.ArgumentParser(
        prog="python -m warehouse.lake_shard", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--shard", type=int, required=True)
    parser.add_argument("--raw", default=str(raw_dir()))
    parser.add_argument("--staging", default=str(staging_dir_for(warehouse_path())))
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    config = LakeConfig.from_environment()
    summary, commit = refresh_shard(
        Path(args.raw).resolve(), Path(args.staging).resolve(), config, args.shard, args.workers
    )
    print(json.dumps({"parsed": summary.parsed, "seen": summary.seen, **asdict(commit)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
