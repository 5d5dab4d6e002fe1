"""A refresh applies only what changed to a copy of the published warehouse; it must give exactly
the warehouse a build from scratch gives from the same staging store, table for table and view for
view (run times included: both read the same staged rows), and the same record of what it was built
from. Each step below goes through the real refresh job and checks that it took the incremental
path: new files, a re-capture that becomes the newest, an older re-capture, a changed file, a file
touched without changes, a file that cannot be read and then can, retired files (an article falling
back to an older capture in a file the refresh did not otherwise touch), and a refresh that crashes
half-way through its deletes and inserts."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb
import pytest

import warehouse.build as build_module
from pipelines.cli import main
from tests.conftest import SEED, build_warehouse, query
from tests.refresh.corpus import (
    COMMENTERS,
    Comment,
    bump_mtime,
    care2_text,
    jsonl,
    story,
    table_checksums,
    write,
)
from warehouse.build import build_database
from warehouse.ingest import StagingStore
from warehouse.paths import staging_dir_for
from warehouse.sql_files import STATE

RIVER = "https://www.care2.com/causes/river-flood-night.html"
MAYOR = "https://www.care2.com/causes/mayor-promises-levee.html"
ECHO = Comment("Anna Kowal", "Anna K", "3 days ago", "They lost everything in one night, so sad.")
RIVER_ECHOES = "SELECT echoed_text FROM quote_echoes JOIN articles USING (article_id) WHERE url = ?"
DOUBLE = Comment("Laura Reyes", "Laura R", "2 days ago", "Signed and shared.")


def page(title: str, quote: str, comments: list[Comment]) -> str:
    """A Care2 text dump whose body quotes a resident (so quote_echoes has something to find)."""
    body = [
        f"{title} opens with a reporter's account of the river flooding the old town.",
        f"“{quote},” said Marta Nowak, who has lived on the embankment for forty years.",
    ]
    return care2_text(title, body, 10 + len(comments), comments)


def river(comments: int, extra: list[Comment] | None = None) -> str:
    shown = [*COMMENTERS[:comments], *(extra or [])]
    return page("River Flood Night", "We lost everything in one night", shown)


def mayor(comments: int) -> str:
    return page(
        "Mayor Promises Levee", "The levee will be built before winter", COMMENTERS[:comments]
    )


def state_checksums(warehouse: Path) -> dict[str, tuple[int, str]]:
    """(rows, md5 of the sorted rows) of each table of schema build."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        sums = {}
        for name in STATE:
            count, digest = con.execute(
                "SELECT count(*), md5(coalesce(string_agg(r, chr(10) ORDER BY r), ''))"
                f" FROM (SELECT CAST(t AS VARCHAR) AS r FROM build.{name} AS t)"
            ).fetchone()  # type: ignore[misc]
            sums[name] = (int(count), str(digest))
        return sums
    finally:
        con.close()


@pytest.fixture(autouse=True)
def one_article_per_load_group(monkeypatch: pytest.MonkeyPatch) -> None:
    """The refreshes here load their touched articles in as many groups as they have staged
    batches (sql/scope/load_chunks), as a corpus of millions does."""
    monkeypatch.setattr(build_module, "LOAD_CHUNK_ARTICLES", 1)


def assert_equals_a_build_from_scratch(warehouse: Path, tmp_path: Path) -> None:
    """The published warehouse against builds from nothing out of the same staging store: one
    loading its articles in one group, one in a group per staged batch."""
    store = StagingStore(staging_dir_for(warehouse))
    for chunk_articles in (None, 10**9):
        scratch = tmp_path / f"scratch-{len(list(tmp_path.glob('scratch-*')))}.duckdb"
        counts = build_database(scratch, store, published=None, chunk_articles=chunk_articles)
        assert counts.mode == "full"
        assert table_checksums(warehouse) == table_checksums(scratch)
        assert state_checksums(warehouse) == state_checksums(scratch)


def refresh(landing: Path, warehouse: Path, mode: str = "incremental") -> dg.ExecuteInProcessResult:
    result = build_warehouse(landing, warehouse)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    [meta] = [
        m.metadata
        for m in result.asset_materializations_for_node("warehouse_build")
        if m.asset_key.to_user_string() == "articles"
    ]
    assert meta["build_mode"].value == mode, meta["build_mode"]
    return result


def rows_touched(result: dg.ExecuteInProcessResult) -> tuple[int, int]:
    [meta] = [
        m.metadata
        for m in result.asset_materializations_for_node("warehouse_build")
        if m.asset_key.to_user_string() == "comments"
    ]
    return int(meta["changed_files"].value), int(meta["touched_articles"].value)  # type: ignore[arg-type]


