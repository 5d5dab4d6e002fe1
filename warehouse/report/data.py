"""What the report shows, read from the warehouse's documented views in a few aggregate queries.
Every query groups in DuckDB: what reaches Python is one row per site, bucket, bin or ranked name,
never one per article or comment, so drawing time and page size stay flat as the corpus grows."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import duckdb

from warehouse.report.svg import Ranked, TimeSeries
from warehouse.report.timeaxis import Axis, axis_for, shown_range
from warehouse.sql_files import with_literals

TOP_N = 10  # rows of the corpus-wide top-N charts
TOP_ARTICLES_TABLE = 25  # rows of the most-discussed articles table
SITE_TOP_N = 5  # rows of each site's top-N charts
SECTION_SITES = 12  # sites with a section of their own (the largest by articles)
SITES_TABLE = 50  # rows of the sites table
STACKED_SITES = 5  # sites stacked by name in the corpus-wide time series; the rest as one
UNKNOWN_SITE = "(unknown site)"
OTHER_SITES = "other sites"
# Capture ratio bins: tenths of the declared count, the last for "all shown" (ratio 1 or more).
CAPTURE_BINS = (*(f"{10 * i}–{10 * i + 9}%" for i in range(10)), "100%+")
# Comments per article bins: lower bounds; the labels say the ranges.
COMMENT_BOUNDS = (0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000)
INGEST_STATUSES = ("loaded", "partial", "rejected", "skipped")
TOP_ERROR_KINDS = 8

SITE = f"coalesce(site, '{UNKNOWN_SITE}')"

# The two views read several times are computed once per report, into temporary tables of the
# report's connection (one row per article, one per site and day: they stay in DuckDB).
SCRATCH_SQL = {
    "report_articles": f"""
        SELECT article_id, {SITE} AS site, title, url, published_at, captured_at, declared_comments,
               distinct_comments, unique_commenters, capture_ratio, quotes, first_comment_at,
               last_comment_at
        FROM article_engagement""",
    "report_days": f"""
        SELECT {SITE} AS site, day, articles_published, comments_posted
        FROM daily_engagement
        WHERE day IS NOT NULL""",
}

SITES_SQL = f"""
SELECT {SITE}, articles, captured_comments, distinct_comments, unique_commenters,
       median_comments_per_article, duplicate_rate, capture_ratio, quotes
FROM site_engagement
ORDER BY articles DESC, site NULLS LAST
"""
DATES_SQL = """
SELECT site, min(published_at), max(published_at), count(*) FILTER (WHERE published_at IS NULL),
       min(captured_at), max(captured_at), min(first_comment_at), max(last_comment_at)
FROM report_articles
GROUP BY ALL
"""
COMMENTERS_TOTAL_SQL = "SELECT count(DISTINCT author) FROM comments"
ACTIVITY_SQL = """
SELECT day, sum(articles_published + comments_posted)
FROM report_days
GROUP BY day
ORDER BY day
"""
SERIES_SQL = f"""
SELECT date_trunc($unit, day)::DATE AS bucket,
       CASE WHEN list_contains($named, site) THEN site ELSE '{OTHER_SITES}' END AS series,
       sum(articles_published)::BIGINT, sum(comments_posted)::BIGINT
FROM report_days
WHERE day >= $start AND day < $end
GROUP BY ALL
"""
SITE_SERIES_SQL = """
SELECT date_trunc($unit, day)::DATE AS bucket, site AS series,
       sum(articles_published)::BIGINT, sum(comments_posted)::BIGINT
FROM report_days
WHERE day >= $start AND day < $end AND list_contains($named, site)
GROUP BY ALL
"""
OUTSIDE_SQL = """
SELECT sum(articles_published)::BIGINT, sum(comments_posted)::BIGINT, min(day), max(day)
FROM report_days
WHERE day < $start OR day >= $end
"""
CAPTURE_SQL = """
-- least() skips NULLs: an article without a ratio must stay binless.
SELECT site, CASE WHEN capture_ratio IS NOT NULL THEN least(floor(capture_ratio * 10), 10) END
           ::INTEGER AS bin, count(*)
