"""extract_quotes: decide each quotation's kind, then attribute its speaker and outlet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extraction.quotes.article import NO_SPEAKER, Article, Context, Speaker
from extraction.quotes.classify import characterises, is_scare, is_title_or_name
from extraction.quotes.clauses import (
    Attribution,
    colon_subject,
    head_clause,
    next_sentence,
    tail_clause,
)
from extraction.quotes.model import QuoteSpan, RawQuote
from extraction.quotes.names import is_person_like
from extraction.quotes.outlets import (
    OUTLET_WORDS,
    described_outlet,
    inline_outlet,
    lead_in_outlet,
)
from extraction.quotes.rules import (
    CREDITING_WORDS,
    OUTLET_CUE_WORDS,
    SENTENCE_OPENERS,
    SENTENCE_SPEECH_VERBS,
)
from extraction.quotes.text import MASK_CHAR
from extraction.quotes.tokens import Words
from extraction.records import QuoteKind

# What may end a quotation after its masked interior: its own punctuation, then the closing mark.
_QUOTE_END = ".,;:!?…”’\"'»"


@dataclass(frozen=True, slots=True)
class _Last:
    """The last attributed quotation: its paragraph, speaker and outlet."""

    paragraph: int
    speaker: Speaker
    outlet: str | None


def _credited_subject(article: Article, ctx: Context, sentence: int) -> Attribution | None:
    """Whom a short phrase in marks is credited to when its sentence has no reporting clause:
    the sentence's subject, when it is a person and the words between it and the phrase are
    about speech (`CREDITING_WORDS`: "Sanders has pushed his promise of “free college”", "Trump
    implied the judge was “hostile”"). Otherwise ("Trump landed in Phoenix for a “policy
    address”") the phrase stays a scare quote."""
    if not ctx.head.strip():
        return None
    subject = article.subject_in(ctx.head, ctx.head_at)
    if subject is None or subject.kind not in ("name", "pronoun"):
        return None
    if subject.name is not None and article.people.lookup(subject.name, subject.offset) is None:
        return None  # a name first met here may be a place ("The South China Sea has …")
    between = Words(ctx.head[subject.offset + len(subject.mention) - ctx.head_at :], 0)
    cue = next((w for w in between.words if w.lower() in CREDITING_WORDS), None)
    if cue is None or article.person_of(subject, sentence) is None:
        return None
    return subject.with_verb(cue.lower(), "credited subject")


def _subject_speaker(article: Article, ctx: Context) -> Attribution | None:
    """The speaker of a partial quotation whose sentence has no reporting clause the tables
    know: the sentence's subject when it is a person ("Sanders used this question to demand
    wealthy Americans “…”", "Trump lamented the “…”"), as annotators of news credit a quoted
    phrase to the one the sentence is about. A description ("The plan") credits no one."""
    subject = article.subject_in(ctx.head, ctx.head_at)
    if subject is None or subject.kind not in ("name", "pronoun"):
        return None
    if subject.name is not None and (
        not is_person_like(subject.name) or article.outlet_subject(subject) is not None
    ):
        return None  # a headline in capitals or a broadcaster is no person speaking
    return subject.with_verb(None, "sentence subject")


def _closing_clause(ctx: Context) -> Attribution | None:
    """The reporting clause right after a later quotation of the same sentence, which credits the
    phrases in marks before it too ("words like “maybe” and “perhaps”, he told reporters")."""
    last = ctx.tail.rfind(MASK_CHAR)
    if last < 0:
        return None
    at = last + 1
    while at < len(ctx.tail) and ctx.tail[at] in _QUOTE_END:
        at += 1
    return tail_clause(Words(ctx.tail[at:], ctx.tail_at + at))


def _bare_head(head: str) -> bool:
    """Whether the text before a quotation's opening mark names no one: nothing, a conjunction
    ("But “…”"), or a word or two of transition before a comma or colon ("Adding, “…”",
    "Specifically, “…”"). The quotation then continues what came before."""
    stripped = head.strip()
    if not stripped:
        return True
    words = Words(stripped, 0).words
    if all(w.lower() in SENTENCE_OPENERS or w in ",:" for w in words):
        return True  # "But “…”", "And then, “…”"
    return stripped[-1] in ",:" and len(words) <= 3


def _speech_in_sentence(head: Words, tail: Words) -> bool:
    """Whether the sentence around a short phrase in marks holds a speech verb
    (`SENTENCE_SPEECH_VERBS`): the phrase is then part of what somebody said."""
    return any(w.lower() in SENTENCE_SPEECH_VERBS for w in head.words + tail.words)


def _credits_an_outlet(article: Article, ctx: Context, words: list[str]) -> bool:
    """Whether the clause around a quotation can name a publication at all (a cheap test that
    spares most quotations the outlet patterns)."""
    return (
        article.names_outlet(ctx.head_at, ctx.tail_at + len(ctx.tail))
        or "[" in ctx.tail
        or any(w in OUTLET_WORDS or w.lower() in OUTLET_CUE_WORDS for w in words)
    )


def _inline_credit(article: Article, ctx: Context, head: Words, tail: Words) -> str | None:
    """The publication the quotation's sentence credits inline ("told the Guardian", "according
    to an Associated Press account", "the newspaper wrote"), if any."""
    if not _credits_an_outlet(article, ctx, head.words + tail.words):
        return None
    clause = ctx.head + " " + ctx.tail
    outlet = inline_outlet(clause, article.outlets)
    if outlet is None and described_outlet(clause):
        outlet = article.outlet_before(ctx.head_at)
    return outlet


def extract_quotes(
    paragraphs: Sequence[str], blockquote_paragraphs: frozenset[int] = frozenset()
) -> list[QuoteSpan]:
    """Quotes in reading order.

    blockquote_paragraphs: indices of paragraphs that HTML marked as <blockquote> (quoted even
    without quotation marks).
    """
    article = Article(paragraphs, blockquote_paragraphs)
    if not article.quotes:
        return []
    body = article.body
    out: list[QuoteSpan] = []
    last: _Last | None = None
    contexts_read = 0
    outlet_context: tuple[str, str] | None = None  # (speaker, outlet) of the latest credit
    for quote in article.quotes:
        opened = quote.start if quote.open_at is None else quote.open_at
        sentence = article.sentence_number(opened)
        article.advance(sentence)
        while contexts_read < len(article.outlet_contexts):
            at, person, credited = article.outlet_contexts[contexts_read]
            if at > opened:
                break
            outlet_context = (person, credited)
            contexts_read += 1
        text = body.text[quote.start : quote.end]
        ctx = article.context(quote)
        block = quote.first_paragraph in article.lead_ins or quote.whole_paragraph
        if not block and is_title_or_name(text, ctx.head, ctx.tail):
            continue
        head = Words(ctx.head, ctx.head_at)
        tail = Words(ctx.tail, ctx.tail_at)
        # A reporting clause credits every quotation in its sentence, short phrases included
        # ("Lund said the plan was a “support package”"), as annotators of news count them.
        found = tail_clause(tail) or head_clause(head) or colon_subject(head)
        if found is None and MASK_CHAR in ctx.tail:
            # "Guns are “…” and “…,” Howard Dean proclaimed": the clause after a later quotation
            found = _closing_clause(ctx)
        if found is None and ctx.following:
            found = next_sentence(Words(ctx.following, ctx.following_at))
        outlet: str | None = None
        if found is None and not block and is_scare(text, ctx.head, ctx.tail):
            found = _closing_clause(ctx) or _credited_subject(article, ctx, sentence)
            # "… threatening “a major lawsuit,” according to a letter reviewed by The Post"
            outlet = None if found is not None else _inline_credit(article, ctx, head, tail)
            if found is None and outlet is None:
                if not _speech_in_sentence(head, tail) and not characterises(
                    text, ctx.head, ctx.tail
                ):
                    out.append(QuoteSpan(text, None, None, None, None, "scare"))
                    continue
                found = article.subject_in(ctx.head, ctx.head_at) if ctx.head.strip() else None
        if (
            found is None
            and not block
            and ctx.head.strip()
            and outlet is None
            and _inline_credit(article, ctx, head, tail) is None
        ):
            found = _subject_speaker(article, ctx)
        speaker: Speaker | None = None
        if found is not None:
            outlet = article.outlet_subject(found)
            if outlet is not None:
                mention = found.mention if found.kind == "description" else None
                speaker = Speaker(None, mention, found.verb)
            else:
                speaker = article.resolve(found, sentence)
        outlet = outlet or _inline_credit(article, ctx, head, tail)
        lead_in = article.lead_ins.get(quote.first_paragraph)
        if block and lead_in is not None:
            lead = body.paragraphs[lead_in]
            outlet = (
                lead_in_outlet(lead)
                or inline_outlet(article.paragraph(lead_in), article.outlets)
                or outlet
            )
        if speaker is None and _bare_head(ctx.head):
            speaker, carried_outlet = _carry(article, quote, ctx, last, lead_in, sentence)
            outlet = outlet or carried_outlet
        speaker = speaker or NO_SPEAKER
        if speaker.speaker is not None and outlet_context is not None:
            if speaker.speaker != outlet_context[0]:
                outlet_context = None
            elif outlet is None and not block:
                outlet = outlet_context[1]
        if speaker.speaker is not None or speaker.mention is not None or outlet is not None:
            last = _Last(quote.last_paragraph, speaker, outlet)
        kind: QuoteKind = "block" if block else "direct"
        out.append(QuoteSpan(text, speaker.speaker, speaker.mention, speaker.verb, outlet, kind))
    return out


def _carry(
    article: Article,
    quote: RawQuote,
    ctx: Context,
    last: _Last | None,
    lead_in: int | None,
    sentence: int,
) -> tuple[Speaker | None, str | None]:
    """The speaker of an unattributed quotation that opens its sentence, from what came before."""
    paragraph = quote.first_paragraph
    carried = Speaker(last.speaker.speaker, None, None, last.speaker.person) if last else None
    # Same paragraph: an earlier quotation, else the sentence before ("Mr. Kadyrov advised …").
    if last is not None and last.paragraph == paragraph and carried is not None:
        article.speaker_credit(carried, ctx.head_at)
        return carried, last.outlet
    found = article.clause_in(ctx.previous_sentences, ctx.previous_at)
    if found is not None:
        return article.resolve(found, sentence), None
    if not article.opens_paragraph(quote) or paragraph == 0:
        return None, None
    # A quoted paragraph with no attribution continues the previous paragraph's speaker.
    if last is not None and last.paragraph == paragraph - 1 and carried is not None:
        article.speaker_credit(carried, ctx.head_at)
        outlet_run = lead_in is not None or last.speaker.speaker is None
        return carried, last.outlet if outlet_run else None
    # Past a lead-in only when it names nothing but a publication ("The Independent recounts:").
    bare = lead_in == paragraph - 1 and lead_in_outlet(article.body.paragraphs[lead_in]) is not None
    for index in (paragraph - 1, paragraph - 2) if bare else (paragraph - 1,):
        if index < 0:
            break
        tail, tail_at = article.paragraph_tail(index)
        found = article.clause_in(tail, tail_at)
        if found is not None:
            return article.resolve(found, sentence), None
    return None, None
