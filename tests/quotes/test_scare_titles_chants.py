"""Titles, chants and scare quotes on short invented passages (issue 12).

Each passage is written from a real reporting pattern, paraphrased; the expected kinds are read
from the passage: words somebody said or wrote are quotations ("direct"), a work's or a thing's
name is no quotation, a phrase the writer holds at arm's length is a scare quote.
"""

from __future__ import annotations

from extraction.quotes import extract_quotes


def kinds(paragraph: str) -> list[tuple[str, str]]:
    return [(q.text, q.kind) for q in extract_quotes([paragraph])]


def test_a_lower_case_phrase_after_a_title_cue_is_somebody_s_words() -> None:
    # "program", "called" precede names of works, but a quotation opening in lower case runs on
    # in a sentence: it is what somebody said.
    assert kinds("The governor said the pilot program “is already saving lives.”") == [
        ("is already saving lives.", "direct")
    ]
    assert kinds("Ortiz spent the spring on what she called “a listening tour of the valley.”") == [
        ("a listening tour of the valley.", "direct")
    ]


def test_a_name_with_a_leading_article_after_a_title_cue_stays_a_name() -> None:
    assert kinds("The cafe, known to regulars as “the Lighthouse” since 1990, closed.") == []


def test_chants_are_what_a_crowd_said() -> None:
    assert kinds("Supporters chanted “Four more years!” as the mayor left the stage.") == [
        ("Four more years!", "direct")
    ]
    assert kinds("Students met the senator with chants of “Cancel the debt” outside the hall.") == [
        ("Cancel the debt", "direct")
    ]
    assert kinds("Marchers carried a banner reading “Water is a right” down Main Street.") == [
        ("Water is a right", "direct")
    ]


def test_a_sentence_in_marks_after_a_title_cue_is_somebody_s_words() -> None:
    # "campaign" precedes names of works; a quotation of more than ten words not in title case
    # is a sentence somebody wrote.
    assert kinds(
        "According to the Lund campaign, “The rally will be held at the county fairground on "
        "Saturday evening.”"
    ) == [("The rally will be held at the county fairground on Saturday evening.", "direct")]


def test_naming_by_a_person_quotes_them_naming_by_a_thing_names() -> None:
    assert kinds("Within an hour he called Ortiz “Sleepy Dan” twice.") == [("Sleepy Dan", "direct")]
    assert kinds("Voters had lost what had been called the “Early Week” of voting.") == [
        ("Early Week", "direct")
    ]
    assert kinds("A troupe in Lima staged a comedy called “The Tower” last spring.") == []


def test_words_for_words_introduce_a_quotation_in_title_case() -> None:
    assert kinds("The vigil had one message: “Never Again.”") == [("Never Again.", "direct")]
    assert kinds("Both men wore shirts that read “Vote Them Out.”") == [
        ("Vote Them Out.", "direct")
    ]


def test_a_labelled_phrase_before_a_noun_stays_a_scare_quote() -> None:
    assert kinds("Prisoners faced what has been labeled “medieval” treatment.") == [
        ("medieval", "scare")
    ]


def test_a_phrase_before_a_noun_for_something_said_is_what_was_said() -> None:
    assert kinds("Pundits replayed Ortiz’s “open borders” remark all week.") == [
        ("open borders", "direct")
    ]


def test_a_short_phrase_in_a_sentence_that_argues_or_mentions_is_someone_s_words() -> None:
    assert kinds("Critics argue that the council must “slow down” before the vote.") == [
        ("slow down", "direct")
    ]
    assert kinds("The narrator mentions “secret accounts” over footage of a shredder.") == [
        ("secret accounts", "direct")
    ]
