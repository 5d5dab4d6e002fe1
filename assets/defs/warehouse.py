"""The warehouse: every table and view built into a new DuckDB file (a copy of the published one
with what changed applied, or one from scratch), checked, then published atomically. One
multi-asset, so a run publishes all of it or none of it."""

import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb

from assets.defs import ingest
from assets.defs.resources import CorpusStorage
from assets.metadata import relation_summary, sql_code_references, summary_metadata
from warehouse.build import (
    BuildCounts,
    build_database,
    record_published,
    reusable_summary,
    staging_fingerprint,
)
from warehouse.lock import writer_lock
from warehouse.memory import capped_settings
from warehouse.publish import building, remove_stale_builds
from warehouse.sql_files import (
    CHECKS,
    MATERIALISED,
    TABLES,
    VIEWS,
    CheckFile,
    relation_description,
    sql_path,
    upstream,
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
    # A materialised view is a table the build fills from its sql/load file.
    files = [sql_path("views", name)] + ([sql_path("load", name)] if name in MATERIALISED else [])
    return dg.AssetSpec(
        name,
        deps=upstream(name),
        description=relation_description("views", name),
        group_name=ENGAGEMENT_GROUP,
        kinds={"duckdb"},
        owners=OWNERS,
        freshness_policy=WAREHOUSE_FRESHNESS,
        metadata=sql_code_references(*files),
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
    """Build every table and view from the staging store into a new DuckDB file (a copy of the
    published one with only what changed replaced, or one from scratch), run the checks on it,
    and publish it over the warehouse with an atomic rename. A failing ERROR check stops the run
    before publishing: analysts keep the previous warehouse. When nothing changed since the
    published build, it is kept as it is and its checks and metadata are reported again."""
    published = storage.warehouse_path
    store = storage.staging
    with writer_lock(published):
        for stale in remove_stale_builds(published, keep=published):
            context.log.warning(f"removed {stale.name}, left by a refresh that was killed")
        started = time.perf_counter()
        fingerprint = staging_fingerprint(store)
        summary = reusable_summary(store, published, fingerprint)
        if summary is not None:
            context.log.info(f"nothing changed since {published} was built; kept as it is")
            seconds = {"fingerprint": time.perf_counter() - started}
            yield from _results(published, summary, seconds, None)
            return
        with building(published) as target:
            counts = build_database(target, store, published)
            context.log.info(
                f"{counts.mode} build ({counts.reason}): {counts.changed_files} changed files, "
                f"{counts.touched_articles} articles replaced"
            )
            checks_started = time.perf_counter()
            summary = _checks_and_metadata(target, counts)
            failed = [
                check.name
                for check in CHECKS
                if check.severity == "ERROR" and summary["checks"][check.name]
            ]
            if failed:
                # Report every check first, so the UI shows which failed and by how many rows.
                yield from _check_results(summary)
                raise dg.Failure(
                    description=(
                        f"checks failed: {', '.join(failed)}; the warehouse was not published"
                    ),
                    metadata={"failed_checks": ", ".join(failed)},
                )
            context.log.info(f"publishing {published}")
            record_published(store, published, counts.fingerprint, built=target, summary=summary)
            publish_started = time.perf_counter()
    # Where this build spent its wall time (seconds); "publish" is the atomic rename and fsync.
    seconds = {
        **counts.seconds,
        "checks_and_metadata": publish_started - checks_started,
        "publish": time.perf_counter() - publish_started,
    }
    yield from _results(published, summary, seconds, counts)


def _checks_and_metadata(target: Path, counts: BuildCounts) -> dict[str, Any]:
    """Every check's violations and what the UI shows of every relation, read from the build."""
    con = duckdb.connect(str(target), read_only=True, config=capped_settings(target))
    try:
        checks = {
            check.name: int(con.execute(check.sql).fetchone()[0])  # type: ignore[index]
            for check in CHECKS
        }
        relations = {
            name: relation_summary(con, name, counts.rows[name]) for name in (*TABLES, *VIEWS)
        }
    finally:
        con.close()
    return {"checks": checks, "relations": relations}


def _check_results(summary: dict[str, Any]) -> Iterator[dg.AssetCheckResult]:
    for check in CHECKS:
        violations = summary["checks"][check.name]
        yield dg.AssetCheckResult(
            asset_key=check.asset,
            check_name=check.name,
            passed=violations == 0,
            severity=SEVERITY[check.severity],
            description=check.description,
            metadata={"violations": violations},
        )


def _results(
    published: Path,
    summary: dict[str, Any],
    seconds: dict[str, float],
    counts: BuildCounts | None,
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    timings = dg.MetadataValue.json({k: round(v, 3) for k, v in seconds.items()})
    build = {
        # reuse: nothing changed, the published file stands; incremental: a copy of it with what
        # changed replaced; full: built from scratch.
        "build_mode": counts.mode if counts else "reuse",
        "rebuilt": counts is not None,
        "changed_files": counts.changed_files if counts else 0,
        "touched_articles": counts.touched_articles if counts else 0,
    }
    if counts:
        build["statement_seconds"] = dg.MetadataValue.json(
            {k: round(v, 3) for k, v in counts.statements.items()}
        )
    for name in (*TABLES, *VIEWS):
        yield dg.MaterializeResult(
            asset_key=name,
            metadata={
                **summary_metadata(summary["relations"][name]),
                "warehouse": dg.MetadataValue.path(str(published)),
                "stage_seconds": timings,
                **build,
            },
        )
    yield from _check_results(summary)
