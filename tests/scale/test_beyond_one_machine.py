"""What docs/scaling.md promises for the file warehouse: every step in its own process under
Dagster's multiprocess executor, as Kubernetes or Celery executors would run them (the DuckLake
warehouse, parsed and committed shard by shard, is tested in test_lake_*.py)."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from synth import synthesize
from tests.conftest import build_warehouse, query
from tests.scale import jobs
from warehouse import paths

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
