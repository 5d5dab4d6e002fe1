"""Extraction of saved HTML article pages: metadata, body paragraphs and reader comments.

Pure: no Dagster, no DuckDB, no network. ``extract_html`` is the one entry point.
"""

from extraction.html.extract import extract_html

__all__ = ["extract_html"]
