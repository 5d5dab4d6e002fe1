"""Publications a quote is credited to: lead-ins ("The BBC reports:") and inline credits."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from extraction.quotes.names import first_name_gender
from extraction.quotes.rules import (
    KNOWN_OUTLETS,
    NON_NAME_WORDS,
    ORGANISATION_WORDS,
    OUTLET_BARE_HEAD_WORDS,
    OUTLET_DESCRIPTION_SUBJECT,
    OUTLET_HEAD_WORDS,
    OUTLET_INLINE_PATTERNS,
    OUTLET_LEAD_IN_PATTERNS,
    ROLE_NOUNS,
    ROLE_TITLES,
)

# Capitalised words that may name a publication on their own ("Reuters", "the Post", "AP").
OUTLET_WORDS: Final = frozenset(a.split()[0] for a in KNOWN_OUTLETS) | OUTLET_HEAD_WORDS

_LEAD_INS = tuple(re.compile(p) for p in OUTLET_LEAD_IN_PATTERNS)
_INLINE = tuple(re.compile(p) for p in OUTLET_INLINE_PATTERNS)
_POSSESSIVE = re.compile(r"[’']s?$")
_DESCRIBED = re.compile(OUTLET_DESCRIPTION_SUBJECT)


def canonical_outlet(written: str, *, strict: bool) -> str | None:
    """The canonical name of a publication as written (without a leading "the").

    Known aliases win, also as the start of a longer phrase ("BBC World Service" -> "BBC"). An
    unknown phrase counts only when it ends like a publication ("Springfield Herald") or, when not
    `strict`, always (a lead-in paragraph's structure already says it is a publication).
    """
    tokens = [t.rstrip(".,;:") for t in written.split()]
    # Only the last word's possessive is the sentence's ("the Post's"); an inner one is part of
    # the name ("People's Daily").
    tokens[-1:] = [_POSSESSIVE.sub("", t) for t in tokens[-1:]]
    # "As Politico reported", "But the Times said": sentence words before the name are not in it.
    while len(tokens) > 1 and tokens[0] in NON_NAME_WORDS and tokens[0] not in ("The", "the"):
        tokens.pop(0)
    while tokens and tokens[0] in ("The", "the"):
        tokens.pop(0)
    if not tokens:
        return None
    for size in range(len(tokens), 0, -1):
        alias = " ".join(tokens[:size])
        if alias in KNOWN_OUTLETS:
            if size < len(tokens) and first_name_gender(tokens[size]) is not None:
                return None  # "Economist Clara Weiss of Deutsche Bank" is a person
            return KNOWN_OUTLETS[alias]
    # Lower-case joints belong to names in the table ("Mail on Sunday"); elsewhere the name ends
    # before them ("wrote on Twitter on Sunday").
    joint = next((i for i, t in enumerate(tokens) if t[:1].islower()), len(tokens))
    tokens = tokens[:joint]
    if not tokens or tokens[0] in NON_NAME_WORDS:
        return None
    if any(t in ROLE_TITLES for t in tokens[:-1]):
        return None  # "Atlantic City Mayor Don Guardian" is a person
    if tokens[-1] in OUTLET_HEAD_WORDS and len(tokens) > 1:
        # The convention: a newspaper's name with its "The", a broadcaster's as written.
        bare = (
            not written.lower().startswith("the ")
            and (
                tokens[-1] in OUTLET_BARE_HEAD_WORDS
                # a call sign or channel number before "News" is a broadcaster's: "KTV News"
                or (tokens[-1] == "News" and any(t.isupper() or t.isdigit() for t in tokens[:-1]))
            )
        )
        return ("" if bare else "The ") + " ".join(tokens)
    if not strict:
        return ("The " if written.lower().startswith("the ") else "") + " ".join(tokens)
    return None


def lead_in_outlet(paragraph: str) -> str | None:
    """The publication a lead-in paragraph such as "The Independent recounts:" credits."""
    stripped = paragraph.strip()
    for pattern in _LEAD_INS:
        match = pattern.match(stripped)
        if match is None:
            continue
        written = match.group("outlet")
        the = stripped[: match.start("outlet")].lower().endswith("the ")
        known = canonical_outlet(written, strict=True)
        if known is not None:
            return known
        if match.groupdict().get("described"):
            # "the Heritage Foundation website notes:" names a publication, whatever its words.
            return canonical_outlet(("The " if the else "") + written, strict=False)
        if the and not _names_a_role_or_body(written):
            return canonical_outlet("The " + written, strict=False)
    return None


def _names_a_role_or_body(written: str) -> bool:
    """ "The Minister said:" and "The Committee writes:" are lead-ins, but not by publications."""
    return any(
        t in ROLE_TITLES
        or t.lower() in ROLE_NOUNS
        or t in ORGANISATION_WORDS
        or t in NON_NAME_WORDS
        for t in written.split()
    )


def inline_outlet(clause: str, seen: Sequence[str] = ()) -> str | None:
    """The publication an attribution clause credits ("told the Guardian", "according to AP").

    `seen` holds publications the article already named, so that a short second reference
    ("told the Post") resolves to the full one ("The Washington Post").
    """
    found: list[tuple[int, str]] = []
    for pattern in _INLINE:
        for match in pattern.finditer(clause):
            written = match.group("outlet")
            # "the broadcaster RÚV": the description already says it is a publication.
            described = bool(match.groupdict().get("described"))
            # A one-word second reference ("the Times") is the publication named before it.
            outlet = _short_form(written, seen) or canonical_outlet(written, strict=not described)
            if outlet is not None:
                found.append((match.start(), outlet))
    return min(found)[1] if found else None


def outlet_named(written: str, seen: Sequence[str] = ()) -> str | None:
    """The publication a subject names: a short second reference ("the Times") to one named
    before, else a known or publication-like name ("The Washington Post"), else None."""
    return _short_form(written, seen) or canonical_outlet(written, strict=True)


def _short_form(written: str, seen: Sequence[str]) -> str | None:
    """The publication in `seen` that a one-word reference such as "Post" abbreviates."""
    word = written.rstrip(".,;:")
    if word not in OUTLET_HEAD_WORDS:
        return None
    for outlet in seen:
        if outlet.split()[-1] == word:
            return outlet
    return None


def known_outlet(words: Sequence[str]) -> str | None:
    """The publication a capitalised run names: a known alias exactly, or a longer phrase ending
    like a publication ("the Lakeside Gazette"); "Times Square" is neither."""
    tokens = list(words)
    tokens[-1:] = [_POSSESSIVE.sub("", t) for t in tokens[-1:]]  # "People's Daily" keeps its own
    while tokens and tokens[0] in NON_NAME_WORDS:
        tokens.pop(0)
    if not tokens:
        return None
    joined = " ".join(tokens)
    if joined in KNOWN_OUTLETS:
        return KNOWN_OUTLETS[joined]
    if len(tokens) > 1 and tokens[-1] in OUTLET_HEAD_WORDS:
        return canonical_outlet(joined, strict=True)
    return None


def described_outlet(clause: str) -> bool:
    """Whether a clause credits a publication named only by a description ("the paper wrote")."""
    return _DESCRIBED.search(clause) is not None
