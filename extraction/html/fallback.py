"""The fallback extractor: trafilatura, asked for a body only when our reading is unsure.

Our reading carries a confidence (the share of the page's prose its body holds, ``body.py``).
Below ``FALLBACK_CONFIDENCE`` the page is mostly not where we looked (a shop page, a listing, an
unfamiliar template), and on such pages trafilatura's reading is better more often than not
(measured with ``bench/extraction.py``; see docs/html-extraction.md). Its body replaces ours
only when it holds more words. It never sees the network and is given no URL to fetch.
"""

from __future__ import annotations

import logging
from typing import Final

# Below this confidence the fallback is asked, and its body wins when it holds more words.
FALLBACK_CONFIDENCE: Final = 0.2
# Below this one it is asked too on pages that state no publication date (shops, services,
# listings, forums: pages whose main text is not an article's, where its reading is the better
# one more often); there its body wins only when it holds more words but not more than
# UNDATED_MAX_GAIN times ours (a reading that much longer has taken the page's furniture).
UNDATED_CONFIDENCE: Final = 0.55
UNDATED_MAX_GAIN: Final = 3.0
# Larger pages are not given to it: its time grows faster than ours with the size of a page.
MAX_FALLBACK_CHARS: Final = 2_000_000

_LOG = logging.getLogger(__name__)


def should_ask(confidence: float, *, dated: bool) -> bool:
    """Whether our reading is unsure enough to ask the fallback."""
    return confidence < FALLBACK_CONFIDENCE or (not dated and confidence < UNDATED_CONFIDENCE)


def fallback_wins(confidence: float, ours: int, theirs: int) -> bool:
    """Whether the fallback's body (``theirs`` words) replaces ours (``ours`` words)."""
    if confidence < FALLBACK_CONFIDENCE:
        return theirs > ours
    return ours < theirs <= UNDATED_MAX_GAIN * ours


def warm_up() -> bool:
    """Import the fallback extractor and read one empty page with it now (about a CPU second
    in all: the import, then the stop-word lists of its last-resort pass, built on first use),
    so that the first unsure page does not pay for them; False when it is not installed."""
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    fallback_paragraphs("<html><head></head><body></body></html>")
    return True


def fallback_paragraphs(markup: str) -> list[str]:
    """trafilatura's body paragraphs of a page (no comments, no metadata); [] when it finds
    none, when the page is too large, or when trafilatura is not installed."""
    if len(markup) > MAX_FALLBACK_CHARS:
        return []
    try:
        import trafilatura
    except ImportError:  # an environment without it: our reading stands
        return []
    try:
        text = trafilatura.extract(
            markup,
            include_comments=False,
            include_tables=True,
            with_metadata=False,
            deduplicate=False,
        )
    except Exception as exc:  # a third-party parser: never fail the page on it
        _LOG.debug("fallback extractor failed: %s", exc)
        return []
    return [line.strip() for line in (text or "").split("\n") if line.strip()]
