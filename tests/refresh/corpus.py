"""Real-looking landing directories for the refresh tests: Care2-style text dumps built the way the
seed is laid out, JSON Lines captures of the same pages, and per-table checksums of a warehouse."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.sql_files import TABLES, VIEWS

# Columns that say when a build ran rather than what the input was.
RUN_TIME_COLUMNS = frozenset({"first_seen_at", "last_loaded_at", "seen_at"})


@dataclass(frozen=True, slots=True)
class Comment:
    label: str  # the name line ("Paulo Rossi")
    author: str  # the short display name glued to the time ("Paulo R")
    ago: str  # "24 days ago"
    body: str


def care2_text(title: str, paragraphs: list[str], declared: int, comments: list[Comment]) -> str:
    """A text dump laid out like the seed: title, body, furniture, count, then the comments."""
    lines = [title, ""]
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    lines += ["Take Action!", "", f"{declared} comments", ""]
    for c in comments:
        lines += [c.label, f"{c.author}{c.ago}", "", c.body, "", "SEND"]
    return "\n".join(lines) + "\n"


COMMENTERS = [
    Comment("Paulo Rossi", "Paulo R", "24 days ago", "Thank you for sharing this."),
    Comment(
        "Brandy Smith", "Brandy S", "about a month ago", "Ignorance and intolerance, what a combo."
    ),
    Comment("Laura Reyes", "Laura R", "2 days ago", "Signed and shared."),
    Comment("Mike Roberts", "Mike R", "5 hours ago", "Very brave, previously signed."),
]


def story(n: int, comments: int = 2, declared: int | None = None, extra: str = "") -> str:
    """Story number `n`, with the first `comments` commenters (and `extra` in the body)."""
    body = [
        f"Story {n} opens with a reporter's account of the river flooding the old town.",
        f"Residents of district {n} describe the water rising over one night.{extra}",
    ]
    shown = COMMENTERS[:comments]
    return care2_text(f"Flood Story Number {n}", body, declared or 10 + n, shown)


def write(path: Path, text: str, captured_at: str | None = None, url: str | None = None) -> Path:
    """A text dump with a sidecar giving its capture time (so results never depend on mtimes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if captured_at or url:
        meta = {k: v for k, v in (("captured_at", captured_at), ("url", url)) if v}
        Path(f"{path}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def bump_mtime(path: Path, seconds: int = 10) -> None:
    """Make a rewrite visible even on file systems with coarse timestamps."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + seconds * 1_000_000_000))


def columns_of(con: duckdb.DuckDBPyConnection, relation: str) -> list[str]:
    return [row[0] for row in con.execute(f'DESCRIBE "{relation}"').fetchall()]


def table_checksums(warehouse: Path, include_run_times: bool = True) -> dict[str, tuple[int, str]]:
    """(row count, md5 of every row rendered as text, sorted) per table and view."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        sums = {}
        for relation in (*TABLES, *VIEWS):
            cols = [
                c
                for c in columns_of(con, relation)
                if include_run_times or c not in RUN_TIME_COLUMNS
            ]
            row = ", ".join(f'"{c}"' for c in cols)
            count, digest = con.execute(
                f"SELECT count(*), md5(coalesce(string_agg(r, chr(10) ORDER BY r), '')) "
                f'FROM (SELECT CAST(ROW({row}) AS VARCHAR) AS r FROM "{relation}")'
            ).fetchone()  # type: ignore[misc]
            sums[relation] = (int(count), str(digest))
        return sums
    finally:
        con.close()
