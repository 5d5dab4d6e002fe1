"""Hostile-input benchmark: CPU seconds per MB of the slowest pathological shapes, and whether
parsing stays linear as they grow tenfold. Prints a table; asserts nothing.

    .venv/bin/python bench/hostile.py               # 0.1 -> 1 MB paragraph, 0.5 -> 5 MB page,
                                                    # 5 -> 50 MB JSON line (several minutes)
    .venv/bin/python bench/hostile.py --scale 0.1   # the same shapes, a tenth of the size

Each input is parsed once in a fresh process (so its CPU time and peak RSS are its own) with the
expanded-size cap lifted; a parse that overruns --budget seconds is stopped and reported as such.
"Ratio" is seconds per MB at the large size over seconds per MB at the small one: about 1 means
linear, 10 means quadratic.

- paragraph: a .txt dump whose body is one paragraph of quoted, attributed prose, no line breaks
  (the shape that made the quote extractor quadratic);
- html page: a saved article page with thousands of paragraphs and a threaded comment section;
- json line: a .jsonl file of one line whose "text" is a whole Care2-style dump with comments.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SENTENCES = [
    "“We will rebuild the harbour wall before the winter storms,” said Mayor Ana Silva {n}.",
    "Residents of district {n} describe the water rising over one night and the cars afloat.",
    "The council, according to the BBC, met on Monday to discuss plan {n} for the river banks.",
    '"Nazi-era" rules were mentioned {n} times, he recalled, in a long and heated debate.',
    "Engineers told reporters that repairs would cost {n} million over the next three years.",
]


def prose(size: int) -> str:
    """Sentences joined by spaces, numbered so that no two are the same, to `size` characters."""
    out: list[str] = []
    length, n = 0, 0
    while length < size:
        sentence = SENTENCES[n % len(SENTENCES)].format(n=n)
        out.append(sentence)
        length += len(sentence) + 1
        n += 1
    return " ".join(out)


def paragraph_dump(size: int) -> tuple[str, bytes]:
    text = f"One Long Paragraph\n\n{prose(size)}\n\nTake Action!\n\n3 comments\n"
    return "paragraph.txt", text.encode()


def html_page(size: int) -> tuple[str, bytes]:
    paragraphs, comments = [], []
    length, n = 0, 0
    while length < size * 0.7:
        paragraphs.append(f"<p>{prose(400)} ({n})</p>")
        length += len(paragraphs[-1])
        n += 1
    while length < size:
        comments.append(
            f'<li class="comment" id="comment-{n}"><article class="comment-body">'
            f'<footer class="comment-meta"><b class="fn">Reader {n}</b>'
            f'<time datetime="2026-02-01T12:00:00+00:00">February 1, 2026</time></footer>'
            f'<div class="comment-content"><p>Comment {n}: {SENTENCES[n % 5].format(n=n)}</p>'
            "</div></article></li>"
        )
        length += len(comments[-1])
        n += 1
    page = (
        "<!doctype html><html><head><title>A Very Long Page | Example News</title></head><body>"
        f"<article><h1>A Very Long Page</h1>{''.join(paragraphs)}</article>"
        f'<section id="comments"><ol class="comment-list">{"".join(comments)}</ol></section>'
        "</body></html>"
    )
    return "page.html", page.encode()


def json_line(size: int) -> tuple[str, bytes]:
    lines = ["A Whole Dump On One Line", ""]
    length, n = 0, 0
    while length < size * 0.6:
        lines += [prose(600), ""]
        length += len(lines[-2])
    lines += ["Take Action!", "", "999 comments", ""]
    while length < size:
        lines += [f"Reader Number{n}", f"Reader N{n} days ago", "", f"Comment {n}.", "", "SEND"]
        length += 60
        n += 1
    record = {"url": "https://www.care2.com/long", "captured_at": "2026-01-01T00:00:00Z"}
    return "line.jsonl", (json.dumps({**record, "text": "\n".join(lines)}) + "\n").encode()


INPUTS: dict[str, tuple[Callable[[int], tuple[str, bytes]], float]] = {
    "paragraph": (paragraph_dump, 1e6),
    "html page": (html_page, 5e6),
    "json line": (json_line, 50e6),
}


def _parse(name: str, path: str, answer: Connection) -> None:
    from extraction.files import parse_path

    # A small input of the same shape first: imports and caches warm are not what is measured.
    filename, data = INPUTS[name][0](2000)
    warm = Path(path).with_name("warm-" + filename)
    warm.write_bytes(data)
    parse_path(warm)
    started = time.process_time()
    _, result = parse_path(Path(path), max_expanded_bytes=1 << 40)
    cpu = time.process_time() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    answer.send((result.status, len(result.pages), cpu, peak_mb))


def measure(name: str, path: Path, budget: float) -> tuple[str, float | None, float]:
    """(outcome, CPU seconds or None when stopped at the budget, peak RSS in MB)."""
    context = multiprocessing.get_context("spawn")
    mine, theirs = context.Pipe()
    child = context.Process(target=_parse, args=(name, str(path), theirs))
    child.start()
    theirs.close()
    ready = mine.poll(budget)
    if not ready:
        child.kill()
        child.join()
        return "stopped", None, 0.0
    status, pages, cpu, peak = mine.recv()
    child.join()
    return f"{status} ({pages} page)", cpu, peak


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=1.0, help="size factor (default 1)")
    parser.add_argument("--budget", type=float, default=900.0, help="wall seconds per parse")
    parser.add_argument("--inputs", default=",".join(INPUTS), help="which inputs (comma-separated)")
    args = parser.parse_args()
    print(f"{'input':<10} {'MB':>7} {'CPU s':>8} {'s/MB':>7} {'peak RSS MB':>12}  outcome")
    ratios: dict[str, float | None] = {}
    full: dict[str, float | None] = {}
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as work:
        for name in args.inputs.split(","):
            make, large = INPUTS[name]
            per_mb = []
            for size in (large * args.scale / 10, large * args.scale):
                filename, data = make(int(size))
                path = Path(work) / filename
                path.write_bytes(data)
                del data
                outcome, cpu, peak = measure(name, path, args.budget)
                mb = path.stat().st_size / 1e6
                rate = cpu / mb if cpu is not None else None
                per_mb.append(rate)
                shown = (
                    f"{cpu:8.2f} {rate:7.2f}"
                    if cpu is not None and rate is not None
                    else f"{'>' + str(int(args.budget)):>8} {'-':>7}"
                )
                print(f"{name:<10} {mb:7.2f} {shown} {peak:12.0f}  {outcome}", flush=True)
                path.unlink()
            small, big = per_mb
            ratios[name] = big / small if small and big else None
            full[name] = big
    print()
    for name, ratio in ratios.items():
        print(
            f"ratio {name:<10} (s/MB at 10x over 1x): "
            + (f"{ratio:.2f}" if ratio else "n/a (stopped)")
        )
    stopped = [n for n, r in full.items() if r is None]
    if stopped:
        print(
            f"slowest at full size: {', '.join(stopped)} (stopped at the {args.budget:g} s budget)"
        )
    elif full:
        slowest = max(full, key=lambda n: full[n] or 0.0)
        print(f"slowest at full size: {slowest}, {full[slowest]:.2f} s/MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
