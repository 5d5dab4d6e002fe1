"""The engagement report: a Dagster asset downstream of the views, drawn once per published build;
a self-contained HTML page whose charts, tables and notes say what the fixture corpus holds (worked
out by hand from the fixtures, see test_views.py); a true time axis; outliers kept off the axis;
many sites; a page size that does not grow with the corpus; the `corpus report` command. The page
in a real browser is tests/browser/test_report.py."""

# ruff: noqa: E501  (expected rows read best on one line)
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from bs4 import BeautifulSoup, Tag

from assets.definitions import defs
from tests.conftest import build_warehouse, query
from tests.engagement.conftest import ENGAGEMENT_CORPUS
from tests.engagement.report_charts import OVERVIEW_CHARTS, SITE_CHARTS
from warehouse.build import materialise_views
from warehouse.readonly import connect_readonly
from warehouse.report import drawn_key, render_report, report_path, write_report
from warehouse.report.data import SECTION_SITES
from warehouse.sql_files import TABLES, VIEWS, sql_text
from warehouse.synthetic import synthesize_warehouse

CORPUS = str(Path(sys.executable).with_name("corpus"))
GENERATED = datetime(2017, 12, 1, 9, 30)


def page_of(warehouse: Path) -> BeautifulSoup:
    con = connect_readonly(warehouse)
    try:
        return BeautifulSoup(render_report(con, GENERATED), "html.parser")
    finally:
        con.close()


def titles(page: BeautifulSoup, chart: str) -> list[str]:
    """The hover titles of a chart's marks: each bar's exact figures."""
    return [t.get_text() for t in page.select(f"#{chart} svg g > title")]


def words(element: Tag | None) -> str:
    """An element's text with white space collapsed, as a reader sees it."""
    assert element is not None
    return " ".join(element.get_text(" ").split())


def cells(table: Tag) -> list[list[str]]:
    return [[td.get_text() for td in row.find_all("td")] for row in table.select("tbody tr")]


def test_report_asset_sits_downstream_of_every_view() -> None:
    graph = defs.resolve_asset_graph()
    node = graph.get(dg.AssetKey("engagement_report"))
    assert node.parent_keys == {dg.AssetKey(v) for v in VIEWS}
    assert node.group_name == "engagement"


def _report_event(result: dg.ExecuteInProcessResult) -> dg.AssetMaterialization:
    (event,) = [
        e
        for e in result.get_asset_materialization_events()
        if e.asset_key == dg.AssetKey("engagement_report")
    ]
    return event.materialization


