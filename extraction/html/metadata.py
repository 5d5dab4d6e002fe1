"""Page metadata: JSON-LD articles, OpenGraph and <meta> tags, the canonical link and <title>."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, Final
from urllib.parse import urljoin

from extraction.html import rules
from extraction.html.head import page_tags
from extraction.html.text import attr_words, normalise_space
from extraction.html.tree import Element, select
from extraction.rules.sites import site_of as site_of  # the rulebook's, named here too

_ISO_RE: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?",
)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page says about itself, outside its visible body."""

    title: str | None = None
    byline: str | None = None
    url: str | None = None
    site: str | None = None
    published_at: datetime | None = None
    # What the page says it is, for its page kind: every JSON-LD @type, and og:type as "og:<type>".
    declared_types: frozenset[str] = frozenset()


def parse_datetime(value: str | None) -> datetime | None:
    """An ISO-8601-like timestamp as a tz-aware UTC datetime; naive values are read as UTC."""
    if not value:
        return None
    m = _ISO_RE.search(value.strip())
    if m is None:
        return None
    year, month, day, hour, minute, second, zone = m.groups()
    try:
        dt = datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
        offset = timedelta(0)
        if zone and zone != "Z":
            digits = zone[1:].replace(":", "")
            offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
            if zone[0] == "-":
                offset = -offset
        return dt.replace(tzinfo=timezone(offset)).astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def _json_ld_objects(blocks: list[str]) -> Iterator[dict[str, Any]]:
    for raw in blocks:
        try:
            data: Any = json.loads(raw)
        except RecursionError:
            continue  # nested thousands deep: not metadata anyone wrote by hand
        except ValueError:
            # Some CMSs emit trailing commas or raw newlines in strings; try once more, leniently.
            try:
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
            except (ValueError, RecursionError):
                continue
        yield from _flatten_ld(data, depth=0)


def _flatten_ld(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > _MAX_LD_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten_ld(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _flatten_ld(graph, depth + 1)
        main = data.get("mainEntity")
        if isinstance(main, dict | list):
            yield from _flatten_ld(main, depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t}
    if isinstance(t, list):
        return {x for x in t if isinstance(x, str)}
    return set()


# JSON-LD values nest a level or two; deeper structures are not read (and cannot exhaust the stack).
_MAX_LD_DEPTH: Final = 6


def _names(value: Any, depth: int = 0) -> list[str]:
    """Author names from a JSON-LD author value (string, Person, or a list of them)."""
    if depth > _MAX_LD_DEPTH:
        return []
    if isinstance(value, str):
        return [normalise_space(value)] if value.strip() else []
    if isinstance(value, dict):
        name = value.get("name")
        return _names(name, depth + 1) if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item, depth + 1)]
    return []


def _first_str(value: Any, depth: int = 0) -> str | None:
    if depth > _MAX_LD_DEPTH:
        return None
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, list):
        for item in value:
            found = _first_str(item, depth + 1)
            if found:
                return found
    if isinstance(value, dict):
        return _first_str(value.get("@id") or value.get("url"), depth + 1)
    return None


def _in_comments(el: Element) -> bool:
    """Whether an element sits in a comment section (its times are not the article's)."""
    for ancestor in el.iterancestors():
        words = attr_words(ancestor.get("class")) | attr_words(ancestor.get("id"))
        if words & rules.COMMENT_SECTION_WORDS:
            return True
    return False


def _absolute(link: str, base: str | None) -> str | None:
    if not base:
        return None
    try:
        joined = urljoin(base, link)
    except ValueError:
        return base
    return joined if joined.startswith(("http://", "https://")) else base


def _headline_of(root: Element, page_title: str | None) -> str | None:
    """The headline inside a <title> that also names the site ("Headline | Site").

    The longest h1-h3 that the title contains is the headline; failing that, the longest part
    between separators."""
    if not page_title:
        return None
    best = ""
    for count, heading in enumerate(root.iter("h1", "h2", "h3")):
        if count > 30:
            break
        text = normalise_space(heading.text_content())
        if len(text) > len(best) and len(text) >= 10 and text in page_title:
            best = text
    if best:
        return best
    parts = rules.TITLE_SEPARATORS_RE.split(page_title)
    return max(parts, key=len) if len(parts) > 1 else page_title


def _visible_byline(root: Element) -> str | None:
    for el in select(root, ", ".join(rules.BYLINE_CSS)):
        if _in_comments(el):
            continue
        name = normalise_space(el.text_content())
        name = re.sub(r"^by\s+", "", name, flags=re.IGNORECASE)
        if name and len(name) <= 100:
            return name
    return None


def read_metadata(root: Element, url: str | None = None, markup: str | None = None) -> Metadata:
    """Collect metadata; JSON-LD wins over OpenGraph, which wins over plain <meta> and <title>.

    With the page's ``markup``, the head's metadata tags are read with BeautifulSoup
    (``head.page_tags``); the visible fallbacks (headings, bylines, <time>) from the lxml tree."""
    tags = page_tags(root, markup)
    ld_title = ld_url = ld_date = None
    ld_authors: list[str] = []
    declared: set[str] = set()
    for obj in _json_ld_objects(tags.json_ld):
        declared |= _types(obj)
        if not _types(obj) & rules.ARTICLE_TYPES:
            continue
        is_page = _types(obj) == {"WebPage"}
        if not ld_title and not is_page:
            ld_title = _first_str(obj.get("headline")) or _first_str(obj.get("name"))
        if not ld_url:
            ld_url = _first_str(obj.get("url")) or _first_str(obj.get("mainEntityOfPage"))
        if not ld_date:
            ld_date = _first_str(obj.get("datePublished")) or _first_str(obj.get("dateCreated"))
        if not ld_authors:
            ld_authors = _names(obj.get("author")) or _names(obj.get("creator"))
    meta = tags.meta
    if og_type := meta.get("og:type", "").strip().lower():
        declared.add(f"og:{og_type}")

    def meta_first(keys: tuple[str, ...]) -> str | None:
        for key in keys:
            value = meta.get(key)
            if value:
                return value
        return None

    page_title = tags.title
    title = ld_title or meta_first(rules.META_TITLE) or _headline_of(root, page_title)

    canonical = tags.canonical
    page_url = canonical or meta_first(rules.META_URL) or ld_url or url
    if page_url and not page_url.startswith(("http://", "https://")):
        # A relative canonical link is only useful with the caller's URL as its base.
        page_url = _absolute(page_url, url)

    byline = ", ".join(dict.fromkeys(ld_authors)) if ld_authors else None
    if not byline:
        author = meta_first(rules.META_AUTHOR)
        # Facebook profile URLs in article:author are not names.
        if author and not author.startswith(("http://", "https://")):
            byline = normalise_space(author)
    if not byline:
        byline = _visible_byline(root)

    published = parse_datetime(ld_date) or parse_datetime(meta_first(rules.META_PUBLISHED))
    if published is None:
        for el in select(root, ", ".join(rules.PUBLISHED_CSS)):
            if _in_comments(el):
                continue
            published = parse_datetime(el.get("datetime") or el.get("content") or el.get("title"))
            if published is not None:
                break

    return Metadata(
        title=normalise_space(title) if title else None,
        byline=byline or None,
        url=page_url,
        site=site_of(page_url) or site_of(url),
        published_at=published,
        declared_types=frozenset(declared),
    )
