"""Care2's page furniture and layouts, for its text dumps and its HTML pages alike: the lines its
pages show that are never a title, a body paragraph or a comment, and the marks of its page kinds.

Written from the visible text of real care2.com pages: a tag page and a member's share page
(care2.com/c2c/share/sharebook/...), group discussions (care2.com/c2c/groups/disc.html?...), a
section listing (care2.com/greenliving/nature-wildlife/page/2) and petition pages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from extraction.page_kind import PageKindVerdict
from extraction.records import PageKind
from extraction.rules.page import MONTHS, one_pattern

SITE: Final = "care2.com"
# Words that tell a Care2 page apart from another text dump.
SITE_MARKERS: Final[tuple[str, ...]] = ("Care2",)
# The banner every Care2 page starts with, the number glued on or not:
# "START A PETITION 27,000,000 members: the world's largest community for good".
HEADER_LINE_RE: Final[re.Pattern[str]] = re.compile(
    r"^start a petition\s*[\d,.]+\s+members\b.{0,80}$", re.IGNORECASE
)
# The site's own statistics, shown on its landing and promotion pages ("63,230,319 Care2 Members",
# "472,425 Petitions Created"): a page made of them is no article.
SITE_STATISTICS_RE: Final[re.Pattern[str]] = re.compile(
    r"^[\d,.]+\s+(?:care2 members|petition signatures|petitions created|nonprofit partners)$",
    re.IGNORECASE,
)
# Whole lines (case-insensitive) of Care2's page chrome, besides the generic ones of
# extraction/rules/page.py.
FURNITURE_LINES: Final[tuple[re.Pattern[str], ...]] = (
    HEADER_LINE_RE,
    SITE_STATISTICS_RE,
    *(
        re.compile(p, re.IGNORECASE)
        for p in (
            r"start a petition",
            r"by:\s*care2 team",
            r"target:\s*.{1,200}",
            r"[\d,.]+\s+supporters",
            r"[\d,.]+\s+goal",
            r"sign petition",
            r"visibility:\s*\w+",
            r"tags?:.{0,200}",
            r"posted:\s*.{1,60}",
            r"focus:\s*.{1,60}",
            r"action request:\s*.{1,60}",
            r"location:\s*.{1,60}",
            r"group discussions",
            r"\|?\s*track thread",
            r"«\s*back to topics",
            r"\[\s*send green star\s*\](?:\s*\[\s*accepted\s*\])?|\[\s*accepted\s*\]",
            r"new to care2\? start here\.?",
            r"take action link:?",
            r"care2 action alert",
        )
    ),
)
FURNITURE_RE: Final[re.Pattern[str]] = one_pattern(FURNITURE_LINES)
# The comment form's button closes every comment the page shows.
COMMENT_END_LINES: Final[frozenset[str]] = frozenset({"SEND", "Send"})
COMMENT_FURNITURE_LINES: Final[frozenset[str]] = frozenset(
    {"Reply", "Flag", "Report", "Like", "Load more comments", "Show more comments", "Delete"}
)

# A member's share page: entries closed by "Visibility: Everyone" and "Posted: Oct 6, 2010 10:04am".
SHARE_VISIBILITY_RE: Final[re.Pattern[str]] = re.compile(r"^visibility:\s*\w+$", re.IGNORECASE)
SHARE_POSTED_RE: Final[re.Pattern[str]] = re.compile(r"^posted:\s*\w+", re.IGNORECASE)
# A group discussion: its navigation lines ...
DISCUSSION_MARKERS: Final[frozenset[str]] = frozenset(
    {"group discussions", "« back to topics", "| track thread", "track thread"}
)
# ... and, in the layout that shows them, post headers ("please send petitions! May 12, 2005
# 4:18 AM") with the post's body after them, closed by the "[ send green star]" link.
_MONTH: Final = "|".join(sorted(MONTHS, key=len, reverse=True))
POST_HEADER_RE: Final[re.Pattern[str]] = re.compile(
    rf"^(?P<subject>.{{1,150}}?)\s+(?P<posted>(?:{_MONTH})\.?\s+\d{{1,2}},\s+\d{{4}}"
    r"\s+\d{1,2}:\d{2}\s*[ap]m)$",
    re.IGNORECASE,
)
POST_END_RE: Final[re.Pattern[str]] = re.compile(
    r"\s*\[\s*send green star\s*\](?:\s*\[\s*accepted\s*\])?\s*$", re.IGNORECASE
)
# Care2 URLs and the kind they hint at (member pages, group threads, petitions).
URL_KINDS: Final[tuple[tuple[re.Pattern[str], PageKind], ...]] = (
    (re.compile(r"/c2c/share/|/c2c/people/", re.IGNORECASE), "profile"),
    (re.compile(r"/c2c/groups/disc", re.IGNORECASE), "discussion"),
)


def is_share_page(lines: Sequence[str]) -> bool:
    """Entries each closed by a visibility line and a "Posted:" date: a member's share page."""
    # map() keeps the loop over every line of the page in C; `any` stops at the first.
    return any(map(SHARE_VISIBILITY_RE.match, lines)) and any(map(SHARE_POSTED_RE.match, lines))


def is_group_discussion(lines: Sequence[str]) -> bool:
    marked = sum(map(DISCUSSION_MARKERS.__contains__, map(str.lower, map(str.strip, lines))))
    if marked >= 2:
        return True
    posts = sum(1 for line in lines if "green star" in line and POST_END_RE.search(line))
    return posts >= 2


def page_kind(lines: Sequence[str], url: str | None) -> PageKindVerdict | None:
    """Care2's own page kinds, from its layouts; None leaves the page to the generic rule."""
    if is_group_discussion(lines):
        return PageKindVerdict.of("discussion", "Care2 group discussion (topic navigation, posts)")
    if is_share_page(lines):
        return PageKindVerdict.of(
            "profile", "Care2 member's share page (entries with Visibility: and Posted: lines)"
        )
    if sum(map(bool, map(SITE_STATISTICS_RE.match, lines))) >= 2:
        return PageKindVerdict.of("other", "Care2 promotion page: the site's statistics, no story")
    for pattern, kind in URL_KINDS:
        if url and pattern.search(url):
            return PageKindVerdict.of(kind, f"Care2 {kind} URL")
    return None
