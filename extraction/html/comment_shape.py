"""Reader comments by their shape: the fields of a comment read from its structure, and comment
lists found as repeated sibling structures that carry a name, a time and text.

Dialects name their selectors; themes vary them endlessly ("comment-entry", "inner-comment",
text straight inside the list item). What every comment list shares is its shape: siblings of
one tag and class, each holding a short name, a short time and a longer text. This module reads
that shape. Class words are only a place to look (``rules.COMMENT_AREA_WORDS``, in several
languages); an item is a comment because of what it holds.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from itertools import islice, pairwise
from typing import Final

from lxml import etree

from extraction.html import rules
from extraction.html.dates import parse_datetime
from extraction.html.density import Density, inline_text
from extraction.html.flatten import paragraphs_of
from extraction.html.text import attr_words, normalise_space
from extraction.html.tree import Element, VisibleWalk, tag_of

_ISO_START_RE: Final = re.compile(r"\s*\d{4}-\d{2}-\d{2}")
_SAYS_RE: Final = re.compile(
    r"(?:\s+on\s+.{0,60}?\d.{0,40}?)?\s*(?:says|said|wrote|schrieb|a écrit|escribió|scrive)"
    r"\s*(?::|\.\.\.|…)?\s*$",
    re.IGNORECASE,
)
# Items are containers of a name, a time and text; these tags are parts of one.
_NOT_ITEM_TAGS: Final = frozenset(
    {"p", "span", "a", "b", "i", "em", "strong", "br", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"img", "time", "abbr", "cite", "small", "label", "option", "tr", "td", "th"}
)
# Links that are a comment's permalink or reply button, not its author.
_PERMALINK_RE: Final = re.compile(r"#(?:comment|c)[-_]?\d|replytocom|[?&#/]reply", re.IGNORECASE)
# Where an author's name is printed when no class says so.
_NAME_TAGS: Final = ("cite", "strong", "b", "a", "h3", "h4", "h5", "span")


def from_epoch(value: int) -> datetime | None:
    """A Unix time in seconds or milliseconds as a UTC datetime; None when out of range."""
    # Millisecond stamps (Blogger's showComment, JavaScript) are 13 digits long.
    seconds = value / 1000 if value > 10**11 else value
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def machine_time(el: Element) -> datetime | None:
    """The time an element states in an attribute (ISO ``datetime``/``title``, epoch stamps)."""
    for attr in ("datetime", "data-datetime", "title", "content"):
        value = el.get(attr)
        if value and _ISO_START_RE.match(value):
            return parse_datetime(value)
    stamp = el.get("data-timestamp") or el.get("data-time") or el.get("data-utime")
    if stamp and stamp.isdigit():
        return from_epoch(int(stamp))
    return None


def _words(el: Element) -> set[str]:
    return attr_words(el.get("class")) | attr_words(el.get("id"))


def in_widget(el: Element) -> bool:
    """Whether an element sits in a sidebar widget ("Recent comments", "Most discussed"), which
    lists other pages' comments."""
    for ancestor in (el, *el.iterancestors()):
        if tag_of(ancestor) in ("body", "html"):
            return False  # <body class="right-sidebar"> says where the sidebar goes
        if tag_of(ancestor) == "main" or ancestor.get("role") == "main":
            return False  # inside the page's main content
        if _words(ancestor) & rules.COMMENT_WIDGET_WORDS:
            # A wrapper that holds the main column as well as the sidebar (Genesis's
            # "content-sidebar-wrap") is layout, not a widget: no widget holds the headline.
            return next(ancestor.iter("h1", "main"), None) is None
    return False


def own_elements(item: Element, nested: Collection[Element]) -> Iterator[Element]:
    """The elements of a comment itself, in document order: not those of the replies nested in
    it, nor invisible ones."""
    walker = etree.iterwalk(item, events=("start",))
    for _, el in walker:
        tag = tag_of(el)
        if el is not item and (not tag or tag in rules.INVISIBLE_TAGS or el in nested):
            walker.skip_subtree()
            continue
        yield el


def _short_text(el: Element) -> str:
    text = el.text_content()
    if next(el.iter("svg"), None) is not None:
        # An avatar's initials drawn as an <svg> picture ("M" for mnhogfarmer) are no name.
        text = "".join(el.xpath(".//text()[not(ancestor::svg)]"))
    text = normalise_space(text)
    return text if 0 < len(text) <= rules.MAX_COMMENT_LABEL_CHARS else ""


