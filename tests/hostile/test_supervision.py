"""Parse workers under supervision: a worker killed, stuck, too slow or too hungry costs one file,
which is rejected with a reason and remembered by content; every other file of its batch lands.
Driven through refresh_staging with real worker processes and a real staging store."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from functools import partial
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import SEED
from tests.hostile import faults
from tests.refresh.corpus import story, write
from warehouse import ingest
from warehouse.ingest import IngestSummary, StagingStore, refresh_staging, scan_landing
from warehouse.limits import ParseLimits
from warehouse.parse_pool import ParseWorkerError

QUICK = ParseLimits(timeout_seconds=1.0, worker_memory_bytes=None)


def landing_with(landing: Path, *names: str) -> list[str]:
    """The seed plus one small story per name; returns every landing-relative path."""
    shutil.copy(SEED, landing / SEED.name)
    for n, name in enumerate(names, start=1):
        write(landing / name, story(n), captured_at=f"2024-05-0{n}T09:00:00Z")
    return sorted([SEED.name, *names])


def refresh(
    landing: Path, store: StagingStore, limits: ParseLimits = QUICK, workers: int = 1
) -> IngestSummary:
    scan = scan_landing(landing, store, limits)
    return refresh_staging(landing, store, scan, workers=workers, limits=limits)


def outcomes(store: StagingStore) -> dict[str, tuple[str, int]]:
    manifest = store.manifest().sort("source_path")
    return {
        row[0]: (row[1], row[2])
        for row in manifest.select("source_path", "status", "articles").iter_rows()
    }


def reasons(store: StagingStore, source_path: str) -> list[tuple[str, str]]:
    frame = store.read_errors().filter(pl.col("source_path") == source_path)
    return list(frame.select("error_kind", "message").iter_rows())


def swap_parse(monkeypatch: pytest.MonkeyPatch, fault: Callable[..., object], marker: str) -> None:
    monkeypatch.setattr(ingest, "parse_one", partial(fault, marker))


@pytest.fixture
def store(tmp_path: Path) -> StagingStore:
    return StagingStore(tmp_path / "staging")


def test_a_killed_worker_costs_only_its_file_which_is_then_remembered_by_content(
    landing: Path, store: StagingStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = landing_with(landing, "a.txt", "b-oom.txt", "c.txt")
    swap_parse(monkeypatch, faults.killed, "oom")
    summary = refresh(landing, store)
    # One batch of four died; each file was then tried alone; only b-oom.txt killed its worker.
    assert outcomes(store) == {
        SEED.name: ("loaded", 1),
        "a.txt": ("loaded", 1),
        "b-oom.txt": ("rejected", 0),
        "c.txt": ("loaded", 1),
    }
    [(kind, message)] = reasons(store, "b-oom.txt")
    assert kind == "worker_died"
    assert message.startswith(
        "the parse worker died while parsing this file, twice (killed by SIGKILL, as the "
        "kernel's out-of-memory killer does)"
    )
    assert summary.error_kinds == {"worker_died": 1}
    assert [n.split(":")[0] for n in summary.notes] == ["b-oom.txt"]
    # Unchanged, it is not tried again; a copy of the same bytes under another name is answered
    # from the quarantine without being parsed (parsing it would kill a worker again).
    shutil.copy(landing / "b-oom.txt", landing / "copy-oom.txt")
    again = refresh(landing, store)
    assert again.parsed == 1 and again.error_kinds == {"worker_died": 1}
    assert outcomes(store)["copy-oom.txt"] == ("rejected", 0)
    assert sorted(outcomes(store)) == sorted([*names, "copy-oom.txt"])


def test_a_quarantined_copy_says_it_was_not_parsed(
    landing: Path, store: StagingStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    landing_with(landing, "b-oom.txt")
    swap_parse(monkeypatch, faults.killed, "oom")
    refresh(landing, store)
    shutil.copy(landing / "b-oom.txt", landing / "copy-oom.txt")
    refresh(landing, store)
    [batch] = store.manifest().filter(pl.col("source_path") == "copy-oom.txt")["batch"]
    errors = pl.read_parquet(store.batch_path("errors", batch))
    [message] = errors.filter(pl.col("source_path") == "copy-oom.txt")["message"].to_list()
    assert message.startswith("the parse worker died while parsing this file, twice")
    assert "(this content stopped a parse worker on " in message
    assert message.endswith("; it was not parsed again)")


def test_a_page_stuck_beyond_any_timer_is_stopped_from_outside(
    landing: Path, store: StagingStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    landing_with(landing, "a.txt", "b-stuck.txt", "c.txt")
    swap_parse(monkeypatch, faults.stuck, "stuck")
    refresh(landing, store)
    assert outcomes(store) == {
        SEED.name: ("loaded", 1),
        "a.txt": ("loaded", 1),
        "b-stuck.txt": ("rejected", 0),
        "c.txt": ("loaded", 1),
    }
    assert reasons(store, "b-stuck.txt") == [("too_slow", QUICK.killed_slow_message())]
    assert QUICK.killed_slow_message().startswith(
        "parsing it overran the 1 s CPU time budget per page (CORPUS_PARSE_TIMEOUT) and its worker "
        "was stopped after 3 s; the rest of the run went on."
    )


def test_a_slow_page_is_skipped_and_the_other_pages_of_its_file_land(
    landing: Path, store: StagingStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [
        {"url": f"https://www.care2.com/p/{n}", "text": f"Page {word} Title\n\nBody of page {n}."}
        for n, word in enumerate(["One", "SPIN", "Three"], start=1)
    ]
    (landing / "feed.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    swap_parse(monkeypatch, faults.slow_pages, "SPIN")
    refresh(landing, store)
    assert outcomes(store) == {"feed.jsonl": ("partial", 2)}
    [batch] = store.manifest()["batch"].to_list()
    errors = pl.read_parquet(store.batch_path("errors", batch))
    assert errors.select("record", "error_kind", "message").rows() == [
        ("2", "too_slow", QUICK.timeout_message())
    ]
    titles = pl.read_parquet(store.batch_path("articles", batch))["title"].to_list()
    assert sorted(titles) == ["Page One Title", "Page Three Title"]


def test_a_worker_over_its_memory_limit_is_stopped(
    landing: Path, store: StagingStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    landing_with(landing, "a.txt", "b-hungry.txt")
    swap_parse(monkeypatch, faults.hungry, "hungry")
    limits = ParseLimits(timeout_seconds=30.0, worker_memory_bytes=768 * 1024**2)
    refresh(landing, store, limits)
    assert outcomes(store) == {
        SEED.name: ("loaded", 1),
        "a.txt": ("loaded", 1),
        "b-hungry.txt": ("rejected", 0),
    }
    assert reasons(store, "b-hungry.txt") == [("out_of_memory", limits.out_of_memory_message())]
    assert limits.out_of_memory_message().startswith(
        "parsing it took more than the 768 MiB a parse worker may use (CORPUS_WORKER_MEMORY)"
    )


def test_raising_a_limit_parses_the_files_it_rejected_again(
    landing: Path, store: StagingStore
) -> None:
    landing_with(landing, "a.txt")
    write(landing / "long.txt", story(9, extra=" The levee held." * 800), "2024-05-09T09:00:00Z")
    tight = ParseLimits(max_expanded_bytes=8192, worker_memory_bytes=None)
    refresh(landing, store, tight)
    assert outcomes(store)["long.txt"] == ("rejected", 0)
    assert refresh(landing, store, tight).parsed == 0  # unchanged limits: nothing to redo
    roomy = ParseLimits(max_expanded_bytes=1024**2, worker_memory_bytes=None)
    again = refresh(landing, store, roomy)
    assert again.parsed == 1  # only the file the old cap rejected
    assert outcomes(store)["long.txt"] == ("loaded", 1)


def test_a_staging_failure_still_fails_the_step(landing: Path, store: StagingStore) -> None:
    """Not a file's fault (the staging store cannot be written): the step fails, loudly."""
    landing_with(landing, "a.txt")
    (store.root / "parsed").mkdir(parents=True)
    (store.root / "parsed" / "articles").write_text("a file where a directory belongs")
    with pytest.raises(ParseWorkerError, match="a parse worker failed: FileExistsError"):
        refresh(landing, store)
