"""Render a preview the way a CommonMark + GFM-tables renderer does, and read its cells back."""

from __future__ import annotations

from html.parser import HTMLParser

from markdown_it import MarkdownIt

from assets.metadata import WORD_JOINER

# markdown-it-py (a declared dev dependency); CommonMark plus GFM tables, raw HTML enabled
# so that an unescaped tag would come through as a tag.
_RENDERER = MarkdownIt("commonmark", {"html": True}).enable("table")
TABLE_TAGS = {"table", "thead", "tbody", "tr", "th", "td"}


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.rows: list[list[str]] = []
        self.in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.rows[-1].append("")
            self.in_cell = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self.in_cell = False

    def handle_data(self, data: str) -> None:
        if self.in_cell:
            self.rows[-1][-1] += data


def render(markdown: str) -> tuple[set[str], list[list[str]]]:
    """The HTML tags the markdown produces and the text of each table cell, row by row (header
    first), with the invisible word joiners that defuse autolinks taken out."""
    parser = _Cells()
    parser.feed(_RENDERER.render(markdown))
    rows = [[cell.replace(WORD_JOINER, "") for cell in row] for row in parser.rows]
    return parser.tags, rows
