"""The resource every asset uses: where the landing directory, staging store and warehouse are."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

from pipelines import settings
from warehouse.ingest import StagingStore


class CorpusStorage(dg.ConfigurableResource):  # type: ignore[misc]
    """Landing directory (raw dumps), staging store (parsed Parquet) and published warehouse."""

    raw_dir: str
    warehouse: str
    staging_dir: str = ""
    workers: int = 0  # parse processes; 0 means one per core

    @property
    def raw_path(self) -> Path:
        return Path(self.raw_dir).resolve()

    @property
    def warehouse_path(self) -> Path:
        return Path(self.warehouse).resolve()

    @property
    def staging(self) -> StagingStore:
        root = Path(self.staging_dir) if self.staging_dir else None
        if root is None:
            root = settings.staging_dir_for(self.warehouse_path)
        return StagingStore(root.resolve())

    @property
    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1


def _env_or_default(name: str, default: Path) -> str | dg.EnvVar:
    # An EnvVar shows in the UI as set from the environment; unset, the project default holds.
    return dg.EnvVar(name) if os.environ.get(name) else str(default)


def storage_from_environment() -> CorpusStorage:
    return CorpusStorage(
        raw_dir=_env_or_default(settings.ENV_RAW_DIR, settings.DEFAULT_RAW_DIR),
        warehouse=_env_or_default(settings.ENV_WAREHOUSE, settings.DEFAULT_WAREHOUSE),
        staging_dir=os.environ.get(settings.ENV_STAGING_DIR, ""),
        workers=int(os.environ.get(settings.ENV_WORKERS) or 0),
    )
