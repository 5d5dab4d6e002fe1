"""The DuckLake backend against the DuckDB file, side by side in one run (`bench/pipeline.py
--backend ducklake`): a full build and a refresh with 1% files changed on each, and the lake's full
build by 1, 2 and 4 shard processes. The lake's catalog is a throwaway PostgreSQL on this machine
(warehouse/local_postgres.py) and its data path a local directory.

Wall seconds move with whatever else the machine runs, so each row also gives the CPU seconds of
the processes the step started (parse workers and shard processes, summed; the PostgreSQL server's
own CPU is not in them) and the load average around it. Nothing is asserted.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

from warehouse.lake import (  # noqa: E402
    ENV_LAKE_CATALOG,
    ENV_LAKE_DATA_PATH,
    ENV_LAKE_SHARDS,
    LakeConfig,
    lake_session,
    relation_counts,
)
from warehouse.local_postgres import LocalPostgres, local_postgres  # noqa: E402

SHARDS = 4  # the lake's partitions; 1, 2 or 4 processes work through them
PROCESSES = (1, 2, 4)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(action: Callable[[], Any]) -> dict[str, Any]:
    """Wall and child-process CPU seconds of an action that waits for the processes it starts."""
    load = os.getloadavg()[0]
    cpu, wall = _children_cpu(), time.perf_counter()
    result = action()
    return {
        "wall": time.perf_counter() - wall,
        "cpu": _children_cpu() - cpu,
        "load": (load, os.getloadavg()[0]),
        "result": result,
    }


def run_shards(
    raw: Path, staging: Path, environment: dict[str, str], processes: int
) -> list[dict[str, Any]]:
    """Every shard in its own process (`python -m warehouse.lake_shard`, one parse worker each),
    at most `processes` at a time, as a Dagster executor with that concurrency would run them."""
    waiting = list(range(SHARDS))
    running: list[subprocess.Popen[str]] = []
    reports = []
    env = {**os.environ, **environment}
    while waiting or running:
        while waiting and len(running) < processes:
            shard = waiting.pop(0)
            command = [
                *(sys.executable, "-m", "warehouse.lake_shard", "--shard", str(shard)),
                *("--raw", str(raw), "--staging", str(staging), "--workers", "1"),
            ]
            running.append(
                subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
            )
        done = running.pop(0)
        out, _ = done.communicate()
        if done.returncode != 0:
            raise RuntimeError(f"a shard process failed ({done.returncode})")
        reports.append(json.loads(out.strip().splitlines()[-1]))
    return reports


def lake_environment(server: LocalPostgres, data: Path) -> dict[str, str]:
    return {
        ENV_LAKE_CATALOG: server.ducklake_catalog,
        ENV_LAKE_DATA_PATH: str(data),
        ENV_LAKE_SHARDS: str(SHARDS),
        **server.environment,
    }


def measure_lake(
    size: int,
    raw: Path,
    state: Path,
    file_build: Callable[[Path], dict[str, Any]],
    change_one_percent: Callable[[], Any],
) -> dict[str, Any]:
    """Both backends at one corpus size. `file_build(state)` is the file warehouse's refresh in a
    fresh process (bench/pipeline.py's); `change_one_percent()` changes 1% of the files (new dumps
    and re-captures, as bench/pipeline.py's refresh row does) and returns what `.undo()`s it."""
    m: dict[str, Any] = {"size": size}
    file_state = state / "file"
    shutil.rmtree(file_state, ignore_errors=True)
    file_state.mkdir(parents=True)
    print(f"[{size}] file: full build, 2 workers ...", file=sys.stderr, flush=True)
    m["file_full"] = timed(lambda: file_build(file_state))
    with local_postgres() as server:
        for processes in PROCESSES:
            print(f"[{size}] lake: full build, {processes} shard processes ...", file=sys.stderr)
            database = server.create_database(f"bench_{processes}")
            data, staging = state / f"lake-{processes}", state / f"staging-{processes}"
            shutil.rmtree(data, ignore_errors=True)
            shutil.rmtree(staging, ignore_errors=True)
            env = lake_environment(database, data)
            m[f"lake_full_{processes}"] = timed(
                lambda e=env, s=staging, p=processes: run_shards(raw, s, e, p)
            )  # type: ignore[misc]
        config = LakeConfig(database.ducklake_catalog, str(data), SHARDS, database.password)
        with lake_session(config, read_only=True) as con:
            m["lake_rows"] = relation_counts(con)
        change = change_one_percent()
        try:
            print(f"[{size}] file: refresh, 1% files changed ...", file=sys.stderr, flush=True)
            m["file_inc"] = timed(lambda: file_build(file_state))
            print(f"[{size}] lake: refresh, 1% files changed, 2 processes ...", file=sys.stderr)
            m["lake_inc"] = timed(lambda: run_shards(raw, staging, env, 2))
        finally:
            change.undo()
    return m


def _shards_committed(reports: list[dict[str, Any]]) -> str:
    committed = [r for r in reports if r["snapshot"] is not None]
    files = sum(r["files_changed"] for r in committed)
    return f"{len(committed)} of {len(reports)} shards, {files} files"


def table(results: list[dict[str, Any]]) -> str:
    lines: list[tuple[str, list[str]]] = []

    def row(label: str, cell: Callable[[dict[str, Any]], str]) -> None:
        lines.append((label, [cell(r) for r in results]))

    def step(label: str, key: str) -> None:
        row(
            label,
            lambda r: (
                f"{r[key]['wall']:.1f} s wall, {r[key]['cpu']:.1f} s CPU"
                f" (load {r[key]['load'][0]:.1f}/{r[key]['load'][1]:.1f})"
            ),
        )

    row(
        "articles / comments (lake)",
        lambda r: f"{r['lake_rows']['articles']:,} / {r['lake_rows']['comments']:,}",
    )
    step("file: full build (2 parse workers)", "file_full")
    for processes in PROCESSES:
        step(f"lake: full build, {processes} shard process(es)", f"lake_full_{processes}")
    row(
        "lake 2 procs / file: full build wall",
        lambda r: f"{r['lake_full_2']['wall'] / r['file_full']['wall']:.2f}x",
    )
    row(
        "lake 2 procs / file: full build CPU",
        lambda r: f"{r['lake_full_2']['cpu'] / r['file_full']['cpu']:.2f}x",
    )
    for processes in PROCESSES[1:]:
        row(
            f"lake speed-up, {processes} procs vs 1 (wall)",
            lambda r, p=processes: f"{r['lake_full_1']['wall'] / r[f'lake_full_{p}']['wall']:.2f}x",
        )
    row(
        "lake CPU, 4 procs / 1 proc",
        lambda r: f"{r['lake_full_4']['cpu'] / r['lake_full_1']['cpu']:.2f}x",
    )
    step("file: refresh, 1% files changed", "file_inc")
    step("lake: refresh, 1% files changed (2 procs)", "lake_inc")
    row("  lake shards that committed", lambda r: _shards_committed(r["lake_inc"]["result"]))
    row(
        "lake / file: 1% refresh wall",
        lambda r: f"{r['lake_inc']['wall'] / r['file_inc']['wall']:.2f}x",
    )
    row(
        "lake / file: 1% refresh CPU",
        lambda r: f"{r['lake_inc']['cpu'] / r['file_inc']['cpu']:.2f}x",
    )
    width = max(len(label) for label, _ in lines)
    header = (
        "| "
        + " | ".join(["metric".ljust(width), *(f"{r['size']:,} articles" for r in results)])
        + " |"
    )
    rule = "|" + "|".join(["-" * (width + 2), *("-" * 16 for _ in results)]) + "|"
    body = ["| " + " | ".join([label.ljust(width), *values]) + " |" for label, values in lines]
    return "\n".join([header, rule, *body])
