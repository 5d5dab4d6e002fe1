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


# --- PolNeAR reading and scoring, on a tiny corpus written here in its brat standoff format ---

ARTICLE = (
    "Mayor backs plan.\n\n"
    "Mayor Ada Quill spoke on Monday.\n"
    "“We will build it,” she said.\n"
    "Quill called the plan “overdue.”\n"
)


def _write_split(root: Path, split: str) -> Path:
    folder = root / "data" / split
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "doc_one.txt").write_text(ARTICLE, encoding="utf-8")
    quote = ARTICLE.index("“We")
    she = ARTICLE.index("she said")
    quill = ARTICLE.index("Quill called")
    content = ARTICLE.index("the plan “")
    end = ARTICLE.index(".”\n", content) + 2
    lines = [
        f"T1\tContent {quote} {quote + 19}\t{ARTICLE[quote : quote + 19]}",
        f"T2\tSource {she} {she + 3}\tshe",
        f"T3\tCue {she + 4} {she + 8}\tsaid",
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
        f"T4\tSource {quill} {quill + 5}\tQuill",
        f"T5\tContent {content} {end}\t{ARTICLE[content:end]}",
        "E2\tAttribution:T4 Content:T5 Source:T4",
    ]
    (folder / "attributions" / "doc_one_ab12.ann").write_text("\n".join(lines) + "\n")
    return root


def test_polnear_test_split_is_refused(bench: ModuleType, tmp_path: Path) -> None:
    _write_split(tmp_path, "test")
    with pytest.raises(bench.polnear.ReservedSplit):
        bench.polnear.load(tmp_path, "test")
    assert bench.main(["--polnear", str(tmp_path), "--split", "test"]) == 2


def test_polnear_run_skips_cleanly_without_the_corpus(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["--polnear", str(tmp_path / "absent"), "--split", "dev"]) == 0
    assert "skipped" in capsys.readouterr().out


def test_polnear_gold_quotes_are_the_marked_words_with_resolved_sources(
    bench: ModuleType, tmp_path: Path
) -> None:
    docs = bench.polnear.load(_write_split(tmp_path, "train"), "train")
    assert len(docs) == 1
    first, second = docs[0].quotes
    # Without CoreNLP files the source's own words (and earlier sources) resolve it.
    assert (first.source, first.pronoun, first.opens) == ("she", True, True)
    assert ARTICLE[slice(*first.fragments[0])] == "We will build it,"
    assert (second.opens, ARTICLE[slice(*second.fragments[0])]) == (False, "overdue.")


def test_polnear_scoring_counts_found_quotes_and_speakers(bench: ModuleType) -> None:
    docs_text = ARTICLE
    quote = docs_text.index("We will")
    gold = bench.polnear.GoldQuote(
        ((quote, quote + 17),),
        ((quote - 1, quote + 18),),
        True,
        "she",
        "person",
        "Ada Quill",
        True,
        False,
    )
    doc = bench.polnear.Document("d", docs_text, [], [gold])
    tally = bench.PolnearTally()
    # Covering 6 of 17 characters (> 30%) finds the quote; the speaker matches at name level.
    bench.score_polnear(
        tally, doc, [bench.Predicted(quote, quote + 6, "Quill", "she", None, "direct")]
    )
    assert (tally.found, tally.named_right, tally.pronoun_right) == (1, 1, 1)
    tally = bench.PolnearTally()
    bench.score_polnear(
        tally, doc, [bench.Predicted(quote, quote + 5, "Quill", "she", None, "direct")]
    )
    assert tally.found == 0


def test_same_name_is_name_level(bench: ModuleType) -> None:
    same = bench.polnear.same_name
    assert same("Clinton", "Hillary Clinton")
    assert same("Mrs. Clinton", "Hillary Rodham Clinton")
    assert same("Claudia Tenney", "Assemblywoman Claudia Tenney")
    assert not same("Bill Clinton", "Hillary Clinton")
    assert not same(None, "Hillary Clinton")


def test_same_name_reads_a_fused_leading_article(bench: ModuleType) -> None:
    same = bench.polnear.same_name
    assert same("TheBlaze", "Blaze")
    assert same("TheBlaze", "The Blaze")
    assert not same("TheBlaze", "Theodore")
    assert not same("Theodore Roosevelt", "Roosevelt Island")


def test_outlets_agree_up_to_the_leading_article(bench: ModuleType) -> None:
    assert bench.same_outlet("Guardian", "The Guardian")
    assert not bench.same_outlet("The Guardian", "The Observer")


def test_speed_rows_report_seconds_per_megabyte(bench: ModuleType) -> None:
    paragraph = bench.synthetic_paragraph(0.002)
    assert 1_900 <= len(paragraph.encode("utf-8")) <= 2_200
    assert "s per MB" in bench.speed_report([0.002])
