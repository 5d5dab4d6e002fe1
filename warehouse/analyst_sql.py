"""Analysts' ad-hoc SQL (`corpus sql`): the text split into statements, each run in turn on one
read-only connection under one time limit, its rows streamed (the first N kept for a table, the
rest counted; or every row, chunk by chunk, for a file)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse.readonly import (
    MEMORY_LIMIT,
    QUERY_TIMEOUT_SECONDS,
    TEMP_LIMIT,
    capped_connection,
)

CHUNK_ROWS = 10_000
ARROW_BATCH_ROWS = 100_000


@dataclass(frozen=True, slots=True)
class Head:
    """The first rows of a result and how many more it had."""

    columns: list[str]
    rows: list[tuple[object, ...]]
    more: int


class Session:
    """One read-only connection; statements run on it one after another."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def statements(self, sql: str) -> list[str]:
        """The statements of `sql`, as DuckDB's parser splits them (a syntax error raises)."""
        return [s.query.strip().rstrip(";").strip() for s in self.con.extract_statements(sql)]

    def _run(self, statement: str) -> tuple[duckdb.DuckDBPyConnection, list[str]]:
        cursor = self.con.execute(statement)
        return cursor, [d[0] for d in cursor.description or []]

    def head(self, statement: str, limit: int) -> Head:
        """At most `limit` rows (all when 0) and a count of the rest. The result is streamed as
        Arrow batches (a Python fetch would buffer rows the count then misses), so a large result
        never sits in memory and counting it costs little."""
        cursor, columns = self._run(statement)
        if limit == 0:
            return Head(columns, cursor.fetchall(), 0)
        rows: list[tuple[object, ...]] = []
        total = 0
        for batch in cursor.to_arrow_reader(ARROW_BATCH_ROWS):
            if len(rows) < limit:
                taken = batch.slice(0, limit - len(rows))
                values = ([_plain(v) for v in column.to_pylist()] for column in taken.columns)
                rows += list(zip(*values, strict=True))
            total += batch.num_rows
        return Head(columns, rows, total - len(rows))

    def chunks(self, statement: str) -> tuple[list[str], Iterator[list[tuple[object, ...]]]]:
        """Every row, in chunks, for writing to a file as they come."""
        cursor, columns = self._run(statement)

        def rows() -> Iterator[list[tuple[object, ...]]]:
            while chunk := cursor.fetchmany(CHUNK_ROWS):
                yield chunk

        return columns, rows()


def _plain(value: object) -> object:
    """An Arrow value as DuckDB's Python fetch gives it: an interval as a timedelta (or as text
    when it counts months, which a timedelta cannot hold); anything else as it is."""
    if isinstance(value, pa.MonthDayNano):
        months, days, nanoseconds = value
        if months:
            return f"{months} months {days} days {timedelta(microseconds=nanoseconds // 1000)}"
        return timedelta(days=days, microseconds=nanoseconds // 1000)
    return value


@contextmanager
def session(
    warehouse: Path,
    timeout: float = QUERY_TIMEOUT_SECONDS,
    memory_limit: str = MEMORY_LIMIT,
    temp_limit: str = TEMP_LIMIT,
) -> Iterator[Session]:
    """A read-only session whose statements, all together, stop after `timeout` seconds, each
    within `memory_limit` of memory and `temp_limit` of spill files."""
    with capped_connection(warehouse, timeout, memory_limit, temp_limit) as con:
        yield Session(con)
