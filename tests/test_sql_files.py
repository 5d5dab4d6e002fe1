"""sql/ is the declaration: every file there is wired in, in an order derived from what it reads,
and a file that cannot be wired in fails loudly instead of being left out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import warehouse.sql_files as sql_files
from assets.definitions import defs
from warehouse.sql_files import (
    AFTER_ARTICLE_LOADS,
    BEFORE_ARTICLE_LOADS,
    CHECKS,
    CHUNK,
    KINDS,
    LOADS,
    MATERIALISED,
    PER_ARTICLE_LOADS,
    SCOPE,
    SQL_DIR,
    STATE,
    TABLES,
    VIEW_LOADS,
    VIEWS,
    SqlFileError,
    dependency_order,
    read_check,
    reads,
    sql_names,
    sql_text,
    upstream,
)

INGEST_AND_REPORT = {"raw_dump_files", "parsed_records", "engagement_report"}


def files_in(kind: str) -> set[str]:
    return {path.stem for path in (SQL_DIR / kind).iterdir()}


def test_every_sql_file_is_a_table_load_view_or_check() -> None:
    stray = [
        path.relative_to(SQL_DIR).as_posix()
        for path in SQL_DIR.rglob("*")
        if path.is_file() and (path.parent.parent != SQL_DIR or path.parent.name not in KINDS)
    ]
    assert stray == []
    assert all(p.suffix == ".sql" for kind in KINDS for p in (SQL_DIR / kind).iterdir())


def test_every_table_view_and_check_file_is_in_the_dagster_graph() -> None:
    graph = defs.resolve_asset_graph()
    assets = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert assets == files_in("tables") | files_in("views") | INGEST_AND_REPORT
    checks = {key.name for key in graph.asset_check_keys}
    assert checks == files_in("checks")
    report = graph.get(dg.AssetKey("engagement_report"))
    assert report.parent_keys == {dg.AssetKey(view) for view in files_in("views")}


def test_every_table_state_and_materialised_view_has_its_load_and_no_other_load_exists() -> None:
    assert set(LOADS) == {*TABLES, *STATE, *MATERIALISED}
    # Each load replaces the rows of its own relation only: the scope says which.
    writes = re.compile(r"\b(?:INSERT\s+INTO|DELETE\s+FROM)\s+(?:\w+\.)?(\w+)", re.IGNORECASE)
    for name in LOADS:
        assert set(writes.findall(sql_text("load", name))) == {name}, name
    # Every scope relation is read by a later statement, but those listing the staged batches the
    # statements after them read (the build points the staged_* relations at them).
    read_later = set().union(
        *(reads("load", n) for n in LOADS),
        *(reads("scope", n) for n in SCOPE),
        *(reads("chunk", n) for n in sql_names("chunk")),
    )
    batch_lists = {n for n in SCOPE if n.endswith("_batches")}
    assert batch_lists == {"changed_batches", "load_batches"}
    assert set(SCOPE) - batch_lists <= read_later


def test_the_loads_by_article_run_in_groups_between_the_loads_by_file_and_the_sums() -> None:
    # The loads whose rows are those of the touched articles run once per group of them; the
    # sums over whole tables after every group; the rest (by file, or the code) before.
    assert CHUNK == ("touched_articles", "chunk_captures")
    assert set(PER_ARTICLE_LOADS) == {
        "articles",
        "comments",
        "quotes",
        "article_engagement",
        "commenter_days",
        "duplicate_comments",
        "quote_echoes",
    }
    assert set(AFTER_ARTICLE_LOADS) == {"quote_sources", "commenter_activity", "daily_engagement"}
    assert sorted((*BEFORE_ARTICLE_LOADS, *PER_ARTICLE_LOADS, *AFTER_ARTICLE_LOADS)) == sorted(
        LOADS
    )
    for group in (BEFORE_ARTICLE_LOADS, PER_ARTICLE_LOADS, AFTER_ARTICLE_LOADS):
        assert list(group) == [name for name in LOADS if name in group]  # dependency order kept


def test_the_views_stage_times_the_materialised_views_and_the_state_only_they_read() -> None:
    # What a build times as "views" rather than "load": the loads that compute an engagement
    # relation, not the tables' rows nor the build's record of its inputs (manifest, read errors,
    # built_with), which the next refresh's scope reads.
    assert set(VIEW_LOADS) == {
        "article_engagement",
        "commenter_activity",
        "commenter_days",
        "daily_engagement",
        "duplicate_comments",
        "quote_echoes",
        "quote_sources",
    }
    assert set(MATERIALISED) < set(VIEW_LOADS)
    assert not set(VIEW_LOADS) & set(TABLES)


def test_materialised_views_are_tables_filled_by_their_load() -> None:
    assert set(MATERIALISED) == {
        "article_engagement",
        "commenter_activity",
        "daily_engagement",
        "duplicate_comments",
        "quote_echoes",
        "quote_sources",
    }
    for name in MATERIALISED:
        assert sql_text("views", name).count(f"CREATE TABLE {name} (") == 1, name


def test_views_are_created_after_what_they_read() -> None:
    for kind, order in (("scope", SCOPE), ("load", LOADS), ("views", VIEWS)):
        for position, name in enumerate(order):
            assert not (reads(kind, name) - {name}) & set(order[position:]), (kind, name)
    # quote_echoes is computed from quotes and comments, never from a view; the order is not a
    # hand-kept list. commenter_activity adds up what its state table counted from comments.
    assert reads("load", "quote_echoes") - {"quote_echoes"} == {
        "quotes",
        "comments",
        "touched_articles",
    }
    assert upstream("quote_echoes") == ["comments", "quotes"]
    assert upstream("commenter_activity") == ["articles", "comments"]
    assert upstream("site_engagement") == ["article_engagement", "commenter_activity"]


def test_every_check_names_its_asset_and_severity_and_counts_violations(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "empty.duckdb"))
    for table in TABLES:
        con.execute(sql_text("tables", table))
    for view in VIEWS:
        con.execute(sql_text("views", view))
    for check in CHECKS:
        assert check.asset in (*TABLES, *VIEWS) and check.severity in ("ERROR", "WARN")
        assert len(check.description) > 10, check
        cursor = con.execute(check.sql)
        assert [d[0] for d in cursor.description or []] == ["violations"], check.name
        assert cursor.fetchall() == [(0,)], check.name
    con.close()
    severities = {check.name: check.severity for check in CHECKS}
    assert severities["articles_article_id_unique"] == "ERROR"
    assert severities["ingest_files_accounted_for"] == "WARN"


@pytest.fixture
def sql_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An sql/ folder of the test's own, in place of the project's."""
    for kind in KINDS:
        (tmp_path / kind).mkdir()
    monkeypatch.setattr(sql_files, "SQL_DIR", tmp_path)
    sql_text.cache_clear()
    yield tmp_path
    sql_text.cache_clear()


