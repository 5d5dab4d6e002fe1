"""The data dictionary is the warehouse's own catalogue written out; the committed copy must match."""
# ruff: noqa: E501  (SQL and expected lines read best on one line)

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT, query
from warehouse.dictionary import DEFAULT_OUTPUT, render_warehouse
from warehouse.sql_files import TABLES, VIEWS

CORPUS = str(Path(sys.executable).with_name("corpus"))


def test_warehouse_holds_exactly_the_documented_relations(sample_warehouse: Path) -> None:
    tables = query(
        sample_warehouse, "SELECT table_name, comment FROM duckdb_tables() WHERE NOT internal"
    )
    views = query(
        sample_warehouse, "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal"
    )
    assert sorted(name for name, _ in tables) == sorted(TABLES)
    assert sorted(name for name, _ in views) == sorted(VIEWS)
    assert all(comment for _, comment in tables + views)
    assert (
        query(
            sample_warehouse,
            "SELECT table_name, column_name FROM duckdb_columns()"
            " WHERE NOT internal AND coalesce(comment, '') = ''",
        )
        == []
    )


def test_committed_dictionary_matches_the_warehouse(sample_warehouse: Path) -> None:
    generated = render_warehouse(sample_warehouse)
    committed = DEFAULT_OUTPUT.read_text(encoding="utf-8")
    assert committed == generated, "docs/data-dictionary.md is stale: run `corpus dictionary`"
    # Every column of every view is there with its comment, e.g. the posted-window rule.
    assert (
        "| `comments_posted` | `BIGINT` |  | Distinct comments (duplicates excluded) placed on the day"
        in generated
    )


def test_dictionary_command_writes_and_checks(sample_warehouse: Path, tmp_path: Path) -> None:
    output = tmp_path / "dictionary.md"
    args = [CORPUS, "dictionary", "--warehouse", str(sample_warehouse), "--output", str(output)]
    stale = subprocess.run([*args, "--check"], capture_output=True, text=True, cwd=REPO_ROOT)
    assert stale.returncode == 1 and "out of date" in stale.stderr and not output.exists()
    assert subprocess.run(args, capture_output=True, text=True, cwd=REPO_ROOT).returncode == 0
    assert output.read_text(encoding="utf-8") == DEFAULT_OUTPUT.read_text(encoding="utf-8")
    fresh = subprocess.run([*args, "--check"], capture_output=True, text=True, cwd=REPO_ROOT)
    assert fresh.returncode == 0, fresh.stderr
