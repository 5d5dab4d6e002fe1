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

# Elements whose content is never visible text (scripts and styles are text nodes to lxml): the
# density measure and the body never look inside them.
INVISIBLE_TAGS: Final[frozenset[str]] = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "svg",
        "math",
        "canvas",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "video",
        "audio",
        "picture",
        "map",
        "select",
        "option",
        "textarea",
        "link",
        "meta",
        "img",
        "input",
    }
)

# Structural page furniture: dropped from the body unless it is the element chosen as the article.
FURNITURE_TAGS: Final[frozenset[str]] = frozenset({"header", "footer", "aside"})
# A <header> inside these is the article's own (headline, standfirst), not the site's.
ARTICLE_HEADER_PARENTS: Final[frozenset[str]] = frozenset({"article"})

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
        # A "sign the petition" box is furniture; a petition page's letter is its body.
        "petition",
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

# --- comments found by their shape (comment_shape.py) ---------------------------------------
# class/id words of an element that may hold a list of reader comments, in the languages whose
# templates name them so. Only a place to look: the items must still repeat and carry text.
COMMENT_AREA_WORDS: Final[frozenset[str]] = frozenset(
    {
        "comment",
        "comments",
        "commentlist",
        "commentslist",
        "commentlisting",
        "discussion",
        "disqus",
        "replies",
        "responses",
        "reactions",
        "talkback",
        "talkbacks",
        "kommentar",
        "kommentare",
        "kommentarer",
        "commentaire",
        "commentaires",
        "comentario",
        "comentarios",
        "commenti",
        "commento",
        "reactie",
        "reacties",
        "komentar",
        "komentare",
        "komentarze",
        "yorum",
        "yorumlar",
    }
)
# Classes of a reply list that follows its comment as a sibling instead of nesting in it
# (Drupal core: <article class="comment">...</article><div class="indented">replies</div>).
SIBLING_REPLY_CLASSES: Final[frozenset[str]] = frozenset({"indented"})
# class/id words of sidebar widgets that list other pages' comments.
COMMENT_WIDGET_WORDS: Final[frozenset[str]] = frozenset(
    {"recentcomments", "recent", "sidebar", "popular", "latest", "mostcommented", "discussed"}
)
# Class tokens that differ between items of one comment list (parity, depth, state, ids);
# tokens holding a digit are ignored as well.
COMMENT_VARIANT_TOKENS: Final[frozenset[str]] = frozenset(
    {
        "odd",
        "even",
        "alt",
        "thread-odd",
        "thread-even",
        "thread-alt",
        "byuser",
        "bypostauthor",
        "first",
        "last",
        "clearfix",
        "parent",
        "highlighted",
        "highlight",
        "new",
        "unread",
        "collapsed",
        "expanded",
        "selected",
        "active",
        "staff",
        "moderator",
        "admin",
    }
)
# class/id words of the element naming a comment's author.
COMMENT_AUTHOR_WORDS: Final[frozenset[str]] = frozenset(
    {
        "author",
        "authorname",
        "user",
        "username",
        "name",
        "nick",
        "nickname",
        "poster",
        "commenter",
        "fn",
        "creator",
        "member",
        "byline",
    }
)
# class/id words of the element showing when a comment was posted.
COMMENT_TIME_WORDS: Final[frozenset[str]] = frozenset(
    {"date", "time", "timestamp", "datetime", "posted", "published", "ago", "when", "timeago"}
)
# class/id words of the parts of a comment that are not its text (the words in
# COMMENT_TEXT_WORDS veto them: "comment-content" is the text).
COMMENT_FURNITURE_WORDS: Final[frozenset[str]] = frozenset(
    {
        "reply",
        "meta",
        "metadata",
        "commentmetadata",
        "actions",
        "action",
        "tools",
        "toolbar",
        "vote",
        "votes",
        "voting",
        "rating",
        "avatar",
        "share",
        "sharing",
        "report",
        "edit",
        "permalink",
        "like",
        "likes",
        "flag",
        "moderation",
        "head",
        "header",
        "footer",
        "signature",
        "badge",
        "badges",
        "controls",
        "menu",
    }
)
COMMENT_TEXT_WORDS: Final[frozenset[str]] = frozenset(
    {"content", "text", "body", "message", "entry", "comment-text", "post-message"}
)
# Whole lines inside a comment that are its buttons and labels, not its text.
COMMENT_FURNITURE_LINES: Final[re.Pattern[str]] = re.compile(
    r"(?:\[?\s*(?:reply|replies|report|quote|like|likes|unlike|share|permalink|link|flag|edit|"
    r"comment|comments|kommentar|kommentieren|commentaire|comentario|commenta|"
    r"delete|log in to reply|login to reply|reply to this comment|report abuse|"
    r"antworten|melden|répondre|signaler|responder|rispondi|beantwoorden|odpowiedz)"
    r"\s*\]?|\W*\d*\W*|says:?|said\W*|wrote:?)",
    re.IGNORECASE,
)
# Shown times in words or digits: "October 23, 2012 at 8:38 pm", "23.10.2012 20:38", "5 years
# ago", "vor 3 Tagen", "il y a 2 jours", "hace 3 días".
COMMENT_TIME_TEXT_RE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:1[89]|20)\d{2}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"
    r"|\bago\b|\bvor\s+\d|\bil y a\b|\bhace\s+\d|\bfa\b|\bgeleden\b|\btemu\b"
    r"|\b(?:yesterday|today|gestern|heute|hier|aujourd|ayer|hoy|ieri|oggi)\b",
    re.IGNORECASE,
)
# A name introduced in words: "Posted by: Megan Sullivan |", "Written by Ana on ...".
COMMENT_POSTED_BY_RE: Final[re.Pattern[str]] = re.compile(
    r"^(?:(?:posted|written|submitted|comment(?:ed)?|geschrieben|publié|publicado|scritto)\s+)?"
    r"(?:by|von|par|por|da)\s*:?\s*([^|·•]{0,60}?)\s*(?:\||·|•|$|\s(?:on|at|am|le|el)\s)",
    re.IGNORECASE,
)
# A comment's first line holding its name and time: "Heather on October 23rd, 2012 1:37 pm".
COMMENT_LABEL_LINE_RE: Final[re.Pattern[str]] = re.compile(
    r"^(?P<name>[^|·•]{1,60}?)\s*(?:\bon\b|\bam\b|\ble\b|\||·|•|–|—|\s-|,|\bsaid\b|\bsays\b|"
    r"\bwrote\b)\s*:?\s*(?P<time>[^|]{1,60})$",
    re.IGNORECASE,
)
# A name or a shown time is short; longer text is the comment itself.
MAX_COMMENT_LABEL_CHARS: Final[int] = 80
# A comment list repeats at least this many items, and this share of them carry text.
MIN_COMMENT_ITEMS: Final[int] = 2
MIN_COMMENT_TEXT_SHARE: Final[float] = 0.6
# A list one of whose items holds this share of the page's prose is the page's sections (the
# article among them), not its comments.
ARTICLE_IN_LIST_SHARE: Final[float] = 0.5

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
# Elements that structure data inside an article (a table, a list): when one of them scores best
# as the container, the article is the element holding it (with the paragraphs around it).
STRUCTURE_TAGS: Final[frozenset[str]] = frozenset(
    {"table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl"}
)

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
# Minimum characters of a paragraph for it to count towards its container's score (wide-script
# characters count three, see density.text_units).
MIN_SCORED_PARAGRAPH_CHARS: Final[int] = 25
# Points a positive or negative class word adds to or takes from a container's score.
CLASS_WEIGHT: Final[int] = 25
# Commas of every script count towards a paragraph's score.
COMMAS: Final[tuple[str, ...]] = (",", "，", "、", "،", "؛")
# A line shorter than this (in text units) that ends no sentence scores this share of a
# paragraph: names in a list of signatories, captions, link texts.
SHORT_LINE_UNITS: Final[int] = 100
SHORT_LINE_FACTOR: Final[float] = 0.25

