"""The Dagster UI end to end in a real headless Chromium: a `corpus build`, then `corpus ui` on a
free port with the same temporary Dagster home, landing directory and warehouse; the CLI's run is
in the run list; "Materialize all" on the refresh_warehouse job launches a run of that job, which
succeeds; the `articles` asset shows its row count, freshness policy and an escaped preview; the
published warehouse holds the seed's article. Screenshots go to artifacts/browser/.

Uses Debian's /usr/bin/chromium (`.ci/run` installs it); never downloads a browser."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pytest

from tests.conftest import REPO_ROOT, SEED, query

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = REPO_ROOT / "artifacts" / "browser"
MARKUP_FIXTURE = REPO_ROOT / "tests" / "ui" / "fixtures" / "markup_in_comments.txt"
# Bounded but generous: on a machine where this is the first thing ever run, `dagster dev` compiles
# bytecode, creates its SQLite storage and loads the code location before it answers.
SERVER_START_SECONDS = 240
RUN_SECONDS = 300
UI_ACTION_MS = 90_000
FRESHNESS_SECONDS = 180
SEED_TITLE = "Brave Victim of Chechnya’s Gay Purge Speaks Out"
MARKUP_TITLE = "Meadow <script>x()</script> **Saved** | Vote & www.example.org"


@dataclass(frozen=True)
class RunningUI:
    url: str
    warehouse: Path
    log: Path
    home: Path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def tail(log: Path, lines: int = 40) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the whole process group `corpus ui` started (webserver, daemon, code servers, runs):
    SIGTERM, a bounded wait for dagster dev to shut its services down, then SIGKILL for whatever
    is left (a code server would otherwise linger until its heartbeat times out)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=30)
    deadline = time.monotonic() + 5
    while group_alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


@pytest.fixture
def dagster_ui(tmp_path: Path) -> Iterator[RunningUI]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is absent: install Debian's chromium (.ci/run does) to run this test"
        )
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    shutil.copy(MARKUP_FIXTURE, raw / MARKUP_FIXTURE.name)
    (raw / "empty.txt").write_bytes(b"")
    warehouse = tmp_path / "warehouse" / "corpus.duckdb"
    port = free_port()
    home = tmp_path / "dagster_home"
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "CORPUS_RAW_DIR": str(raw),
        "CORPUS_WAREHOUSE": str(warehouse),
        "CORPUS_WORKERS": "1",
        "FRESHNESS_DAEMON_INTERVAL_SECONDS": "5",
    }
    log = tmp_path / "corpus-ui.log"
    # A refresh from the shell first: the UI must show it like its own runs.
    corpus = [sys.executable, "-m", "pipelines.cli"]
    built = subprocess.run(
        [*corpus, "build"], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert built.returncode == 0, built.stderr[-2000:]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*corpus, "ui", "--port", str(port)],
            cwd=REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so teardown can stop every child
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not answers(f"{url}/server_info"):
            if process.poll() is not None:
                pytest.fail(f"corpus ui exited with {process.returncode}:\n{tail(log)}")
            if time.monotonic() > deadline:
                pytest.fail(f"corpus ui did not answer in {SERVER_START_SECONDS}s:\n{tail(log)}")
            time.sleep(1)
        yield RunningUI(url, warehouse, log, home)
    finally:
        stop(process)
        if ARTIFACTS.exists():
            shutil.copy(log, ARTIFACTS / log.name)


def test_cli_run_is_listed_and_the_refresh_job_publishes_the_warehouse(
    dagster_ui: RunningUI,
) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    alerts: list[str] = []

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1200})
            page.set_default_timeout(UI_ACTION_MS)
            expect.set_options(timeout=UI_ACTION_MS)
            page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
            # A fresh Dagster home greets the first visitor with a newsletter prompt a second
            # after load, over whatever menu is open. Record it as dismissed in the browser the
            # way the prompt's own Skip button does, before any page loads; the handler stays
            # as a backstop.
            page.add_init_script("window.localStorage.setItem('communityNux', '\"1\"')")
            page.add_locator_handler(
                page.get_by_text("Join the Dagster community"),
                lambda: page.get_by_role("button", name="Skip").click(),
            )

            def shot(name: str) -> None:
                page.screenshot(path=str(ARTIFACTS / f"{name}.png"))

            try:
                # 1. The asset graph, its three groups expanded to show every asset.
                page.goto(f"{dagster_ui.url}/asset-groups", wait_until="domcontentloaded")
                materialize_all = page.get_by_role("button", name="Materialize all")
                expect(materialize_all).to_be_enabled()
                expand_all = page.get_by_role("menuitem", name="Expand all groups")
                # The menu closes if anything steals focus while it opens; open it until its
                # item shows (a bounded number of tries, each a bounded wait).
                for _ in range(5):
                    page.locator("button:has([aria-label=settings])").last.click()
                    try:
                        expect(expand_all).to_be_visible(timeout=10_000)
                        break
                    except AssertionError:
                        page.keyboard.press("Escape")
                expand_all.click()
                page.keyboard.press("Escape")
                for asset in ("raw_dump_files", "parsed_records", "articles", "article_engagement"):
                    expect(page.get_by_text(asset, exact=True).last).to_be_visible()
                shot("01-asset-graph")

                # 2. The run `corpus build` made is in the run list, tagged as the CLI's.
                page.goto(f"{dagster_ui.url}/runs", wait_until="domcontentloaded")
                expect(page.get_by_text("refresh_warehouse").first).to_be_visible()
                expect(page.get_by_text("corpus/trigger: cli").first).to_be_visible()
                shot("02-cli-run-listed")

                # 3. The refresh job's page: its Materialize all launches one run of that job.
                page.goto(
                    f"{dagster_ui.url}/locations/corpus/jobs/refresh_warehouse",
                    wait_until="domcontentloaded",
                )
                materialize_all = page.get_by_role("button", name="Materialize all")
                expect(materialize_all).to_be_enabled()
                materialize_all.click()
                expect(page.get_by_text("Launched run")).to_be_visible()
                shot("03-run-launched")
                run_path = page.get_by_role("link", name="View", exact=True).get_attribute("href")
                assert run_path and run_path.startswith("/runs/"), run_path

                # 4. The run page, until the run has finished; it must have succeeded.
                page.goto(f"{dagster_ui.url}{run_path}", wait_until="domcontentloaded")
                status = page.get_by_text(re.compile(r"^(Success|Failure|Canceled)$")).first
                expect(status).to_be_visible(timeout=RUN_SECONDS * 1000)
                shot("04-run-finished")
                assert status.inner_text() == "Success", tail(dagster_ui.log)
                # Its re-execute menu, where a failed run is re-run from the failed step.
                reexecute = page.get_by_role("button", name="Re-execute all (*)")
                reexecute.locator("xpath=following-sibling::*[1]").click()
                expect(page.get_by_role("menuitem", name="From failure")).to_be_visible()
                shot("04b-run-reexecute-menu")
                page.keyboard.press("Escape")

                # 5. The articles asset: row count (the seed and the markup fixture), freshness.
                page.goto(f"{dagster_ui.url}/assets/articles", wait_until="domcontentloaded")
                row_count = page.get_by_text("Row count", exact=True).locator("xpath=..")
                expect(row_count).to_have_text(re.compile(r"^Row count\s*2$"))
                expect(
                    page.get_by_text("Fails if more than 26 hours since last materialization")
                ).to_be_visible()
                # The daemon evaluates freshness on its own interval (shortened for this test).
                freshness = page.get_by_text("Freshness policy", exact=True).first.locator(
                    "xpath=.."
                )
                deadline = time.monotonic() + FRESHNESS_SECONDS
                while "Passing" not in freshness.inner_text() and time.monotonic() < deadline:
                    page.wait_for_timeout(2000)
                    page.reload(wait_until="domcontentloaded")
                    expect(row_count).to_be_visible()
                expect(freshness).to_contain_text("Passing")
                # Code references: the table's SQL files and the Python that builds it.
                for source in ("/sql/tables/articles.sql:1", "/sql/load/articles.sql:1"):
                    expect(page.locator(f'a[href$="{source}"]')).to_be_visible()
                expect(page.locator('a[href*="/assets/defs/warehouse.py:"]')).to_be_visible()
                shot("05-articles-asset")

                # 6. Its preview: markup in a title shows as typed; nothing renders or links.
                page.goto(
                    f"{dagster_ui.url}/assets/articles?view=events", wait_until="domcontentloaded"
                )
                page.get_by_text("[Show Markdown]").first.click()
                preview = page.get_by_role("dialog").locator(".dagster-markdown")
                expect(preview.locator("table")).to_be_visible()
                shot("06-articles-preview")
                column = preview.locator("thead th").all_inner_texts().index("title") + 1
                titles = preview.locator(f"tbody td:nth-child({column})").all_inner_texts()
                assert sorted(t.replace("\u2060", "") for t in titles) == sorted(
                    [SEED_TITLE, MARKUP_TITLE]
                )
                for tag in ("script", "img", "a", "strong", "em"):
                    assert preview.locator(tag).count() == 0, tag
                assert preview.locator("tr").count() == 3

                # 7. Automation: the nightly schedule is running without anyone switching it on.
                page.goto(f"{dagster_ui.url}/automation", wait_until="domcontentloaded")
                schedule = page.get_by_text("nightly_refresh", exact=True)
                expect(schedule).to_be_visible()
                row = schedule.locator(
                    "xpath=ancestor::*[count(.//input[@type='checkbox']) >= 2][1]"
                )
                expect(row.locator("input[type=checkbox]").last).to_be_checked()
                expect(row).to_contain_text("UTC")
                shot("07-automation")
            except Exception:
                shot("99-failure")  # the page as it was when the step failed
                raise
        finally:
            browser.close()

    assert alerts == []
    # Both refreshes, the shell's and the button's, are runs of the one refresh job.
    with dg.DagsterInstance.from_config(str(dagster_ui.home)) as instance:
        runs = instance.get_runs()
    assert [(run.job_name, run.tags.get("corpus/trigger")) for run in runs] == [
        ("refresh_warehouse", None),
        ("refresh_warehouse", "cli"),
    ]
    assert query(dagster_ui.warehouse, "SELECT title FROM articles ORDER BY title") == [
        (SEED_TITLE,),
        (MARKUP_TITLE,),
    ]
    assert query(
        dagster_ui.warehouse, "SELECT source_path, status FROM ingest_files ORDER BY 1"
    ) == [
        (SEED.name, "loaded"),
        ("empty.txt", "rejected"),
        (MARKUP_FIXTURE.name, "loaded"),
    ]
