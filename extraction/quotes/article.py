"""One article being read: masked text, quotations, sentences, people, outlets and salience.

Work is done once per article and in one pass where it can be: quotation marks are found first
(an article without any costs almost nothing), names come from one pass of a regular expression
over the masked body, and sentences are read for salience only up to the last quotation.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from extraction.quotes.clauses import (
    Attribution,
    head_clause,
    sentence_subject,
)
from extraction.quotes.discourse import (
    CARRIED,
    OBJECT,
    OBLIQUE,
    POSSESSIVE,
    REPORTER,
    SPEAKER,
    SUBJECT,
    WINDOW,
    Discourse,
)
from extraction.quotes.model import RawQuote
from extraction.quotes.names import (
    LONG_NAME_RUN,
    NAME_RUN,
    Name,
    People,
    Person,
    first_name_gender,
    inside_word,
    is_organisation,
    is_person_like,
    is_place_or_group,
    parse_words,
    run_parts,
)
from extraction.quotes.outlets import (
    OUTLET_WORDS,
    canonical_outlet,
    inline_outlet,
    known_outlet,
    outlet_named,
)
from extraction.quotes.rules import (
    ANY_OPEN,
    BLOCKQUOTE_SIGNATURE,
    COMMON_WORD_SURNAMES,
    GROUP_ROLE_NOUNS,
    NAME_LABELS,
    NON_NAME_WORDS,
    NUMBER_WORDS,
    OBJECT_PRONOUNS,
    OPENING_WORDS,
    OUTLET_NOUNS,
    PREPOSITIONS,
    PRINCIPAL_VOICES,
    PRONOUNS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    TITLE_GENDERS,
    TITLE_NOUNS,
)
from extraction.quotes.scanner import scan
from extraction.quotes.text import MASK_CHAR, Body, Sentences, mask
from extraction.quotes.tokens import Words

_SIGNATURE = re.compile(BLOCKQUOTE_SIGNATURE)
# Dashes that open a signature paragraph after a quotation ("- Senator Ruth Calder.").
_SIGNATURE_DASHES = frozenset("-—–―")
# How far from a quotation its reporting clause may sit (characters): no clause is longer, and
# the bound keeps attribution linear in a paragraph with no sentence boundaries.
CLAUSE_REACH = 600
# How much narration before a quotation's sentence the carry-forward reads: a few sentences.
PREVIOUS_SENTENCES = 3
# How much of a sentence is read for its subject (characters).
SUBJECT_REACH = 240
# What may follow a person's name: an age ("Loujain Salem, 42,") or a relative clause ("…, who").
# A word written in lower case ("adding", "given"): what a capitalised opener is checked against.
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")
_PERSON_FOLLOWER = re.compile(r"(?:,\s+(?:\d{1,3},|aged\s+\d{1,3}|who\b)|\s+\(\d{1,3}\))")


@dataclass(frozen=True, slots=True)
class Context:
    """The masked text around one quotation."""

    head: str  # sentence text before the opening mark
    tail: str  # sentence text after the closing mark
    head_at: int  # offset of `head` in the joined body
    tail_at: int
    previous_sentences: str  # the paragraph before the quotation's sentence
    previous_at: int
    following: str = (
        ""  # the sentence after a quotation that ends its own (it may name the speaker)
    )
    following_at: int = 0


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved attribution: canonical speaker, the mention as written, the verb."""

    speaker: str | None
    mention: str | None
    verb: str | None
    person: Person | None = None


NO_SPEAKER = Speaker(None, None, None)


