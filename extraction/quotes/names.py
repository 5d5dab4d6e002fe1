"""People named in an article: spotting names, their gender, and one canonical form per person."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from extraction.quotes.first_names import guess
from extraction.quotes.rules import (
    GENDER_GUESSER_MAP,
    HONORIFICS,
    KNOWN_OUTLETS,
    NAME_PARTICLES,
    NON_NAME_WORDS,
    ORGANISATION_WORDS,
    OUTLET_HEAD_WORDS,
    ROLE_NOUNS,
    ROLE_TITLES,
)
from extraction.quotes.text import MASK_CHAR

MAX_NAME_TOKENS = 6  # longer capitalised runs are headlines or lists, not a person's name
NAME_TOKEN = r"(?:[A-Z]\.(?=\s)|[A-Z][\w’'\-]*)"
NAME_PARTICLE = "(?:" + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True)) + ")"
HONORIFIC = "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
# A run of capitalised words, optionally after an honorific: "Mr. Kadyrov", "Ursula von der Leyen".
NAME_CHAIN = (
    rf"(?:(?:{HONORIFIC})\s+)?(?:{NAME_PARTICLE}\s+){{0,3}}{NAME_TOKEN}"
    rf"(?:\s+(?:{NAME_PARTICLE}\s+){{0,3}}{NAME_TOKEN}){{0,{MAX_NAME_TOKENS - 1}}}"
)
_CHAIN = re.compile(rf"(?<![\w’'\-]){NAME_CHAIN}")
_POSSESSIVE = re.compile(r"[’']s?$")
_NICKNAMED = re.compile(
    rf"(?<![\w’'\-])(?P<first>[A-Z][\w’'\-]+)\s+[“\"]{MASK_CHAR}+[”\"]\s+(?P<last>{NAME_TOKEN})"
)


@lru_cache(maxsize=8192)
def first_name_gender(first_name: str) -> str | None:
    """'m', 'f' or None for a first name, from gender-guesser's offline lists."""
    if first_name in NON_NAME_WORDS or not first_name[:1].isupper():
        return None
    return GENDER_GUESSER_MAP.get(guess(first_name))


@dataclass(frozen=True, slots=True)
class Name:
    """A name as written, split into honorific and name tokens."""

    honorific: str | None
    tokens: tuple[str, ...]
    titled: bool = False  # a role title came before it ("President", "Organiser")

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


def parse_name(chain: str) -> Name | None:
    """The person name in a capitalised chain, without leading non-name words and role titles."""
    tokens = chain.split()
    honorific: str | None = None
    titled = False
    while tokens and (tokens[0] in NON_NAME_WORDS or _is_role(tokens[0])):
        if tokens[0] in HONORIFICS and len(tokens) > 1:
            honorific = tokens[0]
        titled = titled or _is_role(tokens[0])
        tokens.pop(0)
    if tokens and tokens[0] in HONORIFICS:
        honorific = tokens.pop(0)
    # A common noun opening a sentence before a first name: "Fisherman Paulo Mendes".
    if len(tokens) > 2 and first_name_gender(tokens[0]) is None and first_name_gender(tokens[1]):
        tokens.pop(0)
        titled = True
    # A title inside the chain ends what comes before it: "European Commission President Ursula".
    inner = [i for i, t in enumerate(tokens[:-1]) if t in ROLE_TITLES]
    if inner:
        tokens = tokens[inner[-1] + 1 :]
        titled = True
    # A possessive inside the chain belongs to what comes before it: "Media Research Center’s
    # Brent Bozell" is Brent Bozell.
    owners = [i for i, t in enumerate(tokens[:-1]) if _POSSESSIVE.search(t) and len(t) > 2]
    if owners:
        tokens = tokens[owners[-1] + 1 :]
    if tokens:
        tokens[-1] = _POSSESSIVE.sub("", tokens[-1]) or tokens[-1]
    if not tokens or any(t in NON_NAME_WORDS for t in tokens):
        return None
    if len(tokens) > 2 and all(t.isupper() for t in tokens):
        return None  # a headline in capitals, not a name
    return Name(honorific, tuple(tokens), titled)


def is_organisation(name: Name) -> bool:
    """Whether a capitalised phrase names an organisation or a publication rather than a person."""
    joined = " ".join(name.tokens)
    return (
        joined in KNOWN_OUTLETS
        or any(t in ORGANISATION_WORDS for t in name.tokens)
        or (len(name.tokens) > 1 and name.tokens[-1] in OUTLET_HEAD_WORDS)
        or any(t.isupper() and len(t) > 1 for t in name.tokens)
    )


@dataclass(eq=False, slots=True)
class Person:
    canonical: tuple[str, ...]
    gender: str | None
    gender_is_certain: bool = False
    offsets: list[int] = field(default_factory=list)  # where the person is mentioned, sorted


