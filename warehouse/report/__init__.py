"""The engagement report: one self-contained HTML page (inline SVG charts, a few lines of inline
script, nothing fetched) drawn from the published warehouse's views, opened read-only.

`data` reads aggregates (never one row per article), `timeaxis` and `svg` draw, `page` lays out.
No Dagster here, so `corpus report` starts quickly; the asset is in assets/report.py. A report
records the key it was drawn for (warehouse fingerprint and report code), so a refresh that
published nothing new does not draw it again."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from warehouse.readonly import connect_readonly
from warehouse.report import data, page

PACKAGE_DIR = Path(__file__).resolve().parent
_KEY = re.compile(rf'<meta name="{page.KEY_META}" content="([0-9a-f]*)">')


def report_path(warehouse: Path) -> Path:
    """Where the report of a warehouse is written: beside it."""
    return warehouse.with_name(warehouse.stem + "-engagement-report.html")


def report_key(fingerprint: str) -> str:
    """What a report is drawn from: the warehouse build's fingerprint and this package's code."""
    digest = hashlib.sha256(fingerprint.encode())
    for source in sorted(PACKAGE_DIR.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def drawn_key(report: Path) -> str | None:
    """The key recorded in a report already written, or None."""
    try:
        with report.open(encoding="utf-8") as handle:
            head = handle.read(2048)
    except OSError:
        return None
    match = _KEY.search(head)
    return match.group(1) if match else None


def render_report(con: duckdb.DuckDBPyConnection, generated_at: datetime, key: str = "") -> str:
    return page.render(data.load(con), generated_at, key)


def write_report(warehouse: Path, output: Path | None = None, key: str = "") -> Path:
    """Render the report of a published warehouse (opened read-only) to `output`."""
    output = output or report_path(warehouse)
    con = connect_readonly(warehouse)
    try:
        text = render_report(con, datetime.now(UTC), key)
    finally:
        con.close()
    temporary = output.with_name(output.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(output)  # readers never see half a page
    return output


def draw_if_changed(warehouse: Path, fingerprint: str | None) -> tuple[Path, bool]:
    """Draw the report unless the one beside the warehouse was drawn for the same build and code.
    Without a fingerprint (a warehouse not built here) it is always drawn. True when drawn."""
    output = report_path(warehouse)
    key = report_key(fingerprint) if fingerprint else ""
    if key and output.exists() and drawn_key(output) == key:
        return output, False
    return write_report(warehouse, output, key), True
