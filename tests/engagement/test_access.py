# ruff: noqa: E501  (subprocess calls read best on one line)
"""Analysts' access is read-only, sealed off from files and extensions, and time-limited: proved
through the real `corpus` console script and the documented Python recipe."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO_ROOT, query
from warehouse.readonly import connect_readonly

CORPUS = str(Path(sys.executable).with_name("corpus"))
DUCKDB_CLI = str(Path(sys.executable).with_name("duckdb"))
# Bounds a hung child process so a broken time limit fails the test instead of stalling the suite.
CHILD_TIMEOUT = 120


def corpus_sql(warehouse: Path, sql: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CORPUS, "sql", sql, "--warehouse", str(warehouse), *extra],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=CHILD_TIMEOUT,
    )


def assert_refused(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 1, result.stdout
    assert message in result.stderr
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr + result.stdout


def test_query_works(sample_warehouse: Path) -> None:
    result = corpus_sql(
        sample_warehouse,
        "SELECT declared_comments, captured_comments FROM article_engagement WHERE title LIKE 'Brave Victim%'",
        "--format",
        "csv",
    )
    assert (result.returncode, result.stdout) == (0, "declared_comments,captured_comments\n57,10\n")


@pytest.mark.parametrize(
    "sql",
    [
        "CREATE TABLE notes AS SELECT 1 AS x",
        "DELETE FROM comments",
        "UPDATE articles SET title = 'changed'",
        "DROP VIEW article_engagement",
    ],
)
def test_writes_are_refused(sample_warehouse: Path, sql: str) -> None:
    snapshot = "SELECT count(*), min(title), (SELECT count(*) FROM comments) FROM articles"
    before = query(sample_warehouse, snapshot)
    assert_refused(corpus_sql(sample_warehouse, sql), "attached in read-only mode")
    assert query(sample_warehouse, snapshot) == before


def test_copy_to_a_file_is_refused(sample_warehouse: Path, tmp_path: Path) -> None:
    target = tmp_path / "leak.csv"
    result = corpus_sql(sample_warehouse, f"COPY comments TO '{target}' (HEADER)")
    assert_refused(result, "file system operations are disabled by configuration")
    assert not target.exists()


@pytest.mark.parametrize("reader", ["read_csv", "read_text", "read_blob"])
def test_reading_an_arbitrary_file_is_refused(
    sample_warehouse: Path, tmp_path: Path, reader: str
) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("name,token\nanalyst,s3cr3t\n", encoding="utf-8")
    result = corpus_sql(sample_warehouse, f"SELECT * FROM {reader}('{secret}')")
    assert_refused(result, "file system operations are disabled by configuration")
    assert "s3cr3t" not in result.stdout + result.stderr


def test_attaching_another_database_is_refused(sample_warehouse: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    assert_refused(
        corpus_sql(sample_warehouse, f"ATTACH '{other}' AS other"),
        "file system operations are disabled",
    )
    assert not other.exists()


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("INSTALL httpfs", "file system operations are disabled by configuration"),
        ("LOAD httpfs", "Loading external extensions is disabled"),
        ("SET enable_external_access = true", "the configuration has been locked"),
        ("SET autoinstall_known_extensions = true", "the configuration has been locked"),
    ],
)
def test_extensions_and_settings_are_locked(sample_warehouse: Path, sql: str, message: str) -> None:
    assert_refused(corpus_sql(sample_warehouse, sql), message)


def test_bad_query_prints_duckdb_message_without_traceback(sample_warehouse: Path) -> None:
    result = corpus_sql(sample_warehouse, "SELEC title FROM articles")
    assert_refused(result, 'Parser Error: syntax error at or near "SELEC"')
    result = corpus_sql(sample_warehouse, "SELECT no_such_column FROM articles")
    assert_refused(result, "Binder Error")


def test_missing_warehouse_is_a_clear_error(tmp_path: Path) -> None:
    assert_refused(corpus_sql(tmp_path / "nowhere.duckdb", "SELECT 1"), "run `corpus build` first")


def test_time_limit_stops_a_long_query(sample_warehouse: Path) -> None:
    # A hundred billion rows would run for many minutes; the one-second limit interrupts it.
    result = corpus_sql(
        sample_warehouse, "SELECT sum(hash(i)) FROM range(100000000000) AS t(i)", "--timeout", "1"
    )
    assert_refused(result, "query stopped after the 1 s time limit")


def test_python_recipe_is_sealed_too(sample_warehouse: Path, tmp_path: Path) -> None:
    [expected] = query(sample_warehouse, "SELECT count(*) FROM comments")
    con = connect_readonly(sample_warehouse)
    try:
        assert con.execute("SELECT count(*) FROM comments").fetchone() == expected
        with pytest.raises(duckdb.InvalidInputException, match="read-only"):
            con.execute("INSERT INTO ingest_errors VALUES ('x', NULL, 'k', 'm', now())")
        with pytest.raises(duckdb.PermissionException):
            con.execute(f"COPY articles TO '{tmp_path / 'a.parquet'}'")
        with pytest.raises(duckdb.InvalidInputException, match="locked"):
            con.execute("SET enable_external_access = true")
    finally:
        con.close()


def test_duckdb_cli_recipe_refuses_file_access(sample_warehouse: Path, tmp_path: Path) -> None:
    """The analyst guide's duckdb CLI line: read-only, file access off, settings locked."""
    target = tmp_path / "out.csv"
    settings = (
        "SET enable_external_access = false; SET autoinstall_known_extensions = false;"
        " SET autoload_known_extensions = false; SET lock_configuration = true;"
    )
    base = [DUCKDB_CLI, "-readonly", "-cmd", settings, str(sample_warehouse), "-c"]
    [(articles,)] = query(sample_warehouse, "SELECT count(*) FROM articles")
    ok = subprocess.run(
        [*base, ".mode csv", "-c", "SELECT count(*) AS n FROM articles"],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
    )
    assert (ok.returncode, ok.stdout.split()) == (0, ["n", str(articles)])
    refused = subprocess.run(
        [*base, f"COPY articles TO '{target}'"],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
    )
    assert refused.returncode != 0 and "disabled by configuration" in refused.stderr
    assert not target.exists()
