"""One writer at a time: a lock file beside the warehouse, held while staging or publishing."""

from __future__ import annotations

import os
from collections.abc import Iterator
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
def writer_lock(published: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the warehouse's writer lock; waits up to `timeout` seconds (0: fail at once)."""
    published.parent.mkdir(parents=True, exist_ok=True)
    path = lock_path_for(published)
    lock = FileLock(path, is_singleton=True)
    wait = lock_timeout() if timeout is None else timeout
    try:
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
