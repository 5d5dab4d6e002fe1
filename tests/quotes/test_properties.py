"""Properties of extract_quotes over generated bodies: spans never overlap, every text is a
substring of the joined body, and the output is deterministic."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.quotes import extract_quotes
from extraction.quotes.article import Article

FRAGMENTS = [
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    " ",
    ", ",
    ". ",
    ": ",
    "? ",
    "!",
    "\u00a0",
    "he said",
    "she told the Guardian",
    "said Helen Cho, who chairs the board",
    "Mr. Kadyrov advised",
    "according to Reuters",
    "The BBC reports:",
    "The Independent recounts:",
    "Maxim Lapunov",
    "Lapunov",
    "they",
    "I",
    "we",
    "Nazi-era",
    "photo op",
    "the book",
    "called",
    "We don’t have any gays",
    "Take them far from us",
    "in the words of one official",
    "so-called",
    "von der Leyen",
    "Dr.",
    "62",
    "—",
    "\n",
]

paragraph = st.lists(st.sampled_from(FRAGMENTS), min_size=0, max_size=25).map("".join)
bodies = st.lists(paragraph, min_size=0, max_size=6)


def _blockquotes(data: st.DataObject, size: int) -> frozenset[int]:
    indices = st.sets(st.integers(min_value=-1, max_value=size), max_size=3)
    return frozenset(data.draw(indices))


@settings(max_examples=300, deadline=None)
@given(bodies, st.data())
def test_every_span_text_is_a_substring_of_the_joined_body(
    paragraphs: list[str], data: st.DataObject
) -> None:
    body = "\n\n".join(paragraphs)
    for quote in extract_quotes(paragraphs, _blockquotes(data, len(paragraphs))):
        assert quote.text
        assert quote.text in body


@settings(max_examples=300, deadline=None)
@given(bodies, st.data())
def test_spans_never_overlap_and_come_in_reading_order(
    paragraphs: list[str], data: st.DataObject
) -> None:
    blockquotes = _blockquotes(data, len(paragraphs))
    raw = Article(paragraphs, blockquotes).quotes
    for before, after in itertools.pairwise(raw):
        assert before.end <= after.start
    body = "\n\n".join(paragraphs)
    cursor = 0
    for quote in extract_quotes(paragraphs, blockquotes):
        at = body.find(quote.text, cursor)
        assert at >= 0, "spans must follow one another without overlapping"
        cursor = at + len(quote.text)


@settings(max_examples=200, deadline=None)
@given(bodies, st.data())
def test_output_is_deterministic(paragraphs: list[str], data: st.DataObject) -> None:
    blockquotes = _blockquotes(data, len(paragraphs))
    first = extract_quotes(paragraphs, blockquotes)
    assert extract_quotes(list(paragraphs), blockquotes) == first
    assert extract_quotes(tuple(paragraphs), blockquotes) == first


@settings(max_examples=200, deadline=None)
@given(bodies)
def test_scare_quotes_never_carry_a_speaker(paragraphs: list[str]) -> None:
    for quote in extract_quotes(paragraphs):
        if quote.kind == "scare":
            assert quote.speaker is None and quote.outlet is None
        if quote.speaker_mention is not None and quote.speaker_mention.lower() in ("i", "we"):
            assert quote.speaker is None
