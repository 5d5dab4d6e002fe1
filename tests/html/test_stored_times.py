"""Local times written with their offset reach the warehouse as the same instant in UTC (the
columns are TIMESTAMP in UTC), from real saved pages through a Dagster build into DuckDB."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from tests.conftest import FIXTURES, query

REAL = FIXTURES / "html" / "real"


def test_local_times_with_offsets_are_stored_in_utc(
    landing: Path, built: Callable[[Path], Path]
) -> None:
    # n-tv: JSON-LD "2023-04-28 18:11:01.0" (no zone) beside <meta name="date"
    # content="2023-04-28T18:11:01+02:00"> and "28.04.2023, 18:11 Uhr" printed: 16:11:01 UTC.
    # Le Figaro: article:published_time 2024-11-22T07:22:44+01:00; its comments' <time
    # datetime> values carry +01:00 as well.
    for name in ("ntv_judy_lybke.html", "lefigaro_coree_du_nord.html"):
        shutil.copy(REAL / name, landing / name)
    warehouse = built(landing)
    assert query(warehouse, "SELECT source_path, published_at FROM articles ORDER BY 1") == [
        ("lefigaro_coree_du_nord.html", datetime(2024, 11, 22, 6, 22, 44)),
        ("ntv_judy_lybke.html", datetime(2023, 4, 28, 16, 11, 1)),
    ]
    assert query(
        warehouse,
        "SELECT author, posted_text, posted_at_earliest, posted_at_latest FROM comments"
        " ORDER BY position",
    ) == [
        ("Mapper", "22/11/2024 à 09:47", *[datetime(2024, 11, 22, 8, 47, 22)] * 2),
        ("spoup", "22/11/2024 à 09:24", *[datetime(2024, 11, 22, 8, 24, 26)] * 2),
        ("spoup", "22/11/2024 à 09:18", *[datetime(2024, 11, 22, 8, 18, 17)] * 2),
    ]
