"""The refresh job, and how every run executes: all steps in one process.

The steps form a strict chain (scan, parse, build and publish, report), so nothing could run in
parallel; Dagster's default multiprocess executor would start a fresh Python process per step and
spend more time importing than working (about 20 s a step on two cores). Parsing still fans out to
worker processes of its own. The executor is the default of the whole code location, so the UI's
"Materialize selected" and `dg launch --assets` run in process too."""

from __future__ import annotations

import dagster as dg

refresh_warehouse = dg.define_asset_job(
    "refresh_warehouse",
    selection=dg.AssetSelection.all(),
    description=(
        "Scan the landing directory, parse new or changed dumps, rebuild and publish the warehouse."
    ),
)

defs = dg.Definitions(jobs=[refresh_warehouse], executor=dg.in_process_executor)
