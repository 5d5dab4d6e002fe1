"""A sensor that requests a refresh when files in the landing directory are new or changed.

Off by default (turn it on in the UI, Automation tab): the nightly schedule is the normal trigger.
Its cursor is a fingerprint of every non-hidden path under the landing directory with its size and
modification time, so it costs a directory walk, never reading a file; identical fingerprints never
request twice (the fingerprint is also the run key)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import dagster as dg

from assets.defs import jobs
from assets.defs.resources import CorpusStorage

SENSOR_INTERVAL_SECONDS = 300


def landing_fingerprint(landing_dir: Path) -> tuple[str, int]:
    """(fingerprint, number of files) of the landing directory: paths, sizes and mtimes, sidecars
    included (editing a sidecar changes what is loaded), hidden files left out as ingestion does."""
    digest = hashlib.sha256()
    count = 0
    for root, dirs, files in os.walk(landing_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            try:
                stat = path.stat()
                stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
            except OSError:  # a broken link or a loop is still a change worth a refresh
                stamp = "unreadable"
            # surrogateescape: a name that is not valid UTF-8 still has a stable fingerprint
            relative = path.relative_to(landing_dir).as_posix().encode("utf-8", "surrogateescape")
            digest.update(relative + b"\0" + stamp.encode() + b"\n")
            count += 1
    return digest.hexdigest(), count


@dg.sensor(
    job=jobs.refresh_warehouse,
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description=(
        "Requests a refresh when files in the landing directory are added or changed "
        "(paths, sizes and modification times). Off by default; the nightly schedule is the "
        "normal trigger."
    ),
)
def landing_files_sensor(
    context: dg.SensorEvaluationContext, storage: CorpusStorage
) -> dg.SensorResult | dg.SkipReason:
    landing = storage.raw_path
    if not landing.is_dir():
        return dg.SkipReason(f"landing directory {landing} does not exist")
    fingerprint, files = landing_fingerprint(landing)
    if fingerprint == context.cursor:
        return dg.SkipReason(f"no new or changed files among {files} in {landing}")
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=fingerprint, tags={"corpus/trigger": "landing_files"})],
        cursor=fingerprint,
    )
