"""Analysts' connections: read-only, no file or network access, no installs, time-limited, and
capped in memory and in what they may spill to disk."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

QUERY_TIMEOUT_SECONDS = 300.0
# DuckDB's own defaults are 80% of RAM and 90% of the free disk: one DISTINCT over the comments
# could take the machine. Sizes in DuckDB's spelling (GB = 1000^3 bytes, GiB = 1024^3).
MEMORY_LIMIT = "2GB"
TEMP_LIMIT = "8GB"  # the spill directory, <warehouse>.tmp beside the warehouse file

# Settings an analyst's session cannot change back (lock_configuration freezes them).
READ_ONLY_CONFIG: dict[str, str | bool] = {
    "access_mode": "READ_ONLY",
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
}


class QueryTimeoutError(RuntimeError):
    pass


class QueryMemoryError(RuntimeError):
    pass


def memory_error(exc: duckdb.Error, memory_limit: str, temp_limit: str) -> QueryMemoryError:
    return QueryMemoryError(
        f"{str(exc).splitlines()[0]}: the query needs more than the {memory_limit} memory limit "
        f"and the {temp_limit} it may spill to disk; raise them with --memory-limit and "
        "--temp-limit, or aggregate before you DISTINCT or sort"
    )


def connect_readonly(
    warehouse: Path, memory_limit: str = MEMORY_LIMIT, temp_limit: str = TEMP_LIMIT
) -> duckdb.DuckDBPyConnection:
    """The documented way to open the warehouse for analysis."""
    if not warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}: run `corpus build` first")
    config = {
        **READ_ONLY_CONFIG,
        "memory_limit": memory_limit,
        "max_temp_directory_size": temp_limit,
    }
    return duckdb.connect(str(warehouse), read_only=True, config=config)


@contextmanager
def time_limit(con: duckdb.DuckDBPyConnection, seconds: float) -> Iterator[threading.Event]:
    """Interrupt the connection's running query after `seconds`; the event says it fired."""
    fired = threading.Event()

    def interrupt() -> None:
        fired.set()
        con.interrupt()

    timer = threading.Timer(seconds, interrupt)
    timer.daemon = True
    timer.start()
    try:
        yield fired
    finally:
        timer.cancel()


@contextmanager
def capped_connection(
    warehouse: Path,
    timeout: float = QUERY_TIMEOUT_SECONDS,
    memory_limit: str = MEMORY_LIMIT,
    temp_limit: str = TEMP_LIMIT,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection whose work, all together, stops after `timeout` seconds, within
    `memory_limit` of memory and `temp_limit` of spill files; either stop is raised as an error
    that says which cap and how to raise it. Closed on leaving."""
    con = connect_readonly(warehouse, memory_limit, temp_limit)
    try:
        with time_limit(con, timeout) as fired:
            try:
                yield con
            except duckdb.InterruptException as exc:
                if fired.is_set():
                    raise QueryTimeoutError(
                        f"query stopped after the {timeout:g} s time limit"
                    ) from exc
                raise
            except duckdb.OutOfMemoryException as exc:
                raise memory_error(exc, memory_limit, temp_limit) from exc
    finally:
        con.close()


def run_query(
    warehouse: Path,
    query: str,
    timeout: float = QUERY_TIMEOUT_SECONDS,
    memory_limit: str = MEMORY_LIMIT,
    temp_limit: str = TEMP_LIMIT,
) -> tuple[list[str], list[tuple[object, ...]]]:
    """Column names and rows of one read-only query."""
    with capped_connection(warehouse, timeout, memory_limit, temp_limit) as con:
        cursor = con.execute(query)
        columns = [d[0] for d in cursor.description or []]
        return columns, cursor.fetchall()
