"""The project's one Definitions object, the code location `dg` and workspace.yaml load: whatever
the `defs/` folder holds (assets, checks, resources, the refresh job, its schedule and sensor),
with "Code" links on every asset."""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_shared.record import copy

from warehouse.lake import warehouse_backend

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
                file_anchor_path_in_repository="assets/definitions.py",
            ),
        )


def load_definitions() -> dg.Definitions:
    """The file warehouse's `defs/` folder; with CORPUS_WAREHOUSE_BACKEND=ducklake, the lake's
    definitions instead (assets/lake.py: partitioned shards, the same tables, views and checks)."""
    if warehouse_backend() == "ducklake":
        from assets.lake import lake_definitions

        loaded = lake_definitions()
    else:
        loaded = dg.load_from_defs_folder(path_within_project=Path(__file__).parent)
    return copy(loaded, assets=with_code_references(loaded.assets or []))


defs = load_definitions()
