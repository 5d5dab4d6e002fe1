"""`corpus build`: every asset materialised in process, then a summary a person can act on."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from warehouse.lock import ENV_LOCK_TIMEOUT, WarehouseBusyError, writer_lock
from warehouse.readonly import run_query

if TYPE_CHECKING:
    import dagster as dg

    from pipelines.resources import CorpusStorage

EXIT_BUSY = 75  # EX_TEMPFAIL: another build holds the warehouse; retrying later will work


def _waiting(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


SUMMARY_QUERY = """
SELECT
    (SELECT count(*) FROM ingest_files) AS files,
    (SELECT count(*) FROM articles) AS articles,
    (SELECT count(*) FROM quotes) AS quotes,
    (SELECT count(*) FROM comments) AS comments,
    (SELECT count(*) FROM ingest_files WHERE status = 'partial') AS partial_files,
    (SELECT count(*) FROM ingest_files WHERE status = 'rejected') AS rejected_files
"""


def print_summary(warehouse: Path) -> None:
    from pipelines.cli import EXAMPLE_QUERY, format_rows

    columns, rows = run_query(warehouse, SUMMARY_QUERY)
    summary = dict(zip(columns, rows[0], strict=True))
    print(f"\nWarehouse published: {warehouse}")
    print(
        "  files {files} · articles {articles} · quotes {quotes} · comments {comments} · "
        "partial files {partial_files} · rejected files {rejected_files}".format(**summary)
    )
    if summary["rejected_files"] or summary["partial_files"]:
        print(
            "  Problems are listed in ingest_errors: "
            'corpus sql "SELECT source_path, error_kind, message FROM ingest_errors"'
        )
    print(f'\nExample: corpus sql "{EXAMPLE_QUERY}"')
    print(format_rows(*run_query(warehouse, EXAMPLE_QUERY), "table"))


def _identity(path: Path) -> tuple[int, int, int] | None:
    """Which file sits at `path`: publishing renames a new one over it, so this changes."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def _interrupted(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def _say_what_is_published(warehouse: Path, before: tuple[int, int, int] | None) -> None:
    """After a failed or interrupted run: whether this run's warehouse went live or not."""
    if _identity(warehouse) not in (None, before):
        print(
            f"\nBuild stopped after publishing: {warehouse} holds the warehouse this run built. "
            "What came after did not finish (run `corpus report --refresh` for the engagement "
            "report, or `corpus build` again).",
            file=sys.stderr,
        )
    else:
        print("\nBuild failed; the published warehouse was left as it was.", file=sys.stderr)


def run_build(raw: Path, warehouse: Path, wait: bool = False) -> int:
    from pipelines.definitions import defs
    from pipelines.resources import CorpusStorage

    if not wait:
        os.environ.setdefault(ENV_LOCK_TIMEOUT, "0")
    storage = CorpusStorage(raw_dir=str(raw), warehouse=str(warehouse))
    job = defs.resolve_job_def("refresh_warehouse")
    # SIGTERM (a scheduler stopping the build) is handled as Ctrl-C is: the message below says
    # whether the new warehouse was published before the stop.
    previous = signal.signal(signal.SIGTERM, _interrupted)
    try:
        return _run(job, storage, raw, warehouse, wait)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(
    job: dg.JobDefinition, storage: CorpusStorage, raw: Path, warehouse: Path, wait: bool
) -> int:
    before = _identity(warehouse)
    try:
        # Held around the whole run (the assets re-enter it), so two builds never interleave steps.
        with writer_lock(warehouse, timeout=None if wait else 0, on_wait=_waiting):
            print(f"Building {warehouse} from {raw} ...", flush=True)
            result = job.execute_in_process(
                resources={"storage": storage},
                raise_on_error=False,
                run_config={"loggers": {"console": {"config": {"log_level": "INFO"}}}},
            )
    except WarehouseBusyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except KeyboardInterrupt:
        _say_what_is_published(warehouse, before)
        return 130
    if not result.success:
        failures = [
            event.step_failure_data.error.message.strip()
            for event in result.all_events
            if event.is_step_failure and event.step_failure_data.error
        ]
        _say_what_is_published(warehouse, before)
        for message in failures:
            print(f"  {message.splitlines()[0]}", file=sys.stderr)
        return 1
    try:
        print_summary(warehouse)
    except KeyboardInterrupt:
        print(f"\nWarehouse published: {warehouse} (the summary was interrupted)", file=sys.stderr)
        return 130
    return 0
