"""One writer: a second `corpus build` fails fast with a clear message or, with --wait, queues
behind the first; Dagster runs claim the warehouse_writer pool, and the instance `corpus ui`
writes limits runs and that pool to one at a time."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import dagster as dg
import pytest

from assets.definitions import defs
from pipelines.instance import INSTANCE_YAML, MARKER, ensure_instance_config
from tests.conftest import REPO_ROOT, SEED
from warehouse.lock import writer_lock

CORPUS = str(REPO_ROOT / ".venv" / "bin" / "corpus")
PATIENCE_SECONDS = 120.0


@pytest.fixture
def sample(landing: Path, tmp_path: Path) -> tuple[list[str], Path]:
    shutil.copy(SEED, landing / SEED.name)
    warehouse = tmp_path / "w" / "corpus.duckdb"
    return [CORPUS, "build", "--raw", str(landing), "--warehouse", str(warehouse)], warehouse


def test_second_build_fails_at_once_with_a_clear_message(sample: tuple[list[str], Path]) -> None:
    command, warehouse = sample
    with writer_lock(warehouse, timeout=0):  # another writer, in this process
        done = subprocess.run(command, capture_output=True, text=True, timeout=PATIENCE_SECONDS)
    assert done.returncode == 75
    assert done.stderr.startswith("error: another refresh is writing corpus.duckdb")
    assert "pass --wait to queue behind it" in done.stderr
    assert not warehouse.exists()


def test_second_build_with_wait_queues_behind_the_first(sample: tuple[list[str], Path]) -> None:
    command, warehouse = sample
    with writer_lock(warehouse, timeout=0):
        waiting = subprocess.Popen(
            [*command, "--wait"],
            env={**os.environ, "CORPUS_LOCK_TIMEOUT": "60"},  # a bounded wait, should this break
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert waiting.stderr is not None
        # It says it is waiting, and has written nothing while the lock is held.
        lines = iter(waiting.stderr.readline, "")  # (anything an import warns comes first)
        expected = "another refresh is writing corpus.duckdb; waiting"
        assert any(line.startswith(expected) for line in lines)
        assert waiting.poll() is None and not warehouse.exists()
    out, _ = waiting.communicate(timeout=PATIENCE_SECONDS)
    assert waiting.returncode == 0 and "Warehouse published" in out
    assert warehouse.exists()


def test_lock_of_a_killed_holder_does_not_block(
    sample: tuple[list[str], Path], tmp_path: Path
) -> None:
    _, warehouse = sample
    holder = subprocess.Popen(
        [
            str(REPO_ROOT / ".venv" / "bin" / "python"),
            "-c",
            "import sys, time; from pathlib import Path; from warehouse.lock import writer_lock\n"
            "with writer_lock(Path(sys.argv[1]), timeout=0):\n"
            "    print('held', flush=True); time.sleep(600)",
            str(warehouse),
        ],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    with (
        pytest.raises(Exception, match="another refresh is writing"),
        writer_lock(warehouse, timeout=0),
    ):
        pass
    holder.kill()
    holder.wait()
    with writer_lock(warehouse, timeout=0):  # the kernel dropped the dead holder's lock
        assert (warehouse.parent / "corpus.duckdb.lock").exists()


def test_warehouse_build_claims_the_writer_pool() -> None:
    job = defs.resolve_job_def("refresh_warehouse")
    assert job.graph.node_named("warehouse_build").definition.pool == "warehouse_writer"


def test_ui_instance_limits_runs_and_the_writer_pool_to_one(tmp_path: Path) -> None:
    home = tmp_path / "dagster_home"
    home.mkdir()
    ensure_instance_config(home)
    with dg.DagsterInstance.from_config(str(home)) as instance:  # Dagster validates the file
        config = instance.get_concurrency_config()
        assert config.run_queue_config is not None
        assert config.run_queue_config.max_concurrent_runs == 1
        assert config.pool_config.default_pool_limit == 1
        # The pool's one slot, through the instance's own storage: a second run's step must wait.
        storage = instance.event_log_storage
        storage.initialize_concurrency_limit_to_default("warehouse_writer")
        first, second = str(uuid.uuid4()), str(uuid.uuid4())
        assert storage.claim_concurrency_slot(
            "warehouse_writer", first, "warehouse_build"
        ).is_claimed
        assert not storage.claim_concurrency_slot(
            "warehouse_writer", second, "warehouse_build"
        ).is_claimed
        storage.free_concurrency_slots_for_run(first)
        assert storage.claim_concurrency_slot(
            "warehouse_writer", second, "warehouse_build"
        ).is_claimed


def test_ui_instance_file_is_refreshed_but_never_overwrites_a_hand_written_one(
    tmp_path: Path,
) -> None:
    stale = tmp_path / "ours"
    stale.mkdir()
    (stale / "dagster.yaml").write_text(f"{MARKER}; old\nrun_queue:\n  max_concurrent_runs: 1\n")
    assert ensure_instance_config(stale).read_text() == INSTANCE_YAML
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    assert ensure_instance_config(mine).read_text() == "telemetry:\n  enabled: false\n"
    assert os.environ.get("DAGSTER_HOME") != str(mine)
