"""`corpus ui` writes a dagster.yaml Dagster accepts: one run, one warehouse writer at a time."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipelines.instance import INSTANCE_YAML, ensure_instance_config


def test_written_config_loads_with_one_run_and_one_writer_at_a_time(tmp_path: Path) -> None:
    ensure_instance_config(tmp_path)
    instance = dg.DagsterInstance.from_config(str(tmp_path))
    try:
        concurrency = instance.get_concurrency_config()
        assert concurrency.run_queue_config is not None
        assert concurrency.run_queue_config.max_concurrent_runs == 1
        assert concurrency.pool_config.default_pool_limit == 1
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
    first_line = INSTANCE_YAML.splitlines()[0]
    (ours / "dagster.yaml").write_text(
        f"{first_line}\nrun_queue:\n  max_concurrent_runs: 1\n", encoding="utf-8"
    )
    ensure_instance_config(ours)
    assert (ours / "dagster.yaml").read_text(encoding="utf-8") == INSTANCE_YAML
