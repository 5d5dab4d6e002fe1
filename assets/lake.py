"""The Dagster definitions of the DuckLake warehouse (CORPUS_WAREHOUSE_BACKEND=ducklake), which
assets/definitions.py loads in place of the file warehouse's `defs/` assets:

- `lake_shards`, partitioned by shard of the landing directory (a file's shard is a hash of its
  path): each partition parses its new or changed files and commits them to the lake in one
  transaction. A backfill of every partition is a full build; under a cluster executor or run
  launcher the partitions run on different machines at once.
- the contract's tables and views, with the same checks (sql/checks), materialised after the
  shards by reading the lake's current snapshot (they are in the lake from the shards' commits);
- `lake_maintenance`: merge small files, expire old snapshots, delete what no snapshot needs.
"""

import os
import time
from collections.abc import Iterator

import dagster as dg

from assets.defs.resources import CorpusStorage, corpus_storage
from assets.defs.warehouse import SEVERITY, _check_spec, _table_spec, _view_spec
from warehouse.lake import (
    DEFAULT_RETENTION,
    DEFAULT_SHARDS,
    ENV_LAKE_CATALOG,
    ENV_LAKE_DATA_PATH,
    ENV_LAKE_PASSWORD,
    ENV_LAKE_SHARDS,
    LakeConfig,
    commit_lock,
    current_snapshot,
    ensure_lake,
    lake_session,
    maintain,
    relation_counts,
)
from warehouse.lake_shard import refresh_shard, shard_key
from warehouse.lock import writer_lock
from warehouse.sql_files import CHECKS, TABLES, VIEWS

ENV_LAKE_RETENTION = "CORPUS_LAKE_RETENTION"
LAKE_GROUP = "lake"
OWNERS = ["team:data-engineering"]


class LakeResource(dg.ConfigurableResource):  # type: ignore[misc]
    """Where the lake is: catalog (`postgres:<libpq string>`, or a DuckDB file for one machine),
    data path every machine sees, shard count (fixed for a lake) and the catalog's password."""

    catalog: str
    data_path: str
    shards: int = DEFAULT_SHARDS
    password: str = ""

    @property
    def config(self) -> LakeConfig:
        return LakeConfig(self.catalog, self.data_path, self.shards, self.password)


def shard_count() -> int:
    return int(os.environ.get(ENV_LAKE_SHARDS) or DEFAULT_SHARDS)


def lake_resource() -> LakeResource:
    """Every setting from the environment (read when a run starts, shown as EnvVars in the UI)."""
    return LakeResource(
        catalog=dg.EnvVar(ENV_LAKE_CATALOG),
        data_path=dg.EnvVar(ENV_LAKE_DATA_PATH),
        shards=shard_count(),  # fixed when the definitions load: it shapes the partitions
        password=dg.EnvVar(ENV_LAKE_PASSWORD) if os.environ.get(ENV_LAKE_PASSWORD) else "",
    )