# Text density (density.py): a text block is an element's own text outside its block
# descendants; it is prose when it has at least MIN_BLOCK_CHARS characters and less than
# MAX_PROSE_LINK_SHARE of them in links.
MIN_BLOCK_CHARS: Final[int] = 20
MAX_PROSE_LINK_SHARE: Final[float] = 0.5
# A body paragraph with at least this share of its characters in links is a list of links
# (related stories, a tag cloud) and is dropped; below it, a linked item of the article (a
# product with its price, a reference with its source) stays.
MAX_PARAGRAPH_LINK_SHARE: Final[float] = 0.8
# An ancestor of the best container replaces it when it scores at least this share of the
# container's score and holds at least this share of the page's prose more.
WIDEN_SCORE_SHARE: Final[float] = 0.6
# Candidates scoring this share of the best one are its alternatives; when this many of them
# share an ancestor with it, that ancestor is the article (Readability's rule).
ALTERNATIVE_SCORE_SHARE: Final[float] = 0.75
# A reading that keeps little of the page's prose may widen to the nearest ancestor holding
# this share of it, if prose is at least this share of that ancestor's text.
EXPANDED_PROSE_SHARE: Final[float] = 0.6
EXPANDED_MIN_DENSITY: Final[float] = 0.6
EXPANDED_MAX_ADDED_LINKS: Final[float] = 0.2
MIN_ALTERNATIVES: Final[int] = 3
WIDEN_MIN_GAIN: Final[float] = 0.2
# Cleaning never drops an element holding at least this share of the page's prose (a page
# wrapped whole in a <form>, an unclosed <aside> or <button>, a "sidebar-layout" div).
PROTECTED_PROSE_SHARE: Final[float] = 0.5
# "Small", for the class words and tags that mark furniture only when small: less than this
# share of the page's prose.
SMALL_PROSE_SHARE: Final[float] = 0.2

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

