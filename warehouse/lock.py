"""One writer at a time: a lock file beside the warehouse, held while staging or publishing."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

ENV_LOCK_TIMEOUT = "CORPUS_LOCK_TIMEOUT"
DEFAULT_TIMEOUT_SECONDS = 3600.0


class WarehouseBusyError(RuntimeError):
    pass


def lock_path_for(published: Path) -> Path:
    return published.with_name(published.name + ".lock")


def lock_timeout() -> float:
    return float(os.environ.get(ENV_LOCK_TIMEOUT) or DEFAULT_TIMEOUT_SECONDS)


@contextmanager
def writer_lock(
    published: Path, timeout: float | None = None, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the warehouse's writer lock; waits up to `timeout` seconds (0: fail at once), telling
    `on_wait` when it has to. Re-entrant in one thread, so a command can hold it around a whole run.

    The lock is an OS file lock (flock): the kernel drops it when its holder dies, even by SIGKILL,
    so a crashed refresh never leaves a stale lock behind (the lock file itself may stay)."""
    published.parent.mkdir(parents=True, exist_ok=True)
    path = lock_path_for(published)
    lock = FileLock(path, is_singleton=True)
    wait = lock_timeout() if timeout is None else timeout
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            if wait <= 0:
                raise
            if on_wait is not None:
                on_wait(f"another refresh is writing {published.name}; waiting up to {wait:g} s")
            lock.acquire(timeout=wait)
    except Timeout as exc:
        raise WarehouseBusyError(
            f"another refresh is writing {published.name} (lock {path}); "
            f"waited {wait:g} s. Retry when it finishes, or pass --wait to queue behind it."
        ) from exc
    try:
        yield
    finally:
        lock.release()
