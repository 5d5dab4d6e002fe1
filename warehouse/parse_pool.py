"""Parsing in supervised worker processes, never in the process that holds the writer lock.

A worker that overruns the time budget or the memory limit is stopped; one that dies (as the
kernel's out-of-memory killer makes it) costs only its batch, whose files are tried again one by
one in fresh workers, so the file at fault is found, rejected and the run goes on. Workers come
from a fork server started with the parse code already imported: a fresh worker costs a fork,
not an interpreter start, and never inherits the thread pools of the process that builds.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing import forkserver
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkServerContext
from multiprocessing.process import BaseProcess
from pathlib import Path

from warehouse.limits import ParseLimits
from warehouse.parse_worker import HTML_MODULES, Batch, ParseOne, may_hold_html, serve
from warehouse.staging import StagedFile, culprit_file, parse_file

POLL_SECONDS = 0.2  # how often deadlines and workers' memory are checked
STARTUP_FAILURES_ALLOWED = 3
STOP_SECONDS = 10.0  # a worker told to stop gets this long before it is killed
STARTUP_SECONDS = 60.0  # a fresh worker must begin its first file within this (and the budget)
# The budget counts CPU seconds, so a busy machine does not reject files; a worker blocked without
# spending any (hung storage) is stopped once this many budgets of wall time went by.
WALL_BUDGETS = 10


class ParseWorkerError(RuntimeError):
    """The parse machinery itself failed (not a file): workers cannot start, or staging fails."""


@dataclass(frozen=True, slots=True)
class _Task:
    paths: tuple[str, ...]
    alone: bool = False  # a retry of one file whose batch's worker died


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    tasks: Connection
    alive: Connection  # the write end of the worker's liveness pipe; never written
    ready: bool = False
    task: _Task | None = None
    current: int | None = None  # index in task.paths of the file being parsed
    deadline: float | None = None  # wall clock (time.monotonic)
    cpu_mark: float | None = None  # the worker's CPU seconds when its current page began
    stopped_for: str | None = None  # 'too_slow' | 'out_of_memory' when the supervisor killed it


def _context(html: bool) -> ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    # What the fork server imports once, so that a worker costs a fork: the parse code, and HTML
    # extraction with its fallback extractor only for a job that may hold HTML (a quarter of the
    # server's start, which a refresh of text dumps would wait for). A worker of a server started
    # without them imports them itself before its first file's budget (parse_worker.import_for).
    # Only the server's first start reads this; a module that is not installed is skipped.
    context.set_forkserver_preload(["warehouse.parse_worker", *(HTML_MODULES if html else ())])
    return context


def start_fork_server(paths: Sequence[Path]) -> None:
    """Start the fork server for a job of these files without waiting for it: its imports (about
    a second of CPU here) then run beside whatever the caller does before the first batch is handed
    out, instead of before it. Nothing happens when one is running already."""
    _context(may_hold_html(paths))
    forkserver.ensure_running()


def resident_bytes(pid: int) -> int | None:
    """The process's resident memory (what the out-of-memory killer counts), where /proc says."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user and system) the process has used, where /proc says."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _how_it_died(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        note = ", as the kernel's out-of-memory killer does" if -exitcode == signal.SIGKILL else ""
        return f"killed by {name}{note}"
    return f"exit code {exitcode}"


