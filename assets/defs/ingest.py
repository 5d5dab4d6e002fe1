"""Ingest assets: find the dumps in the landing directory, then parse what is new or changed."""

import time

import dagster as dg

from assets.defs.resources import CorpusStorage
from warehouse.ingest import refresh_staging, scan_landing
from warehouse.lock import writer_lock

INGEST_GROUP = "ingest"


@dg.asset(group_name=INGEST_GROUP, kinds={"python", "polars"}, owners=["team:data-engineering"])
def raw_dump_files(
    context: dg.AssetExecutionContext, storage: CorpusStorage
) -> dg.MaterializeResult:
    """The raw article dumps in the landing directory (.txt, .html, .jsonl, .warc, optionally
    gzipped), scanned recursively with hidden files ignored. A file whose size and modification
    time match the manifest is not read again."""
    store = storage.staging
    with writer_lock(storage.warehouse_path):
        started = time.perf_counter()
        scan = scan_landing(
            storage.raw_path, store, published=storage.warehouse_path, start_parse=True
        )
        store.save_landing(scan, storage.raw_path)
        discover_seconds = time.perf_counter() - started
    for note in scan.notes:  # the staging store was damaged and has been mended
        context.log.warning(note)
    context.log.info(
        f"{len(scan.present)} files in {storage.raw_path}; {len(scan.to_parse)} new or changed"
    )
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(scan.present),
            "files_seen": len(scan.present),
            "new_or_changed": len(scan.to_parse),
            "unchanged": scan.unchanged,
            "discover_seconds": round(discover_seconds, 3),
            "landing_directory": dg.MetadataValue.path(str(storage.raw_path)),
        }
    )


@dg.asset(
    deps=[raw_dump_files],
    group_name=INGEST_GROUP,
    kinds={"python", "polars"},
    owners=["team:data-engineering"],
)
def parsed_records(
    context: dg.AssetExecutionContext, storage: CorpusStorage
) -> dg.MaterializeResult:
    """Articles, quotes, comments and ingest errors parsed from new or changed dumps, staged as
    Parquet keyed by each file's SHA-256. Parsing runs in worker processes, in bounded batches;
    records of unchanged files are kept from earlier runs, so nothing is parsed twice."""
    store = storage.staging

    def progress(done: int, total: int) -> None:
        context.log.info(f"parsed batch {done}/{total}")

    with writer_lock(storage.warehouse_path):
        scan = store.load_landing(storage.raw_path)
        summary = refresh_staging(storage.raw_path, store, scan, storage.worker_count, progress)
    for note in summary.notes:
        context.log.warning(note)
    counts = summary.status_counts
    top_errors = "\n".join(
        f"| {kind} | {n} |" for kind, n in list(summary.error_kinds.items())[:10]
    )
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": summary.seen,
            "files_seen": summary.seen,
            "files_parsed": summary.parsed,
            "files_unchanged": summary.unchanged,
            "files_loaded": counts.get("loaded", 0),
            "files_partial": counts.get("partial", 0),
            "files_rejected": counts.get("rejected", 0),
            "files_skipped": counts.get("skipped", 0),
            "staged_batches_pruned": summary.batches_pruned,
            "top_error_kinds": dg.MetadataValue.md(
                "| error_kind | count |\n|---|---|\n" + top_errors if top_errors else "no errors"
            ),
            "staging_directory": dg.MetadataValue.path(str(store.root)),
            # wall seconds of the parallel parse; worker seconds (all processes) per sub-stage
            "stage_seconds": dg.MetadataValue.json(
                {k: round(v, 3) for k, v in summary.seconds.items()}
            ),
        }
    )