@pytest.fixture
def published(landing: Path, tmp_path: Path) -> Iterator[Path]:
    """The seed, two captures of the river story (a text dump and a line of a JSON Lines feed),
    the mayor story, and a JSON Lines feed of two more pages."""
    shutil.copy(SEED, landing / SEED.name)
    write(landing / "river-1.txt", river(2), captured_at="2024-03-01T10:00:00Z", url=RIVER)
    write(landing / "mayor.txt", mayor(3), captured_at="2024-03-02T10:00:00Z", url=MAYOR)
    jsonl(
        landing / "feed.jsonl",
        [
            {"url": RIVER, "captured_at": "2024-03-03T10:00:00Z", "text": river(3, [ECHO])},
            {
                "url": "https://www.care2.com/a/7",
                "captured_at": "2024-03-03T11:00:00Z",
                "text": page("Seven", "Nothing was left", COMMENTERS[:1]),
            },
        ],
    )
    warehouse = tmp_path / "w" / "corpus.duckdb"
    refresh(landing, warehouse, mode="full")
    # The feed's capture of the river story is the newest; its comment echoes the quote.
    assert query(warehouse, "SELECT source_path FROM articles WHERE url = ?", [RIVER]) == [
        ("feed.jsonl",)
    ]
    assert query(warehouse, RIVER_ECHOES, [RIVER]) == [("lost everything in one night",)]
    yield warehouse


def test_new_files_and_a_newer_recapture_replace_only_their_articles(
    published: Path, landing: Path, tmp_path: Path
) -> None:
    write(landing / "later" / "new.txt", page("New Story", "Rain came", COMMENTERS[:2]))
    write(
        landing / "later" / "river-2.txt",
        river(4, [ECHO, DOUBLE]),  # Laura R posts the same comment twice
        captured_at="2024-04-01T10:00:00Z",
        url=RIVER,
    )
    result = refresh(landing, published)
    assert rows_touched(result) == (2, 2)  # two files, the river story and the new one
    assert query(published, "SELECT source_path FROM articles WHERE url = ?", [RIVER]) == [
        ("later/river-2.txt",)
    ]
    assert query(
        published,
        "SELECT copies FROM duplicate_comments JOIN articles USING (article_id) WHERE url = ?",
        [RIVER],
    ) == [(2,)]
    assert_equals_a_build_from_scratch(published, tmp_path)


def test_an_older_recapture_and_a_changed_file(
    published: Path, landing: Path, tmp_path: Path
) -> None:
    # An older capture of the mayor story lands: the newest stays, the capture is recorded.
    write(landing / "mayor-old.txt", mayor(1), captured_at="2024-01-01T10:00:00Z", url=MAYOR)
    refresh(landing, published)
    assert query(published, "SELECT source_path FROM articles WHERE url = ?", [MAYOR]) == [
        ("mayor.txt",)
    ]
    assert query(
        published,
        "SELECT count(*) FROM article_captures WHERE article_id IN"
        " (SELECT article_id FROM articles WHERE url = ?)",
        [MAYOR],
    ) == [(2,)]
    assert_equals_a_build_from_scratch(published, tmp_path)

    # The feed changes: the river line loses its echoing comment, page seven goes, a page comes.
    jsonl(
        landing / "feed.jsonl",
        [
            {"url": RIVER, "captured_at": "2024-03-03T10:00:00Z", "text": river(1)},
            {
                "url": "https://www.care2.com/a/8",
                "captured_at": "2024-03-03T12:00:00Z",
                "text": page("Eight", "Something was left", COMMENTERS[:3]),
            },
        ],
    )
    bump_mtime(landing / "feed.jsonl")
    result = refresh(landing, published)
    assert rows_touched(result) == (1, 3)  # the river story, seven (gone) and eight
    assert query(published, RIVER_ECHOES, [RIVER]) == []
    assert query(published, "SELECT count(*) FROM articles WHERE title = 'Seven'") == [(0,)]
    assert_equals_a_build_from_scratch(published, tmp_path)


def test_a_touched_file_and_a_file_that_cannot_be_read_then_can(
    published: Path, landing: Path, tmp_path: Path
) -> None:
    # Touched, same bytes: parsed again into a new batch, its rows replaced by equal rows.
    bump_mtime(landing / "mayor.txt")
    bump_mtime(landing / "mayor.txt.meta.json")
    refresh(landing, published)
    assert_equals_a_build_from_scratch(published, tmp_path)

    # A dangling link cannot be read: a read error with no staged records.
    (landing / "broken.txt").symlink_to(landing / "missing-target.txt")
    refresh(landing, published)
    assert query(
        published, "SELECT error_kind FROM ingest_errors WHERE source_path = 'broken.txt'"
    ) == [("unreadable",)]
    assert_equals_a_build_from_scratch(published, tmp_path)

    # The link's target appears: the file reads, its error goes, its article lands.
    write(landing / "missing-target.txt", page("Linked", "At last", COMMENTERS[:1]))
    refresh(landing, published)
    assert query(
        published, "SELECT count(*) FROM ingest_errors WHERE source_path = 'broken.txt'"
    ) == [(0,)]
    assert_equals_a_build_from_scratch(published, tmp_path)


