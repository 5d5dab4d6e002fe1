"""The words of a short stretch of masked text, found in one regular-expression pass.

Clause rules read a quotation's sentence as a list of words; the words are found once with
`findall` (no match objects), and a word's offset is worked out only when a rule needs it.
"""

from __future__ import annotations

import re

from extraction.quotes.text import MASK_CHAR

# A masked quotation interior; an initialism ("U.S.", "H.W."); a word (letters first, inner
# apostrophes, hyphens, ampersands and underscores kept: "O’Brien", "Trump’s", "D-Ore"; it ends
# on a letter or digit); a number; any other character. The word is runs of letters and digits
# joined by runs of joiners, two classes that share no character, so the engine never backtracks.
# The white space before a word is taken by the same match (`findall` returns the group), so the
# engine never tries, and fails, every alternative at a space.
TOKEN = re.compile(
    rf"\s*({MASK_CHAR}+|(?:[A-Z]\.){{2,}}|[^\W\d_][^\W_]*(?:[’'\-&_]+[^\W_]+)*"
    r"|\d+(?:[.,:]\d+)*[^\W_]*|\S)"
)


class Words:
    """The words of `text`, which starts at `base` in the joined body."""

    __slots__ = ("_ends", "_starts", "base", "text", "words")

    def __init__(self, text: str, base: int) -> None:
        self.text = text
        self.base = base
        self.words: list[str] = TOKEN.findall(text)
        self._starts: list[int] = []
        self._ends: list[int] = []

    def __len__(self) -> int:
        return len(self.words)

    def _locate(self, index: int) -> None:
        """Find the offsets of every word up to `index` (words are in order, so one scan)."""
        starts, ends, words, text = self._starts, self._ends, self.words, self.text
        at = ends[-1] if ends else 0
        for i in range(len(starts), index + 1):
            start = text.find(words[i], at)
            starts.append(start)
            at = start + len(words[i])
            ends.append(at)

    def start(self, index: int) -> int:
        """Offset of word `index` in the joined body."""
        if index >= len(self._starts):
            self._locate(index)
        return self.base + self._starts[index]

    def end(self, index: int) -> int:
        """Offset just past word `index` in the joined body."""
        if index >= len(self._ends):
            self._locate(index)
        return self.base + self._ends[index]

    def written(self, first: int, last: int) -> str:
        """The text of words first..last-1 as written (spacing kept)."""
        if last <= first:
            return ""
        return self.text[self.start(first) - self.base : self.end(last - 1) - self.base]
