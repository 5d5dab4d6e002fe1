"""Text and link density of a page: how much prose each element holds, and where the article is.

One pass over the tree measures, for every element, its visible characters, the characters
inside links and the characters of *prose*: text blocks long enough to be sentences and not made
of links. Nothing here depends on a language or on class names: class words only adjust the
container scores (``rules.POSITIVE_WORDS``/``NEGATIVE_WORDS``), and the cleaning that uses them
(``body.py``) consults these figures before it drops anything, so that a misnamed wrapper around
the whole article is never thrown away.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from lxml import etree

from extraction.html import rules
from extraction.html.text import attr_words
from extraction.html.tree import Element, tag_of

# Text in Chinese, Japanese and Korean script says as much in one character as other scripts do
# in about three; paragraph lengths are counted in these units.
_WIDE_RE: Final = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_SENTENCE_END: Final = tuple('.!?…。！？؟।"”’»)')


@dataclass(slots=True)
class Density:
    """Character counts per element, the subtrees of ``skipped`` elements left out."""

    total: dict[Element, int] = field(default_factory=dict)  # visible characters
    links: dict[Element, int] = field(default_factory=dict)  # characters inside <a>
    prose: dict[Element, int] = field(default_factory=dict)  # characters of prose blocks
    # (block element, its own text in characters, of which in links) for every text block
    blocks: list[tuple[Element, int, int]] = field(default_factory=list)

    @property
    def page_prose(self) -> int:
        return max(self.prose.values(), default=0)

    def link_density(self, el: Element) -> float:
        total = self.total.get(el, 0)
        return min(1.0, self.links.get(el, 0) / total) if total else 0.0


def measure(root: Element, skipped: frozenset[Element] | set[Element] = frozenset()) -> Density:
    """Count characters bottom-up in one walk; invisible elements (scripts, styles, ...) and the
    ``skipped`` ones contribute nothing."""
    d = Density()
    total, links, prose = d.total, d.links, d.prose
    inline: dict[Element, int] = {}  # characters not inside a block descendant
    inline_links: dict[Element, int] = {}
    short_lines: dict[Element, int] = {}  # prose blocks that are short lines: their characters
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        # tag_of inlined: this runs twice per element, three times a page.
        tag = tag.lower() if isinstance(tag, str) else ""
        if event == "start":
            if not tag or tag in rules.INVISIBLE_TAGS or el in skipped:
                walker.skip_subtree()
            continue
        if not tag or tag in rules.INVISIBLE_TAGS or el in skipped:
            # Its tail is counted by its parent; its own text is not visible.
            total[el] = links[el] = prose[el] = inline[el] = inline_links[el] = 0
            continue
        # Stripped lengths inlined (a call per text and tail costs a tenth of the walk).
        text = el.text
        own = len(text.strip()) if text else 0
        sub_total = sub_links = sub_prose = sub_inline = sub_inline_links = 0
        list_lines = list_chars = 0
        for child in el:
            tail = child.tail
            if tail:
                own += len(tail.strip())
            if child not in total:
                continue  # a comment or processing instruction
            sub_total += total[child]
            sub_links += links[child]
            sub_prose += prose[child]
            sub_inline += inline[child]
            sub_inline_links += inline_links[child]
            if child in short_lines:
                list_lines += 1
                list_chars += short_lines[child]
        if list_lines >= rules.MIN_LIST_LINES:
            # A long run of short lines that end no sentence (the names under an open letter,
            # "Name, title, institution" a line) is a list, not prose.
            sub_prose -= list_chars
        total[el] = own + sub_total
        is_link = tag == "a"
        links[el] = total[el] if is_link else sub_links
        chars = own + sub_inline
        in_links = chars if is_link else sub_inline_links
        if tag in rules.BLOCK_TAGS or el is root:
            inline[el] = inline_links[el] = 0
            own_prose = 0
            if chars >= rules.MIN_BLOCK_CHARS:
                d.blocks.append((el, chars, in_links))
                if in_links < rules.MAX_PROSE_LINK_SHARE * chars:
                    own_prose = chars
                    if chars < rules.SHORT_LINE_UNITS and ends_no_sentence(el):
                        short_lines[el] = chars
            prose[el] = own_prose + sub_prose
        else:
            inline[el], inline_links[el] = chars, in_links
            prose[el] = sub_prose
    return d


def ends_no_sentence(block: Element) -> bool:
    """Whether a block's own text ends without a sentence mark: a name in a list of
    signatories, a heading, a caption."""
    return _inline_end(block) not in _SENTENCE_END


def _inline_end(el: Element) -> str:
    """The last visible character of an element's own text (outside its block descendants);
    the same as ``inline_text(el).rstrip()[-1:]`` without building the text."""
    for child in reversed(el):
        tail = child.tail
        if tail and not tail.isspace():
            return tail.rstrip()[-1]
        tag = tag_of(child)
        inline = tag and tag not in rules.BLOCK_TAGS and tag not in rules.INVISIBLE_TAGS
        if inline and (end := _inline_end(child)):
            return end
    text = el.text
    return text.rstrip()[-1] if text and not text.isspace() else ""


def inline_text(el: Element) -> str:
    """The text of a block element outside its block descendants (its own paragraph)."""
    parts: list[str] = []
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        if node is el:
            if event == "start":
                parts.append(el.text or "")
            continue
        if event == "start":
            tag = tag_of(node)
            if not tag or tag in rules.BLOCK_TAGS or tag in rules.INVISIBLE_TAGS:
                walker.skip_subtree()
            else:
                parts.append(node.text or "")
        else:
            parts.append(node.tail or "")
    return "".join(parts)


def text_units(text: str) -> int:
    """Length in characters, wide-script characters counting three."""
    return len(text) + 2 * len(_WIDE_RE.findall(text))


def paragraph_score(text: str) -> float:
    """How much a text block looks like a paragraph of prose (readability's measure: one point,
    a point per comma, a point per 100 characters up to three), made language-neutral (commas of
    every script, wide characters) and unforgiving to short lines that end no sentence: lists
    of names, signatures and link captions."""
    text = " ".join(text.split())
    units = text_units(text)
    if units < rules.MIN_SCORED_PARAGRAPH_CHARS:
        return 0.0
    commas = sum(text.count(c) for c in rules.COMMAS)
    score = 1.0 + min(commas, units / 50) + min(units / 100, 3.0)
    if _is_short_line(text, units):
        score *= rules.SHORT_LINE_FACTOR
    return score


def _is_short_line(text: str, units: int) -> bool:
    """A line too short to be a paragraph that ends no sentence: a name, a caption, a link."""
    return units < rules.SHORT_LINE_UNITS and not text.endswith(_SENTENCE_END)


def class_weight(el: Element) -> int:
    words = attr_words(el.get("class")) | attr_words(el.get("id"))
    weight = 0
    if words & rules.POSITIVE_WORDS:
        weight += rules.CLASS_WEIGHT
    if words & rules.NEGATIVE_WORDS:
        weight -= rules.CLASS_WEIGHT
    return weight


def candidate_scores(root: Element, d: Density) -> tuple[dict[Element, float], set[Element]]:
    """Readability-style container scores: every prose block credits its parent fully, its
    grandparent by half and the next ancestor by a third; class words and link density adjust
    the sum. Also the candidates that score mostly by short lines (lists of names, of links)."""
    raw: dict[Element, float] = {}
    # What short lines credit each candidate, kept apart: however many there are, a list of
    # signatories or of names under a letter weighs no more than SHORT_LINES_MAX_SCORE.
    lines: dict[Element, float] = {}
    for block, chars, in_links in d.blocks:
        if in_links >= rules.MAX_PROSE_LINK_SHARE * chars:
            continue
        text = inline_text(block)
        score = paragraph_score(text)
        if not score:
            continue
        credited = lines if _is_short_line(" ".join(text.split()), text_units(text)) else raw
        # A block holding only inline content is a paragraph: its container is its parent. Loose
        # text between blocks belongs to the element that holds it.
        has_block_child = any(tag_of(c) in rules.BLOCK_TAGS for c in block)
        ancestor = block if has_block_child and tag_of(block) not in ("p", "pre") else None
        ancestor = ancestor if ancestor is not None else block.getparent()
        for divisor in (1, 2, 3):
            if ancestor is None or tag_of(ancestor) in ("html", ""):
                break
            if ancestor not in raw:
                raw[ancestor] = float(rules.TAG_WEIGHTS.get(tag_of(ancestor), 0))
            credited[ancestor] = credited.get(ancestor, 0.0) + score / divisor
            ancestor = ancestor.getparent()
    listed: set[Element] = set()
    for el, score in lines.items():
        credit = min(score, rules.SHORT_LINES_MAX_SCORE)
        if credit > raw[el] - rules.TAG_WEIGHTS.get(tag_of(el), 0):
            listed.add(el)
        raw[el] += credit
    final: dict[Element, float] = {}
    for el, score in raw.items():
        weight = class_weight(el)
        if weight > 0 and d.total.get(el, 0) < rules.MIN_CLASS_BONUS_CHARS:
            # "content-wrapper title" is a heading, not the article, whatever its class says.
            weight = 0
        final[el] = (score + weight) * (1.0 - d.link_density(el))
    return final, listed


def best_container(root: Element, d: Density) -> list[Element]:
    """The element(s) most likely to hold the article body, in document order."""
    final, listed = candidate_scores(root, d)
    if not final:
        return []
    top = max(final, key=final.__getitem__)
    top = _widened(_outside_structure(top, final), final, d)
    parent = top.getparent()
    if parent is None:
        return [top]
    threshold = max(10.0, final.get(top, 0.0) * 0.2)
    chosen: list[Element] = []
    for sibling in parent:
        if not isinstance(sibling.tag, str) or d.total.get(sibling, 0) == 0:
            continue
        if (
            sibling is top
            or (
                final.get(sibling, -1.0) >= threshold
                and class_weight(sibling) >= 0
                and sibling not in listed
            )
            or (tag_of(sibling) == "p" and _is_prose_paragraph(sibling, d))
        ):
            chosen.append(sibling)
    return _with_chunks(root, top, chosen, final)


def _outside_structure(top: Element, final: dict[Element, float]) -> Element:
    """A table or list holds part of an article (its data, its steps), never the whole: when
    one scores best, the article is the candidate that holds it with its introduction."""
    best, el = top, top
    while tag_of(el) in rules.STRUCTURE_TAGS:
        above = el.getparent()
        if above is None or tag_of(above) in ("html", "body"):
            break
        el = above
        if el in final:
            best = el
    return best


def _widened(top: Element, final: dict[Element, float], d: Density) -> Element:
    """The top candidate, or an ancestor of it that holds much more of the page's prose and
    scores nearly as well, or that holds several other candidates scoring nearly as well
    (articles split into steps or sections, each of which scores on its own)."""
    best = _common_ancestor(top, final, d)
    top_score = final[top]
    page = d.page_prose
    for ancestor in top.iterancestors():
        if tag_of(ancestor) in ("html", "body"):
            break
        score = final.get(ancestor)
        if score is None or score < rules.WIDEN_SCORE_SHARE * top_score:
            continue
        if d.prose.get(ancestor, 0) >= d.prose.get(best, 0) + rules.WIDEN_MIN_GAIN * page:
            best = ancestor
    return best


def _common_ancestor(top: Element, final: dict[Element, float], d: Density) -> Element:
    """Readability's rule: when at least MIN_ALTERNATIVES other candidates score nearly as
    well as the top one, their lowest common ancestor with it is the article."""
    top_score = final[top]
    related = {top, *top.iterancestors(), *top.iterdescendants()}
    alternatives = [
        el
        for el, score in final.items()
        if el not in related and score >= rules.ALTERNATIVE_SCORE_SHARE * top_score
    ]
    if len(alternatives) < rules.MIN_ALTERNATIVES:
        return top
    for ancestor in top.iterancestors():
        if tag_of(ancestor) in ("html", "body"):
            break
        inside = sum(1 for el in alternatives if ancestor in el.iterancestors())
        if inside >= rules.MIN_ALTERNATIVES:
            return ancestor if d.link_density(ancestor) < 0.5 else top
    return top


def _is_prose_paragraph(el: Element, d: Density) -> bool:
    length = d.total.get(el, 0)
    density = d.link_density(el)
    text = " ".join(el.text_content().split())
    return (length > 80 and density < 0.25) or (
        0 < length <= 80 and density == 0 and text.endswith(_SENTENCE_END)
    )


def _with_chunks(
    root: Element, top: Element, chosen: list[Element], final: dict[Element, float]
) -> list[Element]:
    """Add the article's other chunks: some sites (Wired, the Telegraph) split the body into
    several containers of the same tag and class, interleaved with ads, in different parents."""
    signature = top.get("class")
    parent = top.getparent()
    # A chunk without a class of its own is known by its wrapper's (JP.dk's article text sits in
    # several div.c-article-text-container > div).
    wrapper = parent.get("class") if not signature and parent is not None else None
    if not signature and not wrapper:
        return chosen

    def same_kind(el: Element) -> bool:
        if el.tag != top.tag:
            return False
        if signature:
            return el.get("class") == signature
        above = el.getparent()
        return (
            not el.get("class")
            and above is not None
            and above is not parent
            and above.tag == parent.tag  # type: ignore[union-attr]
            and above.get("class") == wrapper
        )

    extra = [
        el
        for el, score in final.items()
        if score > 0
        and same_kind(el)
        and not any(el is c or c in el.iterancestors() or el in c.iterancestors() for c in chosen)
    ]
    if not extra:
        return chosen
    position = {el: i for i, el in enumerate(root.iter())}
    return sorted([*chosen, *extra], key=lambda el: position.get(el, 0))


def expanded(containers: list[Element], d: Density) -> Element | None:
    """The nearest ancestor of the containers that holds most of the page's prose and is
    itself mostly prose (an article whose steps or sections each scored on their own); None
    when every such ancestor is mostly links and furniture."""
    if not containers:
        return None
    page = d.page_prose
    top = containers[0]
    for ancestor in top.iterancestors():
        if tag_of(ancestor) == "html":
            return None
        prose = d.prose.get(ancestor, 0)
        if prose < rules.EXPANDED_PROSE_SHARE * page:
            continue
        total = d.total.get(ancestor, 0) or 1
        # What the widening adds must be prose too, not teasers whose titles are links.
        added = max(1, total - d.total.get(top, 0))
        added_links = d.links.get(ancestor, 0) - d.links.get(top, 0)
        if (
            prose / total >= rules.EXPANDED_MIN_DENSITY
            and added_links / added < rules.EXPANDED_MAX_ADDED_LINKS
        ):
            return ancestor
        return None
    return None


def prose_of(elements: Iterable[Element], d: Density) -> int:
    """Prose characters inside the elements (none counted twice)."""
    chosen = list(elements)
    outer = [e for e in chosen if not any(a in chosen for a in e.iterancestors())]
    return sum(d.prose.get(e, 0) for e in outer)