class Article:
    """One body being read: its text, masked text, sentences, people and block-quote runs."""

    def __init__(self, paragraphs: Sequence[str], blockquotes: frozenset[int]) -> None:
        self.body = Body(tuple(paragraphs))
        self.blockquotes = frozenset(i for i in blockquotes if 0 <= i < len(paragraphs))
        self.quotes = _with_blockquotes(self.body, scan(self.body), self.blockquotes)
        self.masked = mask(self.body.text, [(q.start, q.end) for q in self.quotes])
        self._paragraphs = [
            self.masked[s : s + len(p)]
            for s, p in zip(self.body.starts, self.body.paragraphs, strict=True)
        ]
        self._sentences: dict[int, Sentences] = {}
        self.people = People()
        self.outlets: list[str] = []  # publications named, in order of first mention
        self._outlet_offsets: list[int] = []
        self._outlet_names: list[str] = []
        self.lead_ins: dict[int, int | None] = {}
        self.discourse = Discourse()
        self.outlet_contexts: list[tuple[int, str, str]] = []
        self._sentence_base: list[int] = []  # global number of each paragraph's first sentence
        self._processed = -1  # the last sentence whose mentions the discourse holds
        self._resolved: dict[int, Person | None] = {}  # pronoun offset -> person
        self._lower_words: frozenset[str] | None = None
        if self.quotes:
            self._index()
            self.lead_ins = self._block_runs()

    # --- set-up -----------------------------------------------------------------------------

    def _index(self) -> None:
        """Sentence numbers up to the last quotation, then names and publications."""
        last = self.quotes[-1].last_paragraph
        count = 0
        for index in range(len(self._paragraphs)):
            self._sentence_base.append(count)
            if index <= last + 1:
                count += len(self.sentences(index).starts)
        self._index_names()

    def _index_names(self) -> None:
        """The people and publications that runs of two capitalised words or more name, in one
        pass over the masked body (a lone surname counts once a sentence around a quotation is
        read, where it is looked up among these)."""
        masked = self.masked
        people = self.people
        unknown: list[tuple[int, Name]] = []
        outlets: list[tuple[int, str]] = []
        for match in LONG_NAME_RUN.finditer(masked):
            start = match.start()
            if inside_word(masked, start):
                continue
            for at, words in run_parts(match.group()):
                if len(words) < 2:
                    continue
                offset = start + at
                outlet = known_outlet(words)
                if outlet is not None:
                    outlets.append((offset, outlet))
                    continue
                name = parse_words(words)
                if name is None or is_organisation(name) or is_place_or_group(name):
                    continue
                end = offset + len(" ".join(words))
                preceding = _preceding_word(masked, offset)
                if _person_evidence(name, preceding, masked, end):
                    if preceding in TITLE_NOUNS:
                        # "actress Susan Sarandon": a later "the actress" is her
                        name = replace(name, posts=(*name.posts, preceding))
                    people.add(name, offset)
                else:
                    unknown.append((offset, name))
        for offset, name in self._nicknamed():
            people.add(name, offset)
        for offset, name in unknown:
            if len(name.tokens) > 1 and self._common_opener(name, offset):
                # "Whatever Bloomberg decides": not a fuller name of the Bloomberg known
                offset += len(name.tokens[0]) + 1
                name = replace(name, tokens=name.tokens[1:])
            if people.lookup(name, offset) is not None:
                people.add(name, offset)
        self._outlet_offsets = [at for at, _ in outlets]
        self._outlet_names = [name for _, name in outlets]
        self.outlets = list(dict.fromkeys(self._outlet_names))

    def _nicknamed(self) -> list[tuple[int, Name]]:
        """People written with a nickname in marks between their names: Marvin “The Hammer”
        Hill is Marvin Hill."""
        out: list[tuple[int, Name]] = []
        masked = self.masked
        for quote in self.quotes:
            if quote.open_at is None or quote.close_at is None or quote.end - quote.start > 40:
                continue
            inner = self.body.text[quote.start : quote.end]
            # A nickname is a short capitalised name ("The Hammer"), not a sentence: “can come
            # in so easily.” between "Syria" and "Trump" names nobody.
            if not inner[:1].isupper() or inner[-1:] in ".,;:!?" or len(inner.split()) > 3:
                continue
            before = masked[max(0, quote.open_at - 30) : quote.open_at]
            after = masked[quote.close_at + 1 : quote.close_at + 31]
            if not before.endswith(" ") or not after.startswith(" "):
                continue
            first = before.split()[-1:] if before.strip() else []
            last = after.split()[:1]
            if first and last and first[0][:1].isupper() and last[0][:1].isupper():
                name = parse_words([first[0], last[0].rstrip(".,;:")])
                if name is not None and len(name.tokens) == 2:
                    out.append((quote.open_at - len(first[0]) - 1, name))
        return out

    def _mentions(
        self, start: int, end: int, sentence: int | None = None
    ) -> list[tuple[int, Person, float]]:
        """(offset, person, weight) of the known people named between `start` and `end` (a
        surname several people share is read as the one in focus at `sentence`)."""
        masked = self.masked
        focus = self._focus(sentence)
        out: list[tuple[int, Person, float]] = []
        for match in NAME_RUN.finditer(masked, start, end):
            run_start = match.start()
            if inside_word(masked, run_start):
                continue
            for at, words in run_parts(match.group()):
                if (
                    len(words) == 1
                    and words[0] in NON_NAME_WORDS
                    and words[0] not in COMMON_WORD_SURNAMES
                ):
                    continue
                name = parse_words(words)
                if name is None:
                    continue
                offset = run_start + at
                person = self.people.lookup(name, offset, focus)
                if person is None:
                    continue
                text = " ".join(words)
                preceding = _preceding_word(masked, offset)
                out.append(
                    (offset, person, _mention_weight(preceding, text, masked, offset + len(text)))
                )
        return out

    def _block_runs(self) -> dict[int, int | None]:
        """Paragraphs quoted as blocks -> the index of their lead-in paragraph (if any)."""
        initial = {q.first_paragraph for q in self.quotes if self.opens_paragraph(q)}
        continued = {
            i for q in self.quotes for i in range(q.first_paragraph + 1, q.last_paragraph + 1)
        }
        runs: dict[int, int | None] = {}
        lead_in: int | None = None
        for index, text in enumerate(self.body.paragraphs):
            quoted = index in initial or index in continued or index in self.blockquotes
            if lead_in is not None and quoted:
                runs[index] = lead_in
                continue
            if index in self.blockquotes:
                runs[index] = None
            lead_in = None
            if text.rstrip().endswith(":") and text.lstrip()[:1] not in ANY_OPEN:
                lead_in = index
        return runs

    # --- text -------------------------------------------------------------------------------

    def paragraph(self, index: int) -> str:
        """The masked text of one paragraph."""
        return self._paragraphs[index]

    def sentences(self, index: int) -> Sentences:
        """The sentences of one paragraph (found once per paragraph)."""
        found = self._sentences.get(index)
        if found is None:
            found = self._sentences[index] = Sentences(self._paragraphs[index])
        return found

    def sentence_number(self, offset: int) -> int:
        """The article-wide number of the sentence holding body offset `offset`."""
        index = self.body.paragraph_at(offset)
        local = self.sentences(index).index(offset - self.body.starts[index])
        return self._sentence_base[index] + local

    def words(self, text: str, base: int) -> Words:
        return Words(text, base)

    def paragraph_tail(self, index: int) -> tuple[str, int]:
        """The last few sentences of a paragraph and their offset in the joined body."""
        paragraph = self._paragraphs[index]
        start = self.sentences(index).before(len(paragraph), PREVIOUS_SENTENCES - 1)
        start = max(start, len(paragraph) - PREVIOUS_SENTENCES * CLAUSE_REACH)
        return paragraph[start:], self.body.starts[index] + start

    def last_sentence(self, index: int) -> tuple[str, int]:
        """The last sentence of a paragraph and its offset in the joined body."""
        paragraph = self._paragraphs[index]
        start = self.sentences(index).before(len(paragraph), 0)
        start = max(start, len(paragraph) - CLAUSE_REACH)
        return paragraph[start:], self.body.starts[index] + start

    def opens_paragraph(self, quote: RawQuote) -> bool:
        if quote.whole_paragraph:
            return True
        index = quote.first_paragraph
        paragraph = self.body.paragraphs[index]
        lead = len(paragraph) - len(paragraph.lstrip())
        return quote.open_at is not None and quote.open_at - self.body.starts[index] <= lead

    def _may_name_outlet(self, text: str, start: int, end: int) -> bool:
        """Whether a sentence may name a publication (a cheap test before the outlet patterns)."""
        if self.names_outlet(start, end):
            return True
        return any(w.strip(".,;:’'s") in OUTLET_WORDS for w in text.split() if w[:1].isupper())

    def outlet_before(self, offset: int) -> str | None:
        """The latest publication named before `offset` ("… the paper wrote")."""
        at = bisect.bisect_left(self._outlet_offsets, offset)
        return self._outlet_names[at - 1] if at else None

    def names_outlet(self, start: int, end: int) -> bool:
        """Whether a publication is named between body offsets `start` and `end`."""
        at = bisect.bisect_left(self._outlet_offsets, start)
        return at < len(self._outlet_offsets) and self._outlet_offsets[at] < end

    def context(self, quote: RawQuote) -> Context:
        first = quote.first_paragraph
        p_start = self.body.starts[first]
        paragraph = self.paragraph(first)
        open_rel = (quote.open_at if quote.open_at is not None else quote.start) - p_start
        sentences = self.sentences(first)
        s_start = max(sentences.bounds(open_rel)[0], open_rel - CLAUSE_REACH)
        head = paragraph[s_start:open_rel]
        p_from = max(sentences.before(s_start, PREVIOUS_SENTENCES), s_start - 3 * CLAUSE_REACH)
        previous = paragraph[p_from:s_start]
        if quote.close_at is None:
            tail, tail_at = "", quote.end
        else:
            last = quote.last_paragraph
            l_start = self.body.starts[last]
            closing = self.paragraph(last)
            close_rel = quote.close_at - l_start
            closing_sentences = self.sentences(last)
            _, s_end = closing_sentences.bounds(close_rel)
            if not closing[close_rel + 1 : s_end].strip() and _ends_open(self.body.text, quote):
                # “…function?” Foster said. — a question or exclamation mark ends the quotation,
                # not the sentence that reports it.
                _, s_end = closing_sentences.bounds(min(s_end, len(closing) - 1))
            s_end = min(s_end, close_rel + 1 + CLAUSE_REACH)
            tail, tail_at = closing[close_rel + 1 : s_end], quote.close_at + 1
            if not tail.strip():
                following = closing[s_end : s_end + CLAUSE_REACH]
                following_at = l_start + s_end
                if not following.strip() and last + 1 < len(self._paragraphs):
                    # A signature paragraph: "“…”" then "- Senator Ruth Calder, in a tweet."
                    signature = self._paragraphs[last + 1]
                    lead = len(signature) - len(signature.lstrip())
                    if signature[lead : lead + 1] in _SIGNATURE_DASHES:
                        following = signature[:CLAUSE_REACH]
                        following_at = self.body.starts[last + 1]
                return Context(
                    head,
                    tail,
                    p_start + s_start,
                    tail_at,
                    previous,
                    p_start + p_from,
                    following,
                    following_at,
                )
        return Context(head, tail, p_start + s_start, tail_at, previous, p_start + p_from)

    # --- salience ---------------------------------------------------------------------------

    def advance(self, sentence: int) -> None:
        """Let the discourse hold every sentence before `sentence` (only the last few matter)."""
        first = max(self._processed + 1, sentence - WINDOW - 2)
        for number in range(first, sentence):
            self._read_sentence(number)
        self._processed = max(self._processed, sentence - 1)

    def _sentence_at(self, number: int) -> tuple[int, int, int] | None:
        """(paragraph, start, end) of sentence `number`, offsets in the joined body."""
        index = bisect.bisect_right(self._sentence_base, number) - 1
        if index < 0 or index >= len(self._paragraphs):
            return None
        sentences = self.sentences(index)
        local = number - self._sentence_base[index]
        if local >= len(sentences.starts):
            return None
        start = sentences.starts[local]
        end = sentences.starts[local + 1] if local + 1 < len(sentences.starts) else sentences.end
        base = self.body.starts[index]
        return index, base + start, base + end

    def _read_sentence(self, number: int) -> None:
        """Add one narration sentence's subject and other named people to the discourse."""
        found = self._sentence_at(number)
        if found is None:
            return
        _, start, end = found
        text = self.masked[start:end]
        subject_at = -1
        head = text[:SUBJECT_REACH]
        subject_person: Person | None = None
        words: Words | None = None
        low: list[str] = []
        if head[:1] != MASK_CHAR:
            words = Words(head, start)
            low = list(map(str.lower, words.words))
            subject = sentence_subject(words, low, len(words))
            if subject is not None:
                subject_person = self.person_of(subject, number)
                if subject_person is not None:
                    subject_at = subject.offset
                    if MASK_CHAR not in text and self._may_name_outlet(text, start, end):
                        outlet = inline_outlet(text, self.outlets)
                        # "In a conversation with the Paris Review, he talked about …"
                        if outlet is not None and subject_person.name is not None:
                            self.outlet_contexts.append((start, subject_person.name, outlet))
        # A sentence read whole for its subject need not be read again for its reporting clause.
        whole = words if words is not None and len(text) <= SUBJECT_REACH else None
        speaker_at, reporter = self._note_reporter(text, start, number, subject_at, whole, low)
        if subject_person is not None:
            # "Omar Fitch will lead the review, said Jake Horvat": Fitch is the reported
            # clause's subject, no more salient than an object.
            demoted = reporter is not None and reporter is not subject_person
            self.discourse.note(number, subject_person, OBJECT if demoted else SUBJECT)
        for offset, person, weight in self._mentions(start, end, number):
            if offset not in (subject_at, speaker_at):
                self.discourse.note(number, person, weight)

    def _note_reporter(
        self,
        text: str,
        start: int,
        number: int,
        subject_at: int,
        whole: Words | None = None,
        low: Sequence[str] = (),
    ) -> tuple[int, Person | None]:
        """The person a narration sentence reports as speaking ("…, said Jake Horvat, an
        editor", "Earnest argued that …") is salient as a speaker: a "he said" in the next
        sentence most often continues with that person. Returns the mention's offset (or -1)
        and the person, when it is not the sentence's subject.

        `whole`: the words of all of `text`, when already found, and `low` their lower case.
        Every verb the word-by-word test below finds ("said," stripped) is one of those words
        too (the word pattern splits at spaces and at those marks), so a sentence whose words
        hold none (most narration) is passed over by one set test."""
        if whole is not None and REPORTING_VERBS.isdisjoint(low):
            return -1, None
        if not any(w.lower().strip(".,;:") in REPORTING_VERBS for w in text.split()):
            return -1, None
        clause = whole
        if clause is None:
            clause = Words(text[-CLAUSE_REACH:], start + max(0, len(text) - CLAUSE_REACH))
        found = head_clause(clause)
        if found is None or found.kind != "name" or found.offset == subject_at:
            return -1, None
        person = self.person_of(found, number)
        if person is None:
            return -1, None
        self.discourse.note(number, person, REPORTER)
        return found.offset, person

    def _focus(self, sentence: int | None) -> Callable[[], Mapping[Person, float]] | None:
        """The discourse's scores at `sentence`, computed only when a name is ambiguous."""
        if sentence is None:
            return None
        return lambda: self.discourse.salience(sentence)

    def nearby(self, offset: int) -> list[tuple[Person, float]]:
        """People named earlier in the sentence holding `offset`, with their weights."""
        index = self.body.paragraph_at(offset)
        local_start = self.sentences(index).bounds(offset - self.body.starts[index])[0]
        start = self.body.starts[index] + local_start
        number = self.sentence_number(offset)
        return [(person, weight) for _, person, weight in self._mentions(start, offset, number)]

    def person_of(self, found: Attribution, sentence: int) -> Person | None:
        """The person a clause's subject refers to (pronouns and titles resolved), or None."""
        if found.kind == "pronoun":
            word = found.mention.lower()
            if word in ("they", "them"):
                return None
            if found.offset in self._resolved:
                return self._resolved[found.offset]
            gender = PRONOUNS.get(word, OBJECT_PRONOUNS.get(word))
            person = self._reporter_before(found.offset, sentence, gender)
            if person is None:
                person = self.discourse.resolve(sentence, gender, self.nearby(found.offset))
            self._resolved[found.offset] = person
            return person
        if found.kind == "name" and found.name is not None:
            name = found.name
            person = self.people.lookup(name, found.offset, self._focus(sentence))
            if person is None and self._common_opener(name, found.offset):
                if len(name.tokens) == 1:
                    return None  # "Adding, “…”", "Specifically, …": no one named
                # "Given Sanders’ success, …": the name after the opening word
                rest = replace(name, tokens=name.tokens[1:])
                at = found.offset + len(name.tokens[0]) + 1
                return self.person_of(replace(found, name=rest, offset=at), sentence)
            if person is None and len(name.tokens) > 1 and self._common_word(name.tokens[0]):
                # "Team Trump sees …", "Candidate Clinton": a label before a known name
                rest = replace(name, tokens=name.tokens[1:])
                person = self.people.lookup(rest, found.offset, self._focus(sentence))
                if person is not None:
                    return person
            if person is None:
                if not is_person_like(name) or canonical_outlet(" ".join(name.tokens), strict=True):
                    return None
                if self._capitalised_by_position(name, found.offset):
                    return None
                person = self.people.add(name, found.offset)
            else:
                self.people.add(name, found.offset)
            return person
        if found.kind == "description" and found.head is not None:
            if found.offset in self._resolved:
                return self._resolved[found.offset]
            head = found.head
            person = None
            if found.definite and head in TITLE_NOUNS:
                # "the Vermont senator": the salient person holding the post
                person = self.discourse.resolve_title(sentence, head, TITLE_GENDERS.get(head))
            if person is None and head in ROLE_NOUNS and head not in GROUP_ROLE_NOUNS:
                # "One California delegate said …": someone a later "he" may refer to
                person = Person((found.mention,), TITLE_GENDERS.get(head), anonymous=True)
            self._resolved[found.offset] = person
            return person
        return None

    def _reporter_before(self, offset: int, sentence: int, gender: str | None) -> Person | None:
        """The person named as the subject of a reporting clause earlier in a pronoun's own
        sentence, when the gender fits: in "Cruz spokesman Rick Tyler said that the campaign
        will …, he said" the "he" is Tyler."""
        index = self.body.paragraph_at(offset)
        base = self.body.starts[index]
        start = base + self.sentences(index).bounds(offset - base)[0]
        start = max(start, offset - CLAUSE_REACH)
        text = self.masked[start:offset]
        if not any(w.lower().strip(".,;:") in REPORTING_VERBS for w in text.split()):
            return None
        found = head_clause(Words(text, start))
        if found is None or found.kind != "name" or found.name is None:
            return None
        person = self.person_of(found, sentence)
        if person is None or person.anonymous:
            return None
        if gender is not None and person.gender not in (None, gender):
            return None
        return person

    def _common_opener(self, name: Name, offset: int) -> bool:
        """Whether a name's first word is a common word capitalised only because it opens a
        sentence ("Adding, “…”", "Continuing to explain, …", "Given Sanders’ success, …",
        "Six in 10 voters said"): the article writes it in lower case elsewhere or it is a
        number word, it is no known first name, and only a sentence end stands before it."""
        first = name.tokens[0]
        if name.honorific is not None or name.titled or not self.masked.startswith(first, offset):
            return False
        if (
            first not in NUMBER_WORDS
            and first not in OPENING_WORDS
            and not self._common_word(first)
        ):
            return False
        before = self.masked[max(0, offset - 4) : offset].rstrip(" \t")
        before = before.rstrip("”’\"'")
        return not before or before[-1] in ".!?\n"

    def _common_word(self, word: str) -> bool:
        """Whether a capitalised word is a common word here, not a first name: a label put
        before names (`NAME_LABELS`: "Team Trump") or a word the article writes in lower case
        elsewhere ("Celebrating" beside "celebrating")."""
        if first_name_gender(word) is not None:
            return False
        return word in NAME_LABELS or word.lower() in self._lower_case_words()

    def _lower_case_words(self) -> frozenset[str]:
        """The words the article writes in lower case (found once, when first asked)."""
        if self._lower_words is None:
            self._lower_words = frozenset(_LOWER_WORD.findall(self.masked))
        return self._lower_words

    def _capitalised_by_position(self, name: Name, offset: int) -> bool:
        """Whether a lone unknown word is capitalised only because it opens a sentence
        ("Footage shows …", "Sometimes he …"): no title, no known first name, and nothing but a
        sentence end or a closing mark before it. A surname first met alone there is lost."""
        if len(name.tokens) > 1 or name.honorific is not None or name.titled:
            return False
        if first_name_gender(name.tokens[0]) is not None:
            return False
        before = self.masked[max(0, offset - 4) : offset].rstrip(" \t")
        before = before.rstrip("”’\"'")
        return not before or before[-1] in ".!?\n"

    def resolve(self, found: Attribution, sentence: int | None = None) -> Speaker:
        """The speaker of a clause: a person's canonical name, an organisation as written, or
        nobody (a description, "they", "I"); the person becomes salient as a speaker."""
        number = self.sentence_number(found.offset) if sentence is None else sentence
        if found.kind == "name" and found.name is not None and is_organisation(found.name):
            return Speaker(" ".join(found.name.tokens), found.mention, found.verb)
        person = self.person_of(found, number)
        if found.kind == "description" and found.head in PRINCIPAL_VOICES:
            person = self._principal(found, number) or person
        if person is not None:
            self.discourse.note(number, person, SPEAKER)
            return Speaker(person.name, found.mention, found.verb, person)
        if found.kind == "name" and found.name is not None:
            if self._common_opener(found.name, found.offset):
                return Speaker(None, None, found.verb)  # "Six in 10 voters said": no name
            if not is_place_or_group(found.name):
                return Speaker(" ".join(found.name.tokens), found.mention, found.verb)
        return Speaker(None, found.mention, found.verb)

    def _principal(self, found: Attribution, sentence: int) -> Person | None:
        """The person a campaign, an office or a spokesperson speaks for: named inside the
        description ("the Clinton campaign", "Powell’s office") or by its possessive ("her
        campaign" -> the salient woman)."""
        first = found.mention.split()[0].lower()
        gender = {"his": "m", "her": "f"}.get(first)
        if gender is not None:
            return self.discourse.resolve(sentence, gender, self.nearby(found.offset))
        named = self._mentions(found.offset, found.offset + len(found.mention), sentence)
        return next((p for _, p, _ in named if p.name is not None), None)

    def speaker_credit(self, speaker: Speaker, offset: int) -> None:
        """A speaker carried to another quotation stays salient there."""
        if speaker.person is not None:
            self.discourse.note(self.sentence_number(offset), speaker.person, CARRIED)

    def clause_in(self, text: str, base: int) -> Attribution | None:
        """The latest reporting clause in a stretch of masked narration whose subject is no
        publication ("The Independent recounts:" reaches further back)."""
        return head_clause(Words(text, base), people_only=True)

    def subject_in(self, text: str, base: int) -> Attribution | None:
        """The subject of the sentence `text` (a person, a pronoun or a description)."""
        words = Words(text[:SUBJECT_REACH], base)
        return sentence_subject(words, list(map(str.lower, words.words)), len(words))

    def outlet_subject(self, found: Attribution) -> str | None:
        """The publication a clause's subject is: a name ("The Washington Post"), a description
        that names one ("the nationalist Global Times tabloid", "the Associated Press report"),
        a publication noun ("the newspaper": the latest one named), or "it" within two
        sentences of one named ("The Post reported … It added, “…”")."""
        if found.kind == "name" and found.name is not None:
            return outlet_named(" ".join(found.name.tokens), self.outlets)
        if found.kind != "description":
            return None
        end = found.offset + len(found.mention)
        if found.head != "it" and self.names_outlet(found.offset, end):
            return self.outlet_before(end)
        if found.definite and found.head in OUTLET_NOUNS:
            return self.outlet_before(found.offset) or None
        if found.head == "it":
            at = bisect.bisect_left(self._outlet_offsets, found.offset)
            if at and self.sentence_number(self._outlet_offsets[at - 1]) >= (
                self.sentence_number(found.offset) - 2
            ):
                return self._outlet_names[at - 1]
        return None


