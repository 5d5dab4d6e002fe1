"""The project's SQL lives in sql/ as plain files; Python only chooses which file to run."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"

# Creation order: tables, then staged loads (temp objects first), then views (dependencies first).
TABLES: tuple[str, ...] = (
    "articles",
    "quotes",
    "comments",
    "article_captures",
    "ingest_files",
    "ingest_errors",
)
LOADS: tuple[str, ...] = (
    "current_staged_articles",
    "newest_captures",
    "articles",
    "quotes",
    "comments",
    "article_captures",
    "ingest_files",
    "ingest_errors",
)
VIEWS: tuple[str, ...] = (
    "article_engagement",
    "commenter_activity",
    "daily_engagement",
    "site_engagement",
    "quote_sources",
    "duplicate_comments",
    "quote_echoes",
    "pages",
    "data_dictionary",
)


@cache
def sql_text(kind: str, name: str) -> str:
    return (SQL_DIR / kind / f"{name}.sql").read_text(encoding="utf-8")


_COMMENT_ON_RELATION = re.compile(r"COMMENT ON (?:TABLE|VIEW) \w+ IS '((?:[^']|'')*)';")
_REFERENCED = re.compile(r"\b(?:FROM|JOIN)\s+(\w+)", re.IGNORECASE)


def relation_description(kind: str, name: str) -> str:
    """The table's or view's own COMMENT ON, so the UI and the warehouse say the same thing."""
    match = _COMMENT_ON_RELATION.search(sql_text(kind, name))
    return match.group(1).replace("''", "'") if match else ""


def relation_dependencies(kind: str, name: str, candidates: tuple[str, ...]) -> list[str]:
    """Which of the candidate tables and views a definition reads."""
    found = {m.group(1) for m in _REFERENCED.finditer(sql_text(kind, name))}
    return [c for c in candidates if c in found and c != name]
