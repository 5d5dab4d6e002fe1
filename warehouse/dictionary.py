"""The data dictionary, read from the warehouse's own `data_dictionary` view (built from the SQL's
COMMENT ON statements), so docs/data-dictionary.md, `corpus describe` and any SQL client cannot
say different things.

    python -m warehouse.dictionary [--warehouse FILE] [--output docs/data-dictionary.md] [--check]
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.paths import warehouse_path
from warehouse.readonly import connect_readonly

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = PROJECT_ROOT / "docs" / "data-dictionary.md"

HEADER = """# Data dictionary

Generated from the warehouse by `corpus dictionary` (or `python -m warehouse.dictionary`) out of
its `data_dictionary` view, which reads the `COMMENT ON` statements in `sql/`; do not edit by
hand. Timestamps are UTC (`TIMESTAMP` without time zone). Counts and sums in the views are
`BIGINT`, ratios and averages `DOUBLE`.

The same text is in every warehouse, for any client:

- Any SQL client (duckdb CLI, Python, DBeaver, `corpus sql`):
  `SELECT column_name, data_type, meaning FROM data_dictionary WHERE relation = 'comments'`.
  The duckdb CLI's box display wraps a long meaning over three lines and cuts the rest with `…`;
  `.mode line` first shows every word.
- The terminal: `corpus describe comments` (`corpus describe` lists the relations), wrapped to
  its width.
- `DESCRIBE comments` shows names and types only: DuckDB 1.5 leaves the comments out.
- `SELECT * FROM duckdb_columns()` has the comment in its 18th column, which the duckdb CLI hides
  behind `…` on an ordinary terminal.
"""

RELATIONS_SQL = """
SELECT relation, kind, meaning FROM data_dictionary WHERE position = 0
ORDER BY kind, relation
"""
COLUMNS_SQL = """
SELECT column_name, data_type, nullable, meaning FROM data_dictionary
WHERE relation = ? AND position > 0
ORDER BY position
"""


@dataclass(frozen=True, slots=True)
class Relation:
    name: str
    kind: str
    meaning: str


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    data_type: str
    nullable: bool | None  # None for views: they carry no constraints
    meaning: str


def relations(con: duckdb.DuckDBPyConnection) -> list[Relation]:
    return [Relation(n, k, m or "") for n, k, m in con.execute(RELATIONS_SQL).fetchall()]


def columns(con: duckdb.DuckDBPyConnection, relation: str) -> list[Column]:
    return [
        Column(*row[:3], row[3] or "") for row in con.execute(COLUMNS_SQL, [relation]).fetchall()
    ]


def _cell(text: str | None) -> str:
    """A markdown table cell: one line, pipes escaped."""
    return " ".join((text or "").split()).replace("|", "\\|")


def render(con: duckdb.DuckDBPyConnection) -> str:
    listed = relations(con)
    out = [HEADER]
    out.append("| Relation | Kind | Meaning |\n|---|---|---|")
    out += [f"| [`{r.name}`](#{r.name}) | {r.kind} | {_cell(r.meaning)} |" for r in listed]
    for r in listed:
        out.append(f"\n## {r.name}\n\n*{r.kind}* — {_cell(r.meaning)}\n")
        out.append("| Column | Type | Nullable | Meaning |\n|---|---|---|---|")
        for c in columns(con, r.name):
            null_text = "" if c.nullable is None else ("yes" if c.nullable else "no")
            out.append(f"| `{c.name}` | `{c.data_type}` | {null_text} | {_cell(c.meaning)} |")
    return "\n".join(out) + "\n"


def _wrap(text: str, width: int, indent: int) -> str:
    lines = textwrap.wrap(" ".join(text.split()), max(width - indent, 30)) or [""]
    return ("\n" + " " * indent).join(lines)


def describe(con: duckdb.DuckDBPyConnection, relation: str, width: int = 100) -> str:
    """A relation's meaning and its columns (name, type, meaning), wrapped to `width`."""
    found = {r.name: r for r in relations(con)}
    if relation not in found:
        raise KeyError(
            f"no table or view named {relation!r}; there are: {', '.join(sorted(found))}"
        )
    r = found[relation]
    cols = columns(con, relation)
    types = [c.data_type + (" NOT NULL" if c.nullable is False else "") for c in cols]
    name_width = max([len(c.name) for c in cols] + [6])
    type_width = max([len(t) for t in types] + [4])
    indent = 2 + name_width + 2 + type_width + 2
    lines = [f"{r.name} ({r.kind})", "", _wrap(r.meaning, width, 0), ""]
    lines.append(f"  {'column':<{name_width}}  {'type':<{type_width}}  meaning")
    for c, t in zip(cols, types, strict=True):
        lines.append(
            f"  {c.name:<{name_width}}  {t:<{type_width}}  {_wrap(c.meaning, width, indent)}"
        )
    return "\n".join(lines)


def describe_all(con: duckdb.DuckDBPyConnection, width: int = 100) -> str:
    """Every relation with its kind and meaning."""
    listed = relations(con)
    name_width = max([len(r.name) for r in listed] + [8])
    indent = 2 + name_width + 2 + 5 + 2
    lines = [f"  {'relation':<{name_width}}  {'kind':<5}  meaning"]
    lines += [
        f"  {r.name:<{name_width}}  {r.kind:<5}  {_wrap(r.meaning, width, indent)}" for r in listed
    ]
    lines.append("\n`corpus describe RELATION` shows a relation's columns.")
    return "\n".join(lines)


def render_warehouse(warehouse: Path) -> str:
    con = connect_readonly(warehouse)
    try:
        return render(con)
    finally:
        con.close()


def main(argv: Sequence[str] | None = None) -> int:
    args = argparse.ArgumentParser(
        prog="python -m warehouse.dictionary",
        description=__doc__.splitlines()[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    args.add_argument("--warehouse", default=str(warehouse_path()), help="DuckDB file to read")
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
