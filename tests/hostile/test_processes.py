"""What a killed or interrupted build leaves behind: no parse worker outlives `corpus build` killed
with SIGKILL, an interrupt says truthfully whether the new warehouse went live, and a build's
sweep of stale files never touches another warehouse's build in the same folder."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from pipelines.build import run_build
from pipelines.cli import main
from tests.conftest import REPO_ROOT, build_warehouse
from tests.refresh.corpus import story, write
from warehouse.publish import build_path_for, remove_stale_builds
from warehouse.readonly import run_query

PATIENCE_SECONDS = 60.0  # an upper bound for waits on other processes, never an assertion


def descendants(pid: int) -> set[int]:
    """Every process below `pid`, from /proc (children of children included)."""
    found: set[int] = set()
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    frontier.append(child)
    return found


def running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's corpse waits for a reaper that may never come)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def is_fork_server(pid: int) -> bool:
    try:
        return b"multiprocessing.forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_parse_workers_die_with_a_build_killed_by_sigkill(landing: Path, tmp_path: Path) -> None:
    for n in range(1, 121):
        write(landing / f"s{n:03}.txt", story(n, 4, extra=" The levee held, said Ana Silva." * 200))
    command = [
        str(REPO_ROOT / ".venv" / "bin" / "corpus"),
        "build",
        "--raw",
        str(landing),
        "--warehouse",
        str(tmp_path / "w" / "corpus.duckdb"),
    ]
    build = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO_ROOT, text=True
    )
    seen: set[int] = set()
    deadline = time.monotonic() + PATIENCE_SECONDS
    try:
        # Wait until a parse worker (a child of the build's fork server) is at work.
        while build.poll() is None and time.monotonic() < deadline:
            below = descendants(build.pid)
            seen |= below
            if any(descendants(pid) for pid in below if is_fork_server(pid)):
                seen |= {w for pid in below for w in descendants(pid)}
                break
            time.sleep(0.005)
        assert build.poll() is None, f"the build ended before a worker was seen: {build.stderr}"
        os.kill(build.pid, signal.SIGKILL)
        build.wait(PATIENCE_SECONDS)
        left = set(seen)
        deadline = time.monotonic() + PATIENCE_SECONDS
        while left and time.monotonic() < deadline:
            left = {pid for pid in left if running(pid)}
            time.sleep(0.05)
        assert left == set(), f"still running after the build was killed: {sorted(left)}"
    finally:
        build.kill()
        build.communicate(timeout=PATIENCE_SECONDS)


def interrupt_during(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> None:
    """SIGTERM sent to this process from inside `module.name`, as a scheduler stopping it would."""
    real = getattr(module, name)

    def then_stop(*args: object, **kwargs: object) -> object:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1)  # the signal lands here
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, then_stop)


def test_stopped_after_publishing_says_the_new_warehouse_is_live(
    seed_landing: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import assets.defs.report

    warehouse = tmp_path / "w" / "corpus.duckdb"
    build_warehouse(seed_landing, warehouse)
    before = warehouse.stat().st_ino
    write(seed_landing / "story-1.txt", story(1), captured_at="2024-05-01T09:00:00Z")
    interrupt_during(monkeypatch, assets.defs.report, "draw_if_changed")
    handler = signal.getsignal(signal.SIGTERM)
    assert run_build(seed_landing, warehouse) == 1
    err = capsys.readouterr().err
    assert warehouse.stat().st_ino != before  # published
    assert f"Build stopped after publishing: {warehouse} holds the warehouse this run built." in err
    assert "left as it was" not in err
    assert signal.getsignal(signal.SIGTERM) is handler  # restored for whoever called


def test_stopped_before_publishing_says_the_old_warehouse_stands(
    seed_landing: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import assets.defs.warehouse

    warehouse = tmp_path / "w" / "corpus.duckdb"
    build_warehouse(seed_landing, warehouse)
    before = warehouse.stat().st_ino
    write(seed_landing / "story-1.txt", story(1), captured_at="2024-05-01T09:00:00Z")
    interrupt_during(monkeypatch, assets.defs.warehouse, "build_database")
    assert run_build(seed_landing, warehouse) == 1
    err = capsys.readouterr().err
    assert warehouse.stat().st_ino == before
    assert "Build failed; the published warehouse was left as it was." in err
    assert sorted(p.name for p in warehouse.parent.glob(".build-*")) == []


def test_the_sweep_removes_only_this_warehouses_stale_builds(tmp_path: Path) -> None:
    published = tmp_path / "wh.duckdb"
    neighbour = tmp_path / "x-wh.duckdb"
    mine_stale, mine_now = build_path_for(published), build_path_for(published)
    theirs = build_path_for(neighbour)  # another refresh, building x-wh.duckdb right now
    for path in (mine_stale, mine_now, theirs):
        path.write_bytes(b"duckdb")
    Path(f"{mine_stale}.wal").write_bytes(b"wal")
    Path(f"{mine_stale}.tmp").mkdir()  # DuckDB's spill directory
    Path(f"{theirs}.wal").write_bytes(b"wal")
    removed = remove_stale_builds(published, keep=mine_now)
    assert sorted(p.name for p in removed) == sorted(
        [mine_stale.name, f"{mine_stale.name}.tmp", f"{mine_stale.name}.wal"]
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [mine_now.name, theirs.name, f"{theirs.name}.wal"]
    )


def test_an_analysts_query_is_capped_in_memory_and_spill(
    seed_landing: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    build_warehouse(seed_landing, warehouse)
    caps = "SELECT current_setting('memory_limit'), current_setting('max_temp_directory_size')"
    assert run_query(warehouse, caps)[1] == [("1.8 GiB", "7.4 GiB")]  # 2GB, 8GB in GiB
    assert run_query(warehouse, caps, memory_limit="3GB")[1] == [("2.7 GiB", "7.4 GiB")]
    huge = (
        "SELECT count(*) FROM (SELECT DISTINCT i::VARCHAR || repeat('x', 40) "
        "FROM range(5000000) AS t(i))"
    )
    args = ["sql", huge, "--warehouse", str(warehouse)]
    capsys.readouterr()
    assert main([*args, "--memory-limit", "30MB", "--temp-limit", "8MB"]) == 1
    assert capsys.readouterr().err.startswith("error: Out of Memory Error: ")
    # ...and the analyst cannot lift the cap from inside SQL
    with pytest.raises(duckdb.InvalidInputException, match="Cannot change configuration"):
        run_query(warehouse, "SET memory_limit = '100GB'")
