"""Benchmark of the page-kind rule: does a page enter `articles` exactly when it holds an article?

Run from the repository root: ``.venv/bin/python bench/page_kinds.py [--tune]``. It prints tables;
it is not a timed test. Three sets:

- ``../shared/readability-dev/`` (130 real pages; ``expected-metadata.json`` says ``readerable``:
  whether Readability takes the page for an article), split in two by a stable hash of the page's
  name: "tuned" is the half the thresholds may be tuned on, "unseen" the other;
- ``../shared/extraction-dev/`` (181 real article pages): every page should enter ``articles``;
- our own pages of every kind (``tests/fixtures/page_kinds/``, ``tests/fixtures/html/``).

``--tune`` searches the thin-page threshold on the tuned half only and prints what it would pick.
The folders under ``../shared/`` are never committed; each part is skipped with a message when
its folder is absent.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extraction.dumps import DumpFile, parse_dump  # noqa: E402
from extraction.html import extract as html_extract  # noqa: E402
from extraction.html import extract_html  # noqa: E402
from extraction.html.page_signals import PageSignals  # noqa: E402
from extraction.page_kind import PageKindVerdict  # noqa: E402
from extraction.rules import page_kinds  # noqa: E402

SHARED = REPO.parent / "shared"
READABILITY = SHARED / "readability-dev" / "pages"
EXTRACTION = SHARED / "extraction-dev" / "html"
FIXTURES = REPO / "tests" / "fixtures"
CAPTURED = datetime(2026, 1, 1, tzinfo=UTC)


def half(name: str) -> str:
    """The stable split: the first byte of the name's SHA-256, even or odd."""
    return "tuned" if hashlib.sha256(name.encode()).digest()[0] % 2 == 0 else "unseen"


def readability_pages() -> Iterator[tuple[str, str, bool]]:
    for folder in sorted(READABILITY.iterdir()):
        meta = folder / "expected-metadata.json"
        if not meta.exists():
            continue
        readerable = json.loads(meta.read_text(encoding="utf-8")).get("readerable")
        if readerable is None:
            continue
        html = gzip.decompress((folder / "source.html.gz").read_bytes()).decode("utf-8", "replace")
        yield folder.name, html, bool(readerable)


def verdict(html: str) -> PageKindVerdict:
    return extract_html(html).page_kind


def confusion(rows: list[tuple[bool, bool]]) -> dict[str, float]:
    """rows: (holds an article, entered articles). Non-articles are the class the rule is for."""
    tp = sum(1 for truth, got in rows if not truth and not got)  # non-article left out
    fp = sum(1 for truth, got in rows if truth and not got)  # article left out
    fn = sum(1 for truth, got in rows if not truth and got)  # non-article let in
    correct = sum(1 for truth, got in rows if truth == got)
    return {
        "pages": len(rows),
        "non-articles": tp + fn,
        "accuracy": correct / len(rows) if rows else 0.0,
        "articles kept": 1 - fp / max(1, sum(1 for truth, _ in rows if truth)),
        "non-articles left out": tp / (tp + fn) if tp + fn else float("nan"),
        "precision of leaving out": tp / (tp + fp) if tp + fp else float("nan"),
    }