FROM report_articles
GROUP BY ALL
"""
COMMENT_BINS_SQL = """
SELECT site, len(list_filter($bounds, b -> b <= distinct_comments)) - 1 AS bin, count(*)
FROM report_articles
GROUP BY ALL
"""
ARTICLE_COLUMNS = """title, site, distinct_comments, unique_commenters, declared_comments,
       capture_ratio, quotes, published_at, url"""
ARTICLE_ORDER = "distinct_comments DESC, unique_commenters DESC, title, article_id"
TOP_ARTICLES_SQL = f"""
SELECT {ARTICLE_COLUMNS}
FROM report_articles
WHERE distinct_comments > 0
ORDER BY {ARTICLE_ORDER}
LIMIT $top
"""
SITE_ARTICLES_SQL = f"""
SELECT {ARTICLE_COLUMNS}
FROM report_articles
WHERE distinct_comments > 0 AND list_contains($named, site)
QUALIFY row_number() OVER (PARTITION BY site ORDER BY {ARTICLE_ORDER}) <= $top
ORDER BY site, {ARTICLE_ORDER}
"""
DISCUSSED_SQL = """
SELECT site, count(*) FILTER (WHERE distinct_comments > 0) FROM report_articles GROUP BY ALL
"""
COMMENTERS_SQL = f"""
SELECT author, {SITE}, distinct_comments, articles,
       row_number() OVER (ORDER BY distinct_comments DESC, articles DESC, author, site)
           AS overall_rank,
       row_number() OVER (PARTITION BY site ORDER BY distinct_comments DESC, articles DESC, author)
           AS site_rank,
       count(*) OVER (PARTITION BY site) AS site_total,
       count(*) OVER () AS total
FROM commenter_activity
QUALIFY overall_rank <= $overall OR (site_rank <= $per_site AND list_contains($named, {SITE}))
ORDER BY overall_rank
"""
SPEAKERS_SQL = """
SELECT speaker, sum(quotes)::BIGINT AS quoted, string_agg(DISTINCT outlet, ', ' ORDER BY outlet),
       count(*) OVER () AS total
FROM quote_sources
WHERE speaker IS NOT NULL
GROUP BY speaker
QUALIFY row_number() OVER (ORDER BY quoted DESC, speaker) <= $overall
ORDER BY quoted DESC, speaker
"""
SITE_SPEAKERS_SQL = f"""
SELECT {SITE} AS s, speaker, sum(quotes)::BIGINT AS quoted,
       count(*) OVER (PARTITION BY s) AS total
FROM quote_sources
WHERE speaker IS NOT NULL AND list_contains($named, {SITE})
GROUP BY s, speaker
QUALIFY row_number() OVER (PARTITION BY s ORDER BY quoted DESC, speaker) <= $per_site
ORDER BY s, quoted DESC, speaker
"""
OUTLETS_SQL = """
SELECT outlet, sum(quotes)::BIGINT AS quoted, count(DISTINCT speaker) AS speakers,
       count(*) OVER () AS total
FROM quote_sources
WHERE outlet IS NOT NULL
GROUP BY outlet
QUALIFY row_number() OVER (ORDER BY quoted DESC, outlet) <= $overall
ORDER BY quoted DESC, outlet
"""
INGEST_SQL = """
SELECT status, count(*), sum(articles)::BIGINT, sum(bytes)::BIGINT
FROM ingest_files
GROUP BY status
"""
ERRORS_SQL = """
SELECT error_kind, count(*) AS errors, count(DISTINCT source_path) AS files,
       arg_min(message, (source_path, coalesce(record, ''))) AS example,
       count(*) OVER () AS kinds
FROM ingest_errors
GROUP BY error_kind
QUALIFY row_number() OVER (ORDER BY files DESC, errors DESC, error_kind) <= $top
ORDER BY files DESC, errors DESC, error_kind
"""


@dataclass(frozen=True, slots=True)
class SiteRow:
    site: str
    articles: int
    captured_comments: int
    distinct_comments: int
    unique_commenters: int
    median_comments_per_article: float | None
    duplicate_rate: float | None
    capture_ratio: float | None
    quotes: int


@dataclass(frozen=True, slots=True)
class DateRange:
    published_first: datetime | None
    published_last: datetime | None
    undated_articles: int
    captured_first: datetime | None
    captured_last: datetime | None
    comments_first: datetime | None
    comments_last: datetime | None


@dataclass(frozen=True, slots=True)
class TopList:
    """The first rows of a ranking and how many it holds in all, for the "N more" note."""

    rows: Sequence[Ranked]
    total: int

    @property
    def more(self) -> int:
        return max(self.total - len(self.rows), 0)


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    site: str
    distinct_comments: int
    unique_commenters: int
    declared_comments: int | None
    capture_ratio: float | None
    quotes: int
    published_at: datetime | None
    url: str | None


@dataclass(frozen=True, slots=True)
class Outside:
    """Activity left off the time axis because its dates lie far from the rest."""

    articles: int
    comments: int
    first: date | None
    last: date | None


@dataclass(frozen=True, slots=True)
class ErrorKind:
    kind: str
    errors: int
    files: int
    example: str


@dataclass(frozen=True, slots=True)
class Ingest:
    files: dict[str, tuple[int, int, int]]  # status -> (files, articles, bytes)
    errors: Sequence[ErrorKind]
    error_kinds: int


@dataclass
class SiteDetail:
    """What one site's section shows."""

    row: SiteRow
    dates: DateRange
    comments: TimeSeries | None = None
    capture: list[tuple[str, int]] = field(default_factory=list)
    undeclared: int = 0
    comment_bins: list[tuple[str, int]] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    discussed: int = 0
    commenters: TopList = TopList((), 0)
    speakers: TopList = TopList((), 0)