@dataclass(frozen=True, slots=True)
class CommentParts:
    """The parts of one comment as its structure shows them."""

    author: str | None = None
    author_el: Element | None = None
    shown_time: str | None = None
    posted_at: datetime | None = None
    time_el: Element | None = None
    body: str = ""


def find_time(elements: list[Element]) -> tuple[Element | None, str | None, datetime | None]:
    """The element showing the comment's time: a machine-readable one first, then one whose
    class says time or date, then a short text that reads as a date or a time."""
    worded: Element | None = None
    texted: Element | None = None  # a leaf reading as a time; failing that, a small element
    texted_small: Element | None = None
    for el in elements:
        tag = tag_of(el)
        if tag == "time" or el.get("datetime") or el.get("data-timestamp") or el.get("data-utime"):
            return el, _short_text(el) or None, machine_time(el)
        if tag == "abbr" and el.get("title") and _ISO_START_RE.match(el.get("title") or ""):
            return el, _short_text(el) or None, machine_time(el)
        if worded is None and _words(el) & rules.COMMENT_TIME_WORDS and _short_text(el):
            worded = el
        if texted is None and len(el) <= 2:
            text = _short_text(el)
            if text and rules.COMMENT_TIME_TEXT_RE.search(text):
                if len(el) == 0:
                    texted = el
                elif texted_small is None:
                    texted_small = el
    found = worded if worded is not None else texted if texted is not None else texted_small
    if found is None:
        return None, None, None
    return found, _short_text(found) or None, machine_time(found)


def _name_of(el: Element, time_text: str | None = None) -> str | None:
    text = _short_text(el)
    if time_text and time_text in text:
        text = text.replace(time_text, "")  # "CArolyn <span>On Friday, ...</span>"
    text = _SAYS_RE.sub("", text).strip(" :|-–—·")
    if not text or (rules.COMMENT_TIME_TEXT_RE.search(text) and any(c.isdigit() for c in text)):
        return None
    if rules.COMMENT_FURNITURE_LINES.fullmatch(text):
        return None
    if len(text.split()) > rules.MAX_COMMENT_NAME_WORDS:
        return None  # a quoted sentence, not a name
    return text


def find_author(
    elements: list[Element], item: Element, time_text: str | None = None
) -> tuple[Element | None, str | None]:
    """The element naming the comment's author: one whose class says author/user/name, else
    the first short name-like text (a <cite>, <strong>, link, ...) before the comment's text."""
    for el in elements:
        if el is item:
            continue
        words = _words(el)
        if words & rules.COMMENT_AUTHOR_WORDS and not words & rules.COMMENT_TEXT_WORDS:
            # "comment-author vcard" often wraps the avatar too: the innermost name wins.
            inner = next(
                (
                    c
                    for c in el.iter("a", "cite", "b", "strong", "span")
                    if c is not el and _name_of(c)
                ),
                None,
            )
            name_el = inner if inner is not None else el
            name = _name_of(name_el) or _name_of(el)
            if name:
                return name_el, name
    for el in elements:
        # "Posted by: Megan Sullivan | November 13, 2012" (TypePad and many themes).
        own = normalise_space(el.text or "")
        if own and rules.COMMENT_POSTED_BY_RE.match(own):
            line = normalise_space(inline_text(el))
            m = rules.COMMENT_POSTED_BY_RE.match(line)
            if m and m.group(1) and len(line) <= 2 * rules.MAX_COMMENT_LABEL_CHARS:
                return el, m.group(1)
    in_text: set[Element] = set()
    for el in elements:
        if el is not item and el not in in_text and _words(el) & rules.COMMENT_TEXT_WORDS:
            in_text.update(el.iter())
    # A heading or a meta line inside the text block is its label line ("<h4><a>Lora Lee</a>
    # On Thursday</h4>", "<p class="cm-meta"><a>Elijah Szasz</a> — July 10th</p>").
    for el in elements:
        if el in in_text and (tag_of(el) in rules.HEADING_TAGS or _furniture(el)):
            in_text.difference_update(el.iter())
    for el in elements:
        if el is item or el in in_text or tag_of(el) not in _NAME_TAGS:
            continue
        if len(normalise_space(el.text_content())) > rules.MAX_COMMENT_LABEL_CHARS:
            return None, None  # the comment's text has begun: no name before it
        if tag_of(el) == "a" and _PERMALINK_RE.search(el.get("href") or ""):
            continue  # the permalink or the reply button
        name = _name_of(el, time_text)
        if name:
            return el, name
    return None, None


