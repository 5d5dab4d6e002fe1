"""DuckDB extensions loaded offline, by path, from the `duckdb-extension-*` packages in uv.lock
(each ships the binary built for this DuckDB version): no INSTALL, no download at run time."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb

# extension name -> the Python package shipping it
PACKAGES = {
    "ducklake": "duckdb_extension_ducklake",
    "postgres_scanner": "duckdb_extension_postgres_scanner",
}


def extension_path(name: str) -> Path:
    """The extension binary its package installed for this DuckDB version."""
    package = PACKAGES[name]
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise FileNotFoundError(
            f"the {name} extension needs the {package.replace('_', '-')} package: "
            "run ./scripts/bootstrap"
        )
    version = duckdb.__version__
    path = Path(spec.origin).parent / "extensions" / f"v{version}" / f"{name}.duckdb_extension"
    if not path.exists():
        raise FileNotFoundError(f"no {name} extension for DuckDB {version} at {path}")
    return path


def sql_literal(text: str) -> str:
    # LOAD and ATTACH take no parameters; values are quoted as SQL string literals.
    return "'" + text.replace("'", "''") + "'"


def load_extensions(con: duckdb.DuckDBPyConnection, *names: str) -> None:
    for name in names:
        con.execute(f"LOAD {sql_literal(str(extension_path(name)))}")


def connect_with_extensions(*names: str) -> duckdb.DuckDBPyConnection:
    """An in-memory session that can never fetch an extension, with these ones loaded."""
    con = duckdb.connect(
        config={"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    )
    load_extensions(con, *names)
    return con
