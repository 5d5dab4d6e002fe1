"""A reconstructable handle on the refresh job, so Dagster's multiprocess executor can load it in
each step's own process (resources come from the CORPUS_* environment variables there)."""

from __future__ import annotations

import dagster as dg


def refresh_job() -> dg.JobDefinition:
    from pipelines.definitions import defs

    return defs.resolve_job_def("refresh_warehouse")
