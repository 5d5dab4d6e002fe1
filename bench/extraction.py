"""Benchmark of HTML extraction: body P/R/F1 and pages/s on the development set, versus trafilatura.

Run from the repository root: ``.venv/bin/python bench/extraction.py``. It prints tables; it is
not a timed test. The development pages are read from ``../shared/extraction-dev/`` (never
committed); the body part is skipped with a message when that folder is absent. The comment part
runs on ``tests/fixtures/html/`` against ``tests/html/html_expected.py``. trafilatura (the
``bench`` dependency group, imported only here) is left out with a message when not installed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extraction.html import extract_html  # noqa: E402

DEV_DIR = REPO.parent / "shared" / "extraction-dev"
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


# --- scoring, as the scrapinghub article-extraction-benchmark defines it ------------------------
def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def shingle_match(true: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) over 4-token shingles of one page."""
    t, p = _shingles(true), _shingles(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def prf(matches: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Precision and recall averaged over pages, F1 of the two averages (as the benchmark does)."""
    p = statistics.mean(_precision(*m) for m in matches if m[0] + m[1] > 0)
    r = statistics.mean(_recall(*m) for m in matches if m[0] + m[2] > 0)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


# --- extractors ---------------------------------------------------------------------------------
def ours(html: str, url: str | None) -> str:
    return "\n\n".join(extract_html(html, url=url).paragraphs)


def have_trafilatura() -> bool:
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        print("trafilatura not installed (uv sync --group bench): its columns are left out")
        return False
    return True


def trafilatura_body(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=True) or ""


def load_dev() -> list[tuple[str, str, str, str]]:
    """(sha, url, html, true body) for every development page."""
    truth = json.loads((DEV_DIR / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for sha, item in sorted(truth.items()):
        raw = gzip.decompress((DEV_DIR / "html" / f"{sha}.html.gz").read_bytes())
        pages.append((sha, item.get("url"), raw.decode("utf-8", "replace"), item["articleBody"]))
    return pages


def run_body(names: list[str], worst: int) -> None:
    if not (DEV_DIR / "ground-truth.json").is_file():
        print(
            f"body benchmark skipped: ../shared/{DEV_DIR.name}/ (ground-truth.json and html/) "
            "not found next to the repository"
        )
        return
    if "trafilatura" in names and not have_trafilatura():
        names = [n for n in names if n != "trafilatura"]
    pages = load_dev()
    extractors: dict[str, Callable[[str, str | None], str]] = {
        "this project": ours,
        "trafilatura": trafilatura_body,
    }
    print(f"Body extraction on extraction-dev ({len(pages)} pages, one core)")
    print("  pages/s: CPU time of this process (wall-clock figure after it, which other jobs on a")
    print("  shared machine inflate); both extractors run in this process, one after the other")
    print(
        f"{'extractor':<14} {'precision':>9} {'recall':>7} {'F1':>6} {'pages/s':>8} {'(wall)':>8}"
    )
    for name in names:
        extract = extractors[name]
        extract(pages[0][2], pages[0][1])  # warm-up: imports, compiled selectors
        # CPU time of this process: other jobs on a shared machine do not count against it.
        start, wall_start = time.process_time(), time.perf_counter()
        predictions = [extract(html, url) for _, url, html, _ in pages]
        elapsed, wall = time.process_time() - start, time.perf_counter() - wall_start
        matches = [shingle_match(t, p) for (_, _, _, t), p in zip(pages, predictions, strict=True)]
        p, r, f1 = prf(matches)
        print(
            f"{name:<14} {p:>9.3f} {r:>7.3f} {f1:>6.3f} {len(pages) / elapsed:>8.1f} "
            f"{len(pages) / wall:>8.1f}"
        )
        if worst and name == "this project":
            scored = sorted(
                zip(pages, matches, strict=True),
                key=lambda pm: 2 * pm[1][0] / (2 * pm[1][0] + pm[1][1] + pm[1][2] or 1),
            )
            for (sha, url, _, _), (tp, fp, fn) in scored[:worst]:
                p_, r_ = _precision(tp, fp, fn), _recall(tp, fp, fn)
                print(f"   {sha[:10]} P={p_:.2f} R={r_:.2f} {url}")


# --- comments on the fixtures ------------------------------------------------------------------
FIXTURES = REPO / "tests" / "fixtures" / "html"


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def run_comments() -> None:
    """Per-comment recall of author, time and body against tests/html/html_expected.py, and what
    trafilatura keeps of the same comments. Trafilatura has no author or time fields, so its
    figures say whether the words occur anywhere in its comment text; "in body" counts comments
    whose text it put into the article text instead."""
    if not have_trafilatura():
        return
    import trafilatura

    sys.path.insert(0, str(REPO / "tests" / "html"))
    from html_expected import EXPECTED

    keys = ("author", "time", "body", "t_body", "t_author", "t_time", "t_leak")
    print()
    print(f"Comments on tests/fixtures/html ({len(EXPECTED)} pages)")
    print(
        f"{'page':<32} {'n':>3} {'author':>7} {'time':>5} {'body':>5} | trafilatura: "
        f"{'body':>5} {'author':>7} {'time':>5} {'in body':>8}"
    )
    totals = dict.fromkeys(keys, 0)
    count = 0
    for name, want in sorted(EXPECTED.items()):
        html = (FIXTURES / name).read_text(encoding="utf-8")
        got = extract_html(html).comments
        doc = trafilatura.bare_extraction(html, include_comments=True)
        t_comments = _norm(getattr(doc, "comments", None) or "")
        t_main = _norm(getattr(doc, "text", None) or "")
        row = dict.fromkeys(keys, 0)
        for i, expected in enumerate(want.comments):
            mine = got[i] if i < len(got) else None
            if mine is not None:
                row["author"] += mine.author == expected.author
                row["time"] += (mine.posted_text, mine.posted_at) == (
                    expected.posted_text,
                    expected.posted_at,
                )
                row["body"] += _norm(mine.body) == _norm(expected.body)
            row["t_body"] += _norm(expected.body) in t_comments
            row["t_author"] += _norm(expected.author) in t_comments
            row["t_time"] += (
                bool(expected.posted_text) and _norm(expected.posted_text) in t_comments
            )
            row["t_leak"] += _norm(expected.body) in t_main
        n = len(want.comments)
        count += n
        for key in keys:
            totals[key] += row[key]
        if n:
            print(_comment_row(name, n, row))
    print(_comment_row("all comments", count, totals))


def _comment_row(name: str, n: int, row: dict[str, int]) -> str:
    r = {key: value / n for key, value in row.items()}
    return (
        f"{name:<32} {n:>3} {r['author']:>7.2f} {r['time']:>5.2f} {r['body']:>5.2f} | "
        f"{'':>12} {r['t_body']:>5.2f} {r['t_author']:>7.2f} {r['t_time']:>5.2f} "
        f"{r['t_leak']:>8.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=["this project", "trafilatura"], action="append")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages of ours")
    parser.add_argument("--no-comments", action="store_true", help="skip the comment table")
    args = parser.parse_args()
    run_body(args.only or ["this project", "trafilatura"], args.worst)
    if not args.no_comments:
        run_comments()


if __name__ == "__main__":
    main()
