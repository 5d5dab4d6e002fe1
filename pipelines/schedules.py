"""The nightly refresh: every asset, at 02:00 in the configured time zone (UTC by default)."""

from __future__ import annotations

import os

import dagster as dg

from pipelines import settings

refresh_warehouse = dg.define_asset_job(
    "refresh_warehouse",
    selection=dg.AssetSelection.all(),
    description=(
        "Scan the landing directory, parse new or changed dumps, rebuild and publish the warehouse."
    ),
)

nightly_refresh = dg.ScheduleDefinition(
    name="nightly_refresh",
    job=refresh_warehouse,
    cron_schedule=os.environ.get(settings.ENV_NIGHTLY_CRON) or settings.NIGHTLY_CRON,
    execution_timezone=os.environ.get(settings.ENV_SCHEDULE_TIMEZONE) or settings.SCHEDULE_TIMEZONE,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description=(
        "Refresh every asset nightly (02:00 UTC unless CORPUS_NIGHTLY_CRON / "
        "CORPUS_SCHEDULE_TIMEZONE say otherwise)."
    ),
)