class ParsePool:
    """Batches of paths through up to `workers` processes; `run` gives every file's outcome."""

    def __init__(
        self,
        landing_dir: Path,
        staging_dir: Path,
        limits: ParseLimits,
        workers: int,
        quarantined: dict[str, tuple[str, str]],
        parse: ParseOne = parse_file,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.landing_dir, self.staging_dir, self.limits = landing_dir, staging_dir, limits
        self.workers, self.quarantined, self.parse = max(1, workers), quarantined, parse
        self.progress = progress
        self.pool: list[_Worker] = []
        self.html = False  # whether the job may hold HTML (what the fork server preloads)
        self.next_check = 0.0  # when deadlines and memory are checked next (time.monotonic)
        # Where /proc gives no worker's CPU time, only the wall clock stops a slow page.
        self.cpu_readable = cpu_seconds(os.getpid()) is not None
        self.pending: deque[_Task] = deque()
        self.staged: list[StagedFile] = []
        self.done = self.total = self.startup_failures = 0

    def run(self, batches: Sequence[Sequence[Path]]) -> list[StagedFile]:
        self.pending.extend(_Task(tuple(str(p) for p in batch)) for batch in batches if batch)
        self.total = len(self.pending)
        self.html = any(may_hold_html(task.paths) for task in self.pending)
        try:
            while self.pending or any(w.task is not None for w in self.pool):
                self._hand_out()
                wait(
                    [w.tasks for w in self.pool] + [w.process.sentinel for w in self.pool],
                    timeout=POLL_SECONDS,
                )
                for worker in list(self.pool):
                    self._receive(worker)
                    if not worker.process.is_alive():
                        self._bury(worker)
                self._enforce_limits()
            self._stop_all()
        finally:
            for worker in self.pool:  # only after an error: kill whatever is left
                worker.process.kill()
                worker.process.join(STOP_SECONDS)
                worker.alive.close()
            self.pool.clear()
        return self.staged

    # --- workers -------------------------------------------------------------------------------

    def _start(self) -> _Worker:
        context = _context(self.html)
        tasks, child_tasks = context.Pipe()
        child_alive, alive = context.Pipe(duplex=False)
        process = context.Process(
            target=serve, args=(child_tasks, child_alive), name="corpus-parse", daemon=True
        )
        process.start()
        child_tasks.close()
        child_alive.close()
        worker = _Worker(process, tasks, alive)
        self.pool.append(worker)
        return worker

    def _hand_out(self) -> None:
        for worker in self.pool:
            if worker.task is None and self.pending:
                self._assign(worker, self.pending.popleft())
        while self.pending and len(self.pool) < self.workers:
            self._assign(self._start(), self.pending.popleft())

    def _assign(self, worker: _Worker, task: _Task) -> None:
        worker.task, worker.current, worker.cpu_mark = task, None, None
        worker.deadline = time.monotonic() + STARTUP_SECONDS + self.limits.kill_after_seconds
        worker.tasks.send(
            Batch(
                paths=task.paths,
                landing_dir=str(self.landing_dir),
                staging_dir=str(self.staging_dir),
                max_expanded_bytes=self.limits.max_expanded_bytes,
                timeout_seconds=self.limits.timeout_seconds,
                timeout_message=self.limits.timeout_message(),
                quarantined=self.quarantined,
                parse=self.parse,
            )
        )

    def _receive(self, worker: _Worker) -> None:
        while True:
            try:
                if not worker.tasks.poll():
                    return
                message = worker.tasks.recv()
            except (EOFError, OSError):
                return
            kind = message[0]
            if kind == "ready":
                worker.ready = True
            elif kind in ("file", "page"):
                if kind == "file":
                    worker.current = message[2]
                # The worker's own CPU clock as the page began: no read of /proc per file here.
                worker.cpu_mark = message[1]
                allowed = self.limits.kill_after_seconds
                worker.deadline = time.monotonic() + (
                    WALL_BUDGETS * allowed if self.cpu_readable else allowed
                )
            elif kind == "writing":
                worker.deadline, worker.cpu_mark = None, None
            elif kind == "done":
                self.staged.extend(message[1])
                worker.task, worker.current = None, None
                worker.deadline, worker.cpu_mark = None, None
                self.done += 1
                if self.progress is not None:
                    self.progress(self.done, self.total)
            elif kind == "failed":
                detail = message[1].strip()
                raise ParseWorkerError(
                    f"a parse worker failed: {detail.splitlines()[-1]}\n{detail}"
                )

    def _enforce_limits(self) -> None:
        # Every POLL_SECONDS, not at every message (one or more per file): reading /proc for
        # each worker that often was the main process's largest cost while workers parsed.
        now = time.monotonic()
        if now < self.next_check:
            return
        self.next_check = now + POLL_SECONDS
        limit = self.limits.worker_memory_bytes
        for worker in self.pool:
            if worker.task is None or worker.stopped_for is not None:
                continue
            pid = worker.process.pid or 0
            spent = 0.0  # CPU seconds on the current page
            if worker.cpu_mark is not None:
                spent = (cpu_seconds(pid) or worker.cpu_mark) - worker.cpu_mark
            if spent > self.limits.kill_after_seconds or (
                worker.deadline is not None and now > worker.deadline
            ):
                worker.stopped_for = "too_slow"
            elif limit is not None and (resident_bytes(pid) or 0) > limit:
                worker.stopped_for = "out_of_memory"
            if worker.stopped_for is not None:
                worker.process.kill()

    def _bury(self, worker: _Worker) -> None:
        """A worker exited: what it was doing is retried, split, or pinned on the file at fault."""
        worker.process.join()
        self._receive(worker)  # what it sent just before it exited
        worker.alive.close()
        self.pool.remove(worker)
        task = worker.task
        if task is None:
            return
        if not worker.ready:
            self.startup_failures += 1
            if self.startup_failures >= STARTUP_FAILURES_ALLOWED:
                raise ParseWorkerError(
                    "parse workers keep dying as they start "
                    f"({_how_it_died(worker.process.exitcode)}): check memory and the environment"
                )
            self.pending.appendleft(task)
            return
        if worker.stopped_for == "too_slow" and worker.current is not None:
            # A time overrun is the file's own: no retry (it would cost the budget again).
            culprit = task.paths[worker.current]
            self._reject(culprit, "too_slow", self.limits.killed_slow_message())
            rest = tuple(p for i, p in enumerate(task.paths) if i != worker.current)
            if rest:
                self._retry(_Task(rest, alone=task.alone))
        elif len(task.paths) > 1 or not task.alone:
            # Which file was at fault is known only once each runs alone.
            for path in reversed(task.paths):
                self._retry(_Task((path,), alone=True))
        elif worker.stopped_for == "out_of_memory":
            self._reject(task.paths[0], "out_of_memory", self.limits.out_of_memory_message())
        else:
            how = _how_it_died(worker.process.exitcode)
            self._reject(
                task.paths[0],
                "worker_died",
                f"the parse worker died while parsing this file, twice ({how}); it is not "
                "parsed again until it, the parser or the limits change. If memory ran short, "
                "see docs/operations.md; otherwise report it with the file attached",
            )
        self.done += 1

    def _retry(self, task: _Task) -> None:
        self.pending.appendleft(task)
        self.total += 1

    def _reject(self, path: str, kind: str, message: str) -> None:
        self.staged.append(culprit_file(Path(path), self.landing_dir, kind, message))

    def _stop_all(self) -> None:
        for worker in self.pool:
            with contextlib.suppress(OSError):
                worker.tasks.send(None)
        deadline = time.monotonic() + STOP_SECONDS
        for worker in self.pool:
            worker.process.join(max(0.0, deadline - time.monotonic()))
