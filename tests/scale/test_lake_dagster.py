"""The lake through Dagster: CORPUS_WAREHOUSE_BACKEND=ducklake loads partitioned shards beside
the same tables, views and checks; each partition's run commits its shard; the check job runs
sql/checks on the lake; the maintenance job compacts and expires snapshots, changing no row."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from assets.defs.resources import CorpusStorage
from assets.lake import ENV_LAKE_RETENTION, LakeResource, lake_definitions
from synth import synthesize
from tests.scale.conftest import file_build, new_lake
from tests.scale.test_lake_processes import assert_lake_equals_file, lake_state, snapshots
from warehouse.lake import ENV_BACKEND, ENV_LAKE_CATALOG, ENV_LAKE_DATA_PATH, ENV_LAKE_SHARDS
from warehouse.local_postgres import LocalPostgres
from warehouse.sql_files import CHECKS, TABLES, VIEWS

SHARDS = 2


def test_the_ducklake_backend_loads_partitioned_shards_and_the_same_tables_views_and_checks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from assets.definitions import load_definitions

    monkeypatch.setenv(ENV_BACKEND, "ducklake")
    monkeypatch.setenv(ENV_LAKE_CATALOG, "postgres:host=127.0.0.1 dbname=corpus")
    monkeypatch.setenv(ENV_LAKE_DATA_PATH, "/shared/lake")
    monkeypatch.setenv(ENV_LAKE_SHARDS, "16")
    defs = load_definitions()
    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert keys == {"lake_shards", *TABLES, *VIEWS}
    assert {key.name for key in graph.asset_check_keys} == {c.name for c in CHECKS}
    shards = graph.get(dg.AssetKey("lake_shards")).partitions_def
    assert shards is not None and shards.get_partition_keys() == [f"{k:02d}" for k in range(16)]
    assert graph.get(dg.AssetKey("articles")).parent_keys == {dg.AssetKey("lake_shards")}
    assert {"refresh_lake_shards", "check_lake", "lake_maintenance"} <= {j.name for j in defs.jobs}


@pytest.mark.slow  # Dagster runs against a real PostgreSQL catalog
def test_partition_runs_build_the_lake_checks_pass_and_maintenance_keeps_every_row(
    postgres: LocalPostgres, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synthesize(24, 3, tmp_path / "corpus", ("txt", "jsonl"), workers=1)
    raw = tmp_path / "corpus" / "raw"
    config, _ = new_lake(postgres, tmp_path, SHARDS)
    monkeypatch.setenv(ENV_LAKE_SHARDS, str(SHARDS))
    defs = lake_definitions()
    resources = {
        "storage": CorpusStorage(
            raw_dir=str(raw),
            warehouse=str(tmp_path / "unused.duckdb"),
            staging_dir=str(tmp_path / "staging"),
            workers=1,
        ),
        "lake": LakeResource(
            catalog=config.catalog,
            data_path=config.data_path,
            shards=SHARDS,
            password=config.password,
        ),
    }
    for key in ("00", "01"):
        run = defs.resolve_job_def("refresh_lake_shards").execute_in_process(
            partition_key=key, resources=resources
        )
        assert run.success
        [event] = run.asset_materializations_for_node("lake_shards")
        assert event.partition == key and event.metadata["committed"].value is True

    checked = defs.resolve_job_def("check_lake").execute_in_process(resources=resources)
    assert checked.success
    evaluations = checked.get_asset_check_evaluations()
    assert {e.check_name for e in evaluations} == {c.name for c in CHECKS}
    assert all(e.passed for e in evaluations)
    reference = file_build(raw, tmp_path / "file")
    assert_lake_equals_file(config, reference)

    before = lake_state(config)
    assert len(snapshots(config)) > 2
    monkeypatch.setenv(ENV_LAKE_RETENTION, "0 seconds")  # everything but the current snapshot
    assert defs.resolve_job_def("lake_maintenance").execute_in_process(resources=resources).success
    assert lake_state(config)[1] == before[1]
    # merging files made a snapshot of its own; every earlier one expired
    [(remaining, _)] = snapshots(config)
    assert remaining >= before[0]
