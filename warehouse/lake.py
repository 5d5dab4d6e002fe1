"""The warehouse in DuckLake: a catalog in PostgreSQL (or, for one machine, a DuckDB file) and the
rows as Parquet under a data path every machine sees, with snapshot isolation, so that many shard
processes commit into one warehouse and readers see whole snapshots.

Chosen by CORPUS_WAREHOUSE_BACKEND=ducklake; CORPUS_LAKE_CATALOG and CORPUS_LAKE_DATA_PATH say
where (docs/scaling.md). The lake holds, in schema `main`, the contract's tables and views made
from the same sql/ files as the DuckDB file; in schema `staging`, every current capture's staged
rows and the manifest (what a shard's commit needs to recompute an article captured in several
shards); in schema `view_column_docs`, one empty stand-in table per view carrying the column
comments DuckLake does not keep on views, which `data_dictionary` reads.

Extensions load offline from their packages (warehouse/extensions.py). DuckLake cannot keep CHECK
constraints (the asset checks still test those rules) nor comments on a view's columns (kept on the
stand-ins above); it keeps tables' and columns' comments, NOT NULL and views' own comments.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
from filelock import FileLock

from warehouse.build import code_fingerprint, register_frames
from warehouse.extensions import connect_with_extensions, sql_literal
from warehouse.schema import table_columns
from warehouse.sql_files import MATERIALISED, STATE, TABLES, VIEWS, sql_text
from warehouse.staging import ERROR_SCHEMA, MANIFEST_SCHEMA, STAGED_TABLES

ENV_BACKEND = "CORPUS_WAREHOUSE_BACKEND"
ENV_LAKE_CATALOG = "CORPUS_LAKE_CATALOG"
ENV_LAKE_DATA_PATH = "CORPUS_LAKE_DATA_PATH"
ENV_LAKE_SHARDS = "CORPUS_LAKE_SHARDS"
ENV_LAKE_PASSWORD = "CORPUS_LAKE_PASSWORD"
BACKENDS = ("duckdb", "ducklake")
DEFAULT_SHARDS = 8

LAKE = "lake"  # the catalog's name in every session
STAGING = "staging"
VIEW_DOCS = "view_column_docs"
# The lake-side copies of the staging store: every current capture's rows, the manifest and the
# read errors, with the shard that owns each file.
STAGING_TABLES: dict[str, dict[str, Any]] = {
    **STAGED_TABLES,
    "manifest": {**MANIFEST_SCHEMA, "shard": pl.Int32},
    "read_errors": {**ERROR_SCHEMA, "shard": pl.Int32},
}
COMMIT_LOCK_KEY = 0x636F72707573  # "corpus": the advisory lock shard commits take in PostgreSQL
LOCK_POLL_SECONDS = 0.2
DEFAULT_LOCK_TIMEOUT_SECONDS = 3600.0


class LakeConfigError(ValueError):
    """The lake settings are missing or contradict the lake; the message says which."""


class LakeBusyError(RuntimeError):
    """Another commit held the lake's commit lock for longer than the timeout."""


def warehouse_backend() -> str:
    backend = (os.environ.get(ENV_BACKEND) or "duckdb").strip().lower()
    if backend not in BACKENDS:
        raise LakeConfigError(f"{ENV_BACKEND}={backend!r}: choose one of {', '.join(BACKENDS)}")
    return backend


@dataclass(frozen=True, slots=True)
class LakeConfig:
    """Where the lake is: its catalog (`postgres:<libpq connection string>`, the password from
    PGPASSWORD or ~/.pgpass, or a DuckDB file path for one machine), its data path (a directory
    every machine mounts, or `s3://bucket/prefix/` with DuckDB's httpfs and a secret) and how
    many shards the landing directory is cut into (fixed for the life of a lake)."""

    catalog: str
    data_path: str
    shards: int = DEFAULT_SHARDS
    password: str = field(default="", repr=False)  # else libpq's PGPASSWORD or ~/.pgpass
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT_SECONDS  # longest wait for another shard's commit

    @property
    def is_postgres(self) -> bool:
        return self.catalog.startswith("postgres:")

    @property
    def libpq(self) -> str:
        """The PostgreSQL connection string (with the password when one is configured)."""
        libpq = self.catalog.removeprefix("postgres:")
        return f"{libpq} password={self.password}" if self.password else libpq

    @property
    def is_local_data_path(self) -> bool:
        return "://" not in self.data_path

    @property
    def attach_target(self) -> str:
        return "ducklake:" + ("postgres:" + self.libpq if self.is_postgres else self.catalog)

    @classmethod
    def from_environment(cls) -> LakeConfig:
        catalog = os.environ.get(ENV_LAKE_CATALOG, "")
        data_path = os.environ.get(ENV_LAKE_DATA_PATH, "")
        if not catalog or not data_path:
            raise LakeConfigError(
                f"the ducklake backend needs {ENV_LAKE_CATALOG} (e.g. 'postgres:host=db "
                f"dbname=corpus user=corpus') and {ENV_LAKE_DATA_PATH} (a shared directory)"
            )
        shards = int(os.environ.get(ENV_LAKE_SHARDS) or DEFAULT_SHARDS)
        return cls(catalog, data_path, shards, os.environ.get(ENV_LAKE_PASSWORD, ""))


