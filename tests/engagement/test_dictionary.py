"""The data dictionary is the warehouse's own catalogue written out; the committed copy must match."""
# ruff: noqa: E501  (SQL and expected lines read best on one line)

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb

from tests.conftest import REPO_ROOT, query
from warehouse.dictionary import DEFAULT_OUTPUT, describe, render_warehouse
from warehouse.readonly import connect_readonly
from warehouse.sql_files import MATERIALISED, SQL_DIR, STATE, TABLES, VIEWS

PLAIN_VIEWS = tuple(v for v in VIEWS if v not in MATERIALISED)

CORPUS = str(Path(sys.executable).with_name("corpus"))
DUCKDB_CLI = str(Path(sys.executable).with_name("duckdb"))
POSTED_AT_EARLIEST = "Earliest posting time (UTC) the relative wording allows, counted back from captured_at by jQuery timeago's rounding rule; equal to posted_at_latest when the page gives an absolute time."
# The first three columns of sql/tables/comments.sql and their COMMENT ON text, as written there.
COMMENTS_HEAD = [
    (
        "comments",
        "table",
        0,
        None,
        None,
        None,
        "One row per reader comment shown in the newest capture of an article.",
    ),
    (
        "comments",
        "table",
        1,
        "comment_id",
        "VARCHAR",
        False,
        "Stable id: a hash of article id, author, body and which copy of a double post it is (not the position, so re-captures keep ids).",
    ),
    (
        "comments",
        "table",
        2,
        "article_id",
        "VARCHAR",
        False,
        "The article commented on (articles.article_id).",
    ),
    ("comments", "table", 3, "position", "INTEGER", False, "1-based position in display order."),
]


def test_warehouse_holds_exactly_the_documented_relations(sample_warehouse: Path) -> None:
    tables = query(
        sample_warehouse,
        "SELECT table_name, comment FROM duckdb_tables() WHERE NOT internal AND schema_name = 'main'",
    )
    views = query(
        sample_warehouse, "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal"
    )
    # The heavy engagement relations are materialised as tables at build time.
    assert sorted(name for name, _ in tables) == sorted((*TABLES, *MATERIALISED))
    assert sorted(name for name, _ in views) == sorted(PLAIN_VIEWS)
    assert all(comment for _, comment in tables + views)
    assert (
        query(
            sample_warehouse,
            "SELECT table_name, column_name FROM duckdb_columns()"
            " WHERE NOT internal AND schema_name = 'main' AND coalesce(comment, '') = ''",
        )
        == []
    )
    # Beside them only what the next refresh reads, in schema build, each saying what it is.
    state = query(
        sample_warehouse,
        "SELECT schema_name, table_name, comment <> '' FROM duckdb_tables()"
        " WHERE NOT internal AND schema_name <> 'main' ORDER BY ALL",
    )
    assert state == [("build", name, True) for name in sorted(STATE)]


def test_committed_dictionary_matches_the_warehouse(sample_warehouse: Path) -> None:
    generated = render_warehouse(sample_warehouse)
    committed = DEFAULT_OUTPUT.read_text(encoding="utf-8")
    assert committed == generated, "docs/data-dictionary.md is stale: run `corpus dictionary`"
    # Every column of every view is there with its comment, e.g. the posted-window rule.
    assert (
        "| `comments_posted` | `BIGINT` | yes | Distinct comments (duplicates excluded) placed on the day"
        in generated
    )


def test_dictionary_command_writes_and_checks(sample_warehouse: Path, tmp_path: Path) -> None:
    output = tmp_path / "dictionary.md"
    args = [CORPUS, "dictionary", "--warehouse", str(sample_warehouse), "--output", str(output)]
    stale = subprocess.run([*args, "--check"], capture_output=True, text=True, cwd=REPO_ROOT)
    assert stale.returncode == 1 and "out of date" in stale.stderr and not output.exists()
    assert subprocess.run(args, capture_output=True, text=True, cwd=REPO_ROOT).returncode == 0
    assert output.read_text(encoding="utf-8") == DEFAULT_OUTPUT.read_text(encoding="utf-8")
    fresh = subprocess.run([*args, "--check"], capture_output=True, text=True, cwd=REPO_ROOT)
    assert fresh.returncode == 0, fresh.stderr


