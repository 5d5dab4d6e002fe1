"""Atomic publishing with real processes: an analyst querying in a loop never sees an error or a
half-built snapshot, a build killed with SIGKILL leaves the old or the new warehouse and the next
build recovers, and an error in any asset leaves the published file untouched."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import polars as pl
import pytest

from assets.defs import ingest
from assets.defs.resources import CorpusStorage
from tests.conftest import REPO_ROOT, SEED, build_warehouse
from tests.refresh.corpus import bump_mtime, story, table_checksums, write
from tests.refresh.reader import SNAPSHOT_QUERY
from warehouse.paths import staging_dir_for
from warehouse.readonly import connect_readonly

CORPUS = [str(REPO_ROOT / ".venv" / "bin" / "corpus")]
PATIENCE_SECONDS = 60.0  # an upper bound for waits on other processes, never an assertion


def build(raw: Path, warehouse: Path) -> dg.ExecuteInProcessResult:
    result = build_warehouse(raw, warehouse)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    return result


def snapshot(warehouse: Path) -> str:
    con = connect_readonly(warehouse)
    try:
        return json.dumps(con.execute(SNAPSHOT_QUERY).fetchone())
    finally:
        con.close()


def wait_for_line(path: Path, line: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + PATIENCE_SECONDS
    while time.monotonic() < deadline:
        if path.exists() and line in path.read_text(encoding="utf-8").splitlines():
            return
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)
    raise AssertionError(f"the reader never saw {line}")


def file_identity(path: Path) -> tuple[int, int, str]:
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(warehouse: Path) -> list[str]:
    return sorted(p.name for p in warehouse.parent.glob(".build-*"))


@pytest.mark.slow
def test_reader_sees_only_complete_snapshots_across_five_builds(
    landing: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    shutil.copy(SEED, landing / SEED.name)
    build(landing, warehouse)
    expected = [snapshot(warehouse)]
    seen, stop = tmp_path / "seen.txt", tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-m", "tests.refresh.reader", str(warehouse), str(seen), str(stop)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_line(seen, expected[0], reader)
        for n in range(1, 6):
            write(
                landing / f"story-{n}.txt",
                story(n, n % 4 + 1),
                captured_at=f"2024-05-0{n}T09:00:00Z",
            )
            build(landing, warehouse)
            expected.append(snapshot(warehouse))
            wait_for_line(seen, expected[-1], reader)  # the reader has moved on to this build
    finally:
        stop.touch()
        out, err = reader.communicate(timeout=PATIENCE_SECONDS)
    report = json.loads(out)
    assert report["errors"] == [], err
    assert sorted(report["snapshots"]) == sorted(expected)
    assert len(set(expected)) == 6
    assert all(json.loads(s)[3] is True for s in expected)  # each snapshot internally consistent
    assert report["iterations"] > 6


class BuildServer:
    """Drives tests/refresh/build_server.py: forked `corpus build` processes, warm imports."""

    def __init__(self, env: dict[str, str], logs: Path) -> None:
        self.logs = logs
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.refresh.build_server"],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.count = 0

    def _ask(self, line: str) -> int:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return int(self.process.stdout.readline())

    def start(self, args: list[str]) -> tuple[int, float]:
        """A new build, once it holds the lock and has begun (it prints "Building ...")."""
        self.count += 1
        log = self.logs / f"build-{self.count}.log"
        pid = self._ask(f"build {log} {json.dumps(args)}")
        deadline = time.monotonic() + PATIENCE_SECONDS
        while not (log.exists() and "Building" in log.read_text()):
            assert time.monotonic() < deadline, f"build {self.count} never began"
            time.sleep(0.005)
        return pid, time.monotonic()

    def wait(self, pid: int) -> int:
        return self._ask(f"wait {pid}")

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=PATIENCE_SECONDS)


@pytest.mark.slow
def test_build_killed_at_random_moments_leaves_old_or_new_and_next_build_recovers(
    landing: Path, tmp_path: Path
) -> None:
    shutil.copy2(SEED, landing / SEED.name)
    for n in range(1, 9):
        write(
            landing / "stories" / f"story-{n}.txt", story(n, n % 4 + 1), f"2024-06-0{n}T09:00:00Z"
        )
    rotating = landing / "rotating.txt"
    versions = [story(20, 1, 30), story(20, 4, 60, extra=" The levee held.")]

    def landing_at(version: int) -> None:
        write(rotating, versions[version], captured_at=f"2024-07-0{version + 1}T00:00:00Z")
        bump_mtime(rotating, 10 + version)
        bump_mtime(Path(f"{rotating}.meta.json"), 10 + version)

    # The two states, each built from scratch in its own directory.
    states = []
    for version in (0, 1):
        landing_at(version)
        reference = tmp_path / f"reference-{version}" / "corpus.duckdb"
        build(landing, reference)
        states.append(table_checksums(reference, include_run_times=False))
    assert states[0] != states[1]

    warehouse = tmp_path / "w" / "corpus.duckdb"
    args = ["build", "--raw", str(landing), "--warehouse", str(warehouse)]
    # A stale lock would make the recovery build wait: fail within seconds instead.
    env = {**os.environ, "CORPUS_WORKERS": "2", "CORPUS_LOCK_TIMEOUT": "5"}
    logs = tmp_path / "logs"
    logs.mkdir()
    server = BuildServer(env, logs)
    try:
        current = 1
        pid, began = server.start(args)  # an unkilled build first, to learn how long a run takes
        assert server.wait(pid) == 0
        run_seconds = time.monotonic() - began
        assert table_checksums(warehouse, include_run_times=False) == states[current]

        # Each trial's build starts on what the previous kill left behind (a stale .build-* file,
        # a half-updated staging store, a lock file whose holder died): it must begin, and
        # whatever moment it is killed at, the published warehouse is the old or the new state.
        rng = random.Random(20261124)
        outcomes = []
        for trial in range(10):
            target = 1 - current
            landing_at(target)
            pid, began = server.start(args)
            # Stratified: trial i dies at a random moment in the i-th tenth of 1.2 run lengths,
            # so the trials cover the whole run (and a little after it ends).
            time.sleep((trial + rng.random()) / 10 * run_seconds * 1.2)
            os.killpg(pid, signal.SIGKILL)
            assert server.wait(pid) in (-signal.SIGKILL, 0)  # 0: it finished before the kill
            published = table_checksums(warehouse, include_run_times=False)
            assert published in (states[current], states[target]), f"trial {trial}: mixed state"
            outcomes.append(("old", "new")[published == states[target]])
            current = target if published == states[target] else current
        print(f"kill outcomes (runs of {run_seconds:.2f} s): {outcomes}")
    finally:
        server.close()

    # The next build, from the command line itself, succeeds and cleans up.
    command = [*CORPUS, *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert table_checksums(warehouse, include_run_times=False) == states[target]
    assert leftovers(warehouse) == []


@pytest.fixture
def published(landing: Path, tmp_path: Path) -> Path:
    """A published warehouse, and a new file waiting in the landing directory for the next build."""
    shutil.copy(SEED, landing / SEED.name)
    warehouse = tmp_path / "w" / "corpus.duckdb"
    build(landing, warehouse)
    write(landing / "story-1.txt", story(1), captured_at="2024-05-01T09:00:00Z")
    return warehouse


def failed_step(result: dg.ExecuteInProcessResult) -> str:
    assert not result.success
    [step] = {e.step_key for e in result.all_events if e.is_step_failure}
    return str(step)


def failure_message(result: dg.ExecuteInProcessResult) -> str:
    """The step's error with its causes (Dagster wraps the exception the asset raised)."""
    [error] = [e.step_failure_data.error for e in result.all_events if e.is_step_failure]
    messages = []
    while error is not None:
        messages.append(error.message)
        error = error.cause
    return "\n".join(messages)


