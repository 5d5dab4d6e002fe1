"""Site names from URLs: the host without "www." and port. Never raises: a URL that does not
parse ("http://[bad") names no site."""

from __future__ import annotations

from urllib.parse import urlsplit


def site_of(url: str | None) -> str | None:
    """The host of a URL without "www." (and without port), lower-cased; None when it has none."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:  # "http://[bad": an unclosed IPv6 bracket
        return None
    return host.removeprefix("www.") if host else None


def is_web_address(url: str) -> bool:
    """Whether a URL is an http(s) address with a host that parses."""
    try:
        parts = urlsplit(url.strip())
        return parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != -1
    except ValueError:  # a bad IPv6 literal, or a port that is not a number
        return False