def write(sql_dir: Path, kind: str, name: str, text: str) -> None:
    (sql_dir / kind / f"{name}.sql").write_text(text, encoding="utf-8")


def test_a_new_view_is_picked_up_and_ordered_by_what_it_reads(sql_dir: Path) -> None:
    write(sql_dir, "views", "z_base", "CREATE VIEW z_base AS SELECT * FROM articles;")
    write(
        sql_dir,
        "views",
        "m_middle",
        "CREATE VIEW m_middle AS\n-- reads from a_top? no: comments do not count\n"
        "WITH a_top AS (SELECT 1) SELECT * FROM z_base JOIN a_top ON true;",
    )
    write(sql_dir, "views", "a_top", "CREATE VIEW a_top AS SELECT 'from a' FROM m_middle;")
    assert dependency_order("views") == ("z_base", "m_middle", "a_top")


def test_views_that_read_each_other_fail_loudly(sql_dir: Path) -> None:
    write(sql_dir, "views", "one", "CREATE VIEW one AS SELECT * FROM two;")
    write(sql_dir, "views", "two", "CREATE VIEW two AS SELECT * FROM one;")
    with pytest.raises(SqlFileError, match="cycle"):
        dependency_order("views")


def test_a_check_without_its_header_fails_loudly(sql_dir: Path) -> None:
    write(sql_dir, "checks", "no_header", "SELECT 0 AS violations;")
    with pytest.raises(SqlFileError, match="lacks asset, severity, description"):
        read_check("no_header")
    write(
        sql_dir,
        "checks",
        "odd_severity",
        "-- asset: articles\n-- severity: FATAL\n-- description: something\nSELECT 0 AS v;",
    )
    with pytest.raises(SqlFileError, match="severity 'FATAL'"):
        read_check("odd_severity")
    write(
        sql_dir,
        "checks",
        "two_lines",
        "-- asset: articles\n-- severity: WARN\n-- description: a description\n--   on two lines\n"
        "\n-- an ordinary comment, after the blank line that ends the header\nSELECT 0 AS v;",
    )
    assert read_check("two_lines").description == "a description on two lines"


def test_parameters_written_as_literals_read_as_duckdb_binds_them() -> None:
    """Each value the report and the build pass reads back with the value and type DuckDB's own
    binding gives it (an empty list, which binding cannot type, reads as VARCHAR[])."""
    from datetime import date, datetime

    import duckdb

    from warehouse.sql_files import with_literals

    con = duckdb.connect()
    values: list[object] = [
        0,
        -12,
        2**40,
        1.5,
        True,
        None,
        "it's a $dollar -- not a comment",
        "",
        date(2024, 2, 29),
        datetime(2024, 3, 1, 10, 0, 5, 120),
        ["Care2", "O'Brien's site"],
        [0, 1, 5, 5000],
    ]
    for value in values:
        query = "SELECT $v AS v, typeof($v) AS t, $v = $v AS same"
        literal = con.execute(with_literals(query, {"v": value})).fetchall()
        assert literal == con.execute(query, {"v": value}).fetchall(), value
    assert con.execute(with_literals("SELECT typeof($v)", {"v": []})).fetchall() == [("VARCHAR[]",)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.characters(codec="utf-8", exclude_characters="\x00")), max_size=4))
def test_any_text_written_as_a_literal_reads_back_as_itself(texts: list[str]) -> None:
    """Site names reach the report's SQL as literals and come from the input, so no text can
    end its literal early: every string and list of strings reads back unchanged."""
    from warehouse.sql_files import sql_literal

    con = duckdb.connect()
    try:
        for value in [*texts, texts]:
            assert con.execute(f"SELECT {sql_literal(value)}").fetchall() == [(value,)]
    finally:
        con.close()