def _furniture(el: Element) -> bool:
    words = _words(el)
    return bool(words & rules.COMMENT_FURNITURE_WORDS) and not words & rules.COMMENT_TEXT_WORDS


def _text_block(
    item: Element, elements: list[Element], nested: Collection[Element]
) -> Element | None:
    """The innermost element whose class says it holds the comment's text ("comment-content",
    JForum's "postText") and that holds most of the comment's own text: then the poster's
    profile box and the buttons beside it are no part of the comment."""
    own = sum(len(t) for t in _own_texts(item, nested))
    best: tuple[int, Element] | None = None
    for el in elements:
        if el is item or not _says_text(el) or _words(el) & rules.COMMENT_FURNITURE_WORDS:
            continue  # (Pixnet's "reply-text" is the blogger's answer, not the comment)
        size = sum(len(t) for t in _own_texts(el, nested))
        if 2 * size >= own and (best is None or size < best[0]):
            best = (size, el)
    return best[1] if best is not None else None


def _says_text(el: Element) -> bool:
    words = _words(el)
    if words & rules.COMMENT_TEXT_WORDS:
        return True
    return any(w.endswith(rules.COMMENT_TEXT_SUFFIXES) for w in words)


def _own_texts(el: Element, nested: Collection[Element]) -> Iterator[str]:
    for node in own_elements(el, nested):
        if node.text:
            yield node.text.strip()
        if node is not el and node.tail:
            yield node.tail.strip()


def read_parts(item: Element, nested: Collection[Element]) -> CommentParts:
    """Author, time and text of a comment from its structure alone."""
    elements = list(own_elements(item, nested))
    time_el, shown, posted_at = find_time(elements)
    author_el, author = find_author(elements, item, shown)
    line_el = time_el.getparent() if author is None and time_el is not None else None
    # "Ryan — <a>July 12th, 2012</a>": the name is the rest of the time's line.
    if line_el is not None and line_el is not item and time_el is not None:
        author = _name_of(line_el, _short_text(time_el))
        author_el = line_el if author else None
    if author_el is not None and author_el is time_el and shown:
        # "Posted by: John at December 18, 2025 05:48 PM": the time is what follows the name.
        m = rules.COMMENT_POSTED_BY_RE.match(shown)
        shown = shown[m.end() :].strip() or shown if m else shown
    labels = {e for e in (author_el, time_el) if e is not None}
    removed = set(nested) | labels
    removed.update(el for el in elements if el is not item and _furniture(el))
    text_el = _text_block(item, elements, nested)
    lines = paragraphs_of(text_el if text_el is not None else item, removed)
    label_texts = {_short_text(e) for e in labels}
    if lines and (author is None or (shown is None and posted_at is None)):
        # The name and time as the comment's first line of loose text: "Heather on October
        # 23rd, 2012 1:37 pm", "Lora Lee | 2 days ago".
        m = rules.COMMENT_LABEL_LINE_RE.match(lines[0])
        if m and rules.COMMENT_TIME_TEXT_RE.search(m.group("time")):
            author = author or m.group("name")
            shown = shown or m.group("time")
            label_texts.add(lines[0])
    kept = [
        line
        for line in lines
        if line not in label_texts and not rules.COMMENT_FURNITURE_LINES.fullmatch(line)
    ]
    return CommentParts(
        author=author,
        author_el=author_el,
        shown_time=shown,
        posted_at=posted_at,
        time_el=time_el,
        body="\n\n".join(kept),
    )


def without_labels(body: str, author: str | None, shown_time: str | None) -> str:
    """A comment's text without its button lines and the lines that only repeat its name and
    time ("Lora Lee On Thursday, November 1 at 2:57 pm")."""
    kept = []
    lines = body.split("\n\n")
    for line in lines:
        if rules.COMMENT_FURNITURE_LINES.fullmatch(line):
            continue
        if len(lines) > 1 and len(line) <= 3 and line.isalpha():
            continue  # what is left of a label line: "le" of "le 22/11/2024 à 09:47"
        if len(line) <= rules.MAX_COMMENT_LABEL_CHARS + 20 and (
            line in (author, shown_time)
            or (author and shown_time and author in line and shown_time in line)
        ):
            continue
        kept.append(line)
    return "\n\n".join(kept)


