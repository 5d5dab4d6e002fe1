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
from tests.hostile import faults, inputs
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

# The expanded-size cap for this corpus (CORPUS_MAX_EXPANDED_BYTES): small, so bombs stay small.
CAP = 4 * 1024 * 1024
WARC_TITLES = [("Ferry Returns",), ("Library Opens Late",), ("Market Moves",)]
FERRY, LIBRARY, MARKET = (page.record_id for page in inputs.three_page_warc()[1])


def damaged_warc(damage: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    """The three-page WARC, damaged; each file's pages on a site of its own (else one capture)."""
    return lambda path: path.write_bytes(damage(inputs.three_page_warc(f"{path.stem}.example")[0]))


def bomb_record_warc(path: Path) -> None:
    """A page served gzip-encoded that expands past the cap, between two good pages."""
    pages = inputs.three_page_warc("bomb.example")[1]
    pages[1] = inputs.WarcPage(
        LIBRARY, "https://bomb.example/library", inputs.gzip_bomb(2 * CAP), content_encoding="gzip"
    )
    path.write_bytes(inputs.warc(pages))


def two_copies_of_one_record(path: Path) -> None:
    pages = inputs.three_page_warc("twice.example")[1]
    path.write_bytes(inputs.warc([pages[0], pages[1], pages[0]]))


def good_line(n: int) -> dict[str, str]:
    return {"url": f"https://www.care2.com/a/{n}", "text": text_story("Line After Damage", "Fine.")}


def nested(depth: int) -> bytes:
    return (
        "<html><head><title>Deep Story</title></head><body><article><h1>Deep Story</h1>"
        + "<div>" * depth
        + "<p>The deepest paragraph still belongs to the story.</p>"
        + "</div>" * depth
        + "<p>The paragraph after the nesting belongs to it too.</p></article></body></html>"
    ).encode()


CASES.update(
    {
        "gzip_bomb": Case(
            "bomb.txt.gz",
            write_bytes(inputs.gzip_bomb(16 * CAP)),
            "rejected",
            0,
            [(None, "too_large")],
        ),
        "larger_than_the_cap": Case(
            "big.txt",
            write_bytes(b"Big Story\n\n" + b"word " * (CAP // 5 + 1)),
            "rejected",
            0,
            [(None, "too_large")],
        ),
        "gzipped_text": Case(
            "zipped.txt.gz",
            write_bytes(inputs.gz(text_story("Zipped Story", "Packed and unpacked.").encode())),
            "loaded",
            1,
            landed=[("Zipped Story", "Packed and unpacked.")],
        ),
        "multi_member_gzip": Case(
            "members.txt.gz",
            write_bytes(
                inputs.gz(b"Two Members\n\nFirst member,") + inputs.gz(b" second member.\n")
            ),
            "loaded",
            1,
            landed=[("Two Members", "First member, second member.")],
        ),
        "gzip_with_trailing_garbage": Case(
            "trailing.txt.gz",
            write_bytes(inputs.gz(text_story("Trailing", "Body.").encode()) + b"garbage"),
            "rejected",
            0,
            [(None, "corrupt_gzip")],
        ),
        "zero_byte_gzip": Case(
            "zero.txt.gz", write_bytes(b""), "rejected", 0, [(None, "empty_file")]
        ),
        "utf16_without_bom": Case(
            "utf16.txt",
            write_bytes(text_story("Wide Story", "Two bytes a letter.").encode("utf-16-le")),
            "rejected",
            0,
            [(None, "not_text")],
        ),
        "whitespace_only": Case(
            "blank.txt", write_bytes(b"  \n\t\n\r\n   "), "rejected", 0, [(None, "empty_file")]
        ),
        "html_without_a_title": Case(
            "untitled.html",
            write_bytes(b"<html><body><p>Nothing to call it.</p></body></html>"),
            "skipped",  # no title and no mark of an article: not an article page
            0,
            [(None, "not_an_article")],
        ),
        "html_nested_500_deep": Case(
            "deep.html",
            write_bytes(nested(500)),
            "loaded",
            1,
            landed=[
                (
                    "Deep Story",
                    "The deepest paragraph still belongs to the story.\n\n"
                    "The paragraph after the nesting belongs to it too.",
                )
            ],
        ),
        "jsonl_nested_too_deep": Case(
            "deep.jsonl",
            write_bytes(inputs.jsonl(inputs.deep_json_line(100_000), good_line(91))),
            "partial",
            1,
            [("1", "bad_json_line")],
            landed=[("Line After Damage", "Fine.")],
        ),
        "jsonl_lone_surrogate": Case(
            "surrogate.jsonl",
            write_bytes(
                b'{"url": "https://www.care2.com/a/8", '
                b'"text": "Broken \\ud800 Escape\\n\\nBody kept."}\n'
            ),
            "loaded",
            1,
            landed=[("Broken \ufffd Escape", "Body kept.")],
        ),
        "jsonl_array_line": Case(
            "array.jsonl",
            write_bytes(inputs.jsonl("[1, 2, 3]", good_line(92))),
            "partial",
            1,
            [("1", "bad_json_line")],
        ),
        "jsonl_without_page_content": Case(
            "nocontent.jsonl",
            write_bytes(inputs.jsonl({"url": "https://x.org/", "html": 5})),
            "rejected",
            0,
            [("1", "no_page_content")],
        ),
        "warc_content_length_too_small": Case(
            "short.warc",
            damaged_warc(lambda w: inputs.with_content_length(w, 1, -60)),
            "partial",
            3,
            [(LIBRARY, "bad_content_length")],
            landed=WARC_TITLES,
        ),
        "warc_content_length_too_big": Case(
            "long.warc",
            damaged_warc(lambda w: inputs.with_content_length(w, 0, +90)),
            "partial",
            3,
            [(FERRY, "bad_content_length")],
            landed=WARC_TITLES,
        ),
        "warc_gzipped_with_bad_length": Case(
            "bad.warc.gz",
            damaged_warc(lambda w: inputs.gz(inputs.with_content_length(w, 2, -30))),
            "partial",
            3,
            [(MARKET, "bad_content_length")],
            landed=WARC_TITLES,
        ),
        "warc_cut_short": Case(
            "cut.warc",
            damaged_warc(lambda w: w[:-150]),
            "partial",
            3,
            [(MARKET, "corrupt_warc")],
            landed=WARC_TITLES,
        ),
        "warc_junk_between_records": Case(
            "junk.warc",
            damaged_warc(
                lambda w: w.replace(b"\r\n\r\nWARC/1.0", b"\r\n\r\nnot a record\r\n\r\nWARC/1.0", 1)
            ),
            "partial",
            3,
            [(None, "corrupt_warc")],
            landed=WARC_TITLES,
        ),
        "warc_record_bomb": Case(
            "bomb.warc",
            bomb_record_warc,
            "partial",
            2,
            [(LIBRARY, "too_large")],
            landed=[("Ferry Returns",), ("Market Moves",)],
        ),
        "warc_record_twice": Case(
            "twice.warc", two_copies_of_one_record, "partial", 2, [(FERRY, "duplicate_record")]
        ),
        "warc_without_html": Case(
            "images.warc",
            write_bytes(
                inputs.warc(
                    [
                        inputs.WarcPage(
                            "<urn:uuid:0000-9>", "https://x.org/a.png", b"\x89PNG", "image/png"
                        )
                    ]
                )
            ),
            "rejected",
            0,
            [(None, "no_pages")],
        ),
    }
)


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
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CORPUS_MAX_EXPANDED_BYTES", str(CAP))
        result = build_warehouse(landing, target)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    yield target
    for case in CASES.values():  # let pytest clean up
        if (landing / case.path).exists() and not (landing / case.path).is_symlink():
            (landing / case.path).chmod(0o644)


def test_there_are_at_least_thirty_kinds() -> None:
    assert len(CASES) >= 30


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
        columns = "title, body_text" if len(case.landed[0]) == 2 else "title"
        assert query(
            warehouse,
            f"SELECT {columns} FROM articles WHERE source_path = ? ORDER BY title",
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
    # Filed under the dump, so that ingest_files joined to ingest_errors finds it; the message
    # names the sidecar.
    [(message,)] = query(
        warehouse,
        "SELECT e.message FROM ingest_files AS f JOIN ingest_errors AS e USING (source_path)"
        " WHERE f.source_path = 'sidecar.txt'",
    )
    assert message.startswith(
        "sidecar.txt.meta.json: sidecar is not valid JSON"
    ) and message.endswith("its metadata was ignored")


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
