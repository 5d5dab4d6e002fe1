"""Dialects are found, not listed: every module of a dialect package defines a dialect that the
registry finds, so a site's layout added as a file is wired in; a file that is not fails here."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest

import extraction.dialects.text as text_dialects
import extraction.html.dialects as html_dialects
from extraction.dialects.text import PlainTextDialect, extract_text
from extraction.html.dialects import Dialect

PACKAGES: list[tuple[ModuleType, type, list[type]]] = [
    (text_dialects, PlainTextDialect, list(text_dialects.registered())),
    (html_dialects, Dialect, list(html_dialects.registered())),
]
MODULES = [
    (package, base, found, info.name)
    for package, base, found in PACKAGES
    for info in pkgutil.iter_modules(package.__path__)
]


@pytest.mark.parametrize(
    ("package", "base", "found", "module"),
    MODULES,
    ids=[f"{p.__name__}.{m}" for p, _, _, m in MODULES],
)
def test_every_dialect_module_defines_a_registered_dialect(
    package: ModuleType, base: type, found: list[type], module: str
) -> None:
    loaded = importlib.import_module(f"{package.__name__}.{module}")
    own = [
        cls
        for _, cls in inspect.getmembers(loaded, inspect.isclass)
        if cls.__module__ == loaded.__name__
    ]
    dialects = [cls for cls in own if issubclass(cls, base)]
    assert dialects, f"{loaded.__name__} defines no {base.__name__}: it is never used"
    assert all(cls in found for cls in dialects)


def test_text_registry_tries_the_specific_layouts_first_and_the_plain_one_last() -> None:
    names = [d.name for d in text_dialects.registered()]
    assert names == ["care2-discussion", "care2-share", "care2", "plain"]
    assert extract_text("Headline\n\nA plain page with no site marks.\n").site is None