def _preceding_word(masked: str, offset: int) -> str:
    """The word before `offset`, lower case, without punctuation around it."""
    before = masked[max(0, offset - 24) : offset].split()
    return before[-1].lower().strip(",;:") if before else ""


def _mention_weight(preceding: str, text: str, masked: str, end: int) -> float:
    """How much a mention by name adds to a person's salience, by its role in the sentence."""
    if preceding in PREPOSITIONS:
        return OBLIQUE
    if text.endswith(("’s", "'s", "s’", "s'")) or masked[end : end + 1] in ("’", "'"):
        return POSSESSIVE
    return OBJECT


def _person_evidence(name: Name, preceding: str, masked: str, end: int) -> bool:
    """Whether a capitalised chain is a person's name on its own evidence: an honorific or a
    title, a role noun before it, an age or "who" after it, or a known first name (not after
    "the": "the Dallas Cowboys", "the Christian Monitor Breakfast")."""
    if name.honorific is not None or name.titled or preceding in ROLE_NOUNS:
        return True
    if len(name.tokens) < 2 or preceding == "the":
        return False
    if _PERSON_FOLLOWER.match(masked, end):
        return True
    return first_name_gender(name.tokens[0]) is not None


def _ends_open(text: str, quote: RawQuote) -> bool:
    """Whether a quotation ends with a mark that need not end the reporting sentence."""
    return text[quote.start : quote.end].rstrip()[-1:] in "?!…"


def _with_blockquotes(
    body: Body, quotes: list[RawQuote], blockquotes: frozenset[int]
) -> list[RawQuote]:
    """Scanner spans plus each <blockquote> paragraph not already quoted from its start."""
    out = list(quotes)
    for index in sorted(blockquotes):
        start, end = body.span(index)
        touching = [q for q in out if q.start < end + 2 and q.end > start - 2]
        if any(q.first_paragraph != q.last_paragraph for q in touching):
            continue
        lead = len(body.paragraphs[index]) - len(body.paragraphs[index].lstrip())
        if any(q.open_at == start + lead for q in touching):
            continue
        text = body.paragraphs[index].strip()
        if not text:
            continue
        out = [q for q in out if q not in touching]
        begin = start + lead
        # "We shall fight on the beaches. — Winston Churchill": the signature is not quoted; the
        # gap before it stands in for a closing mark, so the signature reads as the tail.
        signed = _SIGNATURE.search(text)
        stop = begin + (signed.start() if signed else len(text))
        close = stop if signed else None
        out.append(RawQuote(begin, stop, None, close, index, index, True))
    return sorted(out, key=lambda q: q.start)
