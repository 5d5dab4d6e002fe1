"""Timestamps as pages write them, read into tz-aware UTC datetimes that keep their offset.

Machine-readable values (ISO 8601 with an offset, a zone name such as "PST" or "GMT+0100", RFC
2822 "Tue, 14 Feb 2017 10:00:00 +0100") keep their offset: the instant is stored in UTC. A value
without any zone is read as UTC (nothing says otherwise). Dates printed for readers ("3. Mai
2024", "May 3, 2024", "2024年5月3日", "03.05.2024") give a day only (midnight UTC).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Final

from extraction.html import rules

_ISO_RE: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6})\d*)?)?)?"
    r"\s*(Z(?![a-z])|[+-]\d{2}:?\d{2}|[+-]\d{2}(?!\d)|(?:GMT|UTC)\s*[+-]\d{1,2}(?::?\d{2})?"
    r"|[A-Z]{2,5}\b)?",
)
_OFFSET_RE: Final = re.compile(r"(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$")
_RFC2822_RE: Final = re.compile(
    r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}", re.ASCII
)


def _offset(zone: str | None) -> timedelta | None:
    """The offset a zone designator names; None for an unknown abbreviation."""
    if not zone or zone == "Z":
        return timedelta(0)
    hours = rules.TIMEZONE_ABBREVIATIONS.get(zone)
    if hours is not None:
        return timedelta(hours=hours)
    m = _OFFSET_RE.match(zone)
    if m is None:
        return None
    sign, hh, mm = m.groups()
    delta = timedelta(hours=int(hh), minutes=int(mm or 0))
    return -delta if sign == "-" else delta


def parse_datetime(value: str | None) -> datetime | None:
    """A machine-readable timestamp as a tz-aware UTC datetime; None when it is none."""
    if not value:
        return None
    value = value.strip()
    m = _ISO_RE.search(value)
    if m is None:
        if _RFC2822_RE.match(value):
            try:
                moment = parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                return None
            return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)
        return None
    year, month, day, hour, minute, second, fraction, zone = m.groups()
    offset = _offset(zone)
    if offset is None:
        offset = timedelta(0)  # an abbreviation we do not know: read as UTC, like a naive value
    try:
        moment = datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            int((fraction or "0").ljust(6, "0")),
            tzinfo=timezone(offset),
        )
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def _month(name: str) -> int | None:
    return rules.MONTH_NAMES.get(name.casefold().rstrip("."))


def _day(year: int, month: int, day: int) -> date | None:
    if not 1990 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def visible_date(text: str) -> date | None:
    """The first calendar date printed in a short text, in the forms news pages use."""
    for m in rules.VISIBLE_DATE_RE.finditer(text):
        g = m.groupdict()
        if g["iso_y"]:
            found = _day(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
        elif g["cjk_y"]:
            found = _day(int(g["cjk_y"]), int(g["cjk_m"]), int(g["cjk_d"]))
        elif g["num_y"]:
            # 03.05.2024 and 03/05/2024 are day first outside the United States; a first number
            # above 12 leaves no doubt, and a second one above 12 makes it month first.
            first, second = int(g["num_a"]), int(g["num_b"])
            if second > 12 >= first:
                first, second = second, first
            found = _day(int(g["num_y"]), second, first)
        elif g["ym_y"]:
            month = _month(g["ym_m"])
            found = _day(int(g["ym_y"]), month, int(g["ym_d"])) if month else None
        elif g["dm_y"]:
            month = _month(g["dm_m"])
            found = _day(int(g["dm_y"]), month, int(g["dm_d"])) if month else None
        else:
            month = _month(g["md_m"])
            found = _day(int(g["md_y"]), month, int(g["md_d"])) if month else None
        if found is not None:
            return found
    return None


def day_start(day: date) -> datetime:
    """Midnight UTC of a day (a date printed without a time)."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC)
