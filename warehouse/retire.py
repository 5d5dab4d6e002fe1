"""Retiring data on purpose: files taken out of the staging manifest, so the next build publishes
a warehouse without their rows. (A file that merely disappears from the landing directory keeps
its rows: landing directories get archived.)"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import polars as pl

from extraction.files import relative_source_path
from warehouse.ingest import StagingStore


class RetireError(ValueError):
    """The request cannot be carried out as asked; the message says what to do instead."""


@dataclass(frozen=True, slots=True)
class Retired:
    source_paths: list[str]  # manifest entries removed (or that would be, on a dry run)
    batches_pruned: int


def normalise_target(target: str, landing_dir: Path | None) -> str:
    """A landing-relative path with forward slashes; absolute paths inside the landing directory
    are accepted too."""
    path = Path(target)
    if path.is_absolute():
        if landing_dir is None or not path.is_relative_to(landing_dir):
            raise RetireError(f"{target} is not inside the landing directory {landing_dir}")
        return relative_source_path(path, landing_dir)
    text = PurePosixPath(target.replace("\\", "/")).as_posix()
    text = text.removeprefix("./").rstrip("/")
    if text in ("", "."):
        raise RetireError("give a file or directory to retire; retiring everything is not allowed")
    return text


def matching_paths(source_paths: list[str], target: str) -> list[str]:
    """The file itself, or every file under it when it names a directory (never a bare prefix of
    a name: retiring "2023" does not touch "2023-extra.txt")."""
    return sorted(p for p in source_paths if p == target or p.startswith(target + "/"))


def retire(
    store: StagingStore, target: str, landing_dir: Path | None, dry_run: bool = False
) -> Retired:
    """Remove the matching files from the manifest (call with the writer lock held).

    Refuses files still in the landing directory: the next scan would find and load them again.
    """
    wanted = normalise_target(target, landing_dir)
    manifest = store.manifest()
    matched = matching_paths(manifest["source_path"].to_list(), wanted)
    if not matched:
        raise RetireError(f"nothing recorded under {wanted!r}: see ingest_files.source_path")
    if landing_dir is not None:
        present = [p for p in matched if os.path.lexists(landing_dir / p)]
        if present:
            shown = ", ".join(present[:5]) + (" ..." if len(present) > 5 else "")
            raise RetireError(
                f"{len(present)} of these files are still in the landing directory ({shown}); "
                "move them out first, or the next build loads them again"
            )
    if dry_run:
        return Retired(matched, 0)
    kept = manifest.filter(~pl.col("source_path").is_in(matched))
    read_errors = store.read_errors().filter(~pl.col("source_path").is_in(matched))
    store.save(kept, read_errors)
    return Retired(matched, len(store.prune(kept)))
