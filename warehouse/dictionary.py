"""The data dictionary, generated from the warehouse's own catalogue (the SQL's COMMENT ON), so the
document and what `DESCRIBE` shows in any SQL client cannot say different things.

    python -m warehouse.dictionary [--warehouse FILE] [--output docs/data-dictionary.md] [--check]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import duckdb

from warehouse.paths import warehouse_path
from warehouse.readonly import connect_readonly

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = PROJECT_ROOT / "docs" / "data-dictionary.md"

HEADER = """# Data dictionary

Generated from the warehouse by `corpus dictionary` (or `python -m warehouse.dictionary`) out of
the `COMMENT ON` statements in `sql/`; do not edit by hand. The same text is in the warehouse
itself: `DESCRIBE articles`, or
`SELECT table_name, column_name, comment FROM duckdb_columns() WHERE NOT internal`.
Timestamps are UTC (`TIMESTAMP` without time zone).
"""

RELATIONS_SQL = """
SELECT table_name AS name, 'table' AS kind, comment FROM duckdb_tables()
WHERE NOT internal AND NOT temporary AND schema_name = 'main'
UNION ALL
SELECT view_name, 'view', comment FROM duckdb_views()
WHERE NOT internal AND NOT temporary AND schema_name = 'main'
ORDER BY kind, name
"""
COLUMNS_SQL = """
SELECT column_name, data_type, is_nullable, comment FROM duckdb_columns()
WHERE table_name = ? AND schema_name = 'main' AND NOT internal
ORDER BY column_index
"""


def _cell(text: str | None) -> str:
    """A markdown table cell: one line, pipes escaped."""
    return " ".join((text or "").split()).replace("|", "\\|")


def render(con: duckdb.DuckDBPyConnection) -> str:
    relations = con.execute(RELATIONS_SQL).fetchall()
    out = [HEADER]
    out.append("| Relation | Kind | Meaning |\n|---|---|---|")
    out += [
        f"| [`{name}`](#{name}) | {kind} | {_cell(comment)} |" for name, kind, comment in relations
    ]
    for name, kind, comment in relations:
        out.append(f"\n## {name}\n\n*{kind}* — {_cell(comment)}\n")
        out.append("| Column | Type | Nullable | Meaning |\n|---|---|---|---|")
        for column, data_type, nullable, meaning in con.execute(COLUMNS_SQL, [name]).fetchall():
            # Views report every column nullable; only tables carry NOT NULL constraints.
            null_text = ("yes" if nullable else "no") if kind == "table" else ""
            out.append(f"| `{column}` | `{data_type}` | {null_text} | {_cell(meaning)} |")
    return "\n".join(out) + "\n"


def render_warehouse(warehouse: Path) -> str:
    con = connect_readonly(warehouse)
    try:
        return render(con)
    finally:
        con.close()


def main(argv: Sequence[str] | None = None) -> int:
    args = argparse.ArgumentParser(prog="corpus dictionary", description=__doc__.splitlines()[0])
    args.add_argument("--warehouse", default=str(warehouse_path()))
    args.add_argument("--output", default=str(DEFAULT_OUTPUT), help="markdown file to write")
    args.add_argument(
        "--check", action="store_true", help="exit 1 when the file is out of date; write nothing"
    )
    return run(args.parse_args(argv))


def run(args: argparse.Namespace) -> int:
    try:
        text = render_warehouse(Path(args.warehouse))
    except (FileNotFoundError, duckdb.Error) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    output = Path(args.output)
    if args.check:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != text:
            print(f"{output} is out of date: run `corpus dictionary`", file=sys.stderr)
            return 1
        print(f"{output} is up to date")
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