# A link to the writer's profile page: "/author/amanda/", "/authors/emily-walker/"; its text
# is a name only when short (a linked author box holds the biography too).
AUTHOR_LINK_WORDS: Final[tuple[str, ...]] = (
    "author",
    "authors",
    "autor",
    "autoren",
    "auteur",
    "contributor",
    "contributors",
)
AUTHOR_LINK_CSS: Final[tuple[str, ...]] = tuple(f"a[href*='/{w}/']" for w in AUTHOR_LINK_WORDS)
AUTHOR_LINK_RE: Final[re.Pattern[str]] = re.compile(
    "/(?:" + "|".join(AUTHOR_LINK_WORDS) + ")/", re.IGNORECASE
)
MAX_AUTHOR_LINK_WORDS: Final[int] = 5
# Where the visible page names the author when no metadata does, best first: microdata and
# rel=author, then elements whose class or id says byline or author (any language's template
# writes these words in English).
BYLINE_CSS: Final[tuple[str, ...]] = (
    "[itemprop='author'] [itemprop='name']",
    "[itemprop='author']",
    "a[rel~='author']",
    *AUTHOR_LINK_CSS,
    "[class*='byline']",
    "[id*='byline']",
    "[class*='author-name'], [class*='authorname'], [class*='author__name']",
    "[class*='author']:not(body):not(html):not(article)",
    "[class*='Author']:not(body):not(html):not(article)",
)
# Children of a byline element that are one name each ("author-list__item").
BYLINE_ITEM_RE: Final[re.Pattern[str]] = re.compile(r"item|name|author", re.IGNORECASE)
# What precedes the names: "By", "Von", "Par", "Text:", "Autor:", "Written by", "Posted by".
BYLINE_PREFIX_RE: Final[re.Pattern[str]] = re.compile(
    r"^(?:(?:this\s+(?:post|article|story)\s+(?:was\s+)?)?"
    r"(?:written|posted|published|reported|text|story|words|edited)\s+by\b|by\b|von\b|"
    r"author\b(?!s)|autor\b|auteur\b|"
    r"par\b|por\b|di\b|door\b|av\b|af\b|od\b|de\b|text\s*:|autor(?:in)?\s*:|auteur\s*:|"
    r"author\s*:|redaktion\s*:)\s*:?\s*",
    re.IGNORECASE,
)
# Where the names end: a date or time, a separator, a handle, "Updated", a newline of roles.
BYLINE_TAIL_RE: Final[re.Pattern[str]] = re.compile(
    r"\s*(?:\||•|·|\s@|\bupdated\b|\bpublished\b|\baktualisiert\b|\bon\s+\w+day\b|"
    r"\b\d+\s+min(?:ute)?s?\s+read\b|\bposts?:|\bjoined\b|\b\d+\s+comments?\b|"
    r"\s(?:written|edited)\s+by\b|"
    r"\b(?:19|20)\d\d\b|\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:h|hours?|min|minutes?)\s+ago\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|"
    r"\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)",
    re.IGNORECASE,
)
# A byline element's label alone, with no name in it.
BYLINE_LABEL_ONLY_RE: Final[re.Pattern[str]] = re.compile(
    r"(?:(?:topic|post|article|thread)\s+)?(?:author|autor|auteur|by|von|written by|posted by)s?",
    re.IGNORECASE,
)
# Staff codes after a name: "Elena Oberholzer (obe)".
BYLINE_CODE_RE: Final[re.Pattern[str]] = re.compile(r"\s*\([a-z]{2,4}\.?\)", re.IGNORECASE)
# Link texts in a byline element that are not names.
BYLINE_NOT_NAME_RE: Final[re.Pattern[str]] = re.compile(
    r"^(?:follow|folgen|suivre|seguir|segui|more|mehr|all|view|see|contact|email|twitter|"
    r"facebook|quelle|source|fuente|fonte|subscribe|unsubscribe|connect|share|read)\b|@|"
    r"^posts?$",
    re.IGNORECASE,
)
MAX_BYLINE_CHARS: Final[int] = 100
# Yoast SEO's reading-time table, "twitter:label1" = "Written by", "twitter:data1" = the name
# (the label is in the site's language).
META_AUTHOR_LABEL_RE: Final[re.Pattern[str]] = re.compile(
    r"^(?:written by|by|author|autor|auteur|autore|geschrieben von|écrit par|escrito por|"
    r"scritto da|geschreven door|skrevet af|skrivet av|napisane przez|napsal)\s*:?$",
    re.IGNORECASE,
)
# A short line printed by the headline that is a byline: "By Jane Doe", "Written by Jane Doe".
BYLINE_LINE_RE: Final[re.Pattern[str]] = re.compile(
    r"^(?:(?:written|posted|reported)\s+by|by|von|par|por|door)\s*:?\s+(?=\S)", re.IGNORECASE
)
# Elements after the first <h1> searched for a printed date (a dateline sits by the headline).
DATELINE_SEARCH_ELEMENTS: Final[int] = 80
# ... and before it, in its header block (a date printed above the headline).
DATELINE_SEARCH_BEFORE: Final[int] = 12
# Where a page prints its date when no metadata gives one.
DATELINE_CSS: Final[tuple[str, ...]] = (
    "time[datetime]",
    "abbr.published[title]",
    "[itemprop='datePublished']",
    "[class*='publish'], [class*='dateline'], [class*='pubdate']",
    "[class*='date']:not(body):not(html), [class*='time']:not(body):not(html)",
)
# Separators between the headline and the site name in a <title>.
TITLE_SEPARATORS_RE: Final[re.Pattern[str]] = re.compile(r"\s+(?:[|»–—•·-]|::)\s+")
# The same separator at the end (after the headline) or the start (before it) of a part.
TITLE_SEPARATOR_END_RE: Final[re.Pattern[str]] = re.compile(r"\s*(?:[|»–—•·-]|::)\s*$")
TITLE_SEPARATOR_START_RE: Final[re.Pattern[str]] = re.compile(r"^\s*(?:[|»–—•·-]|::)\s*")

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
        "DiscussionForumPosting",
        "SocialMediaPosting",
        "WebPage",
    }
)

