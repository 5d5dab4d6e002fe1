"""A crawl of every page kind through the real Dagster job: only articles, petitions and split
threads enter articles; every other page is on record as skipped, and the views count articles."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipelines.build import print_summary
from tests.conftest import FIXTURES, SEED, build_warehouse, query

PAGE_KINDS = FIXTURES / "page_kinds"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("page_kinds")
    landing = root / "raw"
    landing.mkdir()
    shutil.copy(SEED, landing / SEED.name)
    for fixture in PAGE_KINDS.iterdir():
        if fixture.suffix in (".txt", ".html"):
            shutil.copy(fixture, landing / fixture.name)
    article = (PAGE_KINDS / "care2_article_furniture.txt").read_text(encoding="utf-8")
    listing = (PAGE_KINDS / "care2_section_listing.txt").read_text(encoding="utf-8")
    (landing / "crawl.jsonl").write_text(
        json.dumps({"url": "https://www.care2.com/greenliving/nature-wildlife", "text": listing})
        + "\n"
        + json.dumps({"url": "https://www.care2.com/causes/lights-out.html", "text": article})
        + "\n",
        encoding="utf-8",
    )
    (landing / "bad-url.txt").write_text(
        "Harbour Wall Repaired\n\nThe wall was rebuilt in a fortnight.\n", encoding="utf-8"
    )
    (landing / "bad-url.txt.meta.json").write_text('{"url": "http://[bad"}', encoding="utf-8")
    (landing / "future.txt").write_text(
        "Pier Reopens\n\nThe pier opened again on Friday.\n", encoding="utf-8"
    )
    (landing / "future.txt.meta.json").write_text(
        '{"captured_at": "2099-01-01T00:00:00Z"}', encoding="utf-8"
    )
    target = root / "w" / "corpus.duckdb"
    result = build_warehouse(landing, target)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    checks = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    assert checks and all(checks.values()), checks
    return target


def test_every_file_has_its_outcome(warehouse: Path) -> None:
    outcomes = query(warehouse, "SELECT source_path, status, articles FROM ingest_files ORDER BY 1")
    assert outcomes == [
        ("000_27fd03fa2debc964.txt", "loaded", 1),
        ("bad-url.txt", "partial", 1),
        ("care2_article_furniture.txt", "loaded", 1),
        ("care2_group_thread.txt", "loaded", 1),
        ("care2_group_thread_runon.txt", "skipped", 0),
        ("care2_landing.txt", "skipped", 0),
        ("care2_petition.html", "loaded", 1),
        ("care2_petition.txt", "loaded", 1),
        ("care2_section_listing.txt", "skipped", 0),
        ("care2_share_page.txt", "skipped", 0),
        ("crawl.jsonl", "loaded", 1),
        ("discourse_topic.html", "skipped", 0),
        ("future.txt", "partial", 1),
        ("mastodon_profile.html", "skipped", 0),
        ("moveon_petition.html", "loaded", 1),
        ("news_section_front.html", "skipped", 0),
        ("phpbb_viewtopic.html", "skipped", 0),
        ("wordpress_404.html", "skipped", 0),
        ("wordpress_tag_archive.html", "skipped", 0),
    ]


def test_only_articles_petitions_and_split_threads_enter_articles(warehouse: Path) -> None:
    assert query(
        warehouse, "SELECT page_kind, count(*) FROM articles GROUP BY ALL ORDER BY ALL"
    ) == [("article", 5), ("discussion", 1), ("petition", 3)]
    assert query(
        warehouse,
        "SELECT title, petition_signatures, petition_target FROM articles"
        " WHERE page_kind = 'petition' ORDER BY title, petition_signatures",
    ) == [
        ("Keep the Riverside Clinic Open", 1240, "the County Health Board"),
        ("Stop Draining the Moor's Last Peat Bog", 152347, "Minister for the Environment"),
        ("Stop Draining the Moor's Last Peat Bog", 152347, "Minister for the Environment"),
    ]


def test_pages_counts_every_page_by_kind(warehouse: Path) -> None:
    assert query(
        warehouse,
        "SELECT page_kind, in_articles, count(*) FROM pages GROUP BY ALL ORDER BY ALL",
    ) == [
        ("article", True, 5),
        ("discussion", False, 3),
        ("discussion", True, 1),
        ("listing", False, 4),
        ("other", False, 2),
        ("petition", True, 3),
        ("profile", False, 2),
    ]
    assert query(
        warehouse,
        "SELECT record, reason FROM pages WHERE source_path = 'crawl.jsonl' AND NOT in_articles",
    ) == [
        (
            "1",
            "listing page “Nature & Wildlife”: 6 teasers (headline and excerpt) and no run of 3 "
            "prose paragraphs (longest 0); not loaded into articles",
        )
    ]


def test_engagement_views_count_only_articles(warehouse: Path) -> None:
    assert query(warehouse, "SELECT count(*) FROM article_engagement") == query(
        warehouse, "SELECT count(*) FROM articles"
    )
    [(articles,)] = query(
        warehouse, "SELECT articles FROM site_engagement WHERE site = 'care2.com'"
    )
    [(care2,)] = query(warehouse, "SELECT count(*) FROM articles WHERE site = 'care2.com'")
    assert articles == care2
    [(comment,)] = query(
        warehouse,
        "SELECT meaning FROM data_dictionary"
        " WHERE relation = 'article_engagement' AND position = 0",
    )
    assert "Counts only pages in articles" in comment


def test_metadata_problems_are_found_by_joining_on_the_dump(warehouse: Path) -> None:
    assert query(
        warehouse,
        "SELECT f.source_path, e.error_kind FROM ingest_files AS f"
        " JOIN ingest_errors AS e USING (source_path)"
        " WHERE e.error_kind IN ('bad_sidecar', 'future_capture') ORDER BY 1",
    ) == [("bad-url.txt", "bad_sidecar"), ("future.txt", "future_capture")]
    assert query(
        warehouse,
        "SELECT title, url, captured_at_source FROM articles"
        " WHERE source_path IN ('bad-url.txt', 'future.txt') ORDER BY 1",
    ) == [("Harbour Wall Repaired", None, "file_mtime"), ("Pier Reopens", None, "file_mtime")]


def test_build_summary_counts_skipped_files(
    warehouse: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    print_summary(warehouse)
    out = capsys.readouterr().out
    assert "skipped files (no article) 10" in out
    assert "SELECT page_kind, count(*) FROM pages GROUP BY ALL" in out
