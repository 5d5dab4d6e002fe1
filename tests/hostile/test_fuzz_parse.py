"""Property tests: random and adversarial bytes, markup, JSON and WARC through `parse_path` for
every format. Whatever comes in, the outcome is loaded, partial or rejected with a message a person
can act on (or skipped as no article, with its reason); every record can be staged; and the parse
stays within a bound on CPU time per MB and on memory (both generous: they catch blow-ups,
quadratic or worse, not noise).

`HYPOTHESIS_PROFILE=deep` runs many more examples than the suite's default."""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extraction.files import parse_path
from extraction.html.fallback import warm_up
from tests.hostile import inputs
from warehouse.staging import parse_file, write_batch

settings.register_profile(
    "suite", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "deep", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

CAP = 1024 * 1024  # expanded-size cap for these examples
# CPU seconds any parse may take, plus SECONDS_PER_MB for each MB it reads. Timed with tracemalloc
# on, which makes this parser's allocation-heavy work about 3x slower (a 2.6 kB WARC of three
# pages: 0.17 s without, 0.5 s with, 2.1 s with on a loaded machine), so the bound catches a
# super-linear blow-up (a 5,000-deep page once took 27 s) without failing on a busy machine.
SECONDS = 5.0
SECONDS_PER_MB = 30.0
MEMORY = 64 * 1024 * 1024  # Python memory any parse may hold, plus MEMORY_PER_BYTE per byte
MEMORY_PER_BYTE = 60

# --- pieces real pages are made of, to mix with noise ---------------------------------------

FURNITURE = [
    "Take Action!",
    "57 comments",
    "Photo credit: Thinkstock",
    "SEND",
    "Over 80,000 people have signed",
    "Paulo R24 days ago",
    "Veronica Danie",
    "“We will listen,” said Mayor Ana Silva.",
    '"Nazi-era" rules, he recalled.',
    "The BBC reports:",
    "\u00a0",
    "999999999999999999999 comments",
]
words = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=40)
lines = st.one_of(st.sampled_from(FURNITURE), words)
page_text = st.lists(lines, max_size=30).map("\n".join)

TAGS = [
    "div",
    "p",
    "article",
    "script",
    "style",
    "blockquote",
    "a",
    "time",
    "h1",
    "span",
    "ol",
    "li",
    "section",
    "footer",
    "b",
    "table",
    "td",
    "noscript",
    "template",
    "svg",
    "iframe",
]
ATTRS = ["class", "id", "datetime", "href", "itemprop", "style", "onclick", "content", "rel"]
ATTR_VALUES = [
    "comment",
    "comment-body",
    "fn",
    "entry-content",
    "2026-02-01T12:00:00+00:00",
    "javascript:alert(1)",
    '"><script>',
    "articleBody",
    "author",
    "x" * 300,
]


@st.composite
def markup(draw: st.DrawFn, depth: int = 0) -> str:
    """Tags, attributes, entities and text, often unbalanced, sometimes nested deeply."""
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        choice = draw(st.integers(0, 9))
        if choice < 4:
            parts.append(draw(lines).replace("<", "&lt;") if draw(st.booleans()) else draw(lines))
        elif choice < 8 and depth < 6:
            tag = draw(st.sampled_from(TAGS))
            attrs = "".join(
                f' {draw(st.sampled_from(ATTRS))}="{draw(st.sampled_from(ATTR_VALUES))}"'
                for _ in range(draw(st.integers(0, 2)))
            )
            close = f"</{tag}>" if draw(st.integers(0, 4)) else ""
            parts.append(f"<{tag}{attrs}>{draw(markup(depth + 1))}{close}")
        elif choice == 8:
            parts.append(
                draw(
                    st.sampled_from(
                        [
                            "&amp;",
                            "&#0;",
                            "&#99999999;",
                            "&nbsp;",
                            "&bogus",
                            "<!--",
                            "-->",
                            "<![CDATA[",
                            "<!DOCTYPE x [",
                            "</",
                        ]
                    )
                )
            )
        else:
            n = draw(st.integers(1, 3000))
            parts.append("<div>" * n + draw(lines) + "</div>" * draw(st.integers(0, n)))
    return "".join(parts)


