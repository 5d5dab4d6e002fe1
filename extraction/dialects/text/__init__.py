"""Text-dump dialects, found by subclassing: every module in this package is loaded on import,
and each `PlainTextDialect` subclass in it is registered. A new site's text layout is one new
module here with its class (tests/extraction/test_dialect_registry.py fails for a module that
defines none)."""

from __future__ import annotations

import importlib
import pkgutil

from extraction.content import PageContent
from extraction.dialects.text.base import PlainTextDialect

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")


def _all_subclasses(cls: type[PlainTextDialect]) -> list[type[PlainTextDialect]]:
    found: list[type[PlainTextDialect]] = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_all_subclasses(sub))
    return found


def registered() -> list[type[PlainTextDialect]]:
    """Every text dialect, most specific (highest priority) first, the plain layout last."""
    return [*sorted(_all_subclasses(PlainTextDialect), key=lambda d: -d.priority), PlainTextDialect]


def extract_text(text: str, *, url: str | None = None) -> PageContent:
    """Read a text dump with the first dialect whose `matches` accepts it."""
    dialect = next(d for d in registered() if d.matches(text))
    return dialect(text, url).content()


__all__ = ["PlainTextDialect", "extract_text", "registered"]
