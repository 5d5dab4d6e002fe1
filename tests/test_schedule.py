"""The nightly refresh is defined in code, on by default, and targets every asset."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime

import dagster as dg
import pytest

from assets.definitions import defs
from assets.defs import schedules


def test_nightly_refresh_runs_at_two_utc_by_default_and_is_on() -> None:
    schedule = defs.resolve_schedule_def("nightly_refresh")
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.execution_timezone == "UTC"
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    job = defs.resolve_job_def(schedule.job_name)
    every_asset = set(defs.resolve_asset_graph().get_all_asset_keys())
    assert set(job.asset_layer.selected_asset_keys) == every_asset


def test_nightly_refresh_evaluates_to_a_run_request() -> None:
    schedule = defs.resolve_schedule_def("nightly_refresh")
    context = dg.build_schedule_context(
        scheduled_execution_time=datetime(2026, 11, 25, 2, tzinfo=UTC)
    )
    [request] = schedule.evaluate_tick(context).run_requests or []
    # A schedule's request runs the schedule's own job (job_name is filled in by Dagster).
    assert request.job_name in (None, "refresh_warehouse")
    assert request.tags["dagster/schedule_name"] == "nightly_refresh"


def test_schedule_time_is_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORPUS_NIGHTLY_CRON", "30 3 * * *")
    monkeypatch.setenv("CORPUS_SCHEDULE_TIMEZONE", "Europe/Berlin")
    try:
        reloaded = importlib.reload(schedules)
        assert reloaded.nightly_refresh.cron_schedule == "30 3 * * *"
        assert reloaded.nightly_refresh.execution_timezone == "Europe/Berlin"
    finally:
        monkeypatch.undo()
        importlib.reload(schedules)
