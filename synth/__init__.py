"""Synthetic corpora for tests and benchmarks: realistic dumps plus the totals they must yield."""

from synth.corpus import FORMATS, synthesize

__all__ = ["FORMATS", "synthesize"]
