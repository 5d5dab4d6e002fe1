"""Every input accounted for: a landing directory holding one file of each bad kind (and a good
dump beside them), built once through the real Dagster job. Each case states the exact outcome in
ingest_files and ingest_errors and, where something lands, exactly what landed."""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pytest

from tests.conftest import SEED, build_warehouse, query
from tests.hostile import faults
from warehouse import ingest

RUNNING_AS_ROOT = os.geteuid() == 0
HTML_EXTRACTION = importlib.util.find_spec("extraction.html") is not None


def text_story(title: str, body: str) -> str:
    return f"{title}\n\n{body}\n\nTake Action!\n\n3 comments\n"


@dataclass(frozen=True)
class Case:
    """One kind of bad input: how to make it, and what the warehouse must say about it."""

    path: str  # relative to the landing directory
    make: Callable[[Path], None]
    status: str | None  # ingest_files.status; None: the case checks it itself
    articles: int
    errors: list[tuple[str | None, str]] = field(default_factory=list)  # (record, error_kind)
    error_path: str | None = None  # where the error is filed, if not under `path`
    landed: list[tuple[object, ...]] | None = None  # (title, body_text) of what landed


def write_bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def symlink_loop(path: Path) -> None:
    path.symlink_to(path.name)


def dangling(path: Path) -> None:
    path.symlink_to("nowhere.txt")


def fifo(path: Path) -> None:
    os.mkfifo(path)


def unreadable(path: Path) -> None:
    path.write_text(text_story("Locked Story", "Nobody may read this."))
    path.chmod(0)


def bad_sidecar(path: Path) -> None:
    path.write_text(text_story("Sidecar Story", "The dump itself is fine."), encoding="utf-8")
    Path(f"{path}.meta.json").write_text(
        '{"captured_at": "2024-01-01T00:00:00Z", oops', encoding="utf-8"
    )


def jsonl_one_broken_line(path: Path) -> None:
    good = [
        {
            "url": "https://www.care2.com/a/1",
            "captured_at": "2024-02-01T00:00:00Z",
            "text": text_story("Good Line One", "First body."),
        },
        {
            "url": "https://www.care2.com/a/2",
            "captured_at": "2024-02-02T00:00:00Z",
            "text": text_story("Good Line Three", "Third body."),
        },
    ]
    path.write_text(
        json.dumps(good[0])
        + "\n"
        + '{"url": "https://www.care2.com/a/x", "text": "cut\n'
        + json.dumps(good[1])
        + "\n",
        encoding="utf-8",
    )


HUGE_WORDS = 400_000  # "word " * 400k: a 2.4 MB line with no line break
CUT_HTML = (
    b"<!DOCTYPE html><html><head><title>Cut Story</title></head><body><article><h1>Cut Story</h1>"
    b"<p>First paragraph survives.</p><p>Second paragraph is cut off mid-tag<di"
)

