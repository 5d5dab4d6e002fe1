"""Stable text ids derived from content, so a rebuild or a re-capture yields the same keys."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from extraction.rules.sites import site_of
from extraction.textnorm import fold

_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def canonical_url(url: str) -> str:
    """Scheme and host lower-cased, "www." dropped, fragment and tracking parameters removed; a URL
    that does not parse ("http://[bad") is kept as written, which is just as stable."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().removeprefix("www.")
    except ValueError:
        return url.strip()
    query = [
        (k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(_TRACKING_PARAMS)
    ]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(
        (
            "https" if parts.scheme in ("http", "https") else parts.scheme,
            host,
            path,
            urlencode(query),
            "",
        )
    )


def article_id(url: str | None, site: str | None, title: str) -> str:
    """From the canonical URL when known; otherwise from the site and the title."""
    if url:
        return "a_" + _digest("url", canonical_url(url))
    return "a_" + _digest("title", site or "", fold(title))


def comment_id(article: str, author: str, body: str, occurrence: int) -> str:
    """Position-free, so a re-capture with newer comments above keeps every older comment's id;
    `occurrence` tells apart the copies of a double post."""
    return folded_comment_id(article, (fold(author), fold(body)), occurrence)


def folded_comment_id(article: str, folded: tuple[str, str], occurrence: int) -> str:
    """`comment_id` from the author and body already folded: a caller that folds them to count
    double posts need not fold them twice."""
    return "c_" + _digest(article, *folded, str(occurrence))


def quote_id(article: str, text: str, occurrence: int) -> str:
    return "q_" + _digest(article, fold(text), str(occurrence))


__all__ = [
    "article_id",
    "canonical_url",
    "comment_id",
    "folded_comment_id",
    "quote_id",
    "site_of",
]
