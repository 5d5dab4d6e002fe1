"""The quote extractor: quotations in an article body, their kind, speaker, verb and outlet."""

from extraction.quotes.extractor import extract_quotes
from extraction.quotes.model import QuoteSpan

__all__ = ["QuoteSpan", "extract_quotes"]
