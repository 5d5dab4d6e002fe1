"""Analysts' connections: read-only, no file or network access, no installs, time-limited."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

QUERY_TIMEOUT_SECONDS = 300.0

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


def connect_readonly(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """The documented way to open the warehouse for analysis."""
    if not warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}: run `corpus build` first")
    return duckdb.connect(str(warehouse), read_only=True, config=dict(READ_ONLY_CONFIG))


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


def run_query(
    warehouse: Path, query: str, timeout: float = QUERY_TIMEOUT_SECONDS
) -> tuple[list[str], list[tuple[object, ...]]]:
    """Column names and rows of one read-only query."""
    con = connect_readonly(warehouse)
    try:
        with time_limit(con, timeout) as fired:
            try:
                cursor = con.execute(query)
                columns = [d[0] for d in cursor.description or []]
                return columns, cursor.fetchall()
            except duckdb.InterruptException as exc:
                if fired.is_set():
                    raise QueryTimeoutError(
                        f"query stopped after the {timeout:g} s time limit"
                    ) from exc
                raise
    finally:
        con.close()
