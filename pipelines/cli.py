"""`corpus`: build the warehouse, parse dumps, query read-only, open the Dagster UI."""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import os
import signal
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pipelines import settings

EXAMPLE_QUERY = (
    "SELECT title, declared_comments, captured_comments, distinct_comments, unique_commenters, "
    "round(capture_ratio, 3) AS capture_ratio FROM article_engagement "
    "ORDER BY captured_comments DESC LIMIT 5"
)


def _json_default(value: object) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def format_rows(columns: Sequence[str], rows: Sequence[Sequence[object]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(
            [dict(zip(columns, row, strict=True)) for row in rows],
            default=_json_default,
            ensure_ascii=False,
            indent=2,
        )
    if fmt == "csv":
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    cells = [[("NULL" if v is None else str(v)).replace("\n", "⏎") for v in row] for row in rows]
    widths = [min(60, max([len(c), *(len(r[i]) for r in cells)])) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return " | ".join(
            (v if len(v) <= w else v[: w - 1] + "…").ljust(w)
            for v, w in zip(values, widths, strict=True)
        )

    return "\n".join(
        [
            line(columns),
            "-+-".join("-" * w for w in widths),
            *(line(r) for r in cells),
            f"({len(rows)} rows)",
        ]
    )


def cmd_parse(args: argparse.Namespace) -> int:
    from extraction.files import parse_path
    from warehouse.limits import ParseLimits

    cap = ParseLimits.from_environment().max_expanded_bytes

    output: dict[str, list[dict[str, Any]]] = {
        "articles": [],
        "quotes": [],
        "comments": [],
        "errors": [],
    }
    for name in args.files:
        _, result = parse_path(Path(name), None, cap)
        output["articles"] += [dataclasses.asdict(a) for a in result.articles]
        output["quotes"] += [dataclasses.asdict(q) for q in result.quotes]
        output["comments"] += [dataclasses.asdict(c) for c in result.comments]
        output["errors"] += [dataclasses.asdict(e) for e in result.errors]
    print(json.dumps(output, default=_json_default, ensure_ascii=False, indent=2))
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from warehouse.readonly import QueryMemoryError, QueryTimeoutError, run_query

    try:
        caps = {"memory_limit": args.memory_limit, "temp_limit": args.temp_limit}
        columns, rows = run_query(
            Path(args.warehouse),
            args.query,
            timeout=args.timeout,
            **{name: value for name, value in caps.items() if value is not None},
        )
    except (duckdb.Error, QueryTimeoutError, QueryMemoryError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(format_rows(columns, rows, args.format))
    return 0


def cmd_dictionary(args: argparse.Namespace) -> int:
    from warehouse.dictionary import run

    return run(args)


def cmd_report(args: argparse.Namespace) -> int:
    from warehouse.report import report_path, write_report

    warehouse = Path(args.warehouse)
    try:
        path = write_report(warehouse) if args.refresh else report_path(warehouse)
    except (FileNotFoundError, duckdb_error()) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not path.exists():
        print(
            f"error: no report at {path}: run `corpus build` or `corpus report --refresh`",
            file=sys.stderr,
        )
        return 1
    print(path.resolve())
    if args.open:
        import webbrowser

        webbrowser.open(path.resolve().as_uri())
    return 0


def duckdb_error() -> type[Exception]:
    import duckdb

    return duckdb.Error


def _configure_paths(args: argparse.Namespace) -> None:
    """Command-line paths override the environment for this process and its Dagster run."""
    os.environ[settings.ENV_RAW_DIR] = str(Path(args.raw).resolve())
    os.environ[settings.ENV_WAREHOUSE] = str(Path(args.warehouse).resolve())


def cmd_build(args: argparse.Namespace) -> int:
    _configure_paths(args)
    from pipelines.build import run_build

    return run_build(Path(args.raw).resolve(), Path(args.warehouse).resolve(), wait=args.wait)


def cmd_retire(args: argparse.Namespace) -> int:
    from warehouse.ingest import StagingStore
    from warehouse.lock import WarehouseBusyError, writer_lock
    from warehouse.retire import RetireError, retire

    warehouse = Path(args.warehouse).resolve()
    store = StagingStore(settings.staging_dir_for(warehouse).resolve())
    try:
        with writer_lock(warehouse, timeout=0):
            done = retire(store, args.target, Path(args.raw).resolve(), dry_run=args.dry_run)
    except (RetireError, WarehouseBusyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(done.source_paths))
    verb = "would retire" if args.dry_run else "retired"
    print(f"{verb} {len(done.source_paths)} file(s); run `corpus build` to publish without them")
    return 0


def cmd_ui(args: argparse.Namespace) -> int:
    home = Path(os.environ.get("DAGSTER_HOME") or settings.DEFAULT_DAGSTER_HOME).resolve()
    home.mkdir(parents=True, exist_ok=True)
    from pipelines.instance import ensure_instance_config

    ensure_instance_config(home)
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    command = [
        str(Path(sys.executable).with_name("dagster")),
        "dev",
        "-w",
        str(settings.PROJECT_ROOT / "workspace.yaml"),
        "--host",
        "127.0.0.1",
        "--port",
        str(args.port),
    ]
    print(f"Dagster UI on http://127.0.0.1:{args.port} (run history in {home})", flush=True)
    os.chdir(settings.PROJECT_ROOT)
    # A shell without job control starts background jobs with SIGINT ignored, and dagster dev
    # maps SIGTERM onto SIGINT's handler: restore the default so `kill` stops it from anywhere.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.execve(command[0], command, env)


def cmd_synth(args: argparse.Namespace) -> int:
    from synth import synthesize

    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    try:
        summary = synthesize(
            args.articles, args.seed, Path(args.out), formats, workers=args.workers
        )
    except (ValueError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(summary, indent=2))
    print(
        f"landing directory: {Path(args.out) / 'raw'}; "
        f"expected totals: {Path(args.out) / 'expected.json'}"
    )
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="corpus", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="materialise every asset through Dagster, in process")
    build.add_argument(
        "--raw", default=str(settings.raw_dir()), help="landing directory of raw dumps"
    )
    build.add_argument(
        "--warehouse", default=str(settings.warehouse_path()), help="DuckDB file to publish"
    )
    build.add_argument(
        "--wait", action="store_true", help="wait for another build to finish instead of failing"
    )
    build.set_defaults(run=cmd_build)

    parse = sub.add_parser("parse", help="parse dumps without a warehouse and print JSON records")
    parse.add_argument("files", nargs="+")
    parse.set_defaults(run=cmd_parse)

    sql = sub.add_parser("sql", help="run read-only SQL against the warehouse")
    sql.add_argument("query")
    sql.add_argument("--warehouse", default=str(settings.warehouse_path()))
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sql.add_argument(
        "--timeout", type=float, default=300.0, help="seconds before the query is stopped"
    )
    sql.add_argument("--memory-limit", help="memory the query may use (default 2GB; e.g. 6GB)")
    sql.add_argument("--temp-limit", help="disk it may spill to (default 8GB; e.g. 50GB)")
    sql.set_defaults(run=cmd_sql)

    dictionary = sub.add_parser(
        "dictionary", help="write docs/data-dictionary.md from the warehouse"
    )
    dictionary.add_argument("--warehouse", default=str(settings.warehouse_path()))
    dictionary.add_argument(
        "--output", default=str(settings.PROJECT_ROOT / "docs" / "data-dictionary.md")
    )
    dictionary.add_argument("--check", action="store_true", help="exit 1 when the file is stale")
    dictionary.set_defaults(run=cmd_dictionary)

    report = sub.add_parser("report", help="print the path of the engagement report")
    report.add_argument("--warehouse", default=str(settings.warehouse_path()))
    report.add_argument("--open", action="store_true", help="open it in the default browser")
    report.add_argument(
        "--refresh", action="store_true", help="render it again from the warehouse first"
    )
    report.set_defaults(run=cmd_report)

    retire = sub.add_parser("retire", help="drop a file's (or directory's) rows at the next build")
    retire.add_argument("target", help="path or directory, relative to the landing directory")
    retire.add_argument("--raw", default=str(settings.raw_dir()), help="landing directory")
    retire.add_argument("--warehouse", default=str(settings.warehouse_path()))
    retire.add_argument("--dry-run", action="store_true", help="list what would be retired")
    retire.set_defaults(run=cmd_retire)

    synth = sub.add_parser(
        "synth", help="generate a deterministic synthetic corpus and its expected totals"
    )
    synth.add_argument("--articles", type=int, required=True)
    synth.add_argument("--seed", type=int, default=0)
    synth.add_argument(
        "--out", required=True, help="directory: dumps go to OUT/raw, totals to OUT/expected.json"
    )
    synth.add_argument("--formats", default="txt", help="comma-separated: txt,html,jsonl,warc")
    synth.add_argument(
        "--workers", type=int, default=0, help="generator processes; 0 means one per core"
    )
    synth.set_defaults(run=cmd_synth)

    ui = sub.add_parser("ui", help="the Dagster UI for this project, on 127.0.0.1")
    ui.add_argument("--port", type=int, default=3000)
    ui.set_defaults(run=cmd_ui)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
