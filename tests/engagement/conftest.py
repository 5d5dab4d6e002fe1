# ruff: noqa: E501  (expected rows read best one per line)
"""Warehouses for the engagement tests: the fixture corpus built through the real Dagster job, and
a copy of it whose quotes table holds rows the test controls (the quote extractor lands later)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from tests.conftest import FIXTURES, SAMPLE_RAW, SEED, build_warehouse
from warehouse.build import materialise_views

ENGAGEMENT_CORPUS = FIXTURES / "engagement_corpus"

# Article ids: hashes of the sidecars' canonical URLs (extraction.ids.article_id).
SEED_ID = "a_09c665a2466f4a5d1d69"
BEES_ID = "a_9920a1a1e0ece08dc5f8"
OCEAN_ID = "a_949f3bfa9da73ca42a83"
TRANSIT_ID = "a_5f9a1df16ffe15c9c355"
LIBRARY_ID = "a_8ee19e767924d704ec6b"

# The seed's quotes as the foundation issue requires them, and one or two per fixture dump.
# (quote_id, article_id, position, text, speaker, speaker_mention, verb, outlet, kind)
CONTROLLED_QUOTES: list[tuple[object, ...]] = [
    (
        "q_seed_1",
        SEED_ID,
        1,
        "They burst in every 10 or 15 minutes shouting that I was gay and they would kill me,",
        "Maxim Lapunov",
        "he",
        "recalled",
        "BBC",
        "block",
    ),
    (
        "q_seed_2",
        SEED_ID,
        2,
        "Then they beat me with a stick for a long time: in the legs, ribs, buttocks and back. When I started to fall, they pulled me up and carried on,",
        "Maxim Lapunov",
        "he",
        "said",
        "BBC",
        "block",
    ),
    (
        "q_seed_3",
        SEED_ID,
        3,
        "Every day they assured me they would kill me, and told me how.",
        "Maxim Lapunov",
        None,
        None,
        "BBC",
        "block",
    ),
    (
        "q_seed_4",
        SEED_ID,
        4,
        "We don’t have those kinds of people here. We don’t have any gays.",
        "Ramzan Kadyrov",
        None,
        None,
        "The Independent",
        "block",
    ),
    (
        "q_seed_5",
        SEED_ID,
        5,
        "Take them far from us so we don’t have them at home. To purify our blood, if there are any here, take them.",
        "Ramzan Kadyrov",
        "Mr. Kadyrov",
        "advised",
        None,
        "direct",
    ),
    ("q_seed_6", SEED_ID, 6, "Nazi-era", None, None, None, None, "scare"),
    (
        "q_bees_1",
        BEES_ID,
        1,
        "We have never seen losses like this in forty years of keeping bees,",
        "Ruth Alder",
        "Ruth Alder",
        "said",
        None,
        "direct",
    ),
    (
        "q_transit_1",
        TRANSIT_ID,
        1,
        "We will keep the buses running on time for every rider, and that is what we will do,",
        None,
        "the mayor",
        "said",
        None,
        "direct",
    ),
    (
        "q_library_1",
        LIBRARY_ID,
        1,
        "The reading room is open to everyone again, and the roof no longer leaks.",
        "Ines Moreau",
        None,
        None,
        "The Gazette",
        "block",
    ),
    (
        "q_library_2",
        LIBRARY_ID,
        2,
        "Come and see it,",
        "Ines Moreau",
        "Ines Moreau",
        "said",
        None,
        "direct",
    ),
]


def ts(text: str) -> datetime:
    """A naive UTC timestamp, as DuckDB returns TIMESTAMP columns."""
    return datetime.fromisoformat(text)


def fill_landing(landing: Path) -> Path:
    shutil.copy(SEED, landing / SEED.name)
    for path in ENGAGEMENT_CORPUS.iterdir():
        shutil.copy(path, landing / path.name)
    return landing


@pytest.fixture(scope="session")
def corpus_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus (seed plus four dumps, all with sidecars) built by the refresh job."""
    root = tmp_path_factory.mktemp("engagement_corpus")
    landing = root / "raw"
    landing.mkdir()
    fill_landing(landing)
    warehouse = root / "warehouse" / "corpus.duckdb"
    result = build_warehouse(landing, warehouse)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    return warehouse


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample corpus (data/raw) built by the refresh job: what a fresh clone gets."""
    warehouse = tmp_path_factory.mktemp("sample") / "corpus.duckdb"
    result = build_warehouse(SAMPLE_RAW, warehouse)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    return warehouse


@pytest.fixture(scope="session")
def controlled_warehouse(corpus_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the corpus warehouse whose quotes are exactly CONTROLLED_QUOTES."""
    copy = tmp_path_factory.mktemp("controlled") / "corpus.duckdb"
    shutil.copy(corpus_warehouse, copy)
    con = duckdb.connect(str(copy))
    try:
        con.execute("DELETE FROM quotes")
        con.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", CONTROLLED_QUOTES)
        materialise_views(con)  # the materialised views follow the quotes written here
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return copy


@pytest.fixture
def rows(controlled_warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(controlled_warehouse), read_only=True)
    yield con
    con.close()
