"""Finding the dumps in a landing directory: what a refresh compares with the manifest to know
which files to read again."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extraction.dumps import SIDECAR_SUFFIX
from extraction.files import storable_name


@dataclass(frozen=True, slots=True)
class LandingEntry:
    """A file found in the landing directory, with what stat said of it and of its sidecar."""

    relative: str  # below the landing directory, "/"-separated, as the OS names it
    stat: os.stat_result | None  # None when it cannot be stat'ed (a dangling symlink)
    sidecar: os.stat_result | None  # its sidecar's, when it has one

    @property
    def source_path(self) -> str:
        """Its name in the tables (see `relative_source_path`)."""
        return storable_name(self.relative)


def _stat(entry: os.DirEntry[str] | None) -> os.stat_result | None:
    if entry is None:
        return None
    try:
        return entry.stat()  # follows symlinks, as reading the file will
    except OSError:
        return None


def walk_landing(landing_dir: Path) -> Iterator[LandingEntry]:
    """Every non-hidden file under the landing directory, sorted (a directory's files before its
    subdirectories), sidecars of present dumps left out (they travel with their dump), with their
    stat. One scandir per directory and one stat per file: no Path objects, so a scan of a million
    files costs the system calls. Symlinked directories are not followed: loops cannot trap us."""
    base = os.fspath(landing_dir)
    pending = [""]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(os.path.join(base, folder) if folder else base) as listing:
                entries = {entry.name: entry for entry in listing}
        except OSError:  # unreadable or vanished: as os.walk, skip it
            continue
        prefix = folder + "/" if folder else ""
        subfolders = []
        for name in sorted(entries):
            if name.startswith("."):
                continue
            entry = entries[name]
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.is_symlink():
                    subfolders.append(prefix + name)
                continue
            if name.endswith(SIDECAR_SUFFIX):
                dump = entries.get(name.removesuffix(SIDECAR_SUFFIX))
                # a dangling dump leaves its sidecar orphaned, listed on its own
                if dump is not None and _stat(dump) is not None:
                    continue
            yield LandingEntry(
                prefix + name, _stat(entry), _stat(entries.get(name + SIDECAR_SUFFIX))
            )
        pending.extend(reversed(subfolders))
