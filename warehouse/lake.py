"""The staged Parquet loaded into a DuckLake catalog, for a warehouse that many writers share.

The file warehouse (build.py) has one writer at a time and is replaced whole. DuckLake keeps the
catalog in a database and the rows as Parquet files under a data path (local, shared or object
storage), with snapshot isolation, so several writers can commit and readers see whole snapshots.
The same SQL files load it: tables are created from their definitions (DuckLake has no CHECK
constraints, so the columns are copied without them; the asset checks still guard the rules), the
refresh (sql/scope, then sql/load) runs unchanged with the lake first on the search path, so a
reload replaces only the rows of what changed since the last one, and the views are created in the
lake.

The extension comes from the `duckdb-extension-ducklake` package (the `bench` dependency group),
which ships the binary for this DuckDB version; it is loaded by path, with no network access.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb

from warehouse.build import apply_changes, register_frames
from warehouse.ingest import StagingStore
from warehouse.sql_files import MATERIALISED, STATE, TABLES, VIEWS, sql_text

LAKE = "lake"


def ducklake_extension_path() -> Path:
    """The ducklake extension binary the `duckdb-extension-ducklake` package installed."""
    spec = importlib.util.find_spec("duckdb_extension_ducklake")
    if spec is None or spec.origin is None:
        raise FileNotFoundError(
            "install the duckdb-extension-ducklake package (uv sync --group bench)"
        )
    version = duckdb.__version__
    path = Path(spec.origin).parent / "extensions" / f"v{version}" / "ducklake.duckdb_extension"
    if not path.exists():
        raise FileNotFoundError(f"no ducklake extension for DuckDB {version} at {path}")
    return path


def _literal(text: str) -> str:
    # LOAD and ATTACH take no parameters; these are our own paths, quoted as SQL string literals.
    return "'" + text.replace("'", "''") + "'"


def connect_lake(
    metadata: Path, data_path: Path, read_only: bool = False
) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB session with the DuckLake catalog attached as `lake` and in use."""
    con = duckdb.connect(config={"autoinstall_known_extensions": False})
    con.execute(f"LOAD {_literal(str(ducklake_extension_path()))}")
    options = f"DATA_PATH {_literal(str(data_path) + '/')}" + (", READ_ONLY" if read_only else "")
    con.execute(f"ATTACH {_literal('ducklake:' + str(metadata))} AS {LAKE} ({options})")
    return con


def load_lake(store: StagingStore, metadata: Path, data_path: Path) -> dict[str, int]:
    """Bring the lake's tables up to the staging store's current rows in one snapshot (the first
    time everything is new); create the views the first time. Returns the row count of every
    table and view."""
    data_path.mkdir(parents=True, exist_ok=True)
    con = connect_lake(metadata, data_path)
    try:
        register_frames(con, store)  # staged_* relations, temporary
        in_lake = {
            (schema, name)
            for schema, name in con.execute(
                "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = ?"
                " UNION ALL SELECT schema_name, view_name FROM duckdb_views()"
                " WHERE database_name = ?",
                [LAKE, LAKE],
            ).fetchall()
        }
        # Full definitions in the in-memory catalog, as column templates.
        for name in TABLES:
            con.execute(sql_text("tables", name))
        for name in MATERIALISED:
            con.execute(sql_text("views", name))
        for name in (*TABLES, *MATERIALISED):
            con.execute(f"CREATE TABLE IF NOT EXISTS {LAKE}.{name} AS FROM memory.{name} LIMIT 0")
        con.execute(f"USE {LAKE}")
        # Unqualified names: the lake's tables first, then the in-memory templates.
        con.execute(f"SET search_path = '{LAKE}.main,memory.main'")
        for name in STATE:
            if ("build", name) not in in_lake:
                con.execute(sql_text("state", name))
        con.execute("BEGIN TRANSACTION")
        apply_changes(con, store)
        con.execute("COMMIT")
        for name in VIEWS:
            if name in MATERIALISED or ("main", name) in in_lake:
                continue
            for statement in con.extract_statements(sql_text("views", name)):
                # DuckLake keeps a view's own comment but not comments on its columns.
                if not statement.query.lstrip().upper().startswith("COMMENT ON COLUMN"):
                    con.execute(statement.query)
        return {
            name: int(con.execute(f"SELECT count(*) FROM {LAKE}.{name}").fetchone()[0])  # type: ignore[index]
            for name in (*TABLES, *VIEWS)
        }
    finally:
        con.close()
