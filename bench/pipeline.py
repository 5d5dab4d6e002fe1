"""Pipeline benchmark on synthetic corpora: where the time goes and how it scales. Prints a table.

    .venv/bin/python bench/pipeline.py                 # 1k, 10k and 50k articles
    .venv/bin/python bench/pipeline.py --with-200k     # and 200k
    .venv/bin/python bench/pipeline.py --sizes 1000    # a quick look
    .venv/bin/python bench/pipeline.py --backend ducklake   # the lake against the file, at 50k

Corpora are generated once per (size, seed) under --work (default: the system temp directory) and
reused. Each size is measured side by side against a baseline taken in the same run:
- parse: text-dump throughput (one process) against a floor that reads the same files, decodes them
  and splits them into lines and paragraphs in plain Python;
- load: rows per second of the build's INSERT ... SELECT against DuckDB's own COPY from Parquet of
  the same rows;
- incremental: a refresh with no new files and with 1% new files, against the full build;
- cores: the full build on one worker process against two;
- memory: peak RSS of the build (the largest of the main process and any worker);
- queries: each engagement view against a plain GROUP BY article_id count over comments.
Full builds run in a fresh subprocess each (`_build`), so peak RSS is theirs alone; each is what
`corpus build` runs (pipelines/build.py: the refresh job, its checks and publishing), its stage
seconds read from the run's materialisation metadata. Nothing here is asserted: speed is
reported, never tested.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from extraction.dumps import SIDECAR_SUFFIX  # noqa: E402
from extraction.files import parse_path  # noqa: E402
from synth.corpus import SHARD, synthesize, write_shard  # noqa: E402
from warehouse.sql_files import TABLES, VIEWS, sql_text  # noqa: E402

SEED = 1


def corpus(work: Path, size: int, seed: int) -> Path:
    out = work / f"corpus-{size}-{seed}"
    if not (out / "expected.json").exists():
        shutil.rmtree(out, ignore_errors=True)
        print(f"generating {size} articles in {out} ...", file=sys.stderr, flush=True)
        synthesize(size, seed, out, ("txt",))
    return out


def dump_files(raw: Path) -> list[Path]:
    return sorted(p for p in raw.rglob("*") if p.is_file() and not p.name.endswith(SIDECAR_SUFFIX))


def floor(paths: list[Path]) -> tuple[float, int, int]:
    """(seconds, bytes, pages): read, decode, split into lines and paragraphs; nothing more."""
    started = time.perf_counter()
    size = pages = 0
    for path in paths:
        data = path.read_bytes()
        size += len(data)
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        lines = data.decode("utf-8").splitlines()
        paragraphs: list[str] = []
        current: list[str] = []
        for line in lines:
            if line.strip():
                current.append(line)
            elif current:
                paragraphs.append(" ".join(current))
                current = []
        pages += 1
    return time.perf_counter() - started, size, pages


def parse_only(paths: list[Path], raw: Path) -> tuple[float, int]:
    """(seconds, pages): the full parse to records (read, hash, decode, dialect, assemble)."""
    started = time.perf_counter()
    pages = 0
    for path in paths:
        _, result = parse_path(path, raw)
        pages += len(result.pages)
    return time.perf_counter() - started, pages


def run_build(raw: Path, state: Path, workers: int) -> dict[str, Any]:
    """A full or incremental refresh in a fresh process; its stage seconds and peak RSS."""
    command = [sys.executable, __file__, "_build", str(raw), str(state), str(workers)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def metadata_of(result: Any, asset: str) -> dict[str, Any]:
    [event] = [e for e in result.get_asset_materialization_events() if e.asset_key.path == [asset]]
    return {k: v.value for k, v in event.materialization.metadata.items()}


def build_in_this_process(raw: Path, state: Path, workers: int) -> dict[str, Any]:
    """`corpus build` itself (writer lock, the refresh job with its checks, publishing), on a
    throwaway Dagster instance; its stage seconds as the assets record them."""
    import assets.definitions  # noqa: F401  (loading the definitions is not part of a refresh)
    from assets.defs.resources import CorpusStorage
    from pipelines.build import refresh

    storage = CorpusStorage(
        raw_dir=str(raw),
        warehouse=str(state / "corpus.duckdb"),
        staging_dir=str(state / "staging"),
        workers=workers,
    )
    started = time.perf_counter()
    result = refresh(storage, ephemeral=True)
    total = time.perf_counter() - started
    if not result.success:
        raise RuntimeError("the refresh failed")
    ingest = metadata_of(result, "parsed_records")
    build = metadata_of(result, TABLES[0])["stage_seconds"]
    seconds = {
        "discover": metadata_of(result, "raw_dump_files")["discover_seconds"],
        **{f"ingest_{k}": v for k, v in ingest["stage_seconds"].items()},
        **{f"build_{k}": v for k, v in build.items() if k != "publish"},
        "publish": build["publish"],
        "total": total,
    }
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "seconds": seconds,
        "parsed_files": ingest["files_parsed"],
        "rows": {n: metadata_of(result, n)["dagster/row_count"] for n in (*TABLES, *VIEWS)},
        "peak_rss_mb": max(own, workers_rss) / 1024,
        "main_rss_mb": own / 1024,
        "worker_rss_mb": workers_rss / 1024,
    }


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def copy_baseline(warehouse: Path, scratch: Path) -> tuple[float, int]:
    """(seconds, rows): DuckDB's COPY FROM Parquet of the rows the build loaded, same schema."""
    scratch.mkdir(parents=True, exist_ok=True)
    source = duckdb.connect(str(warehouse), read_only=True)
    rows = 0
    try:
        for table in TABLES:
            target = scratch / f"{table}.parquet"
            source.execute(f"COPY {table} TO '{target}' (FORMAT parquet)")  # names from sql_files
            rows += int(source.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]
    finally:
        source.close()
    db = scratch / "copy.duckdb"
    db.unlink(missing_ok=True)
    con = duckdb.connect(str(db))
    try:
        for table in TABLES:
            con.execute(sql_text("tables", table))
        started = time.perf_counter()
        for table in TABLES:
            con.execute(f"COPY {table} FROM '{scratch / f'{table}.parquet'}' (FORMAT parquet)")
        seconds = time.perf_counter() - started
    finally:
        con.close()
    return seconds, rows


