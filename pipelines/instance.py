"""The Dagster instance settings this project needs: one warehouse writer at a time."""

from __future__ import annotations

from pathlib import Path

MARKER = "# Written by `corpus ui`"
# Dagster 1.13 rejects `run_queue: max_concurrent_runs` next to a `concurrency:` block, so both
# limits live under `concurrency`. `runs` queues whole runs (the nightly schedule, the sensor and a
# click in the UI run one after another); `pools.default_limit` gives the warehouse_writer pool,
# which the warehouse_build asset claims, one slot.
INSTANCE_YAML = f"""\
{MARKER}; see docs/operations.md. Edit freely: remove the first line to keep your changes.
concurrency:
  runs:
    max_concurrent_runs: 1
  pools:
    default_limit: 1
    granularity: op
telemetry:
  enabled: false
"""


def ensure_instance_config(home: Path) -> Path:
    """Write dagster.yaml unless someone else wrote it (ours is refreshed when it changes)."""
    config = home / "dagster.yaml"
    if not config.exists() or (
        config.read_text(encoding="utf-8").startswith(MARKER)
        and config.read_text(encoding="utf-8") != INSTANCE_YAML
    ):
        config.write_text(INSTANCE_YAML, encoding="utf-8")
    return config
