"""The report page: one self-contained HTML file (inline CSS, inline SVG, a few lines of inline
script for the site filter and sortable tables; nothing fetched), laid out from `ReportData`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from warehouse.report import svg
from warehouse.report.data import (
    INGEST_STATUSES,
    SECTION_SITES,
    SITE_TOP_N,
    SITES_TABLE,
    TOP_N,
    Article,
    DateRange,
    ReportData,
    SiteDetail,
    TopList,
)
from warehouse.report.svg import Ranked, amount, esc

KEY_META = "corpus-report-key"

STYLE = """
body { font-family: sans-serif; margin: 1.5em auto; max-width: 62em; padding: 0 1em; color: #222;
       line-height: 1.4; }
h1 { margin-bottom: 0.2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ddd; }
h3 { margin: 1.2em 0 0.3em; font-size: 1.05em; }
.meta, figcaption, .more, .note { font-size: 0.85em; color: #555; }
figure { margin: 0.6em 0 1.2em; } svg { max-width: 100%; height: auto; display: block; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(9em, 1fr)); gap: 0.6em; }
.figures div { background: #f4f6f9; padding: 0.5em 0.7em; border-radius: 4px; }
.figures b { display: block; font-size: 1.3em; }
table { border-collapse: collapse; font-size: 0.9em; margin: 0.4em 0; }
td, th { border: 1px solid #d5d5d5; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
th { background: #f4f6f9; } td.num, th.num { text-align: right; } td.day { white-space: nowrap; }
table.sortable th { cursor: pointer; } table.sortable th::after { content: " ↕"; color: #aaa; }
.legend span { margin-right: 1em; font-size: 0.85em; white-space: nowrap; }
.legend i { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em; }
nav { margin: 0.8em 0; font-size: 0.9em; } nav a { margin-right: 0.8em; }
section.site { border-top: 3px solid #3b6ea5; margin-top: 2.5em; }
"""

# The site filter shows one site's section (hiding the corpus-wide ones); a click on a column
# heading sorts a table by it. Without script every section simply shows.
SCRIPT = """
const filter = document.getElementById('site-filter');
filter.parentElement.hidden = false;
filter.addEventListener('change', () => {
  const site = filter.value;
  document.querySelectorAll('section.site').forEach(s => {
    s.hidden = site !== '' && s.dataset.site !== site; });
  document.querySelectorAll('.overview').forEach(s => { s.hidden = site !== ''; });
});
document.querySelectorAll('table.sortable th').forEach(th => th.addEventListener('click', () => {
  const body = th.closest('table').tBodies[0], column = th.cellIndex;
  const up = th.dataset.order !== 'up'; th.dataset.order = up ? 'up' : 'down';
  const key = row => { const cell = row.cells[column];
    if (cell.dataset.v === undefined) return cell.textContent.toLowerCase();
    const v = parseFloat(cell.dataset.v); return isNaN(v) ? -Infinity : v; };
  [...body.rows].sort((a, b) => (key(a) > key(b) ? 1 : key(a) < key(b) ? -1 : 0) * (up ? 1 : -1))
    .forEach(row => body.appendChild(row));
}));
"""


def _day(value: datetime | date | None) -> str:
    return "—" if value is None else value.strftime("%Y-%m-%d")


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


class Cell:
    """A table cell; numbers carry their value for sorting and align right."""

    def __init__(
        self, text: str, value: float | None = None, numeric: bool = False, nowrap: bool = False
    ) -> None:
        self.text, self.value, self.numeric, self.nowrap = text, value, numeric, nowrap

    def html(self) -> str:
        if not self.numeric:
            return f"<td{' class=day' if self.nowrap else ''}>{esc(self.text)}</td>"
        v = "" if self.value is None else f"{self.value:g}"
        return f'<td class="num" data-v="{v}">{esc(self.text)}</td>'


def num(value: int | float | None, text: str | None = None) -> Cell:
    shown = text if text is not None else ("—" if value is None else f"{value:,}")
    return Cell(shown, None if value is None else float(value), numeric=True)


def table(
    header: Sequence[str], rows: Iterable[Sequence[Cell]], numeric: Sequence[int], sortable: bool
) -> str:
    heads = "".join(
        f"<th{' class=num' if i in numeric else ''}>{esc(h)}</th>" for i, h in enumerate(header)
    )
    body = "".join("<tr>" + "".join(c.html() for c in row) + "</tr>" for row in rows)
    cls = ' class="sortable"' if sortable else ""
    return f"<table{cls}><thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table>"


# Headings of the charts, by id (a site section's ids carry a "site-N-" prefix).
CHART_TITLES = {
    "capture-ratio": "Capture ratio",
    "capture": "Capture ratio",
    "comments-per-article": "Comments per article",
    "top-articles": "Top articles by distinct comments",
    "top-commenters": "Most active commenters",
    "top-speakers": "Most-quoted speakers",
    "top-outlets": "Outlets credited with quotes",
    "comments": "Comments posted",
}


def figure(chart_id: str, chart: str, caption: str, legend: str = "") -> str:
    kind = re.sub(r"^site-\d+-", "", chart_id)
    heading = f"<h3>{esc(CHART_TITLES[kind])}</h3>" if kind in CHART_TITLES else ""
    return (
        f'<figure class="chart" id="{esc(chart_id)}">{heading}{chart}{legend}'
        f"<figcaption>{caption}</figcaption></figure>"
    )


def more_note(shown: int, total: int, noun: str) -> str:
    """ "Top 10 of 1,234 commenters; 1,224 more not shown." under a chart or table."""
    if not total:
        return ""
    if shown >= total:
        return f'<p class="more">All {amount(total, noun)} shown.</p>'
    return (
        f'<p class="more">Top {shown:,} of {amount(total, noun)}; '
        f"{total - shown:,} more not shown.</p>"
    )


def top_note(top: TopList, noun: str) -> str:
    return more_note(len(top.rows), top.total, noun)


def legend(series: Sequence[tuple[str, Sequence[int]]]) -> str:
    if len(series) < 2:
        return ""
    items = "".join(
        f'<span><i style="background:{colour}"></i>{esc(name)}</span>'
        for colour, (name, _) in zip(svg.PALETTE, series, strict=False)
    )
    return f'<p class="legend">{items}</p>'


def figures(items: Sequence[tuple[str, str]]) -> str:
    cells = "".join(f"<div><b>{esc(value)}</b>{esc(label)}</div>" for label, value in items)
    return f'<div class="figures">{cells}</div>'


def date_table(dates: DateRange) -> str:
    rows = [
        ("Published", dates.published_first, dates.published_last),
        ("Comments posted (window midpoints)", dates.comments_first, dates.comments_last),
        ("Captured", dates.captured_first, dates.captured_last),
    ]
    body = table(
        ["", "first", "last"],
        [
            [Cell(label), Cell(_day(a), nowrap=True), Cell(_day(b), nowrap=True)]
            for label, a, b in rows
        ],
        numeric=(),
        sortable=False,
    )
    note = ""
    if dates.undated_articles:
        note = (
            f'<p class="note">{amount(dates.undated_articles, "article")} without a publication '
            "date (articles.published_at is NULL) are in no time series.</p>"
        )
    return body + note


def article_table(articles: Sequence[Article], with_site: bool) -> str:
    header = ["article", *(["site"] if with_site else []), "published", "distinct comments"]
    header += ["commenters", "declared", "capture", "quotes"]
    rows = []
    for a in articles:
        rows.append(
            [
                Cell(a.title),
                *([Cell(a.site)] if with_site else []),
                Cell(_day(a.published_at), nowrap=True),
                num(a.distinct_comments),
                num(a.unique_commenters),
                num(a.declared_comments),
                num(a.capture_ratio, _ratio(a.capture_ratio)),
                num(a.quotes),
            ]
        )
    first_num = 3 if with_site else 2
    return table(header, rows, numeric=range(first_num, len(header)), sortable=True)


def _capture_caption(undeclared: int) -> str:
    text = (
        "Articles by article_engagement.capture_ratio: comments the dump shows over the count the "
        "page declares, in tenths (100%+: every declared comment shown)."
    )
    if undeclared:
        text += f" {amount(undeclared, 'article')} declaring no count are left out."
    return text


def _top_articles_chart(articles: Sequence[Article], limit: int) -> str:
    rows = [
        Ranked(a.title, a.distinct_comments, amount(a.unique_commenters, "commenter"))
        for a in articles[:limit]
    ]
    return svg.ranked_bars(rows, "distinct comment", "No article has a comment yet")


def _time_caption(data: ReportData, what: str) -> str:
    axis = data.axis
    if axis is None:
        return ""
    text = f"{what} per {axis.unit} (daily_engagement), bars placed at their dates."
    if data.outside:
        o = data.outside
        text += (
            f" Left off the axis as outliers: {amount(o.articles, 'article')} and "
            f"{amount(o.comments, 'comment')} dated {_day(o.first)} – {_day(o.last)}."
        )
    return esc(text)


def overview(data: ReportData) -> str:
    several = len(data.sites) > 1
    parts = []
    chart = svg.empty("No article has a publication date or a dated comment yet")
    if data.articles_series is not None:
        chart = svg.time_bars(data.articles_series)
        parts.append(
            '<section class="overview" id="articles-over-time"><h2>Articles published</h2>'
            + figure(
                "articles-over-time-chart",
                chart,
                _time_caption(data, "Articles by publication date (articles_published)"),
                legend(data.articles_series.series),
            )
            + "</section>"
        )
    comments_chart = chart
    if data.comments_series is not None:
        comments_chart = svg.time_bars(data.comments_series)
    parts.append(
        '<section class="overview" id="comments-over-time"><h2>Comments posted</h2>'
        + figure(
            "comments-over-time-chart",
            comments_chart,
            _time_caption(
                data,
                "Distinct comments (comments_posted), each on the midpoint of its posted window,",
            ),
            legend(data.comments_series.series) if data.comments_series else "",
        )
        + "</section>"
    )
    parts.append(
        '<section class="overview" id="distributions"><h2>Distributions</h2>'
        + figure(
            "capture-ratio",
            svg.histogram(data.capture, "article", height=200),
            esc(_capture_caption(data.undeclared)),
        )
        + figure(
            "comments-per-article",
            svg.histogram(data.comment_bins, "article", height=200),
            "Articles by distinct comments (article_engagement.distinct_comments).",
        )
        + "</section>"
    )
    parts.append(
        '<section class="overview" id="most-discussed"><h2>Most-discussed articles</h2>'
        + figure(
            "top-articles",
            _top_articles_chart(data.top_articles, TOP_N),
            "The most-discussed articles by distinct comments (article_engagement).",
        )
        + "<h3>The most-discussed articles in detail</h3>"
        + article_table(data.top_articles, with_site=several)
        + more_note(len(data.top_articles), data.discussed, "discussed article")
        + "</section>"
    )
    parts.append(
        '<section class="overview" id="people"><h2>Commenters, speakers and outlets</h2>'
        + figure(
            "top-commenters",
            svg.ranked_bars(data.commenters.rows, "distinct comment", "No comments captured yet"),
            "Authors by distinct comments (commenter_activity), with the articles they commented"
            " on" + (", per site: one display name on two sites counts twice." if several else "."),
        )
        + top_note(data.commenters, "commenter")
        + figure(
            "top-speakers",
            svg.ranked_bars(data.speakers.rows, "quote", "No attributed quotes yet"),
            "Speakers by direct and block quotes (quote_sources), with the outlets credited.",
        )
        + top_note(data.speakers, "speaker")
        + figure(
            "top-outlets",
            svg.ranked_bars(data.outlets.rows, "quote", "No quote is credited to an outlet yet"),
            "Outlets by the quotes credited to them (quote_sources.outlet).",
        )
        + top_note(data.outlets, "outlet")
        + "</section>"
    )
    parts.append(sites_section(data))
    return "".join(parts)


def sites_section(data: ReportData) -> str:
    rows = [
        [
            Cell(s.site),
            num(s.articles),
            num(s.captured_comments),
            num(s.distinct_comments),
            num(s.unique_commenters),
            num(s.median_comments_per_article),
            num(s.duplicate_rate, _ratio(s.duplicate_rate)),
            num(s.capture_ratio, _ratio(s.capture_ratio)),
            num(s.quotes),
        ]
        for s in data.sites[:SITES_TABLE]
    ]
    header = ["site", "articles", "captured", "distinct", "commenters", "median per article"]
    header += ["duplicate rate", "capture ratio", "quotes"]
    note = more_note(len(rows), len(data.sites), "site")
    return (
        '<section class="overview" id="sites"><h2>Sites</h2>'
        + table(header, rows, numeric=range(1, len(header)), sortable=True)
        + note
        + '<p class="note">From site_engagement; comment counts are per captured page.</p>'
        + "</section>"
    )


def ingest_section(data: ReportData) -> str:
    files = data.ingest.files
    statuses = [*INGEST_STATUSES, *sorted(set(files) - set(INGEST_STATUSES))]
    rows = [
        [Cell(status), num(files.get(status, (0, 0, 0))[0]), num(files.get(status, (0, 0, 0))[1])]
        for status in statuses
    ]
    total = sum(f[0] for f in files.values())
    out = (
        '<section class="overview" id="ingest"><h2>Ingest</h2>'
        f"<p>{amount(total, 'input file')} seen (ingest_files).</p>"
        + table(["status", "files", "articles"], rows, numeric=(1, 2), sortable=False)
    )
    if data.ingest.errors:
        err_rows = [
            [Cell(e.kind), num(e.files), num(e.errors), Cell(svg.shorten(e.example, 140))]
            for e in data.ingest.errors
        ]
        out += "<h3>Most common problems (ingest_errors)</h3>" + table(
            ["error kind", "files", "errors", "example"], err_rows, numeric=(1, 2), sortable=False
        )
        hidden = data.ingest.error_kinds - len(data.ingest.errors)
        if hidden > 0:
            out += f'<p class="more">{amount(hidden, "more error kind")} not shown.</p>'
        out += (
            '<p class="note">Every file not fully loaded has rows in ingest_errors: '
            "<code>corpus sql \"SELECT * FROM ingest_errors WHERE error_kind = '…'\"</code>.</p>"
        )
    else:
        out += '<p class="note">No problems recorded in ingest_errors.</p>'
    return out + "</section>"


def site_section(index: int, detail: SiteDetail) -> str:
    row, site_id = detail.row, f"site-{index}"
    parts = [
        f'<section class="site" id="{site_id}" data-site="{esc(row.site)}">'
        f"<h2>{esc(row.site)}</h2>",
        figures(
            [
                ("articles", f"{row.articles:,}"),
                ("comments captured", f"{row.captured_comments:,}"),
                ("distinct comments", f"{row.distinct_comments:,}"),
                ("commenters", f"{row.unique_commenters:,}"),
                ("quotes", f"{row.quotes:,}"),
                ("capture ratio", _ratio(row.capture_ratio)),
            ]
        ),
        date_table(detail.dates),
    ]
    if detail.comments is not None:
        parts.append(
            figure(
                f"{site_id}-comments",
                svg.time_bars(detail.comments, height=170),
                esc(f"Distinct comments per {detail.comments.axis.unit}, on the report's axis."),
            )
        )
    parts.append(
        figure(
            f"{site_id}-capture",
            svg.histogram(detail.capture, "article", height=170),
            esc(_capture_caption(detail.undeclared)),
        )
        + figure(
            f"{site_id}-comments-per-article",
            svg.histogram(detail.comment_bins, "article", height=170),
            "Articles by distinct comments.",
        )
    )
    parts.append(
        figure(
            f"{site_id}-top-articles",
            _top_articles_chart(detail.articles, SITE_TOP_N),
            "The site's most-discussed articles (distinct comments).",
        )
        + more_note(len(detail.articles), detail.discussed, "discussed article")
    )
    parts.append(
        figure(
            f"{site_id}-top-commenters",
            svg.ranked_bars(detail.commenters.rows, "distinct comment", "No comments yet"),
            "The site's most active commenters (commenter_activity).",
        )
        + top_note(detail.commenters, "commenter")
        + figure(
            f"{site_id}-top-speakers",
            svg.ranked_bars(detail.speakers.rows, "quote", "No attributed quotes"),
            "The site's most-quoted speakers (quote_sources).",
        )
        + top_note(detail.speakers, "speaker")
    )
    return "".join(parts) + "</section>"


def render(data: ReportData, generated_at: datetime, key: str = "") -> str:
    d = data.dates
    sites_note = ""
    if len(data.sites) > SECTION_SITES:
        sites_note = (
            f" The {SECTION_SITES} largest sites have sections; the other "
            f"{len(data.sites) - SECTION_SITES:,} are in the sites table."
        )
    options = "".join(
        f'<option value="{esc(s.row.site)}">{esc(s.row.site)}</option>' for s in data.sections
    )
    summary = figures(
        [
            ("articles", f"{data.articles:,}"),
            ("sites", f"{len(data.sites):,}"),
            ("comments captured", f"{sum(s.captured_comments for s in data.sites):,}"),
            ("distinct comments", f"{sum(s.distinct_comments for s in data.sites):,}"),
            ("commenters", f"{data.commenters_total:,}"),
            ("quotes", f"{sum(s.quotes for s in data.sites):,}"),
        ]
    )
    nav = " ".join(
        f'<a href="#{anchor}">{label}</a>'
        for anchor, label in (
            ("ingest", "Ingest"),
            ("comments-over-time", "Over time"),
            ("distributions", "Distributions"),
            ("most-discussed", "Articles"),
            ("people", "People"),
            ("sites", "Sites"),
        )
    )
    sections = "".join(site_section(i, s) for i, s in enumerate(data.sections, start=1))
    key_meta = f'<meta name="{KEY_META}" content="{esc(key)}">' if key else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{key_meta}<title>Engagement report</title>
<style>{STYLE}</style></head>
<body>
<h1>Engagement report</h1>
<p class="meta">Generated {generated_at:%Y-%m-%d %H:%M} UTC from the warehouse's engagement views.
Covers articles published {_day(d.published_first)} to {_day(d.published_last)} and comments
posted {_day(d.comments_first)} to {_day(d.comments_last)}. Column meanings:
<code>SELECT * FROM data_dictionary</code> or docs/data-dictionary.md.{esc(sites_note)}</p>
<nav>{nav} <label hidden>Site: <select id="site-filter"><option value="">all sites</option>
{options}</select></label></nav>
<section class="overview" id="summary"><h2>Summary</h2>{summary}{date_table(d)}</section>
{ingest_section(data)}
{overview(data)}
{sections}
<script>{SCRIPT}</script>
</body></html>
"""
