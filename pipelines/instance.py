"""The Dagster instance settings this project needs: one warehouse writer at a time."""

from __future__ import annotations

from pathlib import Path

# The warehouse_build asset runs in the "warehouse_writer" pool; a limit of 1 means a scheduled
# refresh and a click in the UI queue behind each other instead of writing at once.
INSTANCE_YAML = """\
# Written by `corpus ui`; see docs/operations.md.
concurrency:
  pools:
    default_limit: 1
  runs:
    max_concurrent_runs: 1
telemetry:
  enabled: false
"""


def ensure_instance_config(home: Path) -> Path:
    """Write dagster.yaml unless a person has written their own (ours start with the marker line,
    so an older one of ours is brought up to date)."""
    config = home / "dagster.yaml"
    marker = INSTANCE_YAML.splitlines()[0]
    if not config.exists() or config.read_text(encoding="utf-8").startswith(marker):
        config.write_text(INSTANCE_YAML, encoding="utf-8")
    return config