def connect_lake(
    config: LakeConfig, read_only: bool = False, snapshot: int | None = None
) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB session with the lake attached as `lake` and in use: as of now, or as
    of an earlier snapshot (read only) while it has not expired."""
    con = connect_with_extensions("ducklake", "postgres_scanner")
    data_path = config.data_path.rstrip("/") + "/"
    if config.is_local_data_path:
        Path(data_path).mkdir(parents=True, exist_ok=True)
    if not config.is_postgres:
        Path(config.catalog).parent.mkdir(parents=True, exist_ok=True)
    options = f"DATA_PATH {sql_literal(data_path)}"
    if snapshot is not None:
        options += f", SNAPSHOT_VERSION {int(snapshot)}"
    if read_only or snapshot is not None:
        options += ", READ_ONLY"
    con.execute(f"ATTACH {sql_literal(config.attach_target)} AS {LAKE} ({options})")
    con.execute(f"USE {LAKE}")
    return con


@contextmanager
def lake_session(
    config: LakeConfig, read_only: bool = False
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A lake connection, closed afterwards. A DuckDB-file catalog admits one process at a time,
    so its sessions queue on a lock file beside it; a PostgreSQL catalog admits any number."""
    lock = None if config.is_postgres else FileLock(config.catalog + ".lock")
    if lock is not None:
        lock.acquire(timeout=config.lock_timeout)
    try:
        con = connect_lake(config, read_only)
        try:
            yield con
        finally:
            con.close()
    finally:
        if lock is not None:
            lock.release()


@contextmanager
def commit_lock(config: LakeConfig) -> Iterator[float]:
    """Hold the lake's commit lock; yields the seconds spent waiting for it.

    DuckLake's optimistic concurrency lets two transactions insert into one table without
    conflict, which is right for rows of different files but wrong for an article captured in two
    shards: each would write its own idea of the newest capture, and both would land. Shard commits
    therefore take turns (their parsing, the long part, still runs in parallel): a PostgreSQL
    transaction-level advisory lock, held on a second connection for the whole lake transaction
    and dropped by PostgreSQL when the holder dies, even by SIGKILL. A DuckDB-file catalog is
    already one process at a time (lake_session)."""
    started = time.perf_counter()
    if not config.is_postgres:
        yield 0.0
        return
    holder = connect_with_extensions("postgres_scanner")
    holder.execute(f"ATTACH {sql_literal(config.libpq)} AS catalog_db (TYPE postgres)")
    holder.execute("BEGIN")
    try:
        while True:
            [(got,)] = holder.execute(
                "SELECT * FROM postgres_query('catalog_db', "
                f"'SELECT pg_try_advisory_xact_lock({COMMIT_LOCK_KEY}) AS got')"
            ).fetchall()
            if got:
                break
            if time.perf_counter() - started > config.lock_timeout:
                raise LakeBusyError(
                    f"another shard held the lake's commit lock for over {config.lock_timeout:g} s"
                )
            time.sleep(LOCK_POLL_SECONDS)
        yield time.perf_counter() - started
    finally:
        holder.execute("ROLLBACK")  # ends the PostgreSQL transaction, releasing the lock
        holder.close()


