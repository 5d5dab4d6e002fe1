"""Shared fixtures: real landing directories, real DuckDB files, real Dagster runs."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from assets.definitions import defs
from assets.defs.resources import CorpusStorage

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_RAW = REPO_ROOT / "data" / "raw"
SEED = SAMPLE_RAW / "care2" / "000_27fd03fa2debc964.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True, scope="session")
def throwaway_dagster_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every `corpus build` a test runs, in process or as a subprocess, records into a temporary
    Dagster instance (one per test process), never into the checkout's .dagster_home/."""
    home = tmp_path_factory.mktemp("dagster_home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DAGSTER_HOME", str(home))
        yield home


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    """An empty landing directory."""
    path = tmp_path / "raw"
    path.mkdir()
    return path


@pytest.fixture
def seed_landing(landing: Path) -> Path:
    shutil.copy(SEED, landing / SEED.name)
    return landing


def build_warehouse(raw: Path, warehouse: Path, workers: int = 1) -> dg.ExecuteInProcessResult:
    """Run the refresh job in process, as `corpus build` does."""
    storage = CorpusStorage(raw_dir=str(raw), warehouse=str(warehouse), workers=workers)
    return defs.resolve_job_def("refresh_warehouse").execute_in_process(
        resources={"storage": storage}, raise_on_error=False
    )


@pytest.fixture
def built(tmp_path: Path) -> Callable[[Path], Path]:
    """Build a warehouse from a landing directory and return its path."""

    def build(raw: Path) -> Path:
        warehouse = tmp_path / "warehouse" / "corpus.duckdb"
        result = build_warehouse(raw, warehouse)
        assert result.success, [e.message for e in result.all_events if e.is_failure]
        return warehouse

    return build


def query(
    warehouse: Path, sql: str, params: list[object] | None = None
) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()
