"""The metadata a page's markup gives, read as the extractor reads it: one helper shared by
the metadata tests."""

from __future__ import annotations

from extraction.html.metadata import Metadata, read_metadata
from extraction.html.tree import parse_html


def metadata_of(markup: str, url: str | None = None) -> Metadata:
    """``read_metadata`` of a page given as markup (and the address it was saved from)."""
    root = parse_html(markup)
    assert root is not None
    return read_metadata(root, url, markup)
