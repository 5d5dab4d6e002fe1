"""The caps on what one landed file may cost to parse, read from the environment: its expanded
size, its time (per page in multi-page files) and the memory of the worker parsing it.
docs/operations.md documents them and how to raise them."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from extraction.limits import DEFAULT_MAX_EXPANDED_BYTES, ENV_MAX_EXPANDED_BYTES, describe_bytes

ENV_PARSE_TIMEOUT = "CORPUS_PARSE_TIMEOUT"
ENV_WORKER_MEMORY = "CORPUS_WORKER_MEMORY"
DEFAULT_PARSE_TIMEOUT_SECONDS = 60.0
DEFAULT_WORKER_MEMORY_BYTES = 4 * 1024**3

# DuckDB's spelling of sizes: KB, MB, GB are powers of 1000; KiB, MiB, GiB powers of 1024.
_UNITS = {
    "": 1,
    "b": 1,
    "kb": 1000,
    "mb": 1000**2,
    "gb": 1000**3,
    "tb": 1000**4,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
    "tib": 1024**4,
}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*")


def parse_size(text: str, name: str) -> int:
    """'256MiB', '2GB', '1048576' -> bytes; `name` says which setting was wrong."""
    match = _SIZE.fullmatch(text)
    if match is None or match.group(2).lower() not in _UNITS:
        raise ValueError(f"{name}={text!r} is not a size: write e.g. 512MiB, 2GB or 1048576")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


@dataclass(frozen=True, slots=True)
class ParseLimits:
    max_expanded_bytes: int = DEFAULT_MAX_EXPANDED_BYTES
    # CPU seconds a page (a whole .txt or .html file, one JSON line, one WARC record) may take.
    timeout_seconds: float = DEFAULT_PARSE_TIMEOUT_SECONDS
    worker_memory_bytes: int | None = DEFAULT_WORKER_MEMORY_BYTES  # None: no limit

    @classmethod
    def from_environment(cls, env: Mapping[str, str] = os.environ) -> ParseLimits:
        def value(name: str) -> str | None:
            text = env.get(name, "").strip()
            return text or None

        expanded, timeout, memory = (
            value(ENV_MAX_EXPANDED_BYTES),
            value(ENV_PARSE_TIMEOUT),
            value(ENV_WORKER_MEMORY),
        )
        seconds = DEFAULT_PARSE_TIMEOUT_SECONDS
        if timeout is not None:
            try:
                seconds = float(timeout)
            except ValueError:
                raise ValueError(
                    f"{ENV_PARSE_TIMEOUT}={timeout!r} is not a number of seconds"
                ) from None
        memory_bytes = (
            parse_size(memory, ENV_WORKER_MEMORY) if memory else DEFAULT_WORKER_MEMORY_BYTES
        )
        limits = cls(
            max_expanded_bytes=(
                parse_size(expanded, ENV_MAX_EXPANDED_BYTES)
                if expanded
                else DEFAULT_MAX_EXPANDED_BYTES
            ),
            timeout_seconds=seconds,
            worker_memory_bytes=memory_bytes or None,  # 0 turns the limit off
        )
        if limits.max_expanded_bytes <= 0 or limits.timeout_seconds <= 0:
            raise ValueError(
                f"{ENV_MAX_EXPANDED_BYTES} and {ENV_PARSE_TIMEOUT} must be greater than zero"
            )
        return limits

    @property
    def kill_after_seconds(self) -> float:
        """CPU seconds after which a worker that has not begun a new page is stopped from outside:
        a page stuck where no timer reaches (a regular expression backtracking in C) still ends."""
        return self.timeout_seconds + max(2.0, self.timeout_seconds / 4)

    @property
    def key(self) -> str:
        """Recorded with every outcome a limit decided, so that changing a limit tries it again."""
        memory = self.worker_memory_bytes or 0
        return f"limits:{self.max_expanded_bytes}:{self.timeout_seconds:g}:{memory}"

    def timeout_message(self) -> str:
        return (
            f"parsing stopped at the {self.timeout_seconds:g} s CPU time budget per page "
            f"({ENV_PARSE_TIMEOUT}); raise it to load this (see docs/operations.md), or report "
            "the file: no page should take this long"
        )

    def killed_slow_message(self) -> str:
        return (
            f"parsing it overran the {self.timeout_seconds:g} s CPU time budget per page "
            f"({ENV_PARSE_TIMEOUT}) and its worker was stopped after "
            f"{self.kill_after_seconds:g} s; the rest of the run went on. Raise the budget to "
            "load it (see docs/operations.md), or report the file: no page should take this long"
        )

    def out_of_memory_message(self) -> str:
        limit = describe_bytes(self.worker_memory_bytes or 0)
        return (
            f"parsing it took more than the {limit} a parse worker may use ({ENV_WORKER_MEMORY}), "
            "so the worker was stopped; raise the limit to load it (see docs/operations.md)"
        )
