"""The view SQL on its own: a DuckDB file made from sql/tables and sql/views, filled with rows
written here, to pin down the edge cases the text dumps cannot produce (unknown site, no posted
window, an empty body, a comment echoing two quotes, curly apostrophes, midnight midpoints)."""

# ruff: noqa: E501  (rows read best on one line)
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from warehouse.build import materialise_views
from warehouse.sql_files import TABLES, VIEWS, sql_text

ARTICLES = [
    # article_id, url, site, title, byline, published_at, captured_at, captured_at_source, body_text,
    # paragraph_count, word_count, photo_credit, declared_comment_count, petition_signatures,
    # source_path, source_format, source_sha256
    (
        "a1",
        None,
        None,
        "No site",
        None,
        None,
        datetime(2020, 1, 5),
        "file_mtime",
        "",
        0,
        0,
        None,
        None,
        None,
        "a1.txt",
        "txt",
        "h1",
    ),
    (
        "a2",
        "https://s.example/2",
        "s.example",
        "Two",
        None,
        datetime(2020, 1, 1, 23, 30),
        datetime(2020, 1, 5),
        "sidecar",
        "We don’t take them far from us.",
        1,
        7,
        None,
        2,
        None,
        "a2.txt",
        "txt",
        "h2",
    ),
]
COMMENTS = [
    # comment_id, article_id, position, author, author_label, posted_text, posted_at_earliest,
    # posted_at_latest, body, is_duplicate, duplicate_of, parent_comment_id
    (
        "c1",
        "a1",
        1,
        "Zed",
        None,
        None,
        None,
        None,
        "Don't take them far from us, they said!",
        False,
        None,
        None,
    ),
    (
        "c2",
        "a2",
        1,
        "Zed",
        None,
        "x",
        datetime(2020, 1, 1, 23),
        datetime(2020, 1, 2, 1),
        "same body",
        False,
        None,
        None,
    ),
    (
        "c3",
        "a2",
        2,
        "Amy",
        None,
        "x",
        datetime(2020, 1, 1, 23),
        datetime(2020, 1, 2, 1),
        "Same body",
        False,
        None,
        None,
    ),
    (
        "c4",
        "a2",
        3,
        "Amy",
        None,
        "x",
        datetime(2020, 1, 1, 23),
        datetime(2020, 1, 2, 1),
        "SAME  body",
        True,
        "c3",
        None,
    ),
]
QUOTES = [
    # quote_id, article_id, position, text, speaker, speaker_mention, verb, outlet, kind
    ("q1", "a1", 1, "We don’t take them far from us", "X", "X", "said", None, "direct"),
    ("q2", "a1", 2, "far from us", None, None, None, None, "scare"),
    ("q3", "a2", 1, "Take them far from us", "X", None, None, "Wire", "block"),
]


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(tmp_path / "views.duckdb"))
    for name in TABLES:
        connection.execute(sql_text("tables", name))
    # page_kind and petition_target follow the contract's 17 columns
    articles = [(*row, "article", None) for row in ARTICLES]
    connection.executemany(f"INSERT INTO articles VALUES ({', '.join('?' * 19)})", articles)
    # word_count follows: "Don't take them far from us, they said!" is 8 words, the others 2
    comments = [(*row, words) for row, words in zip(COMMENTS, (8, 2, 2, 2), strict=True)]
    connection.executemany(f"INSERT INTO comments VALUES ({', '.join('?' * 13)})", comments)
    connection.executemany(f"INSERT INTO quotes VALUES ({', '.join('?' * 9)})", QUOTES)
    materialise_views(
        connection
    )  # the materialised views computed from these rows, as a build does
    yield connection
    connection.close()


def test_empty_warehouse_gives_empty_views(tmp_path: Path) -> None:
    connection = duckdb.connect(str(tmp_path / "empty.duckdb"))
    for name in TABLES:
        connection.execute(sql_text("tables", name))
    materialise_views(connection)
    counts = {name: connection.execute(f"SELECT count(*) FROM {name}").fetchone() for name in VIEWS}
    # The dictionary documents the (empty) relations; every other view is empty.
    assert counts.pop("data_dictionary")[0] > len(VIEWS) + len(TABLES)  # type: ignore[index]
    assert counts == {name: (0,) for name in VIEWS if name != "data_dictionary"}
    connection.close()


# Integers an analyst's client should read as plain 64-bit integers (not int128, not Decimal),
# fractions as DOUBLE; what else a view may hold.
INTEGER_TYPE = "BIGINT"
OTHER_TYPES = {"VARCHAR", "DOUBLE", "TIMESTAMP", "DATE", "BOOLEAN", "VARCHAR[]"}
RATIOS = {
    ("article_engagement", "capture_ratio"),
    ("article_engagement", "comments_per_1k_words"),
    ("commenter_activity", "avg_words_per_comment"),
    ("commenter_activity", "share_of_site_comments"),
    ("site_engagement", "median_comments_per_article"),
    ("site_engagement", "duplicate_rate"),
    ("site_engagement", "capture_ratio"),
}
COUNTS = {
    ("article_engagement", "declared_comments"),
    ("article_engagement", "captured_comments"),
    ("article_engagement", "word_count"),
    ("commenter_activity", "comments"),
    ("daily_engagement", "comments_posted"),
    ("duplicate_comments", "copies"),
    ("duplicate_comments", "first_position"),
    ("quote_sources", "quotes"),
    ("site_engagement", "articles"),
    ("site_engagement", "captured_comments"),
    ("site_engagement", "distinct_comments"),
    ("site_engagement", "quotes"),
}


