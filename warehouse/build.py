"""Build a warehouse file from the staging store. A refresh copies the published file and applies
only what changed since it was built; a first build (or one after the SQL changed, or when most
files changed) starts from an empty file. Both run the same SQL: sql/scope finds what changed
against the warehouse's own record of what it was built from (schema `build`), sql/load deletes
the rows of changed files and touched articles and inserts them anew, and recomputes what adds
them up. An empty file has no record, so everything is changed and the same statements build it
from scratch."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import duckdb

from warehouse.ingest import StagingStore
from warehouse.memory import build_settings
from warehouse.schema import POLARS_TYPES
from warehouse.sql_files import (
    AFTER_ARTICLE_LOADS,
    BEFORE_ARTICLE_LOADS,
    CHUNK,
    LOADS,
    MATERIALISED,
    PER_ARTICLE_LOADS,
    SCOPE,
    SQL_DIR,
    STATE,
    TABLES,
    VIEW_LOADS,
    VIEWS,
    reads,
    sql_text,
)
from warehouse.staging import ERROR_SCHEMA, MANIFEST_SCHEMA, STAGED_TABLES

BuildMode = Literal["reuse", "incremental", "full"]
# Above this share of changed files a build from scratch is cheaper than replacing their rows in
# a copy (deleting most of a table costs more than writing it); both give the same tables.
INCREMENTAL_LIMIT = 0.5
BUILT_WITH_QUERY = "SELECT code_fingerprint FROM build.built_with"
# The scope's first statement: the files that changed, whose count decides the build's mode.
PLANNED_SCOPE = SCOPE[0]
# Articles per group of the per-article loads (sql/scope/load_chunks): the working set of their
# joins and aggregates is a group's, so memory stays flat as the corpus grows; a group is large
# enough that the fixed cost of a statement (a scan of the tables' article_id) stays small.
LOAD_CHUNK_ARTICLES = 25_000
CHUNKS_QUERY = "SELECT DISTINCT chunk FROM load_chunks ORDER BY chunk"
CHUNK_BATCHES_QUERY = (
    "SELECT DISTINCT batch FROM load_chunks"
    " WHERE chunk = getvariable('load_chunk') AND batch IS NOT NULL ORDER BY batch"
)


@dataclass(frozen=True, slots=True)
class BuildCounts:
    rows: dict[str, int]
    # Wall seconds per stage: "plan", "copy" (of the published file), "tables" (CREATE), "scope"
    # (what changed), "load" (replacing the rows of the tables and of the build's own record),
    # "views" (recomputing the materialised views and the state only they read, then creating
    # the plain views), "counts", "checkpoint".
    seconds: dict[str, float] = field(default_factory=dict)
    # What the build was made from (see `staging_fingerprint`).
    fingerprint: str = ""
    # reuse: the published file was built from exactly this and is kept as it is; incremental:
    # a copy of it with the changes applied; full: built from scratch.
    mode: BuildMode = "full"
    reason: str = ""
    changed_files: int = 0
    touched_articles: int = 0
    # Wall seconds of each statement of sql/scope and sql/load ("scope/changed_files", ...).
    statements: dict[str, float] = field(default_factory=dict)

    @property
    def reused(self) -> bool:
        return self.mode == "reuse"


def code_fingerprint() -> str:
    """What a warehouse's SQL depends on: every file in sql/, the staged Parquet schemas and the
    DuckDB version. A published file built with another one is not patched but rebuilt."""
    digest = hashlib.sha256(duckdb.__version__.encode())
    for name, schema in (
        ("manifest", MANIFEST_SCHEMA),
        ("read_errors", ERROR_SCHEMA),
        *STAGED_TABLES.items(),
    ):
        digest.update(f"{name}:{schema}".encode())
    for sql in sorted(SQL_DIR.rglob("*.sql")):
        digest.update(sql.relative_to(SQL_DIR).as_posix().encode() + b"\0" + sql.read_bytes())
    return digest.hexdigest()


def _file_digest(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").digest()
    except FileNotFoundError:
        return b""


def staging_fingerprint(store: StagingStore) -> str:
    """Everything a build reads: the manifest (which names each file's staged batch, written once
    under a new name), the read errors and the code. Equal fingerprints give identical warehouses;
    the files are hashed as bytes, so this costs a read of two small files, not a parse."""
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(_file_digest(store.manifest_path))
    digest.update(_file_digest(store.read_errors_path))
    return digest.hexdigest()


# The record of the published build, beside the staging store: its fingerprint, its size and
# modification time (so a file replaced behind our back is not mistaken for it), and the check
# results and UI metadata computed on it, which a refresh with nothing new reports again.
def _built_from_path(store: StagingStore) -> Path:
    return store.root / "published.json"


def _identity(path: Path, fingerprint: str) -> dict[str, str]:
    stat = path.stat()
    return {"fingerprint": fingerprint, "size_mtime": f"{stat.st_size}:{stat.st_mtime_ns}"}


def record_published(
    store: StagingStore,
    published: Path,
    fingerprint: str,
    built: Path | None = None,
    summary: dict[str, Any] | None = None,
) -> None:
    """Remember which fingerprint the published file was built from, with `summary` (checks and
    metadata) to report again while nothing changes.

    Called with `built` (the finished build, before it is renamed over `published`, which keeps
    its size and mtime) so the record is written while the writer lock is held."""
    record: dict[str, Any] = {
        **_identity(built or published, fingerprint),
        "warehouse": str(published),
    }
    record["summary"] = summary or {}
    tmp = _built_from_path(store).with_suffix(".tmp")
    tmp.write_text(json.dumps(record), encoding="utf-8")
    tmp.replace(_built_from_path(store))


def published_record(store: StagingStore, published: Path) -> dict[str, Any] | None:
    """The record of the published file, if it is the file that was recorded."""
    try:
        record = json.loads(_built_from_path(store).read_text(encoding="utf-8"))
        expected = {
            **_identity(published, str(record.get("fingerprint", ""))),
            "warehouse": str(published),
        }
        current = all(record.get(key) == value for key, value in expected.items())
    except (OSError, ValueError, AttributeError):
        return None
    return record if current else None


def published_fingerprint(store: StagingStore, published: Path) -> str | None:
    """The fingerprint the published file was built from, if it is the file that was recorded."""
    record = published_record(store, published)
    return str(record["fingerprint"]) if record else None


def reusable_summary(
    store: StagingStore, published: Path, fingerprint: str
) -> dict[str, Any] | None:
    """The recorded checks and metadata of the published file when it was built from exactly
    `fingerprint`: nothing landed, nothing changed, same code. None when it must be built."""
    record = published_record(store, published)
    if record is None or record["fingerprint"] != fingerprint or not record.get("summary"):
        return None
    return dict(record["summary"])


def connect_build(target: Path) -> duckdb.DuckDBPyConnection:
    """A writable connection to a build file, its memory capped and spilling beside it."""
    config: dict[str, Any] = build_settings(target)  # connect() wants its wider value type
    return duckdb.connect(str(target), config=config)


_SQL_TYPES = tuple((dtype, sql_type) for sql_type, dtype in POLARS_TYPES.items())


def _sql_type(dtype: Any) -> str:
    return next(sql_type for known, sql_type in _SQL_TYPES if dtype == known)


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _relation(
    con: duckdb.DuckDBPyConnection, schema: dict[str, Any], files: list[Path], project: bool
) -> duckdb.DuckDBPyRelation:
    """The rows of these Parquet files (none without files: `schema`'s columns, empty). With
    `project`, exactly `schema`'s columns and types, a column a file lacks (written by an older
    release) read as NULL.

    Read by DuckDB itself, streaming: no frame is held in this process, and no Arrow (whose
    import, with pandas', costs every refresh a third of a second) is involved."""
    if files and not project:
        return con.read_parquet([str(path) for path in files], union_by_name=True)
    source = f"read_parquet([{', '.join(map(_quoted, files))}], union_by_name = true)"
    present = (
        {row[0] for row in con.sql(f"DESCRIBE SELECT * FROM {source}").fetchall()}
        if files
        else set()
    )
    columns = ", ".join(
        f"CAST({_identifier(name) if name in present else 'NULL'} AS {_sql_type(dtype)})"
        f" AS {_identifier(name)}"
        for name, dtype in schema.items()
    )
    return con.sql(f"SELECT {columns} FROM {source}" if files else f"SELECT {columns} LIMIT 0")


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _existing(path: Path) -> list[Path]:
    return [path] if path.exists() else []


def register_frames(con: duckdb.DuckDBPyConnection, store: StagingStore | None) -> None:
    """The manifest, the read errors and the code fingerprint as temporary relations (staged_*),
    for sql/scope to compare with what the warehouse was built from (empty without a store)."""
    manifest = _existing(store.manifest_path) if store else []
    read_errors = _existing(store.read_errors_path) if store else []
    con.register("staged_manifest", _relation(con, MANIFEST_SCHEMA, manifest, project=True))
    con.register("staged_read_errors", _relation(con, ERROR_SCHEMA, read_errors, project=True))
    con.register(
        "staged_build", con.sql(f"SELECT '{code_fingerprint()}'::VARCHAR AS code_fingerprint")
    )


def _register_staged(
    con: duckdb.DuckDBPyConnection, store: StagingStore, batches: Iterable[str] | None = None
) -> None:
    """The staged Parquet of the named batches (all of them when None) as temporary relations
    named staged_<table>."""
    wanted = None if batches is None else set(batches)
    for table, schema in STAGED_TABLES.items():
        files = [p for p in store.parsed_files(table) if wanted is None or p.stem in wanted]
        con.register(f"staged_{table}", _relation(con, schema, files, project=False))


def _batches(con: duckdb.DuckDBPyConnection, relation: str) -> list[str]:
    return [row[0] for row in con.execute(f"SELECT batch FROM {relation}").fetchall()]


def _count(con: duckdb.DuckDBPyConnection, relation: str) -> int:
    return int(con.execute(f'SELECT count(*) FROM "{relation}"').fetchone()[0])  # type: ignore[index]


def plan(published: Path | None) -> tuple[BuildMode, str]:
    """Whether the published file can be refreshed in a copy (`incremental`) or the build must
    start from scratch, and why. Reads the published file's own record of what it was built
    from (read-only, beside any analyst's connection); how many files changed is counted on the
    copy, by the refresh's own first statement (`build_database`)."""
    if published is None or not published.exists():
        return "full", "no published warehouse"
    try:
        con = duckdb.connect(str(published), read_only=True)
    except duckdb.Error as exc:
        return "full", f"the published warehouse cannot be opened ({exc})"
    try:
        [(built_with,)] = con.execute(BUILT_WITH_QUERY).fetchall()
    except (duckdb.Error, ValueError):
        return "full", "the published warehouse has no record of what it was built from"
    finally:
        con.close()
    if built_with != code_fingerprint():
        return "full", "the SQL, the staging schemas or DuckDB changed since it was built"
    return "incremental", ""


def _open(target: Path, store: StagingStore) -> duckdb.DuckDBPyConnection:
    """The build's connection, the staging frames registered, its one transaction begun (no
    commit, and its WAL sync, per statement: the file is published only once it is whole)."""
    con = connect_build(target)
    register_frames(con, store)
    con.execute("BEGIN TRANSACTION")
    return con


def build_database(
    target: Path,
    store: StagingStore,
    published: Path | None = None,
    chunk_articles: int | None = None,
) -> BuildCounts:
    """Write a new warehouse at `target` (which must not exist) and close it checkpointed: a copy
    of `published` with what changed applied, or a build from scratch (see `plan`);
    `chunk_articles` as `apply_changes` takes it."""
    seconds: dict[str, float] = {}
    statements: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = seconds.get(stage, 0.0) + now - clock
        clock = now

    fingerprint = staging_fingerprint(store)
    mode, reason = plan(published)
    lap("plan")
    con: duckdb.DuckDBPyConnection | None = None
    try:
        if mode == "incremental":
            assert published is not None
            shutil.copyfile(published, target)
            lap("copy")
            # The scope's first statement, run on the copy, counts the changed files and stands
            # for the refresh (in a plan of its own, every refresh paid for it twice).
            con = _open(target, store)
            started = time.perf_counter()
            con.execute(sql_text("scope", PLANNED_SCOPE))
            statements[f"scope/{PLANNED_SCOPE}"] = time.perf_counter() - started
            changed, files = _count(con, PLANNED_SCOPE), _count(con, "staged_manifest")
            reason = f"{changed} of {files} files changed"
            if changed > INCREMENTAL_LIMIT * max(files, 1):
                mode = "full"
                con.close()
                con = None
                target.unlink()
                target.with_name(target.name + ".wal").unlink(missing_ok=True)
            lap("plan")
        if con is None:
            con = _open(target, store)
            create_relations(con)
            lap("tables")
        changed, touched = apply_changes(
            con,
            store,
            lap,
            statements,
            chunk_articles=chunk_articles,
            planned=mode == "incremental",
            empty=mode == "full",
        )
        if mode == "full":
            create_views(con)
        lap("views")
        rows = {name: _count(con, name) for name in (*TABLES, *VIEWS)}
        lap("counts")
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        if con is not None:
            con.close()
    lap("checkpoint")
    return BuildCounts(rows, seconds, fingerprint, mode, reason, changed, touched, statements)


def create_relations(con: duckdb.DuckDBPyConnection) -> None:
    """The empty tables of a new warehouse: the contract's, the state a refresh reads (schema
    build) and the materialised views'."""
    for name in TABLES:
        con.execute(sql_text("tables", name))
    for name in STATE:
        con.execute(sql_text("state", name))
    for name in MATERIALISED:
        con.execute(sql_text("views", name))


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    for name in VIEWS:
        if name not in MATERIALISED:
            con.execute(sql_text("views", name))


def apply_changes(
    con: duckdb.DuckDBPyConnection,
    store: StagingStore | None,
    lap: Callable[[str], None] = lambda stage: None,
    statements: dict[str, float] | None = None,
    register_staged: Callable[[duckdb.DuckDBPyConnection, list[str]], None] | None = None,
    chunk_articles: int | None = None,
    planned: bool = False,
    empty: bool = False,
) -> tuple[int, int]:
    """Find what changed since the warehouse on `con` was built (sql/scope) and replace it
    (sql/load); the staging frames must be registered. Returns the changed files and the articles
    whose rows were replaced. Any DuckDB-speaking catalog with these tables can run it.

    `register_staged(con, batches)` makes staged_<table> of those batches; by default from the
    store's Parquet (the DuckLake backend reads them from the lake, warehouse/lake_shard.py).

    The touched articles' rows are replaced a group of about `chunk_articles` at a time (default
    LOAD_CHUNK_ARTICLES), each group reading only its staged batches, so that the joins and
    aggregates of a load hold one group, whatever the size of the corpus or of the change.

    `planned`: the scope's first statement (PLANNED_SCOPE) already ran on `con`, in the plan.

    `empty`: the tables on `con` are new and empty (a build from scratch). Every row in scope is
    then inserted once and each touched article belongs to one group, so the loads' DELETEs could
    find nothing: they are skipped (each group's DELETEs would scan the tables grown by the
    groups before it, a cost growing with the square of the corpus)."""
    chunk_articles = chunk_articles or LOAD_CHUNK_ARTICLES
    timings = statements if statements is not None else {}

    def run(kind: str, name: str) -> None:
        started = time.perf_counter()
        if empty and kind == "load":
            for statement in con.extract_statements(sql_text(kind, name)):
                if statement.type != duckdb.StatementType.DELETE:
                    con.execute(statement)
        else:
            con.execute(sql_text(kind, name))
        key = f"{kind}/{name}"
        timings[key] = timings.get(key, 0.0) + time.perf_counter() - started
        if kind == "load":
            # A view's recomputation is not loading rows: timed apart, as its own stage.
            lap("views" if name in VIEW_LOADS else "load")

    staged: list[str] | None = None

    def stage(batches: list[str]) -> None:
        """The statements after this read the staged records of exactly these batches."""
        nonlocal staged
        if batches == staged:
            return
        if register_staged is not None:
            register_staged(con, batches)
        else:
            assert store is not None
            _register_staged(con, store, batches)
        staged = batches

    # Integers written into the statement: binding a Python parameter makes DuckDB import pandas
    # and pyarrow, a third of a second of every refresh.
    con.execute(f"SET VARIABLE load_chunk_articles = {int(chunk_articles)}")
    for name in SCOPE:
        if planned and name == PLANNED_SCOPE:
            continue
        run("scope", name)
        if name.endswith("_batches"):
            stage(sorted(_batches(con, name)))
    changed, touched = _count(con, "changed_files"), _count(con, "touched_articles")
    lap("scope")
    for name in BEFORE_ARTICLE_LOADS:
        run("load", name)
    chunks = [row[0] for row in con.execute(CHUNKS_QUERY).fetchall()]
    for chunk in chunks:
        start_group(con, chunk, run)
        stage(sorted(row[0] for row in con.execute(CHUNK_BATCHES_QUERY).fetchall()))
        for name in PER_ARTICLE_LOADS:
            run("load", name)
    for name in AFTER_ARTICLE_LOADS:
        run("load", name)
    return changed, touched


def start_group(
    con: duckdb.DuckDBPyConnection,
    chunk: int,
    run: Callable[[str, str], None] | None = None,
) -> None:
    """Make one group's relations (sql/chunk/: its touched articles and their newest captures),
    which that group's per-article loads read; `run(kind, name)` runs each statement (timed, in
    the build), by default plainly."""
    con.execute(f"SET VARIABLE load_chunk = {int(chunk)}")
    for name in CHUNK:
        if run is None:
            con.execute(sql_text("chunk", name))
        else:
            run("chunk", name)


def materialise_views(con: duckdb.DuckDBPyConnection) -> None:
    """The engagement relations over tables filled some other way (by hand in tests, or the
    synthetic warehouse): what is missing of the state and materialised tables is created, the
    materialised views are computed from the tables as they stand, then missing views created."""
    existing = {
        (schema, name)
        for schema, name in con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE NOT temporary"
            " UNION ALL SELECT schema_name, view_name FROM duckdb_views()"
            " WHERE NOT temporary AND NOT internal"
        ).fetchall()
    }
    register_frames(con, None)
    for name in STATE:
        if ("build", name) not in existing:
            con.execute(sql_text("state", name))
    for name in MATERIALISED:
        if ("main", name) not in existing:
            con.execute(sql_text("views", name))
    con.execute("CREATE OR REPLACE TEMP TABLE touched_articles AS SELECT article_id FROM articles")
    derived = set(MATERIALISED) | {
        state for view in MATERIALISED for state in reads("load", view) if state in STATE
    }
    for name in LOADS:
        if name in derived:
            con.execute(sql_text("load", name))
    for name in VIEWS:
        if name not in MATERIALISED and ("main", name) not in existing:
            con.execute(sql_text("views", name))