@dataclass
class ReportData:
    sites: list[SiteRow]
    dates: DateRange
    commenters_total: int
    ingest: Ingest
    axis: Axis | None
    outside: Outside | None
    articles_series: TimeSeries | None
    comments_series: TimeSeries | None
    capture: list[tuple[str, int]]
    undeclared: int
    comment_bins: list[tuple[str, int]]
    top_articles: list[Article]
    discussed: int
    commenters: TopList
    speakers: TopList
    outlets: TopList
    sections: list[SiteDetail]

    @property
    def articles(self) -> int:
        return sum(s.articles for s in self.sites)


def _dates(rows: Sequence[tuple[object, ...]]) -> DateRange:
    def pick(index: int, choose: type[min] | type[max]) -> datetime | None:
        values = [r[index] for r in rows if r[index] is not None]
        return choose(values) if values else None

    return DateRange(
        pick(1, min),
        pick(2, max),
        sum(int(r[3]) for r in rows),
        pick(4, min),
        pick(5, max),
        pick(6, min),
        pick(7, max),
    )


def comment_bin_labels() -> list[str]:
    labels = [
        str(low) if high == low + 1 else f"{low:,}–{high - 1:,}"
        for low, high in itertools.pairwise(COMMENT_BOUNDS)
    ]
    return [*labels, f"{COMMENT_BOUNDS[-1]:,}+"]


