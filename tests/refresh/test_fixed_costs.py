"""What every refresh pays whatever changed: importing pandas and pyarrow cost a refresh process
a third of a second (DuckDB imports both the first time it binds a Python parameter or reads an
Arrow frame), a tenth of the 1% refresh's budget at 10k articles. The refresh path does neither:
the staging manifest is read by DuckDB from its Parquet and parameters are written as literals."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl

from tests.conftest import SEED
from warehouse.build import register_frames
from warehouse.ingest import StagingStore
from warehouse.schema import POLARS_TYPES
from warehouse.staging import ERROR_SCHEMA, MANIFEST_SCHEMA

ROOT = Path(__file__).resolve().parents[2]

# A full build, then a refresh with one new file, in one fresh process, as `corpus build` runs
# them (the refresh job in process, its report included); which modules it had loaded after each.
SCRIPT = """
import json, sys
from pathlib import Path
from tests.conftest import build_warehouse
from tests.refresh.corpus import story, write

landing, warehouse = Path(sys.argv[1]), Path(sys.argv[2])
loaded = {}
for step, n in (("full", 1), ("incremental", 2)):
    write(landing / f"story-{n}.txt", story(n))
    result = build_warehouse(landing, warehouse)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    [mode] = {
        m.metadata["build_mode"].value
        for m in result.asset_materializations_for_node("warehouse_build")
    }
    assert mode == step, mode
    loaded[step] = sorted({"pandas", "pyarrow"} & set(sys.modules))
print(json.dumps(loaded))
"""


def test_a_refresh_process_never_imports_pandas_or_pyarrow(landing: Path, tmp_path: Path) -> None:
    shutil.copy(SEED, landing / SEED.name)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(landing), str(tmp_path / "w" / "corpus.duckdb")],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == {"full": [], "incremental": []}


def test_a_manifest_of_an_older_release_reads_with_every_column(tmp_path: Path) -> None:
    """A manifest written before `parser_version` and `batch` existed: the build's relation has
    the current columns and types, the missing ones NULL (so its files match no batch)."""
    store = StagingStore(tmp_path / "staging")
    store.root.mkdir(parents=True)
    old = {k: v for k, v in MANIFEST_SCHEMA.items() if k not in ("parser_version", "batch")}
    row = {name: None for name in old} | {"source_path": "a.txt", "status": "loaded"}
    pl.DataFrame([row], schema=old).write_parquet(store.manifest_path)
    con = duckdb.connect()
    register_frames(con, store)
    sql_types = {dtype: sql_type for sql_type, dtype in POLARS_TYPES.items()}
    expected = [(name, sql_types[dtype]) for name, dtype in MANIFEST_SCHEMA.items()]
    assert [r[:2] for r in con.execute("DESCRIBE staged_manifest").fetchall()] == expected
    assert con.execute(
        "SELECT source_path, parser_version, batch FROM staged_manifest"
    ).fetchall() == [("a.txt", None, None)]
    # No read errors written yet: an empty relation with the schema's columns.
    assert [r[0] for r in con.execute("DESCRIBE staged_read_errors").fetchall()] == list(
        ERROR_SCHEMA
    )
    assert con.execute("SELECT count(*) FROM staged_read_errors").fetchone() == (0,)
