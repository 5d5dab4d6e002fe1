"""Incremental and idempotent refresh: real landing directories, real Dagster runs, real DuckDB
files. A changed file replaces exactly its rows, a vanished file keeps them, retiring drops them,
re-captures update the article, and the same input always gives the same tables."""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path

import dagster as dg
import pytest

from pipelines.cli import main
from tests.conftest import SEED, build_warehouse, query
from tests.hostile import faults
from tests.refresh.corpus import (
    COMMENTERS,
    bump_mtime,
    care2_text,
    jsonl,
    story,
    table_checksums,
    write,
)
from warehouse import ingest
from warehouse.ingest import StagingStore
from warehouse.paths import staging_dir_for


def build(raw: Path, warehouse: Path) -> dg.ExecuteInProcessResult:
    result = build_warehouse(raw, warehouse)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    return result


def parsed_count(result: dg.ExecuteInProcessResult) -> int:
    [event] = result.asset_materializations_for_node("parsed_records")
    return int(event.metadata["files_parsed"].value)  # type: ignore[arg-type]


def staged_batches(warehouse: Path) -> set[str]:
    root = staging_dir_for(warehouse)
    return {p.relative_to(root).as_posix() for p in root.glob("parsed/*/*")}


def rows_of(warehouse: Path, source_path: str) -> dict[str, list[tuple[object, ...]]]:
    """Everything the warehouse holds that came from one file."""
    return {
        "articles": query(
            warehouse, "SELECT * FROM articles WHERE source_path = ? ORDER BY ALL", [source_path]
        ),
        "comments": query(
            warehouse,
            "SELECT c.* FROM comments c JOIN articles a USING (article_id) WHERE a.source_path = ? "
            "ORDER BY ALL",
            [source_path],
        ),
        "ingest_files": query(
            warehouse, "SELECT * FROM ingest_files WHERE source_path = ?", [source_path]
        ),
    }


URL = "https://www.care2.com/causes/flood-story-7.html"


@pytest.fixture
def corpus(landing: Path) -> Path:
    """The seed, two text stories with sidecars, a JSON Lines file of three captures (one line
    broken) and an empty file."""
    shutil.copy(SEED, landing / SEED.name)
    write(landing / "2024" / "story-1.txt", story(1), captured_at="2024-03-01T10:00:00Z")
    write(landing / "2024" / "story-2.txt", story(2, 3), captured_at="2024-03-02T10:00:00Z")
    jsonl(
        landing / "feed.jsonl",
        [
            {
                "url": "https://www.care2.com/a/3",
                "captured_at": "2024-04-01T00:00:00Z",
                "text": story(3, 1),
            },
            {
                "url": "https://www.care2.com/a/4",
                "captured_at": "2024-04-01T00:00:00Z",
                "text": story(4, 2),
            },
            {
                "url": "https://www.care2.com/a/5",
                "captured_at": "2024-04-01T00:00:00Z",
                "text": story(5, 4),
            },
        ],
    )
    with (landing / "feed.jsonl").open("a", encoding="utf-8") as feed:
        feed.write('{"url": "https://www.care2.com/a/6", "text": "cut off\n')
    (landing / "empty.txt").write_bytes(b"")
    return landing