# <meta> names/properties read for each field, best first.
META_TITLE: Final[tuple[str, ...]] = (
    # Dublin Core first: a page that bothers to write it means it (OpenGraph is often a
    # social-media variant of the headline).
    "dc.title",
    "dc:title",
    "dcterms.title",
    "og:title",
    "twitter:title",
    "parsely-title",
    "sailthru.title",
    "title",
)
# <meta> names of the site's own name (stripped from titles, never a byline).
META_SITE_NAME: Final[tuple[str, ...]] = (
    "og:site_name",
    "application-name",
    "twitter:site",
    "publisher",
    "copyright",
)
META_URL: Final[tuple[str, ...]] = ("og:url", "twitter:url")
META_AUTHOR: Final[tuple[str, ...]] = (
    "author",
    "dc.creator",
    "dc:creator",
    "dcterms.creator",
    "article:author",
    "byl",
    "sailthru.author",
    "parsely-author",
)
# Any other <meta> name that says author ("cXenseParse:author", "og:article:author"), read
# after META_AUTHOR; a value that is a URL (Facebook's article:author) is refused as a byline.
META_AUTHOR_NAME_RE: Final[re.Pattern[str]] = re.compile(r"(?:^|[:._-])author$")
# Block children of an author card: its first line is the name, the others a role or a bio.
AUTHOR_CARD_LINE_TAGS: Final[frozenset[str]] = frozenset({"p", "div", "span", "h3", "h4", "h5"})
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
    "article:published",
    "og:published_time",
    "dc.date.created",
    "dcterms.created",
    "dcterms.date",
)
# Other <meta> names that hold the publication time.
META_PUBLISHED_NAME_RE: Final[re.Pattern[str]] = re.compile(
    r"publish|publication|pubdate|date\.?created|dateissued|release|^[a-z]+\.date$",
    re.IGNORECASE,
)

