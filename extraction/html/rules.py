"""Extraction rules as data: boilerplate, body and comment tables that the HTML code applies.

Tuning extraction means editing a table here, not a function (the idea of trafilatura's
``COMMENTS_XPATH``/``DISCARD_XPATH`` tables). Selectors are CSS; they are compiled once, on import
of the module that applies them.
"""

from __future__ import annotations

import re
from typing import Final

from extraction.rules import page

# Elements never part of any text we return: code, media, forms, and other page machinery.
DISCARD_TAGS: Final[frozenset[str]] = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "svg",
        "math",
        "canvas",
        "video",
        "audio",
        "picture",
        "img",
        "map",
        "button",
        "input",
        "select",
        "option",
        "textarea",
        "nav",
        "menu",
        "dialog",
        "head",
        "link",
        "meta",
        # Images and their captions: captions become photo_credit, never body text.
        "figure",
        "figcaption",
    }
)

# Structural page furniture: dropped from the body unless it is the element chosen as the article.
FURNITURE_TAGS: Final[frozenset[str]] = frozenset({"header", "footer", "aside"})

# Attribute values that mark furniture wherever it sits in the page (checked per element, which is
# several times faster than the equivalent CSS on news-sized pages). None means "present at all".
DISCARD_ATTRIBUTES: Final[dict[str, frozenset[str] | None]] = {
    "hidden": None,
    "aria-hidden": frozenset({"true"}),
    "role": frozenset(
        {"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu"}
    ),
    "itemprop": frozenset({"comment"}),
}
# Inline styles that hide an element (compared with white space removed).
DISCARD_STYLES: Final[tuple[str, ...]] = ("display:none", "visibility:hidden")
# Exact class tokens of furniture that BOILERPLATE_WORDS does not catch.
DISCARD_CLASSES: Final[frozenset[str]] = frozenset(
    {
        "wp-caption-text",
        "sharedaddy",
        "jp-relatedposts",
        "screen-reader-text",
        "sr-only",
        "visually-hidden",
    }
)

# class/id words (split on non-letters) that mark furniture. A node whose class or id carries one
# of these, and none of KEEP_WORDS, is dropped before the body is scored (readability's
# "unlikely candidates").
BOILERPLATE_WORDS: Final[frozenset[str]] = frozenset(
    {
        "breadcrumb",
        "breadcrumbs",
        "byline",
        "comment",
        "comments",
        "commentlist",
        "consent",
        "cookie",
        "cookies",
        "disqus",
        "dateline",
        "gdpr",
        "masthead",
        "menu",
        "navbar",
        "navigation",
        "newsletter",
        "outbrain",
        "popup",
        "recirc",
        "recommended",
        "related",
        "share",
        "sharing",
        "sharebar",
        "social",
        "subscribe",
        "subscription",
        "taboola",
        "toolbar",
        "trending",
        "petition",
        "postmetadata",
        "caption",
        "credit",
        "credits",
        "tooltip",
        "pagination",
    }
)

# Words that mark furniture only when the element is small: "ad" or "sidebar" also name the
# layout wrappers some sites put around the whole article ("Page-ad-margins", "penci_sidebar").
BOILERPLATE_WORDS_IF_SMALL: Final[frozenset[str]] = frozenset(
    {
        "ad",
        "ads",
        "advert",
        "advertisement",
        "advertising",
        "adslot",
        "adunit",
        "banner",
        "sidebar",
        "widget",
        "hidden",
        "hide",
        "print",
        "skip",
        "meta",
        "timestamp",
        "author",
        "bio",
        "promo",
        "promotion",
        "signup",
        "footer",
        "modal",
        "paywall",
        "tags",
        "sponsor",
        "sponsored",
        "donate",
    }
)
# Elements dropped only when small (ASP.NET pages wrap the whole page in one <form>).
DISCARD_TAGS_IF_SMALL: Final[frozenset[str]] = frozenset({"form"})
# "Small": fewer <p> descendants than this.
SMALL_MAX_PARAGRAPHS: Final[int] = 3

# Words that veto a boilerplate match: an element named "article-body share-enabled" is content.
KEEP_WORDS: Final[frozenset[str]] = frozenset(
    {
        "article",
        "body",
        "content",
        "main",
        "story",
        "entry",
        "post",
        "text",
        "prose",
        "blog",
    }
)

# class/id words of comment sections: times and names inside them are not the article's.
COMMENT_SECTION_WORDS: Final[frozenset[str]] = frozenset(
    {"comment", "comments", "commentlist", "disqus", "respond"}
)

# Words that keep an element whatever else its class says: embedded posts ("social-media-embed",
# "twitter-tweet") are quoted material of the article, not share buttons.
EMBED_WORDS: Final[frozenset[str]] = frozenset({"embed", "embedded", "tweet"})

# Tags whose class/id is never checked against BOILERPLATE_WORDS (the page scaffolding).
NEVER_DISCARD_TAGS: Final[frozenset[str]] = frozenset({"html", "body", "main", "article"})

