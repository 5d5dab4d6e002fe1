"""Exact records for the one real sample: the Care2 page in data/raw."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from extraction.files import parse_path
from extraction.records import ParseResult
from extraction.textnorm import word_count
from tests.conftest import SEED

CAPTURED_AT = datetime(2017, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def seed_result(tmp_path_factory: pytest.TempPathFactory) -> ParseResult:
    landing = tmp_path_factory.mktemp("raw")
    dump = landing / "seed.txt"
    shutil.copy(SEED, dump)
    (landing / "seed.txt.meta.json").write_text(
        json.dumps(
            {
                "url": "https://www.care2.com/causes/brave-victim.html",
                "captured_at": "2017-11-20T12:00:00Z",
            }
        )
    )
    _, result = parse_path(dump, landing)
    return result


def test_seed_is_one_article_with_its_page_facts(seed_result: ParseResult) -> None:
    assert seed_result.errors == []
    [article] = seed_result.articles
    assert article.title == "Brave Victim of Chechnya’s Gay Purge Speaks Out"
    assert article.photo_credit == "Warren Wong via Unsplash"
    assert article.declared_comment_count == 57
    assert article.petition_signatures == 80000
    assert article.url == "https://www.care2.com/causes/brave-victim.html"
    assert article.site == "care2.com"
    assert article.captured_at == CAPTURED_AT
    assert article.captured_at_source == "sidecar"
    assert article.source_path == "seed.txt"
    assert article.source_format == "txt"


def test_seed_body_has_no_furniture_and_no_nbsp(seed_result: ParseResult) -> None:
    body = seed_result.articles[0].body_text
    paragraphs = body.split("\n\n")
    assert paragraphs[0] == (
        "A Siberia-born man and alleged victim of Chechnya’s anti-gay purge has come forward, "
        "providing horrifying insight into this human rights nightmare."
    )
    assert paragraphs[-1].startswith(
        "Over 80,000 concerned Care2 members have signed this petition calling"
    )
    assert seed_result.articles[0].paragraph_count == len(paragraphs) == 23
    for furniture in ("Take Action!", "Photo credit", "57 comments", "SEND", "Paulo R"):
        assert furniture not in body
    assert "\u00a0" not in body and "  " not in body
    # "man\u00a0and" must count as two words: the NBSP is a space.
    assert "man and alleged" in body
    assert seed_result.articles[0].word_count == word_count(body) == 740


def test_seed_comments_in_display_order_with_glued_names_split(seed_result: ParseResult) -> None:
    rows = [
        (c.position, c.author, c.author_label, c.posted_text, c.body, c.is_duplicate)
        for c in seed_result.comments
    ]
    assert rows == [
        (1, "Paulo R", "Paulo R", "24 days ago", "ty", False),
        (2, "Paulo R", "Paulo R", "24 days ago", "ty", True),
        (
            3,
            "Brandy S",
            "Brandy S",
            "about a month ago",
            "Ignorance and intolerance, what a great combo.",
            False,
        ),
        (
            4,
            "Laura R",
            "Laura R",
            "about a month ago",
            "Purify our blood??? OMG! That sounds so much like that of Nazi doctrine.",
            False,
        ),
        (5, "Veronica D", "Veronica Danie", "about a month ago", "Thank you so very much.", False),
        (6, "Veronica D", "Veronica Danie", "about a month ago", "Thank you so very much.", True),
        (7, "Veronica D", "Veronica Danie", "about a month ago", "Thank you so very much.", True),
        (8, "Sophie M", "Sophie M", "about a month ago", "Thank you for this.", False),
        (9, "Mike R", "Mike R", "about a month ago", "Very brave, previously signed.", False),
        (
            10,
            "ANA MARIJA R",
            "ANA MARIJA R",
            "about a month ago",
            '"To purify our blood"??! In 2017.? Good grief...',
            False,
        ),
    ]


def test_seed_duplicates_point_at_their_originals(seed_result: ParseResult) -> None:
    comments = seed_result.comments
    by_position = {c.position: c for c in comments}
    assert by_position[2].duplicate_of == by_position[1].comment_id
    assert by_position[6].duplicate_of == by_position[5].comment_id
    assert by_position[7].duplicate_of == by_position[5].comment_id
    assert sum(c.is_duplicate for c in comments) == 3
    assert len({c.author for c in comments}) == 7
    assert len({c.comment_id for c in comments}) == 10
    assert all(c.parent_comment_id is None for c in comments)


def test_seed_posting_windows_count_back_from_capture(seed_result: ParseResult) -> None:
    first, third = seed_result.comments[0], seed_result.comments[2]
    # "24 days ago": timeago rounds days, so 23.5 to 24.5 days before capture.
    assert first.posted_at_earliest == CAPTURED_AT - timedelta(days=24.5)
    assert first.posted_at_latest == CAPTURED_AT - timedelta(days=23.5)
    # "about a month ago": 30 to 45 days before capture.
    assert third.posted_at_earliest == CAPTURED_AT - timedelta(days=45)
    assert third.posted_at_latest == CAPTURED_AT - timedelta(days=30)


def test_written_by_line_under_the_title_is_the_byline(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("\n\n", "\n\nWritten by Steve Williams\n\n", 1)
    dump = tmp_path / "with_byline.txt"
    dump.write_text(text, encoding="utf-8")
    _, result = parse_path(dump, tmp_path)
    [article] = result.articles
    assert article.byline == "Steve Williams"
    assert not article.body_text.startswith("Written by")
    assert article.captured_at_source == "file_mtime"


def test_corpus_parse_prints_contract_json() -> None:
    completed = subprocess.run(
        [str(Path(sys.executable).with_name("corpus")), "parse", str(SEED)],
        capture_output=True,
        text=True,
        check=True,
    )
    output = json.loads(completed.stdout)
    assert set(output) == {"articles", "quotes", "comments", "errors"}
    [article] = output["articles"]
    assert article["title"] == "Brave Victim of Chechnya’s Gay Purge Speaks Out"
    assert (article["declared_comment_count"], article["petition_signatures"]) == (57, 80000)
    assert article["photo_credit"] == "Warren Wong via Unsplash"
    assert [c["author"] for c in output["comments"]][4:7] == ["Veronica D"] * 3
    assert output["comments"][4]["author_label"] == "Veronica Danie"
    assert output["comments"][4]["posted_text"] == "about a month ago"
    assert output["errors"] == []
    assert set(output["comments"][0]) == {
        "comment_id",
        "article_id",
        "position",
        "author",
        "author_label",
        "posted_text",
        "posted_at_earliest",
        "posted_at_latest",
        "body",
        "is_duplicate",
        "duplicate_of",
        "parent_comment_id",
        "word_count",
    }


def test_seed_quotes_with_speakers_outlets_and_kinds(seed_result: ParseResult) -> None:
    rows = [
        (q.position, q.kind, q.speaker, q.speaker_mention, q.verb, q.outlet)
        for q in seed_result.quotes
    ]
    assert rows == [
        (1, "block", "Maxim Lapunov", "he", "recalled", "BBC"),
        (2, "block", "Maxim Lapunov", "he", "said", "BBC"),
        (3, "block", "Maxim Lapunov", None, None, "BBC"),
        (4, "block", "Ramzan Kadyrov", "he", "claimed", "The Independent"),
        (5, "direct", "Ramzan Kadyrov", "Mr. Kadyrov", "advised", None),
        (6, "scare", None, None, None, None),
    ]
    texts = [q.text for q in seed_result.quotes]
    assert texts[2] == "Every day they assured me they would kill me, and told me how."
    assert texts[3] == "We don’t have those kinds of people here. We don’t have any gays."
    assert texts[4] == (
        "Take them far from us so we don’t have them at home. "
        "To purify our blood, if there are any here, take them."
    )
    assert texts[5] == "Nazi-era"
    body = seed_result.articles[0].body_text
    assert all(text in body for text in texts)