# --- timestamps and dates (dates.py) --------------------------------------------------------
# Zone abbreviations pages print after a time, in hours from UTC. "IST" is read as India's.
TIMEZONE_ABBREVIATIONS: Final[dict[str, float]] = {
    "UTC": 0,
    "GMT": 0,
    "UT": 0,
    "WET": 0,
    "WEST": 1,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "MEZ": 1,
    "MESZ": 2,
    "EET": 2,
    "EEST": 3,
    "MSK": 3,
    "IST": 5.5,
    "SGT": 8,
    "HKT": 8,
    "AWST": 8,
    "JST": 9,
    "KST": 9,
    "ACST": 9.5,
    "AEST": 10,
    "AEDT": 11,
    "NZST": 12,
    "NZDT": 13,
    "AST": -4,
    "ADT": -3,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "AKST": -9,
    "AKDT": -8,
    "HST": -10,
}

# Month names and abbreviations of the languages most news pages are written in.
_MONTHS: Final[tuple[tuple[str, ...], ...]] = (
    (
        "january",
        "jan",
        "januar",
        "janvier",
        "janv",
        "enero",
        "ene",
        "gennaio",
        "gen",
        "janeiro",
        "januari",
        "jänner",
        "jän",
        "stycznia",
        "styczeń",
        "ocak",
    ),
    (
        "february",
        "feb",
        "februar",
        "février",
        "févr",
        "fevr",
        "febrero",
        "febbraio",
        "fevereiro",
        "fev",
        "februari",
        "lutego",
        "luty",
        "şubat",
    ),
    ("march", "mar", "märz", "mär", "mars", "marzo", "março", "maart", "marca", "marzec", "mart"),
    ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "nisan"),
    ("may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja", "mayıs"),
    ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwca", "haziran"),
    (
        "july",
        "jul",
        "juli",
        "juillet",
        "juil",
        "julio",
        "luglio",
        "lug",
        "julho",
        "lipca",
        "temmuz",
    ),
    (
        "august",
        "aug",
        "août",
        "aout",
        "agosto",
        "ago",
        "augustus",
        "augusti",
        "sierpnia",
        "ağustos",
    ),
    (
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "settembre",
        "set",
        "setembro",
        "września",
        "eylül",
    ),
    (
        "october",
        "oct",
        "oktober",
        "okt",
        "octobre",
        "octubre",
        "ottobre",
        "ott",
        "outubro",
        "out",
        "października",
        "ekim",
    ),
    ("november", "nov", "novembre", "noviembre", "novembro", "listopada", "kasım"),
    (
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
        "grudnia",
        "aralık",
    ),
)
MONTH_NAMES: Final[dict[str, int]] = {
    name: number for number, names in enumerate(_MONTHS, start=1) for name in names
}
# A date printed for readers: 2024-05-03, 2024/05/03, 2024年5月3日, 2024년 5월 3일, 03.05.2024,
# 3. Mai 2024, 3 de mayo de 2024, May 3rd, 2024, 17th February 2013, "Published on 01/25/26".
# Month words are checked against MONTH_NAMES.
VISIBLE_DATE_RE: Final[re.Pattern[str]] = re.compile(
    r"(?P<iso_y>(?:19|20)\d\d)[-/](?P<iso_m>\d{1,2})[-/](?P<iso_d>\d{1,2})(?!\d)"
    r"|(?P<cjk_y>(?:19|20)\d\d)\s*[年년]\s*(?P<cjk_m>\d{1,2})\s*[月월]\s*(?P<cjk_d>\d{1,2})"
    r"|(?<!\d)(?P<num_a>\d{1,2})[./](?P<num_b>\d{1,2})[./](?P<num_y>(?:19|20)\d\d)(?!\d)"
    r"|(?<!\d)(?P<dm_d>\d{1,2})(?:\.|º|er|st|nd|rd|th)?\s*(?:de\s+)?(?P<dm_m>[^\W\d_]{3,}\.?)\s*(?:de\s+)?,?"
    r"\s*(?P<dm_y>(?:19|20)\d\d)(?!\d)"
    r"|(?P<md_m>[^\W\d_]{3,}\.?)\s+(?P<md_d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<md_y>(?:19|20)\d\d)"
    r"(?!\d)"
    r"|(?P<ym_y>(?:19|20)\d\d)\s+(?P<ym_m>[^\W\d_]{3,}\.?)\s+(?P<ym_d>\d{1,2})(?!\d)"
    # "Published on 01/25/26": a two-digit year only after a word that says what it dates.
    r"|(?i:published|updated|posted)(?:\s+on)?\s*:?\s+"
    r"(?P<short_a>\d{1,2})/(?P<short_b>\d{1,2})/(?P<short_y>\d\d)(?![\d/])",
)

