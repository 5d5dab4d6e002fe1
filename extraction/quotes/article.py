"""One article being read: its joined and masked text, quotations, people and block runs."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from extraction.quotes.attribution import Attribution, last_clause, subjects
from extraction.quotes.model import RawQuote
from extraction.quotes.names import (
    People,
    chains,
    is_organisation,
    looks_like_person,
    nicknamed,
    parse_name,
)
from extraction.quotes.outlets import inline_outlet, outlet_mentions
from extraction.quotes.rules import (
    ANY_OPEN,
    BLOCKQUOTE_SIGNATURE,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
)
from extraction.quotes.scanner import scan
from extraction.quotes.text import MASK_CHAR, Body, Sentences, mask

_SIGNATURE = re.compile(BLOCKQUOTE_SIGNATURE)
_POSSESSIVE = re.compile(r"^[’']s?\b|^s?[’'](?:\s|$)")
# How far from a quotation its reporting clause may sit (characters): no clause is longer, and
# the bound keeps attribution linear in a paragraph with no sentence boundaries.
CLAUSE_REACH = 600
# How much narration before a quotation's sentence the carry-forward reads: a few sentences.
PREVIOUS_SENTENCES = 3


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


NO_SPEAKER = Speaker(None, None, None)


class Article:
    """One body being read: its text, masked text, people and block-quote runs."""

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
        self.people = _people(self.masked, self._sentence_starts())
        self.lead_ins = self._block_runs()
        credits = outlet_mentions(self.masked)
        self.outlets = list(dict.fromkeys(outlet for _, outlet in credits))
        self._credit_offsets = [at for at, _ in credits]
        self._credits = [outlet for _, outlet in credits]
        self.outlet_contexts = self._outlet_contexts()

    def outlet_before(self, offset: int) -> str | None:
        """The latest publication credited by name before `offset` ("… the paper wrote")."""
        at = bisect.bisect_left(self._credit_offsets, offset)
        return self._credits[at - 1] if at else None

    def paragraph(self, index: int) -> str:
        """The masked text of one paragraph."""
        return self._paragraphs[index]

    def sentences(self, index: int) -> Sentences:
        """The sentences of one paragraph (found once per paragraph)."""
        found = self._sentences.get(index)
        if found is None:
            found = self._sentences[index] = Sentences(self._paragraphs[index])
        return found

    def _sentence_starts(self) -> list[int]:
        """Where every sentence of the body starts (offsets in the joined body), in order."""
        out: list[int] = []
        for index, start in enumerate(self.body.starts):
            out.extend(start + s for s in self.sentences(index).starts)
        return out

    def paragraph_tail(self, index: int) -> tuple[str, int]:
        """The last few sentences of a paragraph and their offset in the joined body."""
        paragraph = self._paragraphs[index]
        start = self.sentences(index).before(len(paragraph), PREVIOUS_SENTENCES - 1)
        start = max(start, len(paragraph) - PREVIOUS_SENTENCES * CLAUSE_REACH)
        return paragraph[start:], self.body.starts[index] + start

    def opens_paragraph(self, quote: RawQuote) -> bool:
        if quote.whole_paragraph:
            return True
        index = quote.first_paragraph
        paragraph = self.body.paragraphs[index]
        lead = len(paragraph) - len(paragraph.lstrip())
        return quote.open_at is not None and quote.open_at - self.body.starts[index] <= lead

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

    def _outlet_contexts(self) -> list[tuple[int, str, str]]:
        """Framing sentences that credit a publication: (offset, speaker, outlet).

        "In a conversation with the Paris Review, he talked about his childhood." makes the
        Paris Review the outlet of the quotes of "he" that follow, until someone else speaks.
        A sentence holding a quotation credits only that quotation (and its paragraph).
        """
        out: list[tuple[int, str, str]] = []
        for index in range(len(self.body.paragraphs)):
            paragraph = self.paragraph(index)
            base = self.body.starts[index]
            for start, end in self.sentences(index).pairs():
                sentence = paragraph[start:end]
                if MASK_CHAR in sentence:
                    continue
                outlet = inline_outlet(sentence, self.outlets)
                if outlet is None:
                    continue
                speaker = self._person_in(sentence, base + start)
                if speaker is not None:
                    out.append((base + start, speaker, outlet))
        return out

    def _person_in(self, sentence: str, base: int) -> str | None:
        """The person a sentence is about: its reporting clause's subject, else its first person."""
        clause = last_clause(sentence)
        candidates = [clause] if clause is not None else subjects(sentence)
        for found in candidates:
            named = found.kind == "name" and found.name is not None
            if named and found.name and self.people.lookup(found.name, base + found.offset) is None:
                continue
            speaker = self.resolve(found.shifted(base)).speaker
            if speaker is not None:
                return speaker
        return None

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
                return Context(
                    head,
                    tail,
                    p_start + s_start,
                    tail_at,
                    previous,
                    p_start + p_from,
                    following,
                    l_start + s_end,
                )
        return Context(head, tail, p_start + s_start, tail_at, previous, p_start + p_from)

    def resolve(self, found: Attribution) -> Speaker:
        if found.kind == "pronoun":
            word = found.mention.lower()
            gender = PRONOUNS.get(word, OBJECT_PRONOUNS.get(word))
            person = None
            if word not in ("they", "them"):
                paragraph = self.body.paragraph_at(found.offset)
                window = self.body.starts[max(0, paragraph - 2)]
                person = self.people.resolve_pronoun(gender, found.offset, window)
                if person is not None:
                    self.people.mention(person, found.offset)  # "she said … she added"
            speaker = " ".join(person.canonical) if person else None
            return Speaker(speaker, found.mention, found.verb)
        if found.kind == "name" and found.name is not None:
            person = self.people.lookup(found.name, found.offset)
            speaker = " ".join(person.canonical if person else found.name.tokens)
            return Speaker(speaker, found.mention, found.verb)
        return Speaker(None, found.mention, found.verb)


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


