"""Outlet names keep a possessive that is part of the publication's own name (paraphrased
passages, invented for the shape)."""

from extraction.quotes import extract_quotes
from extraction.quotes.outlets import canonical_outlet


def test_inner_possessive_is_part_of_the_name() -> None:
    assert canonical_outlet("People's Daily", strict=True) == "The People's Daily"


def test_trailing_possessive_is_the_sentence_s() -> None:
    assert canonical_outlet("Wall Street Journal’s", strict=True) == "The Wall Street Journal"


def test_inner_possessive_outlet_credits_a_quote() -> None:
    quotes = extract_quotes(
        ["The state-run People's Daily newspaper said the talks were “a step forward.”"]
    )
    assert [(q.text, q.outlet, q.speaker) for q in quotes] == [
        ("a step forward.", "The People's Daily", None)
    ]
