"""An article body that the page carries only inside a script: the saved page of a site built
with a JavaScript framework holds its article as a JSON string (Next.js's ``__NEXT_DATA__``, a
``contentHtml`` or ``articleBody`` field) that the browser would have rendered. Read only when
the visible page gave no body at all; nothing here depends on a field name or a language: the
longest string of prose in any script wins.
"""

from __future__ import annotations

import html
import json
import re
from typing import Final

from extraction.html.flatten import paragraphs_of
from extraction.html.tree import Element, parse_html

# A JSON string literal long enough to hold an article (escapes kept: decoded by json.loads).
_MIN_STRING_CHARS: Final = 400
_JSON_STRING_RE: Final = re.compile(rf'"((?:[^"\\]|\\.){{{_MIN_STRING_CHARS},}})"', re.DOTALL)
# What makes a string prose rather than code, CSS or base64: enough of its paragraphs end a
# sentence (marks of every script), and white space or wide-script letters between its words.
_SENTENCE_END_RE: Final = re.compile(r"[.!?…。！？؟।]['\"”’»)]?(?:\s|$)")
_MIN_SENTENCES: Final = 3
_CODE_CHARS: Final = frozenset("{};=<>$")
_MAX_CODE_SHARE: Final = 0.01
# Scripts larger than this are bundles of code, not page data worth scanning.
_MAX_SCRIPT_CHARS: Final = 3_000_000


def _is_markup(value: str) -> bool:
    return "<" in value and ">" in value


def _prose_paragraphs(value: str) -> list[str]:
    """The paragraphs of a decoded string (HTML or plain text) if it reads as prose, else []."""
    if _is_markup(value):
        root = parse_html(f"<html><body>{value}</body></html>")
        paragraphs = paragraphs_of(root) if root is not None else []
    else:
        paragraphs = [p.strip() for p in value.splitlines() if p.strip()]
    text = " ".join(paragraphs)
    if not text or len(_SENTENCE_END_RE.findall(text + " ")) < _MIN_SENTENCES:
        return []
    if sum(ch in _CODE_CHARS for ch in text) > _MAX_CODE_SHARE * len(text):
        return []
    return paragraphs


def embedded_article(root: Element) -> Element | None:
    """The longest prose string in the page's scripts, parsed as a page of its own (plain text
    becomes one paragraph a line); None when there is none."""
    best: str | None = None
    best_chars = 0
    for script in root.iter("script"):
        code = script.text or ""
        if len(code) < _MIN_STRING_CHARS or len(code) > _MAX_SCRIPT_CHARS:
            continue
        for m in _JSON_STRING_RE.finditer(code):
            try:
                value = json.loads(f'"{m.group(1)}"')
            except ValueError:
                continue
            chars = sum(len(p) for p in _prose_paragraphs(value))
            if chars > best_chars:
                best, best_chars = value, chars
    if best is None:
        return None
    if not _is_markup(best):
        best = "".join(f"<p>{html.escape(line)}</p>" for line in best.splitlines())
    return parse_html(f"<html><body>{best}</body></html>")
