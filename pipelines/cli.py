"""`corpus`: build the warehouse, parse dumps, query read-only, open the Dagster UI."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipelines.output import format_rows, json_default
from warehouse import paths


def cmd_parse(args: argparse.Namespace) -> int:
    from extraction.files import parse_path

    output: dict[str, list[dict[str, Any]]] = {
        "articles": [],
        "quotes": [],
        "comments": [],
        "errors": [],
    }
    for name in args.files:
        _, result = parse_path(Path(name), None)
        output["articles"] += [dataclasses.asdict(a) for a in result.articles]
        output["quotes"] += [dataclasses.asdict(q) for q in result.quotes]
        output["comments"] += [dataclasses.asdict(c) for c in result.comments]
        output["errors"] += [dataclasses.asdict(e) for e in result.errors]
    print(json.dumps(output, default=json_default, ensure_ascii=False, indent=2))
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from warehouse.readonly import QueryTimeoutError, run_query

    try:
        columns, rows = run_query(Path(args.warehouse), args.query, timeout=args.timeout)
    except (duckdb.Error, QueryTimeoutError, FileNotFoundError) as exc:
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


def cmd_build(args: argparse.Namespace) -> int:
    from pipelines.build import run_build

    return run_build(
        Path(args.raw).resolve(),
        Path(args.warehouse).resolve(),
        wait=args.wait,
        ephemeral=args.ephemeral,
    )


def cmd_retire(args: argparse.Namespace) -> int:
    from warehouse.ingest import StagingStore
    from warehouse.lock import WarehouseBusyError, writer_lock
    from warehouse.retire import RetireError, retire

    warehouse = Path(args.warehouse).resolve()
    store = StagingStore(paths.staging_dir_for(warehouse).resolve())
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
    from pipelines.instance import ENV_DAGSTER_HOME, fail_dead_cli_runs, project_instance

    with project_instance() as instance:
        home = Path(instance.root_directory)
        fail_dead_cli_runs(instance)
    command = [
        str(Path(sys.executable).with_name("dg")),
        "dev",
        "--host",
        "127.0.0.1",
        "--port",
        str(args.port),
    ]
    print(f"Dagster UI on http://127.0.0.1:{args.port} (instance: {home})", flush=True)
    os.chdir(paths.PROJECT_ROOT)
    # A shell without job control starts background jobs with SIGINT ignored, and dagster dev
    # maps SIGTERM onto SIGINT's handler: restore the default so `kill` stops it from anywhere.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.execve(command[0], command, {**os.environ, ENV_DAGSTER_HOME: str(home)})


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
    build.add_argument("--raw", default=str(paths.raw_dir()), help="landing directory of raw dumps")
    build.add_argument(
        "--warehouse", default=str(paths.warehouse_path()), help="DuckDB file to publish"
    )
    build.add_argument(
        "--wait", action="store_true", help="wait for another build to finish instead of failing"
    )
    build.add_argument(
        "--ephemeral",
        action="store_true",
        help="record the run in a throwaway Dagster instance, not in DAGSTER_HOME",
    )
    build.set_defaults(run=cmd_build)

    parse = sub.add_parser("parse", help="parse dumps without a warehouse and print JSON records")
    parse.add_argument("files", nargs="+")
    parse.set_defaults(run=cmd_parse)

    sql = sub.add_parser("sql", help="run read-only SQL against the warehouse")
    sql.add_argument("query")
    sql.add_argument("--warehouse", default=str(paths.warehouse_path()))
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sql.add_argument(
        "--timeout", type=float, default=300.0, help="seconds before the query is stopped"
    )
    sql.set_defaults(run=cmd_sql)

    dictionary = sub.add_parser(
        "dictionary", help="write docs/data-dictionary.md from the warehouse"
    )
    dictionary.add_argument("--warehouse", default=str(paths.warehouse_path()))
    dictionary.add_argument(
        "--output", default=str(paths.PROJECT_ROOT / "docs" / "data-dictionary.md")
    )
    dictionary.add_argument("--check", action="store_true", help="exit 1 when the file is stale")
    dictionary.set_defaults(run=cmd_dictionary)

    report = sub.add_parser("report", help="print the path of the engagement report")
    report.add_argument("--warehouse", default=str(paths.warehouse_path()))
    report.add_argument("--open", action="store_true", help="open it in the default browser")
    report.add_argument(
        "--refresh", action="store_true", help="render it again from the warehouse first"
    )
    report.set_defaults(run=cmd_report)

    retire = sub.add_parser("retire", help="drop a file's (or directory's) rows at the next build")
    retire.add_argument("target", help="path or directory, relative to the landing directory")
    retire.add_argument("--raw", default=str(paths.raw_dir()), help="landing directory")
    retire.add_argument("--warehouse", default=str(paths.warehouse_path()))
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

    ui = sub.add_parser("ui", help="the Dagster UI for this project (`dg dev`), on 127.0.0.1")
    ui.add_argument("--port", type=int, default=3000)
    ui.set_defaults(run=cmd_ui)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
