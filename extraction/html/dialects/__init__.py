"""Site and markup dialects for HTML pages; every module in this package is loaded on import.

Adding a dialect means adding one module with a `Dialect` subclass: it registers itself by
subclassing, nothing else needs to change.
"""

from __future__ import annotations

import importlib
import pkgutil

from extraction.html.dialects.base import Dialect

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")


def _all_subclasses(cls: type[Dialect]) -> list[type[Dialect]]:
    found: list[type[Dialect]] = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_all_subclasses(sub))
    return found


def registered() -> list[type[Dialect]]:
    """Every dialect, most specific (highest priority) first, the generic fallback last."""
    return [*sorted(_all_subclasses(Dialect), key=lambda d: -d.priority), Dialect]


__all__ = ["Dialect", "registered"]