# --- printed bylines: labels, roles, furniture (metadata.py) --------------------------------
# A label printed alone in its own element, the name in the element after it ("<div>Written
# by</div><div>Jack Shepherd</div>"), in the languages whose templates print one.
BYLINE_LABEL_RE: Final[re.Pattern[str]] = re.compile(
    r"(?:written|posted|published|reported|text)\s+by\s*:?|by\s*:?|authors?\s*:?|author\(s\)\s*:?|"
    r"autor(?:in)?\s*:?|auteur\s*:?|von\s*:?|par\s*:?|por\s*:?|door\s*:?|text\s*:",
    re.IGNORECASE,
)
# Elements searched after such a label for the name.
LABELLED_NAME_SEARCH_ELEMENTS: Final[int] = 6
# A printed byline longer than this, once its names are cut out, is a biography, not a byline.
MAX_PRINTED_BYLINE_CHARS: Final[int] = 160
# Job titles printed after a writer's name ("Preetam Jinka Co-founder and Chief Architect",
# "Rebecca Drew, UCaaS Researcher"): the name ends where one starts.
BYLINE_ROLE_RE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:co-?founder|founder|ceo|cto|cfo|coo|president|editor|editorial|reporter|"
    r"correspondent|writer|contributor|contributing|director|manager|head\s+of|researcher|"
    r"journalist|analyst|columnist|staff|expert|specialist|consultant|strategist|"
    r"redakteur(?:in)?|korrespondent(?:in)?|rédact(?:eur|rice)|journaliste|redactora?|"
    r"periodista|giornalista)\b",
    re.IGNORECASE,
)
# Not a name but code: a template's unfilled placeholder ("page.head.extra.author",
# "{{author}}") or a script's text read with its element ("window._q.push(function() {...})").
BYLINE_PLACEHOLDER_RE: Final[re.Pattern[str]] = re.compile(r"^[\w-]+(?:\.[\w-]+){3,}$|[{};=]")
# A job title written after the name in Korean, Japanese and Chinese bylines ("신현주 기자").
BYLINE_ROLE_SUFFIX_RE: Final[re.Pattern[str]] = re.compile(
    r"\s*(?:기자|특파원|논설위원|記者|记者|特派員|特派员|編集委員|编辑)$"
)
# A short aside in brackets after a name: a role or a credit, "Lance Ryan (Content Manager)".
BYLINE_ASIDE_RE: Final[re.Pattern[str]] = re.compile(r"\s*\([^()]{0,60}\)")

