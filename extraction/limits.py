"""What one dump may cost to read: the expanded-size cap, and the interruption a caller's time
budget raises inside a parse. Extraction only honours these; the caller (warehouse/) sets them."""

from __future__ import annotations

ENV_MAX_EXPANDED_BYTES = "CORPUS_MAX_EXPANDED_BYTES"
DEFAULT_MAX_EXPANDED_BYTES = 256 * 1024 * 1024
# Kinds of outcome that depend on a limit rather than on the bytes alone: raising the limit makes
# such a file worth parsing again.
LIMIT_ERROR_KINDS = frozenset({"too_large", "too_slow", "out_of_memory", "worker_died"})


class ParseTimeout(BaseException):
    """Raised into a parse by the caller's timer when a page overruns its time budget.

    A BaseException, so that no `except Exception` inside an extractor can swallow it and carry on
    with half a page; parse_dump catches it per page and records the page as too slow."""


def describe_bytes(count: int) -> str:
    """1048576 -> '1 MiB': caps are shown to people in the unit they would configure."""
    for unit, size in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if count >= size:
            return f"{count / size:.4g} {unit}"
    return f"{count} bytes"