def test_missing_landing_directory_fails_raw_dump_files_and_publishes_nothing(
    published: Path, landing: Path
) -> None:
    before = file_identity(published)
    result = build_warehouse(landing.parent / "no-such-dir", published)
    assert failed_step(result) == "raw_dump_files"
    assert "does not exist or is not a directory" in failure_message(result)
    assert file_identity(published) == before and leftovers(published) == []


def test_parse_failure_fails_parsed_records_and_publishes_nothing(
    published: Path, landing: Path
) -> None:
    before = file_identity(published)
    blocked = staging_dir_for(published) / "parsed" / "articles"
    shutil.rmtree(blocked)
    blocked.write_text("a file where the staging store needs a directory")
    assert failed_step(build_warehouse(landing, published)) == "parsed_records"
    assert file_identity(published) == before and leftovers(published) == []


def stage_new_files(landing: Path, published: Path) -> Path:
    """Parse what is new without building, and return the staged comments batch the next build
    reads (the only one a refresh of one new file needs)."""
    before = set((staging_dir_for(published) / "parsed" / "comments").glob("*.parquet"))
    storage = CorpusStorage(raw_dir=str(landing), warehouse=str(published), workers=1)
    staged = dg.materialize(
        [ingest.raw_dump_files, ingest.parsed_records], resources={"storage": storage}
    )
    assert staged.success
    [batch] = set((staging_dir_for(published) / "parsed" / "comments").glob("*.parquet")) - before
    return batch


def test_unreadable_staged_batch_is_parsed_again_and_the_build_publishes(
    published: Path, landing: Path
) -> None:
    """(tests/hostile/test_staging_repair.py covers the other kinds of damage.)"""
    [batch] = (staging_dir_for(published) / "parsed" / "comments").glob("*.parquet")
    batch.write_bytes(b"PAR1 this is not parquet any more")
    build(landing, published)
    assert snapshot(published) == snapshot(rebuilt_from_scratch(landing, published))


def rebuilt_from_scratch(landing: Path, beside: Path) -> Path:
    fresh = beside.parent.parent / "fresh" / "corpus.duckdb"
    build(landing, fresh)
    return fresh


def test_failing_blocking_check_stops_publishing(published: Path, landing: Path) -> None:
    before = file_identity(published)
    batch = stage_new_files(landing, published)
    staged = pl.read_parquet(batch)
    pl.concat([staged, staged.head(1)]).write_parquet(batch)  # one comment staged twice
    result = build_warehouse(landing, published)
    assert failed_step(result) == "warehouse_build"
    assert "checks failed: comments_comment_id_unique; the warehouse was not published" in (
        failure_message(result)
    )
    assert file_identity(published) == before and leftovers(published) == []
