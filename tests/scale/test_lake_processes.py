"""The DuckLake warehouse on a real PostgreSQL catalog, written by real shard processes: concurrent
shards give the single-file build row for row while a reader sees only whole snapshots; a shard
killed mid-commit leaves the previous snapshot; a refresh commits only the shards that changed."""

from __future__ import annotations

import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pytest

from extraction.files import relative_source_path
from synth import synthesize
from synth.corpus import SHARD, write_shard
from tests.conftest import REPO_ROOT
from tests.scale.conftest import file_build, new_lake
from tests.scale.lake_processes import observe
from warehouse.lake import LakeConfig, connect_lake, current_snapshot, ensure_lake
from warehouse.lake_shard import refresh_shard, shard_key, shard_of
from warehouse.landing import walk_landing
from warehouse.local_postgres import LocalPostgres
from warehouse.sql_files import TABLES, VIEWS

SHARDS = 4
PROCESS_TIMEOUT = 300  # bounds every wait on a process; none is expected to come near it
# Columns stamped with the time of the run that parsed a file: two builds differ there only.
RUN_TIMES = {"ingest_files": "first_seen_at, last_loaded_at", "ingest_errors": "seen_at"}


def rows(con: duckdb.DuckDBPyConnection, name: str, prefix: str = "") -> list[tuple[Any, ...]]:
    exclude = f" EXCLUDE ({RUN_TIMES[name]})" if name in RUN_TIMES else ""
    return con.execute(f"SELECT *{exclude} FROM {prefix}{name} ORDER BY ALL").fetchall()


def assert_lake_equals_file(config: LakeConfig, warehouse: Path) -> None:
    lake = connect_lake(config, read_only=True)
    file = duckdb.connect(str(warehouse), read_only=True)
    try:
        for name in (*TABLES, *VIEWS):
            assert rows(lake, name, "main.") == rows(file, name), name
    finally:
        lake.close()
        file.close()


def shard_of_files(raw: Path) -> dict[str, int]:
    paths = (entry.source_path for entry in walk_landing(raw))
    return {p: shard_of(p, SHARDS) for p in paths if not p.endswith(".meta.json")}


def shard_command(shard: int, raw: Path, staging: Path) -> list[str]:
    return [
        *(sys.executable, "-m", "warehouse.lake_shard", "--shard", str(shard)),
        *("--raw", str(raw), "--staging", str(staging), "--workers", "1"),
    ]


def helper_command(*args: object) -> list[str]:
    return [sys.executable, "-m", "tests.scale.lake_processes", *map(str, args)]


def start(command: list[str], environment: dict[str, str]) -> subprocess.Popen[str]:
    # Bytecode may be cached: each process would otherwise compile every module it imports anew.
    inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        env={**inherited, **environment},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(processes: Iterable[subprocess.Popen[str]]) -> list[dict[str, Any]]:
    """Each shard process's report, once all have exited successfully."""
    reports = []
    for process in processes:
        out, err = process.communicate(timeout=PROCESS_TIMEOUT)
        assert process.returncode == 0, err
        reports.append(json.loads(out.strip().splitlines()[-1]))
    return reports


def run_shards(
    shards: Iterable[int], raw: Path, staging: Path, environment: dict[str, str]
) -> list[dict[str, Any]]:
    """All the shards at once, one process each."""
    return finish([start(shard_command(k, raw, staging), environment) for k in shards])


def snapshots(config: LakeConfig) -> list[tuple[int, str | None]]:
    """(id, author) of every snapshot, oldest first."""
    con = connect_lake(config, read_only=True)
    try:
        return [
            (int(i), author)
            for i, author in con.execute(
                "SELECT snapshot_id, author FROM lake.snapshots() ORDER BY snapshot_id"
            ).fetchall()
        ]
    finally:
        con.close()


def assert_whole(observation: dict[str, Any], expected_files: dict[int, int]) -> None:
    """A snapshot holds each shard whole or not at all, and passes every check."""
    assert "error" not in observation, observation["error"]
    for shard, count in observation["files_by_shard"].items():
        assert count in (0, expected_files[int(shard)]), observation
    assert all(v == 0 for v in observation["violations"].values()), observation
    assert observation["articles"] == observation["articles_captured"], observation


