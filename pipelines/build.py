"""`corpus build`: the refresh job executed in this process and recorded in the project's Dagster
instance (so the UI shows it like any other run), then a summary a person can act on."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from types import FrameType

import dagster as dg

from assets.defs.resources import CorpusStorage, corpus_storage
from pipelines.instance import cli_run_tags, fail_dead_cli_runs, project_instance
from pipelines.output import EXAMPLE_QUERY, format_rows
from warehouse.lake import warehouse_backend
from warehouse.lock import WarehouseBusyError, writer_lock
from warehouse.readonly import run_query

EXIT_BUSY = 75  # EX_TEMPFAIL: another build holds the warehouse; retrying later will work
REFRESH_JOB = "refresh_warehouse"


def _waiting(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


SUMMARY_QUERY = """
SELECT
    (SELECT count(*) FROM ingest_files) AS files,
    (SELECT count(*) FROM articles) AS articles,
    (SELECT count(*) FROM quotes) AS quotes,
    (SELECT count(*) FROM comments) AS comments,
    (SELECT count(*) FROM ingest_files WHERE status = 'partial') AS partial_files,
    (SELECT count(*) FROM ingest_files WHERE status = 'rejected') AS rejected_files,
    (SELECT count(*) FROM ingest_files WHERE status = 'skipped') AS skipped_files
"""


def print_summary(warehouse: Path) -> None:
    columns, rows = run_query(warehouse, SUMMARY_QUERY)
    summary = dict(zip(columns, rows[0], strict=True))
    print(f"\nWarehouse published: {warehouse}")
    print(
        "  files {files} · articles {articles} · quotes {quotes} · comments {comments} · "
        "partial files {partial_files} · rejected files {rejected_files} · "
        "skipped files (no article) {skipped_files}".format(**summary)
    )
    if summary["rejected_files"] or summary["partial_files"]:
        print(
            "  Problems are listed in ingest_errors: "
            'corpus sql "SELECT source_path, error_kind, message FROM ingest_errors"'
        )
    if summary["skipped_files"]:
        print(
            "  Pages that are not articles (listings, profiles, ...): "
            'corpus sql "SELECT page_kind, count(*) FROM pages GROUP BY ALL"'
        )
    print(f'\nExample: corpus sql "{EXAMPLE_QUERY}"')
    print(format_rows(*run_query(warehouse, EXAMPLE_QUERY), "table"))


def execute_refresh(
    storage: CorpusStorage, instance: dg.DagsterInstance, tags: dict[str, str] | None = None
) -> dg.ExecuteInProcessResult:
    """One run of the refresh job in this process: the job the schedule and the UI launch."""
    from assets.definitions import defs

    return defs.resolve_job_def(REFRESH_JOB).execute_in_process(
        resources={"storage": storage},
        instance=instance,
        tags=tags,
        raise_on_error=False,
        run_config={"loggers": {"console": {"config": {"log_level": "INFO"}}}},
    )


def refresh(
    storage: CorpusStorage, wait: bool = False, ephemeral: bool = False
) -> dg.ExecuteInProcessResult:
    """What `corpus build` runs: the refresh job under the warehouse's writer lock, recorded in the
    project's instance (or a throwaway one). Raises WarehouseBusyError when another build writes
    and `wait` is off."""
    warehouse = storage.warehouse_path
    # Held around the whole run (the assets re-enter it), so two builds never interleave steps.
    with (
        writer_lock(warehouse, timeout=None if wait else 0, on_wait=_waiting),
        project_instance(ephemeral) as instance,
    ):
        for run_id in fail_dead_cli_runs(instance, warehouse):
            print(f"marked run {run_id} failed: its `corpus build` was killed", flush=True)
        where = "a throwaway Dagster instance" if ephemeral else instance.root_directory
        print(
            f"Building {warehouse} from {storage.raw_path} (run recorded in {where}) ...",
            flush=True,
        )
        return execute_refresh(storage, instance, cli_run_tags(warehouse))


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


def run_build(raw: Path, warehouse: Path, wait: bool = False, ephemeral: bool = False) -> int:
    if warehouse_backend() == "ducklake":
        print(
            "error: `corpus build` writes the DuckDB file. With CORPUS_WAREHOUSE_BACKEND=ducklake "
            "the shards commit to the lake: backfill the lake_shards partitions in the UI, "
            "`dg launch --job refresh_lake_shards --partition 00`, or "
            "`python -m warehouse.lake_shard --shard 0` (docs/scaling.md).",
            file=sys.stderr,
        )
        return 2
    # SIGTERM (a scheduler stopping the build) is handled as Ctrl-C is: the message then says
    # whether the new warehouse was published before the stop.
    previous = signal.signal(signal.SIGTERM, _interrupted)
    before = _identity(warehouse)
    try:
        result = refresh(corpus_storage(raw, warehouse), wait=wait, ephemeral=ephemeral)
    except WarehouseBusyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except KeyboardInterrupt:
        _say_what_is_published(warehouse, before)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
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
