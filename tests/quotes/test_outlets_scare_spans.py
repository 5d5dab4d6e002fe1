"""Outlets, scare quotes and quotation spans on short invented passages (issue 12).

Each passage is written from a real reporting pattern, paraphrased; the expected rows are read
from the passage.
"""

from __future__ import annotations

from extraction.quotes import extract_quotes


def rows(*paragraphs: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(q.text, q.speaker, q.outlet, q.kind) for q in extract_quotes(paragraphs)]


def test_attribute_values_of_markup_left_in_a_body_are_no_quotations() -> None:
    # A social post embedded as a tag: its id and author values are markup, its text may quote.
    assert rows(
        '<tweet id="7001" author="@cityhall" datetime="2016-03-02">The “smart meter” rollout '
        "starts Monday</tweet>.",
        'Council member Rosa Lind called the levy "a disgrace," she said.',
    ) == [
        ("smart meter", None, None, "scare"),
        ("a disgrace,", "Rosa Lind", None, "direct"),
    ]


def test_markup_inside_an_open_straight_quotation_does_not_close_it() -> None:
    assert rows('"We read <a href="x.html">the memo</a> twice," Omar Haddad said.') == [
        ('We read <a href="x.html">the memo</a> twice,', "Omar Haddad", None, "direct"),
    ]


def test_a_short_phrase_in_a_sentence_about_speech_or_reporting_is_someone_s_words() -> None:
    # "speech", "reported": the phrase in marks is what was said, not the writer's scare quote.
    kinds = [
        [(q.text, q.kind) for q in extract_quotes([p])]
        for p in (
            "Her speech on the “forgotten families” drew cheers.",
            "Local radio reported “chaos” at the depot.",
        )
    ]
    assert kinds == [[("forgotten families", "direct")], [("chaos", "direct")]]
