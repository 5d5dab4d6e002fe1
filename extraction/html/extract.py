"""The entry point: one HTML page in, one PageContent out."""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from extraction.content import PageContent, RawComment
from extraction.html.body import extract_body, photo_credit_of
from extraction.html.comment_shape import find_comment_list, find_post_list
from extraction.html.density import measure
from extraction.html.dialects import Dialect, registered
from extraction.html.dialects.base import Thread
from extraction.html.fallback import fallback_paragraphs, fallback_wins, should_ask
from extraction.html.metadata import read_metadata
from extraction.html.page_signals import page_signals
from extraction.html.text import normalise_space
from extraction.html.tree import Element, Markup, drop, parse_html
from extraction.page_kind import PageKindVerdict
from extraction.rules.page import petition_facts
from extraction.rules.sites import site_of


def dialects_for(root: Element, site: str | None, markup: Markup | None = None) -> list[Dialect]:
    """The dialects whose host or markers match, most specific first; the generic one last."""
    found = [d(markup) for d in registered() if d is not Dialect and d.matches(root, site, markup)]
    return [*found, Dialect(markup)]


# A body shorter than this, beside comments, is no article: the page is a discussion thread.
_MIN_BODY_WORDS: Final = 30
THREAD: Final = PageKindVerdict(
    "discussion", "a thread of posts: the posts are the body, the replies its comments", True
)


def _word_count(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _without_comments(paragraphs: list[str], comments: list[RawComment]) -> list[str]:
    said = normalise_space(" ".join(c.body for c in comments))
    kept = (normalise_space(p) for p in paragraphs)
    return [p for p in kept if p and not (len(p) >= 20 and p in said)]


def thread_text(comments: list[RawComment]) -> tuple[list[str], list[RawComment]]:
    """A thread's main text, every post in page order (the opening post first), and the
    replies as its comments (replies to the opening post become top-level ones)."""
    rest = comments[1:]
    replies = [
        replace(
            c,
            parent_index=None
            if c.parent_index is None or c.parent_index == 0
            else c.parent_index - 1,
        )
        for c in rest
    ]
    return posts_of(comments), replies


def posts_of(comments: list[RawComment]) -> list[str]:
    """The paragraphs of a thread's posts, in page order."""
    return [p for c in comments for p in c.body.split("\n\n")]


def extract_html(html: str, *, url: str | None = None) -> PageContent:
    """Read title, body paragraphs, metadata and comments off a saved article page.

    Never raises on broken or truncated markup: what cannot be parsed gives an empty page.
    """
    root = parse_html(html)
    if root is None:
        return PageContent(title=None, paragraphs=(), url=url, site=site_of(url))
    meta = read_metadata(root, url, html)
    markup = Markup(html, root)
    dialects = dialects_for(root, meta.site, markup)
    # What the page shows of its kind, read before the body cleaning mutates the tree.
    signals = page_signals(root, meta, url)

    # Everything read off the furniture happens before the body cleaning mutates the tree.
    comments: list[RawComment] = []
    holders: list[Element] = []
    # Pages without the word carry no comment markup the generic dialect knows; skip its
    # queries unless a dialect recognised its own markup (a forum's posts).
    has_comments = markup.contains("omment") or len(dialects) > 1
    forum = False  # the comments are a forum topic's posts, the first its opening post
    posts_by_shape = False  # the comments are a list of posts found by its shape alone
    for dialect in dialects if has_comments else ():
        comments, holders = dialect.read_comments(root)
        if comments:
            forum = dialect.opening_post_is_body
            break
    if not comments:
        # No dialect knows this markup: look for a comment list by its shape.
        density = measure(root)
        found = find_comment_list(root, density)
        if found is None:
            # Nothing named for comments holds a list: a list of posts by its shape alone
            # (forum software and utility-class templates).
            found = find_post_list(root, density)
            posts_by_shape = found is not None
        if found is not None:
            thread = Thread.of(found.items, [found.area])
            comments, holders = dialects[-1].read_thread(thread)
    if not comments:
        # Comments the page declares only in its JSON-LD (the markup loads them by script).
        comments = list(meta.comments)
    declared = next(
        (n for d in dialects if (n := d.declared_comment_count(root)) is not None), None
    )
    # A petition's own counter ("152,347 supporters") wins over a sentence about signatures.
    petition = petition_facts(signals.lines, signals.language)
    signatures = petition.signatures
    if signatures is None:
        signatures = next(
            (
                n
                for d in dialects
                if (n := d.petition_signatures(root, signals.language)) is not None
            ),
            None,
        )
    credits = next((c for d in dialects if (c := d.photo_credits(root))), [])

    # Whatever the class names around them, comments never become body paragraphs.
    for holder in holders:
        drop(holder)
    body_css = tuple(sel for d in dialects for sel in d.body)
    body = extract_body(root, container_css=body_css, title=meta.title)
    # Posts found by shape beside no prose of the page's own are its thread (read before a
    # fallback extractor brings back the posts' signatures as a body).
    forum = forum or (posts_by_shape and _word_count(body.paragraphs) < _MIN_BODY_WORDS)
    if not credits:
        named = (photo_credit_of(line) for line in body.furniture_lines)
        credits = [credit for credit in named if credit]
    photo_credit = "; ".join(credits) if credits else None
    paragraphs, quoted = body.paragraphs, body.blockquote_paragraphs
    containers = body.containers
    if should_ask(body.confidence, dated=meta.published_at is not None):
        # Our reading is unsure: a second extractor's body may win (without what we read as
        # comments).
        other = _without_comments(fallback_paragraphs(html), comments)
        if fallback_wins(body.confidence, _word_count(paragraphs), _word_count(other)):
            paragraphs, quoted, containers = other, set(), []
    byline = meta.byline
    if comments and (forum or _word_count(paragraphs) < _MIN_BODY_WORDS):
        # A discussion thread: no prose outside the posts, so the thread is the page's main
        # text (every post in order), its opening post's author the byline, and the replies
        # stay comment rows (docs/html-extraction.md, "Discussion threads").
        byline = comments[0].author or byline
        paragraphs, comments = thread_text(comments)
        quoted = set()
        # A forum topic's kind stays the page-kind rule's (docs/page-kinds.md: a topic page
        # is a discussion, left out of `articles`); a thread read by shape is a split thread.
        dialect_forum = forum and not posts_by_shape
        kind = signals.kind(paragraphs, meta, comments, dialects) if dialect_forum else THREAD
    else:
        kind = signals.kind(paragraphs, meta, comments, dialects, containers)
        if kind.kind == "discussion" and comments:
            # A thread whose opening post is what we read as the body (a Q&A page's question,
            # its answers read as comments): the posts follow it in the page's main text.
            paragraphs = [*_without_comments(paragraphs, comments), *posts_of(comments)]
    return PageContent(
        title=meta.title,
        paragraphs=tuple(paragraphs),
        byline=byline,
        url=meta.url,
        site=meta.site,
        published_at=meta.published_at,
        photo_credit=photo_credit,
        declared_comment_count=declared,
        petition_signatures=signatures,
        petition_target=petition.target,
        blockquote_paragraphs=frozenset(quoted),
        comments=tuple(comments),
        page_kind=kind,
    )