def test_data_dictionary_view_documents_every_column(sample_warehouse: Path) -> None:
    rows = query(sample_warehouse, "SELECT * FROM data_dictionary WHERE relation = 'comments'")
    assert rows[:4] == COMMENTS_HEAD
    assert [r[3] for r in rows[1:]] == [
        "comment_id",
        "article_id",
        "position",
        "author",
        "author_label",
        "posted_text",
        "posted_at_earliest",
        "posted_at_latest",
        "body",
        "is_duplicate",
        "duplicate_of",
        "parent_comment_id",
        "word_count",
    ]
    # Every relation of sql/ has its own row and a row per column, each with a meaning.
    listed = query(
        sample_warehouse,
        "SELECT relation, kind, count(*) FILTER (WHERE position > 0), bool_and(meaning <> '')"
        " FROM data_dictionary GROUP BY ALL ORDER BY relation",
    )
    expected = sorted(
        (name, kind, len(query(sample_warehouse, f'DESCRIBE "{name}"')), True)
        for kind, names in (("table", (*TABLES, *MATERIALISED)), ("view", PLAIN_VIEWS))
        for name in names
    )
    assert listed == expected
    # A view's columns carry no constraints; a table's do.
    assert query(
        sample_warehouse,
        "SELECT DISTINCT kind, nullable FROM data_dictionary WHERE position > 0 ORDER BY ALL",
    ) == [("table", False), ("table", True), ("view", None)]


def test_data_dictionary_lists_only_the_warehouse_when_attached(sample_warehouse: Path) -> None:
    con = duckdb.connect()
    try:
        con.execute("CREATE TABLE scratch (x INTEGER)")
        con.execute(f"ATTACH '{sample_warehouse}' AS w (READ_ONLY)")
        relations = {
            r for (r,) in con.execute("SELECT DISTINCT relation FROM w.data_dictionary").fetchall()
        }
    finally:
        con.close()
    assert relations == {*TABLES, *VIEWS}


def test_data_dictionary_in_the_duckdb_cli(sample_warehouse: Path) -> None:
    result = subprocess.run(
        [
            DUCKDB_CLI,
            "-readonly",
            str(sample_warehouse),
            "-c",
            ".mode line",
            "-c",
            "SELECT column_name, data_type, meaning FROM data_dictionary WHERE relation = 'comments' AND position = 7",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "column_name",
        "=",
        "posted_at_earliest",
        "data_type",
        "=",
        "TIMESTAMP",
        "meaning",
        "=",
        *POSTED_AT_EARLIEST.split(),
    ]


def test_every_sql_relation_has_a_dictionary_entry() -> None:
    """A new table or view file that is not wired into TABLES or VIEWS fails here, not silently."""
    files = {p.stem for kind in ("tables", "views") for p in (SQL_DIR / kind).glob("*.sql")}
    assert files == {*TABLES, *VIEWS}


def test_describe_wraps_a_relation_for_the_terminal(sample_warehouse: Path) -> None:
    con = connect_readonly(sample_warehouse)
    try:
        text = describe(con, "duplicate_comments", width=80)
        try:
            describe(con, "no_such_view")
        except KeyError as exc:
            missing = str(exc)
    finally:
        con.close()
    lines = text.splitlines()
    assert lines[0] == "duplicate_comments (table)"  # materialised at build time
    assert max(len(line) for line in lines) <= 80
    header = lines.index("  column          type       meaning")
    assert " ".join(lines[2:header]).split()[:4] == ["One", "row", "per", "group"]
    assert lines[header + 1].split()[:3] == ["article_id", "VARCHAR", "The"]
    assert (
        " ".join(text.split()).count(
            "comment_id of every copy in display order; the first is the original."
        )
        == 1
    )
    assert "no table or view named 'no_such_view'" in missing and "article_engagement" in missing
