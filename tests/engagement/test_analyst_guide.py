"""Every query and recipe in docs/analyst-guide.md works when pasted, so the guide cannot drift
from the warehouse: SQL blocks pasted into the duckdb command line (started as the guide says) and
run against the sample warehouse and the fixture corpus, Python blocks pasted into a real
interactive `python` prompt (fed on standard input with -i, which reads line by line as a person's
paste is read: a block needs its blank line), and the command lines as written.

The pandas recipe needs pandas and matplotlib: both are in the default (dev and bench) groups the
tests run with; the notebook group (JupyterLab) is not installed by the tests, only checked to
exist in pyproject.toml and uv.lock."""

from __future__ import annotations

import ast
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO_ROOT, query
from warehouse.readonly import connect_readonly

GUIDE = REPO_ROOT / "docs" / "analyst-guide.md"
BIN = Path(sys.executable).parent
_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(language: str) -> list[str]:
    return [
        body for lang, body in _BLOCK.findall(GUIDE.read_text(encoding="utf-8")) if lang == language
    ]


QUESTIONS_HEADING = "## Questions answered in SQL"


def question_blocks() -> list[str]:
    """The SQL blocks of the questions section (one per question)."""
    text = GUIDE.read_text(encoding="utf-8")
    questions = text[text.index(QUESTIONS_HEADING) :]
    return [body for lang, body in _BLOCK.findall(questions) if lang == "sql"]


SQL_BLOCKS = question_blocks()


def test_guide_answers_at_least_ten_questions() -> None:
    questions = re.findall(r"^### \d+\. .+\?$", GUIDE.read_text(encoding="utf-8"), re.MULTILINE)
    assert len(questions) >= 10
    assert len(SQL_BLOCKS) == len(questions)


def run(warehouse: Path, sql: str) -> list[tuple[object, ...]]:
    con = connect_readonly(warehouse)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("number", range(1, len(SQL_BLOCKS) + 1))
def test_guide_query_runs_on_the_sample_warehouse(sample_warehouse: Path, number: int) -> None:
    run(sample_warehouse, SQL_BLOCKS[number - 1])


@pytest.mark.parametrize("number", range(1, len(SQL_BLOCKS) + 1))
def test_guide_query_answers_on_the_fixture_corpus(controlled_warehouse: Path, number: int) -> None:
    """On the richer corpus every question has an answer (no query silently returns nothing)."""
    assert run(controlled_warehouse, SQL_BLOCKS[number - 1])


def test_guide_answers_match_the_views(controlled_warehouse: Path) -> None:
    """Spot checks of answers worked out by hand for the fixture corpus."""
    by_question = {n: run(controlled_warehouse, sql) for n, sql in enumerate(SQL_BLOCKS, start=1)}
    assert by_question[3] == [
        ("care2.com", "Laura R", 2, 2, *by_question[3][0][4:]),
        ("care2.com", "Mike R", 2, 2, *by_question[3][1][4:]),
    ]
    assert by_question[5] == [("care2.com", 14, 10, 28.6), ("dailyplanet.example", 4, 4, 0.0)]
    assert [(r[1], r[3]) for r in by_question[8]] == [
        ("Laura R", "never seen losses like this"),  # Bee Colonies ...
        ("Laura R", "purify our blood"),  # Brave Victim ...
        ("ANA MARIJA R", "to purify our blood"),
        ("Omar F", "keep the buses running on time"),  # City Council ...
    ]


