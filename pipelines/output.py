"""How the `corpus` commands print query results: an aligned text table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

EXAMPLE_QUERY = (
    "SELECT title, declared_comments, captured_comments, distinct_comments, unique_commenters, "
    "round(capture_ratio, 3) AS capture_ratio FROM article_engagement "
    "ORDER BY captured_comments DESC LIMIT 5"
)


def json_default(value: object) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):  # HUGEINT and DECIMAL columns
        return int(value) if value == value.to_integral_value() else float(value)
    return str(value)  # intervals, UUIDs, blobs: as DuckDB would print them


def json_row(columns: Sequence[str], row: Sequence[object]) -> str:
    return json.dumps(
        dict(zip(columns, row, strict=True)), default=json_default, ensure_ascii=False
    )


def format_rows(
    columns: Sequence[str], rows: Sequence[Sequence[object]], fmt: str, more: int = 0
) -> str:
    """Rows as a table, CSV or JSON; `more` rows not shown are noted under a table."""
    if fmt == "json":
        return json.dumps(
            [dict(zip(columns, row, strict=True)) for row in rows],
            default=json_default,
            ensure_ascii=False,
            indent=2,
        )
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    cells = [[("NULL" if v is None else str(v)).replace("\n", "⏎") for v in row] for row in rows]
    widths = [min(60, max([len(c), *(len(r[i]) for r in cells)])) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return " | ".join(
            (v if len(v) <= w else v[: w - 1] + "…").ljust(w)
            for v, w in zip(values, widths, strict=True)
        )

    return "\n".join(
        [
            line(columns),
            "-+-".join("-" * w for w in widths),
            *(line(r) for r in cells),
            count_line(len(rows), more),
        ]
    )


def count_line(shown: int, more: int) -> str:
    if not more:
        return f"({shown:,} row{'' if shown == 1 else 's'})"
    return (
        f"({shown:,} of {shown + more:,} rows shown; {more:,} more rows: "
        "--max-rows N shows more, --max-rows 0 all)"
    )