def view_timings(warehouse: Path) -> dict[str, float]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        con.execute("SET threads TO 2")
        timings = {
            "GROUP BY article_id": best_of(
                3,
                lambda: con.execute(
                    "SELECT count(*) FROM"
                    " (SELECT article_id, count(*) FROM comments GROUP BY article_id)"
                ).fetchall(),
            )
        }
        for view in VIEWS:
            # Every row and column of the view, aggregated so the client fetches one row.
            timings[view] = best_of(
                3,
                lambda v=view: con.execute(  # type: ignore[misc]
                    f"SELECT count(*), sum(hash(COLUMNS(*))) FROM {v}"
                ).fetchall(),
            )
        return timings
    finally:
        con.close()


def add_new_files(raw: Path, size: int, seed: int) -> list[Path]:
    """1% more articles (new indices, so new files) into the landing directory."""
    before = set(raw.rglob("*"))
    extra = max(1, size // 100)
    start = ((size + SHARD - 1) // SHARD) * SHARD  # a fresh shard folder
    write_shard(seed, start, start + extra, max(200, size * 2), ("txt",), str(raw))
    return sorted(set(raw.rglob("*")) - before)


def measure(size: int, work: Path, seed: int, cores: bool) -> dict[str, Any]:
    out = corpus(work, size, seed)
    raw = out / "raw"
    expected = json.loads((out / "expected.json").read_text(encoding="utf-8"))
    paths = dump_files(raw)
    m: dict[str, Any] = {"size": size, "files": len(paths), "comments": expected["comments"]}
    # Other work on the machine skews every wall-clock figure: show how busy it was.
    m["load_before"] = os.getloadavg()[0]
    floor(paths[:200])  # warm the page cache for both
    m["floor_s"], m["bytes"], m["floor_pages"] = floor(paths)
    m["parse_s"], m["pages"] = parse_only(paths, raw)

    state = work / f"state-{size}-{seed}"
    shutil.rmtree(state, ignore_errors=True)
    state.mkdir(parents=True)
    print(f"[{size}] full build, 2 workers ...", file=sys.stderr, flush=True)
    m["full2"] = run_build(raw, state, 2)
    print(f"[{size}] refresh, nothing new ...", file=sys.stderr, flush=True)
    m["noop"] = run_build(raw, state, 2)
    new = add_new_files(raw, size, seed)
    try:
        print(f"[{size}] refresh, 1% new files ...", file=sys.stderr, flush=True)
        m["inc1"] = run_build(raw, state, 2)
    finally:
        for path in sorted(new, reverse=True):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
    m["copy_s"], m["copy_rows"] = copy_baseline(state / "corpus.duckdb", state / "copy")
    m["views"] = view_timings(state / "corpus.duckdb")
    if cores:
        shutil.rmtree(state, ignore_errors=True)
        state.mkdir(parents=True)
        print(f"[{size}] full build, 1 worker ...", file=sys.stderr, flush=True)
        m["full1"] = run_build(raw, state, 1)
    shutil.rmtree(state, ignore_errors=True)
    m["load_after"] = os.getloadavg()[0]
    return m


def outside_stages(build: dict[str, Any], stages: tuple[str, ...]) -> float:
    """Seconds of the run not in the named stages: checks and metadata, the engagement report and
    Dagster's own bookkeeping (events, the instance)."""
    return float(build["seconds"]["total"] - sum(build["seconds"].get(s, 0.0) for s in stages))


def loaded_rows(build: dict[str, Any]) -> int:
    return sum(build["rows"][t] for t in TABLES)


def load_rate(r: dict[str, Any]) -> float:
    return loaded_rows(r["full2"]) / r["full2"]["seconds"]["build_load"]


def table(results: list[dict[str, Any]]) -> str:
    largest = results[-1]
    cols = [f"{r['size']:,} articles" for r in results]
    lines: list[tuple[str, list[str], str]] = []

    def row(label: str, cell: Callable[[dict[str, Any]], str], goal: str = "") -> None:
        values = []
        for r in results:
            try:
                values.append(cell(r))
            except KeyError:
                values.append("-")
        lines.append((label, values, goal))

    mb = 1024 * 1024
    row(
        "machine load average (start / end)",
        lambda r: f"{r['load_before']:.1f} / {r['load_after']:.1f}",
    )
    row("dump files / comments", lambda r: f"{r['files']:,} / {r['comments']:,}")
    row("corpus MB", lambda r: f"{r['bytes'] / mb:.0f}")
    row("floor: read+decode+split MB/s (1 proc)", lambda r: f"{r['bytes'] / mb / r['floor_s']:.1f}")
    row("parse MB/s (1 proc)", lambda r: f"{r['bytes'] / mb / r['parse_s']:.2f}")
    row("parse pages/s (1 proc)", lambda r: f"{r['pages'] / r['parse_s']:.0f}")
    row("  vs floor pages/s", lambda r: f"{r['floor_pages'] / r['floor_s']:.0f}")
    row("parse / floor", lambda r: f"{r['floor_s'] / r['parse_s']:.1%}", ">= 30%")
    row(
        "parse+stage MB/s (2 procs, in build)",
        lambda r: f"{r['bytes'] / mb / r['full2']['seconds']['ingest_parse_wall']:.2f}",
    )
    row(
        "load rows/s (INSERT..SELECT)",
        lambda r: f"{loaded_rows(r['full2']) / r['full2']['seconds']['build_load']:,.0f}",
    )
    row("  vs COPY FROM parquet rows/s", lambda r: f"{r['copy_rows'] / r['copy_s']:,.0f}")
    row(
        "load / COPY",
        lambda r: f"{load_rate(r) / (r['copy_rows'] / r['copy_s']):.0%}",
        ">= 50%",
    )
    stages = (
        "discover",
        "ingest_parse_wall",
        "ingest_manifest",
        "build_tables",
        "build_load",
        "build_views",
        "build_checkpoint",
        "publish",
    )
    for stage in stages:
        row(
            f"full build (2 procs): {stage} s", lambda r, s=stage: f"{r['full2']['seconds'][s]:.2f}"
        )
    row(
        "full build (2 procs): checks, report, Dagster s",
        lambda r: f"{outside_stages(r['full2'], stages):.2f}",
    )
    for stage in ("read_worker", "parse_worker", "stage_write_worker"):
        row(
            f"  worker CPU: {stage} s",
            lambda r, s=stage: f"{r['full2']['seconds'][f'ingest_{s}']:.2f}",
        )
    row("full build total s (2 procs)", lambda r: f"{r['full2']['seconds']['total']:.2f}")
    row("full build total s (1 proc)", lambda r: f"{r['full1']['seconds']['total']:.2f}")
    row(
        "speed-up 2 procs vs 1",
        lambda r: f"{r['full1']['seconds']['total'] / r['full2']['seconds']['total']:.2f}x",
        ">= 1.7x",
    )
    row("refresh, nothing new s", lambda r: f"{r['noop']['seconds']['total']:.2f}")
    row(
        "  share of full build",
        lambda r: f"{r['noop']['seconds']['total'] / r['full2']['seconds']['total']:.1%}",
        "<= 5%",
    )
    row(
        "refresh, 1% new files s",
        lambda r: f"{r['inc1']['seconds']['total']:.2f} ({r['inc1']['parsed_files']} files)",
    )
    row(
        "  share of full build",
        lambda r: f"{r['inc1']['seconds']['total'] / r['full2']['seconds']['total']:.1%}",
        "<= 10%",
    )
    row("peak RSS MB (build, largest process)", lambda r: f"{r['full2']['peak_rss_mb']:.0f}")
    row(
        "  main / largest worker MB",
        lambda r: f"{r['full2']['main_rss_mb']:.0f} / {r['full2']['worker_rss_mb']:.0f}",
    )
    ten = next((r for r in results if r["size"] == 10_000), None)
    if ten is not None:
        for r in results:
            r["rss_vs_10k"] = r["full2"]["peak_rss_mb"] / ten["full2"]["peak_rss_mb"]
        row("peak RSS vs 10k", lambda r: f"{r['rss_vs_10k']:.2f}x", "<= 1.3x (50k)")
    row("GROUP BY article_id ms", lambda r: f"{r['views']['GROUP BY article_id'] * 1000:.1f}")
    for view in VIEWS:
        row(f"view {view} ms", lambda r, v=view: f"{r['views'][v] * 1000:.1f}")
        row(
            f"  {view} / GROUP BY",
            lambda r, v=view: f"{r['views'][v] / r['views']['GROUP BY article_id']:.1f}x",
            "<= 10x",
        )
    width = max(len(label) for label, _, _ in lines)
    widths = [max(len(c), *(len(v[i]) for _, v, _ in lines)) for i, c in enumerate(cols)]
    header = (
        "| "
        + " | ".join(
            [
                ("metric").ljust(width),
                *(c.rjust(w) for c, w in zip(cols, widths, strict=True)),
                "goal",
            ]
        )
        + " |"
    )
    rule = "|" + "|".join(["-" * (width + 2), *("-" * (w + 2) for w in widths), "------"]) + "|"
    body = [
        "| "
        + " | ".join(
            [label.ljust(width), *(v.rjust(w) for v, w in zip(values, widths, strict=True)), goal]
        )
        + " |"
        for label, values, goal in lines
    ]
    del largest
    return "\n".join([header, rule, *body])


def machine() -> str:
    import platform

    import duckdb as db

    cpu = platform.processor() or platform.machine()
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
        cpu = model
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GB RAM, Python {platform.python_version()}, "
        f"DuckDB {db.__version__}, {platform.system()} {platform.release()}"
    )


def remove_files(paths: list[Path]) -> None:
    for path in sorted(paths, reverse=True):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def lake_main(options: argparse.Namespace, args: list[str]) -> int:
    """`--backend ducklake`: bench/lake.py's table, at 50k articles unless --sizes says."""
    import lake

    sizes = [50_000] if "--sizes" not in args else [int(s) for s in options.sizes.split(",") if s]
    work = Path(options.work)
    work.mkdir(parents=True, exist_ok=True)
    results = []
    for size in sizes:
        raw = corpus(work, size, options.seed) / "raw"
        state = work / f"lake-state-{size}-{options.seed}"
        shutil.rmtree(state, ignore_errors=True)
        results.append(
            lake.measure_lake(
                size,
                raw,
                state,
                lambda target, raw=raw: run_build(raw, target, 2),
                lambda raw=raw, size=size: add_new_files(raw, size, options.seed),
                remove_files,
            )
        )
        shutil.rmtree(state, ignore_errors=True)
    if options.json:
        Path(options.json).write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    print(f"machine: {machine()}")
    print(f"command: bench/pipeline.py {' '.join(args)}".rstrip())
    print(lake.table(results))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if args and args[0] == "_build":
        raw, state, workers = Path(args[1]), Path(args[2]), int(args[3])
        print(json.dumps(build_in_this_process(raw, state, workers)))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="1000,10000,50000", help="comma-separated article counts"
    )
    parser.add_argument("--with-200k", action="store_true", help="also measure 200,000 articles")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "corpus-bench"))
    parser.add_argument("--no-cores", action="store_true", help="skip the one-worker full build")
    parser.add_argument("--json", help="also write the raw measurements to this file")
    parser.add_argument(
        "--backend",
        choices=("duckdb", "ducklake"),
        default="duckdb",
        help="ducklake: both backends side by side (bench/lake.py; --sizes defaults to 50000)",
    )
    options = parser.parse_args(args)
    if options.backend == "ducklake":
        return lake_main(options, args)
    sizes = [int(s) for s in options.sizes.split(",") if s]
    if options.with_200k:
        sizes.append(200_000)
    work = Path(options.work)
    work.mkdir(parents=True, exist_ok=True)
    results = [measure(size, work, options.seed, not options.no_cores) for size in sizes]
    if options.json:
        Path(options.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"machine: {machine()}")
    print(f"command: bench/pipeline.py {' '.join(args)}".rstrip())
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
