"""A refresh with nothing new keeps the published warehouse as it is and reports its checks and
metadata again; anything new or changed (a dump, a SQL file's text) builds. Every run reports where
its time went."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg

from synth import synthesize
from tests.conftest import build_warehouse, query
from warehouse.sql_files import VIEW_LOADS

SNAPSHOT = (
    "SELECT article_id, captured_comments, distinct_comments FROM article_engagement ORDER BY 1"
)


def _materialization(result: dg.ExecuteInProcessResult, asset: str) -> dict[str, object]:
    [event] = [
        m
        for m in result.asset_materializations_for_node("warehouse_build")
        if m.asset_key.to_user_string() == asset
    ]
    return {k: v.value for k, v in event.metadata.items()}


def test_nothing_new_reuses_the_published_build(tmp_path: Path) -> None:
    synthesize(30, 4, tmp_path / "corpus", ("txt",), workers=1)
    raw = tmp_path / "corpus" / "raw"
    warehouse = tmp_path / "w" / "corpus.duckdb"

    first = build_warehouse(raw, warehouse)
    assert first.success
    meta = _materialization(first, "comments")
    assert meta["rebuilt"] is True and meta["build_mode"] == "full"
    assert {"scope", "load", "views", "publish", "checkpoint"} <= set(meta["stage_seconds"])  # type: ignore[arg-type]
    # The materialised views' loads are timed in the views stage, the tables' in the load stage
    # (each figure rounded to the millisecond, hence the slack).
    stages: dict[str, float] = meta["stage_seconds"]  # type: ignore[assignment]
    statements: dict[str, float] = meta["statement_seconds"]  # type: ignore[assignment]
    views = sum(statements[f"load/{name}"] for name in VIEW_LOADS)
    loads = sum(t for key, t in statements.items() if key.startswith(("load/", "chunk/"))) - views
    slack = 0.001 * (len(statements) + 1)
    assert views <= stages["views"] + slack and loads <= stages["load"] + slack
    assert views > 0 and loads > 0
    ingest = first.asset_materializations_for_node("parsed_records")[0].metadata
    assert {"parse_wall", "read_worker", "parse_worker", "stage_write_worker"} <= set(
        ingest["stage_seconds"].value
    )
    assert "discover_seconds" in first.asset_materializations_for_node("raw_dump_files")[0].metadata
    before = query(warehouse, SNAPSHOT)

    identity = warehouse.stat().st_ino, warehouse.stat().st_mtime_ns
    second = build_warehouse(raw, warehouse)
    assert second.success
    again = _materialization(second, "comments")
    assert again["rebuilt"] is False and again["build_mode"] == "reuse"
    assert set(again["stage_seconds"]) == {"fingerprint"}  # type: ignore[arg-type]
    assert (warehouse.stat().st_ino, warehouse.stat().st_mtime_ns) == identity  # not replaced
    assert query(warehouse, SNAPSHOT) == before
    # The recorded metadata and checks are reported again, as the first run found them.
    assert again["dagster/row_count"] == meta["dagster/row_count"]
    assert again["preview"] == meta["preview"]
    checks = {e.check_name: e.passed for e in second.get_asset_check_evaluations()}
    assert checks and all(checks.values())

    # One more dump lands: rebuilt, and the new article is there.
    dump = sorted((raw / "txt").rglob("*.txt"))[0]
    shutil.copy(dump, raw / "late.txt")
    third = build_warehouse(raw, warehouse)
    assert _materialization(third, "comments")["build_mode"] == "incremental"
    assert query(warehouse, "SELECT count(*) FROM ingest_files WHERE source_path = 'late.txt'") == [
        (1,)
    ]


def test_published_file_replaced_behind_our_back_is_rebuilt(tmp_path: Path) -> None:
    synthesize(10, 2, tmp_path / "corpus", ("txt",), workers=1)
    raw = tmp_path / "corpus" / "raw"
    warehouse = tmp_path / "w" / "corpus.duckdb"
    assert build_warehouse(raw, warehouse).success
    warehouse.unlink()
    again = build_warehouse(raw, warehouse)
    assert _materialization(again, "articles")["rebuilt"] is True
    assert query(warehouse, "SELECT count(*) FROM articles") == [(10,)]
