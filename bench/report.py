"""Report benchmark: seconds to draw the engagement report and its size, by corpus size, against a
full build of the same size and against matplotlib drawing the same charts. Prints a table.

    .venv/bin/python bench/report.py                # 50k and 200k, synthetic warehouses
    .venv/bin/python bench/report.py --full-build   # and real builds of `corpus synth` dumps
    .venv/bin/python bench/report.py --sizes 10000  # a quick look

Warehouses are written straight into DuckDB by warehouse.synthetic (seconds, no dumps). With
--full-build each size is also generated as dumps by `corpus synth` (cached under --work, as
bench/pipeline.py does), built in a fresh process, and the report drawn on that real warehouse:
the goal is drawing time <= 10% of the full build, in the same run. Report timings are the best of
--runs, CPU (process_time) beside wall. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pipeline import corpus, machine, run_build  # noqa: E402

from warehouse.readonly import connect_readonly  # noqa: E402
from warehouse.report import data, page  # noqa: E402
from warehouse.report.svg import histogram, ranked_bars, time_bars  # noqa: E402
from warehouse.synthetic import synthesize_warehouse  # noqa: E402

SEED = 1
GOAL_SHARE = 0.10
GOAL_BYTES = 2_000_000


def timed(action: Callable[[], Any], runs: int) -> tuple[float, float, Any]:
    """Best wall and best CPU seconds of `runs` calls, and the last result."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus), result


def draw(warehouse: Path, runs: int) -> dict[str, Any]:
    """Load (the SQL) and layout (the SVG and HTML) timed apart, on one connection."""
    con = connect_readonly(warehouse)
    try:
        load_wall, load_cpu, report = timed(lambda: data.load(con), runs)
        now = datetime.now(UTC)
        draw_wall, draw_cpu, html = timed(lambda: page.render(report, now), runs)
    finally:
        con.close()
    return {
        "load_wall": load_wall,
        "load_cpu": load_cpu,
        "draw_wall": draw_wall,
        "draw_cpu": draw_cpu,
        "wall": load_wall + draw_wall,
        "cpu": load_cpu + draw_cpu,
        "bytes": len(html.encode()),
        "data": report,
    }


def own_charts(report: data.ReportData) -> list[str]:
    charts = [time_bars(s) for s in (report.articles_series, report.comments_series) if s]
    charts += [histogram(report.capture, "article"), histogram(report.comment_bins, "article")]
    charts += [
        ranked_bars(top.rows, "item", "")
        for top in (report.commenters, report.speakers, report.outlets)
    ]
    return charts


def matplotlib_charts(report: data.ReportData) -> list[str]:
    """The same nine charts drawn by matplotlib (Agg, SVG out): what the report used before."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def svg(fig: Any) -> str:
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", bbox_inches="tight")
        plt.close(fig)
        return buffer.getvalue()

    out = []
    for series in (report.articles_series, report.comments_series):
        if series is None:
            continue
        fig, ax = plt.subplots(figsize=(8, 2.6))
        bottom = [0] * len(series.buckets)
        for name, values in series.series:
            ax.bar(series.buckets, values, bottom=bottom, width=20, label=name)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.legend(fontsize=8)
        out.append(svg(fig))
    for bins in (report.capture, report.comment_bins):
        fig, ax = plt.subplots(figsize=(8, 2.4))
        ax.bar([label for label, _ in bins], [n for _, n in bins])
        out.append(svg(fig))
    for top in (report.commenters, report.speakers, report.outlets):
        fig, ax = plt.subplots(figsize=(8, 0.3 * max(len(top.rows), 3) + 1))
        ax.barh([r.label for r in top.rows][::-1], [r.value for r in top.rows][::-1])
        out.append(svg(fig))
    return out


def chart_engines(report: data.ReportData, runs: int) -> dict[str, float]:
    import_started = time.perf_counter()
    import matplotlib.pyplot  # noqa: F401

    imported = time.perf_counter() - import_started
    _, own_cpu, own = timed(lambda: own_charts(report), runs)
    _, mpl_cpu, mpl = timed(lambda: matplotlib_charts(report), runs)
    return {
        "own_cpu": own_cpu,
        "own_bytes": sum(len(c) for c in own),
        "mpl_cpu": mpl_cpu,
        "mpl_bytes": sum(len(c) for c in mpl),
        "mpl_import": imported,
    }


def measure(size: int, work: Path, runs: int, full_build: bool) -> dict[str, Any]:
    result: dict[str, Any] = {"size": size}
    direct = work / f"direct-{size}-{SEED}.duckdb"
    if not direct.exists():
        print(f"writing a synthetic warehouse of {size} articles ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        synthesize_warehouse(direct, size, seed=SEED)
        result["synth_seconds"] = time.perf_counter() - started
    result["direct"] = draw(direct, runs)
    result["engines"] = chart_engines(result["direct"].pop("data"), runs)
    if full_build:
        out = corpus(work, size, SEED)
        state = work / f"report-build-{size}"
        import shutil

        shutil.rmtree(state, ignore_errors=True)
        print(f"full build of {size} articles ...", file=sys.stderr, flush=True)
        result["build"] = run_build(out / "raw", state, workers=0)
        result["built"] = draw(state / "corpus.duckdb", runs)
        result["built"].pop("data")
    return result


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| articles | warehouse | report wall s (SQL + layout) | report CPU s | page bytes"
        " | full build s | report / build |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        for kind in ("direct", "built"):
            if kind not in r:
                continue
            d = r[kind]
            build = r["build"]["seconds"]["total"] if kind == "built" else None
            share = f"{d['wall'] / build:.1%} (goal ≤ {GOAL_SHARE:.0%})" if build else ""
            source = "warehouse.synthetic" if kind == "direct" else "built from dumps"
            lines.append(
                f"| {r['size']:,} | {source}"
                f" | {d['wall']:.2f} ({d['load_wall']:.2f} + {d['draw_wall']:.3f})"
                f" | {d['cpu']:.2f} | {d['bytes']:,} (goal ≤ {GOAL_BYTES:,})"
                f" | {f'{build:.1f}' if build else ''} | {share} |"
            )
    lines += [
        "",
        "| articles | hand-written SVG: CPU s, bytes | matplotlib: CPU s, bytes (import s)"
        " | ratio |",
        "|---|---|---|---|",
    ]
    for r in results:
        e = r["engines"]
        lines.append(
            f"| {r['size']:,} | {e['own_cpu']:.4f}, {e['own_bytes']:,}"
            f" | {e['mpl_cpu']:.3f}, {e['mpl_bytes']:,} ({e['mpl_import']:.2f})"
            f" | {e['mpl_cpu'] / max(e['own_cpu'], 1e-9):.0f}× the CPU |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.ArgumentDefaultsHelpFormatter
    )
    parser.add_argument("--sizes", default="50000,200000", help="comma-separated article counts")
    parser.add_argument("--runs", type=int, default=3, help="report draws per measure (best kept)")
    parser.add_argument(
        "--full-build", action="store_true", help="also build `corpus synth` dumps of each size"
    )
    parser.add_argument(
        "--work",
        default=str(Path(tempfile.gettempdir()) / "corpus-bench"),
        help="where warehouses and corpora are cached",
    )
    args = parser.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(machine(), flush=True)
    results: list[dict[str, Any]] = []
    for size in sizes:  # the table so far after each size: a long run still leaves figures
        results.append(measure(size, work, args.runs, args.full_build))
        print(f"\n{table(results)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
