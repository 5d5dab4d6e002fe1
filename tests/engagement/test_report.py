"""The engagement report: a Dagster asset downstream of the views, a self-contained HTML page, the
`corpus report` command, and a render in real headless Chromium (Debian's package)."""

# ruff: noqa: E501  (assertions read best on one line)
from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest
from bs4 import BeautifulSoup

from assets.definitions import defs
from tests.conftest import REPO_ROOT, build_warehouse
from warehouse.readonly import connect_readonly
from warehouse.report import render_report, report_path, write_report
from warehouse.sql_files import VIEWS

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO_ROOT / "artifacts"
CHART_IDS = ["comment-volume", "active-commenters", "capture-ratio", "quoted-speakers"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def test_report_asset_sits_downstream_of_every_view() -> None:
    graph = defs.resolve_asset_graph()
    node = graph.get(dg.AssetKey("engagement_report"))
    assert node.parent_keys == {dg.AssetKey(v) for v in VIEWS}
    assert node.group_name == "engagement"


def test_build_materialises_the_report_with_its_path(seed_landing: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    result = build_warehouse(seed_landing, warehouse)
    assert result.success
    (event,) = [
        e
        for e in result.get_asset_materialization_events()
        if e.asset_key == dg.AssetKey("engagement_report")
    ]
    path = Path(event.materialization.metadata["path"].value)  # type: ignore[union-attr]
    assert path == report_path(warehouse.resolve()) and path.is_file()
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert [s["id"] for s in page.select("section.chart")] == CHART_IDS
    assert len(page.select("section.chart figure > svg")) == 4


def test_page_is_self_contained(controlled_warehouse: Path) -> None:
    con = connect_readonly(controlled_warehouse)
    try:
        from datetime import datetime

        html = render_report(con, datetime(2017, 12, 1, 9, 30))
    finally:
        con.close()
    page = BeautifulSoup(html, "html.parser")
    assert page.find("script") is None and page.find("link") is None and page.find("img") is None
    assert not page.find_all(src=True)
    assert re.findall(r"url\((?!#)", html) == []  # only in-page references (SVG clip paths)
    # Only the SVG namespace declarations mention http; nothing is fetched.
    assert {
        a
        for t in page.find_all(True)
        for k, a in t.attrs.items()
        if isinstance(a, str) and "://" in a
    } <= {
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
    }
    # The charts carry the data: matplotlib writes each text label as an SVG comment.
    speakers = str(page.select_one("#quoted-speakers svg"))
    assert "Maxim Lapunov (BBC)" in speakers and "Ramzan Kadyrov (The Independent)" in speakers
    assert "Brave Victim of Chechnya’s Gay Purge Speaks Out" in str(
        page.select_one("#capture-ratio svg")
    )
    assert [
        [c.get_text() for c in row.find_all("td")] for row in page.select("table tbody tr")
    ] == [
        ["care2.com", "3", "14", "10", "8", "0.286", "0.203", "7"],
        ["dailyplanet.example", "2", "4", "4", "3", "0.000", "0.800", "3"],
    ]
    assert "Generated 2017-12-01 09:30 UTC" in html


def test_corpus_report_prints_refreshes_and_explains(
    controlled_warehouse: Path, tmp_path: Path
) -> None:
    corpus = str(Path(sys.executable).with_name("corpus"))
    warehouse = tmp_path / "corpus.duckdb"
    warehouse.write_bytes(controlled_warehouse.read_bytes())
    missing = subprocess.run(
        [corpus, "report", "--warehouse", str(warehouse)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (
        missing.returncode == 1
        and "run `corpus build`" in missing.stderr
        and "Traceback" not in missing.stderr
    )
    refreshed = subprocess.run(
        [corpus, "report", "--warehouse", str(warehouse), "--refresh"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refreshed.returncode == 0, refreshed.stderr
    assert refreshed.stdout.strip() == str(report_path(warehouse).resolve())
    printed = subprocess.run(
        [corpus, "report", "--warehouse", str(warehouse)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert printed.stdout == refreshed.stdout


@pytest.mark.browser
@pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)",
)
def test_report_renders_in_headless_chromium(controlled_warehouse: Path, tmp_path: Path) -> None:
    from matplotlib import image
    from playwright.sync_api import sync_playwright

    report = write_report(controlled_warehouse, tmp_path / "report.html")
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / "engagement_report.png"
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
            offline=True,
        )
        try:
            page = context.new_page()
            page.goto(report.as_uri())
            boxes = page.evaluate(
                "() => [...document.querySelectorAll('section.chart figure > svg')]"
                ".map(s => [s.closest('section').id, s.getBoundingClientRect().width, s.getBoundingClientRect().height])"
            )
            assert [b[0] for b in boxes] == CHART_IDS
            assert all(width > 200 and height > 100 for _, width, height in boxes), boxes
            for chart in CHART_IDS:
                # Each chart paints something: more than a handful of colours in its own pixels.
                pixels = image.imread(
                    io.BytesIO(page.locator(f"#{chart} svg").screenshot()), format="png"
                )
                colours = {tuple(p) for p in pixels.reshape(-1, pixels.shape[-1])[::7]}
                assert len(colours) > 8, chart
            page.screenshot(path=str(screenshot), full_page=True)
        finally:
            context.close()
    assert screenshot.stat().st_size > 10_000