# --- finding comment lists by shape -----------------------------------------------------------
def signature(el: Element) -> tuple[str, str]:
    """What the items of one list share: the tag and the first class token that is neither a
    variant (odd/even, depth, state) nor an id."""
    for token in (el.get("class") or "").lower().split():
        if token in rules.COMMENT_VARIANT_TOKENS or any(c.isdigit() for c in token):
            continue
        if token.startswith(("comment-author-", "depth")):
            continue
        return tag_of(el), token
    return tag_of(el), ""


_AREA_STEM_RE: Final = re.compile("|".join(map(re.escape, rules.COMMENT_AREA_STEMS)))


def says_comments(words: set[str]) -> bool:
    """Whether class or id words name a comment area: a listed word, or a compound token
    holding a comment stem ("commentarea", "jcomments", "gigyacomments")."""
    if words & rules.COMMENT_AREA_WORDS:
        return True
    return any(
        _AREA_STEM_RE.search(word)
        and not any(false in word for false in rules.COMMENT_AREA_FALSE_STEMS)
        for word in words
    )


@lru_cache(maxsize=4096)
def _attributes_say_comments(class_value: str | None, id_value: str | None) -> bool:
    """``says_comments`` of a class and id pair; pages repeat the same few values on thousands
    of elements, so each pair's words are split and searched once."""
    return says_comments(attr_words(class_value) | attr_words(id_value))


def _areas(root: Element) -> list[Element]:
    """Elements whose class or id says they hold comments, and microdata comments' parents."""
    found: list[Element] = []
    for el, tag in VisibleWalk(root):
        named = _attributes_say_comments(el.get("class"), el.get("id")) or (
            (el.get("itemtype") or "").endswith("/Comment") or el.get("itemprop") == "comment"
        )
        # A <span class="comments-count"> or <a href="#comments"> is a label, not a list.
        if named and tag not in _NOT_ITEM_TAGS and not in_widget(el):
            found.append(el)
    return found


def join_term_pairs(parent: Element) -> None:
    """In a definition list of comments (<dt> name and time, <dd> text), move each <dd> into
    the <dt> before it, so that one element holds one comment."""
    for dt in list(parent.iterchildren("dt")):
        dd = dt.getnext()
        while dd is not None and tag_of(dd) == "dd":
            following = dd.getnext()
            dt.append(dd)
            dd = following if following is not None and tag_of(following) == "dd" else None


def join_header_siblings(parent: Element, d: Density) -> None:
    """Where each post's time line is a sibling just before it (bbPress:
    <div class="bbp-reply-header">date</div><div class="reply">...</div>, repeated), move each
    header into the post after it, so that one element holds one comment."""
    kids = [c for c in parent if tag_of(c)]
    counts = Counter(signature(c) for c in kids)
    if not counts:
        return
    head_sig, n = counts.most_common(1)[0]
    if n < rules.MIN_COMMENT_ITEMS or head_sig[0] in _NOT_ITEM_TAGS:
        return
    pairs: list[tuple[Element, Element]] = []
    for head, post in pairwise(kids):
        if signature(head) != head_sig:
            continue
        if signature(post) == head_sig or d.total.get(head, 0) > 2 * rules.MAX_COMMENT_LABEL_CHARS:
            return  # not a run of header and post pairs
        if find_time(list(head.iter()))[0] is None or d.total.get(post, 0) <= d.total.get(head, 0):
            return
        pairs.append((head, post))
    if len(pairs) < n:
        return  # the last header has no post after it
    for head, post in pairs:
        post.insert(0, head)
        d.total[post] = d.total.get(post, 0) + d.total.get(head, 0)


def _group(parent: Element, d: Density, *, join: bool = True) -> list[Element]:
    """The largest set of children of one signature that carry text (``join``: definition
    lists and header siblings joined into their comments first)."""
    if join and tag_of(parent) == "dl":
        join_term_pairs(parent)
        for dt in parent.iterchildren("dt"):  # the moved <dd>s' text now counts for the <dt>
            d.total[dt] = sum(d.total.get(e, 0) for e in (dt, *dt.iterchildren("dd")))
    elif join:
        join_header_siblings(parent, d)
    kids = [c for c in parent if tag_of(c) and d.total.get(c, 0) > 0]
    if len(kids) < rules.MIN_COMMENT_ITEMS:
        return []
    counts = Counter(signature(c) for c in kids)
    sig, n = counts.most_common(1)[0]
    if n < rules.MIN_COMMENT_ITEMS or sig[0] in _NOT_ITEM_TAGS:
        return []
    members = [c for c in kids if signature(c) == sig]
    page = d.page_prose
    if any(d.prose.get(c, 0) >= max(2000, rules.ARTICLE_IN_LIST_SHARE * page) for c in members):
        return []  # one "item" holds the article: page sections, not comments
    if any(next(c.iter("h1"), None) is not None for c in members):
        return []  # one "item" holds the page's headline: page sections again
    with_text = sum(d.total.get(c, 0) >= 20 for c in members)
    return members if with_text >= rules.MIN_COMMENT_TEXT_SHARE * len(members) else []