CASES: dict[str, Case] = {
    "empty_file": Case("empty.txt", write_bytes(b""), "rejected", 0, [(None, "empty_file")]),
    "binary_named_txt": Case(
        "photo.txt",
        write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16),
        "rejected",
        0,
        [(None, "not_text")],
    ),
    "cp1252_text": Case(
        "cp1252.txt",
        write_bytes(
            text_story(
                "Café owners say “enough” – prices up € 5", "The owners said “no more”."
            ).encode("cp1252")
        ),
        "loaded",
        1,
        landed=[("Café owners say “enough” – prices up € 5", "The owners said “no more”.")],
    ),
    "latin1_text": Case(
        "latin1.txt",
        write_bytes(
            text_story(
                "Señora Müller opens a café in Zürich", "Prices in £, ½ portions, ©2024."
            ).encode("latin-1")
        ),
        "loaded",
        1,
        landed=[("Señora Müller opens a café in Zürich", "Prices in £, ½ portions, ©2024.")],
    ),
    "utf8_with_bom": Case(
        "bom.txt",
        write_bytes(
            b"\xef\xbb\xbf" + text_story("Byte Order Mark Story", "Body after a BOM.").encode()
        ),
        "loaded",
        1,
        landed=[("Byte Order Mark Story", "Body after a BOM.")],
    ),
    "mixed_line_endings": Case(
        "mixed.txt",
        write_bytes(
            b"Mixed Endings Story\r\n\r\nFirst paragraph starts here\rand goes on.\n\n"
            b"Second paragraph.\r\n"
        ),
        "loaded",
        1,
        landed=[
            ("Mixed Endings Story", "First paragraph starts here and goes on.\n\nSecond paragraph.")
        ],
    ),
    # Decision: a page with a title and nothing else is a capture (a paywalled or emptied page); it
    # loads with an empty body and word_count 0, which is how analysts find such pages.
    "title_only": Case(
        "title-only.txt",
        write_bytes(b"Just A Headline\n"),
        "loaded",
        1,
        landed=[("Just A Headline", "")],
    ),
    "multi_megabyte_single_line": Case(
        "huge.txt", write_bytes(b"Huge Line Story\n\n" + b"word " * HUGE_WORDS), "loaded", 1
    ),
    "html_cut_mid_tag": Case("cut.html", write_bytes(CUT_HTML), None, 0),
    "corrupt_gzip": Case(
        "corrupt.txt.gz",
        write_bytes(gzip.compress(text_story("Gz", "Body").encode())[:25]),
        "rejected",
        0,
        [(None, "corrupt_gzip")],
    ),
    "gzip_not_gzip": Case(
        "fake.txt.gz", write_bytes(b"plain text, not gzip"), "rejected", 0, [(None, "corrupt_gzip")]
    ),
    "jsonl_one_broken_line": Case(
        "feed.jsonl",
        jsonl_one_broken_line,
        "partial",
        2,
        [("2", "bad_json_line")],
        landed=[("Good Line One", "First body."), ("Good Line Three", "Third body.")],
    ),
    "empty_jsonl": Case(
        "nothing.jsonl", write_bytes(b"\n\n"), "rejected", 0, [(None, "empty_file")]
    ),
    "malformed_sidecar": Case(
        "sidecar.txt",
        bad_sidecar,
        "partial",
        1,
        [(None, "bad_sidecar")],
        error_path="sidecar.txt.meta.json",
        landed=[("Sidecar Story", "The dump itself is fine.")],
    ),
    "name_with_spaces_and_non_ascii": Case(
        "Ünïcode story — draft 2 (copy).txt",
        lambda p: p.write_text(text_story("Named Oddly", "Fine body.")),
        "loaded",
        1,
        landed=[("Named Oddly", "Fine body.")],
    ),
    "symlink_loop": Case("loop.txt", symlink_loop, "rejected", 0, [(None, "symlink_loop")]),
    "dangling_symlink": Case("gone.txt", dangling, "rejected", 0, [(None, "unreadable")]),
    "fifo": Case("pipe.txt", fifo, "rejected", 0, [(None, "not_a_file")]),
    "unsupported_extension": Case(
        "notes.pdf", write_bytes(b"%PDF-1.4 ..."), "rejected", 0, [(None, "unsupported_format")]
    ),
    "orphan_sidecar": Case(
        "lost.txt.meta.json",
        write_bytes(b'{"url": "https://x.org/"}'),
        "rejected",
        0,
        [(None, "orphan_sidecar")],
    ),
}


def latin1_name(path: Path) -> None:
    """A name in latin-1 bytes, as an old archive extracts it: not valid UTF-8."""
    raw = os.fsencode(path.parent) + b"/caf\xe9 menu.txt"
    with open(raw, "wb") as out:
        out.write(text_story("Latin Name Story", "The name is not UTF-8.").encode())


CASES["name_not_utf8"] = Case(
    "caf\\xe9 menu.txt",
    latin1_name,
    "loaded",
    1,
    landed=[("Latin Name Story", "The name is not UTF-8.")],
)
if not RUNNING_AS_ROOT:  # root reads a chmod 000 file anyway; see test_unreadable_file
    CASES["unreadable"] = Case("locked.txt", unreadable, "rejected", 0, [(None, "unreadable")])


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bad_inputs")
    landing = root / "raw"
    landing.mkdir()
    shutil.copy(SEED, landing / SEED.name)
    for case in CASES.values():
        case.make(landing / case.path)
    target = root / "w" / "corpus.duckdb"
    result = build_warehouse(landing, target)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    yield target
    for case in CASES.values():  # let pytest clean up
        if (landing / case.path).exists() and not (landing / case.path).is_symlink():
            (landing / case.path).chmod(0o644)


def test_there_are_at_least_fifteen_kinds() -> None:
    assert len(CASES) >= 15


def test_every_file_is_in_ingest_files_and_nothing_else_is_lost(warehouse: Path) -> None:
    assert sorted(r[0] for r in query(warehouse, "SELECT source_path FROM ingest_files")) == sorted(
        [SEED.name, *(c.path for c in CASES.values())]
    )
    # The good dump among them loaded in full.
    assert query(
        warehouse, "SELECT status, articles FROM ingest_files WHERE source_path = ?", [SEED.name]
    ) == [("loaded", 1)]
    assert query(
        warehouse,
        "SELECT count(*) FROM comments c JOIN articles a USING (article_id) "
        "WHERE a.source_path = ?",
        [SEED.name],
    ) == [(10,)]
    # Articles are exactly what the cases say landed.
    assert query(warehouse, "SELECT sum(articles) FROM ingest_files") == query(
        warehouse, "SELECT count(*) FROM articles"
    )


