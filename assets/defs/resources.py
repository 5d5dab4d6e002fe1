"""The resource every asset uses: where the landing directory, staging store and warehouse are.
Bound to the CORPUS_* environment variables through `dg.EnvVar`, so the same definitions run on a
laptop (project defaults) and in production (variables set), and the UI shows which is which."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

from warehouse.ingest import StagingStore
from warehouse.paths import (
    DEFAULT_RAW_DIR,
    DEFAULT_WAREHOUSE,
    ENV_RAW_DIR,
    ENV_STAGING_DIR,
    ENV_WAREHOUSE,
    ENV_WORKERS,
    default_staging_dir,
)


class CorpusStorage(dg.ConfigurableResource):  # type: ignore[misc]
    """Landing directory (raw dumps), staging store (parsed Parquet) and published warehouse."""

    raw_dir: str
    warehouse: str
    staging_dir: str = ""  # empty: beside the warehouse
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
        return StagingStore((root or default_staging_dir(self.warehouse_path)).resolve())

    @property
    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1


def _from_environment(name: str, default: str) -> str | dg.EnvVar:
    # Set, the value is an EnvVar (read when a run starts, shown as such in the UI); unset, the
    # project default stands.
    return dg.EnvVar(name) if os.environ.get(name) else default


def corpus_storage(raw_dir: Path | None = None, warehouse: Path | None = None) -> CorpusStorage:
    """The storage the environment describes; paths passed here (`corpus build --raw DIR
    --warehouse FILE`) take the place of CORPUS_RAW_DIR and CORPUS_WAREHOUSE."""
    return CorpusStorage(
        raw_dir=str(raw_dir) if raw_dir else _from_environment(ENV_RAW_DIR, str(DEFAULT_RAW_DIR)),
        warehouse=(
            str(warehouse)
            if warehouse
            else _from_environment(ENV_WAREHOUSE, str(DEFAULT_WAREHOUSE))
        ),
        staging_dir=_from_environment(ENV_STAGING_DIR, ""),
        workers=dg.EnvVar.int(ENV_WORKERS) if os.environ.get(ENV_WORKERS) else 0,
    )


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources={"storage": corpus_storage()})