def paste_into_python(text: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The text typed (or pasted) at a `>>>` prompt, then the prompt closed."""
    return subprocess.run(
        [sys.executable, "-i", "-q"],
        input=text,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )


def assert_pasted_cleanly(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stderr
    # The prompt prints >>> and ... to standard error; anything else there is a failure.
    leftover = re.sub(r"(>>> |\.\.\. )", "", result.stderr).strip()
    assert leftover == "", result.stderr


@pytest.fixture
def analyst_dir(sample_warehouse: Path, tmp_path: Path) -> Path:
    """A working directory laid out like the repository root: warehouse/corpus.duckdb."""
    (tmp_path / "warehouse").mkdir()
    shutil.copy(sample_warehouse, tmp_path / "warehouse" / "corpus.duckdb")
    return tmp_path


def test_python_recipes_pasted_at_the_prompt(sample_warehouse: Path, analyst_dir: Path) -> None:
    polars_recipe, pandas_recipe = blocks("python")
    # What a person would type next, to look at the results.
    shown = paste_into_python(
        polars_recipe + "\nprint(repr(rows))\nprint(frame.height)\n", analyst_dir
    )
    assert_pasted_cleanly(shown)
    rows_line, height_line = shown.stdout.splitlines()
    # fetchall order is not guaranteed; compare with the same question asked directly.
    assert sorted(ast.literal_eval(rows_line)) == sorted(
        query(
            sample_warehouse,
            "SELECT author, distinct_comments FROM commenter_activity WHERE site = 'care2.com'",
        )
    )
    assert ("Veronica D", 1) in ast.literal_eval(rows_line)
    [(days,)] = query(sample_warehouse, "SELECT count(*) FROM daily_engagement")
    assert int(height_line) == days > 0

    plotted = paste_into_python(
        pandas_recipe + "\nprint(weekly.dtypes['comments'], int(weekly['comments'].sum()))\n",
        analyst_dir,
    )
    assert_pasted_cleanly(plotted)
    [(comments,)] = query(sample_warehouse, "SELECT sum(comments_posted) FROM daily_engagement")
    assert plotted.stdout.split() == ["int64", str(comments)]
    assert (analyst_dir / "comments-per-week.png").stat().st_size > 5_000


def sealed_duckdb_command() -> list[str]:
    """The guide's duckdb command line with file access and installs switched off."""
    (command,) = [c for c in console_commands() if Path(c[0]).name == "duckdb" and "-cmd" in c]
    return command


def test_sql_blocks_pasted_into_the_duckdb_cli(analyst_dir: Path) -> None:
    every_sql = blocks("sql")
    assert len(every_sql) == len(SQL_BLOCKS) + 1  # the questions and the data dictionary lookup
    for sql in every_sql:
        pasted = subprocess.run(
            sealed_duckdb_command(),
            input=sql,
            cwd=analyst_dir,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert (pasted.returncode, pasted.stderr) == (0, ""), sql
        assert pasted.stdout.count("┌") == 1, (sql, pasted.stdout)  # one result table


def test_notebook_group_is_declared_and_locked() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    group = project["dependency-groups"]["notebook"]
    assert {re.split(r"[<>=]", g)[0] for g in group} >= {"jupyterlab", "pandas", "matplotlib"}
    assert "notebook" not in project["tool"]["uv"]["default-groups"]
    assert 'name = "jupyterlab"' in (REPO_ROOT / "uv.lock").read_text(encoding="utf-8")
    assert "uv sync --group notebook" in GUIDE.read_text(encoding="utf-8")


def console_commands() -> list[list[str]]:
    commands = []
    for block in blocks("console"):
        for line in block.splitlines():
            # JupyterLab, a server in the optional group: see test_notebook_group_is_declared_*.
            if line.startswith(".venv/bin/") and not line.startswith(".venv/bin/jupyter"):
                words = shlex.split(line.split(" > ")[0])
                commands.append([str(BIN / words[0].removeprefix(".venv/bin/")), *words[1:]])
    return commands


def test_command_lines_run_as_written(sample_warehouse: Path, tmp_path: Path) -> None:
    (tmp_path / "warehouse").mkdir()
    shutil.copy(sample_warehouse, tmp_path / "warehouse" / "corpus.duckdb")
    commands = console_commands()
    assert [Path(c[0]).name for c in commands] == [*["corpus"] * 5, "duckdb", "duckdb"]
    env = {"PATH": str(BIN), "CORPUS_WAREHOUSE": str(tmp_path / "warehouse" / "corpus.duckdb")}
    for command in commands:
        if Path(command[0]).name == "duckdb":
            command = [*command, "-c", "SELECT count(*) AS n FROM articles"]
        result = subprocess.run(
            command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, (command, result.stderr)
        assert result.stdout.strip()


def test_readonly_connection_cannot_write(sample_warehouse: Path) -> None:
    con = connect_readonly(sample_warehouse)
    try:
        with pytest.raises(duckdb.InvalidInputException):
            con.execute("CREATE TABLE scratch (x INTEGER)")
    finally:
        con.close()
