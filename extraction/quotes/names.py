"""People named in an article: spotting names, their gender, one canonical form per person."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from extraction.quotes.first_names import guess
from extraction.quotes.rules import (
    COMMON_WORD_SURNAMES,
    GENDER_GUESSER_MAP,
    GROUP_WORDS,
    HONORIFICS,
    KNOWN_OUTLETS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NON_NAME_WORDS,
    ORGANISATION_WORDS,
    OUTLET_HEAD_WORDS,
    PLACE_NAMES,
    REPORTING_VERBS,
    ROLE_NOUNS,
    ROLE_TITLES,
    TITLE_POSTS,
)

MAX_NAME_TOKENS = 6  # longer capitalised runs are headlines or lists, not a person's name
# Abbreviations that keep their full stop inside a name ("Sen. Bernie Sanders", "Martin Luther
# King Jr."); any other word ending in a full stop ends its sentence, and so the name.
DOTTED: Final = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "St",
        "Sen",
        "Rep",
        "Gov",
        "Gen",
        "Lt",
        "Col",
        "Sgt",
        "Capt",
        "Prof",
        "Rev",
        "Fr",
        "Jr",
        "Sr",
        "Adm",
        "Del",
        "Maj",
        "Cmdr",
    ]
)
_PARTICLE = "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
_RUN_WORD = r"[A-Z][\w’'.-]*"
_RUN_GAP = rf"[ \t]+(?:(?:{_PARTICLE})[ \t]+){{0,3}}"
# A run of capitalised words on one line, particles allowed between them ("Ursula von der
# Leyen"). Kept free of alternations at its start, so that the engine scans text fast.
NAME_RUN = re.compile(rf"{_RUN_WORD}(?:{_RUN_GAP}{_RUN_WORD})*")
# The same, two words at least: the runs worth reading before any quotation is attributed.
LONG_NAME_RUN = re.compile(rf"{_RUN_WORD}(?:{_RUN_GAP}{_RUN_WORD})+")
_POSSESSIVE_ENDINGS = ("’s", "'s", "’", "'")
_WORD_CHARS = frozenset("’'-")


def run_parts(run: str) -> list[tuple[int, list[str]]]:
    """A capitalised run cut where a full stop ends a sentence ("Washington. Trump" is two):
    (offset in the run, words) of each part, full stops of abbreviations and initials kept."""
    if "." not in run:
        return [(0, run.split())]
    parts: list[tuple[int, list[str]]] = []
    words: list[str] = []
    start = 0
    at = 0
    for word in run.split():
        at = run.find(word, at)
        if not words:
            start = at
        at += len(word)
        if (
            word.endswith(".")
            and len(word) > 2
            and word[:-1] not in DOTTED
            and "." not in word[:-1]
        ):
            words.append(word[:-1])
            parts.append((start, words))
            words = []
        else:
            words.append(word)
    if words:
        parts.append((start, words))
    return parts


@lru_cache(maxsize=8192)
def first_name_gender(first_name: str) -> str | None:
    """'m', 'f' or None for a first name, from gender-guesser's offline lists."""
    if first_name in NON_NAME_WORDS or not first_name[:1].isupper() or len(first_name) < 2:
        return None
    return GENDER_GUESSER_MAP.get(guess(first_name))


def strip_possessive(word: str) -> str:
    """'Trump’s' -> 'Trump', 'Sanders’' -> 'Sanders'."""
    for ending in _POSSESSIVE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word


def is_possessive(word: str) -> bool:
    return word.endswith(_POSSESSIVE_ENDINGS) and len(word) > 2


@dataclass(frozen=True, slots=True)
class Name:
    """A name as written, split into honorific and name tokens."""

    honorific: str | None
    tokens: tuple[str, ...]
    titled: bool = False  # a role title came before it ("President", "Organiser")
    posts: tuple[str, ...] = ()  # the posts its titles name ("senator" for "Sen.")

    @property
    def mention(self) -> str:
        core = " ".join(self.tokens)
        return f"{self.honorific} {core}" if self.honorific else core

    @property
    def gender(self) -> str | None:
        if self.honorific is not None and HONORIFICS.get(self.honorific):
            return HONORIFICS[self.honorific]
        return first_name_gender(self.tokens[0]) if len(self.tokens) > 1 else None

    @property
    def gender_is_certain(self) -> bool:
        """An honorific settles gender; a first-name list only suggests it ("Jean")."""
        return self.honorific is not None and HONORIFICS.get(self.honorific) is not None


def _is_role(token: str) -> bool:
    return token in ROLE_TITLES or token.lower() in ROLE_NOUNS


def _is_reporting_form(token: str) -> bool:
    """A reporting verb capitalised by opening a sentence ("Stated Stone:", "Asserting
    Clinton …"): its past or participle only, as first names are no such forms."""
    low = token.lower()
    return low.endswith(("ed", "ing")) and low in REPORTING_VERBS


def parse_name(chain: str) -> Name | None:
    """The person name in a capitalised chain, without leading non-name words and role titles."""
    return parse_words(chain.split())


