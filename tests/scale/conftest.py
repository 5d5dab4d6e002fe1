"""A real PostgreSQL for the lake tests (one server per test process, a database per lake), and
the single-file build they compare the lake with."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from warehouse.build import build_database
from warehouse.ingest import StagingStore, refresh_staging, scan_landing
from warehouse.lake import (
    ENV_LAKE_CATALOG,
    ENV_LAKE_DATA_PATH,
    ENV_LAKE_SHARDS,
    LakeConfig,
)
from warehouse.local_postgres import (
    LocalPostgres,
    PostgresUnavailableError,
    local_postgres,
    pg_bin_dir,
)

# Set by .ci/run, which installs PostgreSQL: there a missing server fails the lake tests instead of
# skipping them.
ENV_REQUIRE_POSTGRES = "CORPUS_TEST_REQUIRE_POSTGRES"
_databases = itertools.count()


@pytest.fixture(scope="session")
def postgres() -> Iterator[LocalPostgres]:
    """The lake tests' catalog server. Skipped only where no PostgreSQL binaries are installed;
    a server that is installed but fails to start fails the tests."""
    try:
        pg_bin_dir()
    except PostgresUnavailableError as exc:
        if os.environ.get(ENV_REQUIRE_POSTGRES):
            raise
        pytest.skip(str(exc))
    with local_postgres() as server:
        yield server


def new_lake(postgres: LocalPostgres, root: Path, shards: int) -> tuple[LakeConfig, dict[str, str]]:
    """A lake in a fresh database of the server, its data under `root`; and the environment a
    process needs to reach it."""
    server = postgres.create_database(f"lake_{os.getpid()}_{next(_databases)}")
    config = LakeConfig(server.ducklake_catalog, str(root / "data"), shards, server.password)
    environment = {
        ENV_LAKE_CATALOG: server.ducklake_catalog,
        ENV_LAKE_DATA_PATH: config.data_path,
        ENV_LAKE_SHARDS: str(shards),
        **server.environment,
    }
    return config, environment


def file_build(raw: Path, root: Path) -> Path:
    """The single-file warehouse, built as the refresh job's steps build it."""
    store = StagingStore(root / "staging")
    refresh_staging(raw, store, scan_landing(raw, store), workers=1)
    target = root / "corpus.duckdb"
    build_database(target, store)
    return target