@dataclass(frozen=True, slots=True)
class FoundList:
    """Comment items found by shape, replies included, in document order."""

    items: list[Element]
    area: Element


def _with_replies(members: list[Element]) -> list[Element]:
    sig = signature(members[0])
    found: list[Element] = []
    for member in members:
        found.append(member)
        found.extend(
            el for el in member.iterdescendants() if tag_of(el) == sig[0] and signature(el) == sig
        )
    return found


def _links_away(link: Element) -> bool:
    """Whether a link leads to another page of the same site: a relative link, not to a spot
    on a page, not a comment's own permalink, not a script. (A link to another site under
    a heading is a preview a poster pasted: XenForo's unfurl cards.)"""
    href = (link.get("href") or "").strip()
    return (
        bool(href)
        and not href.startswith(("javascript:", "//", "mailto:"))
        and "://" not in href
        and "#" not in href  # a post's permalink: a spot on a page (FluxBB's "#p2270718")
        and not _PERMALINK_RE.search(href)
        and "comment" not in href.lower()  # Drupal's comment titles link to /comment/123
    )


def headline_away(item: Element, author: str | None) -> bool:
    """Whether an item is headed by a link to another page of its site, not its author's name: a
    card's title ("garnix actions", "Comment: The Budget is a chance..."). A comment's title
    links to its own permalink and its author's name to a profile; a card's headline is the
    article it leads to, whoever the card names as its writer."""
    for heading in item.iter(*rules.TEASER_HEADING_TAGS):
        text = normalise_space(heading.text_content())
        if (
            not text
            or text == author
            or (author and author in text and len(text) <= len(author) + 3)
        ):
            continue
        outer = next((a for a in heading.iterancestors("a") if item in a.iterancestors()), None)
        links = [outer] if outer is not None else list(heading.iter("a"))
        if any(_links_away(link) for link in links):
            return True
    return False


def _looks_like_comments(items: list[Element]) -> float:
    """Share of items with a time and a name (or a time and text), read by structure; items
    headed by a link to another page are cards, not comments."""
    good = 0.0
    members = set(items)
    for item in items:
        nested = members - {item}
        parts = read_parts(item, nested)
        if headline_away(item, parts.author):
            continue
        if parts.body and (parts.shown_time or parts.posted_at) and parts.author:
            good += 1
        elif parts.body and parts.author and tag_of(item) in ("li", "article"):
            good += 0.5
    return good / len(items) if items else 0.0


def _list_parents(area: Element, d: Density) -> Iterator[Element]:
    """Where a comment area's list may sit: the area's parent when the area is one of a run of
    like siblings (each comment says "comment" itself), the area, its children and
    grandchildren, and below them the chain of wrappers that each hold nearly all their
    parent's text (Drupal views nest the rows four levels down, beside a pager)."""
    above = area.getparent()
    if above is not None and any(
        signature(s) == signature(area) for s in area.itersiblings(tag_of(area))
    ):
        yield above
    for parent in (area, *area.iterchildren(), *(g for c in area for g in c)):
        yield parent
        for _ in range(rules.MAX_COMMENT_WRAPPER_DEPTH):
            total = d.total.get(parent, 0)
            kids = [c for c in parent if tag_of(c)]
            if not kids or total == 0:
                break
            main = max(kids, key=lambda c: d.total.get(c, 0))
            if d.total.get(main, 0) < rules.COMMENT_WRAPPER_TEXT_SHARE * total:
                break  # the text is spread over siblings: this is the list, or none
            parent = main
            yield parent


