"""Exact attributions for the reporting shapes speakers16 fixed (issue #12).

The passages are invented, written after patterns seen in news reporting; each expected row was
written from reading the passage: (text, speaker, speaker_mention, outlet, kind).
"""

from __future__ import annotations

import pytest

from extraction.quotes import extract_quotes

Row = tuple[str, str | None, str | None, str | None, str]
PASSAGES: dict[str, tuple[list[str], list[Row]]] = {
    # A quotation opened with a straight mark and closed with a curly one, followed in the same
    # paragraph by one opened straight: the curly mark closes the first.
    "straight_open_curly_close_before_next_straight_quote": (
        [
            'Early ballots are arriving. "Early voting makes the race harder for small '
            "campaigns to win,\u201d said Rosa Quint, a spokeswoman for the committee. "
            '"Some of them will run out of money by March."'
        ],
        [
            (
                "Early voting makes the race harder for small campaigns to win,",
                "Rosa Quint",
                "Rosa Quint",
                None,
                "direct",
            ),
            ("Some of them will run out of money by March.", "Rosa Quint", None, None, "direct"),
        ],
    ),
    # A curly quotation nested in a straight one is no closer of it.
    "curly_quotation_nested_in_straight_one": (
        [
            '"He told me \u201cnever again\u201d and walked out," said Rosa Quint. '
            '"Then he came back."'
        ],
        [
            (
                "He told me \u201cnever again\u201d and walked out,",
                "Rosa Quint",
                "Rosa Quint",
                None,
                "direct",
            ),
            ("Then he came back.", "Rosa Quint", None, None, "direct"),
        ],
    ),
    # An inverted verb after an opening phrase, its subject introducing the quotation by a colon.
    "inverted_verb_then_name_before_colon": (
        ["Asked about cuts, explained Karl Ostrander: \u201cThe budget is already spent.\u201d"],
        [("The budget is already spent.", "Karl Ostrander", "Karl Ostrander", None, "direct")],
    ),
    # A capitalised office with an "of" complement before the name: the name is the speaker.
    "office_of_complement_then_name": (
        [
            "Secretary of Commerce Lena Vasquez said the agreement was \u201ca real step "
            "forward.\u201d"
        ],
        [("a real step forward.", "Lena Vasquez", "Lena Vasquez", None, "direct")],
    ),
    "office_of_the_complement_then_honorific_and_name": (
        ["Speaker of the Assembly Rep. Owen Marsh said: \u201cWe will not allow this.\u201d"],
        [("We will not allow this.", "Owen Marsh", "Rep. Owen Marsh", None, "direct")],
    ),
    # "of" with no name after it stays a description: no one is named.
    "office_of_complement_without_name_names_no_one": (
        ["Members of Congress said: \u201cWe will not allow this.\u201d"],
        [("We will not allow this.", None, "Members of Congress", None, "direct")],
    ),
    # A role after the name with no closing comma before the verb: the name is the speaker.
    "unclosed_apposition_role_before_verb": (
        [
            "Ana Ruiz, president and CEO of the Harbor Association stated, \u201cIt is not a "
            "political problem.\u201d"
        ],
        [("It is not a political problem.", "Ana Ruiz", "Ana Ruiz", None, "direct")],
    ),
    # A closed apposition still works as before.
    "closed_apposition_role_before_verb": (
        ["Ana Ruiz, the mayor, said: \u201cIt is not a political problem.\u201d"],
        [("It is not a political problem.", "Ana Ruiz", "Ana Ruiz", None, "direct")],
    ),
    # The same office after an inverted verb.
    "inverted_verb_then_office_of_complement_and_name": (
        ["\u201cWe will not allow this,\u201d said Secretary of Commerce Lena Vasquez."],
        [("We will not allow this,", "Lena Vasquez", "Lena Vasquez", None, "direct")],
    ),
    # "said NAME of NAME2": the words are the first person's, about the second.
    "inverted_verb_person_of_person_is_the_first": (
        ["\u201cHe is a decent man,\u201d said Tom Hardy of Gov. Ann Weller."],
        [("He is a decent man,", "Tom Hardy", "Tom Hardy", None, "direct")],
    ),
}


@pytest.mark.parametrize("name", sorted(PASSAGES))
def test_passage_gives_exactly_the_expected_attributions(name: str) -> None:
    paragraphs, expected = PASSAGES[name]
    got = [
        (q.text, q.speaker, q.speaker_mention, q.outlet, q.kind) for q in extract_quotes(paragraphs)
    ]
    assert got == expected
