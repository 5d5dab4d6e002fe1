"""The engagement report: one self-contained HTML page (charts as inline SVG, no scripts, no
network) drawn from the engagement views of the published warehouse, opened read-only.
No Dagster here, so `corpus report` starts quickly; the asset is in assets/report.py."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import matplotlib

matplotlib.use("Agg")  # no display: render to files only
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from warehouse.readonly import connect_readonly

TOP_N = 10

# One query per chart; every number comes from a documented view.
VOLUME_SQL = """
SELECT day, coalesce(site, '(unknown site)') AS site, comments_posted
FROM daily_engagement WHERE comments_posted > 0 ORDER BY day, site
"""
COMMENTERS_SQL = f"""
SELECT author || ' (' || coalesce(site, '?') || ')' AS who, distinct_comments, articles
FROM commenter_activity ORDER BY distinct_comments DESC, articles DESC, author, site LIMIT {TOP_N}
"""
CAPTURE_SQL = """
SELECT title, captured_comments, declared_comments, capture_ratio
FROM article_engagement WHERE capture_ratio IS NOT NULL ORDER BY capture_ratio, title
"""
SPEAKERS_SQL = f"""
SELECT speaker, sum(quotes) AS quotes, string_agg(DISTINCT outlet, ', ' ORDER BY outlet) AS outlets
FROM quote_sources WHERE speaker IS NOT NULL
GROUP BY speaker ORDER BY quotes DESC, speaker LIMIT {TOP_N}
"""
SITES_SQL = """
SELECT coalesce(site, '(unknown)'), articles, captured_comments, distinct_comments,
       unique_commenters, duplicate_rate, capture_ratio, quotes
FROM site_engagement ORDER BY site
"""


def report_path(warehouse: Path) -> Path:
    """Where the report of a warehouse is written: beside it."""
    return warehouse.with_name(warehouse.stem + "-engagement-report.html")


def _svg(fig: Figure) -> str:
    buffer = io.StringIO()
    # No date in the metadata and a fixed id salt, so the same data gives the same page.
    with matplotlib.rc_context({"svg.hashsalt": "engagement-report"}):
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    text = buffer.getvalue()
    # Drop the XML prologue and matplotlib's RDF <metadata>: nothing in the page names the web.
    return re.sub(r"<metadata>.*?</metadata>\s*", "", text[text.index("<svg") :], flags=re.DOTALL)


def _empty(ax: plt.Axes, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color="#555")
    ax.set_axis_off()


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def volume_chart(rows: Sequence[tuple[object, ...]]) -> str:
    fig, ax = plt.subplots(figsize=(8, 3.2))
    if not rows:
        _empty(ax, "No comment has a posting time yet")
        return _svg(fig)
    sites = sorted({str(r[1]) for r in rows})
    days = sorted({r[0] for r in rows})
    bottom = [0] * len(days)
    for site in sites:
        by_day = {r[0]: int(r[2]) for r in rows if r[1] == site}  # type: ignore[call-overload]
        heights = [by_day.get(d, 0) for d in days]
        ax.bar(range(len(days)), heights, bottom=bottom, label=site)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_xticks(range(len(days)), [str(d) for d in days], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("distinct comments")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=8)
    return _svg(fig)


def barh_chart(labels: Sequence[str], values: Sequence[float], xlabel: str, empty: str) -> str:
    fig, ax = plt.subplots(figsize=(8, 0.45 * max(len(labels), 3) + 1))
    if not labels:
        _empty(ax, empty)
        return _svg(fig)
    positions = list(range(len(labels)))[::-1]  # first row on top
    ax.barh(positions, values, color="#3b6ea5")
    ax.set_yticks(positions, [_short(label) for label in labels], fontsize=8)
    ax.set_xlabel(xlabel)
    if all(float(v).is_integer() for v in values):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.25 ticks
    for y, v in zip(positions, values, strict=True):
        ax.text(v, y, f" {v:g}", va="center", fontsize=8)
    return _svg(fig)


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    def cell(value: object) -> str:
        if value is None:
            return "—"
        if isinstance(value, float):
            return f"{value:.3f}"
        return html.escape(str(value))

    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figure(chart_id: str, title: str, svg: str, caption: str) -> str:
    return (
        f'<section class="chart" id="{chart_id}"><h2>{html.escape(title)}</h2>'
        f"<figure>{svg}<figcaption>{html.escape(caption)}</figcaption></figure></section>"
    )


def render_report(con: duckdb.DuckDBPyConnection, generated_at: datetime) -> str:
    volume = con.execute(VOLUME_SQL).fetchall()
    commenters = con.execute(COMMENTERS_SQL).fetchall()
    capture = con.execute(CAPTURE_SQL).fetchall()
    speakers = con.execute(SPEAKERS_SQL).fetchall()
    sites = con.execute(SITES_SQL).fetchall()
    charts = [
        _figure(
            "comment-volume",
            "Comment volume over time",
            volume_chart(volume),
            "Distinct comments per UTC day (daily_engagement.comments_posted: each comment on the "
            "day of the midpoint of its posted window), stacked by site.",
        ),
        _figure(
            "active-commenters",
            "Most active commenters",
            barh_chart(
                [str(r[0]) for r in commenters],
                [float(r[1]) for r in commenters],
                "distinct comments",
                "No comments captured yet",
            ),
            f"Top {TOP_N} authors by distinct comments (commenter_activity), per site.",
        ),
        _figure(
            "capture-ratio",
            "Capture ratio by article",
            barh_chart(
                [str(r[0]) for r in capture],
                [round(float(r[3]), 3) for r in capture],
                "captured / declared comments",
                "No article declares a comment count",
            ),
            "article_engagement.capture_ratio: comments the dump shows over the count the page "
            "declares; articles declaring none are left out.",
        ),
        _figure(
            "quoted-speakers",
            "Most-quoted speakers",
            barh_chart(
                [f"{r[0]} ({r[2]})" if r[2] else str(r[0]) for r in speakers],
                [float(r[1]) for r in speakers],
                "direct and block quotes",
                "No attributed quotes in the warehouse",
            ),
            f"Top {TOP_N} speakers by quotes (quote_sources), with the outlets credited.",
        ),
    ]
    site_table = _table(
        [
            "site",
            "articles",
            "captured",
            "distinct",
            "commenters",
            "duplicate rate",
            "capture ratio",
            "quotes",
        ],
        sites,
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Engagement report</title>
<style>
body {{ font-family: sans-serif; margin: 2em auto; max-width: 60em; color: #222; }}
section.chart svg {{ max-width: 100%; height: auto; }}
figcaption {{ font-size: 0.85em; color: #555; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #ccc; padding: 0.2em 0.6em; }}
</style></head>
<body>
<h1>Engagement report</h1>
<p>Generated {generated_at:%Y-%m-%d %H:%M} UTC from the warehouse's engagement views.
Column meanings: docs/data-dictionary.md.</p>
<h2>Sites</h2>
{site_table}
{"".join(charts)}
</body></html>
"""


def write_report(warehouse: Path, output: Path | None = None) -> Path:
    """Render the report of a published warehouse (opened read-only) to `output`."""
    output = output or report_path(warehouse)
    con = connect_readonly(warehouse)
    try:
        page = render_report(con, datetime.now(UTC))
    finally:
        con.close()
    temporary = output.with_name(output.name + ".tmp")
    temporary.write_text(page, encoding="utf-8")
    temporary.replace(output)  # readers never see half a page
    return output
