"""How the files of a parse are cut into worker tasks: a small job is shared by the workers, the
tail of a large one shrinks, and however the files are cut the warehouse is the same. A worker
imports the HTML extractor only for files that may hold HTML, before their time budget starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, SEED, build_warehouse
from tests.refresh.corpus import story, table_checksums, write
from warehouse.ingest import BATCH_BYTES, BATCH_FILES, MIN_BATCH_FILES, StagingStore, batches
from warehouse.parse_worker import may_hold_html
from warehouse.paths import staging_dir_for


def files(folder: Path, count: int, size: int = 10) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{n:04d}.txt" for n in range(count)]
    for path in paths:
        with path.open("wb") as out:
            out.truncate(size)  # sparse: only the size counts
    return paths


def test_a_small_job_is_shared_by_the_workers_and_its_tail_shrinks(tmp_path: Path) -> None:
    paths = files(tmp_path, 103)
    cut = batches(paths, workers=2)
    # Each batch takes half of what is left (52 of 103, 26 of 51, 13 of 25), down to 8 files.
    assert [len(b) for b in cut] == [52, 26, 13, 8, 4]
    assert [p for b in cut for p in b] == paths  # every file once, in order
    assert [len(b) for b in batches(paths, workers=1)] == [103]


def test_a_large_job_runs_in_full_batches_until_its_tail(tmp_path: Path) -> None:
    paths = files(tmp_path, 3 * BATCH_FILES)
    sizes = [len(b) for b in batches(paths, workers=2)]
    # Full batches while half of what is left fills one, then half of what is left each time,
    # down to the smallest batch.
    half = BATCH_FILES // 2
    assert sizes == [BATCH_FILES, BATCH_FILES, half, half // 2, half // 4, half // 8, 8, 8]
    assert sum(sizes) == len(paths)
    assert min(sizes[:-1]) >= MIN_BATCH_FILES


def test_a_batch_never_holds_more_bytes_than_the_limit_unless_one_file_does(
    tmp_path: Path,
) -> None:
    big = BATCH_BYTES // 3 + 1
    paths = files(tmp_path / "big", 4, size=big)
    assert [len(b) for b in batches(paths, workers=1)] == [2, 2]


def test_files_cut_into_several_batches_give_the_warehouse_one_batch_gives(
    tmp_path: Path,
) -> None:
    landing = tmp_path / "landing"
    for n in range(20):
        write(landing / f"story-{n:02d}.txt", story(n + 1), captured_at="2024-05-01T09:00:00Z")
    one, shared = tmp_path / "one" / "corpus.duckdb", tmp_path / "two" / "corpus.duckdb"
    assert build_warehouse(landing, one, workers=1).success
    assert build_warehouse(landing, shared, workers=2).success
    staged = [
        StagingStore(staging_dir_for(w)).manifest()["batch"].n_unique() for w in (one, shared)
    ]
    assert staged == [1, 3]  # 20 files for two workers: 10, 8 and 2
    assert table_checksums(one, include_run_times=False) == table_checksums(
        shared, include_run_times=False
    )


@pytest.mark.parametrize(
    ("names", "html"),
    [
        (["a.txt", "b.txt.gz", "c.TXT"], False),
        (["a.txt", "page.html"], True),
        (["page.htm"], True),
        (["crawl.warc.gz"], True),
        (["feed.jsonl"], True),
    ],
)
def test_only_text_dumps_are_known_to_hold_no_html(names: list[str], html: bool) -> None:
    assert may_hold_html(names) is html


def test_a_text_parse_never_imports_the_html_extractor_and_a_worker_imports_it_for_html() -> None:
    """In a fresh interpreter: parsing a text dump leaves extraction.html unimported (so a fork
    server for text dumps need not preload it), and `import_for` imports it for an HTML file."""
    script = """
import sys
from pathlib import Path
from warehouse.parse_worker import import_for
from warehouse.staging import parse_file
seed = Path(sys.argv[1])
staged, result = parse_file(seed, seed.parent, 10**8)
assert result.pages, "the seed parses to a page"
import_for([seed.name])
assert "extraction.html" not in sys.modules, "a text parse imported the HTML extractor"
import_for(["page.html"])
assert "extraction.html" in sys.modules
print("ok")
"""
    done = subprocess.run(
        [sys.executable, "-c", script, str(SEED)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


FORK_SERVER_PROBE = """
import os, sys
from pathlib import Path
from warehouse.ingest import StagingStore, refresh_staging, scan_landing

def fork_servers():
    found = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        found += int(stat[1]) == os.getpid() and b"multiprocessing.forkserver" in cmdline
    return found

landing, store, mode = Path(sys.argv[1]), StagingStore(Path(sys.argv[2])), sys.argv[3]
if mode == "parse":
    refresh_staging(landing, store, scan_landing(landing, store), workers=1)
else:
    scan_landing(landing, store, start_parse=mode == "scan-starting")
print(fork_servers())
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_a_scan_starts_the_fork_server_only_when_asked_and_only_for_files_to_parse(
    tmp_path: Path,
) -> None:
    landing, staging = tmp_path / "landing", tmp_path / "staging"
    write(landing / "story-1.txt", story(1), captured_at="2024-05-01T09:00:00Z")

    def fork_servers_after(mode: str) -> int:
        done = subprocess.run(
            [sys.executable, "-c", FORK_SERVER_PROBE, str(landing), str(staging), mode],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return int(done.stdout.strip())

    assert fork_servers_after("scan") == 0  # a new file, but the caller does not parse
    assert fork_servers_after("scan-starting") == 1
    fork_servers_after("parse")  # now the manifest knows the file
    assert fork_servers_after("scan-starting") == 0  # nothing to parse: nothing started
