"""Build a complete warehouse file from the staging store: tables, bulk loads, views."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from warehouse.ingest import StagingStore
from warehouse.sql_files import LOADS, TABLES, VIEWS, sql_text
from warehouse.staging import STAGED_TABLES


@dataclass(frozen=True, slots=True)
class BuildCounts:
    rows: dict[str, int]
    # Wall seconds per stage: "tables" (CREATE), "load" (bulk INSERT ... SELECT from staged
    # Parquet), "views", "checkpoint".
    seconds: dict[str, float] = field(default_factory=dict)


def _register_staged(con: duckdb.DuckDBPyConnection, store: StagingStore) -> None:
    """Expose the staged Parquet as temporary views named staged_<table> (they die with `con`)."""
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


def build_database(target: Path, store: StagingStore) -> BuildCounts:
    """Write a new warehouse at `target` (which must not exist) and close it checkpointed."""
    seconds: dict[str, float] = {}
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
    return BuildCounts(rows, seconds)
