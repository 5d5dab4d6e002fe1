"""The project's SQL lives in sql/ as plain files, one statement (and its comments) per file, or
for a load one step (delete what changed, insert the new rows). The files are the declaration:
which tables, loads, views and checks exist is read from the folders, the order they run in from
what each file reads, and a check's target and severity from its header. Python only chooses
which file to run.

    tables/  the contract's tables (CREATE TABLE and COMMENT ON)
    state/   what a warehouse keeps for its next refresh, in schema `build` (not for analysts)
    scope/   temporary relations saying what a refresh changes, read from the warehouse as it was
    chunk/   one group of the touched articles, for the loads that run once per group
    load/    per table, materialised view or state table: delete its rows in scope, insert anew
    views/   the engagement relations: views, or tables materialised by their load
    checks/  data checks run before publishing
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
KINDS = ("tables", "state", "scope", "chunk", "load", "views", "checks")


class SqlFileError(ValueError):
    """A file in sql/ that cannot be wired in as it stands; the message names it."""


def sql_names(kind: str) -> tuple[str, ...]:
    """The statements of one kind: the `.sql` files in sql/<kind>/, by name."""
    return tuple(sorted(path.stem for path in (SQL_DIR / kind).glob("*.sql")))


def sql_path(kind: str, name: str) -> Path:
    return SQL_DIR / kind / f"{name}.sql"


@cache
def sql_text(kind: str, name: str) -> str:
    return sql_path(kind, name).read_text(encoding="utf-8")


# Comments and string literals in one pass, so neither a quote in a comment nor "--" in a string
# confuses the other; blanked before looking for the relations a statement reads.
_COMMENT_OR_STRING = re.compile(r"--[^\n]*|'(?:[^']|'')*'")
# A schema qualifier (`build.manifest`) is dropped: relation names are unique across schemas.
_READS = re.compile(r"\b(?:(?<!DISTINCT )FROM|JOIN)\s+(?:\w+\.)?(\w+)", re.IGNORECASE)
_CTE = re.compile(
    r"(?:\bWITH(?:\s+RECURSIVE)?|,)\s*(\w+)\s+AS\s*(?:NOT\s+)?(?:MATERIALIZED\s+)?\(", re.IGNORECASE
)


def reads(kind: str, name: str) -> frozenset[str]:
    """The relations a statement reads (FROM and JOIN), its own CTEs left out (so a CTE must not
    take the name of a table or view the statement also reads)."""
    code = _COMMENT_OR_STRING.sub(" ", sql_text(kind, name))
    ctes = {m.group(1).lower() for m in _CTE.finditer(code)}
    return frozenset(m.group(1).lower() for m in _READS.finditer(code)) - ctes


def relation_dependencies(kind: str, name: str, candidates: tuple[str, ...]) -> list[str]:
    """Which of the candidate tables and views a definition reads, in the candidates' order."""
    found = reads(kind, name)
    return [c for c in candidates if c in found and c != name]


def dependency_order(kind: str) -> tuple[str, ...]:
    """The files of one kind in an order where each comes after the files whose relation (named
    like the file) it reads; alphabetical where the dependencies leave a choice."""
    names = sql_names(kind)
    waiting = {name: set(relation_dependencies(kind, name, names)) for name in names}
    order: list[str] = []
    while waiting:
        ready = sorted(name for name, deps in waiting.items() if not deps)
        if not ready:
            raise SqlFileError(
                f"sql/{kind}: these files read each other in a cycle: {sorted(waiting)}"
            )
        for name in ready:
            del waiting[name]
            for deps in waiting.values():
                deps.discard(name)
        order += ready
    return tuple(order)


@dataclass(frozen=True, slots=True)
class CheckFile:
    """A data check: a query counting violations, with what it guards in its header comment."""

    name: str
    asset: str  # the table or view the check belongs to
    severity: str  # ERROR blocks publishing; WARN publishes and reports
    description: str

    @property
    def sql(self) -> str:
        return sql_text("checks", self.name)


SEVERITIES = ("ERROR", "WARN")
_HEADER_LINE = re.compile(r"--\s*(\w+):\s*(.*?)\s*$")
CHECK_HEADER_KEYS = ("asset", "severity", "description")


def read_check(name: str) -> CheckFile:
    """A check file's header: leading `-- key: value` comment lines giving asset, severity and
    description (a description may continue on following `--` lines)."""
    header: dict[str, str] = {}
    key = None
    for line in sql_text("checks", name).splitlines():
        if not line.startswith("--"):
            break
        match = _HEADER_LINE.match(line)
        if match and match.group(1) in CHECK_HEADER_KEYS:
            key = match.group(1)
            header[key] = match.group(2)
        elif key == "description":
            header[key] += " " + line.lstrip("-").strip()
        else:
            key = None
    missing = [k for k in CHECK_HEADER_KEYS if not header.get(k)]
    if missing:
        raise SqlFileError(f"sql/checks/{name}.sql: header lacks {', '.join(missing)}")
    if header["severity"] not in SEVERITIES:
        raise SqlFileError(
            f"sql/checks/{name}.sql: severity {header['severity']!r} is not one of {SEVERITIES}"
        )
    if header["asset"] not in (*TABLES, *VIEWS):
        raise SqlFileError(f"sql/checks/{name}.sql: asset {header['asset']!r} is no table or view")
    return CheckFile(name, header["asset"], header["severity"], header["description"])