@st.composite
def html_page(draw: st.DrawFn) -> bytes:
    head = draw(
        st.sampled_from(
            [
                "",
                "<title>",
                "<title>Storm Damage Report</title>",
                '<meta charset="utf-16">',
                '<meta charset="bogus">',
            ]
        )
    )
    body = draw(markup())
    encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-16"]))
    return f"<html><head>{head}</head><body>{body}</body></html>".encode(encoding, "replace")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | words,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(words, inner, max_size=4),
    max_leaves=12,
)
FIELDS = ["url", "captured_at", "html", "text", "site", "published_at"]


@st.composite
def jsonl_file(draw: st.DrawFn) -> bytes:
    out = []
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.integers(0, 5))
        if kind == 0:
            out.append(draw(st.binary(max_size=200)))
        elif kind == 1:
            out.append(inputs.deep_json_line(draw(st.integers(1, 50_000))).encode())
        elif kind == 2:
            out.append(json.dumps(draw(json_values)).encode())
        else:
            record = {
                name: draw(st.one_of(json_values, page_text, markup()))
                for name in draw(st.lists(st.sampled_from(FIELDS), unique=True))
            }
            line = json.dumps(record)
            if draw(st.booleans()):  # escapes that decode to lone surrogates
                line = line.replace("a", "\\ud800", 1)
            out.append(line.encode())
    return b"\n".join(out)


@st.composite
def warc_file(draw: st.DrawFn) -> bytes:
    """Real records from warcio's writer, then damaged: lengths off, cut, junk spliced in."""
    pages = [
        inputs.WarcPage(
            f"<urn:uuid:f-{n}>",
            f"https://fuzz.example/{n}",
            draw(st.one_of(html_page(), st.binary(max_size=300))),
            draw(st.sampled_from(["text/html", "text/html; charset=latin-1", "image/png", ""])),
        )
        for n in range(draw(st.integers(0, 4)))
    ]
    data = inputs.warc(pages)
    for record in draw(st.lists(st.integers(0, len(pages) - 1), max_size=2)) if pages else []:
        data = inputs.with_content_length(data, record, draw(st.integers(-400, 400)))
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(data)))
        if draw(st.booleans()):
            data = data[:at]
        else:
            data = data[:at] + draw(st.binary(max_size=64)) + data[at:]
    return data


def wrapped(data: st.SearchStrategy[bytes]) -> st.SearchStrategy[tuple[bytes, bool]]:
    """(bytes, gzipped): plain, gzipped, or gzipped and cut short."""
    return st.tuples(data, st.integers(0, 3)).map(
        lambda pair: (
            (pair[0], False)
            if pair[1] < 2
            else (gzip.compress(pair[0], mtime=0)[: None if pair[1] == 2 else -5], True)
        )
    )


# --- the property ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch directory, once every extractor is imported (imports are not what is timed)."""
    path = tmp_path_factory.mktemp("fuzz")
    warm = path / "warm.html"
    warm.write_bytes(inputs.article_html("Warm Up", "Imports done.").encode())
    parse_path(warm, path)
    warm_up()  # the fallback extractor, which only unsure pages import
    return path


def storable(value: object) -> bool:
    return not isinstance(value, str) or value.encode("utf-8", "strict") is not None


def assert_sound_outcome(workdir: Path, name: str, data: bytes, gzipped: bool) -> None:
    path = workdir / (name + (".gz" if gzipped else ""))
    path.write_bytes(data)
    tracemalloc.start()
    started = time.process_time()
    try:
        _, result = parse_path(path, workdir, max_expanded_bytes=CAP)
        seconds = time.process_time() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    megabytes = len(data) / 1e6 * (8 if gzipped else 1)  # what it may expand to (capped anyway)
    assert seconds <= SECONDS + SECONDS_PER_MB * megabytes, (seconds, len(data))
    assert peak <= MEMORY + MEMORY_PER_BYTE * len(data) * (8 if gzipped else 1), peak
    assert result.status in ("loaded", "partial", "rejected", "skipped")
    assert (result.status in ("rejected", "skipped")) == (not result.pages)
    if result.status != "loaded":  # loaded may still say which pages were no article
        assert result.errors
    for error in result.errors:
        assert error.error_kind and len(error.message) > 20, error
    for record in [*result.articles, *result.quotes, *result.comments, *result.errors]:
        assert all(storable(v) for v in dataclasses.astuple(record)), record
    # ...and the staging store takes every record as it is (no file rejected for its records).
    staged, parsed = parse_file(path, workdir, CAP)
    [written] = write_batch([(staged, parsed)], workdir / "staging", datetime.now(UTC))
    assert written.problems == () and written.status == result.status