def test_retired_files_fall_back_to_older_captures(
    published: Path, landing: Path, tmp_path: Path
) -> None:
    args = ["--raw", str(landing), "--warehouse", str(published)]
    archive = tmp_path / "archive"
    archive.mkdir()
    # The feed holds the river story's newest capture: retiring it brings back river-1.txt's,
    # whose staged batch this refresh must read although that file did not change.
    shutil.move(landing / "feed.jsonl", archive / "feed.jsonl")
    assert main(["retire", "feed.jsonl", *args]) == 0
    result = refresh(landing, published)
    assert rows_touched(result) == (1, 2)
    assert query(published, "SELECT source_path FROM articles WHERE url = ?", [RIVER]) == [
        ("river-1.txt",)
    ]
    assert query(
        published, "SELECT count(*) FROM ingest_files WHERE source_path = 'feed.jsonl'"
    ) == [(0,)]
    assert_equals_a_build_from_scratch(published, tmp_path)

    # Retiring the last capture of an article removes it, and everything computed from it.
    for name in ("river-1.txt", "river-1.txt.meta.json"):
        shutil.move(landing / name, archive / name)
    assert main(["retire", "river-1.txt", *args]) == 0
    refresh(landing, published)
    assert query(published, "SELECT count(*) FROM articles WHERE url = ?", [RIVER]) == [(0,)]
    assert_equals_a_build_from_scratch(published, tmp_path)


def test_a_refresh_that_crashes_half_way_publishes_nothing_and_the_next_one_catches_up(
    published: Path, landing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = table_checksums(published)
    write(landing / "new.txt", page("After The Crash", "Rain came", COMMENTERS[:2]))
    write(landing / "river-2.txt", river(4), captured_at="2024-04-01T10:00:00Z", url=RIVER)
    real = build_module.sql_text

    def crash_after_the_comments_are_deleted(kind: str, name: str) -> str:
        if (kind, name) == ("load", "comments"):
            # The delete runs, then the statement fails: the copy is left half refreshed.
            return real(kind, name).replace("INSERT INTO comments", "INSERT INTO no_such_table")
        return real(kind, name)

    monkeypatch.setattr(build_module, "sql_text", crash_after_the_comments_are_deleted)
    crashed = build_warehouse(landing, published)
    assert not crashed.success
    assert table_checksums(published) == before  # the published file was never touched
    assert [p.name for p in published.parent.glob(".build-*")] == []

    monkeypatch.setattr(build_module, "sql_text", real)
    refresh(landing, published)
    assert query(published, "SELECT source_path FROM articles WHERE url = ?", [RIVER]) == [
        ("river-2.txt",)
    ]
    assert_equals_a_build_from_scratch(published, tmp_path)


def test_a_warehouse_built_with_other_sql_is_built_again_from_scratch(
    published: Path, landing: Path, tmp_path: Path
) -> None:
    """A warehouse built with other SQL (or staging schemas, or DuckDB) is not patched."""
    con = duckdb.connect(str(published))
    con.execute("UPDATE build.built_with SET code_fingerprint = 'another release'")
    con.close()
    (staging_dir_for(published) / "published.json").unlink()  # the file changed behind our back
    write(landing / "new.txt", page("New Story", "Rain came", COMMENTERS[:2]))
    refresh(landing, published, mode="full")
    assert_equals_a_build_from_scratch(published, tmp_path)


def test_a_refresh_that_finds_most_files_changed_drops_its_copy_and_builds_from_scratch(
    tmp_path: Path,
) -> None:
    """The share of changed files is counted on the copy of the published file; above half, the
    copy is dropped and the warehouse built from nothing, leaving no build file behind."""
    landing = tmp_path / "landing"
    names = [f"story-{n}.txt" for n in range(1, 4)]
    for n, name in enumerate(names, start=1):
        write(landing / name, story(n), captured_at=f"2024-05-0{n}T09:00:00Z")
    warehouse = tmp_path / "w" / "corpus.duckdb"
    refresh(landing, warehouse, mode="full")
    for n, name in enumerate(names[:2], start=1):  # two of three files change
        write(landing / name, story(n, comments=3), captured_at=f"2024-05-0{n}T09:00:00Z")
    refresh(landing, warehouse, mode="full")
    assert sorted(p.name for p in warehouse.parent.iterdir() if p.name.startswith(".build-")) == []
    assert query(warehouse, "SELECT count(*) FROM comments") == [(3 + 3 + 2,)]
    assert_equals_a_build_from_scratch(warehouse, tmp_path)