def _bins(
    rows: Sequence[tuple[object, ...]], labels: Sequence[str], site: str | None, trim: bool
) -> tuple[list[tuple[str, int]], int]:
    """Counts per bin (all sites when `site` is None) and the count of rows without a bin."""
    counts = [0] * len(labels)
    missing = 0
    for row_site, index, n in rows:
        if site is not None and row_site != site:
            continue
        if index is None:
            missing += int(n)
        else:
            counts[int(index)] += int(n)
    if trim:  # drop empty bins past the last filled one, keeping at least half of them
        last = max([i for i, n in enumerate(counts) if n] + [len(labels) // 2 - 1])
        counts = counts[: last + 1]
    return list(zip(labels, counts, strict=False)), missing


def _series(
    rows: Sequence[tuple[object, ...]], names: Sequence[str], axis: Axis, column: int, noun: str
) -> TimeSeries:
    values: dict[str, dict[date, int]] = defaultdict(dict)
    for row in rows:
        values[str(row[1])][row[0]] = int(row[column])
    buckets = sorted({b for by in values.values() for b, v in by.items() if v})
    series = [(n, [values[n].get(b, 0) for b in buckets]) for n in names if n in values]
    return TimeSeries(axis, buckets, series, noun)


def _article(row: Sequence[object]) -> Article:
    return Article(*row[:9])


def load(con: duckdb.DuckDBPyConnection) -> ReportData:
    """Everything the page shows, from two scratch tables and a score of aggregate queries."""
    for name, sql in SCRATCH_SQL.items():
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}")
    try:
        return _load(con)
    finally:
        for name in SCRATCH_SQL:
            con.execute(f"DROP TABLE IF EXISTS {name}")


def _rows(
    con: duckdb.DuckDBPyConnection, sql: str, parameters: dict[str, object]
) -> list[tuple[Any, ...]]:
    """The rows of `sql` with its `$name` parameters written in as literals (binding Python
    values would make DuckDB import pandas and pyarrow, a third of a second of each refresh)."""
    return con.execute(with_literals(sql, parameters)).fetchall()


def _load(con: duckdb.DuckDBPyConnection) -> ReportData:
    sites = [SiteRow(*r) for r in con.execute(SITES_SQL).fetchall()]
    named = [s.site for s in sites[:SECTION_SITES]]
    date_rows = con.execute(DATES_SQL).fetchall()
    commenters_total = int(con.execute(COMMENTERS_TOTAL_SQL).fetchone()[0])
    statuses = {
        str(r[0]): (int(r[1]), int(r[2] or 0), int(r[3] or 0))
        for r in con.execute(INGEST_SQL).fetchall()
    }
    errors = _rows(con, ERRORS_SQL, {"top": TOP_ERROR_KINDS})
    ingest = Ingest(
        statuses,
        [ErrorKind(str(r[0]), int(r[1]), int(r[2]), str(r[3])) for r in errors],
        int(errors[0][4]) if errors else 0,
    )

    shown = shown_range(con.execute(ACTIVITY_SQL).fetchall())
    axis = axis_for(*shown) if shown else None
    articles_series = comments_series = None
    outside = None
    site_series: dict[str, TimeSeries] = {}
    if axis is not None:
        window = {"unit": axis.unit, "start": axis.start, "end": axis.end}
        stacked = [s.site for s in sites[:STACKED_SITES]]
        rows = _rows(con, SERIES_SQL, {**window, "named": stacked})
        order = [*stacked, OTHER_SITES]
        articles_series = _series(rows, order, axis, 2, "article")
        comments_series = _series(rows, order, axis, 3, "comment")
        per_site = _rows(con, SITE_SERIES_SQL, {**window, "named": named})
        for site in named:
            site_series[site] = _series(
                [r for r in per_site if r[1] == site], [site], axis, 3, "comment"
            )
        [o] = _rows(con, OUTSIDE_SQL, {"start": axis.start, "end": axis.end})
        if o and (o[0] or o[1]):
            outside = Outside(int(o[0] or 0), int(o[1] or 0), o[2], o[3])

    capture_rows = con.execute(CAPTURE_SQL).fetchall()
    comment_rows = _rows(con, COMMENT_BINS_SQL, {"bounds": list(COMMENT_BOUNDS)})
    labels = comment_bin_labels()
    capture, undeclared = _bins(capture_rows, CAPTURE_BINS, None, trim=False)
    comment_bins, _ = _bins(comment_rows, labels, None, trim=True)

    limits = {"overall": TOP_N, "per_site": SITE_TOP_N, "named": named}
    top_articles = [_article(r) for r in _rows(con, TOP_ARTICLES_SQL, {"top": TOP_ARTICLES_TABLE})]
    site_articles = [
        _article(r) for r in _rows(con, SITE_ARTICLES_SQL, {"top": SITE_TOP_N, "named": named})
    ]
    discussed = {str(r[0]): int(r[1]) for r in con.execute(DISCUSSED_SQL).fetchall()}
    commenter_rows = _rows(con, COMMENTERS_SQL, limits)
    several_sites = len(sites) > 1

    def commenter(r: Sequence[object]) -> Ranked:
        detail = f"{int(r[3]):,} article{'s' if r[3] != 1 else ''}"
        label = f"{r[0]} ({r[1]})" if several_sites else str(r[0])
        return Ranked(label, int(r[2]), detail)

    overall_commenters = [r for r in commenter_rows if r[4] <= TOP_N]
    commenters = TopList(
        [commenter(r) for r in overall_commenters],
        int(commenter_rows[0][7]) if commenter_rows else 0,
    )
    speaker_rows = _rows(con, SPEAKERS_SQL, {"overall": TOP_N})
    speakers = TopList(
        [Ranked(str(r[0]), int(r[1]), str(r[2] or "")) for r in speaker_rows],
        int(speaker_rows[0][3]) if speaker_rows else 0,
    )
    outlet_rows = _rows(con, OUTLETS_SQL, {"overall": TOP_N})
    outlets = TopList(
        [
            Ranked(str(r[0]), int(r[1]), f"{int(r[2]):,} speaker{'s' if r[2] != 1 else ''}")
            for r in outlet_rows
        ],
        int(outlet_rows[0][3]) if outlet_rows else 0,
    )
    site_speakers = _rows(con, SITE_SPEAKERS_SQL, {"named": named, "per_site": SITE_TOP_N})

    sections = []
    for row in sites[:SECTION_SITES]:
        site = row.site
        detail = SiteDetail(row, _dates([r for r in date_rows if r[0] == site]))
        detail.comments = site_series.get(site)
        detail.capture, detail.undeclared = _bins(capture_rows, CAPTURE_BINS, site, trim=False)
        detail.comment_bins, _ = _bins(comment_rows, labels, site, trim=True)
        detail.articles = [a for a in site_articles if a.site == site]
        detail.discussed = discussed.get(site, 0)
        mine = [r for r in commenter_rows if r[1] == site and r[5] <= SITE_TOP_N]
        detail.commenters = TopList(
            [Ranked(str(r[0]), int(r[2]), commenter(r).detail) for r in mine],
            int(mine[0][6]) if mine else 0,
        )
        spoken = [r for r in site_speakers if r[0] == site]
        detail.speakers = TopList(
            [Ranked(str(r[1]), int(r[2])) for r in spoken],
            int(spoken[0][3]) if spoken else 0,
        )
        sections.append(detail)

    return ReportData(
        sites=sites,
        dates=_dates(date_rows),
        commenters_total=commenters_total,
        ingest=ingest,
        axis=axis,
        outside=outside,
        articles_series=articles_series,
        comments_series=comments_series,
        capture=capture,
        undeclared=undeclared,
        comment_bins=comment_bins,
        top_articles=top_articles,
        discussed=sum(discussed.values()),
        commenters=commenters,
        speakers=speakers,
        outlets=outlets,
        sections=sections,
    )