def _statements(con: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    return [s.query for s in con.extract_statements(text)]


def _comments(con: duckdb.DuckDBPyConnection, kind: str, name: str) -> list[str]:
    return [
        s
        for s in _statements(con, sql_text(kind, name))
        if s.lstrip().upper().startswith("COMMENT")
    ]


def table_ddl(name: str) -> str:
    """A table's CREATE TABLE for the lake, derived from its file in sql/tables/ (same columns,
    types and NOT NULL; DuckLake has no CHECK constraints)."""
    columns = ",\n    ".join(
        f"{c.name} {c.sql_type}" + ("" if c.nullable else " NOT NULL") for c in table_columns(name)
    )
    return f"CREATE TABLE IF NOT EXISTS main.{name} (\n    {columns}\n)"


_COLUMN_COMMENT = re.compile(r"(COMMENT ON COLUMN )(\w+)\.(\w+)", re.IGNORECASE)


def _create_views(con: duckdb.DuckDBPyConnection) -> None:
    """Every view of sql/views that is not materialised (dependencies first) with its comment,
    and its columns' comments on its stand-in table in view_column_docs."""
    for name in (v for v in VIEWS if v not in MATERIALISED):
        column_comments = []
        for statement in _statements(con, sql_text("views", name)):
            if statement.lstrip().upper().startswith("COMMENT ON COLUMN"):
                column_comments.append(_COLUMN_COMMENT.sub(rf"\g<1>{VIEW_DOCS}.\2.\3", statement))
            else:
                con.execute(statement)
        described = con.execute(f"DESCRIBE main.{name}").fetchall()
        columns = ", ".join(f'"{row[0]}" {row[1]}' for row in described)
        con.execute(f"CREATE TABLE {VIEW_DOCS}.{name} ({columns})")
        for statement in column_comments:
            con.execute(statement)


def ensure_lake(con: duckdb.DuckDBPyConnection, config: LakeConfig) -> bool:
    """Make a new lake's relations in one transaction (the contract's tables, the refresh's state
    in schema `build`, the materialised engagement tables, the views, the staging copies); call
    with the commit lock held. Returns whether it made them. Refuses a lake made with another
    shard count (files would change owner) or other SQL (its rows were made by other loads)."""
    con.execute("BEGIN")
    try:
        schemas = {
            row[0]
            for row in con.execute(
                "SELECT schema_name FROM duckdb_schemas() WHERE database_name = ?", [LAKE]
            ).fetchall()
        }
        settings: dict[str, str] = {}
        if STAGING in schemas:
            settings = dict(con.execute(f"SELECT key, value FROM {STAGING}.settings").fetchall())
        if settings.get("shards") not in (None, str(config.shards)):
            raise LakeConfigError(
                f"this lake was made with {settings['shards']} shards, not {config.shards} "
                f"({ENV_LAKE_SHARDS}); keep the count, or build a new lake"
            )
        code = code_fingerprint()
        if settings.get("code") not in (None, code):
            raise LakeConfigError(
                "the SQL, the staging schemas or DuckDB changed since this lake was made, and a "
                "lake is not rebuilt in place: backfill every shard into a new lake "
                f"({ENV_LAKE_CATALOG}, {ENV_LAKE_DATA_PATH})"
            )
        if settings:
            con.execute("ROLLBACK")
            return False
        for schema in (STAGING, VIEW_DOCS):
            con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        for name in TABLES:
            con.execute(table_ddl(name))
            for statement in _comments(con, "tables", name):
                con.execute(statement)
        for name, schema in STAGING_TABLES.items():
            empty = pl.DataFrame(schema=schema).to_arrow()
            con.register("empty_staging_frame", empty)
            con.execute(
                f"CREATE TABLE IF NOT EXISTS {STAGING}.{name} AS FROM empty_staging_frame LIMIT 0"
            )
            con.unregister("empty_staging_frame")
        register_frames(con, None)  # the state tables take their columns from the staged frames
        for name in STATE:
            con.execute(sql_text("state", name))
        for name in MATERIALISED:
            con.execute(sql_text("views", name))
        _create_views(con)
        con.execute(f"CREATE TABLE {STAGING}.settings (key VARCHAR, value VARCHAR)")
        con.execute(
            f"INSERT INTO {STAGING}.settings VALUES ('shards', ?), ('code', ?)",
            [str(config.shards), code],
        )
        con.execute("COMMIT")
        return True
    except BaseException:
        con.execute("ROLLBACK")
        raise


def current_snapshot(con: duckdb.DuckDBPyConnection) -> int:
    [(snapshot,)] = con.execute(f"SELECT id FROM {LAKE}.current_snapshot()").fetchall()
    return int(snapshot)


def relation_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows of every table and view, read in one snapshot."""
    con.execute("BEGIN")
    try:
        return {
            name: int(con.execute(f"SELECT count(*) FROM main.{name}").fetchone()[0])  # type: ignore[index]
            for name in (*TABLES, *VIEWS)
        }
    finally:
        con.execute("COMMIT")


@dataclass(frozen=True, slots=True)
class Maintenance:
    files_merged: int
    snapshots_expired: int
    files_deleted: int
    orphans_deleted: int


DEFAULT_RETENTION = "7 days"  # snapshots readers can still time-travel to; older ones expire


def maintain(con: duckdb.DuckDBPyConnection, retention: str = DEFAULT_RETENTION) -> Maintenance:
    """Merge the small files shard commits leave, expire snapshots older than `retention`, then
    delete the files no snapshot needs any more and the files killed commits left behind."""
    if not re.fullmatch(r"\d+ (?:second|minute|hour|day|week)s?", retention):
        raise LakeConfigError(f"retention {retention!r}: write it like '7 days' or '12 hours'")
    older = f"older_than => now() - INTERVAL '{retention}'"
    merged = con.execute(f"CALL ducklake_merge_adjacent_files('{LAKE}')").fetchall()
    expired = con.execute(f"CALL ducklake_expire_snapshots('{LAKE}', {older})").fetchall()
    deleted = con.execute(f"CALL ducklake_cleanup_old_files('{LAKE}', cleanup_all => true)")
    orphans = con.execute(f"CALL ducklake_delete_orphaned_files('{LAKE}', {older})").fetchall()
    return Maintenance(len(merged), len(expired), len(deleted.fetchall()), len(orphans))
