"""Finding dumps in a landing directory and reading them (local files only) for parse_dump."""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from stat import S_ISREG

from extraction.dumps import SIDECAR_SUFFIX, DumpFile, dump_format, parse_dump, too_large
from extraction.limits import DEFAULT_MAX_EXPANDED_BYTES
from extraction.records import IngestError, ParseResult


@dataclass(frozen=True, slots=True)
class LandedFile:
    """A file seen in the landing directory, before it is parsed."""

    path: Path
    source_path: str
    bytes: int
    sha256: str | None  # None when the file could not be read
    modified_at: datetime | None
    problem: IngestError | None = None


def relative_source_path(path: Path, landing_dir: Path | None) -> str:
    if landing_dir is not None:
        # Plain string prefix first: pathlib's relative_to parses both paths on every call, which
        # was most of the time of scanning a landing directory of 100,000 files.
        text, base = str(path), str(landing_dir) + os.sep
        if text.startswith(base) and os.sep == "/":
            return storable_name(text[len(base) :])
        try:
            return storable_name(path.relative_to(landing_dir).as_posix())
        except ValueError:
            pass
    return storable_name(path.as_posix())


def storable_name(name: str) -> str:
    """A file name that is not valid UTF-8 (from an old archive) reaches Python with surrogate
    escapes, which no table can store: its odd bytes are written as \\xNN instead."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _read_stable(path: Path, before: os.stat_result) -> tuple[bytes, os.stat_result]:
    """The file's bytes, refusing a file that changed since `before` (its stat) or while it was
    read."""
    if not S_ISREG(before.st_mode):
        # Reading a FIFO would block the refresh forever; a device or socket holds no dump.
        raise NotRegularFileError(f"{path.name} is not a regular file")
    data = path.read_bytes()
    after = path.stat()
    if (before.st_mtime_ns, before.st_size) != (after.st_mtime_ns, after.st_size) or len(
        data
    ) != after.st_size:
        raise ChangedWhileReadingError(f"{path.name} changed while it was being read")
    return data, after


class ChangedWhileReadingError(OSError):
    pass


class NotRegularFileError(OSError):
    pass


def _read_problem(source_path: str, exc: OSError) -> IngestError:
    if isinstance(exc, ChangedWhileReadingError):
        return IngestError(
            source_path,
            None,
            "changed_while_reading",
            f"{exc}; it is read again on the next build once it is stable",
        )
    if isinstance(exc, NotRegularFileError):
        return IngestError(
            source_path,
            None,
            "not_a_file",
            "the path is a pipe, socket or device, not a regular file: "
            "move it out of the landing directory",
        )
    if getattr(exc, "errno", None) == 40:  # ELOOP
        return IngestError(
            source_path,
            None,
            "symlink_loop",
            "the path is a symbolic link that loops back on itself; remove or fix the link",
        )
    if isinstance(exc, PermissionError):
        return IngestError(
            source_path,
            None,
            "unreadable",
            "permission denied: make the file readable by the pipeline's user",
        )
    if isinstance(exc, FileNotFoundError):
        return IngestError(
            source_path, None, "unreadable", "the file vanished or is a dangling symbolic link"
        )
    return IngestError(
        source_path, None, "unreadable", f"the file cannot be read: {exc.strerror or exc}"
    )


# What `Path.exists` reads as "no such file" (a dangling or looping link too): no sidecar.
_NO_FILE_ERRNOS = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})


def _read_sidecar(path: Path) -> bytes | None:
    """The sidecar's bytes, None when there is none. Read straight away rather than after an
    `exists` test: most dumps have one, and the test was a second system call for each."""
    try:
        return path.with_name(path.name + SIDECAR_SUFFIX).read_bytes()
    except OSError as exc:
        if exc.errno in _NO_FILE_ERRNOS:
            return None
        return f"unreadable sidecar: {exc.strerror}".encode()


def read_dump(
    path: Path, landing_dir: Path | None, max_bytes: int = DEFAULT_MAX_EXPANDED_BYTES
) -> tuple[LandedFile, DumpFile | None]:
    """The file's identity (size, hash) and contents with its sidecar, or why it failed. A file
    larger than `max_bytes` is hashed as a stream and not read into memory."""
    source_path = relative_source_path(path, landing_dir)
    try:
        before = path.stat()
        if before.st_size > max_bytes and S_ISREG(before.st_mode):
            with path.open("rb") as stream:
                sha256 = hashlib.file_digest(stream, "sha256").hexdigest()
            modified = datetime.fromtimestamp(before.st_mtime, tz=UTC)
            problem = IngestError(
                source_path, None, "too_large", str(too_large("it holds", max_bytes))
            )
            return LandedFile(path, source_path, before.st_size, sha256, modified, problem), None
        data, stat = _read_stable(path, before)
    except OSError as exc:
        return LandedFile(path, source_path, 0, None, None, _read_problem(source_path, exc)), None
    modified_at = datetime.fromtimestamp(stat.st_mtime, tz=UTC)
    sha256 = hashlib.sha256(data).hexdigest()
    sidecar = _read_sidecar(path) if dump_format(path.name) is not None else None
    landed = LandedFile(path, source_path, len(data), sha256, modified_at)
    return landed, DumpFile(source_path, data, sha256, modified_at, sidecar)


def parse_path(
    path: Path,
    landing_dir: Path | None = None,
    max_expanded_bytes: int = DEFAULT_MAX_EXPANDED_BYTES,
) -> tuple[LandedFile, ParseResult]:
    landed, dump = read_dump(path, landing_dir, max_expanded_bytes)
    return landed, parse_read(path, landed, dump, max_expanded_bytes)


def parse_read(
    path: Path,
    landed: LandedFile,
    dump: DumpFile | None,
    max_expanded_bytes: int = DEFAULT_MAX_EXPANDED_BYTES,
    on_page: Callable[[], None] | None = None,
) -> ParseResult:
    """What `read_dump` returned, parsed (apart from reading, so the two can be timed apart)."""
    if dump is None:
        assert landed.problem is not None
        return ParseResult(errors=[landed.problem])
    if path.name.endswith(SIDECAR_SUFFIX):
        return ParseResult(
            errors=[
                IngestError(
                    landed.source_path,
                    None,
                    "orphan_sidecar",
                    "a sidecar whose dump is missing: add the dump or remove the sidecar",
                )
            ]
        )
    return parse_dump(dump, max_expanded_bytes, on_page)
