"""Atomic publishing: readers only ever see a complete warehouse file, old or new.

DuckDB allows one writer or many readers per file, so a refresh never writes into the published
file. It builds a sibling file, checkpoints and closes it, then renames it over the published one
(os.replace is atomic on one filesystem). Connected analysts keep reading the old snapshot until
they reconnect.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def build_path_for(published: Path) -> Path:
    return published.with_name(f".build-{uuid.uuid4().hex[:12]}-{published.name}")


def remove_stale_builds(published: Path, keep: Path) -> list[Path]:
    """Build files a killed refresh left behind (safe only while holding the writer lock)."""
    removed = []
    for stale in published.parent.glob(f".build-*-{published.name}*"):
        if stale.name.startswith(keep.name):
            continue
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
