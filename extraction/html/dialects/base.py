"""The dialect base class: selector tables as class attributes, one method per output field.

A dialect describes one publisher or one comment markup (WordPress, Blogger, Disqus, Care2, ...)
in the style of flairNLP/fundus: subclasses set CSS selectors and override a method only where a
markup needs more than a selector. The generic fallback is this class's defaults.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar, Final

from lxml import etree

from extraction.content import RawComment
from extraction.html import rules
from extraction.html.body import photo_credit_of
from extraction.html.comment_shape import (
    CommentParts,
    headline_away,
    in_widget,
    join_term_pairs,
    machine_time,
    read_parts,
    without_labels,
)
from extraction.html.flatten import paragraphs_of
from extraction.html.text import normalise_space
from extraction.html.tree import Element, Markup, present, select, select_one, tag_of
from extraction.page_kind import PageKindVerdict
from extraction.rules import page

# "John says:", "Jane said...", "Milan on September 12, 2018 at 4:47 pm said:" as printed
# around the name in WordPress and Blogger themes.
_SAYS_RE: Final = re.compile(
    r"(?:\s+on\s+.{0,60}?\d.{0,40}?)?\s*(?:says|said|wrote)\s*(?::|\.\.\.|…)?\s*$",
    re.IGNORECASE,
)


# A tag printed as text: markup escaped once too often.
_ESCAPED_TAG_RE: Final = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\s*/?>")


@dataclass(frozen=True, slots=True)
class Thread:
    """The comment elements of a page in display order, and for every element inside them the
    innermost comment it belongs to (so a reply's fields are never read as its parent's)."""

    items: list[Element]
    owner: dict[Element, Element]
    sections: list[Element] = field(default_factory=list)  # the comment sections found
    members: frozenset[Element] = frozenset()
    # selector -> comment element -> its own matches; each selector runs once per thread, not
    # once per comment (a reply chain would otherwise be searched again at every level).
    _matches: dict[str, dict[Element, list[Element]]] = field(default_factory=dict)
    # comment element -> its parts as its structure shows them (read once, when needed)
    _parts: dict[Element, CommentParts] = field(default_factory=dict)

    @classmethod
    def of(cls, items: list[Element], sections: list[Element] | None = None) -> Thread:
        members = set(items)
        owner: dict[Element, Element] = {}
        # One visit per element: nested comments are walked as items of their own.
        for item in items:
            walker = etree.iterwalk(item, events=("start",))
            for _, el in walker:
                if el is not item and el in members:
                    walker.skip_subtree()
                    continue
                owner[el] = item
        return cls(items, owner, sections or [], frozenset(members))

    def parts(self, item: Element) -> CommentParts:
        """The comment's author, time and text read from its structure (no selectors)."""
        found = self._parts.get(item)
        if found is None:
            found = self._parts[item] = read_parts(item, self.members - {item})
        return found

    def matches(
        self, selector: str, query: Callable[[Element, str], list[Element]]
    ) -> dict[Element, list[Element]]:
        """The elements matching a selector, grouped by the comment they belong to."""
        grouped = self._matches.get(selector)
        if grouped is None:
            grouped = {}
            for top in self.items:
                if self.enclosing(top) is not None:
                    continue  # searched with the comment it is nested in
                for el in query(top, selector):
                    item = self.owner.get(el)
                    if item is not None and el is not item:
                        grouped.setdefault(item, []).append(el)
            self._matches[selector] = grouped
        return grouped

    def enclosing(self, item: Element) -> Element | None:
        """The comment this one is nested in (its replies list sits inside it)."""
        above = item.getparent()
        return self.owner.get(above) if above is not None else None

    def parent(self, item: Element) -> Element | None:
        """The comment this one replies to: the one it is nested in, or, for a reply list that
        follows its comment as a sibling (Drupal's `div.indented`), the comment before it."""
        found = self.enclosing(item)
        above = item.getparent()
        if found is not None or above is None:
            return found
        if rules.SIBLING_REPLY_CLASSES.isdisjoint((above.get("class") or "").split()):
            return None
        for sibling in above.itersiblings(preceding=True):
            if sibling in self.members:
                return sibling
            if tag_of(sibling) != "a":  # only anchors (<a id="comment-12">) sit between
                return None
        return None


