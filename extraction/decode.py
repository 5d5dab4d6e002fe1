"""Bytes to text: BOM, then UTF-8, then a declared charset, then detection; never a crash."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
# Control bytes that never occur in text (tab, newlines, form feed and ESC excluded).
_BINARY_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])


class NotTextError(ValueError):
    """The bytes are not text in any encoding we read (an image or archive with a text name)."""


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first few kilobytes."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    # Deleting them and measuring what went counts them in one table pass, not a regex scan.
    binary = len(sample) - len(sample.translate(None, _BINARY_BYTES))
    return bool(sample) and binary > max(1, len(sample) // 100)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding used). Raises NotTextError for binary content."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    if looks_binary(data):
        raise NotTextError("the file holds binary data (control bytes), not text")
    # Bytes that are valid UTF-8 with non-ASCII sequences are UTF-8 whatever a stale <meta>
    # says (pages re-saved as UTF-8 keep their old "iso-8859-1"); Latin text is never valid
    # UTF-8 by accident, so a real single-byte page still falls through to its declared codec.
    for candidate in ("utf-8", _codec(declared)):
        if candidate is None:
            continue
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    # Western single-byte text is by far the commonest non-UTF-8 dump; cp1252 is a superset of the
    # printable latin-1 range, so it reads both. Only bytes cp1252 leaves undefined go to detection.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    return data.decode("latin-1"), "latin-1"
