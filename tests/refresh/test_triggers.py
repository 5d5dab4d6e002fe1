"""The nightly schedule and the landing-files sensor, through Dagster's own test utilities."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg

from assets.definitions import defs
from assets.defs.resources import CorpusStorage
from assets.defs.schedules import nightly_refresh
from assets.defs.sensors import landing_files_sensor
from tests.conftest import SEED
from tests.refresh.corpus import bump_mtime


def test_nightly_schedule_requests_a_full_refresh_at_two_utc() -> None:
    assert nightly_refresh.cron_schedule == "0 2 * * *"
    assert nightly_refresh.execution_timezone == "UTC"
    assert nightly_refresh.default_status == dg.DefaultScheduleStatus.RUNNING
    context = dg.build_schedule_context(
        scheduled_execution_time=datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
    )
    [request] = nightly_refresh.evaluate_tick(context).run_requests or []
    assert request.job_name in (None, "refresh_warehouse")
    assert nightly_refresh.job_name == "refresh_warehouse"


def tick(storage: CorpusStorage, cursor: str | None) -> dg.SensorResult | dg.SkipReason:
    context = dg.build_sensor_context(cursor=cursor, resources={"storage": storage})
    return landing_files_sensor(context)


def test_sensor_requests_a_refresh_only_when_landing_files_change(
    landing: Path, tmp_path: Path
) -> None:
    assert landing_files_sensor.default_status == dg.DefaultSensorStatus.STOPPED
    assert defs.resolve_sensor_def("landing_files_sensor").job_name == "refresh_warehouse"
    storage = CorpusStorage(raw_dir=str(landing), warehouse=str(tmp_path / "w" / "corpus.duckdb"))
    shutil.copy(SEED, landing / SEED.name)

    first = tick(storage, None)
    assert isinstance(first, dg.SensorResult)
    [request] = first.run_requests or []
    assert request.run_key == first.cursor and first.cursor

    unchanged = tick(storage, first.cursor)
    assert isinstance(unchanged, dg.SkipReason)
    assert unchanged.skip_message == f"no new or changed files among 1 in {landing}"

    (landing / ".partial-upload.txt").write_text("hidden files are not inputs")
    assert isinstance(tick(storage, first.cursor), dg.SkipReason)

    (landing / "sub").mkdir()
    (landing / "sub" / "new.txt").write_text("A New Story\n\nBody.\n")
    added = tick(storage, first.cursor)
    assert isinstance(added, dg.SensorResult) and added.cursor != first.cursor

    bump_mtime(landing / SEED.name)  # rewritten in place: same name, new modification time
    changed = tick(storage, added.cursor)
    assert isinstance(changed, dg.SensorResult) and changed.cursor not in (
        first.cursor,
        added.cursor,
    )

    Path(f"{landing / 'sub' / 'new.txt'}.meta.json").write_text('{"byline": "A. Writer"}')
    assert isinstance(tick(storage, changed.cursor), dg.SensorResult)  # a sidecar changes the load


def test_sensor_skips_when_the_landing_directory_is_missing(tmp_path: Path) -> None:
    storage = CorpusStorage(raw_dir=str(tmp_path / "absent"), warehouse=str(tmp_path / "w.duckdb"))
    result = tick(storage, None)
    assert isinstance(result, dg.SkipReason) and "does not exist" in (result.skip_message or "")
