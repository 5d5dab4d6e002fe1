# ruff: noqa: E501  (expected rows read best one per line)
"""Every engagement view on the fixture corpus, row by row, against numbers worked out by hand.

The corpus (tests/fixtures/engagement_corpus plus the seed) has five dumps on two sites; its
sidecars fix every capture time, so each comment's posted window and midpoint is known:
  seed (care2.com, captured 2017-11-28 10:00): "24 days ago" -> midpoint 2017-11-04 10:00,
      "about a month ago" (30..45 days) -> midpoint 37.5 days back, 2017-10-21 22:00.
  bees (care2.com, captured 2017-11-22 12:00): "2 hours ago" -> 10:00, "3 hours ago" -> 09:00,
      "a day ago" (24..42 hours) -> 33 hours back, 2017-11-21 03:00.
  ocean (care2.com): no comment section at all (declared NULL).
  transit (dailyplanet.example, captured 2017-11-23 08:00): "5 hours ago" -> 03:00,
      "an hour ago" (45..90 minutes) -> 06:52:30, "7 hours ago" -> 01:00, "20 hours ago" -> 11-22 12:00.
  library (dailyplanet.example): "0 comments" (declared 0, so no capture ratio).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from extraction.ids import comment_id
from tests.conftest import query
from tests.engagement.conftest import (
    BEES_ID,
    LIBRARY_ID,
    OCEAN_ID,
    SEED_ID,
    TRANSIT_ID,
    ts,
)
from warehouse.sql_files import VIEWS

SEED_TITLE = "Brave Victim of Chechnya’s Gay Purge Speaks Out"
SEED_URL = "https://www.care2.com/causes/brave-victim-of-chechnyas-gay-purge-speaks-out.html"
BEES_URL = "https://www.care2.com/causes/bee-colonies-collapse-as-summer-heat-lingers.html"
OCEAN_URL = "https://www.care2.com/causes/ocean-cleanup-pledge-reaches-new-milestone.html"
TRANSIT_URL = "https://dailyplanet.example/metro/city-council-votes-to-freeze-transit-fares"
LIBRARY_URL = "https://dailyplanet.example/metro/branch-library-reopens"

SEED_MONTH_AGO = ts("2017-10-21 22:00:00")
SEED_24_DAYS = ts("2017-11-04 10:00:00")

# article_engagement without the quote columns: (id, site, url, title, published, captured,
# declared, captured, distinct, duplicates, commenters, capture_ratio, word_count,
# comments_per_1k_words, first_comment_at, last_comment_at, petition_signatures)
ARTICLE_ROWS = [
    (
        SEED_ID,
        "care2.com",
        SEED_URL,
        SEED_TITLE,
        ts("2017-10-18 15:00:00"),
        ts("2017-11-28 10:00:00"),
        57,
        10,
        7,
        3,
        7,
        10 / 57,
        740,
        7 * 1000 / 740,
        SEED_MONTH_AGO,
        SEED_24_DAYS,
        80000,
    ),
    (
        BEES_ID,
        "care2.com",
        BEES_URL,
        "Bee Colonies Collapse as Summer Heat Lingers",
        ts("2017-11-20 09:00:00"),
        ts("2017-11-22 12:00:00"),
        12,
        4,
        3,
        1,
        3,
        4 / 12,
        69,
        3 * 1000 / 69,
        ts("2017-11-21 03:00:00"),
        ts("2017-11-22 10:00:00"),
        40000,
    ),
    (
        OCEAN_ID,
        "care2.com",
        OCEAN_URL,
        "Ocean Cleanup Pledge Reaches New Milestone",
        ts("2017-11-20 18:30:00"),
        ts("2017-11-22 12:00:00"),
        None,
        0,
        0,
        0,
        0,
        None,
        40,
        0.0,
        None,
        None,
        12500,
    ),
    (
        TRANSIT_ID,
        "dailyplanet.example",
        TRANSIT_URL,
        "City Council Votes to Freeze Transit Fares",
        ts("2017-11-21 14:00:00"),
        ts("2017-11-23 08:00:00"),
        5,
        4,
        4,
        0,
        3,
        4 / 5,
        56,
        4 * 1000 / 56,
        ts("2017-11-22 12:00:00"),
        ts("2017-11-23 06:52:30"),
        None,
    ),
    (
        LIBRARY_ID,
        "dailyplanet.example",
        LIBRARY_URL,
        "Branch Library Reopens After Two Year Renovation",
        ts("2017-11-22 10:00:00"),
        ts("2017-11-23 08:00:00"),
        0,
        0,
        0,
        0,
        0,
        None,
        46,
        0.0,
        None,
        None,
        None,
    ),
]
# (quotes, quoted_speakers) per article with the controlled quotes: the seed's six (speakers
# Lapunov and Kadyrov; the scare quote has none), Ruth Alder's, the unnamed mayor's, two by Moreau.
ARTICLE_QUOTES = {
    SEED_ID: (6, 2),
    BEES_ID: (1, 1),
    OCEAN_ID: (0, 0),
    TRANSIT_ID: (1, 0),
    LIBRARY_ID: (2, 1),
}
ARTICLE_COLUMNS = (
    "article_id, site, url, title, published_at, captured_at, declared_comments, captured_comments,"
    " distinct_comments, duplicate_comments, unique_commenters, capture_ratio, word_count,"
    " comments_per_1k_words, first_comment_at, last_comment_at, petition_signatures"
)

# (site, author, comments, distinct, duplicates, articles, first_seen, last_seen, avg words, share)
# care2.com has 10 distinct comments (7 seed + 3 bees), dailyplanet.example 4.
COMMENTER_ROWS = [
    ("care2.com", "ANA MARIJA R", 1, 1, 0, 1, SEED_MONTH_AGO, SEED_MONTH_AGO, 8.0, 0.1),
    ("care2.com", "Brandy S", 1, 1, 0, 1, SEED_MONTH_AGO, SEED_MONTH_AGO, 7.0, 0.1),
    (
        "care2.com",
        "Dana K",
        1,
        1,
        0,
        1,
        ts("2017-11-21 03:00:00"),
        ts("2017-11-21 03:00:00"),
        7.0,
        0.1,
    ),
    # 13 words on the seed, 12 on bees
    ("care2.com", "Laura R", 2, 2, 0, 2, SEED_MONTH_AGO, ts("2017-11-22 09:00:00"), 12.5, 0.2),
    # "Very brave, previously signed." (4) and "Save the bees, they pollinate our food." (7), posted twice
    ("care2.com", "Mike R", 3, 2, 1, 2, SEED_MONTH_AGO, ts("2017-11-22 10:00:00"), 5.5, 0.2),
    ("care2.com", "Paulo R", 2, 1, 1, 1, SEED_24_DAYS, SEED_24_DAYS, 1.0, 0.1),
    ("care2.com", "Sophie M", 1, 1, 0, 1, SEED_MONTH_AGO, SEED_MONTH_AGO, 4.0, 0.1),
    ("care2.com", "Veronica D", 3, 1, 2, 1, SEED_MONTH_AGO, SEED_MONTH_AGO, 5.0, 0.1),
    (
        "dailyplanet.example",
        "Laura R",
        1,
        1,
        0,
        1,
        ts("2017-11-23 03:00:00"),
        ts("2017-11-23 03:00:00"),
        6.0,
        0.25,
    ),
    # 12 words and 9 words
    (
        "dailyplanet.example",
        "Omar F",
        2,
        2,
        0,
        1,
        ts("2017-11-22 12:00:00"),
        ts("2017-11-23 06:52:30"),
        10.5,
        0.5,
    ),
    (
        "dailyplanet.example",
        "Pat Q",
        1,
        1,
        0,
        1,
        ts("2017-11-23 01:00:00"),
        ts("2017-11-23 01:00:00"),
        7.0,
        0.25,
    ),
]

# (site, day, articles_published, comments_posted, active_commenters)
DAILY_ROWS = [
    ("care2.com", ts("2017-10-18").date(), 1, 0, 0),
    # Brandy, Laura, Veronica (one distinct of three copies), Sophie, Mike, ANA MARIJA
    ("care2.com", ts("2017-10-21").date(), 0, 6, 6),
    ("care2.com", ts("2017-11-04").date(), 0, 1, 1),
    ("care2.com", ts("2017-11-20").date(), 2, 0, 0),
    ("care2.com", ts("2017-11-21").date(), 0, 1, 1),
    ("care2.com", ts("2017-11-22").date(), 0, 2, 2),
    ("dailyplanet.example", ts("2017-11-21").date(), 1, 0, 0),
    ("dailyplanet.example", ts("2017-11-22").date(), 1, 1, 1),
    ("dailyplanet.example", ts("2017-11-23").date(), 0, 3, 3),
]

# (site, articles, captured, distinct, commenters, median distinct per article, duplicate_rate,
# capture_ratio) -- care2: 10+4+0 captured, 4 duplicates, declared 57+12 (ocean declares none);
# dailyplanet: the library declares 0, so only the transit article's 4 of 5 count.
SITE_ROWS = [
    ("care2.com", 3, 14, 10, 8, 3.0, 4 / 14, 14 / 69),
    ("dailyplanet.example", 2, 4, 4, 3, 2.0, 0.0, 4 / 5),
]
SITE_QUOTES = {"care2.com": 7, "dailyplanet.example": 3}


def cid(article: str, author: str, body: str, copy: int = 1) -> str:
    return comment_id(article, author, body, copy)


def fetch(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[object, ...]]:
    return con.execute(sql).fetchall()


def test_every_view_is_registered_and_documented(rows: duckdb.DuckDBPyConnection) -> None:
    assert set(VIEWS) == {
        "article_engagement",
        "commenter_activity",
        "daily_engagement",
        "site_engagement",
        "quote_sources",
        "duplicate_comments",
        "quote_echoes",
        "pages",
        "data_dictionary",
    }
    # The heavy ones are materialised as tables at build time, with the same documentation.
    described = dict(
        fetch(
            rows,
            "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal"
            " UNION ALL SELECT table_name, comment FROM duckdb_tables() WHERE NOT internal",
        )
    )
    assert set(VIEWS) <= set(described) and all(described[v] for v in VIEWS)
    undocumented = fetch(
        rows,
        "SELECT table_name, column_name FROM duckdb_columns() WHERE internal = false"
        " AND schema_name = 'main' AND (comment IS NULL OR comment = '')",
    )
    assert undocumented == []


def test_article_engagement(rows: duckdb.DuckDBPyConnection) -> None:
    got = fetch(
        rows,
        f"SELECT {ARTICLE_COLUMNS}, quotes, quoted_speakers FROM article_engagement ORDER BY published_at",
    )
    assert got == [(*r, *ARTICLE_QUOTES[r[0]]) for r in ARTICLE_ROWS]


def test_commenter_activity(rows: duckdb.DuckDBPyConnection) -> None:
    assert fetch(rows, "SELECT * FROM commenter_activity ORDER BY site, author") == COMMENTER_ROWS


def test_daily_engagement(rows: duckdb.DuckDBPyConnection) -> None:
    assert fetch(rows, "SELECT * FROM daily_engagement ORDER BY site, day") == DAILY_ROWS


def test_site_engagement(rows: duckdb.DuckDBPyConnection) -> None:
    got = fetch(rows, "SELECT * FROM site_engagement ORDER BY site")
    assert got == [(*r, SITE_QUOTES[r[0]]) for r in SITE_ROWS]


def test_quote_sources(rows: duckdb.DuckDBPyConnection) -> None:
    # (site, speaker, outlet, quotes, articles, direct, block); the scare quote is left out and the
    # mayor, never named, is a NULL speaker.
    assert fetch(rows, "SELECT * FROM quote_sources ORDER BY ALL NULLS FIRST") == [
        ("care2.com", "Maxim Lapunov", "BBC", 3, 1, 0, 3),
        ("care2.com", "Ramzan Kadyrov", None, 1, 1, 1, 0),
        ("care2.com", "Ramzan Kadyrov", "The Independent", 1, 1, 0, 1),
        ("care2.com", "Ruth Alder", None, 1, 1, 1, 0),
        ("dailyplanet.example", None, None, 1, 1, 1, 0),
        ("dailyplanet.example", "Ines Moreau", None, 1, 1, 1, 0),
        ("dailyplanet.example", "Ines Moreau", "The Gazette", 1, 1, 0, 1),
    ]


def test_duplicate_comments(rows: duckdb.DuckDBPyConnection) -> None:
    ty, thanks = "ty", "Thank you so very much."
    bees = "Save the bees, they pollinate our food."
    assert fetch(rows, "SELECT * FROM duplicate_comments ORDER BY article_id, first_position") == [
        (
            SEED_ID,
            "Paulo R",
            ty,
            2,
            1,
            [cid(SEED_ID, "Paulo R", ty), cid(SEED_ID, "Paulo R", ty, 2)],
        ),
        (
            SEED_ID,
            "Veronica D",
            thanks,
            3,
            5,
            [cid(SEED_ID, "Veronica D", thanks, n) for n in (1, 2, 3)],
        ),
        # The copy on bees differs in case ("save the Bees"); the original's body is shown.
        (
            BEES_ID,
            "Mike R",
            bees,
            2,
            1,
            [
                cid(BEES_ID, "Mike R", bees),
                cid(BEES_ID, "Mike R", "save the Bees, they pollinate our food.", 2),
            ],
        ),
    ]
    # The view and article_engagement agree: duplicates = copies - 1 per group.
    assert fetch(rows, "SELECT sum(copies - 1) FROM duplicate_comments") == fetch(
        rows, "SELECT sum(duplicate_comments) FROM article_engagement"
    )


LAURA_SEED = "Purify our blood??? OMG! That sounds so much like that of Nazi doctrine."
ANA_SEED = '"To purify our blood"??! In 2017.? Good grief...'
LAURA_BEES = "Forty years of keeping bees and never seen losses like this. Frightening."
OMAR_TRANSIT = "They promised to keep the buses running on time last year too."


def test_quote_echoes(rows: duckdb.DuckDBPyConnection) -> None:
    assert fetch(rows, "SELECT * FROM quote_echoes ORDER BY article_id, quote_id, echoed_text") == [
        (
            SEED_ID,
            "q_seed_5",
            cid(SEED_ID, "Laura R", LAURA_SEED),
            "Ramzan Kadyrov",
            "purify our blood",
        ),
        (
            SEED_ID,
            "q_seed_5",
            cid(SEED_ID, "ANA MARIJA R", ANA_SEED),
            "Ramzan Kadyrov",
            "to purify our blood",
        ),
        (
            TRANSIT_ID,
            "q_transit_1",
            cid(TRANSIT_ID, "Omar F", OMAR_TRANSIT),
            None,
            "keep the buses running on time",
        ),
        # Laura R shares two five-word runs with Ruth Alder; the earlier in the quote wins the tie.
        (
            BEES_ID,
            "q_bees_1",
            cid(BEES_ID, "Laura R", LAURA_BEES),
            "Ruth Alder",
            "never seen losses like this",
        ),
    ]
    # Not the "Thank you" comments, and not Pat Q's "And that is what they always say.", whose
    # three-word runs shared with the mayor ("and that is", "that is what") are all stop words.
    authors = fetch(
        rows,
        "SELECT DISTINCT c.author FROM quote_echoes JOIN comments AS c USING (comment_id) ORDER BY 1",
    )
    assert authors == [("ANA MARIJA R",), ("Laura R",), ("Omar F",)]


def test_pipeline_builds_the_views_on_the_corpus(corpus_warehouse: Path) -> None:
    """End to end, with whatever the quote extractor found: every quote-free number is exact."""
    assert (
        query(
            corpus_warehouse,
            f"SELECT {ARTICLE_COLUMNS} FROM article_engagement ORDER BY published_at",
        )
        == ARTICLE_ROWS
    )
    assert (
        query(corpus_warehouse, "SELECT * FROM commenter_activity ORDER BY site, author")
        == COMMENTER_ROWS
    )
    assert (
        query(corpus_warehouse, "SELECT * FROM daily_engagement ORDER BY site, day") == DAILY_ROWS
    )
    assert (
        query(corpus_warehouse, "SELECT * EXCLUDE (quotes) FROM site_engagement ORDER BY site")
        == SITE_ROWS
    )
    assert query(corpus_warehouse, "SELECT count(*) FROM duplicate_comments") == [(3,)]


def _quote_extractor_pending() -> bool:
    """True while extraction.quotes is the interim placeholder that finds nothing on the seed."""
    from extraction.dialects.text import extract_text
    from extraction.quotes import extract_quotes
    from tests.conftest import SEED

    content = extract_text(SEED.read_text(encoding="utf-8"))
    return not extract_quotes(content.paragraphs, content.blockquote_paragraphs)


@pytest.mark.xfail(
    _quote_extractor_pending(),
    reason="needs the real quote extractor (quotes branch); passes once it is merged",
    strict=True,
)
def test_seed_quote_echoes_end_to_end(corpus_warehouse: Path) -> None:
    """Through the real pipeline: the two "purify our blood" comments echo Kadyrov, nothing else."""
    got = query(
        corpus_warehouse,
        "SELECT c.author, e.speaker, e.echoed_text FROM quote_echoes AS e"
        " JOIN comments AS c USING (comment_id) WHERE e.article_id = ? ORDER BY c.position",
        [SEED_ID],
    )
    assert got == [
        ("Laura R", "Ramzan Kadyrov", "purify our blood"),
        ("ANA MARIJA R", "Ramzan Kadyrov", "to purify our blood"),
    ]
