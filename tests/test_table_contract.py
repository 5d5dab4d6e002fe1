"""One declaration per table, its CREATE TABLE in sql/tables/, and everything else held to it: the
typed records extraction returns (names, order, types, NULLs, allowed values), the Parquet the
staging store writes, and the columns each load in sql/load/ inserts by name."""

from __future__ import annotations

import dataclasses
import re
import types
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import duckdb
import polars as pl
import pytest

from extraction import records
from extraction.limits import DEFAULT_MAX_EXPANDED_BYTES
from tests.conftest import SEED
from warehouse.build import apply_changes, create_relations, register_frames, start_group
from warehouse.ingest import StagingStore
from warehouse.schema import polars_schema, table_columns
from warehouse.sql_files import TABLES, sql_text
from warehouse.staging import CAPTURE_COLUMNS, STAGED_TABLES, parse_file, write_batch

RECORDS: dict[str, type[Any]] = {
    "articles": records.Article,
    "quotes": records.Quote,
    "comments": records.Comment,
    "ingest_errors": records.IngestError,
}
# Columns the warehouse adds to a record: when a problem was found is stamped while staging.
ADDED_WHEN_STAGED = {"ingest_errors": ("seen_at",)}
SQL_TYPES = {
    str: {"VARCHAR"},
    int: {"INTEGER", "BIGINT"},
    bool: {"BOOLEAN"},
    datetime: {"TIMESTAMP"},
}
_CHECK_IN = re.compile(r"CHECK\(\((\w+) IN \((.*)\)\)\)")


def allowed_values(table: str) -> dict[str, set[str]]:
    """Column -> the values its CHECK (column IN (...)) constraint allows."""
    con = duckdb.connect(":memory:")
    con.execute(sql_text("tables", table))
    texts = [
        row[0]
        for row in con.execute(
            "SELECT constraint_text FROM duckdb_constraints() WHERE constraint_type = 'CHECK'"
        ).fetchall()
    ]
    con.close()
    found = {}
    for text in texts:
        match = _CHECK_IN.fullmatch(text)
        assert match, text
        found[match.group(1)] = set(re.findall(r"'((?:[^']|'')*)'", match.group(2)))
    return found


def split_optional(hint: Any) -> tuple[Any, bool]:
    if get_origin(hint) in (Union, types.UnionType) and type(None) in get_args(hint):
        (inner,) = [a for a in get_args(hint) if a is not type(None)]
        return inner, True
    return hint, False


@pytest.mark.parametrize("table", sorted(RECORDS))
def test_record_fields_are_the_table_columns(table: str) -> None:
    record = RECORDS[table]
    hints = get_type_hints(record)
    columns = table_columns(table)
    names = [f.name for f in dataclasses.fields(record)]
    assert [*names, *ADDED_WHEN_STAGED.get(table, ())] == [c.name for c in columns]
    allowed = allowed_values(table)
    for column in columns[: len(names)]:
        python_type, optional = split_optional(hints[column.name])
        assert optional == column.nullable, f"{table}.{column.name}: NULL allowed?"
        if get_origin(python_type) is Literal:
            assert column.sql_type == "VARCHAR", column
            assert set(get_args(python_type)) == allowed.get(column.name), column.name
        else:
            assert column.sql_type in SQL_TYPES[python_type], column
            assert column.name not in allowed, f"{table}.{column.name}: CHECK without a Literal"


def test_file_status_values_are_the_ingest_files_check() -> None:
    assert set(get_args(records.FileStatus)) == allowed_values("ingest_files")["status"]


def test_staged_parquet_has_the_table_columns_and_types(tmp_path: Path) -> None:
    landing = tmp_path / "raw"
    landing.mkdir()
    (landing / SEED.name).write_bytes(SEED.read_bytes())
    (landing / "empty.txt").write_bytes(b"")  # a rejected file: an ingest error to stage
    staging = tmp_path / "staging"
    parsed = [
        parse_file(path, landing, DEFAULT_MAX_EXPANDED_BYTES) for path in sorted(landing.iterdir())
    ]
    write_batch(parsed, staging, datetime.now(UTC))
    extras = {
        "articles": {"record": pl.String, "batch": pl.String},
        "quotes": CAPTURE_COLUMNS,
        "comments": CAPTURE_COLUMNS,
        "errors": {"source_sha256": pl.String, "batch": pl.String},
    }
    tables = {"articles": "articles", "quotes": "quotes", "comments": "comments"}
    tables["errors"] = "ingest_errors"
    assert set(STAGED_TABLES) == set(tables)
    for staged, table in tables.items():
        (written,) = (staging / "parsed" / staged).glob("*.parquet")
        assert dict(pl.read_parquet_schema(written)) == {
            **polars_schema(table),
            **extras[staged],
        }, staged


def test_each_load_inserts_exactly_its_tables_columns_by_name(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    register_frames(con, None)
    create_relations(con)
    apply_changes(con, StagingStore(tmp_path / "staging"))  # empty: the scope relations exist
    start_group(con, 0)  # and one (empty) group's relations, as the build makes them
    for name in TABLES:
        text = sql_text("load", name)
        prefix = f"INSERT INTO {name} BY NAME\n"
        assert text.count(prefix) == 1, f"sql/load/{name}.sql must insert by name"
        query = text.split(prefix)[1].strip().rstrip(";")
        inserted = [row[0] for row in con.execute(f"DESCRIBE {query}").fetchall()]
        assert sorted(inserted) == sorted(c.name for c in table_columns(name)), name
    con.close()
