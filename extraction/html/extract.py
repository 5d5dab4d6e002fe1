"""The entry point: one HTML page in, one PageContent out."""

from __future__ import annotations

from extraction.content import PageContent, RawComment
from extraction.html.body import extract_body
from extraction.html.dialects import Dialect, registered
from extraction.html.metadata import read_metadata
from extraction.html.page_signals import page_signals
from extraction.html.tree import Element, Markup, drop, parse_html
from extraction.rules.page import petition_facts
from extraction.rules.sites import site_of


def dialects_for(root: Element, site: str | None, markup: Markup | None = None) -> list[Dialect]:
    """The dialects whose host or markers match, most specific first; the generic one last."""
    found = [d(markup) for d in registered() if d is not Dialect and d.matches(root, site, markup)]
    return [*found, Dialect(markup)]


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
    # Pages without the word carry no comment markup the dialects know; skip their queries.
    has_comments = markup.contains("omment")
    for dialect in dialects if has_comments else ():
        comments, holders = dialect.read_comments(root)
        if comments:
            break
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
    if not credits:
        credits = body.credit_lines
    photo_credit = "; ".join(credits) if credits else None
    return PageContent(
        title=meta.title,
        paragraphs=tuple(body.paragraphs),
        byline=meta.byline,
        url=meta.url,
        site=meta.site,
        published_at=meta.published_at,
        photo_credit=photo_credit,
        declared_comment_count=declared,
        petition_signatures=signatures,
        petition_target=petition.target,
        blockquote_paragraphs=frozenset(body.blockquote_paragraphs),
        comments=tuple(comments),
        page_kind=signals.kind(body.paragraphs, meta, comments, dialects),
    )
