"""WARC framing, checked: a record's Content-Length must end exactly where the next record begins.

warcio trusts the length and only warns on stderr when it is wrong, so a page is silently cut short
(length too small, and often every later record lost) or swallows the next record (too big). Here
each record is framed first: a wrong length is found, the record is read up to where the next one
really begins, and the damage is reported for that record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A record's block ends with two line breaks; the next record starts with its version line.
_NEXT_RECORD = re.compile(rb"\r?\n\r?\n(?=WARC/1\.\d\r?\n)")
_RECORD_LINE = re.compile(rb"(?:^|\n)(WARC/1\.\d\r?\n)")
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_BLANK_LINES = re.compile(rb"(?:\r?\n)+")


@dataclass(frozen=True, slots=True)
class FramedRecord:
    """One record as the file holds it, or a stretch of bytes that is none (`data` None)."""

    data: bytes | None  # headers (Content-Length as measured) + block + the closing line breaks
    record_id: str | None
    damage_kind: str | None = None  # 'bad_content_length' | 'corrupt_warc'
    damage: str | None = None  # what is wrong, as a sentence a person can act on


def _header(lines: list[bytes], name: bytes) -> str | None:
    prefix = name.lower() + b":"
    for line in lines:
        if line.lower().startswith(prefix):
            return line[len(prefix) :].strip().decode("utf-8", "replace")
    return None


def _ends_at(data: bytes, end: int) -> bool:
    """Whether a block ending at `end` is followed by blank lines, then a record or the end of
    the file. (A length that swallowed the blank lines, ending at the next record, is harmless.)"""
    if end > len(data):
        return False
    blank = _BLANK_LINES.match(data, end)
    rest = blank.end() if blank else end
    return rest == len(data) or data.startswith(b"WARC/", rest)


def _reframed(lines: list[bytes], block: bytes) -> bytes:
    """The record with its Content-Length set to the block it really holds."""
    kept = [line for line in lines if not line.lower().startswith(b"content-length:")]
    kept.append(b"Content-Length: " + str(len(block)).encode())
    return b"\r\n".join(kept) + b"\r\n\r\n" + block + b"\r\n\r\n"


def frame_records(data: bytes) -> Iterator[FramedRecord]:
    """Every record of an uncompressed WARC, in order, each with the bytes it really holds."""
    pos, size = 0, len(data)
    while True:
        blank = _BLANK_LINES.match(data, pos)
        pos = blank.end() if blank else pos
        if pos >= size:
            return
        if not data.startswith(b"WARC/", pos):
            found = _RECORD_LINE.search(data, pos)
            start = found.start(1) if found else size
            yield FramedRecord(
                None,
                None,
                "corrupt_warc",
                f"{start - pos} bytes at offset {pos} are not part of any WARC record "
                "and were skipped",
            )
            pos = start
            continue
        head = _HEADER_END.search(data, pos)
        if head is None:
            yield FramedRecord(
                None,
                None,
                "corrupt_warc",
                f"the file ends inside the headers of a record at offset {pos}: it was cut short",
            )
            return
        lines = [line.rstrip(b"\r") for line in data[pos : head.start()].split(b"\n")]
        record_id = _header(lines, b"WARC-Record-ID")
        declared_text = _header(lines, b"Content-Length")
        declared = int(declared_text) if declared_text and declared_text.isdigit() else None
        start = head.end()
        # A length that ends at the standard terminator is taken as true even when junk follows:
        # the junk is reported on its own, the record stands.
        if declared is not None and (
            _ends_at(data, start + declared) or data.startswith(b"\r\n\r\n", start + declared)
        ):
            yield FramedRecord(data[pos : start + declared] + b"\r\n\r\n", record_id)
            pos = start + declared
            continue
        following = _NEXT_RECORD.search(data, start)
        end = following.start() if following else size
        block = data[start:end] if following else data[start:end].rstrip(b"\r\n")
        if following is None and declared is not None and start + declared > size:
            kind, damage = (
                "corrupt_warc",
                f"the file ends inside this record: {len(block)} of its {declared} bytes "
                "arrived (the file was cut short); what arrived was read",
            )
        else:
            stated = f"says {declared} bytes" if declared is not None else "is missing or invalid"
            kind, damage = (
                "bad_content_length",
                f"the record's Content-Length {stated} but it holds {len(block)} bytes before "
                "the next record begins; it was read up to there (check the tool that wrote "
                "this WARC)",
            )
        yield FramedRecord(_reframed(lines, block), record_id, kind, damage)
        pos = end