# --- dates printed with numbers only (dates.py) ---------------------------------------------
# <html lang> values whose pages print "06/01/2024" month first (American English; a page
# marked only "en" is most often American). Every other language prints the day first.
MONTH_FIRST_LANGUAGES: Final[frozenset[str]] = frozenset({"en", "en-us"})

# --- body: lists of short lines (density.py) ----------------------------------------------------
# All the short lines under one candidate together score at most this (about two paragraphs of
# prose): a list of hundreds of signatories' names never outweighs the letter above it.
SHORT_LINES_MAX_SCORE: Final[float] = 8.0
# This many short lines side by side in one parent are a list (of names, of places), not prose.
MIN_LIST_LINES: Final[int] = 20

# --- comment lists found by shape: how deep to look (comment_shape.py) ----------------------
# Below a comment area's grandchildren, a chain of wrappers is followed this far to the list of
# comments (Drupal views: area > div > div.js-view-dom-id > div.content-wrapper, beside a
# pager), each holding at least this share of its parent's text.
MAX_COMMENT_WRAPPER_DEPTH: Final[int] = 6
COMMENT_WRAPPER_TEXT_SHARE: Final[float] = 0.8


# --- titles and site names (metadata.py, issue 11) -------------------------------------------
# The permalink mark documentation generators print after a heading ("Quickstart¶").
HEADING_PERMALINK_RE: Final[re.Pattern[str]] = re.compile(r"\s*[¶§#]\s*$")
# A site's name counts inside a longer text ("The Commercial Appeal", "news.ORF.at"), and a
# text counts as a shorter form of it ("Guardian"), when at least this long (folded letters).
MIN_SITE_NAME_CHARS: Final[int] = 4
# A metadata title and an <h1> are the same headline when one holds the other whole and the
# shorter is at least this share of the longer (a kicker or a site name around it, not a
# one-word section name inside a long headline).
MIN_AGREEING_TITLE_SHARE: Final[float] = 0.5
# <meta> names of the time a page was last modified: its date only where nothing says when
# it was published.
META_MODIFIED: Final[tuple[str, ...]] = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
)


# --- comments13: comment areas named by compound tokens, post lists found by shape alone ------
# A class or id token holding one of these stems marks a comment area even when it is written
# as one word with something else ("commentarea", "jcomments", "gigyacomments", "ipsComment",
# "commentlist2"): only a place to look, the list inside must still have the shape of comments.
COMMENT_AREA_STEMS: Final[tuple[str, ...]] = (
    "comment",
    "kommentar",
    "komentar",
    "comentar",
    "disqus",
    "talkback",
    "yorum",
)
# Tokens holding a stem that name something else: an editorial commentary, its writer.
COMMENT_AREA_FALSE_STEMS: Final[tuple[str, ...]] = ("commentary", "commentator")
# A list of posts found by its shape alone, where no class names comments: at least this many
# items, nearly all (this share of the first dozen) with a name, a time and text...
MIN_POST_ITEMS: Final[int] = 3
MIN_POST_SHAPE_SHARE: Final[float] = 0.8
# ... and none reading as a teaser of another page: mostly link text, or among its first links
# with text one of this many words to another page (a headline; a poster's name is shorter).
MAX_POST_LINK_DENSITY: Final[float] = 0.5
MIN_TEASER_TITLE_WORDS: Final[int] = 4
TEASER_LINKS: Final[int] = 2
# Headings of a card's headline; a post is headed by its author's name, if at all.
TEASER_HEADING_TAGS: Final[tuple[str, ...]] = ("h1", "h2", "h3", "h4")
# A comment's author is named in at most this many words; a longer short text is a quoted
# sentence ("Dal is super cheap, alongside veggie and meat curries.").
MAX_COMMENT_NAME_WORDS: Final[int] = 6
# The time a post shows, when no class says where its list is: a clock time, a numeric date, a
# day with a month and a year, or a relative time ("3 days ago"); not a bare year or a month
# ("November 2021 review" heads an article's section).
POST_TIME_TEXT_RE: Final[re.Pattern[str]] = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th|\.)?\s+\w+\.?,?\s+(?:1[89]|20)\d{2}\b"
    r"|\b\w+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:1[89]|20)\d{2}\b"
    r"|\bago\b|\bvor\s+\d|\bil y a\b|\bhace\s+\d|\bgeleden\b|\btemu\b|назад",
    re.IGNORECASE,
)
# Longer than this, a "time" is a line of offers or metadata ("BOOK: By Dec 31, 2025 TRAVEL:
# Through May 31, 2026").
MAX_POST_TIME_CHARS: Final[int] = 40
# A list of posts holds at least this many characters, its posts at most this many on average.
MIN_POST_LIST_CHARS: Final[int] = 300
MAX_POST_MEAN_CHARS: Final[int] = 5000
# Compound class tokens of a comment's text block ("postText", "messageContent", "postbody").
COMMENT_TEXT_SUFFIXES: Final[tuple[str, ...]] = ("text", "content", "body", "message")


