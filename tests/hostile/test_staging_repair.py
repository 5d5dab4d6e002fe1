"""A damaged staging store (a zero-length manifest, a torn batch, a garbled read-error table) is
found before anything reads it, mended from what survives, said in the run's log, and the build
publishes; the build after it runs clean."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SEED, build_warehouse, query
from tests.refresh.corpus import story, table_checksums, write
from warehouse.ingest import StagingStore
from warehouse.paths import staging_dir_for

LOADED_ROWS = (
    "SELECT source_path, status, articles FROM ingest_files ORDER BY source_path",
    "SELECT a.source_path, count(c.comment_id) FROM articles a LEFT JOIN comments c "
    "USING (article_id) GROUP BY ALL ORDER BY 1",
)


def build(landing: Path, warehouse: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Build, assert it succeeded, and return the warnings the run logged."""
    result = build_warehouse(landing, warehouse)
    log = capsys.readouterr().err
    assert result.success, log[-4000:]
    return "\n".join(line for line in log.splitlines() if " - WARNING - " in line)


def snapshot(warehouse: Path) -> list[list[tuple[object, ...]]]:
    return [query(warehouse, sql) for sql in LOADED_ROWS]


@pytest.fixture
def corpus(landing: Path) -> Path:
    shutil.copy(SEED, landing / SEED.name)
    for n in (1, 2, 3):
        write(landing / f"story-{n}.txt", story(n, n + 1), captured_at=f"2024-05-0{n}T09:00:00Z")
    return landing


def test_zero_length_manifest_is_rebuilt_from_the_batches(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    build(corpus, warehouse, capsys)
    expected = snapshot(warehouse)
    # An archived file: its rows can come back only from its staged batch.
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.move(corpus / "story-3.txt", archive)
    shutil.move(corpus / "story-3.txt.meta.json", archive)
    store = StagingStore(staging_dir_for(warehouse))
    store.manifest_path.write_bytes(b"")  # as a crash before fsync leaves it
    warnings = build(corpus, warehouse, capsys)
    assert (
        "manifest.parquet is damaged (" in warnings
        and "rebuilt 4 file rows from the staged batches and the published warehouse; files "
        "still in the landing directory are parsed again"
        in warnings
    ), warnings
    assert snapshot(warehouse) == expected
    # The next build has nothing to mend and nothing to parse; the warehouse is the same.
    before = table_checksums(warehouse, include_run_times=False)
    assert build(corpus, warehouse, capsys) == ""
    assert table_checksums(warehouse, include_run_times=False) == before


def test_damaged_batch_is_parsed_again_or_its_gone_files_rejected(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warehouse = tmp_path / "w" / "corpus.duckdb"
    build(corpus, warehouse, capsys)
    write(corpus / "story-4.txt", story(4, 2), captured_at="2024-05-04T09:00:00Z")
    build(corpus, warehouse, capsys)  # story-4.txt sits in a batch of its own
    expected = snapshot(warehouse)
    store = StagingStore(staging_dir_for(warehouse))
    batch = store.manifest().filter(source_path="story-4.txt")["batch"].item()
    first = store.manifest().filter(source_path="story-1.txt")["batch"].item()
    store.batch_path("comments", first).write_bytes(b"PAR1 this is not parquet any more")
    store.batch_path("quotes", batch).write_bytes(
        store.batch_path("quotes", batch).read_bytes()[:40]
    )
    for name in ("story-4.txt", "story-4.txt.meta.json"):  # archived since
        shutil.move(corpus / name, tmp_path / name)
    warnings = build(corpus, warehouse, capsys)
    assert (
        f"2 staged batch file set(s) damaged or missing ({', '.join(sorted([first, batch]))}): "
        "4 file(s) are parsed again; 1 no longer in the landing directory are rejected until "
        "put back"
    ) in warnings, warnings
    files, comments = snapshot(warehouse)
    assert files == [(r[0], "rejected", 0) if r[0] == "story-4.txt" else r for r in expected[0]]
    assert comments == [r for r in expected[1] if r[0] != "story-4.txt"]
    assert query(
        warehouse, "SELECT error_kind, message FROM ingest_errors WHERE source_path = 'story-4.txt'"
    ) == [
        (
            "staging_damaged",
            "its staged records were damaged and it is no longer in the landing directory: "
            "put the file back to load it again",
        )
    ]
    # Put back, it loads again; then the builds run clean.
    for name in ("story-4.txt", "story-4.txt.meta.json"):
        shutil.move(tmp_path / name, corpus / name)
    build(corpus, warehouse, capsys)
    assert snapshot(warehouse) == expected
    assert build(corpus, warehouse, capsys) == ""


def test_garbled_read_errors_make_their_files_parse_again(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "gone.txt").symlink_to("nowhere.txt")
    warehouse = tmp_path / "w" / "corpus.duckdb"
    build(corpus, warehouse, capsys)
    expected = snapshot(warehouse)
    store = StagingStore(staging_dir_for(warehouse))
    store.read_errors_path.write_bytes(b"\0" * 64)
    warnings = build(corpus, warehouse, capsys)
    assert "read_errors.parquet is damaged (" in warnings
    assert "files whose reasons it held are parsed again" in warnings
    assert snapshot(warehouse) == expected
    assert query(warehouse, "SELECT source_path, error_kind FROM ingest_errors") == [
        ("gone.txt", "unreadable")
    ]


def test_a_lost_landing_scan_is_made_again(corpus: Path, tmp_path: Path) -> None:
    store = StagingStore(tmp_path / "staging")
    store.root.mkdir()
    store.landing_path.write_bytes(b"")
    scan = store.load_landing(corpus)
    [note] = scan.notes
    assert note.startswith("landing.parquet is damaged (")
    assert note.endswith("); the landing directory was scanned again")
    dumps = [p.name for p in corpus.iterdir() if not p.name.endswith(".meta.json")]
    assert sorted(p.name for p in scan.to_parse) == sorted(dumps)
