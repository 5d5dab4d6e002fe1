"""How the `corpus` commands print query results: an aligned text table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

EXAMPLE_QUERY = (
    "SELECT title, declared_comments, captured_comments, distinct_comments, unique_commenters, "
    "round(capture_ratio, 3) AS capture_ratio FROM article_engagement "
    "ORDER BY captured_comments DESC LIMIT 5"
)


def json_default(value: object) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def format_rows(columns: Sequence[str], rows: Sequence[Sequence[object]], fmt: str) -> str:
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
            f"({len(rows)} rows)",
        ]
    )
