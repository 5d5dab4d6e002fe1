"""One Dagster instance: `corpus build` records its run there (every table's and view's
materialisation, every check result, freshness the daemon can evaluate), `--ephemeral` records
nothing, runs a killed build left "in progress" are closed, and the dagster.yaml it writes is one
Dagster accepts (one run, one warehouse writer at a time)."""

from __future__ import annotations

import asyncio
import subprocess
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.definitions.freshness import FreshnessState
from dagster._core.definitions.freshness_evaluator import TimeWindowFreshnessPolicyEvaluator
from dagster._core.loader import LoadingContextForTest
from dagster._core.storage.dagster_run import DagsterRun
from dagster._core.test_utils import freeze_time

from assets.definitions import defs
from pipelines.cli import main
from pipelines.instance import (
    INSTANCE_YAML,
    TAG_HOST,
    TAG_PID,
    TAG_TRIGGER,
    cli_run_tags,
    ensure_instance_config,
    fail_dead_cli_runs,
)
from warehouse.sql_files import CHECKS, TABLES, VIEWS

EVERY_ASSET = {*TABLES, *VIEWS, "raw_dump_files", "parsed_records", "engagement_report"}


def build(seed_landing: Path, warehouse: Path, *flags: str) -> int:
    return main(["build", "--raw", str(seed_landing), "--warehouse", str(warehouse), *flags])


def test_corpus_build_is_recorded_in_the_project_instance(
    seed_landing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "dagster_home"
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    assert build(seed_landing, tmp_path / "w" / "corpus.duckdb") == 0

    with dg.DagsterInstance.from_config(str(home)) as instance:
        [record] = instance.get_run_records()
        run = record.dagster_run
        assert (run.job_name, run.status) == ("refresh_warehouse", dg.DagsterRunStatus.SUCCESS)
        assert run.tags[TAG_TRIGGER] == "cli"
        events = instance.get_records_for_run(
            run.run_id,
            of_type={
                dg.DagsterEventType.ASSET_MATERIALIZATION,
                dg.DagsterEventType.ASSET_CHECK_EVALUATION,
            },
        ).records
        materialised = {
            e.asset_key.to_user_string()
            for e in events
            if e.event_log_entry.dagster_event_type == dg.DagsterEventType.ASSET_MATERIALIZATION
            and e.asset_key is not None
        }
        assert materialised == EVERY_ASSET
        evaluations = {
            e.event_log_entry.dagster_event.event_specific_data.check_name: (  # type: ignore[union-attr]
                e.event_log_entry.dagster_event.event_specific_data.passed  # type: ignore[union-attr]
            )
            for e in events
            if e.event_log_entry.dagster_event_type == dg.DagsterEventType.ASSET_CHECK_EVALUATION
        }
        assert evaluations == {check.name: True for check in CHECKS}

        # What the UI reads: each asset's latest materialisation is this run's, and the daemon's
        # freshness evaluation of it passes (and would fail 26 hours on).
        articles = instance.get_latest_materialization_event(dg.AssetKey("articles"))
        assert articles is not None and articles.run_id == run.run_id
        published = datetime.fromtimestamp(articles.timestamp, UTC)
        node = defs.resolve_asset_graph().get(dg.AssetKey("articles"))

        def freshness_at(moment: datetime) -> FreshnessState:
            with freeze_time(moment):
                return asyncio.run(
                    TimeWindowFreshnessPolicyEvaluator().evaluate_freshness(
                        LoadingContextForTest(instance), node
                    )
                )

        assert freshness_at(published + timedelta(hours=1)) == FreshnessState.PASS
        assert freshness_at(published + timedelta(hours=27)) == FreshnessState.FAIL


def test_ephemeral_build_records_nothing(
    seed_landing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "dagster_home"
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    assert build(seed_landing, tmp_path / "w" / "corpus.duckdb", "--ephemeral") == 0
    assert not home.exists()


def dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()  # reaped: no process has this pid now (until the kernel hands it out again)
    return process.pid


def started_cli_run(instance: dg.DagsterInstance, tags: dict[str, str]) -> str:
    run_id = str(uuid.uuid4())
    instance.add_run(
        DagsterRun(
            job_name="refresh_warehouse",
            run_id=run_id,
            status=dg.DagsterRunStatus.STARTED,
            tags=tags,
        )
    )
    return run_id


def test_runs_of_a_killed_build_are_closed_and_live_ones_left_alone(tmp_path: Path) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    (tmp_path / "home").mkdir()
    sleeper = subprocess.Popen(["sleep", "60"])
    try:
        with dg.instance_for_test(temp_dir=str(tmp_path / "home")) as instance:
            killed = started_cli_run(
                instance, {**cli_run_tags(warehouse), TAG_PID: str(dead_pid())}
            )
            alive = started_cli_run(
                instance, {**cli_run_tags(tmp_path / "other.duckdb"), TAG_PID: str(sleeper.pid)}
            )
            elsewhere = started_cli_run(
                instance, {**cli_run_tags(tmp_path / "other.duckdb"), TAG_HOST: "another-host"}
            )
            assert fail_dead_cli_runs(instance) == [killed]
            # Holding the writer lock of a warehouse proves no other build of it is running.
            same_warehouse = started_cli_run(
                instance, {**cli_run_tags(warehouse), TAG_PID: str(sleeper.pid)}
            )
            assert fail_dead_cli_runs(instance, warehouse) == [same_warehouse]
            runs = {run_id: instance.get_run_by_id(run_id) for run_id in (killed, alive, elsewhere)}
            assert {run_id: run.status for run_id, run in runs.items() if run} == {
                killed: dg.DagsterRunStatus.FAILURE,
                alive: dg.DagsterRunStatus.STARTED,
                elsewhere: dg.DagsterRunStatus.STARTED,
            }
    finally:
        sleeper.kill()
        sleeper.wait()


def test_written_config_loads_with_one_run_and_one_writer_at_a_time(tmp_path: Path) -> None:
    ensure_instance_config(tmp_path)
    instance = dg.DagsterInstance.from_config(str(tmp_path))
    try:
        concurrency = instance.get_concurrency_config()
        assert concurrency.run_queue_config is not None
        assert concurrency.run_queue_config.max_concurrent_runs == 1
        assert concurrency.pool_config.default_pool_limit == 1
        # Enforced when the queue starts a run, so an in-process run never holds a slot.
        assert concurrency.pool_config.pool_granularity.value == "run"
        assert type(instance.run_coordinator).__name__ == "QueuedRunCoordinator"
    finally:
        instance.dispose()


def test_a_config_written_by_hand_is_kept_and_an_older_one_of_ours_is_updated(
    tmp_path: Path,
) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "dagster.yaml").write_text("telemetry:\n  enabled: true\n", encoding="utf-8")
    ensure_instance_config(own)
    assert (own / "dagster.yaml").read_text(encoding="utf-8") == "telemetry:\n  enabled: true\n"

    ours = tmp_path / "ours"
    ours.mkdir()
    # what `corpus ui` of an earlier release wrote
    (ours / "dagster.yaml").write_text(
        "# Written by `corpus ui`; see docs/operations.md.\nrun_queue:\n  max_concurrent_runs: 1\n",
        encoding="utf-8",
    )
    ensure_instance_config(ours)
    assert (ours / "dagster.yaml").read_text(encoding="utf-8") == INSTANCE_YAML