# A name within this many words of its sentence's start stands in subject position.
SUBJECT_WORDS = 7


def _subject_position(masked: str, starts: list[int], offset: int) -> bool:
    """Whether a mention opens its sentence ("On Wednesday, Clinton bashed …"): the salient
    position a later "she" most often refers back to."""
    index = bisect.bisect_right(starts, offset) - 1
    start = max(starts[index] if index >= 0 else 0, offset - 20 * SUBJECT_WORDS)
    return len(masked[start:offset].split()) < SUBJECT_WORDS


def _people(masked: str, starts: list[int]) -> People:
    """Everyone the (masked) body names, with every place they are mentioned.

    A mention is salient (a likely antecedent for a pronoun) when it is in subject position and
    neither a possessive ("Trump’s influence") nor the object of a preposition.
    """
    people = People()
    singles: list[tuple[int, str, bool]] = []
    for offset, chain in chains(masked):
        name = parse_name(chain)
        if name is None:
            continue
        at = offset + chain.index(name.honorific or name.tokens[0])
        before = masked[max(0, offset - 30) : offset].split()
        preceding = before[-1].strip(",;:") if before else ""
        following = masked[offset + len(chain) : offset + len(chain) + 12]
        salient = (
            preceding.lower() not in PREPOSITIONS
            and not _POSSESSIVE.match(following)
            and not chain.endswith(("’s", "'s", "s’", "s'"))
            and _subject_position(masked, starts, at)
        )
        if looks_like_person(name, preceding, following):
            people.add(name, at, salient)
        else:
            singles.append((at, chain, salient))
    for at, nick in nicknamed(masked):
        people.add(nick, at)
    for found in _all_clauses(masked):
        if found.kind == "name" and found.name and not is_organisation(found.name):
            people.add(found.name, found.offset)
    for at, chain, salient in singles:
        name = parse_name(chain)
        if name is None:
            continue
        person = people.lookup(name, at)
        if person is not None:
            people.add(name, at, salient)
    return people


def _all_clauses(masked: str) -> list[Attribution]:
    """Every named subject of a reporting clause, sentence by sentence."""
    out: list[Attribution] = []
    base = 0
    for paragraph in masked.split("\n\n"):
        for s, e in Sentences(paragraph).pairs():
            found = last_clause(paragraph[s:e])
            if found is not None:
                out.append(found.shifted(base + s))
        base += len(paragraph) + 2
    return out