def test_report_is_drawn_once_per_published_build(seed_landing: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    first = build_warehouse(seed_landing, warehouse)
    assert first.success
    drawn = _report_event(first)
    path = Path(drawn.metadata["path"].value)  # type: ignore[union-attr]
    assert path == report_path(warehouse.resolve()) and path.is_file()
    assert drawn.metadata["redrawn"].value is True  # type: ignore[union-attr]
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert [f["id"] for f in page.select("section.overview figure.chart")] == OVERVIEW_CHARTS
    key, stamp = drawn_key(path), path.stat().st_mtime_ns
    assert key

    # Nothing new landed: the warehouse is republished from the same fingerprint, the page stays.
    again = build_warehouse(seed_landing, warehouse)
    assert again.success and _report_event(again).metadata["redrawn"].value is False  # type: ignore[union-attr]
    assert (drawn_key(path), path.stat().st_mtime_ns) == (key, stamp)

    # A new dump: a new build, so a new page.
    shutil.copy(next(ENGAGEMENT_CORPUS.glob("*.txt")), seed_landing)
    changed = build_warehouse(seed_landing, warehouse)
    assert changed.success and _report_event(changed).metadata["redrawn"].value is True  # type: ignore[union-attr]
    assert drawn_key(path) not in (None, key)


def test_page_is_self_contained(controlled_warehouse: Path) -> None:
    con = connect_readonly(controlled_warehouse)
    try:
        html = render_report(con, GENERATED)
    finally:
        con.close()
    page = BeautifulSoup(html, "html.parser")
    assert page.find("link") is None and page.find("img") is None and page.find("iframe") is None
    assert not page.find_all(src=True) and not page.find_all(href=re.compile(r"^(?!#)"))
    assert "url(" not in html and "@import" not in html
    (script,) = page.find_all("script")
    assert not re.search(r"fetch|XMLHttpRequest|import\(|https?:", script.get_text())
    assert "Generated 2017-12-01 09:30 UTC" in html


def test_report_says_what_the_fixture_corpus_holds(controlled_warehouse: Path) -> None:
    page = page_of(controlled_warehouse)
    meta = words(page.select_one("p.meta"))
    assert "articles published 2017-10-18 to 2017-11-22" in meta
    assert "comments posted 2017-10-21 to 2017-11-23" in meta

    # Five files, all loaded; no problems.
    assert cells(page.select_one("#ingest table")) == [  # type: ignore[arg-type]
        ["loaded", "5", "5"],
        ["partial", "0", "0"],
        ["rejected", "0", "0"],
        ["skipped", "0", "0"],
    ]
    assert "No problems recorded" in words(page.select_one("#ingest"))

    # A span of five weeks is drawn by day; each bar's title gives the day's comments by site.
    assert titles(page, "comments-over-time-chart") == [
        "2017-10-21: 6 comments (care2.com 6)",
        "2017-11-04: 1 comment (care2.com 1)",
        "2017-11-21: 1 comment (care2.com 1)",
        "2017-11-22: 3 comments (care2.com 2; dailyplanet.example 1)",
        "2017-11-23: 3 comments (dailyplanet.example 3)",
    ]
    assert titles(page, "articles-over-time-chart") == [
        "2017-10-18: 1 article (care2.com 1)",
        "2017-11-20: 2 articles (care2.com 2)",
        "2017-11-21: 1 article (dailyplanet.example 1)",
        "2017-11-22: 1 article (dailyplanet.example 1)",
    ]

    # Capture ratios 10/57, 4/12 and 4/5; the ocean and library pages declare none (or zero).
    assert titles(page, "capture-ratio") == [
        "0–9%: 0 articles",
        "10–19%: 1 article",
        "20–29%: 0 articles",
        "30–39%: 1 article",
        "40–49%: 0 articles",
        "50–59%: 0 articles",
        "60–69%: 0 articles",
        "70–79%: 0 articles",
        "80–89%: 1 article",
        "90–99%: 0 articles",
        "100%+: 0 articles",
    ]
    assert "2 articles declaring no count are left out" in words(page.select_one("#capture-ratio"))
    # Distinct comments 7, 3, 0, 4, 0.
    assert titles(page, "comments-per-article") == [
        "0: 2 articles",
        "1: 0 articles",
        "2–4: 2 articles",
        "5–9: 1 article",
        "10–19: 0 articles",
        "20–49: 0 articles",
    ]

    discussed = page.select_one("#most-discussed")
    assert cells(discussed.select_one("table")) == [  # type: ignore[union-attr,arg-type]
        [
            "Brave Victim of Chechnya’s Gay Purge Speaks Out",
            "care2.com",
            "2017-10-18",
            "7",
            "7",
            "57",
            "17.5%",
            "6",
        ],
        [
            "City Council Votes to Freeze Transit Fares",
            "dailyplanet.example",
            "2017-11-21",
            "4",
            "3",
            "5",
            "80.0%",
            "1",
        ],
        [
            "Bee Colonies Collapse as Summer Heat Lingers",
            "care2.com",
            "2017-11-20",
            "3",
            "3",
            "12",
            "33.3%",
            "1",
        ],
    ]
    assert "All 3 discussed articles shown." in words(discussed)

    assert titles(page, "top-speakers") == [
        "Maxim Lapunov: 3 quotes · BBC",
        "Ines Moreau: 2 quotes · The Gazette",
        "Ramzan Kadyrov: 2 quotes · The Independent",
        "Ruth Alder: 1 quote",
    ]
    assert titles(page, "top-outlets") == [
        "BBC: 3 quotes · 1 speaker",
        "The Gazette: 1 quote · 1 speaker",
        "The Independent: 1 quote · 1 speaker",
    ]
    # Laura R and Mike R commented on two care2.com articles each; 8 + 3 commenters on the sites.
    assert titles(page, "top-commenters")[:2] == [
        "Laura R (care2.com): 2 distinct comments · 2 articles",
        "Mike R (care2.com): 2 distinct comments · 2 articles",
    ]
    assert "Top 10 of 11 commenters; 1 more not shown." in words(page.select_one("#people"))

    assert cells(page.select_one("#sites table")) == [  # type: ignore[arg-type]
        ["care2.com", "3", "14", "10", "8", "3.0", "28.6%", "20.3%", "7"],
        ["dailyplanet.example", "2", "4", "4", "3", "2.0", "0.0%", "80.0%", "3"],
    ]

    # One section per site, each with its own charts, and the filter offering both.
    sections = page.select("section.site")
    assert [s["data-site"] for s in sections] == ["care2.com", "dailyplanet.example"]
    for number, section in enumerate(sections, start=1):
        assert [f["id"] for f in section.select("figure.chart")] == [
            f"site-{number}-{chart}" for chart in SITE_CHARTS
        ]
    options = [o["value"] for o in page.select("#site-filter option")]
    assert options == ["", "care2.com", "dailyplanet.example"]
    assert titles(page, "site-2-top-articles") == [
        "City Council Votes to Freeze Transit Fares: 4 distinct comments · 3 commenters"
    ]


def tiny_warehouse(path: Path, articles: list[tuple[str, str | None, str | None]]) -> Path:
    """A warehouse from sql/ holding only (article_id, site, published_at) articles."""
    con = duckdb.connect(str(path))
    for name in TABLES:
        con.execute(sql_text("tables", name))
    for row in articles:
        con.execute(
            "INSERT INTO articles BY NAME SELECT ? AS article_id, ? AS site, ?::TIMESTAMP AS published_at,"
            " 'Title ' || article_id AS title, TIMESTAMP '2026-06-01' AS captured_at,"
            " 'sidecar' AS captured_at_source, '' AS body_text, 0 AS paragraph_count, 0 AS word_count,"
            " article_id || '.txt' AS source_path, 'txt' AS source_format, 'x' AS source_sha256,"
            " 'article' AS page_kind",
            list(row),
        )
    materialise_views(con)
    con.close()
    return path


def bar_x(page: BeautifulSoup, chart: str) -> dict[str, float]:
    """The left edge of each bar of a time chart, by the bucket its title names."""
    return {
        g.title.get_text().split(":")[0]: float(g.rect["x"])  # type: ignore[union-attr,index,arg-type]
        for g in page.select(f"#{chart} svg g")
        if g.title and g.rect
    }


def test_time_axis_spaces_bars_by_date(tmp_path: Path) -> None:
    """The issue's complaint: 2017, 2021 and 2026 drawn side by side as if a year apart each."""
    warehouse = tiny_warehouse(
        tmp_path / "w.duckdb",
        [
            ("a1", "s.example", "2017-01-15"),
            ("a2", "s.example", "2018-01-15"),
            ("a3", "s.example", "2026-01-15"),
        ],
    )
    page = page_of(warehouse)
    x = bar_x(page, "articles-over-time-chart")
    assert list(x) == ["2017-01", "2018-01", "2026-01"]  # nine years: one bar per month
    # As categories the 2018 bar would sit halfway; on a time axis it sits 12 of 108 months in.
    assert (x["2018-01"] - x["2017-01"]) / (x["2026-01"] - x["2017-01"]) == pytest.approx(
        12 / 108, abs=0.005
    )
    ticks = [t.get_text() for t in page.select("#articles-over-time-chart svg > text")]
    assert [t for t in ticks if re.fullmatch(r"\d{4}", t)] == [
        "2018",
        "2020",
        "2022",
        "2024",
        "2026",
    ]


def test_stray_dates_are_kept_off_the_axis_and_counted(tmp_path: Path) -> None:
    articles: list[tuple[str, str | None, str | None]] = [
        (f"a{i}", "s.example", f"2019-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(400)
    ]
    articles += [("epoch", "s.example", "1970-01-01"), ("undated", "s.example", None)]
    page = page_of(tiny_warehouse(tmp_path / "w.duckdb", articles))
    x = bar_x(page, "articles-over-time-chart")
    # 2019 alone is drawn by week (weeks start on Monday, 2018-12-31 for 1 January 2019).
    assert min(x) == "week of 2018-12-31" and "1970" not in " ".join(x)
    caption = words(page.select_one("#articles-over-time-chart figcaption"))
    assert "outliers: 1 article and 0 comments dated 1970-01-01 – 1970-01-01" in caption
    assert "1 article without a publication date" in words(page.select_one("#summary"))


def test_empty_warehouse_reads_as_empty(tmp_path: Path) -> None:
    page = page_of(tiny_warehouse(tmp_path / "w.duckdb", []))
    text = page.get_text(" ")
    assert "No dated comments yet" in text or "No article has a publication date" in text
    assert "No article has a comment yet" in text and "No comments captured yet" in text
    assert page.select("section.site") == []


@pytest.fixture(scope="module")
def many_sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthesize_warehouse(
        tmp_path_factory.mktemp("sites") / "w.duckdb", 3000, seed=3, sites=30
    )


def test_many_sites_get_sections_for_the_largest(many_sites: Path) -> None:
    page = page_of(many_sites)
    sites = query(many_sites, "SELECT site FROM site_engagement ORDER BY articles DESC, site")
    largest = [s for (s,) in sites[:SECTION_SITES]]
    assert [s["data-site"] for s in page.select("section.site")] == largest
    assert len(cells(page.select_one("#sites table"))) == 30  # type: ignore[arg-type]
    assert f"the other {30 - SECTION_SITES} are in the sites table" in words(
        page.select_one("p.meta")
    )
    # Five sites are stacked by name in the corpus-wide series, the other 25 as one.
    legend = [s.get_text() for s in page.select("#comments-over-time .legend span")]
    assert legend == [*largest[:5], "other sites"]
    [(commenters,)] = query(many_sites, "SELECT count(*) FROM commenter_activity")
    assert f"Top 10 of {commenters:,} commenters; {commenters - 10:,} more not shown." in words(
        page
    )
    ingest = words(page.select_one("#ingest"))
    assert "bad_json_line" in ingest and "corrupt_gzip" in ingest


def test_page_size_does_not_grow_with_the_corpus(many_sites: Path, tmp_path: Path) -> None:
    small = synthesize_warehouse(tmp_path / "small.duckdb", 300, seed=3, sites=30)
    sizes = [
        write_report(w, tmp_path / f"{w.stem}.html").stat().st_size for w in (small, many_sites)
    ]
    assert sizes[1] < 1.25 * sizes[0] and max(sizes) < 2_000_000, sizes


def test_same_warehouse_same_page(controlled_warehouse: Path) -> None:
    con = connect_readonly(controlled_warehouse)
    try:
        assert render_report(con, GENERATED, "k") == render_report(con, GENERATED, "k")
    finally:
        con.close()


def test_corpus_report_prints_refreshes_and_explains(
    controlled_warehouse: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "corpus.duckdb"
    warehouse.write_bytes(controlled_warehouse.read_bytes())
    missing = subprocess.run(
        [CORPUS, "report", "--warehouse", str(warehouse)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert missing.returncode == 1 and "run `corpus build`" in missing.stderr
    assert "Traceback" not in missing.stderr
    refreshed = subprocess.run(
        [CORPUS, "report", "--warehouse", str(warehouse), "--refresh"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refreshed.returncode == 0, refreshed.stderr
    assert refreshed.stdout.strip() == str(report_path(warehouse).resolve())
    printed = subprocess.run(
        [CORPUS, "report", "--warehouse", str(warehouse)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert printed.stdout == refreshed.stdout
