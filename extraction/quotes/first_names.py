"""Gender of first names from gender-guesser's offline list, read lazily and cheaply.

gender-guesser's own `Detector` parses its 4 MB list line by line through a codec reader (about
0.2 s per process, up to a second on a loaded machine). Here the list is read once, on the first
name asked, into a plain dict in a tenth of that time. The answer for a name follows
`Detector.get_gender` with one change: the English-speaking countries (the USA first, then Great
Britain and Ireland) decide when they list the name at all, since the news read here is in
English ("Bernie" and "Rand" are men there though most countries list them as women); other
names take `Detector.get_gender`'s answer without a country (the gender most countries list,
weighted by frequency).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

# Codes of the list's first column -> gender-guesser's answers.
_CODES = {
    "M": "male",
    "1M": "mostly_male",
    "?M": "mostly_male",
    "F": "female",
    "1F": "mostly_female",
    "?F": "mostly_female",
    "?": "andy",
}
_COUNTRIES_AT = 30  # the per-country frequency columns start here
_USA, _BRITAIN, _IRELAND = 2, 0, 1  # their columns in gender-guesser's order


@lru_cache(maxsize=1)
def _names() -> dict[str, dict[str, str]]:
    """Lower-cased first name -> {answer: the line's country columns}, as gender-guesser keeps."""
    data = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
    names: dict[str, dict[str, str]] = {}
    for raw in data.read_text(encoding="utf-8").splitlines():
        if not raw or raw[0] in "#=":
            continue
        line = raw.strip()
        parts = line.split(None, 2)
        answer = _CODES.get(parts[0])
        if answer is None or len(parts) < 2:
            continue
        countries = line[_COUNTRIES_AT:-1]
        name = parts[1].lower()
        variants = (name.replace("+", r) for r in ("", " ", "-")) if "+" in name else (name,)
        for variant in variants:
            names.setdefault(variant, {})[answer] = countries
    return names


def _english(countries: str) -> tuple[int, int]:
    """How often the USA, then Britain and Ireland together, give the name (a space: never)."""

    def at(i: int) -> int:
        return ord(countries[i]) - 32 if i < len(countries) else 0

    return at(_USA), at(_BRITAIN) + at(_IRELAND)


def _count(countries: str) -> tuple[int, int]:
    values = [ord(c) for c in countries.replace(" ", "")]
    return len(values), sum(c - 55 if c > 64 else c - 48 for c in values)


@lru_cache(maxsize=8192)
def guess(first_name: str) -> str:
    """gender-guesser's answer for a first name: male, mostly_male, female, mostly_female,
    andy (androgynous) or unknown."""
    entries = _names().get(first_name.lower())
    if not entries:
        return "unknown"
    english = max(entries.items(), key=lambda item: _english(item[1]))
    if any(_english(english[1])):
        return english[0]
    best, best_count, best_tie = next(iter(entries)), 0, 0
    for answer, countries in entries.items():
        count, tie = _count(countries)
        if count > best_count or (count == best_count and tie > best_tie):
            best, best_count, best_tie = answer, count, tie
    return best if best_count > 0 else "andy"