def lake_definitions() -> dg.Definitions:
    shards = dg.StaticPartitionsDefinition([shard_key(k) for k in range(shard_count())])

    @dg.asset(
        partitions_def=shards,
        group_name=LAKE_GROUP,
        kinds={"python", "ducklake"},
        owners=OWNERS,
    )
    def lake_shards(
        context: dg.AssetExecutionContext, storage: CorpusStorage, lake: LakeResource
    ) -> dg.MaterializeResult:
        """One shard of the landing directory: its new or changed dumps parsed into its own
        staging store (batches and manifest fragment), then its rows committed to the lake in one
        transaction (the rows of the articles it re-captured replaced). A failed or killed shard
        commits nothing; readers see the snapshot before or after."""
        shard = int(context.partition_key)
        staging_root = storage.staging.root
        with writer_lock(staging_root / "shards" / f"{shard_key(shard)}.fragment"):
            summary, commit = refresh_shard(
                storage.raw_path, staging_root, lake.config, shard, storage.worker_count
            )
        context.log.info(
            f"shard {shard_key(shard)}: {summary.parsed} files parsed, {commit.files_changed} "
            f"changed, snapshot {commit.snapshot if commit.snapshot is not None else 'unchanged'}"
        )
        return dg.MaterializeResult(
            metadata={
                "dagster/row_count": summary.seen,
                "files_parsed": summary.parsed,
                "files_changed": commit.files_changed,
                "articles_recomputed": commit.articles_recomputed,
                "committed": commit.snapshot is not None,
                "snapshot": commit.snapshot if commit.snapshot is not None else -1,
                "stage_seconds": dg.MetadataValue.json(
                    {k: round(v, 3) for k, v in {**summary.seconds, **commit.seconds}.items()}
                ),
            }
        )

    @dg.multi_asset(
        specs=[
            *(
                s.replace_attributes(deps=[lake_shards], kinds={"ducklake"})
                for s in map(_table_spec, TABLES)
            ),
            *(
                s.merge_attributes(deps=[lake_shards]).replace_attributes(kinds={"ducklake"})
                for s in map(_view_spec, VIEWS)
            ),
        ],
        check_specs=[_check_spec(check) for check in CHECKS],
        can_subset=False,
        name="lake_warehouse",
    )
    def lake_warehouse(
        context: dg.AssetExecutionContext, lake: LakeResource
    ) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
        """The lake's tables and views as of its current snapshot (made when the lake is new; a
        lake made with other SQL is refused), then every check of sql/checks and the row counts,
        read in one snapshot.
        The shards have already committed their rows: a failing check fails this run and says
        which snapshot broke it, it cannot hold back a commit."""
        config = lake.config
        with commit_lock(config), lake_session(config) as con:
            ensure_lake(con, config)
        with lake_session(config, read_only=True) as con:
            con.execute("BEGIN")
            snapshot = current_snapshot(con)
            started = time.perf_counter()
            violations = {c.name: int(con.execute(c.sql).fetchone()[0]) for c in CHECKS}  # type: ignore[index]
            checks_seconds = time.perf_counter() - started
            con.execute("COMMIT")
            rows = relation_counts(con)
        for name in (*TABLES, *VIEWS):
            yield dg.MaterializeResult(
                asset_key=name,
                metadata={"dagster/row_count": rows[name], "snapshot": snapshot},
            )
        for check in CHECKS:
            yield dg.AssetCheckResult(
                asset_key=check.asset,
                check_name=check.name,
                passed=violations[check.name] == 0,
                severity=SEVERITY[check.severity],
                description=check.description,
                metadata={"violations": violations[check.name], "snapshot": snapshot},
            )
        context.log.info(f"snapshot {snapshot}: checks ran in {checks_seconds:.1f} s")

    @dg.op
    def maintain_lake(context: dg.OpExecutionContext, lake: LakeResource) -> None:
        """Merge adjacent small files, expire snapshots older than the retention
        (CORPUS_LAKE_RETENTION, default 7 days), delete files no snapshot needs and files that
        killed commits left."""
        retention = os.environ.get(ENV_LAKE_RETENTION) or DEFAULT_RETENTION
        config = lake.config
        with commit_lock(config), lake_session(config) as con:
            done = maintain(con, retention)
        context.log.info(f"lake maintenance (retention {retention}): {done}")

    @dg.job(description="Compact the lake and expire its old snapshots (docs/scaling.md).")
    def lake_maintenance() -> None:
        maintain_lake()

    refresh_shards = dg.define_asset_job(
        "refresh_lake_shards",
        selection=[lake_shards],
        description="Parse and commit one shard of the landing directory (a backfill: all).",
    )
    publish = dg.define_asset_job(
        "check_lake",
        selection=dg.AssetSelection.assets(*TABLES, *VIEWS),
        description="Run the checks and count rows in the lake, on one snapshot.",
    )

    @dg.schedule(job=refresh_shards, cron_schedule="0 2 * * *", execution_timezone="UTC")
    def nightly_lake_refresh(context: dg.ScheduleEvaluationContext) -> list[dg.RunRequest]:
        """Every shard at 02:00 UTC, one run each (a shard with nothing new commits nothing)."""
        return [
            dg.RunRequest(
                run_key=f"{context.scheduled_execution_time:%Y%m%d}-{key}", partition_key=key
            )
            for key in shards.get_partition_keys()
        ]

    checks_after = dg.ScheduleDefinition(
        name="nightly_lake_checks", job=publish, cron_schedule="0 4 * * *"
    )
    maintenance = dg.ScheduleDefinition(
        name="weekly_lake_maintenance", job=lake_maintenance, cron_schedule="30 4 * * 0"
    )
    return dg.Definitions(
        assets=[lake_shards, lake_warehouse],
        jobs=[refresh_shards, publish, lake_maintenance],
        schedules=[nightly_lake_refresh, checks_after, maintenance],
        resources={"storage": corpus_storage(), "lake": lake_resource()},
        executor=dg.in_process_executor,  # one step per run; the run launcher places runs
    )
