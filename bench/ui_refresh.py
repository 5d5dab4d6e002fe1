"""A refresh launched from the Dagster UI against `corpus build`, side by side on the sample corpus.

    .venv/bin/python bench/ui_refresh.py            # three rounds
    .venv/bin/python bench/ui_refresh.py --rounds 5

Starts `corpus ui` (dg dev: webserver, daemon, code server) on a free port with a temporary Dagster
home, then alternates: a full refresh launched as the UI's button launches it (the
`refresh_warehouse` job through the webserver's GraphQL API, queued, started by the daemon in a
run worker process) and a full `corpus build` of the same landing directory into a fresh warehouse.
Each is timed from the request to the finished run. Nothing is asserted; the goal is a UI run
within 1.5x of `corpus build`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / ".venv" / "bin" / "corpus"
SAMPLE = ROOT / "data" / "raw"
START_SECONDS = 300
RUN_SECONDS = 600


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def ui_refresh(port: int) -> float:
    """Seconds from asking the webserver for a refresh_warehouse run to its success."""
    from dagster import DagsterRunStatus
    from dagster_graphql import DagsterGraphQLClient

    client = DagsterGraphQLClient("127.0.0.1", port_number=port)
    started = time.perf_counter()
    run_id = client.submit_job_execution("refresh_warehouse", repository_location_name="corpus")
    deadline = started + RUN_SECONDS
    while (status := client.get_run_status(run_id)) not in (
        DagsterRunStatus.SUCCESS,
        DagsterRunStatus.FAILURE,
        DagsterRunStatus.CANCELED,
    ):
        if time.perf_counter() > deadline:
            raise TimeoutError(f"run {run_id} still {status} after {RUN_SECONDS} s")
        time.sleep(0.2)
    if status != DagsterRunStatus.SUCCESS:
        raise RuntimeError(f"run {run_id} ended {status}")
    return time.perf_counter() - started


def cli_refresh(raw: Path, warehouse: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [str(CORPUS), "build", "--raw", str(raw), "--warehouse", str(warehouse)],
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def fresh(warehouse: Path) -> None:
    """Remove a warehouse and its staging store, so the next refresh parses everything."""
    shutil.rmtree(warehouse.parent, ignore_errors=True)
    warehouse.parent.mkdir(parents=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="ui-refresh-"))
    raw = work / "raw"
    shutil.copytree(SAMPLE, raw)
    ui_warehouse = work / "ui" / "corpus.duckdb"
    cli_warehouse = work / "cli" / "corpus.duckdb"
    env = {
        **os.environ,
        "DAGSTER_HOME": str(work / "dagster_home"),
        "CORPUS_RAW_DIR": str(raw),
        "CORPUS_WAREHOUSE": str(ui_warehouse),
    }
    port = free_port()
    log = (work / "ui.log").open("wb")
    ui = subprocess.Popen(
        [str(CORPUS), "ui", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    timings: dict[str, list[float]] = {"ui": [], "cli": []}
    try:
        deadline = time.monotonic() + START_SECONDS
        while not answers(f"http://127.0.0.1:{port}/server_info"):
            if ui.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"corpus ui did not start; see {work / 'ui.log'}")
            time.sleep(1)
        load = os.getloadavg()[0]
        for round_ in range(1, options.rounds + 1):
            fresh(ui_warehouse)
            timings["ui"].append(ui_refresh(port))
            fresh(cli_warehouse)
            timings["cli"].append(cli_refresh(raw, cli_warehouse, env))
            print(
                f"round {round_}: UI {timings['ui'][-1]:.1f} s, corpus build "
                f"{timings['cli'][-1]:.1f} s",
                file=sys.stderr,
                flush=True,
            )
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(ui.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            ui.wait(timeout=30)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(ui.pid, signal.SIGKILL)
        ui.wait()
        log.close()
    ui_s, cli_s = statistics.median(timings["ui"]), statistics.median(timings["cli"])
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} at the start")
    print(f"command: bench/ui_refresh.py --rounds {options.rounds}")
    dumps = [p for p in raw.rglob("*") if p.is_file() and not p.name.endswith(".meta.json")]
    print(f"sample: {len(dumps)} dumps (data/raw/)")
    print("| metric (median of rounds) | seconds | goal |")
    print("|---|---|---|")
    print(f"| UI refresh: launch -> success | {ui_s:.1f} | |")
    print(f"| `corpus build`: command -> exit | {cli_s:.1f} | |")
    print(f"| UI / corpus build | {ui_s / cli_s:.2f}x | <= 1.5x |")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
