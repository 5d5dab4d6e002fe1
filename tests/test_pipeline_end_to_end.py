"""The whole product on the seed: landing directory -> Dagster run -> published DuckDB file."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from assets.definitions import defs
from tests.conftest import build_warehouse, query


def test_definitions_load_and_graph_flows_from_dumps_to_views() -> None:
    dg.Definitions.validate_loadable(defs)
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert {
        "raw_dump_files",
        "parsed_records",
        "articles",
        "quotes",
        "comments",
        "article_engagement",
    } <= keys
    assert graph.get(dg.AssetKey("articles")).parent_keys == {dg.AssetKey("parsed_records")}
    assert dg.AssetKey("comments") in graph.get(dg.AssetKey("article_engagement")).parent_keys


def test_seed_builds_into_warehouse_with_engagement(seed_landing: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    result = build_warehouse(seed_landing, warehouse)
    assert result.success
    assert query(
        warehouse, "SELECT title, declared_comment_count, petition_signatures FROM articles"
    ) == [("Brave Victim of Chechnya’s Gay Purge Speaks Out", 57, 80000)]
    assert query(
        warehouse,
        "SELECT declared_comments, captured_comments, distinct_comments, duplicate_comments,"
        " unique_commenters, capture_ratio FROM article_engagement",
    ) == [(57, 10, 7, 3, 7, 10 / 57)]
    checks = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    assert checks and all(checks.values()), checks


def test_rejected_file_is_recorded_and_the_rest_lands(seed_landing: Path, tmp_path: Path) -> None:
    (seed_landing / "empty.txt").write_bytes(b"")
    (seed_landing / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    warehouse = tmp_path / "w" / "corpus.duckdb"
    assert build_warehouse(seed_landing, warehouse).success
    assert query(
        warehouse, "SELECT source_path, status, articles FROM ingest_files ORDER BY 1"
    ) == [
        ("000_27fd03fa2debc964.txt", "loaded", 1),
        ("empty.txt", "rejected", 0),
        ("photo.txt", "rejected", 0),
    ]
    assert query(warehouse, "SELECT source_path, error_kind FROM ingest_errors ORDER BY 1") == [
        ("empty.txt", "empty_file"),
        ("photo.txt", "not_text"),
    ]


def test_second_build_on_unchanged_input_gives_identical_tables(
    seed_landing: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    snapshots = []
    for _ in range(2):
        assert build_warehouse(seed_landing, warehouse).success
        snapshots.append(
            {
                table: query(warehouse, f"SELECT * FROM {table} ORDER BY ALL")
                for table in ("articles", "quotes", "comments", "article_engagement")
            }
        )
    assert snapshots[0] == snapshots[1]


def test_failing_blocking_check_is_reported_and_nothing_is_published(
    seed_landing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import warehouse.sql_files

    real_sql_text = warehouse.sql_files.sql_text

    def sql_with_duplicate_articles(kind: str, name: str) -> str:
        # Stands in for a loader bug that duplicated three article rows.
        if (kind, name) == ("checks", "articles_article_id_unique"):
            return "SELECT 3 AS violations"
        return real_sql_text(kind, name)

    monkeypatch.setattr(warehouse.sql_files, "sql_text", sql_with_duplicate_articles)
    warehouse = tmp_path / "w" / "corpus.duckdb"
    result = build_warehouse(seed_landing, warehouse)
    assert not result.success
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert not evaluations["articles_article_id_unique"].passed
    assert evaluations["articles_article_id_unique"].metadata["violations"].value == 3
    assert evaluations["comments_comment_id_unique"].passed
    assert not warehouse.exists()
    assert list(warehouse.parent.glob(".build-*")) == []
