"""The project as Dagster's own `dg` CLI sees it: `dg --help` lists the commands, `dg check defs`
and `dg list defs` load the definitions from the defs folder, `dg launch` materialises into the
instance, and workspace.yaml names the same code location as [tool.dg]."""

from __future__ import annotations

import json
import os
import subprocess
import tomllib
from pathlib import Path

import dagster as dg
import yaml

from pipelines.instance import ensure_instance_config
from tests.conftest import REPO_ROOT
from warehouse.sql_files import CHECKS, TABLES, VIEWS

DG = str(REPO_ROOT / ".venv" / "bin" / "dg")
PATIENCE_SECONDS = 300


def dg_command(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [DG, *args],
        cwd=REPO_ROOT,
        env={**os.environ, "COLUMNS": "120", **(env or {})},
        capture_output=True,
        text=True,
        timeout=PATIENCE_SECONDS,
    )


def test_dg_help_lists_its_commands() -> None:
    done = dg_command("--help")
    assert done.returncode == 0, done.stderr
    listed = {line.split()[1] for line in done.stdout.splitlines() if line.startswith("│ ")}
    assert {"check", "dev", "launch", "list", "scaffold"} <= listed, done.stdout


def test_dg_check_defs_passes() -> None:
    done = dg_command("check", "defs")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "All definitions loaded successfully." in done.stdout


def test_dg_list_defs_shows_every_definition_once() -> None:
    done = dg_command("list", "defs", "--json")
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert sorted(a["asset_key"] for a in listed["assets"]) == sorted(
        {*TABLES, *VIEWS, "raw_dump_files", "parsed_records", "engagement_report"}
    )
    assert sorted(c["name"] for c in listed["asset_checks"]) == sorted(c.name for c in CHECKS)
    assert [j["name"] for j in listed["jobs"]] == ["refresh_warehouse"]
    assert [s["name"] for s in listed["schedules"]] == ["nightly_refresh"]
    assert [s["name"] for s in listed["sensors"]] == ["landing_files_sensor"]
    assert [r["name"] for r in listed["resources"]] == ["storage"]


def test_dg_launch_materialises_into_the_instance(seed_landing: Path, tmp_path: Path) -> None:
    home = tmp_path / "dagster_home"
    home.mkdir()
    ensure_instance_config(home)
    done = dg_command(
        "launch",
        "--assets",
        "raw_dump_files",
        env={
            "DAGSTER_HOME": str(home),
            "CORPUS_RAW_DIR": str(seed_landing),
            "CORPUS_WAREHOUSE": str(tmp_path / "w" / "corpus.duckdb"),
        },
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    with dg.DagsterInstance.from_config(str(home)) as instance:
        event = instance.get_latest_materialization_event(dg.AssetKey("raw_dump_files"))
        assert event is not None and event.asset_materialization is not None
        assert event.asset_materialization.metadata["files_seen"].value == 1  # the seed


def test_workspace_file_and_dg_name_the_same_code_location() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    dg_project = project["tool"]["dg"]["project"]
    assert project["tool"]["dg"]["directory_type"] == "project"
    assert "dagster" not in project["tool"]  # the legacy [tool.dagster] would be a third place
    workspace = yaml.safe_load((REPO_ROOT / "workspace.yaml").read_text(encoding="utf-8"))
    [location] = workspace["load_from"]
    assert location["python_module"]["module_name"] == f"{dg_project['root_module']}.definitions"
    assert location["python_module"]["location_name"] == dg_project["code_location_name"]
    assert (REPO_ROOT / dg_project["root_module"] / "defs" / "__init__.py").is_file()
