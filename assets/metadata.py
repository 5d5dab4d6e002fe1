"""Metadata a person reads in the Dagster UI: row counts, column schemas, escaped previews."""

from __future__ import annotations

import html
from typing import Any

import dagster as dg
import duckdb

PREVIEW_ROWS = 5
PREVIEW_CELL_CHARS = 80


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    if len(text) > PREVIEW_CELL_CHARS:
        text = text[: PREVIEW_CELL_CHARS - 1] + "…"
    # Escape markup so that a comment holding HTML or markdown cannot render in the UI.
    text = html.escape(" ".join(text.split()), quote=True)
    for char in "\\`*_[]|#":
        text = text.replace(char, "\\" + char)
    return text


def markdown_preview(con: duckdb.DuckDBPyConnection, relation: str) -> str:
    cursor = con.execute(f'SELECT * FROM "{relation}" LIMIT {PREVIEW_ROWS}')
    columns = [d[0] for d in cursor.description or []]
    rows = cursor.fetchall()
    lines = [
        "| " + " | ".join(_cell(c) for c in columns) + " |",
        "|" + "---|" * len(columns),
        *("| " + " | ".join(_cell(v) for v in row) + " |" for row in rows),
    ]
    return "\n".join(lines)


def column_schema(con: duckdb.DuckDBPyConnection, relation: str) -> dg.TableSchema:
    rows = con.execute(
        "SELECT column_name, data_type, comment FROM duckdb_columns() "
        "WHERE table_name = ? ORDER BY column_index",
        [relation],
    ).fetchall()
    return dg.TableSchema(
        columns=[dg.TableColumn(name, data_type, description=comment) for name, data_type, comment in rows]
    )


def relation_metadata(con: duckdb.DuckDBPyConnection, relation: str, rows: int) -> dict[str, Any]:
    return {
        "dagster/row_count": rows,
        "dagster/column_schema": column_schema(con, relation),
        "preview": dg.MetadataValue.md(markdown_preview(con, relation)),
    }
