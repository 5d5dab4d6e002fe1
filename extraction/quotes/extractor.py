"""extract_quotes: decide each quotation's kind, then attribute its speaker and outlet."""

from __future__ import annotations

from collections.abc import Sequence

from extraction.quotes.article import NO_SPEAKER, Article, Context, Speaker
from extraction.quotes.attribution import (
    Attribution,
    colon_subject,
    in_tail,
    last_clause,
    next_sentence,
)
from extraction.quotes.classify import (
    is_noun_phrase_scare,
    is_scare,
    is_title_or_name,
    is_utterance,
    word_count,
)
from extraction.quotes.model import QuoteSpan, RawQuote
from extraction.quotes.outlets import described_outlet, inline_outlet, lead_in_outlet
from extraction.quotes.rules import SCARE_MAX_WORDS
from extraction.records import QuoteKind


def _held_at_arms_length(text: str, ctx: Context, found: Attribution) -> bool:
    """Whether a short phrase in a reported sentence is still a scare quote.

    A noun phrase after a determiner ("the government’s “support package”"), or any short phrase
    when the subject is an institution rather than a person or a role ("The government insists
    it is sending “help”").
    """
    if is_utterance(text):
        return False
    if is_noun_phrase_scare(text, ctx.head):
        return True
    return word_count(text) <= SCARE_MAX_WORDS and not found.names_a_role


def _shift(found: Attribution | None, base: int) -> Attribution | None:
    return found.shifted(base) if found is not None else None


def extract_quotes(
    paragraphs: Sequence[str], blockquote_paragraphs: frozenset[int] = frozenset()
) -> list[QuoteSpan]:
    """Quotes in reading order.

    blockquote_paragraphs: indices of paragraphs that HTML marked as <blockquote> (quoted even
    without quotation marks).
    """
    article = Article(paragraphs, blockquote_paragraphs)
    body = article.body
    out: list[QuoteSpan] = []
    # The last attributed quotation: (paragraph index, speaker, outlet).
    last: tuple[int, Speaker, str | None] | None = None
    contexts = iter(article.outlet_contexts)
    pending = next(contexts, None)
    outlet_context: tuple[str, str] | None = None  # (speaker, outlet) of the latest credit
    for quote in article.quotes:
        while pending is not None and pending[0] <= (
            quote.start if quote.open_at is None else quote.open_at
        ):
            outlet_context, pending = (pending[1], pending[2]), next(contexts, None)
        text = body.text[quote.start : quote.end]
        ctx = article.context(quote)
        block = quote.first_paragraph in article.lead_ins or quote.whole_paragraph
        if not block and is_title_or_name(text, ctx.head, ctx.tail):
            continue
        found = _shift(in_tail(ctx.tail), ctx.tail_at)
        if found is None:
            found = _shift(last_clause(ctx.head), ctx.head_at)
            if found is not None and not found.explicit and _held_at_arms_length(text, ctx, found):
                found = None
        found = found or _shift(colon_subject(ctx.head), ctx.head_at)
        found = found or _shift(next_sentence(ctx.following), ctx.following_at)
        if found is None and not block and is_scare(text, ctx.head, ctx.tail):
            out.append(QuoteSpan(text, None, None, None, None, "scare"))
            continue
        speaker = article.resolve(found) if found is not None else None
        clause = ctx.head + " " + ctx.tail
        outlet = inline_outlet(clause, article.outlets)
        if outlet is None and described_outlet(clause):
            outlet = article.outlet_before(ctx.head_at)
        lead_in = article.lead_ins.get(quote.first_paragraph)
        if block and lead_in is not None:
            lead = body.paragraphs[lead_in]
            outlet = (
                lead_in_outlet(lead)
                or inline_outlet(article.paragraph(lead_in), article.outlets)
                or outlet
            )
        if speaker is None and not ctx.head.strip():
            speaker, carried_outlet = _carry(article, quote, ctx, last, lead_in)
            outlet = outlet or carried_outlet
        speaker = speaker or NO_SPEAKER
        if speaker.speaker is not None and outlet_context is not None:
            if speaker.speaker != outlet_context[0]:
                outlet_context = None
            elif outlet is None and not block:
                outlet = outlet_context[1]
        if speaker.speaker is not None or speaker.mention is not None:
            last = (quote.last_paragraph, speaker, outlet)
        kind: QuoteKind = "block" if block else "direct"
        out.append(QuoteSpan(text, speaker.speaker, speaker.mention, speaker.verb, outlet, kind))
    return out


def _carry(
    article: Article,
    quote: RawQuote,
    ctx: Context,
    last: tuple[int, Speaker, str | None] | None,
    lead_in: int | None,
) -> tuple[Speaker | None, str | None]:
    """The speaker of an unattributed quotation that opens its sentence, from what came before."""
    paragraph = quote.first_paragraph
    carried = Speaker(last[1].speaker, None, None) if last else None
    # Same paragraph: an earlier quotation, else the sentence before ("Mr. Kadyrov advised …").
    if last is not None and last[0] == paragraph:
        return carried, last[2]
    found = last_clause(ctx.previous_sentences)
    if found is not None:
        return article.resolve(found.shifted(ctx.previous_at)), None
    if not article.opens_paragraph(quote) or paragraph == 0:
        return None, None
    # A quoted paragraph with no attribution continues the previous paragraph's speaker.
    if last is not None and last[0] == paragraph - 1:
        return carried, last[2] if lead_in is not None else None
    # Past a lead-in only when it names nothing but a publication ("The Independent recounts:").
    bare = lead_in == paragraph - 1 and lead_in_outlet(article.body.paragraphs[lead_in]) is not None
    for index in (paragraph - 1, paragraph - 2) if bare else (paragraph - 1,):
        if index < 0:
            break
        tail, tail_at = article.paragraph_tail(index)
        found = last_clause(tail)
        if found is not None:
            return article.resolve(found.shifted(tail_at)), None
    return None, None
