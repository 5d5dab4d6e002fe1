"""The generator as an oracle: a warehouse built from a synthetic corpus shows exactly the totals
the generator wrote beside it, article by article."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from warcio.archiveiterator import ArchiveIterator

from extraction.files import parse_path
from synth import synthesize
from tests.conftest import build_warehouse, query

ARTICLES = 120
SEED = 9  # a seed whose 120 articles include a page of 500+ comments and re-captures


@pytest.fixture(scope="module")
def corpus(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, Any], list[dict[str, Any]]]:
    out = tmp_path_factory.mktemp("synth")
    synthesize(ARTICLES, SEED, out, ("txt", "jsonl"), workers=1)
    expected = json.loads((out / "expected.json").read_text(encoding="utf-8"))
    rows = [
        json.loads(line)
        for line in (out / "expected_articles.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    return out, expected, rows


@pytest.fixture(scope="module")
def warehouse(
    corpus: tuple[Path, dict[str, Any], list[dict[str, Any]]],
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    out, _, _ = corpus
    target = tmp_path_factory.mktemp("wh") / "corpus.duckdb"
    result = build_warehouse(out / "raw", target, workers=2)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    return target


def test_corpus_has_the_realistic_shapes(
    corpus: tuple[Path, dict[str, Any], list[dict[str, Any]]],
) -> None:
    _, expected, rows = corpus
    counts = sorted(r["captured_comments"] for r in rows)
    assert counts[len(counts) // 2] <= 10  # most pages show few comments
    assert expected["max_comments_on_a_page"] >= 100  # a few show hundreds or thousands
    assert expected["duplicate_comments"] > 0
    assert expected["captures"] > expected["articles"]  # re-captures and duplicate dumps
    assert set(expected["files_by_format"]) == {"txt", "jsonl"}
    assert any(r["url"] is None for r in rows)  # dumps without a sidecar


def test_warehouse_totals_match_the_generator(
    corpus: tuple[Path, dict[str, Any], list[dict[str, Any]]], warehouse: Path
) -> None:
    _, expected, _ = corpus
    totals = query(
        warehouse,
        """
        SELECT
            (SELECT count(*) FROM ingest_files),
            (SELECT count(*) FROM ingest_files WHERE status = 'loaded'),
            (SELECT count(*) FROM ingest_errors),
            (SELECT count(*) FROM article_captures),
            (SELECT count(*) FROM articles),
            (SELECT count(*) FROM comments),
            (SELECT count(*) FROM comments WHERE NOT is_duplicate),
            (SELECT count(*) FROM comments WHERE is_duplicate),
            (SELECT sum(declared_comment_count) FROM articles),
            (SELECT sum(petition_signatures) FROM articles),
            (SELECT count(petition_signatures) FROM articles),
            (SELECT count(byline) FROM articles),
            (SELECT count(photo_credit) FROM articles),
            (SELECT sum(paragraph_count) FROM articles),
            (SELECT sum(word_count) FROM articles)
        """,
    )[0]
    assert totals == (
        expected["files"],
        expected["files"],
        expected["ingest_errors"],
        expected["captures"],
        expected["articles"],
        expected["comments"],
        expected["distinct_comments"],
        expected["duplicate_comments"],
        expected["declared_comments"],
        expected["petition_signatures"],
        expected["articles_with_petition"],
        expected["bylines"],
        expected["photo_credits"],
        expected["paragraphs"],
        expected["words"],
    )
    by_site = query(
        warehouse,
        "SELECT a.site, count(DISTINCT a.article_id), count(DISTINCT c.author) FROM articles a"
        " LEFT JOIN comments c USING (article_id) GROUP BY 1 ORDER BY 1",
    )
    assert by_site == [
        (site, expected["articles_by_site"][site], expected["unique_commenters_by_site"][site])
        for site in sorted(expected["articles_by_site"])
    ]


def test_every_article_matches_its_expectation(
    corpus: tuple[Path, dict[str, Any], list[dict[str, Any]]], warehouse: Path
) -> None:
    _, _, rows = corpus
    got = {
        r[0]: r[1:]
        for r in query(
            warehouse,
            "SELECT e.title, e.url, e.site, a.byline, e.declared_comments, e.captured_comments,"
            " e.distinct_comments, e.duplicate_comments, e.unique_commenters,"
            " e.petition_signatures, a.paragraph_count, a.word_count,"
            " (SELECT count(*) FROM article_captures c WHERE c.article_id = e.article_id)"
            " FROM article_engagement e JOIN articles a USING (article_id)",
        )
    }
    want = {
        r["title"]: (
            r["url"],
            r["site"],
            r["byline"],
            r["declared_comments"],
            r["captured_comments"],
            r["distinct_comments"],
            r["duplicate_comments"],
            r["unique_commenters"],
            r["petition_signatures"],
            r["paragraph_count"],
            r["word_count"],
            r["captures"],
        )
        for r in rows
    }
    assert got == want


def test_comment_time_windows_hold_the_generated_wording(warehouse: Path) -> None:
    # Every glued name was split and every timeago phrase read back into a window.
    assert query(
        warehouse,
        "SELECT count(*) FROM comments WHERE posted_at_earliest IS NULL"
        " OR posted_at_latest <= posted_at_earliest"
        " OR author_label IS NULL OR NOT starts_with(author_label, author)",
    ) == [(0,)]


def test_same_seed_same_bytes_any_worker_count(tmp_path: Path) -> None:
    def digest(root: Path) -> str:
        h = hashlib.sha256()
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
        return h.hexdigest()

    synthesize(40, 5, tmp_path / "a", FORMATS_ALL, workers=1)
    synthesize(40, 5, tmp_path / "b", FORMATS_ALL, workers=2)
    synthesize(40, 6, tmp_path / "c", FORMATS_ALL, workers=1)
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    assert digest(tmp_path / "a") != digest(tmp_path / "c")


FORMATS_ALL = ("txt", "html", "jsonl", "warc")


def test_html_and_warc_carry_the_wordpress_comment_markup(tmp_path: Path) -> None:
    # HTML extraction is merged later; until then check the markup itself against the expectations.
    synthesize(60, 3, tmp_path, ("html", "warc"), workers=1)
    rows = {
        json.loads(line)["title"]: json.loads(line)
        for line in (tmp_path / "expected_articles.jsonl").read_text(encoding="utf-8").splitlines()
    }
    pages: list[bytes] = [
        p.read_bytes() for p in sorted((tmp_path / "raw" / "html").rglob("*.html"))
    ]
    for warc in sorted((tmp_path / "raw" / "warc").rglob("*.warc.gz")):
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response":
                    assert record.rec_headers.get_header("WARC-Target-URI").startswith("https://")
                    pages.append(record.content_stream().read())
    newest: dict[str, int] = {}
    replies = 0
    for page in pages:
        tree = BeautifulSoup(page, "lxml")
        title = tree.select_one("h1.entry-title").get_text()
        items = tree.select("ol.comment-list li.comment")
        for item in items:
            assert item.select_one(".comment-author .fn").get_text()
            assert item.select_one("time[datetime]")["datetime"].endswith("Z")
            assert item.select(".comment-content p")
        replies += len(tree.select("ol.children > li.comment"))
        newest[title] = max(newest.get(title, 0), len(items))
    assert newest == {t: r["captured_comments"] for t, r in rows.items()}
    assert replies > 0


def test_text_dumps_have_the_care2_layout(
    corpus: tuple[Path, dict[str, Any], list[dict[str, Any]]],
) -> None:
    out, _, _ = corpus
    text = "".join(
        p.read_text(encoding="utf-8") for p in sorted((out / "raw" / "txt").rglob("*.txt"))
    )
    for feature in (
        "\u00a0",
        "\nWritten by ",
        "\nTake Action!\n",
        " have signed this petition",
        " reports:\n",
        "\nPhoto credit: ",
        " comments\n",
        "\nSEND\n",
        "about a month ago\n",
    ):
        assert feature in text, feature
    sample = next(
        p
        for p in sorted((out / "raw" / "txt").rglob("*.txt"))
        if "SEND" in p.read_text(encoding="utf-8")
    )
    _, result = parse_path(sample)
    assert not result.errors and result.comments


def test_every_format_lands_with_the_generators_totals(tmp_path: Path) -> None:
    """Text, saved HTML, JSON Lines and WARC together: the same totals the generator wrote.
    (Per-article rows are compared on text formats above: an HTML page carries its canonical URL
    even without a sidecar, which the generator's per-article expectation does not model yet; and
    its reply total counts threading in every rendering, while text captures show none.)"""
    out = tmp_path / "synth"
    synthesize(80, SEED, out, ("txt", "html", "jsonl", "warc"), workers=1)
    expected = json.loads((out / "expected.json").read_text(encoding="utf-8"))
    assert set(expected["files_by_format"]) == {"txt", "html", "jsonl", "warc"}
    warehouse = tmp_path / "corpus.duckdb"
    result = build_warehouse(out / "raw", warehouse, workers=2)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    assert query(
        warehouse,
        "SELECT (SELECT count(*) FROM articles), count(*),"
        " count(*) FILTER (WHERE NOT is_duplicate),"
        " count(*) FILTER (WHERE is_duplicate) FROM comments",
    ) == [
        (
            expected["articles"],
            expected["comments"],
            expected["distinct_comments"],
            expected["duplicate_comments"],
        )
    ]
    assert query(warehouse, "SELECT DISTINCT status FROM ingest_files") == [("loaded",)]
    assert query(warehouse, "SELECT count(*) FROM ingest_errors") == [(expected["ingest_errors"],)]
