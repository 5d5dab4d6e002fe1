"""Which quotations are not speech: titles of works, names in marks, and scare quotes."""

from __future__ import annotations

import re

from extraction.quotes.rules import (
    ARTICLES,
    CHARACTERISING_FILLERS,
    CHARACTERISING_LEADS,
    FUNCTION_WORDS,
    NAMING_REACH,
    NAMING_SUBJECTS,
    NAMING_VERBS,
    NOT_CHARACTERISING_BEFORE_AS,
    PHRASE_FOLLOWERS,
    PREPOSITIONS,
    SCARE_MAX_WORDS,
    SPEECH_NOUN_LINKS,
    SPEECH_NOUNS,
    TITLE_CUE_PHRASES,
    TITLE_CUES,
    TITLE_MAX_WORDS,
    TITLE_MINOR_WORDS,
    WORDS_FOR_WORDS,
)

_WORD = re.compile(r"[\w’'\-]+")
_TRAILING_PUNCTUATION = ".,;:!?"


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _title_case(text: str) -> bool:
    words = _WORD.findall(text)
    if len(words) < 2 or text.rstrip()[-1:] in "!?":
        return False
    significant = [w for i, w in enumerate(words) if i == 0 or w.lower() not in TITLE_MINOR_WORDS]
    return all(w[0].isupper() or w[0].isdigit() for w in significant)


def _opens_lower_case(text: str) -> bool:
    """Whether a quotation opens with a lower-case word that does not start a name ("the
    Postman" starts one)."""
    first = next((c for c in text if c.isalpha()), "")
    if not first.islower():
        return False
    words = _WORD.findall(text)
    named = words[1:] if words and words[0] in ARTICLES else []
    return not (named and all(w[0].isupper() for w in named))


def is_title_or_name(text: str, head: str, tail: str) -> bool:
    """Whether a quotation names a work or a thing rather than quoting anyone.

    `head` is the masked sentence text before the opening mark, `tail` the text after the closing
    mark up to the end of the sentence.
    """
    if _opens_lower_case(text):
        # Titles and names open with a capital: "regenerative medicine." after "called" or
        # "back on track." after "program" runs on in a sentence somebody said.
        return False
    if word_count(text) > TITLE_MAX_WORDS and not _title_case(text.rstrip(",")):
        return False  # a sentence in marks after "the campaign," or "a memo:" is its words
    if quotes_words(head):
        return False
    before = head.rstrip().lower()
    words = _WORD.findall(before)
    last_word = (words or [""])[-1]
    if last_word in TITLE_CUES or before.endswith(TITLE_CUE_PHRASES):
        return True
    # "known to supporters as “the Postman”", "better known as"
    if last_word == "as" and "known" in words[-6:]:
        return True
    # "a new production of “Hamlet”", "the book, “Twelve Rounds”"
    if len(words) > 1 and last_word == "of" and words[-2] in TITLE_CUES:
        return True
    # A nickname between a first name and a surname: Joaquin “El Chapo” Guzmán.
    if head[-1:] == " " and tail[:1] == " ":
        previous = (_WORD.findall(head) or [""])[-1]
        following = (_WORD.findall(tail) or [""])[0]
        if previous[:1].isupper() and following[:1].isupper() and word_count(text) <= 4:
            return True
    stripped_head = head.strip()
    if not stripped_head:
        # A title opening its sentence and running on into it: “Forty Years of Light” runs
        # until March.
        following = tail.lstrip()
        return (
            word_count(text) <= TITLE_MAX_WORDS
            and _title_case(text.rstrip(","))
            and text[-1:] not in ".,!?"
            and following[:1].islower()
        )
    return word_count(text) <= TITLE_MAX_WORDS and _title_case(text.rstrip(","))


def quotes_words(head: str) -> bool:
    """Whether the text before a quotation introduces words somebody said, wrote or chanted, even
    in title case: a word for words ("the slogan “Experience Counts”", "had one message:",
    "shirts that read"), or a verb of naming whose subject is someone rather than a thing ("he
    called Rubio “Little Marco”", "what had been called the “Golden Week”"; but "a play called
    “Brokers”" names the play)."""
    words = _WORD.findall(head[-80:])
    if not words:
        return False
    if words[-1].lower() in WORDS_FOR_WORDS:
        return True
    for back in range(1, min(len(words), NAMING_REACH + 1) + 1):
        word = words[-back]
        if word.lower() in NAMING_VERBS:
            before = words[-back - 1] if back < len(words) else ""
            return before.lower() in NAMING_SUBJECTS or before[:1].isupper()
        if not (word[:1].isupper() or word.lower() in ARTICLES):
            return False  # "called for a vote on the …": no name follows the verb
    return False


def is_scare(text: str, head: str, tail: str) -> bool:
    """Whether an unattributed quotation is a short phrase held at arm's length (“Nazi-era”).

    An exclamation or a question ("Everybody down!") is an utterance, never a scare quote.
    """
    if word_count(text) > SCARE_MAX_WORDS or is_utterance(text):
        return False
    if quotes_words(head) and not _modifies_next_word(tail):
        return False  # "he dubbed it a “press conference.”", not "labeled “Nazi-era” treatment"
    opens_sentence = not head.strip(" \t\n-–—")
    if not opens_sentence:
        return True
    # A short phrase that opens a sentence and runs on into it: “Nazi-era” rhetoric is back.
    return bool(tail.strip()) and text[-1:] not in _TRAILING_PUNCTUATION


def is_utterance(text: str) -> bool:
    """Whether a quotation ends as an exclamation or a question: somebody said it."""
    return text.rstrip(" ,.;:’'\"”")[-1:] in ("!", "?")


# Words after a phrase in marks that are no noun it could modify.
_NO_NOUN = FUNCTION_WORDS | PREPOSITIONS | PHRASE_FOLLOWERS


def _modifies_next_word(tail: str) -> bool:
    """Whether a phrase in marks modifies the noun after it ("a “unity” lunch")."""
    following = _WORD.findall(tail[:40])
    return bool(following) and following[0].islower() and following[0] not in _NO_NOUN


def characterises(text: str, head: str, tail: str) -> bool:
    """Whether a short phrase in marks stands where somebody's judgement goes, so that it is
    their words rather than the writer's scare quote: after "as", a copula or an object pronoun
    ("described the plan as a “fiasco”", "the inquiry is a “witch hunt”", "called him
    “reckless”"), or after a noun for something said ("his criticism of “city values”", "the
    term “kitchen sink”").

    A phrase that modifies the noun after it ("a “unity” lunch", "was a “stand down” order")
    names a thing and stays a scare quote, unless that noun is one for something said ("his
    “open borders” remark").
    """
    words = [w.lower() for w in _WORD.findall(head[-80:])]
    following = _WORD.findall(tail[:40])
    if following and following[0].lower() in SPEECH_NOUNS:
        return True  # "Romney’s “47 percent” comment": the phrase is what the comment said
    if _modifies_next_word(tail):
        return False
    while words and words[-1] in CHARACTERISING_FILLERS:
        words.pop()
    if words and words[-1] in SPEECH_NOUN_LINKS:
        linked = words[:-1]
        while linked and linked[-1] in CHARACTERISING_FILLERS:
            linked.pop()
        if linked and linked[-1] in SPEECH_NOUNS:
            return True
    if words and words[-1] in SPEECH_NOUNS:
        return True
    if not words or words[-1] not in CHARACTERISING_LEADS:
        return False
    return words[-1] != "as" or len(words) < 2 or words[-2] not in NOT_CHARACTERISING_BEFORE_AS
