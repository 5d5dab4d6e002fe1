"""A reconstructable handle on the refresh job under Dagster's multiprocess executor (the project
runs it in process; a deployment that spreads steps over processes or pods swaps the executor, as
this does), so each step's own process can load it (resources come from the CORPUS_* environment
variables there)."""

from __future__ import annotations

import dagster as dg


def refresh_job() -> dg.JobDefinition:
    from assets.definitions import defs

    job = defs.resolve_job_def("refresh_warehouse")
    return job.with_executor_def(dg.multi_or_in_process_executor)
