"""The bench's matching rule and tallies on tiny hand cases (not the goals themselves)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "quotes.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_quotes", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_quotes"] = module
    spec.loader.exec_module(module)
    return module


def row(bench: ModuleType, start: int, end: int, kind: str = "direct") -> object:
    return bench.Row(start, end, "A", None, kind)


def test_exact_span_matches(bench: ModuleType) -> None:
    assert bench.matches(row(bench, 0, 100), row(bench, 0, 100))


def test_covering_eighty_percent_matches_and_less_does_not(bench: ModuleType) -> None:
    assert bench.matches(row(bench, 0, 100), row(bench, 20, 100))
    assert not bench.matches(row(bench, 0, 100), row(bench, 21, 100))


def test_twenty_percent_extra_matches_and_more_does_not(bench: ModuleType) -> None:
    assert bench.matches(row(bench, 0, 100), row(bench, 0, 120))
    assert not bench.matches(row(bench, 0, 100), row(bench, 0, 121))


def test_disjoint_spans_do_not_match(bench: ModuleType) -> None:
    assert not bench.matches(row(bench, 0, 10), row(bench, 10, 20))


def test_pairing_is_one_to_one(bench: ModuleType) -> None:
    expected = [row(bench, 0, 10), row(bench, 0, 10)]
    predicted = [row(bench, 0, 10)]
    assert len(bench.pair(expected, predicted)) == 1


def test_tally_counts_precision_recall_and_scare(bench: ModuleType) -> None:
    tally = bench.Tally()
    expected = [bench.Row(0, 10, "Ann Lee", "BBC", "block"), bench.Row(20, 30, None, None, "scare")]
    predicted = [
        bench.Row(0, 10, "Ann Lee", None, "block"),
        bench.Row(40, 50, None, None, "scare"),
    ]
    bench.score(tally, expected, predicted, "case")
    assert (tally.expected, tally.predicted, tally.matched) == (2, 2, 1)
    assert (tally.speaker_right, tally.speaker_total) == (1, 1)
    assert (tally.outlet_right, tally.outlet_total) == (0, 1)
    assert (tally.scare_expected, tally.scare_predicted, tally.scare_matched) == (1, 1, 0)


def test_place_finds_repeated_texts_in_reading_order(bench: ModuleType) -> None:
    assert bench.place("ab ab", ["ab", "ab"]) == [(0, 2), (3, 5)]