# Elements that start a new paragraph when the body is flattened into text.
BLOCK_TAGS: Final[frozenset[str]] = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tr",
        "td",
        "th",
        "hr",
        "address",
        "center",
        "details",
        "summary",
        "figure",
        "body",
        "html",
    }
)

HEADING_TAGS: Final[frozenset[str]] = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Scoring of body candidates (readability-style): tags that hold paragraphs of prose, and class
# or id words that raise or lower an element's weight as the article container.
# Starting weight of a candidate container by tag: articles and divs hold prose, lists and
# headings rarely are the article themselves.
TAG_WEIGHTS: Final[dict[str, int]] = {
    "article": 10,
    "main": 5,
    "div": 5,
    "section": 3,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "li": -3,
    "th": -5,
    "h1": -5,
    "h2": -5,
    "h3": -5,
}
POSITIVE_WORDS: Final[frozenset[str]] = frozenset(
    {"article", "body", "content", "entry", "main", "post", "story", "text", "prose", "blog"}
)
NEGATIVE_WORDS: Final[frozenset[str]] = frozenset(
    {"comment", "comments", "footer", "sidebar", "related", "promo", "widget", "teaser", "card"}
)
# Characters an element needs before a positive class word ("content", "article") counts.
MIN_CLASS_BONUS_CHARS: Final[int] = 400
# Minimum characters of a paragraph for it to count towards its container's score.
MIN_SCORED_PARAGRAPH_CHARS: Final[int] = 25

# Whole paragraphs that are page furniture, the credit patterns of captions, and the petition
# sentence are the shared page rulebook's (extraction/rules/page.py): text dumps use the same ones.
FURNITURE_LINES: Final[tuple[re.Pattern[str], ...]] = page.FURNITURE_LINES
PHOTO_CREDIT_PATTERNS: Final[tuple[re.Pattern[str], ...]] = page.PHOTO_CREDIT_PATTERNS
MAX_PHOTO_CREDIT_CHARS: Final[int] = page.MAX_PHOTO_CREDIT_CHARS
PETITION_SIGNATURES_RE: Final[re.Pattern[str]] = page.PETITION_SIGNATURES_RE
# Elements that hold the credit itself ("Photo: Mia Chen" or just "Mia Chen").
PHOTO_CREDIT_CSS: Final[tuple[str, ...]] = (
    "[class~='photo-credit']",
    "[class~='photo_credit']",
    "[class~='image-credit']",
    "[class~='credit']",
)
# Captions: a credit only where a marker introduces one.
CAPTION_CSS: Final[tuple[str, ...]] = (
    "figure figcaption",
    "figcaption",
    ".wp-caption-text",
    "[class~='caption']",
)

# Elements whose text may state the comment count (Disqus links, WordPress titles, page widgets).
COMMENT_COUNT_CSS: Final[tuple[str, ...]] = (
    ".comments-title",
    "#comments-title",
    ".comment-count",
    ".comments-count",
    ".disqus-comment-count",
    "a[href$='#disqus_thread']",
    "a[href$='#comments']",
    "h2#comments",
    "h3#comments",
    "#comments > h2",
    "#comments > h3",
    "#comments > h4",
    "[class*='comments'] > h2",
    "[class*='comments'] > h3",
    "[class*='comments'] > h4",
    "[class~='comment_count']",
    "[class~='comments_count']",
)

PETITION_CSS: Final[tuple[str, ...]] = (
    "[class~='petition']",
    "[class~='petition-box']",
    "[class~='take-action']",
)

# Where the visible page names the author when no metadata does (microdata, hCard, rel=author).
BYLINE_CSS: Final[tuple[str, ...]] = (
    "[itemprop='author'] [itemprop='name']",
    "[itemprop='author']",
    ".post-author .fn",
    ".byline .author",
    "a[rel='author']",
)
# Where a page states its publication time when no metadata does.
PUBLISHED_CSS: Final[tuple[str, ...]] = (
    "time[datetime]",
    "abbr.published[title]",
    "[itemprop='datePublished']",
)
# Separators between the headline and the site name in a <title>.
TITLE_SEPARATORS_RE: Final[re.Pattern[str]] = re.compile(r"\s+(?:[|»–—-]|::)\s+")

# JSON-LD @type values that describe the article itself.
ARTICLE_TYPES: Final[frozenset[str]] = frozenset(
    {
        "Article",
        "NewsArticle",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "LiveBlogPosting",
        "WebPage",
    }
)

# <meta> names/properties read for each field, best first.
META_TITLE: Final[tuple[str, ...]] = ("og:title", "twitter:title", "title", "sailthru.title")
META_URL: Final[tuple[str, ...]] = ("og:url", "twitter:url")
META_AUTHOR: Final[tuple[str, ...]] = (
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "sailthru.author",
    "parsely-author",
)
META_PUBLISHED: Final[tuple[str, ...]] = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "date",
    "sailthru.date",
    "parsely-pub-date",
)
