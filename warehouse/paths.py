"""Where the project reads and writes: the defaults, and the environment variables that override
them (read here, never written: the command line passes its paths on explicitly)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RAW_DIR = PROJECT_ROOT / "data" / "raw"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "corpus.duckdb"

ENV_RAW_DIR = "CORPUS_RAW_DIR"
ENV_WAREHOUSE = "CORPUS_WAREHOUSE"
ENV_STAGING_DIR = "CORPUS_STAGING_DIR"
ENV_WORKERS = "CORPUS_WORKERS"


def raw_dir() -> Path:
    return Path(os.environ.get(ENV_RAW_DIR) or DEFAULT_RAW_DIR)


def warehouse_path() -> Path:
    return Path(os.environ.get(ENV_WAREHOUSE) or DEFAULT_WAREHOUSE)


def default_staging_dir(warehouse: Path) -> Path:
    """Staged records sit beside the warehouse they feed."""
    return warehouse.parent / ".staging" / warehouse.stem


def staging_dir_for(warehouse: Path) -> Path:
    """The staging directory of a warehouse: CORPUS_STAGING_DIR when set, else beside it."""
    configured = os.environ.get(ENV_STAGING_DIR)
    return Path(configured) if configured else default_staging_dir(warehouse)