def test_every_file_not_fully_loaded_has_an_actionable_error(warehouse: Path) -> None:
    rows = query(
        warehouse,
        "SELECT f.source_path, e.message FROM ingest_files f LEFT JOIN ingest_errors e "
        "ON e.source_path = f.source_path OR e.source_path = f.source_path || '.meta.json' "
        "WHERE f.status <> 'loaded'",
    )
    assert rows and all(message and len(message) > 20 for _, message in rows), rows


@pytest.mark.parametrize("kind", sorted(CASES))
def test_exact_outcome(warehouse: Path, kind: str) -> None:
    case = CASES[kind]
    [(status, articles, sha)] = query(
        warehouse,
        "SELECT status, articles, source_sha256 FROM ingest_files WHERE source_path = ?",
        [case.path],
    )
    errors = query(
        warehouse,
        "SELECT record, error_kind FROM ingest_errors WHERE source_path = ? "
        "ORDER BY record NULLS FIRST",
        [case.error_path or case.path],
    )
    if kind == "html_cut_mid_tag":
        # Until extraction.html is merged the page is recorded as unreadable for now; once it is,
        # the lenient HTML parser keeps what came before the cut.
        if HTML_EXTRACTION:
            assert (status, articles, errors) == ("loaded", 1, [])
            [(title, body)] = query(
                warehouse,
                "SELECT title, body_text FROM articles WHERE source_path = ?",
                [case.path],
            )
            assert title == "Cut Story" and "First paragraph survives." in body
        else:
            assert (status, articles, errors) == ("rejected", 0, [(None, "html_unavailable")])
        return
    assert (status, articles, errors) == (case.status, case.articles, case.errors)
    assert (sha is None) == (kind in {"symlink_loop", "dangling_symlink", "fifo", "unreadable"})
    if case.landed is not None:
        assert query(
            warehouse,
            "SELECT title, body_text FROM articles WHERE source_path = ? ORDER BY title",
            [case.path],
        ) == sorted(case.landed)


def test_multi_megabyte_line_lands_whole(warehouse: Path) -> None:
    assert query(
        warehouse,
        "SELECT title, word_count, length(body_text) FROM articles WHERE source_path = 'huge.txt'",
    ) == [("Huge Line Story", HUGE_WORDS, len("word " * HUGE_WORDS) - 1)]


def test_malformed_sidecar_leaves_the_dump_on_file_time(warehouse: Path) -> None:
    assert query(
        warehouse, "SELECT captured_at_source FROM articles WHERE source_path = 'sidecar.txt'"
    ) == [("file_mtime",)]
    [(message,)] = query(
        warehouse, "SELECT message FROM ingest_errors WHERE source_path = 'sidecar.txt.meta.json'"
    )
    assert message.startswith("sidecar is not valid JSON") and message.endswith(
        "its metadata was ignored"
    )


@pytest.mark.skipif(
    RUNNING_AS_ROOT, reason="running as root: chmod 000 does not stop root from reading"
)
def test_unreadable_file(warehouse: Path) -> None:
    assert query(
        warehouse, "SELECT message FROM ingest_errors WHERE source_path = 'locked.txt'"
    ) == [("permission denied: make the file readable by the pipeline's user",)]


def test_file_that_changes_while_being_read(
    landing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer appends just as the pipeline reads: the file is recorded, not half-loaded, and
    loads on the next build once it is stable. (Only the moment is staged; the append is real.)"""
    growing = landing / "growing.txt"
    growing.write_text(text_story("Growing Story", "The first part."))
    monkeypatch.setattr(ingest, "parse_one", partial(faults.appended_while_read, growing.name))
    target = tmp_path / "w" / "corpus.duckdb"
    assert build_warehouse(landing, target).success
    assert query(target, "SELECT status, articles, source_sha256 FROM ingest_files") == [
        ("rejected", 0, None)
    ]
    assert query(target, "SELECT error_kind, message FROM ingest_errors") == [
        (
            "changed_while_reading",
            "growing.txt changed while it was being read; it is read again on the next build "
            "once it is stable",
        )
    ]
    monkeypatch.undo()
    assert build_warehouse(landing, target).success
    assert query(target, "SELECT status, articles FROM ingest_files") == [("loaded", 1)]
    assert query(target, "SELECT count(*) FROM ingest_errors") == [(0,)]