def find_comment_list(root: Element, d: Density) -> FoundList | None:
    """The page's reader-comment list, by shape, inside an element that says it holds comments;
    None when no such list is there."""
    best: tuple[float, list[Element], Element] | None = None
    seen: set[Element] = set()
    for area in _areas(root):
        for parent in _list_parents(area, d):
            if parent in seen or not tag_of(parent):
                continue
            seen.add(parent)
            members = _group(parent, d)
            if not members:
                continue
            sample = members[:12]
            quality = _looks_like_comments(sample)
            if quality < 0.5:
                continue
            score = quality * len(members)
            if best is None or score > best[0]:
                # Where the areas are the comments themselves (Movable Type's run of
                # div.comments-body), the list is their parent.
                best = (score, members, parent if area in members else area)
    if best is None:
        return None
    _, members, area = best
    return FoundList(_with_replies(members), area)


# --- post lists that no class names ----------------------------------------------------------
def _teaser(item: Element, d: Density) -> bool:
    """Whether a list item reads as a teaser of another page, which a list of articles,
    products or forums has and a post has not: mostly link text, a headline, or one linking
    away among its first links (a category, then the title; a post's first link is its author's
    name, and the links in its signature come last)."""
    if d.link_density(item) > rules.MAX_POST_LINK_DENSITY:
        return True
    for heading in item.iter(*rules.TEASER_HEADING_TAGS):
        if len(heading.text_content().split()) >= rules.MIN_TEASER_TITLE_WORDS:
            return True  # a card's headline (a post's name heading is shorter)
    links = (
        words
        for link in item.iter("a")
        if not (link.get("href") or "").startswith(rules.BUTTON_HREF_PREFIXES)
        and (words := len(link.text_content().split()))
    )
    return any(n >= rules.MIN_TEASER_TITLE_WORDS for n in islice(links, rules.TEASER_LINKS))


_DIGIT_RE: Final = re.compile(r"\d")


def _short_time(text: str) -> bool:
    # Every post time holds a digit ("3 days ago" too): a cheap test before the long pattern.
    return (
        len(text.strip()) <= 2 * rules.MAX_POST_TIME_CHARS
        and _DIGIT_RE.search(text) is not None
        and rules.POST_TIME_TEXT_RE.search(text) is not None
    )


def _post_share(items: list[Element], d: Density) -> float:
    """Share of items that carry a name, a time and text and are no teaser; 0 when one name
    signs them all (a blog's index lists one writer's posts)."""
    # Cheap tests first (a post's time is printed in a short text of its own): most parents
    # of like siblings are menus and card grids.
    dated: list[Element] = []
    allowed = (1 - rules.MIN_POST_SHAPE_SHARE) * len(items)
    for item in items:
        if any(map(_short_time, item.itertext())):
            dated.append(item)
        elif len(dated) < items.index(item) + 1 - allowed:
            return 0.0  # more items without a time than the share allows
    names: set[str] = set()
    good = 0
    for item in dated:
        if _teaser(item, d):
            continue
        parts = read_parts(item, set(items) - {item})
        shown = parts.shown_time or ""
        timed = parts.posted_at is not None or bool(
            len(shown) <= rules.MAX_POST_TIME_CHARS and rules.POST_TIME_TEXT_RE.search(shown)
        )
        if parts.body and parts.author and timed and not headline_away(item, parts.author):
            good += 1
            names.add(parts.author)
    return good / len(items) if len(names) >= 2 else 0.0


def find_post_list(root: Element, d: Density) -> FoundList | None:
    """A list of posts where no class or id says "comments" (forum software and utility-class
    templates: div.postItem, div.relative.border...): a run of sibling elements of one tag and
    class in which nearly every item carries a name, a time and text, found by that shape
    alone; None when the page has no such list."""
    best: tuple[float, list[Element], Element] | None = None
    for el, _ in VisibleWalk(root):
        if len(el) < rules.MIN_POST_ITEMS or d.total.get(el, 0) < rules.MIN_POST_LIST_CHARS:
            continue
        members = _group(el, d, join=False)
        if len(members) < rules.MIN_POST_ITEMS:
            continue
        if sum(d.total.get(m, 0) for m in members) > rules.MAX_POST_MEAN_CHARS * len(members):
            continue  # page sections, not posts
        share = _post_share(members[:12], d)
        if share < rules.MIN_POST_SHAPE_SHARE or in_widget(el):
            continue
        score = share * len(members)
        if best is None or score > best[0]:
            best = (score, members, el)
    if best is None:
        return None
    _, members, parent = best
    # No replies by signature: utility classes ("relative") repeat inside every post.
    return FoundList(members, parent)
