"""Parse functions that misbehave on purpose, for the supervisor to cope with: each wraps the real
`parse_file` and misbehaves only on files whose name contains its marker. They run inside parse
workers (passed by reference, bound with functools.partial), so a test swaps one in with
`monkeypatch.setattr(warehouse.ingest, "parse_one", partial(fault, marker))`."""

from __future__ import annotations

import hashlib
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from extraction import dumps
from extraction.content import PageContent
from extraction.files import LandedFile
from extraction.records import ParseResult
from warehouse.staging import StagedFile, parse_file

Outcome = tuple[StagedFile, ParseResult]


def _after_reading(
    act: Callable[[], object],
    marker: str,
    path: Path,
    landing: Path,
    max_expanded_bytes: int,
    on_page: Callable[[], None] | None = None,
    on_read: Callable[[LandedFile], ParseResult | None] | None = None,
) -> Outcome:
    """The real parse, with `act` run once the marked file is read (unless the quarantine answers
    for it, as it would before any real parse)."""

    def read_then_act(landed: LandedFile) -> ParseResult | None:
        answer = on_read(landed) if on_read is not None else None
        if answer is None and marker in path.name:
            act()
        return answer

    return parse_file(path, landing, max_expanded_bytes, on_page, read_then_act)


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _spin_in_c() -> None:
    hashlib.pbkdf2_hmac("sha256", b"stuck", b"salt", 10**9)  # hours of CPU in one C call


def _hoard() -> None:
    hoard = []
    for _ in range(400):  # 8 GB at most, should the supervisor not step in
        hoard.append(b"x" * (20 * 1024 * 1024))
        time.sleep(0.05)


def killed(marker: str, *args: Any) -> Outcome:
    """The worker is killed as the out-of-memory killer kills: SIGKILL, no clean-up."""
    return _after_reading(_die, marker, *args)


def stuck(marker: str, *args: Any) -> Outcome:
    """Busy inside one long C call, where no timer's handler can run (as in a C library that never
    returns to Python): only the supervisor's kill ends it."""
    return _after_reading(_spin_in_c, marker, *args)


def hungry(marker: str, *args: Any) -> Outcome:
    """Memory grows at about 400 MB/s (pages written, so resident) until the supervisor stops it."""
    return _after_reading(_hoard, marker, *args)


def slow_pages(marker: str, path: Path, landing: Path, *args: Any) -> Outcome:
    """Pages whose text holds the marker take forever in pure Python, where the worker's timer
    interrupts them: those pages are recorded too slow, the others land."""
    real = dumps.extract_text

    def spin_on_marker(text: str, **kwargs: Any) -> PageContent:
        while marker in text:
            pass
        return real(text, **kwargs)

    dumps.extract_text = spin_on_marker  # type: ignore[assignment]
    try:
        return parse_file(path, landing, *args)
    finally:
        dumps.extract_text = real  # type: ignore[assignment]


def appended_while_read(name: str, path: Path, landing: Path, *args: Any) -> Outcome:
    """A writer appends to the file named `name` just as the pipeline reads it."""
    if path.name != name:
        return parse_file(path, landing, *args)
    read_bytes = Path.read_bytes

    def read_then_append(self: Path) -> bytes:
        data = read_bytes(self)
        if self == path:
            with self.open("ab") as out:
                out.write(b"A later paragraph arriving.\n")
        return data

    Path.read_bytes = read_then_append  # type: ignore[method-assign]
    try:
        return parse_file(path, landing, *args)
    finally:
        Path.read_bytes = read_bytes  # type: ignore[method-assign]


def chaos(path: Path, landing: Path, *args: Any) -> Outcome:
    """Several faults at once: names with "oom" kill their worker, names with "stuck" hang it."""
    if "stuck" in path.name:
        return stuck("stuck", path, landing, *args)
    return killed("oom", path, landing, *args)