def _inside_any(el: Element, elements: set[Element], stop: Element) -> bool:
    for ancestor in el.iterancestors():
        if ancestor is stop:
            return False
        if ancestor in elements:
            return True
    return False


class Dialect:
    """Generic markup: `.comment` containers, <time> elements, common class names."""

    name: ClassVar[str] = "generic"
    # Higher is tried first; the generic fallback is last.
    priority: ClassVar[int] = 0
    # Host names (without "www.") this dialect is for; a match selects it even without markers.
    hosts: ClassVar[tuple[str, ...]] = ()
    # CSS: any match means the page uses this markup.
    detect: ClassVar[tuple[str, ...]] = ()
    # Class names or ids without which `detect` cannot match; checking them first spares a
    # CSS query per dialect on most pages.
    markers: ClassVar[tuple[str, ...]] = ()

    # Body: containers of the article text, best first; empty means "find it by scoring".
    body: ClassVar[tuple[str, ...]] = ()

    # Comments: the section, one comment (replies nest inside it), and its fields.
    comment_section: ClassVar[tuple[str, ...]] = (
        "#comments",
        ".comments",
        "#comment-section",
        ".comment-section",
        ".comments-area",
        "[itemprop='comment']",
    )
    comment: ClassVar[str] = (
        ".comment, .comment-item, .comment_item, [itemtype$='/Comment'], [itemprop='comment']"
    )
    author: ClassVar[tuple[str, ...]] = (
        "[itemprop='author'] [itemprop='name']",
        "[itemprop='author']",
        ".comment-author .fn",
        ".comment-author",
        ".comment_author",
        ".author-name",
        ".author",
        ".username",
        ".user-name",
        ".user",
        ".name",
    )
    author_label: ClassVar[tuple[str, ...]] = ()
    time: ClassVar[tuple[str, ...]] = (
        "time",
        "[itemprop='dateCreated']",
        "[itemprop='datePublished']",
        ".comment-date",
        ".comment_date",
        ".timeago",
        ".date",
        ".time",
        # Themes that print the date only as the comment's permalink.
        "a[href*='#comment-']",
    )
    text: ClassVar[tuple[str, ...]] = (
        "[itemprop='text']",
        ".comment-content",
        ".comment-text",
        ".comment_text",
        ".content",
        ".message",
        # Some themes put the author line and the paragraphs side by side in .comment-body.
        ".comment-body > p",
        ".comment-body",
        ".comment_body",
        ".text",
        ".body",
    )
    # Controls printed inside a comment's text ("Click to expand..." under a quotation).
    text_buttons: ClassVar[tuple[str, ...]] = ()
    # Forum markup: the first "comment" is the topic's opening post; the page's body is the thread.
    opening_post_is_body: ClassVar[bool] = False
    # Definition lists of comments (<dt> name, <dd> text) are joined into one element each.
    join_definition_pairs: ClassVar[bool] = True
    comment_count: ClassVar[tuple[str, ...]] = rules.COMMENT_COUNT_CSS
    photo_credit: ClassVar[tuple[str, ...]] = rules.PHOTO_CREDIT_CSS
    # Captions give a credit only where a marker ("Photo:", "Photograph by") introduces one.
    caption: ClassVar[tuple[str, ...]] = rules.CAPTION_CSS
    # Boxes that state how many people signed a petition; the whole page text when none match.
    petition: ClassVar[tuple[str, ...]] = rules.PETITION_CSS

    def __init__(self, markup: Markup | None = None) -> None:
        # The raw page, for ruling out selectors by substring before querying the tree.
        self.markup = markup

    def select(self, root: Element, selectors: tuple[str, ...] | str) -> list[Element]:
        """Elements matching any of the selectors, in document order."""
        if isinstance(selectors, str):
            selectors = tuple(s.strip() for s in selectors.split(","))
        usable = present(selectors, self.markup)
        return select(root, ", ".join(usable)) if usable else []

    @classmethod
    def matches(cls, root: Element, site: str | None, markup: Markup | None = None) -> bool:
        """Whether this page is in this dialect (by host, or by a marker in the markup)."""
        if site and any(site == h or site.endswith("." + h) for h in cls.hosts):
            return True
        if (
            cls.markers
            and markup
            and not any(markup.has("class", m) or markup.has("id", m) for m in cls.markers)
        ):
            return False
        usable = present(cls.detect, markup)
        return bool(usable) and select_one(root, ", ".join(usable)) is not None

    # --- comments ---------------------------------------------------------------------------
    def comment_thread(self, root: Element) -> Thread:
        """Every comment element in display order, replies included, and their sections."""
        # One union query: the section selectors are alternatives, outermost match wins.
        sections = self.select(root, self.comment_section)
        sections = [s for s in sections if not any(a in sections for a in s.iterancestors())]
        items: list[Element] = []
        seen: set[Element] = set()
        if self.join_definition_pairs:
            for section in sections or [root]:
                for dl in section.iter("dl"):
                    join_term_pairs(dl)
        # A heading with id="comments" names the section; it holds no comments itself. A
        # "recent comments" widget lists other pages' comments.
        sections = [s for s in sections if tag_of(s) not in rules.HEADING_TAGS and not in_widget(s)]
        for section in sections or [root]:
            for el in self.select(section, self.comment):
                if el not in seen:
                    seen.add(el)
                    items.append(el)
        if not items and sections:
            items = self.select(root, self.comment)
            seen.update(items)
        # A <dd> joined into its <dt> is part of that comment, not one of its own.
        items = [i for i in items if not (tag_of(i) == "dd" and i.getparent() in seen)]
        items = [i for i in items if not in_widget(i)]
        # Items with neither author nor text (wrappers that share the class) are dropped later.
        return Thread.of(items, [s for s in sections if any(i in seen for i in s.iter())])

    def comments(self, root: Element) -> list[RawComment]:
        """Comments as records, with parent_index from the nesting of reply lists."""
        return self.read_comments(root)[0]

    def read_comments(self, root: Element) -> tuple[list[RawComment], list[Element]]:
        """Comments as records, and the elements that hold them (to keep them out of the body)."""
        return self.read_thread(self.comment_thread(root))

    def read_thread(self, thread: Thread) -> tuple[list[RawComment], list[Element]]:
        """The records of a thread's comments (those with text), and the elements holding them."""
        records: list[RawComment] = []
        kept: dict[Element, int] = {}  # comment element -> index of its record
        for item in thread.items:
            body = self.comment_body(item, thread)
            if not body:
                continue  # a wrapper sharing the class, or a deleted comment's empty shell
            author = self.comment_author(item, thread)
            parent = thread.parent(item)
            posted_text, posted_at = self.comment_time(item, thread)
            body = without_labels(body, author, posted_text)
            if author and rules.COMMENT_FURNITURE_LINES.fullmatch(author):
                author = None  # "Comment", "Reply": a button, not a name
            if headline_away(item, author):
                continue  # a card of an opinion column (li.comment): its headline leads away
            if not body:
                continue
            kept[item] = len(records)
            records.append(
                RawComment(
                    author=author or "",
                    body=body,
                    author_label=self.comment_author_label(item, thread),
                    posted_text=posted_text,
                    posted_at=posted_at,
                    parent_index=kept.get(parent) if parent is not None else None,
                )
            )
        if len(records) < 2 and not any(r.author or r.posted_text or r.posted_at for r in records):
            # A lone "comment" that shows neither who wrote it nor when: a form's notice.
            return [], []
        tops = [i for i in thread.items if thread.enclosing(i) is None]
        in_comments = sum(len(i.text_content()) for i in tops)
        # A section much larger than its comments wraps more than comments (a theme that calls
        # the whole post area "comments"); then only the comments themselves are held back.
        sections = [s for s in thread.sections if len(s.text_content()) <= 2 * in_comments + 2000]
        # Comments found without a section (microdata items anywhere) are held back themselves.
        whole = thread.sections and len(sections) == len(thread.sections)
        return records, sections if whole else tops

    def own_all(self, item: Element, selectors: tuple[str, ...], thread: Thread) -> list[Element]:
        """Elements matching the first selector that matches inside this comment itself (not
        inside a reply nested in it), outermost only."""
        for selector in selectors:
            found: list[Element] = []
            for el in thread.matches(selector, self.select).get(item, ()):
                if found and _inside_any(el, set(found), stop=item):
                    continue
                found.append(el)
            if found:
                return found
        return []

    def own(self, item: Element, selectors: tuple[str, ...], thread: Thread) -> Element | None:
        """The first element of this comment itself matching one of the selectors."""
        found = self.own_all(item, selectors, thread)
        return found[0] if found else None

    @staticmethod
    def with_generic(own: tuple[str, ...], generic: tuple[str, ...]) -> tuple[str, ...]:
        """A dialect's selectors, then the generic ones: themes vary inside one markup family,
        and a field the dialect cannot find is better read generically than lost."""
        return own + tuple(s for s in generic if s not in own)

    def comment_author(self, item: Element, thread: Thread) -> str | None:
        el = self.own(item, self.with_generic(self.author, Dialect.author), thread)
        text = normalise_space(el.text_content()) if el is not None else ""
        # Templates that escape the name's markup twice print "<span>Donald Elam</span>".
        name = _SAYS_RE.sub("", _ESCAPED_TAG_RE.sub("", text)).strip()
        return name or thread.parts(item).author

    def comment_author_label(self, item: Element, thread: Thread) -> str | None:
        el = self.own(item, self.author_label, thread)
        if el is None:
            return None
        return normalise_space(el.get("title") or el.text_content()) or None

    def comment_time(self, item: Element, thread: Thread) -> tuple[str | None, datetime | None]:
        """(the wording shown, the absolute time from a datetime/title attribute)."""
        el = self.own(item, self.with_generic(self.time, Dialect.time), thread)
        if el is not None:
            shown = normalise_space(el.text_content()) or None
            absolute = machine_time(el)
            # A permalink printed as "Permalink" or "#" is where the time would be, not a time.
            if absolute is not None or (shown and rules.COMMENT_TIME_TEXT_RE.search(shown)):
                return shown, absolute
        parts = thread.parts(item)
        return parts.shown_time, parts.posted_at

    def comment_body(self, item: Element, thread: Thread) -> str:
        parts = self.own_all(item, self.with_generic(self.text, Dialect.text), thread)
        buttons = {b for el in parts for b in self.select(el, self.text_buttons)}
        body = "\n\n".join(p for el in parts for p in paragraphs_of(el, buttons))
        return body or thread.parts(item).body

    # --- page furniture ---------------------------------------------------------------------
    def declared_comment_count(self, root: Element) -> int | None:
        """The number of comments the page states ("57 comments")."""
        for el in self.select(root, self.comment_count):
            count = comment_count_in(el.text_content())
            if count is not None:
                return count
        return None

    def petition_signatures(self, root: Element, language: str | None = None) -> int | None:
        """The signature count a petition box states ("Over 80,000 ... have signed" -> 80000),
        read by the shared rulebook; the whole page's text when no box matches."""
        boxes = self.select(root, self.petition)
        for text in [el.text_content() for el in boxes] or [root.text_content()]:
            count = page.petition_signatures(text, language)
            if count is not None:
                return count
        return None

    def page_kind(self, lines: Sequence[str], url: str | None) -> PageKindVerdict | None:
        """The site's own verdict on the page's kind, from its visible lines and URL; None
        leaves the page to the generic rule (extraction/page_kind.py)."""
        return None

    def photo_credits(self, root: Element) -> list[str]:
        """Caption and credit texts near the article images."""
        credits: list[str] = []
        found = self.select(root, self.photo_credit + self.caption)
        is_credit = set(self.select(root, self.photo_credit)) if found else set()
        # The innermost wins: a credit span inside a caption says more than the caption.
        outer = {a for el in found for a in el.iterancestors()}
        for el in found:
            if el in outer:
                continue
            text = normalise_space(el.text_content())
            # A credit element's text is the credit even without a marker; a caption's is not.
            credit = photo_credit_of(text) or (text if el in is_credit else None)
            if credit and len(credit) <= 300 and credit not in credits:
                credits.append(credit)
        return credits


def comment_count_in(text: str) -> int | None:
    """ "57 comments" -> 57, "One thought on ..." -> 1, "12 Responses" -> 12, by the shared
    rulebook; a count element holding only a number ("12") states that number."""
    text = normalise_space(text)
    count = page.declared_comment_count(text)
    if count is None and text.isdigit():
        return int(text)
    return count
