"""The project's one Definitions object: assets, checks, the refresh job, schedule and resources."""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import dagster as dg

from assets.ingest import parsed_records, raw_dump_files
from assets.report import engagement_report
from assets.warehouse import warehouse_build
from pipelines.resources import storage_from_environment
from pipelines.schedules import nightly_refresh, refresh_warehouse
from pipelines.sensors import landing_files_sensor

ENV_GIT_URL = "CORPUS_GIT_URL"  # e.g. https://github.com/org/corpus-warehouse
ENV_GIT_BRANCH = "CORPUS_GIT_BRANCH"


def with_code_references(assets: Sequence[Any]) -> Sequence[Any]:
    """Each asset's "Code" links in the UI: the Python function that computes it (plus its SQL
    files, set on the specs); links into the hosted repository when CORPUS_GIT_URL is set, local
    file paths otherwise (a laptop has no remote to point at)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dg.BetaWarning)  # code references are beta in 1.13
        referenced = dg.with_source_code_references(assets)
        git_url = os.environ.get(ENV_GIT_URL)
        if not git_url:
            return referenced
        return dg.link_code_references_to_git(
            referenced,
            git_url=git_url.rstrip("/"),
            git_branch=os.environ.get(ENV_GIT_BRANCH) or "main",
            file_path_mapping=dg.AnchorBasedFilePathMapping(
                local_file_anchor=Path(__file__),
                file_anchor_path_in_repository="pipelines/definitions.py",
            ),
        )


defs = dg.Definitions(
    assets=with_code_references(
        [raw_dump_files, parsed_records, warehouse_build, engagement_report]
    ),
    jobs=[refresh_warehouse],
    schedules=[nightly_refresh],
    sensors=[landing_files_sensor],
    resources={"storage": storage_from_environment()},
)
