"""The hostile corpus, end to end through the real Dagster job: bombs, huge lines, deep nesting,
damaged WARC, a worker killed as the out-of-memory killer kills, a parse stuck beyond any timer,
then a damaged manifest. After every build each file is in ingest_files, each file not fully loaded
has a row a person can act on, the good files' rows are all there; the build after that runs clean.
Caps are set small through the environment, so the whole corpus is a few megabytes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SEED, build_warehouse, query
from tests.hostile import faults, inputs
from tests.refresh.corpus import story, table_checksums, write
from warehouse import ingest
from warehouse.ingest import StagingStore
from warehouse.paths import staging_dir_for

CAP = 2 * 1024 * 1024
GOOD = {
    SEED.name: ("loaded", 1),
    "good/story-1.txt": ("loaded", 1),
    "good/story-2.txt": ("loaded", 1),
    "good/feed.jsonl": ("loaded", 2),
    "good/crawl.warc.gz": ("loaded", 3),
}
# file -> (status, articles, [error kinds]); HTML nested past lxml's depth belongs to the HTML
# extractor (loaded, or partial with a row): checked below for being accounted for only.
HOSTILE = {
    "bad/bomb.txt.gz": ("rejected", 0, ["too_large"]),
    "bad/bomb.warc.gz": ("rejected", 0, ["too_large"]),
    "bad/huge-line.html": ("loaded", 1, []),
    "bad/deep.jsonl": ("partial", 1, ["bad_json_line"]),
    "bad/lengths.warc": ("partial", 3, ["bad_content_length", "bad_content_length"]),
    "bad/b-oom.txt": ("rejected", 0, ["worker_died"]),
    "bad/c-stuck.txt": ("rejected", 0, ["too_slow"]),
}
DEEP_HTML = "bad/deep-5000.html"


def make_corpus(landing: Path) -> None:
    shutil.copy(SEED, landing / SEED.name)
    for n in (1, 2):
        write(landing / "good" / f"story-{n}.txt", story(n, 3), f"2024-05-0{n}T09:00:00Z")
    (landing / "good" / "feed.jsonl").write_bytes(
        inputs.jsonl(
            *(
                {
                    "url": f"https://feed.example/{n}",
                    "html": inputs.article_html(f"Feed {n}", "Fed."),
                }
                for n in (1, 2)
            )
        )
    )
    (landing / "good" / "crawl.warc.gz").write_bytes(
        inputs.gz(inputs.three_page_warc("crawl.example")[0])
    )
    bad = landing / "bad"
    bad.mkdir()
    (bad / "bomb.txt.gz").write_bytes(inputs.gzip_bomb(64 * CAP))
    (bad / "bomb.warc.gz").write_bytes(inputs.gzip_bomb(64 * CAP, b"W"))
    paragraphs = "".join(f"<p>Line {i} of a page minified onto one line.</p>" for i in range(4000))
    page = f"<html><head><title>One Line</title></head><body><article>{paragraphs}</article>"
    (bad / "huge-line.html").write_text(page + "</body></html>")
    (bad / "deep.jsonl").write_bytes(
        inputs.jsonl(
            inputs.deep_json_line(200_000),
            {"url": "https://deep.example/", "text": "Deep Feed\n\nOk."},
        )
    )
    warc, _ = inputs.three_page_warc("lengths.example")
    (bad / "lengths.warc").write_bytes(
        inputs.with_content_length(inputs.with_content_length(warc, 0, 75), 1, -75)
    )
    opening = inputs.article_html("Deep Page", "The council met to hear the flood plans.")
    head, tail = opening.split("</article>")
    (bad / DEEP_HTML.split("/")[1]).write_text(
        head
        + "<div>" * 5000
        + "<p>Deep down, a paragraph about the river wall and the pumps.</p>"
        + "</div>" * 5000
        + "<p>After the depths, the mayor took questions from residents.</p></article>"
        + tail
    )
    write(bad / "b-oom.txt", story(7), "2024-05-07T09:00:00Z")
    write(bad / "c-stuck.txt", story(8), "2024-05-08T09:00:00Z")


def build(landing: Path, warehouse: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    result = build_warehouse(landing, warehouse, workers=2)
    log = capsys.readouterr().err
    assert result.success, log[-3000:]
    return [line.split(" - ", 6)[-1] for line in log.splitlines() if " - WARNING - " in line]


def assert_everything_accounted_for(landing: Path, warehouse: Path) -> None:
    files = {
        path: (status, articles)
        for path, status, articles in query(
            warehouse, "SELECT source_path, status, articles FROM ingest_files"
        )
    }
    on_disk = sorted(
        p.relative_to(landing).as_posix()
        for p in landing.rglob("*")
        if p.is_file() and not p.name.endswith(".meta.json")
    )
    assert sorted(files) == on_disk
    assert {path: files[path] for path in GOOD} == GOOD
    for path, (status, articles, kinds) in HOSTILE.items():
        assert files[path] == (status, articles), path
        assert sorted(
            r[0]
            for r in query(
                warehouse, "SELECT error_kind FROM ingest_errors WHERE source_path = ?", [path]
            )
        ) == sorted(kinds), path
    unexplained = query(
        warehouse,
        "SELECT f.source_path FROM ingest_files f WHERE f.status <> 'loaded' AND NOT EXISTS ("
        " SELECT 1 FROM ingest_errors e WHERE e.source_path = f.source_path"
        " AND length(e.message) > 40)",
    )
    assert unexplained == []
    assert files[DEEP_HTML][0] in ("loaded", "partial")
    # The good files' rows are all there: articles, and the comments of each.
    assert query(
        warehouse,
        "SELECT a.source_path, count(DISTINCT a.article_id), count(c.comment_id) FROM articles a "
        "LEFT JOIN comments c USING (article_id) "
        "WHERE a.source_path LIKE 'good/%' OR a.source_path = ? GROUP BY ALL ORDER BY 1",
        [SEED.name],
    ) == sorted(
        [
            (SEED.name, 1, 10),
            ("good/crawl.warc.gz", 3, 0),
            ("good/feed.jsonl", 2, 0),
            ("good/story-1.txt", 1, 3),
            ("good/story-2.txt", 1, 3),
        ]
    )


@pytest.mark.slow
def test_hostile_corpus_end_to_end(
    landing: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_corpus(landing)
    monkeypatch.setenv("CORPUS_MAX_EXPANDED_BYTES", str(CAP))
    monkeypatch.setenv("CORPUS_PARSE_TIMEOUT", "3")
    monkeypatch.setattr(ingest, "parse_one", faults.chaos)
    warehouse = tmp_path / "w" / "corpus.duckdb"

    warnings = build(landing, warehouse, capsys)
    assert sorted(w.split(":")[0] for w in warnings) == ["bad/b-oom.txt", "bad/c-stuck.txt"]
    assert_everything_accounted_for(landing, warehouse)

    # A crash left the manifest empty: mended from the batches, said in the log, and the files
    # that stopped a worker are answered from the quarantine, not parsed (they would be again).
    StagingStore(staging_dir_for(warehouse)).manifest_path.write_bytes(b"")
    warnings = build(landing, warehouse, capsys)
    assert warnings[0].startswith("manifest.parquet is damaged ("), warnings
    assert_everything_accounted_for(landing, warehouse)
    [(message,)] = query(
        warehouse, "SELECT message FROM ingest_errors WHERE source_path = 'bad/b-oom.txt'"
    )
    assert message.endswith("; it was not parsed again)")

    # The next build has nothing to mend, nothing to parse, and changes nothing.
    before = table_checksums(warehouse, include_run_times=False)
    assert build(landing, warehouse, capsys) == []
    assert table_checksums(warehouse, include_run_times=False) == before
