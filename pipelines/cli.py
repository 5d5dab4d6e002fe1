"""`corpus`: build the warehouse, parse dumps, query and describe it read-only, draw its report,
open the Dagster UI."""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipelines.output import format_rows, json_default, json_row
from warehouse import paths


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
    print(json.dumps(output, default=json_default, ensure_ascii=False, indent=2))
    return 0


DEFAULT_MAX_ROWS = 1000


def max_rows_for(args: argparse.Namespace) -> int:
    """--max-rows, or its default: 1,000 rows for a table or for anything shown on a terminal;
    every row for CSV or JSON going to a file or a pipe."""
    if args.max_rows is not None:
        return int(args.max_rows)
    return DEFAULT_MAX_ROWS if args.format == "table" or sys.stdout.isatty() else 0


def _write_all(columns: Sequence[str], chunks: Any, fmt: str) -> None:
    """Every row to standard output as it comes, never the whole result in memory."""
    out = sys.stdout
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for chunk in chunks:
            writer.writerows(chunk)
        return
    out.write("[")
    first = True
    for chunk in chunks:
        for row in chunk:
            out.write(("\n  " if first else ",\n  ") + json_row(columns, row))
            first = False
    out.write("\n]\n" if not first else "]\n")


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from warehouse.analyst_sql import session
    from warehouse.readonly import QueryMemoryError, QueryTimeoutError

    limit = max_rows_for(args)
    try:
        caps = {"memory_limit": args.memory_limit, "temp_limit": args.temp_limit}
        given = {name: value for name, value in caps.items() if value is not None}
        with session(Path(args.warehouse), timeout=args.timeout, **given) as sql:
            statements = sql.statements(args.query)
            if not statements:
                print("error: no SQL statement given", file=sys.stderr)
                return 1
            if len(statements) > 1 and args.format != "table":
                print(
                    f"error: --format {args.format} takes one statement; got "
                    f"{len(statements)}. Run them one at a time, or use --format table to see "
                    "each result in turn.",
                    file=sys.stderr,
                )
                return 1
            for number, statement in enumerate(statements, start=1):
                if len(statements) > 1:
                    heading = " ".join(statement.split())
                    print(
                        f"{'' if number == 1 else chr(10)}-- {number}/{len(statements)}: {heading}"
                    )
                if args.format != "table" and limit == 0:
                    columns, chunks = sql.chunks(statement)
                    _write_all(columns, chunks, args.format)
                    continue
                head = sql.head(statement, limit)
                print(format_rows(head.columns, head.rows, args.format, head.more))
                if head.more and args.format != "table":
                    print(
                        f"({len(head.rows):,} of {len(head.rows) + head.more:,} rows shown on "
                        "the terminal; --max-rows 0, or a file or pipe, gets them all)",
                        file=sys.stderr,
                    )
    except (duckdb.Error, QueryTimeoutError, QueryMemoryError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_describe(args: argparse.Namespace) -> int:
    import shutil

    import duckdb

    from warehouse.dictionary import describe, describe_all
    from warehouse.readonly import connect_readonly

    width = min(shutil.get_terminal_size((100, 24)).columns, 120)
    try:
        con = connect_readonly(Path(args.warehouse))
    except (FileNotFoundError, duckdb.Error) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    try:
        text = describe(con, args.relation, width) if args.relation else describe_all(con, width)
    except KeyError as exc:
        print(f"error: {exc.args[0]}", file=sys.stderr)
        return 1
    finally:
        con.close()
    print(text)
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


def version_text() -> str:
    from importlib.metadata import PackageNotFoundError, version

    def of(package: str) -> str:
        try:
            return version(package)
        except PackageNotFoundError:
            return "not installed"

    return (
        f"corpus {of('corpus-warehouse')} (DuckDB {of('duckdb')}, Dagster {of('dagster')}, "
        f"polars {of('polars')}, Python {sys.version.split()[0]})"
    )


WAREHOUSE_HELP = f"DuckDB warehouse file (${paths.ENV_WAREHOUSE} overrides the default)"
RAW_HELP = f"landing directory of raw dumps (${paths.ENV_RAW_DIR} overrides the default)"


class HelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Every option's default after its help, unless the help already says it."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.help and "(default:" in action.help:
            return action.help
        return super()._get_help_string(action)


def parser() -> argparse.ArgumentParser:
    formatter = HelpFormatter
    top = argparse.ArgumentParser(prog="corpus", description=__doc__, formatter_class=formatter)
    top.add_argument("--version", action="version", version=version_text())
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, description=help, formatter_class=formatter)

    build = command("build", "materialise every asset through Dagster, in process")
    build.add_argument("--raw", default=str(paths.raw_dir()), help=RAW_HELP)
    build.add_argument("--warehouse", default=str(paths.warehouse_path()), help=WAREHOUSE_HELP)
    build.add_argument(
        "--wait", action="store_true", help="wait for another build to finish instead of failing"
    )
    build.add_argument(
        "--ephemeral",
        action="store_true",
        help="record the run in a throwaway Dagster instance, not in DAGSTER_HOME",
    )
    build.set_defaults(run=cmd_build)

    parse = command("parse", "parse dumps without a warehouse and print JSON records")
    parse.add_argument("files", nargs="+", metavar="FILE", help="dump files to parse")
    parse.set_defaults(run=cmd_parse)

    sql = command("sql", "run read-only SQL against the warehouse")
    sql.add_argument(
        "query", metavar="QUERY", help="SQL; several statements separated by ; run in turn"
    )
    sql.add_argument("--warehouse", default=str(paths.warehouse_path()), help=WAREHOUSE_HELP)
    sql.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="output format"
    )
    sql.add_argument(
        "--max-rows",
        type=int,
        default=None,
        metavar="N",
        help=f"rows shown per statement, 0 for all (default: {DEFAULT_MAX_ROWS:,} for a table "
        "or on a terminal; every row for csv or json to a file or pipe)",
    )
    sql.add_argument(
        "--timeout", type=float, default=300.0, help="seconds before the query is stopped"
    )
    sql.add_argument("--memory-limit", help="memory the query may use (default 2GB; e.g. 6GB)")
    sql.add_argument("--temp-limit", help="disk it may spill to (default 8GB; e.g. 50GB)")
    sql.set_defaults(run=cmd_sql)

    describe = command(
        "describe", "what a table or view and each of its columns mean (from data_dictionary)"
    )
    describe.add_argument(
        "relation", nargs="?", metavar="RELATION", help="table or view; none lists them all"
    )
    describe.add_argument("--warehouse", default=str(paths.warehouse_path()), help=WAREHOUSE_HELP)
    describe.set_defaults(run=cmd_describe)

    dictionary = command("dictionary", "write docs/data-dictionary.md from the warehouse")
    dictionary.add_argument("--warehouse", default=str(paths.warehouse_path()), help=WAREHOUSE_HELP)
    dictionary.add_argument(
        "--output",
        default=str(paths.PROJECT_ROOT / "docs" / "data-dictionary.md"),
        help="markdown file to write",
    )
    dictionary.add_argument(
        "--check", action="store_true", help="exit 1 when the file is stale; write nothing"
    )
    dictionary.set_defaults(run=cmd_dictionary)

    report = command("report", "print the path of the engagement report")
    report.add_argument("--warehouse", default=str(paths.warehouse_path()), help=WAREHOUSE_HELP)
    report.add_argument("--open", action="store_true", help="open it in the default browser")
    report.add_argument(
        "--refresh", action="store_true", help="draw it again from the warehouse first"
    )
    report.set_defaults(run=cmd_report)

    retire = command("retire", "drop a file's (or directory's) rows at the next build")
    retire.add_argument("target", help="path or directory, relative to the landing directory")
    retire.add_argument("--raw", default=str(paths.raw_dir()), help=RAW_HELP)
    retire.add_argument("--warehouse", default=str(paths.warehouse_path()), help=WAREHOUSE_HELP)
    retire.add_argument(
        "--dry-run", action="store_true", help="list what would be retired; change nothing"
    )
    retire.set_defaults(run=cmd_retire)

    synth = command("synth", "generate a deterministic synthetic corpus and its expected totals")
    synth.add_argument("--articles", type=int, required=True, help="articles to generate")
    synth.add_argument("--seed", type=int, default=0, help="random seed; same seed, same corpus")
    synth.add_argument(
        "--out", required=True, help="directory: dumps go to OUT/raw, totals to OUT/expected.json"
    )
    synth.add_argument("--formats", default="txt", help="comma-separated: txt,html,jsonl,warc")
    synth.add_argument(
        "--workers", type=int, default=0, help="generator processes; 0 means one per core"
    )
    synth.set_defaults(run=cmd_synth)

    ui = command("ui", "the Dagster UI for this project (`dg dev`), on 127.0.0.1")
    ui.add_argument("--port", type=int, default=3000, help="port on 127.0.0.1")
    ui.set_defaults(run=cmd_ui)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
