"""The project's one Definitions object: assets, checks, the refresh job, schedule and resources."""

from __future__ import annotations

import dagster as dg

from assets.ingest import parsed_records, raw_dump_files
from assets.report import engagement_report
from assets.warehouse import warehouse_build
from pipelines.resources import storage_from_environment
from pipelines.schedules import nightly_refresh, refresh_warehouse
from pipelines.sensors import landing_files_sensor

defs = dg.Definitions(
    assets=[raw_dump_files, parsed_records, warehouse_build, engagement_report],
    jobs=[refresh_warehouse],
    schedules=[nightly_refresh],
    sensors=[landing_files_sensor],
    resources={"storage": storage_from_environment()},
)
