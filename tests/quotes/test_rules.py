"""The rule tables on their own: well-formed, and each pattern doing what its name says."""

from __future__ import annotations

import re

import pytest

from extraction.quotes import extract_quotes, rules
from extraction.quotes.outlets import canonical_outlet, inline_outlet, lead_in_outlet


def test_reporting_verbs_cover_the_common_ones_in_lower_case() -> None:
    for verb in ("said", "told", "added", "recalled", "claimed", "warned", "advised", "insisted"):
        assert verb in rules.REPORTING_VERBS
    assert all(v == v.lower() for v in rules.REPORTING_VERBS)


def test_honorific_genders_are_m_f_or_none() -> None:
    assert set(rules.HONORIFICS.values()) <= {"m", "f", None}
    assert rules.HONORIFICS["Mr."] == "m" and rules.HONORIFICS["Mrs."] == "f"


def test_first_person_is_not_among_resolvable_pronouns() -> None:
    assert not rules.FIRST_PERSON & set(rules.PRONOUNS)


def test_known_outlet_canonical_names_are_their_own_canonical_form() -> None:
    for canonical in set(rules.KNOWN_OUTLETS.values()):
        assert canonical_outlet(canonical, strict=True) == canonical


@pytest.mark.parametrize("pattern", rules.OUTLET_LEAD_IN_PATTERNS + rules.OUTLET_INLINE_PATTERNS)
def test_outlet_patterns_compile_with_an_outlet_group(pattern: str) -> None:
    assert "outlet" in re.compile(pattern).groupindex


@pytest.mark.parametrize(
    ("paragraph", "outlet"),
    [
        ("The BBC reports:", "BBC"),
        ("The Independent recounts:", "The Independent"),
        ("The Springfield Herald reported:", "The Springfield Herald"),
        ("According to the Associated Press:", "Associated Press"),
        ("Helen Cho writes:", None),
        ("The meeting went on:", None),
        ("The Intercept reports:", "The Intercept"),
        ("The Minister said:", None),
        ("The Committee writes:", None),
    ],
)
def test_lead_in_outlets(paragraph: str, outlet: str | None) -> None:
    assert lead_in_outlet(paragraph) == outlet


@pytest.mark.parametrize(
    ("clause", "outlet"),
    [
        (" Simon Fleet told the Guardian.", "The Guardian"),
        (" she said, according to Reuters.", "Reuters"),
        (" Hale said in an interview with CNN.", "CNN"),
        ("Writing in the Guardian, the chef said: ", "The Guardian"),
        (" she told the broadcaster RÚV that", "RÚV"),
        (" in a memo, which was seen by Bloomberg.", "Bloomberg"),
        (" he told the Senate.", None),
        (" she said on Monday.", None),
    ],
)
def test_inline_outlets(clause: str, outlet: str | None) -> None:
    assert inline_outlet(clause) == outlet


@pytest.mark.parametrize("alias", sorted(rules.KNOWN_OUTLETS))
def test_every_alias_in_the_table_names_its_canonical_outlet_in_a_quote(alias: str) -> None:
    """The alias table is wired in: a quotation credited "told the ALIAS" carries its name."""
    quotes = extract_quotes([f"“We are closing the depot,” the mayor told the {alias} on Monday."])
    assert [q.outlet for q in quotes] == [rules.KNOWN_OUTLETS[alias]]


@pytest.mark.parametrize(
    ("clause", "outlet"),
    [
        # the publication nearest the verb of a shared credit
        ("what the Daily Ledger and the Evening Courier each called a", "The Evening Courier"),
        # a newspaper's name takes "The", a broadcaster's stays as written
        ("she told the Millbrook Ledger", "The Millbrook Ledger"),
        ("she told Valley Public Radio", "Valley Public Radio"),
        ("she told KTV News", "KTV News"),
        ("she told the Buffalo News", "The Buffalo News"),
        # a person's tweet written after a publication's story is not the story's
        ("he wrote after The New York Times published a story about it", None),
        # a job title that is also an alias, before a person's name
        ("Economist Clara Weiss of Deutsche Bank said", None),
        # a lower-case joint ends an unknown name: "Twitter on Sunday" is no publication
        ("Marcus Lyle wrote on Twitter on Sunday night", None),
        ("she told the Times of India", "The Times of India"),
    ],
)
def test_inline_outlet_convention(clause: str, outlet: str | None) -> None:
    assert inline_outlet(clause) == outlet
