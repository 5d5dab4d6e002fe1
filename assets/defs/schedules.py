"""The nightly refresh: every asset, at 02:00 in the configured time zone (UTC by default)."""

from __future__ import annotations

import os

import dagster as dg

from assets.defs import jobs

ENV_NIGHTLY_CRON = "CORPUS_NIGHTLY_CRON"
ENV_SCHEDULE_TIMEZONE = "CORPUS_SCHEDULE_TIMEZONE"
NIGHTLY_CRON = "0 2 * * *"
SCHEDULE_TIMEZONE = "UTC"

nightly_refresh = dg.ScheduleDefinition(
    name="nightly_refresh",
    job=jobs.refresh_warehouse,
    cron_schedule=os.environ.get(ENV_NIGHTLY_CRON) or NIGHTLY_CRON,
    execution_timezone=os.environ.get(ENV_SCHEDULE_TIMEZONE) or SCHEDULE_TIMEZONE,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description=(
        "Refresh every asset nightly (02:00 UTC unless CORPUS_NIGHTLY_CRON / "
        "CORPUS_SCHEDULE_TIMEZONE say otherwise)."
    ),
)
