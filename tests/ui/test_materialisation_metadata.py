"""What a real refresh records for the UI: row counts, column schemas, escaped previews, ingest
file counts and error kinds; and the freshness the daemon derives from the materialisations."""

from __future__ import annotations

import asyncio
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import dagster as dg
import pytest
from dagster._core.definitions.freshness import FreshnessState
from dagster._core.definitions.freshness_evaluator import TimeWindowFreshnessPolicyEvaluator
from dagster._core.loader import LoadingContextForTest
from dagster._core.test_utils import freeze_time

from assets.definitions import defs
from assets.defs.resources import CorpusStorage
from tests.conftest import SEED, query
from tests.ui.markdown import TABLE_TAGS, render
from warehouse.sql_files import TABLES, VIEWS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MARKUP = FIXTURES / "markup_in_comments.txt"
MARKUP_COMMENTS = [
    "<script>alert(1)</script> **not bold** | [x](javascript:1) https://example.org",
    "<img src=x onerror=alert(1)> user@example.org _it_ ~~gone~~ &amp; it's",
    "Thank you for sharing, it's good news.",
]


def refresh(
    raw: Path, warehouse: Path, instance: dg.DagsterInstance | None = None
) -> dg.ExecuteInProcessResult:
    storage = CorpusStorage(raw_dir=str(raw), warehouse=str(warehouse), workers=1)
    result = defs.resolve_job_def("refresh_warehouse").execute_in_process(
        resources={"storage": storage}, instance=instance
    )
    assert result.success
    return result


def metadata_by_asset(result: dg.ExecuteInProcessResult) -> dict[str, dict[str, Any]]:
    return {
        event.asset_key.to_user_string(): {
            k: v.value for k, v in event.materialization.metadata.items()
        }
        for event in result.get_asset_materialization_events()
    }


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    """The seed, the markup fixture, an empty file and a picture saved as .txt."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    shutil.copy(MARKUP, raw / MARKUP.name)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return raw


def test_ingest_records_files_seen_loaded_partial_rejected_and_error_kinds(
    landing: Path, tmp_path: Path
) -> None:
    metadata = metadata_by_asset(refresh(landing, tmp_path / "w" / "corpus.duckdb"))
    assert {
        k: metadata["raw_dump_files"][k]
        for k in ("dagster/row_count", "files_seen", "new_or_changed")
    } == {
        "dagster/row_count": 4,
        "files_seen": 4,
        "new_or_changed": 4,
    }
    parsed = metadata["parsed_records"]
    assert {k: v for k, v in parsed.items() if k.startswith("files_")} == {
        "files_seen": 4,
        "files_parsed": 4,
        "files_unchanged": 0,
        "files_loaded": 2,
        "files_partial": 0,
        "files_rejected": 2,
        "files_skipped": 0,
    }
    tags, rows = render(parsed["top_error_kinds"])
    assert tags == TABLE_TAGS
    assert sorted(rows[1:]) == [["empty_file", "1"], ["not_text", "1"]]


def test_warehouse_assets_record_row_count_and_the_tables_own_column_comments(
    landing: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    metadata = metadata_by_asset(refresh(landing, warehouse))
    for name in (*TABLES, *VIEWS):
        assert (
            metadata[name]["dagster/row_count"]
            == query(warehouse, f"SELECT count(*) FROM {name}")[0][0]
        ), name
        schema = metadata[name]["dagster/column_schema"]
        assert [(c.name, c.type, c.description) for c in schema.columns] == query(
            warehouse,
            "SELECT column_name, data_type, comment FROM duckdb_columns() WHERE table_name = ? "
            "ORDER BY column_index",
            [name],
        ), name
    assert metadata["articles"]["dagster/row_count"] == 2
    assert metadata["comments"]["dagster/row_count"] == 13
    assert all(c.description for c in metadata["articles"]["dagster/column_schema"].columns)


def test_preview_of_comments_shows_markup_as_typed(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(MARKUP, raw / MARKUP.name)
    metadata = metadata_by_asset(refresh(raw, tmp_path / "w" / "corpus.duckdb"))
    tags, rows = render(metadata["comments"]["preview"])
    assert tags == TABLE_TAGS
    body = rows[0].index("body")
    assert sorted(row[body] for row in rows[1:]) == sorted(MARKUP_COMMENTS)
    tags, rows = render(metadata["articles"]["preview"])
    assert tags == TABLE_TAGS
    assert [row[rows[0].index("title")] for row in rows[1:]] == [
        "Meadow <script>x()</script> **Saved** | Vote & www.example.org"
    ]


def test_freshness_passes_for_26_hours_after_a_published_refresh_then_fails(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    with dg.instance_for_test() as instance:
        refresh(raw, tmp_path / "w" / "corpus.duckdb", instance)
        graph = defs.resolve_asset_graph()
        for name in ("articles", "article_engagement"):
            record = instance.get_latest_materialization_event(dg.AssetKey(name))
            assert record is not None
            published = datetime.fromtimestamp(record.timestamp, UTC)

            def state_at(moment: datetime, name: str = name) -> FreshnessState:
                with freeze_time(moment):
                    return asyncio.run(
                        TimeWindowFreshnessPolicyEvaluator().evaluate_freshness(
                            LoadingContextForTest(instance), graph.get(dg.AssetKey(name))
                        )
                    )

            assert state_at(published + timedelta(hours=25, minutes=59)) == FreshnessState.PASS
            assert state_at(published + timedelta(hours=26, minutes=1)) == FreshnessState.FAIL
