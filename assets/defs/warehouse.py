"""The warehouse: every table and view built into a fresh DuckDB file, checked, then published
atomically. One multi-asset, so a run publishes all of it or none of it."""

import time
from collections.abc import Iterator
from datetime import timedelta

import dagster as dg
import duckdb

from assets.defs import ingest
from assets.defs.resources import CorpusStorage
from assets.metadata import relation_metadata, sql_code_references
from warehouse.build import build_database, record_published
from warehouse.lock import writer_lock
from warehouse.publish import building, remove_stale_builds
from warehouse.sql_files import (
    CHECKS,
    TABLES,
    VIEWS,
    CheckFile,
    relation_dependencies,
    relation_description,
    sql_path,
)

WAREHOUSE_GROUP = "warehouse"
ENGAGEMENT_GROUP = "engagement"
OWNERS = ["team:data-engineering"]
# Only one run may write the warehouse at a time; the pool's limit is set to 1 in dagster.yaml.
WRITER_POOL = "warehouse_writer"
# Stale (freshness FAIL in the UI) when no refresh has published for 26 hours: the nightly run
# plus two hours of slack. Only a published build materialises these assets, so a failed or
# blocked refresh leaves the clock running.
WAREHOUSE_FRESHNESS = dg.FreshnessPolicy.time_window(fail_window=timedelta(hours=26))


# The specs are made by functions, not kept in module-level lists: dg collects every AssetSpec
# it finds at module scope as an asset of its own.
def _table_spec(name: str) -> dg.AssetSpec:
    return dg.AssetSpec(
        name,
        deps=[ingest.parsed_records],
        description=relation_description("tables", name),
        group_name=WAREHOUSE_GROUP,
        kinds={"duckdb"},
        owners=OWNERS,
        freshness_policy=WAREHOUSE_FRESHNESS,
        metadata=sql_code_references(sql_path("tables", name), sql_path("load", name)),
    )


def _view_spec(name: str) -> dg.AssetSpec:
    return dg.AssetSpec(
        name,
        deps=relation_dependencies("views", name, (*TABLES, *VIEWS)),
        description=relation_description("views", name),
        group_name=ENGAGEMENT_GROUP,
        kinds={"duckdb"},
        owners=OWNERS,
        freshness_policy=WAREHOUSE_FRESHNESS,
        metadata=sql_code_references(sql_path("views", name)),
    )


SEVERITY = {"ERROR": dg.AssetCheckSeverity.ERROR, "WARN": dg.AssetCheckSeverity.WARN}


# One check per file in sql/checks/, its asset, severity and description read from the file's
# header; an ERROR check blocks publishing.
def _check_spec(check: CheckFile) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        check.name,
        asset=check.asset,
        description=check.description,
        blocking=check.severity == "ERROR",
    )


@dg.multi_asset(
    specs=[*map(_table_spec, TABLES), *map(_view_spec, VIEWS)],
    check_specs=[_check_spec(check) for check in CHECKS],
    can_subset=False,
    pool=WRITER_POOL,
    name="warehouse_build",
)
def warehouse_build(
    context: dg.AssetExecutionContext, storage: CorpusStorage
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    """Build every table and view from the staging store into a new DuckDB file, run the checks
    on it, and publish it over the warehouse with an atomic rename. A failing ERROR check stops
    the run before publishing: analysts keep the previous warehouse."""
    published = storage.warehouse_path
    with writer_lock(published), building(published) as target:
        for stale in remove_stale_builds(published, keep=target):
            context.log.warning(f"removed {stale.name}, left by a refresh that was killed")
        counts = build_database(target, storage.staging, published)
        checks_started = time.perf_counter()
        con = duckdb.connect(str(target), read_only=True)
        try:
            results = []
            for check in CHECKS:
                violations = int(con.execute(check.sql).fetchone()[0])  # type: ignore[index]
                results.append(
                    dg.AssetCheckResult(
                        asset_key=check.asset,
                        check_name=check.name,
                        passed=violations == 0,
                        severity=SEVERITY[check.severity],
                        description=check.description,
                        metadata={"violations": violations},
                    )
                )
            metadata = {
                name: relation_metadata(con, name, counts.rows[name]) for name in (*TABLES, *VIEWS)
            }
        finally:
            con.close()
        failed = [
            r.check_name
            for r in results
            if not r.passed and r.severity == dg.AssetCheckSeverity.ERROR
        ]
        if failed:
            # Report every check first, so the UI shows which failed and by how many rows.
            yield from results
            raise dg.Failure(
                description=f"checks failed: {', '.join(failed)}; the warehouse was not published",
                metadata={"failed_checks": ", ".join(failed)},
            )
        context.log.info(f"publishing {published}")
        record_published(storage.staging, published, counts.fingerprint, built=target)
        publish_started = time.perf_counter()
    # Where this build spent its wall time (seconds); "publish" is the atomic rename and fsync.
    seconds = {
        **counts.seconds,
        "checks_and_metadata": publish_started - checks_started,
        "publish": time.perf_counter() - publish_started,
    }
    timings = dg.MetadataValue.json({k: round(v, 3) for k, v in seconds.items()})
    for name in (*TABLES, *VIEWS):
        yield dg.MaterializeResult(
            asset_key=name,
            metadata={
                **metadata[name],
                "warehouse": dg.MetadataValue.path(str(published)),
                "stage_seconds": timings,
                "rebuilt": not counts.reused,
            },
        )
    yield from results