_CREATES_TABLE = re.compile(r"^\s*CREATE\s+TABLE\b", re.IGNORECASE | re.MULTILINE)


def is_materialised(view: str) -> bool:
    """An engagement relation whose file creates a table, filled by its load, instead of a view."""
    return bool(_CREATES_TABLE.search(_COMMENT_OR_STRING.sub(" ", sql_text("views", view))))


# Order of a build: tables, state and materialised views (created empty), then the scope (what
# changed, read before anything is replaced), the loads (dependencies first), then the views;
# checks run on the finished file.
TABLES = sql_names("tables")
STATE = sql_names("state")
SCOPE = dependency_order("scope")
# Run at the start of each group of the per-article loads: that group's touched articles and
# their newest captures, under the names the loads read.
CHUNK = dependency_order("chunk")
LOADS = dependency_order("load")
# The loads of the touched articles' rows run once per group of them (sql/scope/load_chunks), the
# loads by file before them and the loads that add up whole tables after them.
PER_ARTICLE_LOADS = tuple(name for name in LOADS if "touched_articles" in reads("load", name))


def _after_article_loads() -> tuple[str, ...]:
    """The other loads reading what a per-article load wrote, directly or through another."""
    later: list[str] = []
    for name in LOADS:  # dependency order: what a load reads comes before it
        if name not in PER_ARTICLE_LOADS and reads("load", name) & {*PER_ARTICLE_LOADS, *later}:
            later.append(name)
    return tuple(later)


AFTER_ARTICLE_LOADS = _after_article_loads()
BEFORE_ARTICLE_LOADS = tuple(
    name for name in LOADS if name not in (*PER_ARTICLE_LOADS, *AFTER_ARTICLE_LOADS)
)
VIEWS = dependency_order("views")
MATERIALISED = tuple(view for view in VIEWS if is_materialised(view))


def _view_loads() -> tuple[str, ...]:
    """The loads computing the engagement relations rather than loading rows: those of the
    materialised views, and of the state tables that only they read (build.commenter_days). A
    build times them as its "views" stage, apart from the "load" of the tables."""
    readers: dict[str, set[str]] = {}
    for name in LOADS:
        for relation in reads("load", name):
            readers.setdefault(relation, set()).add(name)

    def only_for_views(name: str) -> bool:
        others = readers.get(name, set()) - {name}
        return name in STATE and bool(others) and others <= set(MATERIALISED)

    return tuple(name for name in LOADS if name in MATERIALISED or only_for_views(name))


VIEW_LOADS = _view_loads()
CHECKS = tuple(read_check(name) for name in sql_names("checks"))


def upstream(view: str) -> list[str]:
    """The tables and engagement relations a view is computed from: what its view file reads, or
    for a materialised one what its load reads, through the state tables it adds up."""
    found: set[str] = set()
    pending = [("load", view) if view in MATERIALISED else ("views", view)]
    while pending:
        kind, name = pending.pop()
        for relation in reads(kind, name):
            if relation in STATE and relation != name:
                pending.append(("load", relation))
            found.add(relation)
    return [c for c in (*TABLES, *VIEWS) if c in found and c != view]


_COMMENT_ON_RELATION = re.compile(r"COMMENT ON (?:TABLE|VIEW) \w+ IS '((?:[^']|'')*)';")


def relation_description(kind: str, name: str) -> str:
    """The table's or view's own COMMENT ON, so the UI and the warehouse say the same thing."""
    match = _COMMENT_ON_RELATION.search(sql_text(kind, name))
    return match.group(1).replace("''", "'") if match else ""


_PARAMETER = re.compile(r"\$(\w+)")


def sql_literal(value: object) -> str:
    """A Python value as a DuckDB literal: None, bool, int, float, str, date, datetime, or a list
    of them (a list of strings, or an empty one, typed VARCHAR[])."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, float):
        return f"CAST('{value!r}' AS DOUBLE)"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, datetime):
        return f"TIMESTAMP '{value.isoformat(sep=' ')}'"
    if isinstance(value, date):
        return f"DATE '{value.isoformat()}'"
    if isinstance(value, list | tuple):
        items = f"[{', '.join(map(sql_literal, value))}]"
        return f"CAST({items} AS VARCHAR[])" if all(isinstance(v, str) for v in value) else items
    raise TypeError(f"no SQL literal for {type(value).__name__}")


def with_literals(sql: str, parameters: Mapping[str, object]) -> str:
    """`sql` with each `$name` replaced by its parameter written as a literal. DuckDB's binding
    of Python parameters imports pandas and pyarrow on first use, a third of a second of every
    refresh process; literals cost nothing. A `$name` without a parameter raises KeyError."""
    return _PARAMETER.sub(lambda match: sql_literal(parameters[match.group(1)]), sql)
