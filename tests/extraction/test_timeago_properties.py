"""Property tests: reading timeago phrases back, and splitting them off glued display names.

The oracle is a transcription of jQuery timeago's English `inWords` (forward direction) that the
corpus generator uses, written independently of the inverse rule under test.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from extraction.timeago import age_window, split_glued_name
from synth.model import timeago

# jQuery timeago's forward direction, as the synthetic corpus generator writes it; written apart
# from the inverse rule under test (extraction/timeago.py), so it serves as the oracle.
timeago_words = timeago


TEN_YEARS = 10 * 365 * 86400
distances = st.floats(min_value=0, max_value=TEN_YEARS, allow_nan=False)


@given(distances)
@example(44.999)
@example(45.0)
@example(90 * 60.0)
@example(42 * 3600.0)
@example(45 * 86400.0)
@example(1.5 * 365 * 86400)
def test_window_of_printed_phrase_contains_the_true_distance(seconds: float) -> None:
    window = age_window(timeago_words(seconds))
    assert window is not None
    assert window.lower <= timedelta(seconds=seconds) < window.upper + timedelta(microseconds=1)


@given(distances)
def test_window_is_tight_both_ends_print_the_same_phrase(seconds: float) -> None:
    phrase = timeago_words(seconds)
    window = age_window(phrase)
    assert window is not None
    assert timeago_words(window.lower.total_seconds()) == phrase
    assert timeago_words(window.upper.total_seconds() - 1e-3) == phrase
    assert timeago_words(window.upper.total_seconds() + 1e-3) != phrase


@given(distances)
def test_forms_with_and_without_about_and_ago_mean_the_same(seconds: float) -> None:
    phrase = timeago_words(seconds)
    bare = phrase.removesuffix(" ago").removeprefix("about ")
    assert age_window(bare) == age_window(phrase) == age_window(phrase.removesuffix(" ago"))


@pytest.mark.parametrize("text", ["", "ago", "yesterday", "about", "24 dayz ago", "Veronica D"])
def test_text_that_is_not_a_timeago_phrase_has_no_window(text: str) -> None:
    assert age_window(text) is None


first_names = st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True)
initials = st.from_regex(r"[A-Z]", fullmatch=True)
upper_words = st.from_regex(r"[A-Z]{2,8}", fullmatch=True)


@st.composite
def display_names(draw: st.DrawFn) -> tuple[str, str]:
    """(display name, label): Care2 shows "First L" under a label that is the name cut short."""
    words = [draw(st.one_of(first_names, upper_words)) for _ in range(draw(st.integers(1, 2)))]
    last = draw(st.one_of(first_names, upper_words))
    display = " ".join([*words, last[0]])
    label = " ".join([*words, last[: draw(st.integers(1, len(last)))]])
    return display, label


@given(display_names(), distances, st.booleans())
@example(("Veronica D", "Veronica Danie"), 35 * 86400, True)
@example(("Sara A", "Sara Abbott"), 35 * 86400, False)
@example(("Amy S", "Amy Sanders"), 30 * 3600, False)
def test_glued_name_splits_before_time_phrase(
    names: tuple[str, str], seconds: float, with_label: bool
) -> None:
    display, label = names
    phrase = timeago_words(seconds)
    split = split_glued_name(display + phrase, label if with_label else None)
    assert split is not None
    assert (split.author, split.posted_text) == (display, phrase)


def test_label_decides_between_two_valid_readings() -> None:
    # "R23 days ago" reads as "R" + "23 days ago" or "R2" + "3 days ago"; the label settles it.
    split = split_glued_name("R23 days ago", "R2")
    assert split is not None and (split.author, split.posted_text) == ("R2", "3 days ago")
