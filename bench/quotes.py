"""Measure the quote extractor: on the in-repo sets, on PolNeAR, and its speed.

Run (from the repository root):
    .venv/bin/python bench/quotes.py [--set annotated|heldout] [--verbose]
    .venv/bin/python bench/quotes.py --polnear DIR --split train|dev [--verbose]
    .venv/bin/python bench/quotes.py --speed

In-repo sets: a prediction matches an expected quote when it covers at least 80% of the expected
text and adds at most 20% (of the expected length) outside it; one-to-one, in reading order.
PolNeAR: see `score_polnear` and docs/quotes.md (a gold quote is found when one prediction covers
more than 30% of it); its `test` split is reserved and refused.
"""

from __future__ import annotations

import argparse
import bisect
import importlib.util
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]


def _sibling(name: str) -> ModuleType:
    """A module beside this script (bench/ is not a package and holds an extraction.py)."""
    spec = importlib.util.spec_from_file_location(
        f"bench_{name}", Path(__file__).with_name(f"{name}.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


polnear = _sibling("polnear")

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


def same_outlet(expected: str | None, predicted: str | None) -> bool:
    """Outlets agree up to the convention's leading article ("Guardian" = "The Guardian")."""

    def bare(name: str | None) -> str | None:
        return None if name is None else re.sub(r"^the\s+", "", name.strip().lower())

    return bare(expected) == bare(predicted)


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
        same = same_outlet(want.outlet, got.outlet)
        tally.outlet_right += same
        if want.outlet is not None or got.outlet is not None:
            tally.credited_total += 1
            tally.credited_right += same
        if not same:
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


# --- PolNeAR ----------------------------------------------------------------------------------

FOUND_COVERAGE = 0.3  # a gold quote is found when one prediction covers more than this share
INSIDE_SHARE = 0.5  # a prediction is right when more than this share of it lies in gold quotes


@dataclass(frozen=True, slots=True)
class Predicted:
    """A predicted quotation as offsets into the article's own text."""

    start: int
    end: int
    speaker: str | None
    mention: str | None
    outlet: str | None
    kind: str


@dataclass(slots=True)
class PolnearTally:
    """Counts for one system over a split."""

    gold: int = 0
    found: int = 0
    opening: int = 0  # gold quotations whose content opens with a mark
    opening_found: int = 0
    predicted: int = 0
    predicted_right: int = 0
    named: int = 0
    named_right: int = 0
    pronoun: int = 0
    pronoun_right: int = 0
    unnamed: int = 0
    unnamed_blank: int = 0  # unnamed gold source, no speaker predicted
    outlet: int = 0
    outlet_right: int = 0
    scare: int = 0
    scare_right: int = 0
    misses: list[str] = field(default_factory=list)
    # (gold clause shape, outcome) -> count; outcomes in CONFUSION_OUTCOMES
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)


def _overlap(start: int, end: int, fragments: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for s, e in fragments)


def extracted(doc: polnear.Document) -> list[Predicted]:
    """This project's quotations for one PolNeAR article, placed in the article's text."""
    from extraction.quotes import extract_quotes

    paragraphs = [p for _, p in doc.paragraphs]
    body = "\n\n".join(paragraphs)
    joined_starts: list[int] = []
    at = 0
    for paragraph in paragraphs:
        joined_starts.append(at)
        at += len(paragraph) + 2

    def original(offset: int) -> int:
        index = max(0, bisect.bisect_right(joined_starts, offset) - 1)
        return doc.paragraphs[index][0] + offset - joined_starts[index]

    quotes = extract_quotes(paragraphs)
    out: list[Predicted] = []
    for (start, end), q in zip(place(body, [q.text for q in quotes]), quotes, strict=True):
        out.append(
            Predicted(
                original(start),
                original(end - 1) + 1,
                q.speaker,
                q.speaker_mention,
                q.outlet,
                q.kind,
            )
        )
    return out


_BASELINE_QUOTE = re.compile(r"“[^”\n]+”|\"[^\"\n]+\"")
_BASELINE_NAME = re.compile(r"\b[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+)*")
_BASELINE_STOP = frozenset(
    [
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "In",
        "On",
        "At",
        "But",
        "And",
        "Or",
        "If",
        "As",
        "This",
        "That",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
    ]
)


def baseline(doc: polnear.Document) -> list[Predicted]:
    """The naive baseline: double-mark pairs in a paragraph; speaker = nearest name before."""
    out: list[Predicted] = []
    text = doc.text
    for offset, paragraph in doc.paragraphs:
        for match in _BASELINE_QUOTE.finditer(paragraph):
            start = offset + match.start()
            speaker = None
            for name in _BASELINE_NAME.finditer(text, 0, start):
                words = [w for w in name.group(0).split() if w not in _BASELINE_STOP]
                if words:
                    speaker = " ".join(words)
            out.append(
                Predicted(start + 1, offset + match.end() - 1, speaker, None, None, "direct")
            )
    return out


def score_polnear(
    tally: PolnearTally, doc: polnear.Document, predicted: Sequence[Predicted]
) -> None:
    """Add one article to the tally.

    Spans: a gold quote is found when one non-scare prediction covers more than 30% of its
    quoted words (the parts of its content in marks); a non-scare prediction is right when more
    than half of it lies in gold contents.
    Speakers (name level, `polnear.same_name`) over found gold quotes whose source resolves to a
    name and is not a publication; pronouns: those whose source is written as a pronoun.
    Outlets: gold quotes whose source is a publication, right when the prediction's `outlet`
    names it (any outlet when the gold names none). Scare precision: a scare prediction is
    right when it overlaps no gold quoted words (annotators credited none of them to a source).
    """
    speech = [p for p in predicted if p.kind != "scare"]
    all_fragments = [f for q in doc.quotes for f in q.fragments]
    all_content = [f for q in doc.quotes for f in q.content]
    tally.gold += len(doc.quotes)
    tally.opening += sum(q.opens for q in doc.quotes)
    tally.predicted += len(speech)
    for p in speech:
        inside = _overlap(p.start, p.end, all_content)
        right = inside > INSIDE_SHARE * max(1, p.end - p.start)
        tally.predicted_right += right
        if not right:
            tally.misses.append(f"{doc.name}: spurious {doc.text[p.start : p.end][:60]!r}")
    for p in predicted:
        if p.kind == "scare":
            tally.scare += 1
            clean = _overlap(p.start, p.end, all_fragments) == 0
            tally.scare_right += clean
            if not clean:
                tally.misses.append(f"{doc.name}: scare {doc.text[p.start : p.end][:60]!r}")
    for gold in doc.quotes:
        best = max(speech, key=lambda p: _overlap(p.start, p.end, gold.fragments), default=None)
        covered = _overlap(best.start, best.end, gold.fragments) if best else 0
        found = best is not None and covered > FOUND_COVERAGE * gold.length
        snippet = doc.text[gold.fragments[0][0] : gold.fragments[0][0] + 50]
        tally.found += found
        tally.opening_found += found and gold.opens
        if not found or best is None:
            tally.misses.append(f"{doc.name}: missed {snippet!r}")
        if gold.outlet:
            tally.outlet += 1
            right = (
                found
                and best is not None
                and best.outlet is not None
                and (gold.name is None or polnear.same_name(best.outlet, gold.name))
            )
            tally.outlet_right += right
            if not right:
                got = best.outlet if found and best else None
                tally.misses.append(f"{doc.name}: outlet {got!r} != {gold.name!r} {snippet!r}")
        if not found or best is None:
            continue
        if gold.outlet or not doc.annotated_names:
            continue  # outlets: scored by the outlet row; no CoreNLP file: no gold names
        shape = polnear.clause_shape(doc.text, gold)
        if gold.name is None:
            tally.unnamed += 1
            tally.unnamed_blank += best.speaker is None
            tally.confusion[shape, "right" if best.speaker is None else "named, gold none"] += 1
            if best.speaker is not None:
                tally.misses.append(
                    f"{doc.name}: speaker {best.speaker!r} ({best.mention!r}) where gold has "
                    f"none ({gold.source!r}) [{shape}] {snippet!r}"
                )
            continue
        right = polnear.same_name(best.speaker, gold.name)
        outcome = "right" if right else "no speaker" if best.speaker is None else "wrong speaker"
        tally.confusion[shape, outcome] += 1
        tally.named += 1
        tally.named_right += right
        if gold.pronoun:
            tally.pronoun += 1
            tally.pronoun_right += right
        if not right:
            tally.misses.append(
                f"{doc.name}: speaker {best.speaker!r} ({best.mention!r}) != {gold.name!r} "
                f"({gold.source!r}) [{shape}] {snippet!r}"
            )


def polnear_report(split: str, ours: PolnearTally, naive: PolnearTally, articles: int) -> str:
    def ratio(part: int, whole: int) -> str:
        return f"{part / whole:.3f} ({part}/{whole})" if whole else "-"

    rows = [
        (
            "span precision",
            ratio(ours.predicted_right, ours.predicted),
            ratio(naive.predicted_right, naive.predicted),
        ),
        ("span recall", ratio(ours.found, ours.gold), ratio(naive.found, naive.gold)),
        (
            "  opening with a mark",
            ratio(ours.opening_found, ours.opening),
            ratio(naive.opening_found, naive.opening),
        ),
        (
            "speaker, name level",
            ratio(ours.named_right, ours.named),
            ratio(naive.named_right, naive.named),
        ),
        (
            "  where a pronoun",
            ratio(ours.pronoun_right, ours.pronoun),
            ratio(naive.pronoun_right, naive.pronoun),
        ),
        (
            "unnamed source, no name",
            ratio(ours.unnamed_blank, ours.unnamed),
            ratio(naive.unnamed_blank, naive.unnamed),
        ),
        (
            "outlet set (outlet source)",
            ratio(ours.outlet_right, ours.outlet),
            ratio(naive.outlet_right, naive.outlet),
        ),
        (
            "scare precision",
            ratio(ours.scare_right, ours.scare),
            ratio(naive.scare_right, naive.scare),
        ),
    ]
    lines = [
        f"PolNeAR {split}: {articles} articles, {ours.gold} gold direct quotations",
        f"{'measure':<28} {'this project':<22} {'baseline (nearest name)':<22}",
    ]
    lines += [f"{name:<28} {a:<22} {b:<22}" for name, a, b in rows]
    return "\n".join(lines)


CONFUSION_OUTCOMES = ("right", "wrong speaker", "no speaker", "named, gold none")


def confusion_report(tally: PolnearTally) -> str:
    """Speaker outcomes of found quotations by the gold clause shape (most errors first)."""
    shapes = sorted(
        {shape for shape, _ in tally.confusion},
        key=lambda s: -sum(tally.confusion[s, o] for o in CONFUSION_OUTCOMES[1:]),
    )
    header = f"{'gold clause shape':<22} {'quotes':>7}" + "".join(
        f" {o:>16}" for o in CONFUSION_OUTCOMES
    )
    lines = ["speaker outcomes by clause shape (found quotations, outlets apart)", header]
    for shape in shapes:
        counts = [tally.confusion[shape, o] for o in CONFUSION_OUTCOMES]
        lines.append(f"{shape:<22} {sum(counts):>7}" + "".join(f" {c:>16}" for c in counts))
    totals = [sum(tally.confusion[s, o] for s in shapes) for o in CONFUSION_OUTCOMES]
    lines.append(f"{'all':<22} {sum(totals):>7}" + "".join(f" {c:>16}" for c in totals))
    return "\n".join(lines)


def run_polnear(
    root: Path, split: str, limit: int | None, verbose: bool, confusion: bool = False
) -> int:
    """Score this project and the baseline on one PolNeAR split; skip cleanly without it."""
    sys.path.insert(0, str(REPO))
    try:
        docs = polnear.load(root, split, limit)
    except polnear.ReservedSplit as error:
        print(f"refused: {error}", file=sys.stderr)
        return 2
    except FileNotFoundError as error:
        print(f"skipped: {error}")
        return 0
    ours, naive = PolnearTally(), PolnearTally()
    for doc in docs:
        score_polnear(ours, doc, extracted(doc))
        score_polnear(naive, doc, baseline(doc))
    print(polnear_report(split, ours, naive, len(docs)))
    if confusion:
        print()
        print(confusion_report(ours))
    if verbose:
        print("\n".join(ours.misses))
    return 0


# --- Speed --------------------------------------------------------------------------------------

_SPEED_SENTENCES = (
    "“We will not back down on this,” said Senator Maria Alvarez, who chairs the committee.",
    "Alvarez, 54, told the Springfield Herald that the plan was “a betrayal of the voters.”",
    "Her spokesman, Tom Reilly, declined to comment on what he called “rumours.”",
    "The mayor’s office said in a statement that the budget would be published on Friday.",
    "“It is the best deal we could get,” he added. “Nobody should pretend otherwise.”",
    "According to Reuters, the company had already paid $4.5 million to U.S. regulators.",
    "Dr. Anita Cho, a professor at Lakeside University in Denver, said the data was clear.",
)


def synthetic_paragraph(megabytes: float) -> str:
    """One paragraph of news-like sentences (names vary) of about `megabytes` MB of UTF-8."""
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    index = 0
    while size < target:
        sentence = _SPEED_SENTENCES[index % len(_SPEED_SENTENCES)]
        if index % 11 == 0:
            sentence = sentence.replace("Alvarez", f"Alvarez{index % 97}")
        parts.append(sentence)
        size += len(sentence.encode("utf-8")) + 1
        index += 1
    return " ".join(parts)


def speed_report(sizes: Sequence[float] = (0.1, 1.0)) -> str:
    """CPU seconds per MB of extract_quotes on one single-paragraph body of each size."""
    import time

    sys.path.insert(0, str(REPO))
    from extraction.quotes import extract_quotes

    lines = [f"{'single-paragraph body':<24} {'quotes':>8} {'cpu s':>8} {'s per MB':>9}"]
    extract_quotes(["Warm-up: “a quote,” she said."])
    for megabytes in sizes:
        paragraph = synthetic_paragraph(megabytes)
        started = time.process_time()
        quotes = extract_quotes([paragraph])
        seconds = time.process_time() - started
        mb = len(paragraph.encode("utf-8")) / 1_000_000
        lines.append(f"{mb:>8.2f} MB{'':<13} {len(quotes):>8} {seconds:>8.2f} {seconds / mb:>9.2f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--verbose", action="store_true", help="list every mismatch")
    parser.add_argument("--polnear", type=Path, help="a PolNeAR checkout or extract (data/...)")
    parser.add_argument("--split", default="dev", help="PolNeAR split: train or dev (test refused)")
    parser.add_argument("--limit", type=int, help="PolNeAR: only the first N articles")
    parser.add_argument(
        "--confusion", action="store_true", help="PolNeAR: speaker outcomes by clause shape"
    )
    parser.add_argument("--speed", action="store_true", help="seconds per MB on large bodies")
    parser.add_argument(
        "--sizes",
        default="0.1,1",
        help="--speed: body sizes in MB, comma-separated (default 0.1,1)",
    )
    parser.add_argument("--glob", default="*.json", help="which annotated files (default: all)")
    parser.add_argument(
        "--set",
        default="annotated",
        help="which folder under tests/quotes/ to score (default: annotated)",
    )
    args = parser.parse_args(argv)
    if args.split in polnear.RESERVED_SPLITS:
        print(
            f"refused: PolNeAR's {args.split!r} split is reserved for acceptance; "
            "it is never read, scored or tuned on here",
            file=sys.stderr,
        )
        return 2
    if args.speed:
        print(speed_report([float(x) for x in args.sizes.split(",")]))
        return 0
    if args.polnear is not None:
        return run_polnear(args.polnear, args.split, args.limit, args.verbose, args.confusion)
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