def print_table(title: str, results: dict[str, dict[str, float]]) -> None:
    print(f"\n{title}")
    columns = list(next(iter(results.values())))
    print("| set | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for name, figures in results.items():
        cells = [f"{v:.3f}" if isinstance(v, float) else str(v) for v in figures.values()]
        print(f"| {name} | " + " | ".join(cells) + " |")


def bench_readability(tune: bool) -> None:
    if not READABILITY.is_dir():
        print(f"{READABILITY} is absent: the readability part is skipped")
        return
    pages = list(readability_pages())
    rows: dict[str, list[tuple[bool, bool]]] = {"tuned": [], "unseen": []}
    wrong: list[str] = []
    for name, html, readerable in pages:
        got = verdict(html)
        rows[half(name)].append((readerable, got.loads))
        if got.loads != readerable:
            wrong.append(
                f"  {half(name):6} {name}: readerable={readerable}, {got.kind} ({got.reason})"
            )
    print_table(
        "readability-dev: enters articles vs readerable",
        {name: confusion(r) for name, r in rows.items()},
    )
    print("disagreements:\n" + "\n".join(wrong) if wrong else "no disagreements")
    if tune:
        tune_thin_threshold([(n, h, r) for n, h, r in pages if half(n) == "tuned"])


def tune_thin_threshold(pages: list[tuple[str, str, bool]]) -> None:
    """Accuracy on the tuned half for each candidate THIN_PAGE_CHARS (page kinds re-decided)."""
    print("\n--tune: THIN_PAGE_CHARS on the tuned half only")
    original = page_kinds.THIN_PAGE_CHARS
    try:
        for threshold in (0, 100, 150, 200, 250, 300, 400, 600):
            page_kinds.THIN_PAGE_CHARS = threshold  # type: ignore[misc]
            rows = [(r, verdict(h).loads) for _, h, r in pages]
            print(f"  {threshold:4}: accuracy {confusion(rows)['accuracy']:.3f}")
    finally:
        page_kinds.THIN_PAGE_CHARS = original  # type: ignore[misc]


def bench_extraction_dev() -> None:
    if not EXTRACTION.is_dir():
        print(f"{EXTRACTION} is absent: the extraction-dev part is skipped")
        return
    rows: dict[str, list[tuple[bool, bool]]] = {"tuned": [], "unseen": []}
    kinds: Counter[str] = Counter()
    for path in sorted(EXTRACTION.glob("*.html.gz")):
        got = verdict(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
        rows[half(path.name)].append((True, got.loads))
        kinds[got.kind] += 1
    print_table(
        "extraction-dev (every page an article): kept in articles",
        {name: confusion(r) for name, r in rows.items()},
    )
    print("kinds given:", dict(kinds))


def bench_own_pages() -> None:
    from tests.extraction.test_page_kinds import LOADED, SKIPPED

    expected = {n: k for n, (k, _) in LOADED.items()} | {
        n: m.split(" ", 1)[0] for n, m in SKIPPED.items()
    }
    expected |= {p.name: "article" for p in (FIXTURES / "html").glob("*.html")}
    confusion_by_kind: Counter[tuple[str, str]] = Counter()
    for name, kind in sorted(expected.items()):
        folder = "page_kinds" if (FIXTURES / "page_kinds" / name).exists() else "html"
        data = (FIXTURES / folder / name).read_bytes()
        result = parse_dump(DumpFile(name, data, "sha", CAPTURED))
        got = (
            result.articles[0].page_kind if result.articles else result.errors[0].message.split()[0]
        )
        confusion_by_kind[(kind, got)] += 1
    print("\nown pages of every kind (tests/fixtures): expected -> given")
    for (kind, got), n in sorted(confusion_by_kind.items()):
        print(f"  {kind:10} -> {got:10} {n}{'' if kind == got else '   <-- wrong'}")


def bench_cost() -> None:
    """CPU share of the page-kind work (signals and rule) in HTML extraction."""
    if not EXTRACTION.is_dir():
        return
    pages = [
        gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
        for p in sorted(EXTRACTION.glob("*.html.gz"))
    ]
    spent = [0.0]
    real_signals = html_extract.page_signals

    def timed(fn: Callable[..., object]) -> Callable[..., object]:
        def run(*args: object) -> object:
            started = time.process_time()
            try:
                return fn(*args)
            finally:
                spent[0] += time.process_time() - started

        return run

    original_kind = PageSignals.kind
    html_extract.page_signals = timed(real_signals)  # type: ignore[assignment]
    PageSignals.kind = timed(original_kind)  # type: ignore[method-assign]
    try:
        started = time.process_time()
        for html in pages:
            extract_html(html)
        total = time.process_time() - started
    finally:
        html_extract.page_signals = real_signals
        PageSignals.kind = original_kind  # type: ignore[method-assign]
    print(
        f"\ncost on extraction-dev: page kinds {spent[0] / len(pages) * 1000:.2f} ms of "
        f"{total / len(pages) * 1000:.2f} ms per page ({spent[0] / total:.1%} of HTML extraction)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tune", action="store_true", help="search THIN_PAGE_CHARS (tuned half)")
    args = parser.parse_args()
    bench_readability(args.tune)
    bench_extraction_dev()
    bench_own_pages()
    bench_cost()


if __name__ == "__main__":
    main()
