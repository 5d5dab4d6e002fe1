"""The engagement report in a real headless Chromium (Debian's /usr/bin/chromium, never a
downloaded browser), for the bundled sample (built through the Dagster job) and for a 50,000-article
synthetic warehouse.

The 50k warehouse is written straight into DuckDB by `warehouse.synthetic` (the shapes of
`corpus synth`, no dumps to write and parse): about ten seconds instead of the minutes a real
build of 50k dumps takes, which is what makes this affordable in CI.

Each page is opened offline with every non-file request refused; every chart must be there, paint
something and be no taller than two screens; the site filter and a sortable table must work; the
page must stay under 2 MB. Full-page screenshots go to artifacts/report/ (printed in the run's
summary)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS_PROPERTY
from tests.conftest import REPO_ROOT, SAMPLE_RAW, build_warehouse
from tests.engagement.report_charts import OVERVIEW_CHARTS, SITE_CHARTS
from warehouse.report import report_path, write_report
from warehouse.synthetic import synthesize_warehouse

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = REPO_ROOT / "artifacts" / "report"
SCREEN = {"width": 1280, "height": 900}
MAX_BYTES = 2_000_000
UI_MS = 60_000


def sample_report(tmp: Path) -> Path:
    warehouse = tmp / "sample" / "corpus.duckdb"
    result = build_warehouse(SAMPLE_RAW, warehouse)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    return report_path(warehouse.resolve())


def synthetic_report(tmp: Path) -> Path:
    warehouse = synthesize_warehouse(tmp / "synth" / "corpus.duckdb", 50_000, seed=1)
    return write_report(warehouse)


REPORTS: dict[str, Callable[[Path], Path]] = {
    "sample": sample_report,
    "synth-50k": synthetic_report,
}


@pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)",
)
@pytest.mark.parametrize("corpus", list(REPORTS))
def test_report_in_chromium(
    corpus: str, tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    from playwright.sync_api import Route, sync_playwright

    report = REPORTS[corpus](tmp_path)
    assert report.stat().st_size <= MAX_BYTES, report.stat().st_size
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    record_property(ARTIFACTS_PROPERTY, str(ARTIFACTS))
    fetched: list[str] = []

    def refuse(route: Route) -> None:
        fetched.append(route.request.url)
        route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            context = browser.new_context(viewport=SCREEN, offline=True)
            context.set_default_timeout(UI_MS)
            context.route(lambda url: not url.startswith("file:"), refuse)
            page = context.new_page()
            page.goto(report.as_uri())
            page.screenshot(path=str(ARTIFACTS / f"{corpus}.png"), full_page=True)

            charts = page.evaluate(
                """() => [...document.querySelectorAll('figure.chart')].map(f => {
                    const svg = f.querySelector('svg'), box = f.getBoundingClientRect();
                    return {id: f.id, height: box.height, width: svg.getBoundingClientRect().width,
                            marks: svg.querySelectorAll('rect').length};
                })"""
            )
            sites = page.eval_on_selector_all("section.site", "s => s.map(x => x.dataset.site)")
            assert sites, "no site sections"
            expected = OVERVIEW_CHARTS + [
                f"site-{n}-{chart}" for n in range(1, len(sites) + 1) for chart in SITE_CHARTS
            ]
            assert [c["id"] for c in charts] == expected
            too_tall = [c for c in charts if c["height"] > 2 * SCREEN["height"]]
            assert too_tall == [], too_tall
            assert all(c["width"] > 400 for c in charts), charts
            # Both corpora have dated comments, quotes and outlets: every corpus-wide chart paints.
            assert all(c["marks"] > 0 for c in charts if c["id"] in OVERVIEW_CHARTS), charts

            # The site filter shows the chosen site's section alone.
            page.select_option("#site-filter", sites[-1])
            visible = page.eval_on_selector_all(
                "section", "s => s.filter(x => !x.hidden).map(x => x.id)"
            )
            assert visible == [f"site-{len(sites)}"]
            page.screenshot(path=str(ARTIFACTS / f"{corpus}-one-site.png"), full_page=True)
            page.select_option("#site-filter", "")

            # A click on a heading sorts by it, smallest first; a second click reverses the order.
            column = "#most-discussed table th:nth-child(5)"
            values = "#most-discussed table tbody td:nth-child(5)"

            def read() -> list[float]:
                return page.eval_on_selector_all(values, "c => c.map(x => +x.dataset.v)")

            page.click(column)
            assert read() == sorted(read())
            page.click(column)
            assert read() == sorted(read(), reverse=True)
        finally:
            browser.close()
    assert fetched == []
