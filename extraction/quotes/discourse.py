"""Who is salient, sentence by sentence: the person a "he", "she" or "the senator" refers to.

A salience model in the manner of Lappin and Leass (1994), cut down to what news attribution
needs: every mention of a person adds a weight for its role (a quotation's speaker, a sentence's
subject, an object, the object of a preposition, a possessive), weights halve with every
sentence back, and a pronoun takes the person of its gender with the highest total within a few
sentences. A person whose gender no honorific or first name settles may still be "he" or "she",
at a discount, and then keeps that gender.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from extraction.quotes.names import Person

SPEAKER = 2.0  # the speaker of an attributed quotation
CARRIED = 1.0  # the speaker carried on to an unattributed quotation
SUBJECT = 2.6  # a sentence's subject (recency 1, subject 0.8, head of its phrase 0.8)
# The speaker a narration sentence reports ("…, said Jake Horvat"): the main clause's subject,
# ahead of the reported clause's ("Omar Fitch will lead the review").
REPORTER = 2.8
OBJECT = 1.5  # any other mention by name
OBLIQUE = 1.2  # the object of a preposition ("from Clinton")
POSSESSIVE = 0.8  # "Trump’s remarks"
DECAY = 0.5  # per sentence back
REPEAT = 0.3  # how much mentions other than a person's strongest one add
WINDOW = 6  # sentences back a pronoun looks
TITLE_WINDOW = 40  # sentences back "the senator" looks for a person holding that post
UNKNOWN_GENDER = 0.6  # the discount for a person whose gender is not known
MISMATCHED_GUESS = 0.2  # the discount for a person whose first name suggests the other gender
# How much a mention earlier in the pronoun's own sentence counts: "Asked whether Clinton can
# win, she replied" is most often the woman in focus, not the one the subordinate phrase names.
NEARBY = 0.6


@dataclass(slots=True)
class Discourse:
    """Mentions of people with their weights, in reading order (sentence numbers ascending)."""

    _events: list[tuple[int, Person, float]] = field(default_factory=list)

    def note(self, sentence: int, person: Person, weight: float) -> None:
        self._events.append((sentence, person, weight))

    def _scores(self, sentence: int, window: int) -> dict[Person, float]:
        scores: dict[Person, float] = {}
        for at, person, weight in reversed(self._events):
            if at < sentence - window:
                break
            value = weight * DECAY ** max(0, sentence - at)
            known = scores.get(person, 0.0)
            # The strongest mention counts, and the others a little: a person mentioned often
            # does not outweigh the subject of the sentence before.
            scores[person] = max(known, value) + REPEAT * min(known, value)
        return scores

    def salience(self, sentence: int) -> dict[Person, float]:
        """Each person's score where `sentence` begins (who is in focus there)."""
        return self._scores(sentence, WINDOW)

    def resolve(
        self, sentence: int, gender: str | None, nearby: Sequence[tuple[Person, float]] = ()
    ) -> Person | None:
        """The most salient person of `gender` ("m", "f" or None for either) before `sentence`.

        `nearby` holds mentions earlier in the pronoun's own sentence, with their weights.
        """
        scores = self._scores(sentence, WINDOW)
        for person, weight in nearby:
            scores[person] = scores.get(person, 0.0) + NEARBY * weight
        best: Person | None = None
        best_score = 0.0
        for person, score in scores.items():
            if gender is not None and person.gender is not None and person.gender != gender:
                if person.gender_is_certain:
                    continue
                score *= MISMATCHED_GUESS  # "Jean" is male in the lists, but may be "she"
            if gender is not None and person.gender is None:
                score *= UNKNOWN_GENDER
            elif gender is not None and not person.gender_is_certain:
                score *= 0.95
            if score > best_score:
                best, best_score = person, score
        if best is not None and gender is not None and best.gender is None:
            best.gender = gender  # "Cruz … he said": Cruz is a man from now on
        return best

    def resolve_title(self, sentence: int, post: str, gender: str | None) -> Person | None:
        """The person "the <post>" refers to: the most salient holder of that post named
        recently, else the most salient person of a fitting gender in the last few sentences."""
        holders = {
            p: s
            for p, s in self._scores(sentence, TITLE_WINDOW).items()
            if post in p.posts and (gender is None or p.gender in (None, gender))
        }
        if holders:
            return max(holders, key=holders.__getitem__)
        return self.resolve(sentence, gender)
