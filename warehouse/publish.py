"""Atomic publishing: readers only ever see a complete warehouse file, old or new.

DuckDB allows one writer or many readers per file, so a refresh never writes into the published
file. It builds a sibling file, checkpoints and closes it, then renames it over the published one
(os.replace is atomic on one filesystem). Connected analysts keep reading the old snapshot until
they reconnect.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BUILD_ID_LENGTH = 12


def build_path_for(published: Path) -> Path:
    return published.with_name(f".build-{uuid.uuid4().hex[:BUILD_ID_LENGTH]}-{published.name}")


def _own_builds(published: Path) -> re.Pattern[str]:
    """Names of this warehouse's build files (with their WAL and DuckDB's spill directory), never
    another's: `.build-*-wh.duckdb` would also match the builds of `x-wh.duckdb` beside it."""
    return re.compile(
        rf"\.build-[0-9a-f]{{{BUILD_ID_LENGTH}}}-{re.escape(published.name)}(?:\.wal|\.tmp)?"
    )


def remove_stale_builds(published: Path, keep: Path) -> list[Path]:
    """Build files a killed refresh of this warehouse left behind (safe only while holding its
    writer lock, which is why another warehouse's builds are never touched)."""
    own = _own_builds(published)
    removed = []
    for stale in sorted(published.parent.glob(".build-*")):
        if not own.fullmatch(stale.name) or stale.name.startswith(keep.name):
            continue
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)
        removed.append(stale)
    return removed


def publish(built: Path, published: Path) -> None:
    wal = published.with_name(published.name + ".wal")
    # A WAL beside the published file can only be left by a writer that crashed; it belongs to the
    # old file and would be replayed into the new one.
    wal.unlink(missing_ok=True)
    os.replace(built, published)
    directory = os.open(published.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


@contextmanager
def building(published: Path) -> Iterator[Path]:
    """A fresh path to build into; published only if the block finishes, removed otherwise."""
    published.parent.mkdir(parents=True, exist_ok=True)
    target = build_path_for(published)
    try:
        yield target
        publish(target, published)
    finally:
        target.unlink(missing_ok=True)
        target.with_name(target.name + ".wal").unlink(missing_ok=True)
