"""What docs/scaling.md promises, on one machine: every step in its own process under Dagster's
multiprocess executor (as Kubernetes or Celery executors would run them), and the staged Parquet
loaded into a local DuckLake catalog answering queries exactly as the file warehouse does."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb
import pytest

from synth import synthesize
from tests.conftest import build_warehouse, query
from tests.scale import jobs
from warehouse import paths
from warehouse.ingest import StagingStore
from warehouse.lake import LAKE, connect_lake, load_lake
from warehouse.sql_files import TABLES, VIEWS

ENGAGEMENT = (
    "SELECT article_id, declared_comments, captured_comments, distinct_comments,"
    " duplicate_comments, unique_commenters, first_comment_at, petition_signatures"
    " FROM article_engagement ORDER BY article_id"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    synthesize(60, 21, out, ("txt", "jsonl"), workers=1)
    return out


@pytest.mark.slow  # four step processes, each importing Dagster
def test_multiprocess_executor_runs_each_step_in_its_own_process(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "mp" / "corpus.duckdb"
    monkeypatch.setenv(paths.ENV_RAW_DIR, str(corpus / "raw"))
    monkeypatch.setenv(paths.ENV_WAREHOUSE, str(warehouse))
    monkeypatch.setenv(paths.ENV_WORKERS, "2")
    monkeypatch.setenv(paths.ENV_STAGING_DIR, str(tmp_path / "mp-staging"))
    (tmp_path / "dagster").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "dagster")) as instance:
        result = dg.execute_job(
            dg.reconstructable(jobs.refresh_job),
            instance=instance,
            run_config={"execution": {"config": {"multiprocess": {"max_concurrent": 2}}}},
        )
        assert result.success
        pids = {
            event.step_key: event.pid
            for event in result.all_events
            if event.event_type == dg.DagsterEventType.STEP_START
        }
    steps = {"raw_dump_files", "parsed_records", "warehouse_build", "engagement_report"}
    assert set(pids) == steps
    # each step in its own process, as each would be its own pod or Celery task
    assert len(set(pids.values())) == len(steps)

    reference = tmp_path / "inproc" / "corpus.duckdb"
    assert build_warehouse(corpus / "raw", reference, workers=1).success
    assert query(warehouse, ENGAGEMENT) == query(reference, ENGAGEMENT)


def test_staged_parquet_in_a_ducklake_catalog_answers_like_the_file_warehouse(
    corpus: Path, tmp_path: Path
) -> None:
    pytest.importorskip("duckdb_extension_ducklake")
    warehouse = tmp_path / "w" / "corpus.duckdb"
    assert build_warehouse(corpus / "raw", warehouse, workers=2).success
    store = StagingStore(paths.staging_dir_for(warehouse))
    metadata, data = tmp_path / "lake" / "catalog.ducklake", tmp_path / "lake" / "data"

    counts = load_lake(store, metadata, data)
    again = load_lake(store, metadata, data)  # a reload replaces, in one snapshot
    assert counts == again
    assert counts["comments"] > 0
    assert sorted(p.suffix for p in data.rglob("*.parquet"))  # the rows live as Parquet files

    lake = connect_lake(metadata, data, read_only=True)
    file = duckdb.connect(str(warehouse), read_only=True)
    try:
        # data_dictionary reads each catalogue's own COMMENTs, which a DuckLake catalogue does
        # not keep for its tables: it is no data to compare.
        for name in (n for n in (*TABLES, *VIEWS) if n != "data_dictionary"):
            in_lake = lake.execute(f"SELECT * FROM {LAKE}.{name} ORDER BY ALL").fetchall()
            in_file = file.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall()
            assert in_lake == in_file, name
            assert counts[name] == len(in_file)
        lake.execute(f"USE {LAKE}")
        assert lake.execute(ENGAGEMENT).fetchall() == file.execute(ENGAGEMENT).fetchall()
        snapshots = lake.execute(f"SELECT count(*) FROM ducklake_snapshots('{LAKE}')").fetchone()
        assert snapshots is not None and snapshots[0] >= 2
    finally:
        lake.close()
        file.close()
