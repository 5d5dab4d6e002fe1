"""The language of a page, for reading its numbers: the page's own declaration first (`<html
lang>`), else a vote of common function words, which a text dump is the only witness of."""

from __future__ import annotations

import re
from typing import Final

# Frequent words that belong to one language only (words shared by two, like "de", are left out).
FUNCTION_WORDS: Final[dict[str, frozenset[str]]] = {
    "en": frozenset({"the", "and", "of", "to", "is", "that", "have", "with", "this", "was"}),
    "de": frozenset({"der", "die", "und", "das", "nicht", "ist", "mit", "sich", "auch", "wird"}),
    "fr": frozenset({"le", "les", "et", "des", "est", "une", "pour", "dans", "qui", "pas"}),
    "es": frozenset({"el", "los", "las", "y", "del", "para", "por", "una", "está", "pero"}),
    "it": frozenset({"il", "della", "per", "sono", "gli", "non", "di", "che", "nel", "anche"}),
    "pt": frozenset({"não", "uma", "os", "do", "em", "mais", "como", "foi", "são", "ao"}),
    "nl": frozenset({"het", "een", "en", "van", "niet", "dat", "zijn", "voor", "ook", "wordt"}),
}
_LANGUAGE_OF: Final[dict[str, str]] = {
    word: language for language, words in FUNCTION_WORDS.items() for word in words
}
# A vote counts when the winner has this many hits and this share more than the runner-up.
MIN_VOTES: Final[int] = 5
MIN_LEAD: Final[float] = 1.5
# Only the start of a page is read: enough words for a clear vote, bounded cost on huge pages.
SAMPLE_CHARS: Final[int] = 800

_WORD_RE: Final = re.compile(r"[^\W\d_]+")
_ASCII_WORD_RE: Final = re.compile(r"[a-z]+")


def page_language(declared: str | None, text: str) -> str | None:
    """The page's ISO 639-1 language: the primary subtag of a declaration ("en-US" -> "en"),
    else the function-word vote over the text; None when neither says."""
    if declared:
        primary = declared.strip().lower().replace("_", "-").split("-")[0]
        if primary.isalpha() and 2 <= len(primary) <= 3:
            return primary
    votes = dict.fromkeys(FUNCTION_WORDS, 0)
    # Counted in C: each word's language (None for most words), then a count per language.
    sample = text[:SAMPLE_CHARS].lower()
    # In lower-cased ASCII the letters are a-z, a class the engine tests much faster.
    words = (_ASCII_WORD_RE if sample.isascii() else _WORD_RE).findall(sample)
    languages = list(map(_LANGUAGE_OF.get, words))
    for language in votes:
        votes[language] = languages.count(language)
    ranked = sorted(votes.items(), key=lambda item: -item[1])
    (best, hits), (_, runner_up) = ranked[0], ranked[1]
    if hits >= MIN_VOTES and hits >= MIN_LEAD * runner_up:
        return best
    return None