def test_every_view_column_has_an_analyst_friendly_type(con: duckdb.DuckDBPyConnection) -> None:
    types = {
        (table, column): data_type
        for table, column, data_type in con.execute(
            "SELECT table_name, column_name, data_type FROM duckdb_columns()"
            " WHERE schema_name = 'main' AND list_contains(?, table_name)",
            [list(VIEWS)],
        ).fetchall()
    }
    assert {view for view, _ in types} == set(VIEWS)
    odd = {k: t for k, t in types.items() if t != INTEGER_TYPE and t not in OTHER_TYPES}
    assert odd == {}, "counts and sums are BIGINT (cast sum() results: DuckDB gives HUGEINT)"
    assert {k: types[k] for k in RATIOS} == dict.fromkeys(RATIOS, "DOUBLE")
    assert {k: types[k] for k in COUNTS} == dict.fromkeys(COUNTS, INTEGER_TYPE)


def test_sums_reach_polars_as_int64(con: duckdb.DuckDBPyConnection) -> None:
    import polars as pl

    frame = con.sql("SELECT * FROM site_engagement").pl()
    assert frame.schema["captured_comments"] == pl.Int64
    assert frame.schema["distinct_comments"] == pl.Int64
    assert frame.schema["duplicate_rate"] == pl.Float64


def test_article_engagement_edges(con: duckdb.DuckDBPyConnection) -> None:
    assert con.execute(
        "SELECT article_id, site, declared_comments, captured_comments, distinct_comments, duplicate_comments,"
        " unique_commenters, capture_ratio, quotes, quoted_speakers, comments_per_1k_words, first_comment_at,"
        " last_comment_at FROM article_engagement ORDER BY article_id"
    ).fetchall() == [
        # No declared count and an empty body: no ratio, no rate; no posted window: no times.
        ("a1", None, None, 1, 1, 0, 1, None, 2, 1, None, None, None),
        # More comments captured than declared (a stale count) reads above 1.
        (
            "a2",
            "s.example",
            2,
            3,
            2,
            1,
            2,
            1.5,
            1,
            1,
            2 * 1000 / 7,
            datetime(2020, 1, 2),
            datetime(2020, 1, 2),
        ),
    ]


def test_commenter_activity_edges(con: duckdb.DuckDBPyConnection) -> None:
    assert con.execute(
        "SELECT * FROM commenter_activity ORDER BY site NULLS FIRST, author"
    ).fetchall() == [
        (None, "Zed", 1, 1, 0, 1, None, None, 8.0, 1.0),
        # avg words counts the distinct comment only; share is of the site's 2 distinct comments.
        ("s.example", "Amy", 2, 1, 1, 1, datetime(2020, 1, 2), datetime(2020, 1, 2), 2.0, 0.5),
        ("s.example", "Zed", 1, 1, 0, 1, datetime(2020, 1, 2), datetime(2020, 1, 2), 2.0, 0.5),
    ]


def test_daily_engagement_edges(con: duckdb.DuckDBPyConnection) -> None:
    # The window 23:00..01:00 has its midpoint at midnight, which belongs to the new day; a1 has no
    # publication time and its comment no window, so neither is counted.
    assert con.execute("SELECT * FROM daily_engagement ORDER BY site, day").fetchall() == [
        ("s.example", date(2020, 1, 1), 1, 0, 0),
        ("s.example", date(2020, 1, 2), 0, 2, 2),
    ]


def test_site_engagement_edges(con: duckdb.DuckDBPyConnection) -> None:
    assert con.execute("SELECT * FROM site_engagement ORDER BY site NULLS FIRST").fetchall() == [
        (None, 1, 1, 1, 1, 1.0, 0.0, None, 2),
        ("s.example", 1, 3, 2, 2, 2.0, 1 / 3, 1.5, 1),
    ]


def test_quote_sources_edges(con: duckdb.DuckDBPyConnection) -> None:
    assert con.execute("SELECT * FROM quote_sources ORDER BY site NULLS FIRST").fetchall() == [
        (None, "X", None, 1, 1, 1, 0),
        ("s.example", "X", "Wire", 1, 1, 0, 1),
    ]


def test_duplicate_comments_edges(con: duckdb.DuckDBPyConnection) -> None:
    # Zed's "same body" and Amy's "Same body" are different authors: not duplicates of each other.
    assert con.execute("SELECT * FROM duplicate_comments").fetchall() == [
        ("a2", "Amy", "Same body", 2, 2, ["c3", "c4"])
    ]


def test_quote_echoes_edges(con: duckdb.DuckDBPyConnection) -> None:
    # Curly and straight apostrophes match; one comment echoes two quotes; the quote on a2 with the
    # same words is not echoed by a1's comment (only quotes of the comment's own article count).
    assert con.execute("SELECT * FROM quote_echoes ORDER BY quote_id").fetchall() == [
        ("a1", "q1", "c1", "X", "don't take them far from us"),
        ("a1", "q2", "c1", None, "far from us"),
    ]