@dataclass(frozen=True, slots=True)
class Mention:
    offset: int
    person: Person
    salient: bool = True  # a subject-like mention; not a possessive or a preposition's object


# How many earlier mentions a pronoun looks through for a person of its gender.
PRONOUN_REACH = 200


@dataclass(slots=True)
class People:
    """The people of one article, and where each is mentioned.

    Persons are indexed by their first and last name words, and mentions kept sorted by offset,
    so that a lookup or a pronoun costs the same however long the article is.
    """

    persons: list[Person] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)  # sorted by offset
    _offsets: list[int] = field(default_factory=list)
    _by_word: dict[str, list[Person]] = field(default_factory=dict)

    def _index(self, person: Person) -> None:
        for word in {person.canonical[0], person.canonical[-1]}:
            bucket = self._by_word.setdefault(word, [])
            if person not in bucket:
                bucket.append(person)

    def add(self, name: Name, offset: int, salient: bool = True) -> Person:
        """Register a full mention; a fuller form of a known person replaces its canonical name."""
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
        self.mention(person, offset, salient)
        return person

    def mention(self, person: Person, offset: int, salient: bool = True) -> None:
        """Record that `person` is mentioned at `offset` (by name, or by a resolved pronoun)."""
        at = bisect.bisect_right(self._offsets, offset)
        if at and self._offsets[at - 1] == offset and self.mentions[at - 1].person is person:
            return
        self._offsets.insert(at, offset)
        self.mentions.insert(at, Mention(offset, person, salient))
        bisect.insort(person.offsets, offset)

    def lookup(self, name: Name, offset: int) -> Person | None:
        """The known person a (possibly partial) name refers to, or None."""
        tokens = name.tokens
        gender = name.gender
        candidates = list(self._by_word.get(tokens[-1], ()))
        if len(tokens) == 1:
            candidates += [p for p in self._by_word.get(tokens[0], ()) if p not in candidates]
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
        # Several people share a surname: the one mentioned last before this point.
        latest = [(_last_before(p.offsets, offset), i) for i, p in enumerate(matches)]
        at, index = max(latest)
        if at < 0:
            return min(matches, key=self.persons.index)
        return matches[index]

    def resolve_pronoun(self, gender: str | None, offset: int, window_start: int) -> Person | None:
        """The nearest person mentioned before `offset` whose gender fits the pronoun.

        Within the window (the last few paragraphs), a person whose gender only a first-name
        list suggests may still be "she" when nobody nearer fits; beyond it only fitting people
        count. At most PRONOUN_REACH earlier mentions are read.
        """
        end = bisect.bisect_left(self._offsets, offset)
        before = self.mentions[max(0, end - PRONOUN_REACH) : end][::-1]
        # Salience first: the latest subject-like mention of a fitting person nearby ("Valls
        # spoke out against Trump’s influence … he warned" is Valls).
        for mention in before:
            if mention.offset < window_start:
                break
            person = mention.person
            fits = gender is None or person.gender is None or person.gender == gender
            if fits and mention.salient:
                return person
        for mention in before:
            person = mention.person
            if gender is None or person.gender is None or person.gender == gender:
                if mention.offset >= window_start:
                    return person
                break
        for mention in before:
            if mention.offset < window_start:
                break
            if not mention.person.gender_is_certain:
                return mention.person
        for mention in before:
            person = mention.person
            if gender is None or person.gender is None or person.gender == gender:
                return person
        return None


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


def nicknamed(masked: str) -> list[tuple[int, Name]]:
    """People written with a nickname in marks between their names: Marvin “The Hammer” Hill."""
    out: list[tuple[int, Name]] = []
    for match in _NICKNAMED.finditer(masked):
        name = parse_name(f"{match.group('first')} {match.group('last')}")
        if name is not None and len(name.tokens) == 2:
            out.append((match.start(), name))
    return out


def chains(text: str) -> list[tuple[int, str]]:
    """Every capitalised chain in `text` with its offset."""
    return [(m.start(), m.group(0)) for m in _CHAIN.finditer(text)]


# What may follow a person's name: an age ("Loujain Salem, 42,") or a relative clause ("…, who").
_PERSON_FOLLOWER = re.compile(r"^(?:,\s+(?:\d{1,3},|aged\s+\d{1,3}|who\b)|\s+\(\d{1,3}\))")


def looks_like_person(name: Name, preceding_word: str, following: str) -> bool:
    """Whether a capitalised chain is a person's name on its own evidence."""
    if is_organisation(name):
        return False
    if name.honorific is not None or name.titled:
        return True
    if preceding_word.lower() in ROLE_NOUNS:
        return True
    if len(name.tokens) > 1 and _PERSON_FOLLOWER.match(following):
        return True
    return len(name.tokens) > 1 and first_name_gender(name.tokens[0]) is not None
