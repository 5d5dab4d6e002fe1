"""The Care2 text layout's page furniture: lines the page shows that are not article or comment."""

from __future__ import annotations

# Buttons and headings of the page chrome, matched against whole normalised lines.
ARTICLE_FURNITURE_LINES: frozenset[str] = frozenset(
    {
        "Take Action!",
        "Take Action",
        "Sign the petition",
        "Sign Now",
        "Share",
        "Share on Facebook",
        "Tweet",
        "Email",
        "Print",
        "Advertisement",
        "Related Stories",
    }
)
# The comment form's button closes every comment the page shows.
COMMENT_END_LINES: frozenset[str] = frozenset({"SEND", "Send"})
COMMENT_FURNITURE_LINES: frozenset[str] = frozenset(
    {"Reply", "Flag", "Report", "Like", "Load more comments", "Show more comments", "Delete"}
)
# Words that tell a Care2 page apart from another text dump.
SITE_MARKERS: tuple[str, ...] = ("Care2",)
SITE = "care2.com"
