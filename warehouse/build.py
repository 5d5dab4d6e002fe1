"""Build a complete warehouse file from the staging store: tables, bulk loads, views."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from warehouse.ingest import StagingStore
from warehouse.sql_files import LOADS, SQL_DIR, TABLES, VIEWS, sql_text
from warehouse.staging import STAGED_TABLES


@dataclass(frozen=True, slots=True)
class BuildCounts:
    rows: dict[str, int]
    # Wall seconds per stage: "tables" (CREATE), "load" (bulk INSERT ... SELECT from staged
    # Parquet), "views", "checkpoint".
    seconds: dict[str, float] = field(default_factory=dict)
    # What the build was made from (see `staging_fingerprint`); `reused` when the published file
    # was already built from exactly that and was copied instead of rebuilt.
    fingerprint: str = ""
    reused: bool = False


def staging_fingerprint(store: StagingStore) -> str:
    """Everything a build reads: the manifest, read errors, the staged batch files (named by their
    content) and every SQL file. Equal fingerprints give identical warehouses."""
    digest = hashlib.sha256()
    digest.update(store.manifest().sort("source_path").write_csv().encode())
    digest.update(store.read_errors().write_csv().encode())
    for table in STAGED_TABLES:
        digest.update("\n".join(p.name for p in store.parsed_files(table)).encode())
    for sql in sorted(SQL_DIR.rglob("*.sql")):
        digest.update(sql.relative_to(SQL_DIR).as_posix().encode() + b"\0" + sql.read_bytes())
    return digest.hexdigest()


def _built_from_path(store: StagingStore) -> Path:
    return store.root / "published.json"


def record_published(
    store: StagingStore, published: Path, fingerprint: str, built: Path | None = None
) -> None:
    """Remember which fingerprint the published file was built from (and which file that is).

    Called with `built` (the finished build, before it is renamed over `published`, which keeps
    its size and mtime) so the record is written while the writer lock is held."""
    record = json.dumps({**_record(built or published, fingerprint), "warehouse": str(published)})
    _built_from_path(store).write_text(record, encoding="utf-8")


def _record(published: Path, fingerprint: str) -> dict[str, str]:
    stat = published.stat()
    size_mtime = f"{stat.st_size}:{stat.st_mtime_ns}"
    return {"fingerprint": fingerprint, "warehouse": str(published), "size_mtime": size_mtime}


def published_fingerprint(store: StagingStore, published: Path) -> str | None:
    """The fingerprint the published file was built from, if it is the file that was recorded."""
    try:
        record = json.loads(_built_from_path(store).read_text(encoding="utf-8"))
        current = record == _record(published, str(record.get("fingerprint", "")))
    except (OSError, ValueError, AttributeError):
        return None
    return str(record["fingerprint"]) if current else None


def _published_is_current(store: StagingStore, published: Path, fingerprint: str) -> bool:
    return published_fingerprint(store, published) == fingerprint


def _register_staged(con: duckdb.DuckDBPyConnection, store: StagingStore) -> None:
    """Expose the staged Parquet as views named staged_<table>. DuckDB stores relation views in the
    file, so build_database drops them after loading."""
    for table, schema in STAGED_TABLES.items():
        files = [str(p) for p in store.parsed_files(table)]
        relation = (
            con.read_parquet(files, union_by_name=True)
            if files
            else con.from_arrow(pl.DataFrame(schema=schema).to_arrow())
        )
        relation.create_view(f"staged_{table}")
    con.from_arrow(store.manifest().to_arrow()).create_view("staged_manifest")
    con.from_arrow(store.read_errors().to_arrow()).create_view("staged_read_errors")


def build_database(target: Path, store: StagingStore, published: Path | None = None) -> BuildCounts:
    """Write a new warehouse at `target` (which must not exist) and close it checkpointed.

    When `published` was built from the same fingerprint (nothing landed, nothing changed, same
    SQL), it is copied instead: a refresh with nothing new costs a file copy, not a rebuild."""
    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    fingerprint = staging_fingerprint(store)
    seconds["fingerprint"] = time.perf_counter() - clock
    if published is not None and _published_is_current(store, published, fingerprint):
        shutil.copyfile(published, target)
        con = duckdb.connect(str(target), read_only=True)
        try:
            rows = {
                name: int(con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])  # type: ignore[index]
                for name in (*TABLES, *VIEWS)
            }
        finally:
            con.close()
        seconds["copy"] = time.perf_counter() - clock - seconds["fingerprint"]
        return BuildCounts(rows, seconds, fingerprint, reused=True)
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = seconds.get(stage, 0.0) + now - clock
        clock = now

    con = duckdb.connect(str(target))
    try:
        for name in TABLES:
            con.execute(sql_text("tables", name))
        lap("tables")
        _register_staged(con, store)
        for name in LOADS:
            con.execute(sql_text("load", name))
        # Relation.create_view stores the staged_* views in the file itself; drop them so the
        # published warehouse holds only the contract's tables and views.
        for name in (*STAGED_TABLES, "manifest", "read_errors"):
            con.execute(f"DROP VIEW IF EXISTS staged_{name}")
        lap("load")
        for name in VIEWS:
            con.execute(sql_text("views", name))
        rows = {
            name: int(con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])  # type: ignore[index]
            for name in (*TABLES, *VIEWS)
        }
        lap("views")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    lap("checkpoint")
    return BuildCounts(rows, seconds, fingerprint)
