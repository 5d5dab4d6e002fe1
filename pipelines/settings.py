"""Where the project reads and writes, from the command line, the environment or the defaults."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RAW_DIR = PROJECT_ROOT / "data" / "raw"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "corpus.duckdb"
DEFAULT_DAGSTER_HOME = PROJECT_ROOT / ".dagster_home"

ENV_RAW_DIR = "CORPUS_RAW_DIR"
ENV_WAREHOUSE = "CORPUS_WAREHOUSE"
ENV_STAGING_DIR = "CORPUS_STAGING_DIR"
ENV_WORKERS = "CORPUS_WORKERS"
ENV_NIGHTLY_CRON = "CORPUS_NIGHTLY_CRON"
ENV_SCHEDULE_TIMEZONE = "CORPUS_SCHEDULE_TIMEZONE"

NIGHTLY_CRON = "0 2 * * *"
SCHEDULE_TIMEZONE = "UTC"


def raw_dir() -> Path:
    return Path(os.environ.get(ENV_RAW_DIR) or DEFAULT_RAW_DIR)


def warehouse_path() -> Path:
    return Path(os.environ.get(ENV_WAREHOUSE) or DEFAULT_WAREHOUSE)


def staging_dir_for(warehouse: Path) -> Path:
    """Staged records sit beside the warehouse they feed, unless configured elsewhere."""
    configured = os.environ.get(ENV_STAGING_DIR)
    return Path(configured) if configured else warehouse.parent / ".staging" / warehouse.stem