def test_same_input_built_twice_gives_equal_checksums_and_parses_nothing(
    corpus: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    first = build(corpus, warehouse)
    assert parsed_count(first) == 5  # sidecars travel with their dumps
    sums, batches = table_checksums(warehouse), staged_batches(warehouse)
    second = build(corpus, warehouse)
    assert parsed_count(second) == 0
    assert staged_batches(warehouse) == batches
    assert table_checksums(warehouse) == sums  # run times included: nothing was re-read
    assert sums["articles"][0] == 6 and sums["comments"][0] == 10 + 2 + 3 + 1 + 2 + 4


def test_incremental_build_equals_a_build_from_scratch(corpus: Path, tmp_path: Path) -> None:
    incremental = tmp_path / "inc" / "corpus.duckdb"
    build(corpus, incremental)
    write(
        corpus / "2024" / "story-1.txt",
        story(1, 4, extra=" Update."),
        captured_at="2024-03-05T10:00:00Z",
    )
    (corpus / "2024" / "story-2.txt").unlink()
    (corpus / "2024" / "story-2.txt.meta.json").unlink()
    write(corpus / "story-8.txt", story(8), captured_at="2024-05-01T00:00:00Z")
    build(corpus, incremental)

    # From scratch: the final landing directory plus story 2, which the incremental warehouse keeps.
    scratch_raw = tmp_path / "scratch-raw"
    shutil.copytree(corpus, scratch_raw, copy_function=shutil.copy2)
    write(scratch_raw / "2024" / "story-2.txt", story(2, 3), captured_at="2024-03-02T10:00:00Z")
    scratch = tmp_path / "scratch" / "corpus.duckdb"
    build(scratch_raw, scratch)
    assert table_checksums(incremental, include_run_times=False) == table_checksums(
        scratch, include_run_times=False
    )


def test_changed_file_replaces_exactly_the_rows_that_came_from_it(
    corpus: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    build(corpus, warehouse)
    untouched = {
        p: rows_of(warehouse, p) for p in ("2024/story-1.txt", "2024/story-2.txt", SEED.name)
    }
    [(old_sha, first_seen, first_loaded)] = query(
        warehouse,
        "SELECT source_sha256, first_seen_at, last_loaded_at FROM ingest_files "
        "WHERE source_path = 'feed.jsonl'",
    )

    # Story 3 gains comments, story 4 is unchanged, story 5 is gone, the broken line is fixed.
    jsonl(
        corpus / "feed.jsonl",
        [
            {
                "url": "https://www.care2.com/a/3",
                "captured_at": "2024-04-02T00:00:00Z",
                "text": story(3, 4, 40),
            },
            {
                "url": "https://www.care2.com/a/4",
                "captured_at": "2024-04-01T00:00:00Z",
                "text": story(4, 2),
            },
        ],
    )
    bump_mtime(corpus / "feed.jsonl")
    assert parsed_count(build(corpus, warehouse)) == 1

    assert query(
        warehouse,
        "SELECT title, declared_comment_count, captured_at::VARCHAR FROM articles "
        "WHERE source_path = 'feed.jsonl' ORDER BY title",
    ) == [
        ("Flood Story Number 3", 40, "2024-04-02 00:00:00"),
        ("Flood Story Number 4", 14, "2024-04-01 00:00:00"),
    ]
    assert query(
        warehouse,
        "SELECT a.title, c.position, c.author FROM comments c JOIN articles a USING (article_id) "
        "WHERE a.source_path = 'feed.jsonl' ORDER BY 1, 2",
    ) == [
        ("Flood Story Number 3", 1, "Paulo R"),
        ("Flood Story Number 3", 2, "Brandy S"),
        ("Flood Story Number 3", 3, "Laura R"),
        ("Flood Story Number 3", 4, "Mike R"),
        ("Flood Story Number 4", 1, "Paulo R"),
        ("Flood Story Number 4", 2, "Brandy S"),
    ]
    [(new_sha, seen, loaded, status, articles)] = query(
        warehouse,
        "SELECT source_sha256, first_seen_at, last_loaded_at, status, articles FROM ingest_files "
        "WHERE source_path = 'feed.jsonl'",
    )
    assert (new_sha != old_sha, seen, loaded > first_loaded, status, articles) == (
        True,
        first_seen,
        True,
        "loaded",
        2,
    )
    assert query(
        warehouse, "SELECT count(*) FROM ingest_errors WHERE source_path = 'feed.jsonl'"
    ) == [(0,)]
    assert {p: rows_of(warehouse, p) for p in untouched} == untouched


def test_file_gone_from_landing_keeps_its_rows(corpus: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    build(corpus, warehouse)
    before = rows_of(warehouse, "2024/story-2.txt")
    assert len(before["articles"]) == 1 and len(before["comments"]) == 3
    shutil.rmtree(corpus / "2024")
    build(corpus, warehouse)
    assert rows_of(warehouse, "2024/story-2.txt") == before
    assert query(warehouse, "SELECT count(*) FROM articles") == [(6,)]


def test_retire_drops_a_files_rows_at_the_next_build(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    write(corpus / "2024-extra.txt", story(9), captured_at="2024-06-01T00:00:00Z")
    build(corpus, warehouse)
    args = ["--raw", str(corpus), "--warehouse", str(warehouse)]

    assert main(["retire", "2024", *args]) == 1  # still in the landing directory: refused
    assert "still in the landing directory" in capsys.readouterr().err
    archive = tmp_path / "archive"
    shutil.move(corpus / "2024", archive)
    assert main(["retire", "2024/", "--dry-run", *args]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "2024/story-1.txt",
        "2024/story-2.txt",
        "would retire 2 file(s); run `corpus build` to publish without them",
    ]
    build(corpus, warehouse)  # a dry run changes nothing
    assert query(
        warehouse, "SELECT count(*) FROM ingest_files WHERE source_path LIKE '2024/%'"
    ) == [(2,)]

    assert main(["retire", "2024", *args]) == 0
    assert "retired 2 file(s)" in capsys.readouterr().out
    build(corpus, warehouse)
    assert query(warehouse, "SELECT source_path FROM ingest_files ORDER BY 1") == [
        (SEED.name,),
        ("2024-extra.txt",),
        ("empty.txt",),
        ("feed.jsonl",),
    ]
    assert query(
        warehouse,
        "SELECT count(*) FROM articles "
        "WHERE title IN ('Flood Story Number 1', 'Flood Story Number 2')",
    ) == [(0,)]
    assert query(warehouse, "SELECT count(*) FROM comments") == [(10 + 1 + 2 + 4 + 2,)]
    assert main(["retire", "2024", *args]) == 1  # nothing left to retire under it
    assert "nothing recorded under '2024'" in capsys.readouterr().err

    # Putting the files back loads them again: retiring is not a blocklist.
    shutil.move(archive, corpus / "2024")
    build(corpus, warehouse)
    assert query(warehouse, "SELECT count(*) FROM articles") == [(7,)]


def test_recapture_updates_article_and_comments_and_keeps_every_capture(
    landing: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    body = ["A community garden replaces the parking lot.", "Neighbours planted two hundred trees."]
    title = "Garden Replaces Parking Lot"
    write(
        landing / "jan.txt",
        care2_text(title, body, 12, COMMENTERS[:2]),
        "2026-01-01T08:00:00Z",
        URL,
    )
    build(landing, warehouse)
    [(article_id, old_ids)] = query(
        warehouse,
        "SELECT article_id, (SELECT list(comment_id ORDER BY position) FROM comments) "
        "FROM articles",
    )

    jsonl(
        landing / "feb.jsonl",
        [
            {
                "url": URL + "?utm_source=x",
                "captured_at": "2026-02-01T08:00:00Z",
                "text": care2_text(title, body, 20, COMMENTERS),
            }
        ],
    )
    build(landing, warehouse)
    assert query(
        warehouse,
        "SELECT article_id, captured_at::VARCHAR, declared_comment_count, source_path "
        "FROM articles",
    ) == [(article_id, "2026-02-01 08:00:00", 20, "feb.jsonl")]
    new_ids = query(warehouse, "SELECT comment_id FROM comments ORDER BY position")
    assert [r[0] for r in new_ids][:2] == old_ids  # comment ids survive the re-capture
    assert query(warehouse, "SELECT author FROM comments ORDER BY position") == [
        (c.author,) for c in COMMENTERS
    ]

    # A backfilled older capture is recorded but does not win.
    write(
        landing / "old" / "dec.txt",
        care2_text(title, body, 9, COMMENTERS[:1]),
        "2025-12-01T08:00:00Z",
        URL,
    )
    build(landing, warehouse)
    assert query(warehouse, "SELECT source_path, declared_comment_count FROM articles") == [
        ("feb.jsonl", 20)
    ]
    assert query(
        warehouse,
        "SELECT article_id, captured_at::VARCHAR, declared_comment_count, captured_comments, "
        "source_path "
        "FROM article_captures ORDER BY captured_at",
    ) == [
        (article_id, "2025-12-01 08:00:00", 9, 1, "old/dec.txt"),
        (article_id, "2026-01-01 08:00:00", 12, 2, "jan.txt"),
        (article_id, "2026-02-01 08:00:00", 20, 4, "feb.jsonl"),
    ]
    assert query(warehouse, "SELECT count(*) FROM comments") == [(4,)]


def test_touched_or_reverted_file_is_never_counted_twice(corpus: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    build(corpus, warehouse)
    sums = table_checksums(warehouse, include_run_times=False)
    feed = corpus / "feed.jsonl"
    original = feed.read_bytes()

    bump_mtime(feed)  # same bytes, new mtime (an archive tool copying without -p)
    assert parsed_count(build(corpus, warehouse)) == 1
    assert table_checksums(warehouse, include_run_times=False) == sums

    feed.write_text(feed.read_text().replace("Story 4 opens", "Story 4 now opens"))
    bump_mtime(feed, 20)
    build(corpus, warehouse)
    assert table_checksums(warehouse, include_run_times=False)["articles"] != sums["articles"]
    feed.write_bytes(original)  # reverted: the first version's rows come back, once
    bump_mtime(feed, 30)
    build(corpus, warehouse)
    assert table_checksums(warehouse, include_run_times=False) == sums


def test_stale_staged_batches_are_pruned(corpus: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    build(corpus, warehouse)
    store = StagingStore(staging_dir_for(warehouse))
    first = staged_batches(warehouse)
    write(corpus / "2024" / "story-1.txt", story(1, 3), captured_at="2024-03-01T10:00:00Z")
    bump_mtime(corpus / "2024" / "story-1.txt")
    build(corpus, warehouse)
    now = staged_batches(warehouse)
    referenced = set(store.manifest()["batch"].drop_nulls())
    assert {Path(p).stem for p in now} == referenced
    # The first build staged everything in one batch, still referenced by the other files.
    assert (
        first <= now and len(now - first) == 4
    )  # one new batch: articles, quotes, comments, errors
    (corpus / "feed.jsonl").unlink()
    main(["retire", "feed.jsonl", "--raw", str(corpus), "--warehouse", str(warehouse)])
    for name in ("story-2.txt", "story-2.txt.meta.json"):
        (corpus / "2024" / name).unlink()
    main(["retire", "2024/story-2.txt", "--raw", str(corpus), "--warehouse", str(warehouse)])
    (corpus / SEED.name).unlink()
    (corpus / "empty.txt").unlink()
    main(["retire", SEED.name, "--raw", str(corpus), "--warehouse", str(warehouse)])
    main(["retire", "empty.txt", "--raw", str(corpus), "--warehouse", str(warehouse)])
    assert staged_batches(warehouse) == now - first  # nothing points at the first batch any more


def test_editing_a_sidecar_alone_reloads_the_dump(corpus: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    build(corpus, warehouse)
    sidecar = corpus / "2024" / "story-1.txt.meta.json"
    sidecar.write_text('{"captured_at": "2024-03-09T12:00:00Z", "byline": "Jane Doe"}')
    bump_mtime(sidecar)
    build(corpus, warehouse)
    assert query(
        warehouse,
        "SELECT captured_at::VARCHAR, byline FROM articles WHERE source_path = '2024/story-1.txt'",
    ) == [("2024-03-09 12:00:00", "Jane Doe")]
    assert query(
        warehouse,
        "SELECT count(*) FROM comments c JOIN articles a USING (article_id) "
        "WHERE a.source_path = '2024/story-1.txt'",
    ) == [(2,)]


def test_a_changed_file_that_cannot_be_read_keeps_its_previous_version(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    build(corpus, warehouse)
    before = rows_of(warehouse, "2024/story-2.txt")
    target = corpus / "2024" / "story-2.txt"
    target.write_text(story(2, 4))
    bump_mtime(target)
    # a writer appends just as the pipeline reads
    monkeypatch.setattr(ingest, "parse_one", partial(faults.appended_while_read, target.name))
    build(corpus, warehouse)
    assert rows_of(warehouse, "2024/story-2.txt") == before
    assert query(
        warehouse,
        "SELECT error_kind, message FROM ingest_errors WHERE source_path = '2024/story-2.txt'",
    ) == [
        (
            "changed_while_reading",
            "story-2.txt changed while it was being read; it is read again on the next build "
            "once it is stable; the version loaded earlier stays in the warehouse",
        )
    ]
    monkeypatch.undo()
    build(corpus, warehouse)  # stable now: the new version replaces the old
    assert query(
        warehouse, "SELECT count(*) FROM ingest_errors WHERE source_path = '2024/story-2.txt'"
    ) == [(0,)]
    assert len(rows_of(warehouse, "2024/story-2.txt")["comments"]) == 4
