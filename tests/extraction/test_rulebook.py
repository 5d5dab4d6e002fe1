"""The shared rulebook's tables on their own: numbers as people write them, petition sentences and
counters, credits, comment counts, languages and site names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extraction import ids
from extraction.html.metadata import site_of as html_site_of
from extraction.rules import numbers, page, sites
from extraction.rules.language import page_language


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        ("80,000", None, 80_000),
        ("80,000", "en", 80_000),
        ("80.000", "de", 80_000),
        ("80.000", "it", 80_000),
        ("80.000", "en", None),  # a grouping or three decimals? An English page cannot say.
        ("80.000", None, None),
        ("80,000", "de", None),
        ("1.234.567", None, 1_234_567),  # two points cannot be a decimal point
        ("80 000", "fr", 80_000),
        ("80 000", "en", None),  # two numbers on an English page
        ("1.5k", None, 1_500),
        ("2,5k", "de", 2_500),
        ("12K", None, 12_000),
        ("2 million", None, 2_000_000),
        ("1.2m", None, 1_200_000),
        ("1,5 Millionen", "de", 1_500_000),
        ("2 Mio.", "de", 2_000_000),
        ("over a million", None, 1_000_000),
        ("a quarter million", None, 250_000),
        ("a quarter of a million", None, 250_000),
        ("half a million", None, 500_000),
        ("three quarters of a million", None, 750_000),
        ("two million", None, 2_000_000),
        ("more than 2 million", None, 2_000_000),
        ("57", None, 57),
        ("0", None, 0),
        ("1.5", None, None),  # nobody counts half a person
        ("Care2", None, None),
        ("two", None, None),
        ("million", None, None),
        ("", None, None),
    ],
)
def test_numbers_as_people_write_them(text: str, language: str | None, count: int | None) -> None:
    assert numbers.parse_count(text, language) == count


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_numbers_read_back_in_either_convention(value: int) -> None:
    english = f"{value:,}"
    assert numbers.parse_count(english) == value
    assert numbers.parse_count(english.replace(",", "."), "de") == value


@pytest.mark.parametrize(
    ("sentence", "language", "count"),
    [
        ("Over 80,000 concerned Care2 members have signed this petition", None, 80_000),
        ("Over 1.5k people have signed", None, 1_500),
        ("More than 2 million supporters have already signed", None, 2_000_000),
        ("Care2 members have signed", None, None),
        ("so far 1,240 people have signed it", None, 1_240),
        ("Over a million people have signed", None, 1_000_000),
        ("A quarter million people have signed", None, 250_000),
        ("Più di 110.000 persone hanno firmato la petizione", "it", 110_000),
        ("Über 80.000 Menschen haben bereits unterschrieben", "de", 80_000),
        # A story's account of another petition, in the past tense, is not this page's count.
        ("Last year 15,000 Care2 members signed a petition to the governor", None, None),
        ("Sign this petition now", None, None),
    ],
)
def test_petition_sentences(sentence: str, language: str | None, count: int | None) -> None:
    assert page.petition_signatures(sentence, language) == count


def test_petition_furniture_gives_counter_goal_target_and_button() -> None:
    facts = page.petition_facts(
        [
            "by: Care2 Team",
            "target: Minister",
            "152,347 supporters",
            "200,000 GOAL",
            "Sign Petition",
        ]
    )
    assert (facts.signatures, facts.goal, facts.target, facts.is_petition_page) == (
        152_347,
        200_000,
        "Minister",
        True,
    )
    progress = page.petition_facts(["346 of 400 Signatures"])
    assert (progress.signatures, progress.goal, progress.is_petition_page) == (346, 400, False)


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Photo credit: Warren Wong via Unsplash.", "Warren Wong via Unsplash"),
        ("Photograph by Sam Ortiz.", "Sam Ortiz"),
        ("Credit: NAME", "NAME"),
        ("Photo: Mia Chen", "Mia Chen"),
        ("Image courtesy of NASA", "NASA"),
        ("Illustration - Jane Doe", "Jane Doe"),
        ("Picture-in-Picture", None),  # a hyphenated word, not a marker
        ("Courtesy of the city, the park reopened", None),  # prose starts with it too
        ("Photo: Mia Chen. She smiles at the camera.", None),  # two sentences: a caption
        ("The tax credit: how it works", None),
    ],
)
def test_credit_lines(line: str, credit: str | None) -> None:
    assert page.credit_line(line) == credit
    assert page.is_furniture(line) == (credit is not None)


@pytest.mark.parametrize(
    ("line", "count"),
    [
        ("57 comments", 57),
        ("1,204 Comments", 1_204),
        ("1.2k comments", 1_200),
        ("Comments (57)", 57),
        ("Comments: 57", 57),
        ("3 thoughts on “Slugs, beer and other lies”", 3),
        ("One thought on “Ten years of the village orchard”", 1),
        ("No comments", 0),
        ("57 Kommentare", 57),
        ("Care2 comments", None),
        ("Leave a comment", None),
    ],
)
def test_comment_count_lines(line: str, count: int | None) -> None:
    assert page.declared_comment_count_line(line) == count


@pytest.mark.parametrize(
    ("declared", "text", "language"),
    [
        ("en-US", "", "en"),
        ("de_DE", "", "de"),
        (None, "Der Rat hat am Montag beschlossen, dass die Lampen nicht mehr und auch das", "de"),
        (
            None,
            "The council said that the lamps of the town have been switched off, and this",
            "en",
        ),
        (None, "Ok.", None),
    ],
)
def test_page_language(declared: str | None, text: str, language: str | None) -> None:
    assert page_language(declared, text) == language


@pytest.mark.parametrize(
    "url",
    [
        "http://[bad",
        "http://[::1",
        "not a url",
        "",
        "https://",
        "http://x.org:99999/",
        "ftp://x.org",
    ],
)
def test_site_names_never_raise_and_every_path_agrees(url: str) -> None:
    assert ids.site_of(url) == html_site_of(url) == sites.site_of(url)
    ids.article_id(url, None, "A title")  # stable, never raises


def test_bad_url_is_no_web_address_and_keeps_a_stable_id() -> None:
    assert not sites.is_web_address("http://[bad")
    assert sites.is_web_address("https://www.care2.com/causes/x.html")
    assert ids.canonical_url("http://[bad") == "http://[bad"
