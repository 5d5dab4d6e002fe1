"""The generic text-dump layout, which every site's text dialect refines.

A text dump is the visible text of one page: a title line, an optional byline and dateline, body
paragraphs separated by blank lines with page furniture among them, a declared comment count,
then comments. Every rule comes from the shared rulebook (extraction/rules/page.py); a site's
dialect subclasses this one and adds its furniture, its comments and its page kinds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache, cached_property
from typing import ClassVar

from extraction.content import PageContent, RawComment
from extraction.page_kind import PageEvidence, PageKindVerdict, classify, is_headline, text_teasers
from extraction.rules import page
from extraction.rules.language import SAMPLE_CHARS, page_language
from extraction.textnorm import normalise_lines


def paragraphs_of(lines: Sequence[str]) -> list[str]:
    """Blank-line separated blocks, each joined into one line."""
    blocks: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


@dataclass(frozen=True, slots=True)
class Layout:
    """The article region of a dump split into its parts."""

    title: str | None
    header: tuple[str, ...]  # byline and dateline blocks under the title
    body: tuple[str, ...]  # body blocks, furniture, credit lines and link lists removed
    credits: tuple[str, ...]  # photo credits the credit lines give


class PlainTextDialect:
    """Any page saved as text: title, byline, body and furniture; comments only as a count."""

    name: ClassVar[str] = "plain"
    # Higher is tried first; this generic layout is the fallback, tried last.
    priority: ClassVar[int] = 0
    site: ClassVar[str | None] = None
    # Whole lines of the site's own chrome, on top of the rulebook's generic furniture.
    furniture: ClassVar[tuple[re.Pattern[str], ...]] = ()

    @classmethod
    def matches(cls, text: str) -> bool:
        return True

    def __init__(self, text: str, url: str | None = None) -> None:
        self.url = url
        self.lines = normalise_lines(text)
        # A line's verdict, kept for the page: the layout asks about most lines two or three
        # times (standing alone, as a title, as a block).
        self._furniture: dict[str, bool] = {}
        self.article_end, self.comments_start = self._comment_section()

    # --- the article region -----------------------------------------------------------------
    @classmethod
    @cache
    def furniture_re(cls) -> re.Pattern[str]:
        """The rulebook's furniture and the site's, as one pattern (built once per dialect)."""
        return page.one_pattern((*page.FURNITURE_LINES, *cls.furniture))

    def is_furniture(self, block: str) -> bool:
        known = self._furniture.get(block)
        if known is None:
            known = self._furniture[block] = page.is_furniture(block, self.furniture_re())
        return known

    def _comment_section(self) -> tuple[int, int]:
        """(end of the article's lines, first line of the comments)."""
        for index, line in enumerate(self.lines):
            # A blank line is no heading (most lines of a page are blank or prose).
            if index and line and page.declared_comment_count_line(line) is not None:
                return index, index + 1
        return len(self.lines), len(self.lines)

    def stands_alone(self, line: str) -> bool:
        """A line that is a block of its own even without blank lines round it: furniture and
        datelines ("Visibility: Everyone", "Jul 7, 2010" under a page banner)."""
        return self.is_furniture(line) or page.is_date_line(line)

    def article_blocks(self) -> list[str]:
        region = self.lines[: self.article_end]
        while region and not region[-1]:
            region.pop()
        first = next((i for i, line in enumerate(region) if line), len(region))
        if "" not in region[first:]:
            # Some dumps put every paragraph on its own line with no blank line between them.
            return [line for line in region if line]
        blocks: list[str] = []
        current: list[str] = []
        for line in region:
            if line and not self.stands_alone(line):
                current.append(line)
                continue
            if current:
                blocks.append(" ".join(current))
                current = []
            if line:
                blocks.append(line)
        if current:
            blocks.append(" ".join(current))
        return blocks

    def is_title(self, block: str) -> bool:
        """A block that can be the title: not furniture, not a credit line, not a bare date."""
        return not self.is_furniture(block) and not page.is_date_line(block)

    @cached_property
    def layout(self) -> Layout:
        blocks = self.article_blocks()
        start = next((i for i, block in enumerate(blocks) if self.is_title(block)), len(blocks))
        title = blocks[start] if start < len(blocks) else None
        index, header = start + 1, list[str]()
        while (
            index < len(blocks)
            and len(header) < 2
            and (page.BYLINE.match(blocks[index]) or page.is_date_line(blocks[index]))
        ):
            header.append(blocks[index])
            index += 1
        body: list[str] = []
        credits: list[str] = []
        in_link_list = False
        for block in blocks[index:]:
            if page.opens_link_list(block):
                in_link_list = True  # "Related Stories" and the headlines under it
                continue
            if in_link_list and (is_headline(block) or self.is_furniture(block)):
                continue
            in_link_list = False
            if credit := page.credit_line(block):
                credits.append(credit)
            elif not self.is_furniture(block):
                body.append(block)
        return Layout(title, tuple(header), tuple(body), tuple(credits))

    # --- fields -----------------------------------------------------------------------------
    def title(self) -> str | None:
        return self.layout.title

    def byline(self) -> str | None:
        for block in self.layout.header:
            if name := page.byline_name(block):
                return name
        return None

    def published_at(self) -> datetime | None:
        for block in self.layout.header:
            if moment := page.dateline(block):
                return moment
        return None

    def paragraphs(self) -> tuple[str, ...]:
        return self.layout.body

    def photo_credit(self) -> str | None:
        return self.layout.credits[0] if self.layout.credits else None

    @cached_property
    def language(self) -> str | None:
        # The vote reads the first SAMPLE_CHARS of the first 20 paragraphs: join no more of them.
        sample, size = [], 0
        for paragraph in self.layout.body[:20]:
            if size > SAMPLE_CHARS:
                break
            sample.append(paragraph)
            size += len(paragraph) + 1
        return page_language(None, " ".join(sample))

    @cached_property
    def article_lines(self) -> tuple[str, ...]:
        """The non-blank lines of the article region (the petition facts and the page kind
        read them)."""
        return tuple(filter(None, self.lines[: self.article_end]))

    @cached_property
    def petition(self) -> page.PetitionFacts:
        return page.petition_facts(self.article_lines, self.language)

    def petition_signatures(self) -> int | None:
        if self.petition.signatures is not None:
            return self.petition.signatures
        for paragraph in self.paragraphs():
            if (count := page.petition_signatures(paragraph, self.language)) is not None:
                return count
        return None

    def declared_comment_count(self) -> int | None:
        if self.article_end < len(self.lines):
            return page.declared_comment_count_line(self.lines[self.article_end])
        return None

    def comments(self) -> tuple[RawComment, ...]:
        return ()

    # --- page kind --------------------------------------------------------------------------
    def site_page_kind(self) -> PageKindVerdict | None:
        """The site's own verdict on the page's kind; None leaves it to the generic rule."""
        return None

    def evidence(self) -> PageEvidence:
        teasers, excerpts = text_teasers(self.paragraphs())
        return PageEvidence(
            url=self.url,
            lines=self.article_lines,
            paragraphs=self.paragraphs(),
            teasers=teasers,
            teaser_texts=excerpts,
            language=self.language,
        )

    def page_kind(self) -> PageKindVerdict:
        return classify(self.evidence(), self.site_page_kind())

    def content(self) -> PageContent:
        return PageContent(
            title=self.title(),
            paragraphs=self.paragraphs(),
            byline=self.byline(),
            published_at=self.published_at(),
            site=self.site,
            photo_credit=self.photo_credit(),
            declared_comment_count=self.declared_comment_count(),
            petition_signatures=self.petition_signatures(),
            petition_target=self.petition.target,
            comments=self.comments(),
            page_kind=self.page_kind(),
        )
