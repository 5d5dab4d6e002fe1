"""A lake keeps the shard count and the SQL it was made with: a shard run with another count (its
files would change owner) or other SQL (the lake's rows were made by other loads) is refused with
a message saying what to do, and the lake is left as it was. A DuckDB-file catalog: no server."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from warehouse.lake import (
    ENV_LAKE_SHARDS,
    STAGING,
    LakeConfig,
    LakeConfigError,
    current_snapshot,
    ensure_lake,
    lake_session,
)


def test_a_lake_refuses_another_shard_count_and_other_sql(tmp_path: Path) -> None:
    config = LakeConfig(str(tmp_path / "catalog.ducklake"), str(tmp_path / "data"), shards=4)
    with lake_session(config) as con:
        assert ensure_lake(con, config) is True
        assert ensure_lake(con, config) is False  # made once, then left alone
        made = current_snapshot(con)

    with lake_session(config) as con, pytest.raises(LakeConfigError, match=ENV_LAKE_SHARDS):
        ensure_lake(con, replace(config, shards=8))

    with lake_session(config) as con:
        con.execute(f"UPDATE {STAGING}.settings SET value = 'other' WHERE key = 'code'")
        changed = current_snapshot(con)
        with pytest.raises(LakeConfigError, match="backfill every shard into a new lake"):
            ensure_lake(con, config)
        assert current_snapshot(con) == changed > made
