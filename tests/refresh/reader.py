"""An analyst in a separate process: reconnects and queries the published warehouse in a loop
until told to stop, and reports every error and every distinct snapshot it saw.

    python -m tests.refresh.reader WAREHOUSE SEEN_FILE STOP_FILE

Each newly seen snapshot is appended to SEEN_FILE as it is seen; a JSON summary goes to stdout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from warehouse.readonly import connect_readonly

# One row per snapshot: what it holds, and whether its tables agree with each other (a snapshot
# with articles from one build and ingest_files or comments from another would not).
SNAPSHOT_QUERY = """
SELECT
    (SELECT count(*) FROM articles) AS articles,
    (SELECT count(*) FROM comments) AS comments,
    (SELECT count(*) FROM ingest_files) AS files,
    (SELECT count(*) FROM articles) = (SELECT sum(articles) FROM ingest_files)
    AND (SELECT count(*) FROM comments)
        = (SELECT sum(captured_comments) FROM article_engagement)
    AND (SELECT count(*) FROM article_captures) = (SELECT count(*) FROM articles) AS consistent
"""


def main(warehouse: Path, seen_file: Path, stop_file: Path) -> None:
    iterations = 0
    errors: list[str] = []
    seen: dict[str, int] = {}
    while not stop_file.exists():
        iterations += 1
        try:
            con = connect_readonly(warehouse)
            try:
                row = con.execute(SNAPSHOT_QUERY).fetchone()
            finally:
                con.close()
        except Exception as exc:  # every failure counts; the test asserts there are none
            errors.append(f"{type(exc).__name__}: {exc}")
            continue
        key = json.dumps(row)
        if key not in seen:
            with seen_file.open("a", encoding="utf-8") as out:
                out.write(key + "\n")
        seen[key] = seen.get(key, 0) + 1
    print(json.dumps({"iterations": iterations, "errors": errors, "snapshots": seen}))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
