"""Reporting clauses around a quotation: who is credited ("he", "Mr. Kadyrov") and by which verb.

Every function here reads masked text (quotation interiors blanked out), so speech inside a quote
never attributes another quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from extraction.quotes.names import NAME_CHAIN, Name, is_organisation, parse_name
from extraction.quotes.outlets import canonical_outlet
from extraction.quotes.rules import (
    DESCRIPTION_DETERMINERS,
    EXPLICIT_ATTRIBUTION_CUES,
    FIRST_PERSON,
    FUNCTION_WORDS,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    REPORTING_PHRASES,
    REPORTING_VERBS,
    ROLE_ACRONYMS,
    ROLE_NOUNS,
    VERB_MODIFIERS,
)

SubjectKind = Literal["pronoun", "name", "description", "first_person"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """A reporting clause: the subject as written, what it is, and the verb."""

    kind: SubjectKind
    mention: str
    offset: int  # where the mention starts in the text searched (callers add their base offset)
    verb: str | None
    name: Name | None = None
    explicit: bool = False  # "according to X" / "in the words of X": credits the words themselves

    @property
    def names_a_role(self) -> bool:
        """Whether a described subject names a role ("a spokeswoman"), not a thing ("the plan")."""
        words = (w.lower().rstrip("s") for w in self.mention.split())
        return self.kind != "description" or any(
            w in ROLE_NOUNS or w + "s" in ROLE_NOUNS for w in words
        )

    def shifted(self, base: int) -> Attribution:
        return Attribution(
            self.kind, self.mention, self.offset + base, self.verb, self.name, self.explicit
        )


def _alternation(words: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_VERB = rf"(?P<verb>{_alternation(REPORTING_VERBS | REPORTING_PHRASES)})\b"
_MODS = rf"(?:\s+(?:{_alternation(VERB_MODIFIERS)}))*"
_PRONOUN_WORDS = sorted(
    ({*PRONOUNS, *FIRST_PERSON} | {w.capitalize() for w in (*PRONOUNS, *FIRST_PERSON)}) - {"i"}
)
_PRON = rf"\b(?P<pron>{'|'.join(_PRONOUN_WORDS)})\b"
_DETERMINER = "|".join(
    f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}"
    for w in sorted(DESCRIPTION_DETERMINERS, key=len, reverse=True)
)
_DESC = (
    rf"(?P<desc>\b(?:{_DETERMINER})\s+(?:[\w’'\-]+\s+){{0,3}}?"
    rf"(?:{_alternation(ROLE_NOUNS)})s?)\b"
)
# Any determiner + noun phrase as a subject ("The channel said", "A spokesperson for the company,
# Laura Kim, told"); after a verb only role nouns count, so "told the meeting" is no speaker.
_SUBJECT_DESC = (
    rf"(?P<desc>\b(?:{_DETERMINER}|[A-Z][\w\-]*[’']s)\s+"
    rf"(?:(?!(?:{_alternation(FUNCTION_WORDS)})\b)[\w’'\-]+\s+){{0,3}}?"
    rf"(?!(?:{_alternation(FUNCTION_WORDS)})\b)[a-z][\w’'\-]*(?<!ed)"
    r"(?:\s+(?:for|of|at|from)\s+(?:the\s+|a\s+)?[\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,3})?)"
)
# Role words before a name are not part of it: "union organiser Maria Santos", "Unite regional
# officer Chris Moss", "Labour MP Jo Cox".
_ROLE_PREFIX = (
    rf"(?:(?:[A-Z][\w’'\-]*\s+){{0,3}}?(?:[a-z][\w’'\-]*\s+){{0,2}}?"
    rf"(?:{_alternation(ROLE_NOUNS | ROLE_ACRONYMS)})\s+)?"
)
# "a smiling Gordon Pike", "an emotional Rosa Diaz": a description that ends in the name.
_DESCRIBED_NAME = r"(?:\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w’'\-]*\s+){1,2}?(?=[A-Z]))?"
_NAME = rf"{_DESCRIBED_NAME}{_ROLE_PREFIX}(?P<name>{NAME_CHAIN})"
# An affiliation after a name: "Jon Simpson from Hertfordshire Police told reporters".
_AFFILIATION = r"(?:\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,4})?"
# ", 62," / ", chief strategist at Kestrel Partners in Denver," / " (D-Wash.)" / ", R-Wis.,"
_APPOSITIVE = (
    r"(?:\s*\([^()]{1,40}\))?"
    r"(?:,\s+(?:aged\s+)?\d{1,3}(?=,))?"
    r"(?:,\s+[RDI]-[A-Z][\w.]*(?=,))?"
    r"(?:,\s+(?P<appos>(?:[^,;:.!?\"“”]|(?<=[A-Z])\.|,(?=\s+(?:[A-Z]\w*\.?|D\.C\.),)){1,160}?),)?"
)

# Clause patterns start only where a word starts: a cheap test that spares the engine every
# position inside a word.
_WORD_START = r"(?<![\w’'\-])"
# "he recalled", "Helen Cho, 62, said", "a spokeswoman, Anna Berg, told reporters"
SUBJECT_FIRST = re.compile(
    rf"{_WORD_START}(?:{_PRON}|{_SUBJECT_DESC}|{_NAME}{_AFFILIATION}){_APPOSITIVE}{_MODS},?\s+{_VERB}"
)
_NOT_ROLE_WORD = _alternation(PREPOSITIONS | FUNCTION_WORDS)
# "said Helen Cho, who chairs the board", "added the minister", "said the chair, Helen Cho",
# "said her colleague Priya Menon"
VERB_FIRST = re.compile(
    rf"\b{_VERB}\s+(?:{_PRON}|{_DESC}(?:,?\s+(?P<appos>{NAME_CHAIN}))?|"
    rf"(?:the\s+)?(?:(?!(?:{_NOT_ROLE_WORD})\b)[a-z][\w’'\-]*\s+){{0,2}}?{_NAME})"
)
# "according to Ramzan Kadyrov", "in the words of one union official",
# "— that was the verdict of Joan Ellery", "quoted him as saying"
ACCORDING_TO = re.compile(rf"\b(?i:{'|'.join(EXPLICIT_ATTRIBUTION_CUES)})\s+(?:{_DESC}|{_NAME})")
# "“…” — State Treasurer John Kennedy, speaking on …" (a dash, then the speaker's name)
DASH_NAME = re.compile(rf"[—–]\s*{_NAME}")
QUOTED_AS = re.compile(
    rf"\bquoted\s+(?:(?P<pron>{'|'.join(OBJECT_PRONOUNS)})|{_NAME})\s+as\s+(?P<verb>saying)\b"
)
# "a former nurse named Ruth Okafor" inside an apposition
_NAMED_IN_APPOSITION = re.compile(rf"\b(?:named|called)\s+({NAME_CHAIN})$")
# The subject that opens a sentence ending in a colon: "Vasilenko brushed that aside: “…”".
COLON_SUBJECT = re.compile(rf"^[\s,;\-–—]*(?:{_PRON}|{_SUBJECT_DESC}|{_NAME}){_APPOSITIVE}")
# Any person-like subject in a sentence: "In a conversation with the Paris Review, he talked".
ANY_SUBJECT = re.compile(rf"{_WORD_START}(?:{_PRON}|{_NAME})")
_TAIL_LEAD = re.compile(r"^[\s,;:\-–—]*")
# A sentence right after a quotation that names its speaker: "That was the message from union
# leader Joan Petrakis", "So says Omar Haddad", "Those were the words of …".
NEXT_SENTENCE = re.compile(
    rf"^\s*(?:(?:That|This|Those|These|Such)\s+(?:was|is|were|are)\s+(?:the\s+)?"
    rf"(?:[\w’'\-]+\s+){{0,3}}?(?:of|from)|So\s+(?P<verb>says|said))\s+(?:{_DESC}|{_NAME})"
)
_APPOS_NAME = re.compile(rf"^{NAME_CHAIN}$")


# What may follow the subject of "said NAME": punctuation, the end, or a word that cannot make
# NAME the subject of a clause of its own ("says Americans don’t need …" credits nobody).
_VERB_FIRST_FOLLOWER = re.compile(
    rf"\s*(?:$|[,.;:!?)—–\-]|(?:{'|'.join(sorted(PREPOSITIONS))}|who|and|as|during|after|before|"
    r"when|while|late|early|last|this|on|told|wrote|added)\b|[A-Z(])"
)


def _from_match(match: re.Match[str], verb: str | None) -> Attribution | None:
    """The attribution a clause match describes, or None when its subject is a publication."""
    if match.re is VERB_FIRST and not _VERB_FIRST_FOLLOWER.match(match.string, match.end()):
        return None
    found = _subject(match, verb)
    if found is not None and match.re is ACCORDING_TO:
        return Attribution(found.kind, found.mention, found.offset, None, found.name, True)
    return found


def _subject(match: re.Match[str], verb: str | None) -> Attribution | None:
    groups = match.groupdict()
    if groups.get("pron"):
        word = groups["pron"]
        kind: SubjectKind = "first_person" if word.lower() in FIRST_PERSON else "pronoun"
        return Attribution(kind, word, match.start("pron"), verb)
    appos = groups.get("appos")
    if appos:
        named = _NAMED_IN_APPOSITION.search(appos.strip())
        chain = appos.strip() if _APPOS_NAME.match(appos.strip()) else None
        if chain is None and named is not None and groups.get("desc"):
            chain = named.group(1)
        name = parse_name(chain) if chain else None
        if chain and name is not None and not is_organisation(name):
            offset = match.start("appos") + appos.index(chain)
            return Attribution("name", name.mention, offset, verb, name)
    if groups.get("desc"):
        return Attribution("description", groups["desc"], match.start("desc"), verb)
    chain = groups.get("name")
    if chain:
        name = parse_name(chain)
        if name is None and chain.split()[-1].lower() in ROLE_NOUNS:
            # "Police said": a capitalised role at the start of a sentence describes the speaker.
            return Attribution("description", chain, match.start("name"), verb)
        if name is None or _is_publication(name) or _object_of_preposition(match):
            return None
        offset = match.start("name") + chain.index(name.tokens[0])
        if name.honorific is not None:
            offset = match.start("name") + chain.index(name.honorific)
        return Attribution("name", name.mention, offset, verb, name)
    return None


def _object_of_preposition(match: re.Match[str]) -> bool:
    """Whether a subject-first name is really the object of a preposition ("a food bank in
    Wrexham has said"), which cannot be the subject of the verb."""
    if match.re is not SUBJECT_FIRST:
        return False
    before = match.string[max(0, match.start() - 30) : match.start()].split()
    if before and before[-1] == "with" and (match.group("verb") or "").endswith("ing"):
        return False  # "with Gorka noting that …": an absolute clause, Gorka speaks
    return bool(before) and before[-1] in PREPOSITIONS


def _is_publication(name: Name) -> bool:
    return canonical_outlet(" ".join(name.tokens), strict=True) is not None


def in_tail(tail: str) -> Attribution | None:
    """A reporting clause right after a quotation: '…,” he recalled' / '…,” said Helen Cho'."""
    dashed = DASH_NAME.match(tail.lstrip())
    if dashed is not None:
        found = _from_match(dashed, None)
        if found is not None:
            return found.shifted(len(tail) - len(tail.lstrip()))
    lead = _TAIL_LEAD.match(tail)
    start = lead.end() if lead else 0
    for pattern in (SUBJECT_FIRST, VERB_FIRST, ACCORDING_TO, QUOTED_AS):
        match = pattern.match(tail, start)
        if match is None:
            continue
        verb = match.groupdict().get("verb")
        found = _from_match(match, verb)
        if found is not None:
            return found
    return None


def next_sentence(text: str) -> Attribution | None:
    """The speaker a sentence right after a quotation names ("That was the verdict of X")."""
    match = NEXT_SENTENCE.match(text)
    return _from_match(match, match.group("verb")) if match else None


# Words without which no clause pattern can match: a cheap test that spares most narration
# sentences the full patterns.
_CUE_WORDS = frozenset(
    w.lower()
    for phrase in (*REPORTING_VERBS, *REPORTING_PHRASES, *EXPLICIT_ATTRIBUTION_CUES, "quoted")
    for w in re.findall(r"[A-Za-z]+", phrase)
    if w not in ("s", "to", "the", "of", "in", "as", "was", "that", "this")
)
_LOWER_WORD = re.compile(r"[a-z]+")


def _matches(pattern: re.Pattern[str], text: str, cues: list[int]) -> Iterator[re.Match[str]]:
    """Matches of a clause pattern; those that open with a cue word are tried at cue words only."""
    if pattern is VERB_FIRST or pattern is QUOTED_AS:
        for at in cues:
            match = pattern.match(text, at)
            if match is not None:
                yield match
    else:
        yield from pattern.finditer(text)


def last_clause(text: str) -> Attribution | None:
    """The last reporting clause in `text` ('Mr. Kadyrov advised …', 'he claimed that …')."""
    cues = [m.start() for m in _LOWER_WORD.finditer(text) if m.group() in _CUE_WORDS]
    if not cues:
        return None
    best: Attribution | None = None
    best_key = (-1, -1)
    # The latest verb wins; on the same verb "She told the meeting" beats "told the meeting".
    for priority, pattern in enumerate((ACCORDING_TO, VERB_FIRST, SUBJECT_FIRST, QUOTED_AS)):
        for match in _matches(pattern, text, cues):
            verb = match.groupdict().get("verb")
            found = _from_match(match, verb)
            key = (match.start("verb") if verb else match.start(), priority)
            if found is not None and key > best_key:
                best, best_key = found, key
    return best


def colon_subject(head: str) -> Attribution | None:
    """The subject of a sentence that introduces a quotation with a colon but no reporting verb."""
    if not head.rstrip().endswith(":"):
        return None
    match = COLON_SUBJECT.match(head)
    return _from_match(match, None) if match else None


def subjects(text: str) -> list[Attribution]:
    """Every pronoun or name in `text`, as verb-less attributions, in order."""
    out: list[Attribution] = []
    for match in ANY_SUBJECT.finditer(text):
        found = _from_match(match, None)
        if found is not None and found.kind in ("pronoun", "name"):
            out.append(found)
    return out