@given(data=wrapped(st.one_of(st.binary(max_size=4096), page_text.map(str.encode))))
def test_any_text_dump(workdir: Path, data: tuple[bytes, bool]) -> None:
    assert_sound_outcome(workdir, "dump.txt", *data)


@given(data=wrapped(st.one_of(st.binary(max_size=4096), html_page())))
def test_any_html_page(workdir: Path, data: tuple[bytes, bool]) -> None:
    assert_sound_outcome(workdir, "page.html", *data)


@given(data=wrapped(jsonl_file()))
def test_any_json_lines(workdir: Path, data: tuple[bytes, bool]) -> None:
    assert_sound_outcome(workdir, "feed.jsonl", *data)


@given(data=wrapped(warc_file()))
def test_any_warc(workdir: Path, data: tuple[bytes, bool]) -> None:
    assert_sound_outcome(workdir, "crawl.warc", *data)


@given(
    name=st.sampled_from(["bomb.txt.gz", "bomb.html.gz", "bomb.jsonl.gz", "bomb.warc.gz"]),
    expanded=st.integers(CAP + 1, 8 * CAP),
)
@settings(max_examples=8)
def test_any_bomb_is_rejected_at_the_cap(workdir: Path, name: str, expanded: int) -> None:
    (workdir / name).write_bytes(inputs.gzip_bomb(expanded, b"a"))
    tracemalloc.start()
    try:
        _, result = parse_path(workdir / name, workdir, max_expanded_bytes=CAP)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [(e.record, e.error_kind) for e in result.errors] == [(None, "too_large")]
    # the chunks read up to the cap (plus one chunk and gzip's buffers), never the expansion
    assert peak < CAP + 4 * 1024 * 1024, peak


@given(
    pages=st.lists(
        st.sampled_from(["Ferry", "Library", "Market", "Harbour"]),
        min_size=1,
        max_size=4,
        unique=True,
    ),
    damage=st.data(),
)
def test_every_wrong_content_length_is_reported_and_its_page_kept(
    workdir: Path, pages: list[str], damage: st.DataObject
) -> None:
    """Lengths too big or too small, on any records: one bad_content_length row per damaged
    record, and every page still lands whole."""
    records = [
        inputs.WarcPage(
            f"<urn:uuid:p-{n}>",
            f"https://lengths.example/{n}",
            inputs.article_html(f"{title} Story", f"All about the {title}.").encode(),
        )
        for n, title in enumerate(pages)
    ]
    data = inputs.warc(records)
    deltas = {
        index: damage.draw(st.integers(-150, 150).filter(bool), label=f"delta of record {index}")
        for index in sorted(damage.draw(st.sets(st.integers(0, len(pages) - 1))))
    }
    for index, delta in deltas.items():
        data = inputs.with_content_length(data, index, delta)
    (workdir / "lengths.warc").write_bytes(data)
    _, result = parse_path(workdir / "lengths.warc", workdir, max_expanded_bytes=CAP)
    assert sorted(a.title for a in result.articles) == sorted(f"{t} Story" for t in pages)
    last = len(pages) - 1
    # One to four bytes too many only reach into the blank lines that close every record:
    # harmless, and no reader can tell. Too many on the last record run past the end of the file.
    expected = [
        (records[i].record_id, "corrupt_warc" if i == last and d > 0 else "bad_content_length")
        for i, d in deltas.items()
        if not 1 <= d <= 4
    ]
    assert sorted((e.record, e.error_kind) for e in result.errors) == sorted(expected)