def parse_words(words: Sequence[str]) -> Name | None:
    """The person name in a chain's words ("Vermont", "Sen.", "Bernie", "Sanders’s")."""
    return _parse(tuple(words))


@lru_cache(maxsize=16384)
def _parse(words: tuple[str, ...]) -> Name | None:
    tokens = list(words)
    honorific: str | None = None
    titled = False
    posts: list[str] = []
    while tokens and (
        (tokens[0] in NON_NAME_WORDS and not _common_word_surname(tokens))
        or _is_role(tokens[0])
        or (len(tokens) > 1 and _is_reporting_form(tokens[0]))
    ):
        first = tokens.pop(0)
        if first in HONORIFICS and tokens:
            honorific = first
        if first in TITLE_POSTS:
            posts.append(TITLE_POSTS[first])
        titled = titled or _is_role(first)
    if tokens and tokens[0] in HONORIFICS:
        honorific = tokens.pop(0)
        if honorific in TITLE_POSTS:
            posts.append(TITLE_POSTS[honorific])
    if not tokens:
        return None
    # A common noun opening a sentence before a first name: "Fisherman Paulo Mendes".
    if len(tokens) > 2 and first_name_gender(tokens[0]) is None and first_name_gender(tokens[1]):
        tokens.pop(0)
        titled = True
    # A title inside the chain ends what comes before it: "European Commission President Ursula".
    for i in range(len(tokens) - 2, -1, -1):
        if tokens[i] in ROLE_TITLES:
            if tokens[i] in TITLE_POSTS:
                posts.append(TITLE_POSTS[tokens[i]])
            tokens = tokens[i + 1 :]
            titled = True
            break
    # An honorific inside the chain ends what comes before it: "Retired Army Col. Lawrence
    # Wilkerson" is Col. Lawrence Wilkerson.
    for i in range(len(tokens) - 2, 0, -1):
        if tokens[i] in HONORIFICS and tokens[i].endswith("."):
            honorific = tokens[i]
            if honorific in TITLE_POSTS:
                posts.append(TITLE_POSTS[honorific])
            tokens = tokens[i + 1 :]
            titled = True
            break
    # A possessive inside the chain belongs to what comes before it: "Media Research Center’s
    # Brent Bozell" is Brent Bozell.
    for i in range(len(tokens) - 2, -1, -1):
        if is_possessive(tokens[i]):
            tokens = tokens[i + 1 :]
            break
    if len(tokens) > 1 and strip_possessive(tokens[-1]).rstrip(",.") in NAME_SUFFIXES:
        tokens.pop()  # "Luther Stan Pate IV", "Robert Kennedy Jr.": the person without "IV"
    last = strip_possessive(tokens[-1])
    if last.endswith(".") and len(last) > 2 and last[:-1] not in ("Jr", "Sr"):
        last = last[:-1]  # a full stop that ends the sentence
    tokens[-1] = last
    if len(tokens) > MAX_NAME_TOKENS or any(
        t in NON_NAME_WORDS and not (i == len(tokens) - 1 and _common_word_surname(tokens))
        for i, t in enumerate(tokens)
    ):
        return None
    if len(tokens) > 2 and all(t.isupper() for t in tokens):
        return None  # a headline in capitals, not a name
    if len(tokens) == 1 and len(last) == 2 and last[1] == ".":
        return None  # a lone initial
    if tokens[-1] in ROLE_TITLES and first_name_gender(tokens[0]) is None:
        return None  # "Home Secretary", "Prime Minister": a post, not a name
    if len(tokens) == 1 and last.endswith("s") and last[:-1].lower() in ROLE_NOUNS:
        return None  # "Tenants", "Ministers": people described, not named
    return Name(honorific, tuple(tokens), titled, tuple(posts))


def _common_word_surname(tokens: list[str]) -> bool:
    """Whether the last of `tokens` is a surname that is also a common word: alone ("Will"), or
    after a first name ("George Will", "Theresa May")."""
    if tokens[-1] not in COMMON_WORD_SURNAMES:
        return False
    return len(tokens) == 1 or (len(tokens) == 2 and first_name_gender(tokens[0]) is not None)


def is_organisation(name: Name) -> bool:
    """Whether a capitalised phrase names an organisation or a publication rather than a person."""
    tokens = name.tokens
    joined = " ".join(tokens)
    return (
        joined in KNOWN_OUTLETS
        or any(t in ORGANISATION_WORDS for t in tokens)
        or (len(tokens) > 1 and tokens[-1] in OUTLET_HEAD_WORDS)
        or any(t.isupper() and len(t) > 1 and "." not in t for t in tokens)
    )


def is_place_or_group(name: Name) -> bool:
    """Whether a capitalised phrase names a place ("New Hampshire") or a group ("Republicans")."""
    tokens = name.tokens
    last = tokens[-1]
    if " ".join(tokens) in PLACE_NAMES or last in GROUP_WORDS:
        return True
    if last.endswith("s") and last[:-1].lower() in ROLE_NOUNS:
        return True  # "Opposition MPs", "Labour Councillors"
    return len(tokens) > 1 and " ".join(tokens[-2:]) in PLACE_NAMES


