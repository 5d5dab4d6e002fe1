"""The project's SQL lives in sql/ as plain files; Python only chooses which file to run."""

from __future__ import annotations

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
VIEWS: tuple[str, ...] = ("article_engagement",)


@cache
def sql_text(kind: str, name: str) -> str:
    return (SQL_DIR / kind / f"{name}.sql").read_text(encoding="utf-8")
