"""The seed article (a Care2 page): exactly six quotes, attributed as a reader would."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extraction.quotes import QuoteSpan, extract_quotes

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seeds" / "000_27fd03fa2debc964.txt"
FIXTURE = REPO / "tests" / "fixtures" / "seed_000_27fd03fa2debc964_body.json"

EXPECTED = [
    QuoteSpan(
        "They burst in every 10 or 15 minutes shouting that I was gay and they would kill me,",
        "Maxim Lapunov",
        "he",
        "recalled",
        "BBC",
        "block",
    ),
    QuoteSpan(
        "Then they beat me with a stick for a long time: in the legs, ribs, buttocks and back. "
        "When I started to fall, they pulled me up and carried on,",
        "Maxim Lapunov",
        "he",
        "said",
        "BBC",
        "block",
    ),
    QuoteSpan(
        "Every day they assured me they would kill me, and told me how.",
        "Maxim Lapunov",
        None,
        None,
        "BBC",
        "block",
    ),
    QuoteSpan(
        "We don’t have those kinds of people here. We don’t have any gays.",
        "Ramzan Kadyrov",
        "he",
        "claimed",
        "The Independent",
        "block",
    ),
    QuoteSpan(
        "Take them far from us so we don’t have them at home. "
        "To purify our blood, if there are any here, take them.",
        "Ramzan Kadyrov",
        "Mr. Kadyrov",
        "advised",
        None,
        "direct",
    ),
    QuoteSpan("Nazi-era", None, None, None, None, "scare"),
]


def body_paragraphs_from_dump(text: str) -> list[str]:
    """Body paragraphs of the Care2 text layout: between the title and "Take Action!"."""
    lines = text.split("\n")
    end = lines.index("Take Action!")
    paragraphs = (re.sub(r"\s+", " ", line.replace("\u00a0", " ")).strip() for line in lines[1:end])
    return [p for p in paragraphs if p]


def fixture_paragraphs() -> list[str]:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return list(data["paragraphs"])


def test_seed_fixture_gives_exactly_the_six_expected_quotes() -> None:
    assert extract_quotes(fixture_paragraphs()) == EXPECTED


def test_seed_quote_texts_are_substrings_of_the_joined_body() -> None:
    body = "\n\n".join(fixture_paragraphs())
    for quote in extract_quotes(fixture_paragraphs()):
        assert quote.text in body


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed folder is not beside the repository")
def test_seed_dump_itself_gives_the_six_expected_quotes() -> None:
    paragraphs = body_paragraphs_from_dump(SEED.read_text(encoding="utf-8"))
    assert paragraphs == fixture_paragraphs()
    assert extract_quotes(paragraphs) == EXPECTED


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed folder is not beside the repository")
def test_seed_dump_without_collapsing_spaces_still_gives_six_quotes() -> None:
    # A pipeline may only swap NBSP for a space, leaving doubled spaces; texts must still match.
    text = SEED.read_text(encoding="utf-8").replace("\u00a0", " ")
    lines = text.split("\n")
    paragraphs = [line for line in lines[1 : lines.index("Take Action!")] if line.strip()]
    quotes = extract_quotes(paragraphs)
    assert [(q.speaker, q.outlet, q.kind) for q in quotes] == [
        (q.speaker, q.outlet, q.kind) for q in EXPECTED
    ]
