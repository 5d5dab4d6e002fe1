"""Every query and recipe in docs/analyst-guide.md runs, so the guide cannot drift from the
warehouse: SQL blocks against the sample warehouse and the fixture corpus, the Python recipe and the
command lines as written."""

from __future__ import annotations

import ast
import re
import shlex
import shutil
import subprocess
import sys
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


SQL_BLOCKS = blocks("sql")


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


def test_python_recipe_runs_as_written(sample_warehouse: Path, tmp_path: Path) -> None:
    (recipe,) = blocks("python")
    (tmp_path / "warehouse").mkdir()
    shutil.copy(sample_warehouse, tmp_path / "warehouse" / "corpus.duckdb")
    script = recipe + "\nprint(rows)\nprint(frame.height)\n"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    rows_line, height_line = result.stdout.splitlines()
    # fetchall order is not guaranteed; compare with the same questions asked directly.
    assert sorted(ast.literal_eval(rows_line)) == sorted(
        query(
            sample_warehouse,
            "SELECT author, distinct_comments FROM commenter_activity WHERE site = 'care2.com'",
        )
    )
    assert ("Veronica D", 1) in ast.literal_eval(rows_line)
    [(days,)] = query(sample_warehouse, "SELECT count(*) FROM daily_engagement")
    assert int(height_line) == days > 0


def console_commands() -> list[list[str]]:
    commands = []
    for block in blocks("console"):
        for line in block.splitlines():
            if line.startswith(".venv/bin/"):
                words = shlex.split(line.split(" > ")[0])
                commands.append([str(BIN / words[0].removeprefix(".venv/bin/")), *words[1:]])
    return commands


def test_command_lines_run_as_written(sample_warehouse: Path, tmp_path: Path) -> None:
    (tmp_path / "warehouse").mkdir()
    shutil.copy(sample_warehouse, tmp_path / "warehouse" / "corpus.duckdb")
    commands = console_commands()
    assert [Path(c[0]).name for c in commands] == ["corpus", "corpus", "corpus", "duckdb", "duckdb"]
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
