"""Processes the lake tests start beside the shard processes (`python -m warehouse.lake_shard`):

    python -m tests.scale.lake_processes reader EXPECTED.json OUT.jsonl STOP_FILE
    python -m tests.scale.lake_processes stop-before-commit SHARD RAW STAGING

The reader queries the lake in a loop, one read transaction (one snapshot) per round, until the
stop file appears; it writes one JSON line per round: the snapshot, how many files of each shard
ingest_files holds, and every sql/checks query's violations; or the error it met. The other runs
a shard that writes everything, says "ready" and waits to be killed before it commits. Both take
the lake from the CORPUS_LAKE_* variables."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import duckdb

from warehouse.lake import LakeConfig, connect_lake, current_snapshot
from warehouse.lake_shard import refresh_shard
from warehouse.sql_files import CHECKS

WAIT_TO_BE_KILLED_SECONDS = 300  # a bound, should the test that kills it die first
ROUND_INTERVAL_SECONDS = 1.0  # the reader's pace: often enough to see every commit, not a CPU hog


def observe(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    con.execute("BEGIN")
    try:
        snapshot = current_snapshot(con)
        files = dict(
            con.execute(
                "SELECT e.shard, count(f.source_path) FROM temp.expected AS e"
                " LEFT JOIN main.ingest_files AS f USING (source_path) GROUP BY e.shard"
            ).fetchall()
        )
        violations = {c.name: con.execute(c.sql).fetchone()[0] for c in CHECKS}  # type: ignore[index]
        [(articles, captures)] = con.execute(
            "SELECT (SELECT count(*) FROM main.articles),"
            " (SELECT count(DISTINCT article_id) FROM main.article_captures)"
        ).fetchall()
    finally:
        con.execute("COMMIT")
    return {
        "snapshot": snapshot,
        "files_by_shard": {str(k): v for k, v in files.items()},
        "violations": violations,
        "articles": articles,
        "articles_captured": captures,
    }


def reader(expected_path: Path, out: Path, stop: Path) -> int:
    shard_of_path: dict[str, int] = json.loads(expected_path.read_text(encoding="utf-8"))
    con = connect_lake(LakeConfig.from_environment(), read_only=True)
    con.execute("CREATE TEMP TABLE expected (source_path VARCHAR, shard INTEGER)")
    con.executemany("INSERT INTO temp.expected VALUES (?, ?)", list(shard_of_path.items()))
    with out.open("w", encoding="utf-8") as sink:
        while True:
            last = stop.exists()  # one more round after the stop: it sees the final snapshot
            try:
                line = observe(con)
            except Exception as exc:  # every error is what the test counts
                line = {"error": f"{type(exc).__name__}: {exc}"}
            sink.write(json.dumps(line) + "\n")
            sink.flush()
            if last:
                return 0
            if not stop.exists():
                time.sleep(ROUND_INTERVAL_SECONDS)


def stop_before_commit(shard: int, raw: Path, staging: Path) -> int:
    def wait_to_be_killed() -> None:
        print("ready", flush=True)
        time.sleep(WAIT_TO_BE_KILLED_SECONDS)

    refresh_shard(raw, staging, LakeConfig.from_environment(), shard, 1, wait_to_be_killed)
    return 1  # never reached when the test kills it


def main(argv: list[str]) -> int:
    if argv[0] == "reader":
        return reader(Path(argv[1]), Path(argv[2]), Path(argv[3]))
    if argv[0] == "stop-before-commit":
        return stop_before_commit(int(argv[1]), Path(argv[2]), Path(argv[3]))
    raise SystemExit(f"unknown command {argv[0]!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
