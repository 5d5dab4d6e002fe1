"""The charts the engagement report must draw (ids of their figures), shared by the report's
unit and browser tests."""

OVERVIEW_CHARTS = [
    "articles-over-time-chart",
    "comments-over-time-chart",
    "capture-ratio",
    "comments-per-article",
    "top-articles",
    "top-commenters",
    "top-speakers",
    "top-outlets",
]
SITE_CHARTS = [
    "comments",
    "capture",
    "comments-per-article",
    "top-articles",
    "top-commenters",
    "top-speakers",
]
