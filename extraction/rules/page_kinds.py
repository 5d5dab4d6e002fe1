"""The page-kind rule's tables: declared types, URL shapes and the thresholds of page structure.

`extraction/page_kind.py` applies them in a fixed order (docs/page-kinds.md). The thresholds
were tuned on our own page fixtures and on the tuned half of the readability development set
(bench/page_kinds.py reports the other half as unseen).
"""

from __future__ import annotations

import re
from typing import Final

from extraction.records import PageKind

# schema.org @type values (JSON-LD or microdata) that say the page is an article ...
ARTICLE_TYPES: Final[frozenset[str]] = frozenset(
    {
        "Article",
        "NewsArticle",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "og:article",
    }
)
# Declarations that forum software writes on every topic page (WoltLab, Vanilla, Discourse set
# og:type "article"): they do not outweigh a forum URL whose posts were read as rows.
WEAK_ARTICLE_TYPES: Final[frozenset[str]] = frozenset({"og:article"})
# ... and those that say it is another kind of page. "WebPage", "WebSite", "Person" or
# "Organization" say nothing: article pages carry them too (a Yoast @graph holds all four).
DECLARED_KINDS: Final[dict[str, PageKind]] = {
    "CollectionPage": "listing",
    "SearchResultsPage": "listing",
    "ProfilePage": "profile",
    "og:profile": "profile",
    "DiscussionForumPosting": "discussion",
    "QAPage": "discussion",
    "Product": "other",
    "og:product": "other",
    "Event": "other",
    "JobPosting": "other",
}

# URL paths that hint at a kind. A hint alone decides nothing: it lowers the structure a page
# needs to show before it is called that kind.
URL_HINTS: Final[tuple[tuple[PageKind, re.Pattern[str]], ...]] = (
    ("petition", re.compile(r"/(?:petitions?|sign)(?:/|\.html|$)|thepetitionsite\.com", re.I)),
    (
        "discussion",
        re.compile(
            # A forum section may be named for its subject ("/travel-forum/<board>/<topic>").
            r"/(?:forums?|threads?|viewtopic|discussions?|disc\.html|t/\d+)(?:[/?.]|$)"
            r"|^https?://[^/]+/[\w-]+-forums?/[^/?#]",
            re.I,
        ),
    ),
    ("profile", re.compile(r"/(?:users?|members?|profiles?|people|~[\w.-]+)(?:/|$)", re.I)),
    (
        "listing",
        re.compile(
            r"/(?:tags?|category|categories|topics?|sections?|archives?|search|page/\d+)(?:[/?.]|$)"
            r"|[?&](?:s|q|tag|page)=",
            re.I,
        ),
    ),
)

# A prose paragraph: at least this many characters (readability's own minimum; characters, not
# words, so that Chinese and Japanese pages count alike) and not a truncated excerpt.
PROSE_PARAGRAPH_CHARS: Final[int] = 140
# An article shows a run of at least this many consecutive prose paragraphs ...
PROSE_RUN: Final[int] = 3
# ... a listing at least this many teasers (a headline linking elsewhere with a short excerpt),
# or this many when its URL hints at a listing.
LISTING_MIN_TEASERS: Final[int] = 5
HINTED_LISTING_MIN_TEASERS: Final[int] = 3
# A page with a listing's teasers but fewer of them inside its body than a listing shows is an
# article when its body holds at least this many characters of prose paragraphs, and prose is
# at least this share of its text (tuned on WCEB-2025's tuned half: 5 article pages kept, no
# listing or collection page let in).
MAIN_TEXT_PROSE_CHARS: Final[int] = 1500
MAIN_TEXT_PROSE_SHARE: Final[float] = 0.7
# A teaser block holds at most this much text (headline, excerpt, date, "Read more").
MAX_TEASER_CHARS: Final[int] = 600
# A headline: a short block, at most this many words, not ending like a sentence.
MAX_HEADLINE_WORDS: Final[int] = 16
# Excerpts cut short end like this ("…", "[…]", "Read more").
TRUNCATION_RE: Final[re.Pattern[str]] = re.compile(
    r"(?:…|\.\.\.|\[(?:…|\.\.\.)\]|\(more\)|read more|continue reading|more\s*»|»)\s*$",
    re.IGNORECASE,
)
# An HTML page that declares no article and whose body holds fewer characters than this has no
# article text: error, login and landing pages. Text dumps are exempt: a title with no body is an
# emptied or paywalled article (see docs/page-kinds.md).
THIN_PAGE_CHARS: Final[int] = 250
# Dated lines (post headers) a page with a discussion URL shows before it is called a thread.
DISCUSSION_MIN_DATED_LINES: Final[int] = 3
