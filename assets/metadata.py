"""Metadata a person reads in the Dagster UI: row counts, column schemas, escaped previews."""

from __future__ import annotations

import re
import string
import warnings
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb

from warehouse.sql_files import with_literals

PREVIEW_ROWS = 5
PREVIEW_CELL_CHARS = 80
_ESCAPED = {char: "\\" + char for char in string.punctuation}
# The UI's GFM renderer turns www.x, scheme://x and a@b.c in plain text into links after parsing,
# escapes or not. An invisible WORD JOINER inside each such pattern keeps it plain text.
WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)(?<=www)(?=\.)|(?<=:)(?=//)|(?=@)")


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    if len(text) > PREVIEW_CELL_CHARS:
        text = text[: PREVIEW_CELL_CHARS - 1] + "…"
    # Backslash-escape every ASCII punctuation character (CommonMark allows escaping any of them),
    # so a comment holding HTML, an entity, a link, emphasis or a table pipe shows as typed and
    # cannot render. Whitespace runs, newlines included, become one space: a row stays a row.
    text = _AUTOLINK.sub(WORD_JOINER, " ".join(text.split()))
    return "".join(_ESCAPED.get(char, char) for char in text)


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


def column_rows(con: duckdb.DuckDBPyConnection, relation: str) -> list[list[str | None]]:
    """(name, DuckDB type, COMMENT ON) of each column, in order."""
    rows = con.execute(
        with_literals(
            "SELECT column_name, data_type, comment FROM duckdb_columns() "
            "WHERE table_name = $relation AND schema_name = 'main' ORDER BY column_index",
            {"relation": relation},
        )
    ).fetchall()
    return [list(row) for row in rows]


def column_schema(con: duckdb.DuckDBPyConnection, relation: str) -> dg.TableSchema:
    return _schema(column_rows(con, relation))


def _schema(columns: list[list[str | None]]) -> dg.TableSchema:
    return dg.TableSchema(
        columns=[
            dg.TableColumn(str(name), str(data_type), description=comment)
            for name, data_type, comment in columns
        ]
    )


def relation_summary(con: duckdb.DuckDBPyConnection, relation: str, rows: int) -> dict[str, Any]:
    """What the UI shows about a table or view, as plain data: a refresh that changes nothing
    shows it again without reading the warehouse."""
    return {
        "rows": rows,
        "columns": column_rows(con, relation),
        "preview": markdown_preview(con, relation),
    }


def summary_metadata(summary: dict[str, Any]) -> dict[str, Any]:
    return {
        "dagster/row_count": summary["rows"],
        "dagster/column_schema": _schema(summary["columns"]),
        "preview": dg.MetadataValue.md(summary["preview"]),
    }


def relation_metadata(con: duckdb.DuckDBPyConnection, relation: str, rows: int) -> dict[str, Any]:
    return summary_metadata(relation_summary(con, relation, rows))


def sql_code_references(*files: Path) -> dict[str, dg.CodeReferencesMetadataValue]:
    """Code references to the SQL files that define a table or view, shown under "Code" in the UI
    beside the Python function `with_source_code_references` adds."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dg.BetaWarning)  # code references are beta in 1.13
        return {
            "dagster/code_references": dg.CodeReferencesMetadataValue(
                code_references=[
                    dg.LocalFileCodeReference(
                        file_path=str(path), line_number=1, label="/".join(path.parts[-3:])
                    )
                    for path in files
                    if path.exists()
                ]
            )
        }