def recapture_in_other_shards(raw: Path, copies: int) -> None:
    """Copies of dumps (with their sidecars) under names owned by another shard than the
    original's: the same article captured in two shards, which only a serialised commit gets
    right (the later path wins the tie on capture time)."""
    for original in sorted(raw.rglob("*.txt"))[:copies]:
        home = shard_of(relative_source_path(original, raw), SHARDS)
        for attempt in range(100):
            copy = raw / "recaptured" / f"{attempt}-{original.name}"
            if shard_of(relative_source_path(copy, raw), SHARDS) != home:
                break
        copy.parent.mkdir(exist_ok=True)
        shutil.copy(original, copy)
        sidecar = original.with_name(original.name + ".meta.json")
        if sidecar.exists():
            shutil.copy(sidecar, copy.with_name(copy.name + ".meta.json"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("lake-corpus")
    synthesize(50, 9, out, ("txt", "jsonl"), workers=1)  # jsonl files hold many pages each
    recapture_in_other_shards(out / "raw", 3)
    return out / "raw"


@pytest.mark.slow  # four shard processes and a reader, on a real PostgreSQL
def test_four_concurrent_shards_give_the_file_build_while_a_reader_sees_whole_snapshots(
    corpus: Path, postgres: LocalPostgres, tmp_path: Path
) -> None:
    config, environment = new_lake(postgres, tmp_path, SHARDS)
    owners = shard_of_files(corpus)
    expected_files = {k: sum(1 for s in owners.values() if s == k) for k in range(SHARDS)}
    assert all(expected_files.values())
    reference = file_build(corpus, tmp_path / "file")
    with duckdb.connect(str(reference), read_only=True) as file:
        captures = file.execute("SELECT article_id, source_path FROM article_captures").fetchall()
    shards_of_article: dict[str, set[int]] = {}
    for article, path in captures:
        shards_of_article.setdefault(article, set()).add(owners[path])
    # the case the commit lock is for: one article captured in files of two shards
    assert any(len(s) > 1 for s in shards_of_article.values())

    mapping, observed, stop = tmp_path / "owners.json", tmp_path / "reader.jsonl", tmp_path / "stop"
    mapping.write_text(json.dumps(owners), encoding="utf-8")
    # The lake's tables exist before the reader starts (a shard creates them when they do not).
    con = connect_lake(config)
    try:
        ensure_lake(con, config)
    finally:
        con.close()
    reader = start(
        helper_command("reader", mapping, observed, stop),
        environment,
    )
    try:
        deadline = time.monotonic() + PROCESS_TIMEOUT
        while not (observed.exists() and observed.read_text(encoding="utf-8").strip()):
            assert reader.poll() is None, reader.communicate()[1]
            assert time.monotonic() < deadline
            time.sleep(0.05)
        reports = run_shards(range(SHARDS), corpus, tmp_path / "staging", environment)
    finally:
        stop.touch()
        _, err = reader.communicate(timeout=PROCESS_TIMEOUT)
    assert reader.returncode == 0, err

    assert sorted(r["shard"] for r in reports) == list(range(SHARDS))
    assert all(r["snapshot"] is not None for r in reports)
    assert_lake_equals_file(config, reference)

    lines = [json.loads(line) for line in observed.read_text(encoding="utf-8").splitlines()]
    assert [line for line in lines if "error" in line] == []
    for line in lines:
        assert_whole(line, expected_files)
    seen = {line["snapshot"] for line in lines}
    shard_snapshots = {r["snapshot"] for r in reports}
    assert max(seen) == max(shard_snapshots)  # the last round saw the final lake
    assert len(seen) >= 2  # and it was reading while shards committed
    # Every snapshot the shards made, read again by time travel, is whole too.
    for snapshot in sorted(shard_snapshots):
        at = connect_lake(config, snapshot=snapshot)
        try:
            at.execute("CREATE TEMP TABLE expected (source_path VARCHAR, shard INTEGER)")
            at.executemany("INSERT INTO temp.expected VALUES (?, ?)", list(owners.items()))
            assert_whole(observe(at), expected_files)
        finally:
            at.close()


def wait_for_line(process: subprocess.Popen[str], expected: str) -> None:
    """Until the process prints `expected` on a line of its own (bounded; fails if it exits)."""
    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + PROCESS_TIMEOUT
    while time.monotonic() < deadline:
        if selector.select(timeout=1.0):
            line = process.stdout.readline()
            if line.strip() == expected:
                return
            assert line, f"exited before {expected!r}: {process.communicate()[1]}"
    raise AssertionError(f"no {expected!r} within {PROCESS_TIMEOUT} s")


def lake_state(config: LakeConfig) -> tuple[int, dict[str, list[tuple[Any, ...]]]]:
    con = connect_lake(config, read_only=True)
    try:
        con.execute("BEGIN")
        state = current_snapshot(con), {n: rows(con, n, "main.") for n in (*TABLES, *VIEWS)}
        con.execute("COMMIT")
        return state
    finally:
        con.close()


@pytest.mark.slow  # a shard process killed with SIGKILL mid-commit, on a real PostgreSQL
def test_a_shard_killed_mid_commit_leaves_the_previous_snapshot_and_its_rerun_succeeds(
    postgres: LocalPostgres, tmp_path: Path
) -> None:
    synthesize(20, 4, tmp_path / "corpus", ("txt",), workers=1)
    raw = tmp_path / "corpus" / "raw"
    config, environment = new_lake(postgres, tmp_path, SHARDS)
    staging = tmp_path / "staging"
    for shard in range(SHARDS):  # the lake before, filled in this process
        refresh_shard(raw, staging, config, shard, 1)
    # A re-capture lands: a copy of a dump under a new name, newer than the original.
    original = sorted(raw.rglob("*.txt"))[0]
    late = raw / "late" / original.name
    late.parent.mkdir()
    shutil.copy(original, late)
    shard = shard_of(relative_source_path(late, raw), SHARDS)
    before = lake_state(config)

    doomed = start(
        helper_command("stop-before-commit", shard, raw, staging),
        environment,
    )
    try:
        wait_for_line(doomed, "ready")  # everything written, the commit not yet made
    finally:
        doomed.send_signal(signal.SIGKILL)
        doomed.communicate(timeout=PROCESS_TIMEOUT)
    assert doomed.returncode == -signal.SIGKILL
    assert lake_state(config) == before  # same snapshot, same rows

    # The rerun takes the commit lock the killed process held (PostgreSQL dropped it) and lands.
    _, commit = refresh_shard(raw, staging, replace(config, lock_timeout=60.0), shard, 1)
    assert commit.snapshot is not None and commit.snapshot > before[0]
    assert commit.files_changed == 1
    assert_lake_equals_file(config, file_build(raw, tmp_path / "file"))


@pytest.mark.slow  # a refresh by four shard processes, on a real PostgreSQL
def test_a_refresh_with_one_percent_new_files_commits_only_their_shards(
    postgres: LocalPostgres, tmp_path: Path
) -> None:
    articles = 100
    synthesize(articles, 5, tmp_path / "corpus", ("txt",), workers=1)
    raw = tmp_path / "corpus" / "raw"
    config, environment = new_lake(postgres, tmp_path, SHARDS)
    staging = tmp_path / "staging"
    for shard in range(SHARDS):  # the first refresh, in this process
        assert refresh_shard(raw, staging, config, shard, 1)[1].snapshot is not None
    before = {path for path in shard_of_files(raw)}
    made = snapshots(config)

    # 1% more articles, in new files (as bench/pipeline.py adds them)
    start_index = ((articles + SHARD - 1) // SHARD) * SHARD
    write_shard(5, start_index, start_index + articles // 100, 400, ("txt",), str(raw))
    new_files = {p: k for p, k in shard_of_files(raw).items() if p not in before}
    # one more article (its files, re-captures among them) in fewer shards than there are
    assert 0 < len(set(new_files.values())) < SHARDS
    second = run_shards(range(SHARDS), raw, staging, environment)

    committed = {r["shard"] for r in second if r["snapshot"] is not None}
    assert committed == set(new_files.values())
    assert all(r["files_changed"] == 0 for r in second if r["shard"] not in committed)
    new_snapshots = snapshots(config)[len(made) :]
    assert sorted(author or "" for _, author in new_snapshots) == sorted(
        f"corpus shard {shard_key(k)}" for k in committed
    )
    assert_lake_equals_file(config, file_build(raw, tmp_path / "file"))
