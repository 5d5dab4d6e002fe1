"""Each table's columns, read from its CREATE TABLE in sql/tables/: the one declaration of a table.
The staging schemas are derived from it here, the loads insert by name, and a contract test holds
the extraction records to it (tests/test_table_contract.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import duckdb
import polars as pl

from warehouse.sql_files import TABLES, sql_text

TIMESTAMP = pl.Datetime("us")  # DuckDB's TIMESTAMP: naive, microseconds, UTC by convention
POLARS_TYPES: dict[str, Any] = {
    "VARCHAR": pl.String,
    "INTEGER": pl.Int32,
    "BIGINT": pl.Int64,
    "BOOLEAN": pl.Boolean,
    "TIMESTAMP": TIMESTAMP,
}


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sql_type: str
    nullable: bool


@cache
def _catalog() -> dict[str, tuple[Column, ...]]:
    """Every table of sql/tables/ created in an empty in-memory database, as DuckDB reads it."""
    con = duckdb.connect(":memory:")
    try:
        for table in TABLES:
            con.execute(sql_text("tables", table))
        rows = con.execute(
            "SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns() "
            "WHERE NOT internal ORDER BY table_name, column_index"
        ).fetchall()
    finally:
        con.close()
    columns: dict[str, list[Column]] = {table: [] for table in TABLES}
    for table, name, sql_type, nullable in rows:
        columns[table].append(Column(name, sql_type, bool(nullable)))
    return {table: tuple(cols) for table, cols in columns.items()}


def table_columns(table: str) -> tuple[Column, ...]:
    return _catalog()[table]


def polars_schema(table: str) -> dict[str, Any]:
    """The polars schema of a table's rows, column for column."""
    try:
        return {c.name: POLARS_TYPES[c.sql_type] for c in table_columns(table)}
    except KeyError as exc:
        raise TypeError(f"sql/tables/{table}.sql: no polars type for DuckDB type {exc}") from None
