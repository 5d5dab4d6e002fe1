"""Measure the quote extractor on the annotated articles in tests/quotes/annotated/.

Run: .venv/bin/python bench/quotes.py [--verbose]

A prediction matches an expected quote when it covers at least 80% of the expected text and adds
at most 20% (of the expected length) outside it. Matching is one-to-one, in reading order.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ANNOTATED = REPO / "tests" / "quotes" / "annotated"
MIN_COVERAGE = 0.8
MAX_EXTRA = 0.2


@dataclass(frozen=True, slots=True)
class Row:
    """One quote, expected or predicted, placed in the joined body."""

    start: int
    end: int
    speaker: str | None
    outlet: str | None
    kind: str


@dataclass(slots=True)
class Tally:
    """Counts summed over articles."""

    expected: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_total: int = 0
    speaker_right: int = 0
    outlet_total: int = 0
    outlet_right: int = 0
    credited_total: int = 0  # matched pairs where either side names an outlet
    credited_right: int = 0
    kind_right: int = 0
    scare_expected: int = 0
    scare_predicted: int = 0
    scare_matched: int = 0
    misses: list[str] = field(default_factory=list)

    def ratio(self, part: int, whole: int) -> float:
        return part / whole if whole else 1.0


def place(body: str, texts: Sequence[str]) -> list[tuple[int, int]]:
    """Offsets of each text in the body, searching on from the previous one (reading order)."""
    out: list[tuple[int, int]] = []
    cursor = 0
    for text in texts:
        at = body.find(text, cursor)
        if at < 0:
            at = body.find(text)
        if at < 0:
            raise ValueError(f"not a substring of the body: {text!r}")
        out.append((at, at + len(text)))
        cursor = at + 1
    return out


def matches(expected: Row, predicted: Row) -> bool:
    """The span rule: >= 80% of the expected text covered, <= 20% extra."""
    length = expected.end - expected.start
    if length <= 0:
        return False
    overlap = max(0, min(expected.end, predicted.end) - max(expected.start, predicted.start))
    extra = (predicted.end - predicted.start) - overlap
    return overlap / length >= MIN_COVERAGE and extra / length <= MAX_EXTRA


def pair(expected: Sequence[Row], predicted: Sequence[Row]) -> list[tuple[Row, Row]]:
    """One-to-one matches, each expected quote taking the first unused matching prediction."""
    used: set[int] = set()
    pairs: list[tuple[Row, Row]] = []
    for want in expected:
        for i, got in enumerate(predicted):
            if i not in used and matches(want, got):
                used.add(i)
                pairs.append((want, got))
                break
    return pairs


def score(tally: Tally, expected: Sequence[Row], predicted: Sequence[Row], name: str) -> None:
    """Add one article's comparison to the tally."""
    pairs = pair(expected, predicted)
    tally.expected += len(expected)
    tally.predicted += len(predicted)
    tally.matched += len(pairs)
    tally.scare_expected += sum(1 for r in expected if r.kind == "scare")
    tally.scare_predicted += sum(1 for r in predicted if r.kind == "scare")
    for want, got in pairs:
        tally.kind_right += want.kind == got.kind
        if want.kind == "scare" and got.kind == "scare":
            tally.scare_matched += 1
        if want.kind != "scare":
            tally.speaker_total += 1
            tally.speaker_right += want.speaker == got.speaker
            if want.speaker != got.speaker:
                tally.misses.append(f"{name}: speaker {got.speaker!r} != {want.speaker!r}")
        tally.outlet_total += 1
        tally.outlet_right += want.outlet == got.outlet
        if want.outlet is not None or got.outlet is not None:
            tally.credited_total += 1
            tally.credited_right += want.outlet == got.outlet
        if want.outlet != got.outlet:
            tally.misses.append(f"{name}: outlet {got.outlet!r} != {want.outlet!r}")
        if want.kind != got.kind:
            tally.misses.append(f"{name}: kind {got.kind!r} != {want.kind!r}")
    matched_expected = {id(w) for w, _ in pairs}
    matched_predicted = {id(g) for _, g in pairs}
    tally.misses.extend(
        f"{name}: missed {w.kind} at {w.start}" for w in expected if id(w) not in matched_expected
    )
    tally.misses.extend(
        f"{name}: spurious {g.kind} at {g.start}"
        for g in predicted
        if id(g) not in matched_predicted
    )


def run(directory: Path = ANNOTATED, pattern: str = "*.json") -> Tally:
    """Extract quotes from the annotated articles and compare with the annotations."""
    sys.path.insert(0, str(REPO))
    from extraction.quotes import extract_quotes

    tally = Tally()
    for path in sorted(directory.glob(pattern)):
        doc = json.loads(path.read_text(encoding="utf-8"))
        paragraphs: list[str] = doc["paragraphs"]
        body = "\n\n".join(paragraphs)
        want = doc["quotes"]
        got = extract_quotes(paragraphs, frozenset(doc.get("blockquote_paragraphs", [])))
        expected = [
            Row(s, e, q["speaker"], q["outlet"], q["kind"])
            for (s, e), q in zip(place(body, [q["text"] for q in want]), want, strict=True)
        ]
        predicted = [
            Row(s, e, q.speaker, q.outlet, q.kind)
            for (s, e), q in zip(place(body, [q.text for q in got]), got, strict=True)
        ]
        score(tally, expected, predicted, path.stem)
    return tally


def report(tally: Tally, directory: Path = ANNOTATED) -> str:
    """The figures, one per line."""
    r = tally.ratio
    lines = [
        f"articles dir       {directory.relative_to(REPO)}",
        f"quotes             expected {tally.expected}, predicted {tally.predicted}, "
        f"matched {tally.matched}",
        f"span precision     {r(tally.matched, tally.predicted):.3f}",
        f"span recall        {r(tally.matched, tally.expected):.3f}",
        f"speaker accuracy   {r(tally.speaker_right, tally.speaker_total):.3f}"
        f"  ({tally.speaker_right}/{tally.speaker_total} matched non-scare quotes)",
        f"outlet accuracy    {r(tally.outlet_right, tally.outlet_total):.3f}"
        f"  ({tally.outlet_right}/{tally.outlet_total} matched quotes)",
        f"  credited only    {r(tally.credited_right, tally.credited_total):.3f}"
        f"  ({tally.credited_right}/{tally.credited_total} where either side names an outlet)",
        f"kind accuracy      {r(tally.kind_right, tally.matched):.3f}",
        f"scare precision    {r(tally.scare_matched, tally.scare_predicted):.3f}",
        f"scare recall       {r(tally.scare_matched, tally.scare_expected):.3f}",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--verbose", action="store_true", help="list every mismatch")
    parser.add_argument("--glob", default="*.json", help="which annotated files (default: all)")
    parser.add_argument(
        "--set",
        default="annotated",
        help="which folder under tests/quotes/ to score (default: annotated)",
    )
    args = parser.parse_args(argv)
    directory = ANNOTATED.parent / args.set
    if not directory.is_dir():
        parser.error(f"no such set: tests/quotes/{args.set}")
    tally = run(directory, pattern=args.glob)
    print(report(tally, directory))
    if args.verbose:
        print("\n".join(tally.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
