"""How much memory a build's DuckDB may use, sized from the machine: enough for its joins and
aggregates to run in memory at any corpus size we build, capped so that peak memory does not grow
with the corpus (beyond the cap DuckDB spills to a temporary directory beside the build file)."""

from __future__ import annotations

import os
from pathlib import Path

ENV_BUILD_MEMORY = "CORPUS_BUILD_MEMORY"  # e.g. "2GB"; DuckDB's own size syntax
MIB = 1024 * 1024
FLOOR_BYTES = 256 * MIB
CEILING_BYTES = 512 * MIB
SHARE_OF_MEMORY = 1 / 48


def machine_memory() -> int:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def build_memory_limit() -> str:
    """CORPUS_BUILD_MEMORY, or a 48th of the machine's memory kept between 256 MiB and 512 MiB
    (512 MiB on a 24 GB machine): DuckDB holds the data it reads and writes in its buffer pool up
    to this limit, so a larger limit only makes peak memory follow the corpus. The loads take the
    touched articles in groups (warehouse/build.py), so their joins fit in it. Under 1 GiB a
    build of 20k articles stayed below the limit (DuckDB's peak about 800 MB above start, at
    the quote_echoes load) while one of 200k filled it, so peak memory still grew with the
    corpus; under 512 MiB both fill it (20k: 555 MB above start; 200k: 620), in about the same
    time, since what spills is table data already written."""
    configured = os.environ.get(ENV_BUILD_MEMORY)
    if configured:
        return configured
    size = int(machine_memory() * SHARE_OF_MEMORY)
    return f"{min(max(size, FLOOR_BYTES), CEILING_BYTES) // MIB}MiB"


def capped_settings(target: Path) -> dict[str, str | bool]:
    """For any connection of a build to its file (the checks too): memory capped, spilling to a
    directory beside the file (swept with it when a build is killed)."""
    return {"memory_limit": build_memory_limit(), "temp_directory": str(target) + ".tmp"}


def build_settings(target: Path) -> dict[str, str | bool]:
    """For the connection that writes a build: rows need no particular physical order (every query
    that needs one says ORDER BY), and keeping it would hold back row groups of a parallel insert
    in memory."""
    return {**capped_settings(target), "preserve_insertion_order": False}
