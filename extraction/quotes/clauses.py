"""Reporting clauses around a quotation, read word by word: who is credited and by which verb.

Every function here reads the words of masked text (quotation interiors blanked out), so speech
inside a quotation never attributes another one. Word classes are set lookups on the rule tables.
The shapes read: subject then verb after the quotation ("…,” he recalled"), verb then subject
("…,” said Helen Cho, who chairs …"), the subject of the latest reporting verb before it ("Ana
Ruiz told reporters: “…”"), a participle's sentence subject ("…, saying: “…”"), "according to X",
a dash and a name, "quoted X as saying", a colon after a verbless clause, and a sentence after
the quotation that names the speaker ("That was the message from X").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from extraction.quotes.names import (
    DOTTED,
    Name,
    first_name_gender,
    is_organisation,
    is_place_or_group,
    is_possessive,
    parse_words,
)
from extraction.quotes.outlets import canonical_outlet
from extraction.quotes.rules import (
    CLAUSE_ADJUNCTS,
    DESCRIPTION_DETERMINERS,
    FIRST_PERSON,
    FUNCTION_WORDS,
    HONORIFICS,
    INTRO_WORDS,
    IRREGULAR_PAST,
    NAME_PARTICLES,
    NOT_ADVERBS,
    NOUN_DETERMINERS,
    NOUN_FORMS,
    OBJECT_PRONOUNS,
    PARTICIPLE_LINKS,
    PARTY_LETTERS,
    PREPOSITIONS,
    PRONOUNS,
    REPORTING_PHRASES,
    REPORTING_VERBS,
    ROLE_NOUNS,
    ROLE_TITLES,
    SENTENCE_OPENERS,
    UNCLOSED_ROLE_WORDS,
    VERB_MODIFIERS,
)
from extraction.quotes.text import MASK_CHAR
from extraction.quotes.tokens import Words

SubjectKind = Literal["pronoun", "name", "description", "first_person"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """A reporting clause: the subject as written, what it is, and the verb."""

    kind: SubjectKind
    mention: str
    offset: int  # where the mention starts in the joined body
    verb: str | None
    name: Name | None = None
    explicit: bool = False  # "according to X" / "in the words of X": credits the words themselves
    head: str | None = None  # a description's head noun, lower case ("senator")
    definite: bool = False  # a description opened by "the" ("the senator", not "a senator")
    rule: str = ""  # the clause shape that found it (read by the bench)

    @property
    def names_a_role(self) -> bool:
        """Whether a described subject names a role ("a spokeswoman"), not a thing ("the plan")."""
        if self.kind != "description":
            return True
        words = (w.lower().rstrip("s") for w in self.mention.split())
        return any(w in ROLE_NOUNS or w + "s" in ROLE_NOUNS for w in words)

    def with_verb(self, verb: str | None, rule: str) -> Attribution:
        return replace(self, verb=verb, rule=rule)


# --- word classes ---------------------------------------------------------------------------------

_PHRASES: dict[str, list[tuple[str, ...]]] = {}
for _phrase in sorted(REPORTING_PHRASES, key=lambda p: -len(p.split())):
    _first, *_rest = _phrase.split()
    _PHRASES.setdefault(_first, []).append(tuple(_rest))
# Every word `verb_length` may find a verb at (a cheap test before it, word by word).
_VERB_WORDS = frozenset(_PHRASES) | REPORTING_VERBS
_SUBJECT_PRONOUNS = frozenset(PRONOUNS) | FIRST_PERSON
_DETERMINERS = DESCRIPTION_DETERMINERS
# Words a noun phrase never holds (it ends before them).
_NP_STOPS = FUNCTION_WORDS | PREPOSITIONS | REPORTING_VERBS | VERB_MODIFIERS
# Prepositions that attach an affiliation or a post-modifier to a noun phrase ("Jon Simpson from
# Hertfordshire Police", "a spokeswoman for the council", "one of the men").
_ATTACHING = frozenset({"of", "for", "from", "at", "with", "in", "on", "near"})
_CLAUSE_END = frozenset({".", "!", "?", ";", "“", "”", '"', "‘"})
_DASHES = frozenset({"—", "–"})
_LEADING_PUNCTUATION = frozenset({",", ";", ":", "—", "–", "-", ")", "”", "’", '"', "."})
# What may follow the subject of "said NAME": punctuation, the end, or a word that cannot make
# NAME the subject of a clause of its own ("says Americans don’t need …" credits nobody).
_INVERTED_FOLLOWERS = PREPOSITIONS | frozenset(
    [
        "who",
        "and",
        "as",
        "during",
        "after",
        "before",
        "when",
        "while",
        "late",
        "early",
        "last",
        "this",
        "told",
        "wrote",
        "added",
        "whose",
        "which",
    ]
)
# Verbs that stand inverted between commas ("The paradox, says Carl Anthony, is …"); "told"
# and "asked" take an object there instead.
_PARENTHETICAL_VERBS = frozenset(
    {"said", "says", "explained", "explains", "added", "adds", "noted", "notes", "argued"}
    | {"argues", "wrote", "writes", "continued", "continues", "recalled", "recalls"}
)
# Words that open a time phrase after a noun phrase, never part of it.
_TIME_WORDS = frozenset({"during", "after", "before", "when", "while", "late", "early", "last"})
_TIME_PHRASE_ENDS = frozenset({"later", "earlier", "ago", "afterwards", "afterward"})
_NEXT_OPENERS = frozenset({"that", "this", "those", "these", "such"})
_BE = frozenset({"was", "is", "were", "are"})
# Nouns a name qualifies beyond the role nouns: "the Clinton camp", "a Trump rally".
_NAME_QUALIFIERS = frozenset({"camp", "team", "administration", "rally", "ad", "tweet"})
_NOUN_FOLLOWERS = _BE | frozenset({"have", "had", "were", "been"})
_AUXILIARIES = frozenset(
    {"has", "had", "have", "was", "is", "were", "are", "will", "would", "can", "could"}
    | {"should", "may", "might", "must", "does", "did", "do"}
)


def _index_of(w: list[str], word: str, start: int, stop: int) -> int:
    """The index of the first `word` among w[start:stop], or -1 (searched in C: sentence subjects
    look for commas in every sentence read)."""
    if word not in w[start:stop]:
        return -1
    return w.index(word, start, stop)


def _lower(words: list[str]) -> list[str]:
    return list(map(str.lower, words))


def verb_length(low: list[str], i: int) -> int:
    """How many words the reporting verb at `i` takes (0: none)."""
    word = low[i]
    continuations = _PHRASES.get(word)
    if continuations:
        for rest in continuations:
            if tuple(low[i + 1 : i + 1 + len(rest)]) == rest:
                return 1 + len(rest)
    if word in NOUN_FORMS and _noun_reading(low, i):
        return 0
    return 1 if word in REPORTING_VERBS else 0


def _noun_reading(low: list[str], i: int) -> bool:
    """Whether a verb form that is also a plural noun is the noun here: after a determiner or a
    possessive ("his remarks", "Trump’s claims"), or before "be" or "have" ("remarks were")."""
    before = low[i - 1] if i > 0 else ""
    after = low[i + 1] if i + 1 < len(low) else ""
    return before in NOUN_DETERMINERS or is_possessive(before) or after in _NOUN_FOLLOWERS


def is_modifier(word: str) -> bool:
    """An adverb or auxiliary that may stand between a subject and its verb."""
    return word in VERB_MODIFIERS or (
        len(word) > 4 and word.endswith("ly") and word.islower() and word not in NOT_ADVERBS
    )


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _chain_word(words: list[str], i: int) -> bool:
    """Whether word `i` can be part of a capitalised name chain."""
    word = words[i]
    if word[:1].isupper():
        return True
    if word == ".":
        return i > 0 and (
            words[i - 1] in DOTTED or (len(words[i - 1]) == 1 and _capitalised(words[i - 1]))
        )
    if word not in NAME_PARTICLES:
        return False  # most lower-case words: spare the slice below
    for following in words[i + 1 : i + 4]:
        if word not in NAME_PARTICLES:
            return False
        if _capitalised(following):
            return True
        word = following
    return False


def chain_words(words: list[str], first: int, last: int) -> list[str]:
    """The words first..last-1 of a chain with full stops joined to their abbreviation."""
    out: list[str] = []
    for i in range(first, last):
        if words[i] == "." and out:
            out[-1] += "."
        else:
            out.append(words[i])
    return out


# --- noun phrases ---------------------------------------------------------------------------------


def is_publication(name: Name) -> bool:
    return canonical_outlet(" ".join(name.tokens), strict=True) is not None


def _pronoun(words: Words, low: list[str], i: int, verb: str | None, rule: str) -> Attribution:
    word = words.words[i]
    kind: SubjectKind = "first_person" if low[i] in FIRST_PERSON else "pronoun"
    return Attribution(kind, word, words.start(i), verb, rule=rule)


def noun_phrase(
    words: Words, low: list[str], first: int, last: int, verb: str | None = None, rule: str = ""
) -> Attribution | None:
    """What the words first..last-1 name, as the subject of a reporting verb.

    A pronoun; a name, possibly after role words or a description ("Texas delegate Bill
    Eastland", "a smiling Gordon Pike"), with an affiliation ("… from Hertfordshire Police") or
    an apposition (", 74,", ", who chairs the board,") after it; or a description ("a spokeswoman
    for the council"), whose apposition may give the name ("the interior minister, Karim Benali").
    """
    w = words.words
    while last > first and w[last - 1] in (",", ";", "-"):
        last -= 1
    while first < last and low[first] in ("as", "—", "–", ","):
        first += 1
    if first >= last:
        return None
    if last - first == 1 and low[first] in _SUBJECT_PRONOUNS:
        return _pronoun(words, low, first, verb, rule)
    # An apposition after the first comma; a parenthesis ("(D-Ore.)") is no part of the phrase.
    head_end = last
    apposition: tuple[int, int] | None = None
    for i in range(first, last):
        if w[i] == "," or w[i] == "(":
            head_end = i
            if w[i] == ",":
                apposition = (i + 1, last)
            break
    if head_end == first:
        return None
    core_end = head_end
    for i in range(first + 1, head_end):
        if low[i] in _ATTACHING:
            core_end = i
            break
    if core_end < head_end and low[core_end] == "of":
        holder = _office_holder(words, low, first, core_end, head_end)
        if holder is not None:
            return replace(holder, verb=verb, rule=rule)
    # A name at the end of the core ("Vice presidential candidate Ellen Marsh").
    chain_start = core_end
    while chain_start > first and _chain_word(w, chain_start - 1):
        chain_start -= 1
    if chain_start < core_end and (
        w[chain_start][:1].isupper() or low[chain_start] in NAME_PARTICLES
    ):
        prefix = range(first, chain_start)
        if all(_prefix_word(w, low, i) for i in prefix):
            name = parse_words(chain_words(w, chain_start, core_end))
            if name is not None:
                posts = tuple(low[i] for i in prefix if low[i] in ROLE_NOUNS)
                if posts:
                    name = replace(name, titled=True, posts=name.posts + posts)
                at = words.start(chain_start)
                return Attribution("name", name.mention, at, verb, name, rule=rule)
    # "Her campaign": a possessive determiner opening the phrase is no function word here.
    opening = first + 1 if low[first] in _DETERMINERS else first
    if any(low[i] in FUNCTION_WORDS for i in range(opening, core_end)):
        return None
    opener = w[first]
    determined = low[first] in _DETERMINERS or (is_possessive(opener) and _capitalised(opener))
    if w[first + 1 : first + 2] in (["’"], ["'"]) and _capitalised(opener):
        determined = True  # "Sanders’ campaign"
    if not determined and core_end - first > 1:
        # "Sen. Kelly Ayotte’s campaign": a possessive name before the head determines it.
        possessor = w[core_end - 2]
        determined = (
            is_possessive(possessor)
            and _capitalised(possessor)
            and all(_chain_word(w, i) for i in range(first, core_end - 2))
        )
    head = low[core_end - 1]
    if apposition is not None:
        named = _appositive_name(words, low, *apposition)
        if named is not None and (determined or head in ROLE_NOUNS):
            return replace(named, verb=verb, rule=rule)
    if core_end - first == 1 and core_end < head_end and low[core_end] == "of":
        # "one of the men", "some of the protesters": the head is the noun after "of".
        determined, head = True, low[head_end - 1]
        if head_end - first > 2:
            mention = words.written(first, head_end)
            return Attribution(
                "description", mention, words.start(first), verb, head=head, rule=rule
            )
    role_head = w[core_end - 1] in ROLE_TITLES
    if determined and core_end - first > 1 and (role_head or not _capitalised(w[core_end - 1])):
        mention = words.written(first, head_end)
        return Attribution(
            "description",
            mention,
            words.start(first),
            verb,
            head=head,
            definite=low[first] == "the",
            rule=rule,
        )
    if core_end - first <= 2 and head.rstrip("s") in ROLE_NOUNS | {"official", "people"}:
        # "Police said", "Officials say": a capitalised role or a bare plural describes the speaker.
        mention = words.written(first, head_end)
        return Attribution("description", mention, words.start(first), verb, head=head, rule=rule)
    return None


def _office_holder(
    words: Words, low: list[str], first: int, of: int, last: int
) -> Attribution | None:
    """The name after a capitalised office with an "of" complement ("Secretary of State John
    Kerry", "Speaker of the House Rep. Paul Ryan"): the chain after "of" runs into the name,
    which starts at the first known first name or honorific after the complement's first word."""
    w = words.words
    # An office, not a person: "said Jeb Bush of Gov. Rick Scott" is about Scott.
    if not all(_capitalised(w[i]) and first_name_gender(w[i]) is None for i in range(first, of)):
        return None
    start = of + 1
    if start < last and low[start] == "the":
        start += 1
    if not all(_chain_word(w, i) for i in range(start, last)):
        return None
    for j in range(start + 1, last - 1):
        if w[j] in HONORIFICS or f"{w[j]}." in HONORIFICS or first_name_gender(w[j]) is not None:
            name = parse_words(chain_words(w, j, last))
            if name is None or len(name.tokens) < 2:
                return None
            posts = tuple(low[i] for i in range(first, of) if low[i] in ROLE_NOUNS)
            name = replace(name, titled=True, posts=name.posts + posts)
            return Attribution("name", name.mention, words.start(j), None, name)
    return None


def _prefix_word(w: list[str], low: list[str], i: int) -> bool:
    """Whether a word may stand before a name as part of its description ("Texas delegate")."""
    word = low[i]
    if word in _NP_STOPS and word not in _DETERMINERS:
        return False
    return word.isalnum() or "-" in word or is_possessive(w[i])  # "L2 president Bruce Willsie"


def _appositive_name(words: Words, low: list[str], first: int, last: int) -> Attribution | None:
    """A name that is the whole of an apposition (", Rita Okafor,"), or "a nurse named X"."""
    w = words.words
    end = first
    while end < last and _chain_word(w, end):
        end += 1
    if end == first:
        for i in range(first, min(last, first + 8) - 1):
            if low[i] in ("named", "called") and _capitalised(w[i + 1]):
                return _appositive_name(words, low, i + 1, last)
        return None
    if end < last and w[end] not in (",", ";", ")") and low[end] not in ("who", "whose"):
        return None
    name = parse_words(chain_words(w, first, end))
    if name is None or is_organisation(name):
        return None
    return Attribution("name", name.mention, words.start(first), None, name)


def _span_start(w: list[str], low: list[str], end: int) -> int:
    """Where the noun phrase that ends at word `end` (inclusive) starts, reading backwards."""
    j = end
    if w[j] == ")":
        for k in range(j - 1, max(-1, j - 10), -1):
            if w[k] == "(":
                j = k - 1
                break
    taken = 0
    while j >= 0 and taken < 10:
        word, lw = w[j], low[j]
        if _chain_word(w, j) and word != "I":
            j -= 1
        elif lw in _DETERMINERS:
            j -= 1
            break
        elif word in ("’", "'") and j > 0 and _capitalised(w[j - 1]) and low[j - 1][-1:] == "s":
            j -= 1  # "Sanders’ campaign": a plural possessive, split off by the word pattern
        elif lw in _NP_STOPS or not (word[:1].isalnum()):
            break
        else:
            j -= 1
        taken += 1
    return j + 1


def _phrase_before(
    words: Words, low: list[str], end: int, verb: str | None, rule: str, absolute: bool = False
) -> Attribution | None:
    """The subject that ends right before a verb (word `end` is its last word)."""
    w = words.words
    start = _span_start(w, low, end)
    if start > end:
        return None
    before = low[start - 1] if start > 0 else ""
    if before in _ATTACHING and not (absolute and before == "with") and start >= 2:
        # "Jon Simpson from Hertfordshire Police told", "a food bank in Wrexham has said": the
        # subject is the phrase the preposition attaches to.
        outer = _span_start(w, low, start - 2)
        if outer <= start - 2:
            found = noun_phrase(words, low, outer, end + 1, verb, rule)
            name = found.name if found is not None else None
            if name is not None and len(name.tokens) == 1 and not name.titled and outer == 0:
                return None  # "Silence on this abuse condemns …": a capitalised first word
            return _coordinated(words, low, found, outer, end)
        return None
    if before in PREPOSITIONS and not (absolute and before == "with"):
        return None
    return _coordinated(words, low, noun_phrase(words, low, start, end + 1, verb, rule), start, end)


def _coordinated(
    words: Words, low: list[str], found: Attribution | None, start: int, end: int
) -> Attribution | None:
    """A description joined by "and" to a determined one before it names one person, as
    definite as the determiner that opens the pair: "The Democratic front-runner and former
    secretary of state said" is "the secretary" in focus, not a new, unnamed one."""
    if (
        found is None
        or found.kind != "description"
        or start < 3
        or low[start - 1] != "and"
        or low[start] in _DETERMINERS
    ):
        return found
    outer = _span_start(words.words, low, start - 2)
    if outer >= start - 1 or low[outer] not in _DETERMINERS:
        return found
    return replace(
        found,
        mention=words.written(outer, end + 1),
        offset=words.start(outer),
        definite=low[outer] == "the",
    )


def _verb_after_name(lw: str) -> bool:
    """Whether a lower-case word right after a bare name is its verb rather than a noun the name
    qualifies ("Clinton campaign", "Trump supporters", "Sanders aide")."""
    if lw in _AUXILIARIES:
        return True
    return not (lw in ROLE_NOUNS or lw.endswith("s") or lw in _NAME_QUALIFIERS)


def _forward_end(
    w: list[str], low: list[str], first: int, limit: int, verb_may_follow: bool = True
) -> int:
    """Where a noun phrase that starts at `first` ends, reading forwards (exclusive).

    Without `verb_may_follow` (the subject after an inverted "said"), a lower-case word after a
    capitalised run is a role it qualifies ("said Montclair State University political
    scientist Brigid Harrison"), never its verb."""
    j = first
    if j < limit and (low[j] in _DETERMINERS or is_possessive(w[j])):
        j += 1
    last_good = j
    # The phrase so far is a bare capitalised run ("Nora Falk threw"; one word opening a sentence
    # is as often a noun, "Millennials are", "Tennis legend", so it needs a past tense: "Varga
    # launched").
    named = j == first
    while j < limit and j - first < 12:
        word, lw = w[j], low[j]
        if _chain_word(w, j):
            j += 1
            last_good = j
            continue
        after = j + 2 if low[j + 1 : j + 2] == ["the"] else j + 1
        if (
            lw == "of"
            and j > first
            and after < limit
            and _capitalised(w[j - 1])
            and _capitalised(w[after])
        ):
            j = after  # "said Secretary of State Dan Corwin": an office and its complement
            continue
        if lw in _NP_STOPS or not word[:1].isalnum() or (j > first and lw in _TIME_WORDS):
            break  # "said Carly Fiorina during the debate"
        if (
            named
            and verb_may_follow
            and lw.isalpha()
            and (j - first >= 2 or lw.endswith("ed") or lw in IRREGULAR_PAST)
            and _verb_after_name(lw)
        ):
            break  # "Nora Falk threw her support behind …": a verb after a bare name
        if named and lw.endswith("ly") and is_modifier(lw):
            break  # "Clinton clearly erred …": an adverb between a bare name and its verb
        named = False
        if word[:1].isdigit() or lw.isalpha() or "-" in lw:
            # Lower-case words belong to the phrase only before its head: a role before a name
            # ("delegate Bill Eastland"), or a description's words ("the Vermont senator").
            j += 1
            if lw.endswith("ed") and (j >= limit or low[j] in _NP_STOPS):
                break
            if (
                lw.endswith("s")
                and j - 1 > first
                and _capitalised(w[j - 2])
                and lw not in ROLE_NOUNS
            ):
                j -= 1  # "Trump visits Mexico": a verb after a name
                break
            last_good = j
            continue
        break
    return last_good


# --- clause shapes ------------------------------------------------------------------------------


def sentence_subject(words: Words, low: list[str], limit: int) -> Attribution | None:
    """The subject of the sentence in words 0..limit-1: past opening conjunctions and
    introductory phrases ("On Wednesday, …", "Speaking in Reno, …", "Infamously, when …, he")."""
    w = words.words
    i = 0
    while i < limit and (
        w[i][:1] in (MASK_CHAR, "“", "”", '"', "‘", "’") or w[i] in _LEADING_PUNCTUATION
    ):
        i += 1
    i = _past_dateline(w, i, limit)
    for _ in range(4):
        if i >= limit:
            return None
        lw = low[i]
        if lw in SENTENCE_OPENERS:
            i += 1
            if i < limit and w[i] == ",":
                i += 1
            continue
        intro = (
            lw in INTRO_WORDS
            or lw[:1].isdigit()
            or (
                i + 1 < limit
                and len(lw) > 4  # "Ted", "Fred": first names, not "Asked, …" or "Speaking …"
                and lw.endswith(("ing", "ed"))
                and not _capitalised(w[i + 1])  # "Retired Army Col. Lawrence Wilkerson"
            )
            or (
                # "Immediately after the attacks, Trump …"
                i + 1 < limit
                and len(lw) > 4
                and lw.endswith("ly")
                and (low[i + 1] in PREPOSITIONS or low[i + 1] in _TIME_WORDS)
                and first_name_gender(w[i]) is None
            )
        )
        if not intro:
            # "Hours later, …", "A few days later, …": a time phrase before the subject.
            comma = _index_of(w, ",", i + 1, min(limit, i + 5))
            intro = comma > 0 and low[comma - 1] in _TIME_PHRASE_ENDS
        if not intro:
            intro = _introductory(w, low, i, limit)
        if not intro:
            break
        comma = _index_of(w, ",", i + 1, min(limit, i + 30))
        if comma < 0:
            if lw in INTRO_WORDS:
                return None
            break  # "Retired Army Col. Lawrence Wilkerson started …": no phrase, a subject
        i = comma + 1
    if i >= limit:
        return None
    if low[i] in _SUBJECT_PRONOUNS:
        return _pronoun(words, low, i, None, "sentence subject")
    end = _forward_end(w, low, i, limit)
    if end <= i:
        return None
    # "Christie, New Jersey’s sitting governor, repeated …": the apposition is no part of it.
    found = noun_phrase(words, low, i, end, None, "sentence subject")
    if found is not None and found.kind == "description" and end < limit and w[end] == ",":
        # "Her lawyer, Joanna Byrne, disagreed: “…”"
        close = _index_of(w, ",", end + 1, min(limit, end + 10))
        named = _appositive_name(words, low, end + 1, close) if close > 0 else None
        if named is not None:
            return replace(named, rule="sentence subject")
    name = found.name if found is not None else None
    if name is not None and end < limit and w[end] == "," and is_place_or_group(name):
        # "Speaking at a town hall in Salem, New Hampshire, Trump went after Bush"
        return _after_place(words, low, end + 1, limit)
    return found


def _past_dateline(w: list[str], i: int, limit: int) -> int:
    """Where a sentence starts after a dateline ("WASHINGTON —", "RENO, Nev. (AP) —",
    "Washington (AFP) –"): a place in capitals or followed by an agency in parentheses, then a
    dash. The place is never the subject."""
    for d in range(i + 1, min(limit, i + 9)):
        if w[d] in _DIGEST_DASHES or w[d] == "―":
            before = w[i:d]
            if not all(x[:1].isupper() or x in (",", ".", "(", ")") for x in before):
                return i
            if "(" in before or (len(w[i]) > 1 and w[i].isupper() and w[i].isalpha()):
                return d + 1
            return i
        if not (w[d][:1].isupper() or w[d] in (",", ".", "(", ")")):
            return i
    return i


def _introductory(w: list[str], low: list[str], i: int, limit: int) -> bool:
    """Whether word `i` opens an introductory phrase rather than the subject: an adverb before a
    comma ("Recently, Herman Cain …", not "Kelly, 45, …"), "First of all,", or a short phrase
    whose comma a subject pronoun follows ("Along the way, she …", "Come November, he …")."""
    nxt = w[i + 1] if i + 1 < limit else ""
    if (
        nxt == ","
        and low[i].endswith("ly")
        and len(low[i]) > 4
        and first_name_gender(w[i]) is None
        and (i + 2 >= limit or not w[i + 2][:1].isdigit())  # "Specifically, “…”", not "Kelly, 45"
    ):
        return True
    if low[i] == "first" and (nxt == "," or low[i + 1 : i + 3] == ["of", "all"]):
        return True
    comma = _index_of(w, ",", i + 1, min(limit, i + 6))
    return (
        comma > 0
        and comma + 1 < limit
        and low[comma + 1] in _SUBJECT_PRONOUNS
        and not any(
            low[k] in _SUBJECT_PRONOUNS or low[k] in REPORTING_VERBS for k in range(i, comma)
        )
    )


def _after_place(words: Words, low: list[str], i: int, limit: int) -> Attribution | None:
    if i >= limit:
        return None
    if low[i] in _SUBJECT_PRONOUNS:
        return _pronoun(words, low, i, None, "sentence subject")
    end = _forward_end(words.words, low, i, limit)
    return noun_phrase(words, low, i, end, None, "sentence subject") if end > i else None


def head_clause(words: Words, people_only: bool = False) -> Attribution | None:
    """The reporting clause in a quotation's sentence before its opening mark: the subject of
    the latest reporting verb whose subject can be read. With `people_only`, a publication
    ("The Independent recounts:") is no subject and earlier verbs are tried."""
    low = _lower(words.words)
    n = len(low)
    w = words.words
    # A capitalised verb inside the clause is part of a name ("the United States has").
    verbs = [
        i
        for i in range(n)
        if low[i] in _VERB_WORDS and verb_length(low, i) and not (i > 0 and _capitalised(w[i]))
    ]
    # A verb right before the mark introduces the quotation itself ("… said one of the men
    # shouted “Get down!”"); a verb further back reports a paraphrase around a partial quote.
    last = verbs[-1] + verb_length(low, verbs[-1]) if verbs else n
    direct = all(x in (",", ":", "—", "–") for x in w[last:])
    found_main = (
        _main_clause(words, low, verbs, people_only) if len(verbs) > 1 and not direct else None
    )
    if found_main is not None:
        return found_main
    for v in reversed(verbs):
        found = _subject_of(words, low, v)
        if found is not None:
            if people_only and found.name is not None and is_publication(found.name):
                continue
            return found
    for i in range(n - 2):
        if low[i] == "according" and low[i + 1] == "to":
            found = noun_phrase(words, low, i + 2, _forward_end(words.words, low, i + 2, n))
            if found is not None:
                return replace(found, explicit=True, rule="according to")
    return None


def _main_clause(
    words: Words, low: list[str], verbs: list[int], people_only: bool
) -> Attribution | None:
    """The main clause's reporting verb when a sentence holds several: "Rep. Steve Israel said
    Clinton called on members to be “…”" and "Benjamin said he believes “…”" are Israel's and
    Benjamin's words, as annotators of news credit them, not the reported clause's subject's.
    Only a verb whose subject is the sentence's own subject counts."""
    main = sentence_subject(words, low, verbs[-1])
    if main is None or main.kind not in ("name", "pronoun"):
        return None
    latest = _subject_of(words, low, verbs[-1])
    if latest is not None and latest.offset == main.offset:
        return None  # the latest verb is the main clause's own: it credits the quotation
    for v in verbs[:-1]:
        found = _subject_of(words, low, v)
        if found is None or found.offset != main.offset:
            continue
        if people_only and found.name is not None and is_publication(found.name):
            return None
        return found
    return None


def _subject_of(words: Words, low: list[str], v: int) -> Attribution | None:
    """The subject of the reporting verb at word `v`."""
    w = words.words
    size = verb_length(low, v)
    verb = " ".join(w[v : v + size])
    participle = low[v].endswith("ing") or low[v] == "to"
    k = v - 1
    while k >= 0 and is_modifier(low[k]) and not (k > 0 and _capitalised(w[k])):
        k -= 1  # "Early described it": a capitalised "-ly" word inside a sentence is a name
    if k < 0:
        # The verb opens the clause: "Said Dorothy Poynter, who grew up with Ali, “…”".
        return None if participle else _after_verb(words, low, v + size, verb, "verb subject")
    word, lw = w[k], low[k]
    if lw in _SUBJECT_PRONOUNS:
        return _pronoun(words, low, k, verb, "subject verb")
    if participle and (
        word[:1] in ("”", '"') or (word == "," and k > 0 and w[k - 1][:1] in ("”", '"'))
    ):
        # "… a defence of “New York values,” saying the city …": no inverted subject follows
        # a participle; it is the sentence subject's.
        return _main_subject(words, low, k, verb)
    if word[:1] in (MASK_CHAR, "”", '"', "’") or (
        word == "," and k > 0 and w[k - 1][:1] in ("”", '"')
    ):
        # "…,” said Helen Cho" inside a longer sentence
        found = _after_verb(words, low, v + size, verb, "verb subject")
        if found is not None or word[:1] == MASK_CHAR:
            return found
    if participle and (lw in PARTICIPLE_LINKS or lw == "to"):
        # "…, saying: “…”", "He explained the headline by saying: “…”"
        if word == "," and k > 1 and verb_length(low, k - 1) and not low[k - 1].endswith("ing"):
            # "The two will meet next week, Spicer said, adding: “…”": the closing clause.
            closing = _subject_of(words, low, k - 1)
            if closing is not None and closing.kind in ("name", "pronoun"):
                return closing.with_verb(verb, "participle")
        return _main_subject(words, low, k, verb)
    if lw == "and" or lw == "to":
        return _main_subject(words, low, k, verb)
    if word == "," and low[v] in _PARENTHETICAL_VERBS:
        # A parenthetical inversion: "The paradox, says Carl Anthony, a historian, is that …",
        # "Because of the calendar, explained Rosenberg, “…”".
        found = _after_verb(words, low, v + size, verb, "verb subject")
        after = v + size + (len(found.mention.split()) if found is not None else 0)
        # The parenthesis closes after the subject, or a colon introduces the quotation ("At
        # the rally, said Rosenberg: “…”"); "…, said Fiorina “was involved”" is a report of
        # what Fiorina did.
        if (
            found is not None
            and found.kind in ("name", "pronoun")
            and w[after : after + 1] in ([","], [":"])
        ):
            return found
    if word in _DIGEST_DASHES:
        found = _between_dashes(words, low, k, verb)
        if found is not None:
            return found
    if word == "," and _party_tag_before(w, k):
        # "Gov. Dana Whitlock (R-OH), said": the tag and its comma belong to the name.
        found = _phrase_before(words, low, k - 1, verb, "subject verb")
        if found is not None and found.kind == "name":
            return found
    if word == ",":
        # "Dana Whitlock, chief strategist at Harbor Point Advisors, said": the phrase before
        # the apposition; "The chief constable, Linda Frost, said": the name in it.
        described: Attribution | None = None
        for c in range(k - 1, max(-1, k - 30), -1):
            if w[c] == "," and c > 0:
                found = _phrase_before(words, low, c - 1, verb, "subject verb")
                if found is not None and found.kind in ("name", "pronoun"):
                    return found
                if found is not None and found.kind == "description" and described is None:
                    described = found if found.names_a_role else None
                if found is not None and found.kind == "description":
                    named = _appositive_name(words, low, c + 1, k)
                    # "Clinton, during a town hall in Columbus, Ohio, said": a place ends a
                    # phrase of circumstance, and the subject stands before it.
                    if named is not None and not (
                        named.name is not None and is_place_or_group(named.name)
                    ):
                        return replace(named, verb=verb, rule="subject verb")
        if participle:
            return _main_subject(words, low, k, verb)
        # "Kelly Ayotte’s campaign, for example, said": a described speaker before a parenthesis
        # that names no one.
        return described if described is not None and k - 1 > 0 and w[k - 1] != "," else None
    if lw == "it" and (k == 0 or w[k - 1] in _CLAUSE_END or w[k - 1] == ","):
        # "It added, “…”": a thing or a publication named before (see Article.outlet_subject).
        return Attribution("description", word, words.start(k), verb, head="it", definite=True)
    if lw == "which" and k >= 2 and w[k - 1] == ",":
        # "… linked to the Associated Press report, which notes, “…”": the antecedent, wherever
        # it stands in the main clause.
        start = _span_start(w, low, k - 2)
        return (
            noun_phrase(words, low, start, k - 1, verb, "subject verb") if start < k - 1 else None
        )
    if lw in ("who", "whom"):
        c = k - 1
        if c >= 0 and w[c] == ",":
            c -= 1
        if c < 0:
            return None
        found = _phrase_before(words, low, c, verb, "subject verb")
        if found is None and _chain_word(w, c):
            # "Contrast that with Trump, who has called …": the antecedent may be an object.
            first = c
            while first > 0 and _chain_word(w, first - 1):
                first -= 1
            found = noun_phrase(words, low, first, c + 1, verb, "subject verb")
        return found
    found = _phrase_before(words, low, k, verb, "subject verb", absolute=participle)
    if (found is None or found.kind == "description") and not participle:
        named = _unclosed_apposition(words, low, k)
        if named is not None:
            return replace(named, verb=verb, rule="subject verb")
    if participle and found is not None and not found.names_a_role:
        # "Trump released a new radio ad calling it …", "Sanders started out the debate
        # saying …": a thing before the participle; the words are the sentence subject's.
        return _main_subject(words, low, k + 1, verb) or found
    if found is None and (low[k] in REPORTING_VERBS or low[k] in FUNCTION_WORDS):
        return None
    return found


def _unclosed_apposition(words: Words, low: list[str], k: int) -> Attribution | None:
    """The name opening the clause when a role after it runs to the verb with no closing comma
    ("Ana Ruiz, president and CEO of the Harbor Association stated, “…”"): the role holds a
    `ROLE_NOUNS` word and no comma, and no function word but `UNCLOSED_ROLE_WORDS`."""
    w = words.words
    comma = next((c for c in range(k, max(0, k - 14), -1) if w[c] == ","), None)
    if comma is None or comma < 2 or comma == k:
        return None
    if not all(_chain_word(w, i) for i in range(comma)):
        return None
    role = low[comma + 1 : k + 1]
    if not any(word in ROLE_NOUNS for word in role):
        return None
    for word in role:
        if not word.isalnum() or (word in FUNCTION_WORDS and word not in UNCLOSED_ROLE_WORDS):
            return None
    name = parse_words(chain_words(w, 0, comma))
    if name is None or len(name.tokens) < 2 or is_organisation(name):
        return None
    return Attribution("name", name.mention, words.start(0), None, name)


def _between_dashes(words: Words, low: list[str], k: int, verb: str) -> Attribution | None:
    """The subject of a verb after a parenthesis between dashes (word `k` is the closing dash):
    "A former candidate -- John McCain, who lost in 2008 -- said" (the name the parenthesis
    opens with), "Rita Okafor — a nurse for 30 years — said" (the phrase before it)."""
    w = words.words
    close = k
    while close > 0 and w[close - 1] in _DIGEST_DASHES:
        close -= 1
    for c in range(close - 1, max(-1, close - 40), -1):
        if w[c] in _CLAUSE_END:
            return None
        if w[c] not in _DIGEST_DASHES:
            continue
        named = _appositive_name(words, low, c + 1, close)
        if named is not None:
            return replace(named, verb=verb, rule="subject verb")
        opened = c
        while opened > 0 and w[opened - 1] in _DIGEST_DASHES:
            opened -= 1
        if opened == 0:
            return None
        found = _phrase_before(words, low, opened - 1, verb, "subject verb")
        return found if found is not None and found.kind != "first_person" else None
    return None


def _main_subject(words: Words, low: list[str], limit: int, verb: str) -> Attribution | None:
    found = sentence_subject(words, low, limit)
    if found is None or (found.kind == "description" and not found.names_a_role):
        return None
    return found.with_verb(verb, "participle")


def _after_verb(
    words: Words, low: list[str], first: int, verb: str | None, rule: str
) -> Attribution | None:
    """The subject after an inverted verb ("said Helen Cho, who …"), when it ends the clause."""
    w = words.words
    n = len(w)
    if first >= n:
        return None
    if low[first] in _SUBJECT_PRONOUNS:
        return _pronoun(words, low, first, verb, rule)
    end = _forward_end(w, low, first, n, verb_may_follow=False)
    if end <= first:
        return None
    following = low[end] if end < n else ""
    if (
        following
        and following[:1].isalnum()
        and following not in _INVERTED_FOLLOWERS
        and not _capitalised(w[end])
    ):
        return None
    stop = end
    if end < n and w[end] == ",":
        # "said the interior minister, Karim Benali"
        after = end + 1
        named_end = after
        while named_end < n and _chain_word(w, named_end):
            named_end += 1
        if named_end > after:
            stop = named_end
    return noun_phrase(words, low, first, stop, verb, rule)


def tail_clause(words: Words) -> Attribution | None:
    """A reporting clause right after a quotation: '…,” he recalled' / '…,” said Helen Cho'."""
    w = words.words
    low = _lower(w)
    n = len(w)
    i = 0
    while i < n and w[i] in _LEADING_PUNCTUATION and w[i] not in _DASHES:
        i += 1
    if i >= n:
        return None
    if w[i] in _DASHES:
        # "“…” — State Treasurer John Kennedy, speaking to reporters"
        end = _forward_end(w, low, i + 1, n)
        found = noun_phrase(words, low, i + 1, end, None, "dash")
        if found is not None and found.kind == "name":
            return found
        i += 1
        if i >= n:
            return None
    if i + 1 < n and low[i] == "according" and low[i + 1] == "to":
        end = _forward_end(w, low, i + 2, n)
        found = noun_phrase(words, low, i + 2, end, None, "according to")
        return replace(found, explicit=True) if found is not None else None
    if low[i : i + 4] == ["in", "the", "words", "of"]:
        end = _forward_end(w, low, i + 4, n)
        found = noun_phrase(words, low, i + 4, end, None, "according to")
        return replace(found, explicit=True) if found is not None else None
    if low[i] == "as" and i + 1 < n:
        i += 1  # "…,” as Cruz said on Glenn Beck"
    size = verb_length(low, i)
    if size and low[i].endswith("ing"):
        return None  # "…,” saying the city …": a participle takes no inverted subject
    if size:
        return _after_verb(words, low, i + size, " ".join(w[i : i + size]), "verb subject")
    j = i - 1
    while j + 1 < min(n, i + 40):
        j += 1
        word = w[j]
        if word == "(":
            j = next((k for k in range(j + 1, min(n, j + 12)) if w[k] == ")"), j)
            continue
        if word[:1] == MASK_CHAR or (
            word in _CLAUSE_END and not _chain_word(w, j) and not _after_party_tag(w, j)
        ):
            break
        # A capitalised verb form inside the clause is part of a name ("the United States").
        size = 0 if j > i and _capitalised(word) else verb_length(low, j)
        if not size:
            continue
        k = j - 1
        while k > i and is_modifier(low[k]):
            k -= 1
        verb = " ".join(w[j : j + size])
        if k == i and low[k] in _SUBJECT_PRONOUNS:
            return _pronoun(words, low, k, verb, "subject verb")
        found = noun_phrase(words, low, i, k + 1, verb, "subject verb")
        if found is not None:
            return found
        break
    return _quoted_as(words, low, i) or _closing_clause(words, low, i)


def _party_tag_before(w: list[str], j: int) -> bool:
    """Whether the words before word `j` close a party tag in brackets ("(R-OH)", "(D-Va.)")."""
    if j < 3 or w[j - 1] != ")":
        return False
    opening = next((i for i in range(j - 2, max(-1, j - 5), -1) if w[i] == "("), None)
    return opening is not None and _is_party_tag(w[opening + 1])


def _is_party_tag(tag: str) -> bool:
    """ "R-Pa", "D-OH", "I-Vt": a party letter, a hyphen and a state."""
    return len(tag) > 2 and tag[0] in PARTY_LETTERS and tag[1] == "-" and tag[2:3].isupper()


def _after_party_tag(w: list[str], j: int) -> bool:
    """Whether word `j` is the full stop of a party tag ("Rep. Glenn Thompson, R-Pa., said")."""
    if w[j] != "." or j == 0:
        return False
    return _is_party_tag(w[j - 1])


def _closing_clause(words: Words, low: list[str], first: int) -> Attribution | None:
    """A reporting clause that closes the sentence after a stretch of narration: "“…” in sharp
    contrast to earlier races, says Dante Scala, a political scientist." / "…, Scala said."."""
    w = words.words
    n = len(w)
    for c in range(first, min(n, first + 60)):
        if w[c][:1] == MASK_CHAR:
            return None  # another quotation first: its own clause
        if w[c] != "," or c + 1 >= n:
            continue
        v = c + 1
        size = verb_length(low, v)
        if size and not low[v].endswith("ing"):
            verb = " ".join(w[v : v + size])
            found = _after_verb(words, low, v + size, verb, "verb subject")
            if found is not None and found.kind in ("name", "pronoun"):
                return found
            continue
        if low[v] in _SUBJECT_PRONOUNS and low[v] not in FIRST_PERSON:
            size = verb_length(low, v + 1) if v + 1 < n else 0
            if size and _closes_clause(w, low, v + 1 + size):
                return _pronoun(words, low, v, " ".join(w[v + 1 : v + 1 + size]), "subject verb")
            continue
        end = v
        while end < n and _chain_word(w, end):
            end += 1
        if not (v < end < n and verb_length(low, end)):
            end = _forward_end(w, low, v, n)  # "…, DFA spokesman Neil Sroka said."
        size = verb_length(low, end) if v < end < n else 0
        if size and _closes_clause(w, low, end + size):
            found = noun_phrase(words, low, v, end, " ".join(w[end : end + size]), "subject verb")
            if found is not None and found.kind == "name":
                return found
    return None


def _closes_clause(w: list[str], low: list[str], at: int) -> bool:
    """Whether a reporting verb ending at word `at` closes its sentence: punctuation or the end
    follows, or an adjunct of time or place ("…, Hollande said on Tuesday", "…, she said
    Monday"), not an object ("…, Hale said the plan …")."""
    if at >= len(w) or w[at] in (".", ",", ";"):
        return True
    return low[at] in CLAUSE_ADJUNCTS or (is_modifier(low[at]) and low[at].endswith("ly"))


def _quoted_as(words: Words, low: list[str], first: int) -> Attribution | None:
    """'… quoted him as saying' / '… quoted Maria Lopez as saying'."""
    n = len(low)
    for i in range(first, min(n, first + 30)):
        if low[i] != "quoted":
            continue
        for j in range(i + 2, min(n, i + 8)):
            if low[j] == "as" and j + 1 < n and low[j + 1] == "saying":
                if j == i + 2 and low[i + 1] in OBJECT_PRONOUNS:
                    word = words.words[i + 1]
                    return Attribution(
                        "pronoun", word, words.start(i + 1), "saying", rule="quoted as"
                    )
                return noun_phrase(words, low, i + 1, j, "saying", "quoted as")
        break
    return None


_DIGEST_DASHES = frozenset({"-", "—", "–"})
_DIGEST_REACH = 6  # words between a digest line's dash and its colon: a name and a role at most


def colon_subject(words: Words) -> Attribution | None:
    """The subject of a sentence that introduces a quotation with a colon but no reporting verb
    ("Vasilenko brushed that aside: “…”", "Mayor Ines Rocha: “…”")."""
    w = words.words
    if not w or w[-1] != ":":
        return None
    low = _lower(w)
    more = next((i for i in range(min(len(w) - 2, 12)) if low[i : i + 2] == ["more", "from"]), -1)
    if more == 0 or (more > 0 and w[more - 1] in _DIGEST_DASHES):
        return _more_from(words, low, more)
    found = sentence_subject(words, low, len(w) - 1)
    if found is None:
        # A digest line: a headline, a dash, then who speaks ("POLLS JUST EARLY - Ana Ruiz: “…”").
        last = len(w) - 2
        reach = range(last, max(0, last - _DIGEST_REACH), -1)
        dash = next((i for i in reach if w[i] in _DIGEST_DASHES), None)
        if dash is None:
            return None
        found = noun_phrase(words, low, dash + 1, len(w) - 1, None, "colon")
        if found is None or found.name is None:
            return None
    return replace(found, rule="colon")


def _more_from(words: Words, low: list[str], at: int) -> Attribution | None:
    """A digest's "More from Jeffrey Jones: “…”" (word `at` is "More"): the name after "from"."""
    found = noun_phrase(words, low, at + 2, len(low) - 1, None, "colon")
    return found if found is not None and found.kind == "name" else None


def next_sentence(words: Words) -> Attribution | None:
    """The speaker a sentence right after a quotation names: "That was the message from union
    leader Joan Petrakis", "So says Omar Haddad", "Those were the words of …"."""
    w = words.words
    low = _lower(w)
    n = len(w)
    if n >= 2 and (w[0] in _DIGEST_DASHES or w[0] == "―"):
        # A signature paragraph after the quotation: "- President Ruth Calder, in a tweet."
        end = _forward_end(w, low, 1, n)
        found = noun_phrase(words, low, 1, end, None, "next sentence")
        return found if found is not None and found.kind == "name" else None
    if n < 3:
        return None
    if low[0] == "so" and low[1] in ("says", "said"):
        return _after_verb(words, low, 2, w[1], "next sentence")
    if low[0] not in _NEXT_OPENERS or low[1] not in _BE:
        return None
    for i in range(2, min(n, 8)):
        if low[i] in ("of", "from"):
            end = _forward_end(w, low, i + 1, n)
            found = noun_phrase(words, low, i + 1, end, None, "next sentence")
            return found if found is not None and found.kind != "pronoun" else None
    return None