# --- bylines by icon and description, personal sites (metadata.py, round meta13) ------------
# The class of a person icon printed before the writer's name in a post's meta row (Bootstrap
# Icons "bi-person", Font Awesome "fa-user", theme icon fonts "icon-user").
BYLINE_ICON_CLASS_RE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:bi|fa|fas|far|icon|glyphicon|dashicons|ti|la)-(?:person|user|author)(?:-[a-z]+)?\b"
)
# <meta> names of the page's description, read for a byline only it states.
META_DESCRIPTION: Final[tuple[str, ...]] = ("description", "og:description")
# A byline inside a description: "By Md Aynal Haque" alone on its first line (an agency's
# story before its dateline), "... written by Jennifer Simonazzi." at its end. Two to four
# words, each capitalised (checked in metadata.py).
DESCRIPTION_BYLINE_PATTERNS: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(
        r"^\s*(?:by|von|par|por)\s+(?P<name>[^\W\d_][^\n\r,;:|]{2,50}?)[ \t]*\r?\n",
        re.IGNORECASE,
    ),
    re.compile(r"\bwritten by\s+(?P<name>[^\W\d_][^\n\r,;:|.]{2,50}?)\.?\s*$", re.IGNORECASE),
)
# A preposition left at the end of a byline once the date after it is cut ("ALLIN ONE on
# December 5, 2025"): not part of the name. Lower case only: "Audiophile On" is a name.
BYLINE_DANGLING_WORD_RE: Final[re.Pattern[str]] = re.compile(r"\s+(?:on|at|am|um)$")
# Words that make a second linked name in a byline someone other than a writer ("Medically
# reviewed by", "Edited by", "Fact checked by").
BYLINE_REVIEWER_RE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:reviewed|edited|fact[- ]?checked|checked|verified|illustrated|photographed)\b",
    re.IGNORECASE,
)


# --- meta16: headings that are navigation, not the headline (metadata.py, issue 11) --------
# Elements that hold a site's navigation: a heading inside one (the last crumb of a breadcrumb
# trail printed as an <h1>, the site's name in the menu bar) is not the article's headline.
NAVIGATION_TAGS: Final[frozenset[str]] = frozenset({"nav"})
# class/id words of a breadcrumb trail.
NAVIGATION_WORDS: Final[frozenset[str]] = frozenset({"breadcrumb", "breadcrumbs"})
# The words of a site's name whose initials a title may end with ("| WFA" for World Future
# Awards): runs of letters.
TITLE_LABEL_WORD_RE: Final[re.Pattern[str]] = re.compile(r"[^\W\d_]+")


# --- comment lists by shape, round comments16 (comment_shape.py) ------------------------------
# Hrefs of links that go nowhere: an in-page anchor or a script button ("Copy Link to Reply",
# "Report Reply" on Hoop.la forums), which a post has and which no teaser's link to its page is.
BUTTON_HREF_PREFIXES: Final[tuple[str, ...]] = ("#", "javascript:")
