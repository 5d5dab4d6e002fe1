"""`corpus sql` limits and statements, `corpus describe`, and the command line's own help: through
the real console script, with a real terminal (a pty) where the behaviour depends on one."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.cli import parser
from tests.conftest import query

CORPUS = str(Path(sys.executable).with_name("corpus"))
TIMEOUT = 120
RANGE = "SELECT i, i * 2 AS twice FROM range(2500) AS t(i) ORDER BY i"


def corpus(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CORPUS, *args], capture_output=True, text=True, timeout=TIMEOUT)


def on_a_terminal(*args: str) -> tuple[str, str]:
    """Run with standard output on a pseudo-terminal, as a person at a prompt sees it."""
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [CORPUS, *args], stdout=follower, stderr=subprocess.PIPE, text=True
    ) as child:
        os.close(follower)
        chunks = []
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the child closed its side
                break
            if not data:
                break
            chunks.append(data)
        stderr = child.stderr.read() if child.stderr else ""
        child.wait(TIMEOUT)
    os.close(leader)
    return b"".join(chunks).decode().replace("\r\n", "\n"), stderr


def test_table_shows_a_thousand_rows_and_says_how_many_more(sample_warehouse: Path) -> None:
    result = corpus("sql", RANGE, "--warehouse", str(sample_warehouse))
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stderr
    assert len(lines) == 2 + 1000 + 1  # heading, rule, rows, the count line
    assert lines[2].split() == ["0", "|", "0"] and lines[1001].split() == ["999", "|", "1998"]
    assert lines[-1] == (
        "(1,000 of 2,500 rows shown; 1,500 more rows: --max-rows N shows more, --max-rows 0 all)"
    )
    few = corpus("sql", RANGE, "--warehouse", str(sample_warehouse), "--max-rows", "3")
    assert few.stdout.splitlines()[-1].startswith("(3 of 2,500 rows shown; 2,497 more rows")
    every = corpus("sql", RANGE, "--warehouse", str(sample_warehouse), "--max-rows", "0")
    assert every.stdout.splitlines()[-1] == "(2,500 rows)"


def test_csv_and_json_to_a_pipe_carry_every_row(sample_warehouse: Path) -> None:
    as_csv = corpus("sql", RANGE, "--warehouse", str(sample_warehouse), "--format", "csv")
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert rows[0] == ["i", "twice"] and len(rows) == 2501 and rows[-1] == ["2499", "4998"]
    assert as_csv.stderr == ""
    as_json = corpus("sql", RANGE, "--warehouse", str(sample_warehouse), "--format", "json")
    records = json.loads(as_json.stdout)
    assert len(records) == 2500 and records[-1] == {"i": 2499, "twice": 4998}
    capped = corpus(
        "sql", RANGE, "--warehouse", str(sample_warehouse), "--format", "json", "--max-rows", "2"
    )
    assert json.loads(capped.stdout) == [{"i": 0, "twice": 0}, {"i": 1, "twice": 2}]


def test_csv_on_a_terminal_is_capped_with_a_note(sample_warehouse: Path) -> None:
    shown, note = on_a_terminal(
        "sql", RANGE, "--warehouse", str(sample_warehouse), "--format", "csv"
    )
    assert len(shown.splitlines()) == 1001  # the heading and a thousand rows
    assert "1,000 of 2,500 rows shown on the terminal" in note


def test_several_statements_are_all_shown_in_a_table(sample_warehouse: Path) -> None:
    [(articles,)] = query(sample_warehouse, "SELECT count(*) FROM articles")
    [(comments,)] = query(sample_warehouse, "SELECT count(*) FROM comments")
    result = corpus(
        "sql",
        "SELECT count(*) AS articles FROM articles;\nSELECT count(*) AS comments FROM comments;",
        "--warehouse",
        str(sample_warehouse),
    )
    assert result.returncode == 0, result.stderr
    shown = "\n".join(line.rstrip() for line in result.stdout.splitlines())
    assert shown.split("\n\n") == [
        f"-- 1/2: SELECT count(*) AS articles FROM articles\narticles\n--------\n{articles}"
        "\n(1 row)",
        f"-- 2/2: SELECT count(*) AS comments FROM comments\ncomments\n--------\n{comments}"
        "\n(1 row)",
    ]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_several_statements_in_csv_or_json_are_refused(sample_warehouse: Path, fmt: str) -> None:
    result = corpus(
        "sql", "SELECT 1; SELECT 2", "--warehouse", str(sample_warehouse), "--format", fmt
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith(f"error: --format {fmt} takes one statement; got 2.")


def test_a_bad_statement_among_several_shows_nothing_of_the_rest(sample_warehouse: Path) -> None:
    result = corpus("sql", "SELECT 1 AS a; SELEC 2", "--warehouse", str(sample_warehouse))
    assert (result.returncode, result.stdout) == (1, "")
    assert 'Parser Error: syntax error at or near "SELEC"' in result.stderr
    empty = corpus("sql", " ; ", "--warehouse", str(sample_warehouse))
    assert (empty.returncode, empty.stderr) == (1, "error: no SQL statement given\n")


def test_describe_prints_the_dictionary(sample_warehouse: Path) -> None:
    one = corpus("describe", "quote_sources", "--warehouse", str(sample_warehouse))
    assert one.returncode == 0, one.stderr
    assert one.stdout.startswith("quote_sources (table)\n\nOne row per site, speaker and outlet")
    assert re.search(r"^  quotes +BIGINT +Direct and block quotes", one.stdout, re.MULTILINE)
    every = corpus("describe", "--warehouse", str(sample_warehouse))
    assert re.search(r"^  data_dictionary +view +The documentation", every.stdout, re.MULTILINE)
    missing = corpus("describe", "quotess", "--warehouse", str(sample_warehouse))
    assert missing.returncode == 1
    assert missing.stderr.startswith("error: no table or view named 'quotess'; there are: ")


def _commands() -> dict[str, argparse.ArgumentParser]:
    top = parser()
    (sub,) = [a for a in top._actions if isinstance(a, argparse._SubParsersAction)]
    return {"corpus": top, **{f"corpus {n}": p for n, p in sub.choices.items()}}


@pytest.mark.parametrize("name", list(_commands()))
def test_every_option_has_help_and_its_default(name: str) -> None:
    command = _commands()[name]
    text = " ".join(command.format_help().split())
    for action in command._actions:
        if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
            continue
        assert action.help, (name, action.dest)
        assert " ".join(action.help.split()).split(" (default")[0] in text
        if action.option_strings and action.default is not argparse.SUPPRESS:
            shown = f"(default: {action.default})" if action.default is not None else "(default:"
            assert shown in text, (name, action.dest)


def test_version() -> None:
    result = corpus("--version")
    assert result.returncode == 0
    assert re.fullmatch(
        r"corpus \d+\.\d+\.\d+ \(DuckDB 1\.5\.\d+, Dagster \d+\.\d+\.\d+, polars \S+, "
        r"Python 3\.11\.\d+\)\n",
        result.stdout,
    )
