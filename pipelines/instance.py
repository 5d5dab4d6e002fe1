"""The Dagster instance the project records into: `$DAGSTER_HOME`, or `.dagster_home/` in the
project. `corpus build`, `corpus ui` (the webserver, the schedule and the sensor) all keep their
runs, materialisations, check results and freshness there, so the UI shows every refresh."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg

from warehouse.paths import PROJECT_ROOT

ENV_DAGSTER_HOME = "DAGSTER_HOME"
DEFAULT_DAGSTER_HOME = PROJECT_ROOT / ".dagster_home"
MARKER = "# Written by `corpus`"
OURS = "# Written by `corpus"  # also matches the files older releases wrote from `corpus ui`
# Dagster 1.13 rejects `run_queue: max_concurrent_runs` next to a `concurrency:` block, so both
# limits live under `concurrency`. `runs` queues whole runs (the nightly schedule, the sensor and a
# click in the UI run one after another, and behind a `corpus build` in progress); the pool that
# warehouse_build claims gets one slot, enforced per run by the queue (`granularity: run`), so a
# run executing in process (`corpus build`, `dg launch`) never holds a slot a crash could leak.
INSTANCE_YAML = f"""\
{MARKER}; see docs/operations.md. Edit freely: remove the first line to keep your changes.
concurrency:
  runs:
    max_concurrent_runs: 1
  pools:
    default_limit: 1
    granularity: run
telemetry:
  enabled: false
"""

# Tags of a run `corpus build` executes in its own process, to recognise it once that process died.
TAG_TRIGGER = "corpus/trigger"
TAG_HOST = "corpus/host"
TAG_PID = "corpus/pid"
TAG_WAREHOUSE = "corpus/warehouse"
IN_PROGRESS = [
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
]


def dagster_home() -> Path:
    return Path(os.environ.get(ENV_DAGSTER_HOME) or DEFAULT_DAGSTER_HOME).resolve()


def ensure_instance_config(home: Path) -> Path:
    """Write dagster.yaml unless someone else wrote it (ours is refreshed when it changes)."""
    config = home / "dagster.yaml"
    if not config.exists() or (
        config.read_text(encoding="utf-8").startswith(OURS)
        and config.read_text(encoding="utf-8") != INSTANCE_YAML
    ):
        config.write_text(INSTANCE_YAML, encoding="utf-8")
    return config


def prepare_home() -> Path:
    """The instance directory, created with this project's dagster.yaml when it is new."""
    home = dagster_home()
    home.mkdir(parents=True, exist_ok=True)
    ensure_instance_config(home)
    return home


@contextmanager
def project_instance(ephemeral: bool = False) -> Iterator[dg.DagsterInstance]:
    """The project's instance, or a throwaway one in memory that records nothing."""
    if ephemeral:
        with dg.DagsterInstance.ephemeral() as instance:
            yield instance
    else:
        with dg.DagsterInstance.from_config(str(prepare_home())) as instance:
            yield instance


def cli_run_tags(warehouse: Path) -> dict[str, str]:
    return {
        TAG_TRIGGER: "cli",
        TAG_HOST: socket.gethostname(),
        TAG_PID: str(os.getpid()),
        TAG_WAREHOUSE: str(warehouse),
    }


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def fail_dead_cli_runs(
    instance: dg.DagsterInstance, locked_warehouse: Path | None = None
) -> list[str]:
    """Mark failed the runs a killed `corpus build` left "in progress" (a SIGKILL gives Dagster no
    chance to record the end), so the UI does not show them running and the run queue, which
    counts them, moves on. A CLI run is dead when its process is gone, or when it wrote the
    warehouse whose writer lock the caller now holds (every CLI build holds it throughout)."""
    records = instance.get_run_records(
        dg.RunsFilter(statuses=IN_PROGRESS, tags={TAG_TRIGGER: "cli"})
    )
    failed = []
    for record in records:
        run = record.dagster_run
        same_warehouse = locked_warehouse is not None and run.tags.get(TAG_WAREHOUSE) == str(
            locked_warehouse
        )
        pid = run.tags.get(TAG_PID, "")
        gone = (
            run.tags.get(TAG_HOST) == socket.gethostname()
            and pid.isdigit()
            and int(pid) != os.getpid()
            and not _process_alive(int(pid))
        )
        if same_warehouse or gone:
            instance.report_run_failed(
                run, message="The process running this `corpus build` ended without finishing it."
            )
            instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
            failed.append(run.run_id)
    return failed
