"""A parse worker: a child process that parses the batches its supervisor sends, one file at a
time, and stages them. It never holds the writer lock; it dies with its parent (PR_SET_PDEATHSIG on
Linux, and a liveness pipe everywhere); a timer keeps each page to the time budget."""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from types import FrameType

from extraction.dumps import dump_format
from extraction.files import LandedFile
from extraction.limits import ParseTimeout
from extraction.records import IngestError, ParseResult
from warehouse.staging import StagedFile, culprit_file, parse_file, write_batch

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
HEARTBEAT_SECONDS = 1.0  # at most one "a page began" message per second: cheap for 100k pages
# HTML extraction and its fallback extractor: imported only by workers whose files may need them.
HTML_MODULES = ("extraction.html", "trafilatura")
HTML_FREE_FORMATS = frozenset({"txt"})

ParseOne = Callable[..., tuple[StagedFile, ParseResult]]


@dataclass(frozen=True, slots=True)
class Batch:
    """One unit of work, sent over the pipe (so everything in it pickles)."""

    paths: tuple[str, ...]
    landing_dir: str
    staging_dir: str
    max_expanded_bytes: int
    timeout_seconds: float
    timeout_message: str
    # Content (by SHA-256) that stopped a worker before: answered from here, never parsed again.
    quarantined: dict[str, tuple[str, str]] = field(default_factory=dict)
    parse: ParseOne = parse_file  # tests swap in a parse that misbehaves on purpose


def _die_with_parent(alive: Connection) -> None:
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)

    def watch() -> None:
        # The supervisor never writes here: end-of-file means it closed the pipe or died.
        with contextlib.suppress(EOFError, OSError):
            alive.recv()
        os._exit(70)

    threading.Thread(target=watch, name="parent-liveness", daemon=True).start()


class _Budget:
    """The time budget of the page being parsed, as a CPU-time timer (SIGPROF, so that a busy
    machine does not make pages late) that raises ParseTimeout.

    Only while armed: a timer firing as the page ends (or between pages) is ignored, so the
    interruption never lands in the worker's own bookkeeping or in a message being sent."""

    def __init__(self, tasks: Connection, seconds: float, message: str) -> None:
        self.tasks, self.seconds, self.message = tasks, seconds, message
        self.armed = False
        self.last_heartbeat = time.monotonic()
        signal.signal(signal.SIGPROF, self._overrun)

    def _overrun(self, signum: int, frame: FrameType | None) -> None:
        if self.armed:
            self.armed = False
            raise ParseTimeout(self.message)

    def arm(self) -> None:
        self.armed = True
        signal.setitimer(signal.ITIMER_PROF, self.seconds)

    def disarm(self) -> None:
        self.armed = False
        signal.setitimer(signal.ITIMER_PROF, 0)

    def page_began(self) -> None:
        self.disarm()
        now = time.monotonic()
        if now - self.last_heartbeat >= HEARTBEAT_SECONDS:
            self.tasks.send(("page", time.process_time()))
            self.last_heartbeat = now
        self.arm()


def _quarantine_answer(batch: Batch) -> Callable[[LandedFile], ParseResult | None]:
    def answer(landed: LandedFile) -> ParseResult | None:
        known = batch.quarantined.get(landed.sha256 or "")
        if known is None:
            return None
        kind, message = known
        return ParseResult(errors=[IngestError(landed.source_path, None, kind, message)])

    return answer


def may_hold_html(paths: Sequence[str] | Sequence[Path]) -> bool:
    """Whether any of these files may hold HTML pages: a text dump never reaches the HTML
    extractor (extraction/dumps.py `_content`), the other dump formats may."""
    return any(dump_format(Path(path).name) not in HTML_FREE_FORMATS for path in paths)


def import_for(paths: Sequence[str]) -> None:
    """Import the HTML extractor a batch may need before its first file's time budget starts
    (a worker of a fork server started for text dumps lacks it); one not installed is skipped,
    and its pages say so."""
    if may_hold_html(paths):
        for name in HTML_MODULES:
            with contextlib.suppress(ImportError):
                importlib.import_module(name)


def _run(batch: Batch, tasks: Connection) -> list[StagedFile]:
    cpu_started = time.process_time()
    import_for(batch.paths)
    landing, seen_at = Path(batch.landing_dir), datetime.now(UTC)
    budget = _Budget(tasks, batch.timeout_seconds, batch.timeout_message)
    quarantined = _quarantine_answer(batch)
    results: list[tuple[StagedFile, ParseResult]] = []
    for index, raw_path in enumerate(batch.paths):
        tasks.send(("file", time.process_time(), index))
        path = Path(raw_path)
        budget.arm()
        try:
            outcome = batch.parse(
                path, landing, batch.max_expanded_bytes, budget.page_began, quarantined
            )
        except ParseTimeout as exc:  # outside any page: while reading, or after the last page
            outcome = (culprit_file(path, landing, "too_slow", str(exc)), ParseResult())
        finally:
            budget.disarm()
        results.append(outcome)
    tasks.send(("writing",))
    staged = write_batch(results, Path(batch.staging_dir), seen_at)
    share = (time.process_time() - cpu_started) / max(1, len(staged))
    return [replace(item, cpu_seconds=share) for item in staged]


def serve(tasks: Connection, alive: Connection) -> None:
    """The worker's main loop: a Batch in, ("done", staged files) out, until told to stop."""
    _die_with_parent(alive)
    signal.signal(
        signal.SIGINT, signal.SIG_IGN
    )  # Ctrl-C reaches the whole group; the parent decides
    tasks.send(("ready", os.getpid()))
    while True:
        try:
            batch = tasks.recv()
        except EOFError:
            return
        if batch is None:
            return
        try:
            staged = _run(batch, tasks)
        except BaseException:
            tasks.send(("failed", traceback.format_exc()))
            return
        tasks.send(("done", staged))