def is_person_like(name: Name) -> bool:
    """Whether a name may stand for a person at all (not an organisation, place or group)."""
    return not is_organisation(name) and not is_place_or_group(name)


@dataclass(eq=False, slots=True)
class Person:
    """One person of the article: the fullest name used, gender, posts, where mentioned."""

    canonical: tuple[str, ...]
    gender: str | None
    gender_is_certain: bool = False
    posts: set[str] = field(default_factory=set)
    offsets: list[int] = field(default_factory=list)  # mentions by name, sorted
    full_offsets: list[int] = field(default_factory=list)  # mentions by more than one word
    anonymous: bool = False  # known only by a description ("a senior aide"): no name to give

    @property
    def name(self) -> str | None:
        return None if self.anonymous else " ".join(self.canonical)


@dataclass(slots=True)
class People:
    """The people of one article, indexed by their first and last name words."""

    persons: list[Person] = field(default_factory=list)
    _by_word: dict[str, list[Person]] = field(default_factory=dict)

    def _index(self, person: Person) -> None:
        for word in {person.canonical[0], person.canonical[-1]}:
            bucket = self._by_word.setdefault(word, [])
            if person not in bucket:
                bucket.append(person)

    def add(self, name: Name, offset: int) -> Person:
        """Register a mention of a person; a fuller form replaces the canonical name."""
        person = self.lookup(name, offset)
        if person is None:
            gender = name.gender
            if gender is None and len(name.tokens) == 1:
                gender = first_name_gender(name.tokens[0])  # "His daughter, Samira,"
            person = Person(name.tokens, gender, name.gender_is_certain)
            self.persons.append(person)
            self._index(person)
        elif len(name.tokens) > len(person.canonical):
            person.canonical = name.tokens
            self._index(person)
        if name.gender_is_certain and not person.gender_is_certain:
            person.gender, person.gender_is_certain = name.gender, True
        elif person.gender is None:
            person.gender = name.gender
        person.posts.update(name.posts)
        self.mentioned(person, offset, full=len(name.tokens) > 1)
        return person

    @staticmethod
    def mentioned(person: Person, offset: int, full: bool = False) -> None:
        at = bisect.bisect_left(person.offsets, offset)
        if at == len(person.offsets) or person.offsets[at] != offset:
            person.offsets.insert(at, offset)
        if full:
            bisect.insort(person.full_offsets, offset)

    def lookup(
        self, name: Name, offset: int, focus: Callable[[], Mapping[Person, float]] | None = None
    ) -> Person | None:
        """The known person a (possibly partial) name refers to, or None.

        Several people may share a surname ("Clinton"): gender (from an honorific) decides, then
        the most salient of them (`focus`: the discourse's scores where the name stands), then
        the one whose full name was written last before this point, then the one named first.
        """
        tokens = name.tokens
        candidates = self._by_word.get(tokens[-1], [])
        if len(tokens) == 1:
            candidates = candidates + [
                p for p in self._by_word.get(tokens[0], ()) if p not in candidates
            ]
        if not candidates:
            return None  # most names read are nobody's yet: spare the gender look-up
        gender = name.gender
        matches = [
            p
            for p in candidates
            if _refers_to(tokens, p.canonical)
            and (gender is None or p.gender is None or p.gender == gender)
        ]
        if not matches:
            return None
        if len(matches) == 1:
            return matches[0]
        exact = [p for p in matches if p.canonical == tokens]
        if len(exact) == 1 and len(tokens) > 1:
            return exact[0]
        salience = focus() if focus is not None else {}
        if salience:
            # "Patricia Smith, mother of … Sean Smith, … Smith said": the one in focus, not
            # the one named last
            scored = max(matches, key=lambda p: salience.get(p, 0.0))
            if salience.get(scored, 0.0) > 0.0:
                return scored
        latest = max(matches, key=lambda p: _last_before(p.full_offsets or p.offsets, offset))
        if _last_before(latest.full_offsets or latest.offsets, offset) < 0:
            return min(matches, key=self.persons.index)
        return latest


def _last_before(offsets: list[int], offset: int) -> int:
    """The last of sorted `offsets` at or before `offset`, or -1."""
    at = bisect.bisect_right(offsets, offset)
    return offsets[at - 1] if at else -1


def _refers_to(tokens: tuple[str, ...], canonical: tuple[str, ...]) -> bool:
    if tokens == canonical:
        return True
    if len(tokens) == 1:
        return tokens[0] in (canonical[-1], canonical[0])
    return canonical[-len(tokens) :] == tokens or tokens[-len(canonical) :] == canonical


def inside_word(text: str, offset: int) -> bool:
    """Whether `offset` continues a word ("iPhone": the P is no name start)."""
    if offset == 0:
        return False
    before = text[offset - 1]
    return before.isalnum() or before in _WORD_CHARS
