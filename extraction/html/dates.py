"""Timestamps as pages write them, read into tz-aware datetimes that keep their offset.

Machine-readable values (ISO 8601 with an offset, a zone name such as "PST" or "GMT+0100", RFC
2822 "Tue, 14 Feb 2017 10:00:00 +0100") keep their offset: a publication time comes back in the
zone the page wrote (``Stamp.as_written``), so that its day is the day the page states, and the
warehouse stores the instant in UTC (``warehouse.staging``). A value
without any zone is read as UTC (nothing says otherwise), unless another source on the page
writes the same wall-clock time with its offset (``first_zoned``). Dates printed for readers
("3. Mai 2024", "May 3, 2024", "2024年5月3日", "03.05.2024") give a day only (midnight UTC).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Stamp:
    """A timestamp as the page wrote it: the instant (UTC), the wall-clock time written, whether
    the value stated its zone and whether it had a time of day at all."""

    moment: datetime
    local: datetime
    zoned: bool
    has_time: bool
    offset: timedelta = timedelta(0)  # the zone written; zero where none was

    def as_written(self) -> datetime:
        """The instant in the zone the page wrote it in (UTC where it wrote none)."""
        return self.moment.astimezone(timezone(self.offset))

    def same_wall_clock(self, other: Stamp) -> bool:
        """Whether ``other`` writes the same local time (to the minute), or the same day when
        this stamp has no time of day."""
        if not self.has_time:
            return other.local.date() == self.local.date()
        return other.local.replace(second=0, microsecond=0) == self.local.replace(
            second=0, microsecond=0
        )


def parse_stamp(value: str | None) -> Stamp | None:
    """A machine-readable timestamp with what it says about its zone; None when it is none."""
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
            zoned = moment.tzinfo is not None
            local = moment.replace(tzinfo=None)
            moment = moment if zoned else moment.replace(tzinfo=UTC)
            written = moment.utcoffset() or timedelta(0)
            return Stamp(moment.astimezone(UTC), local, zoned, True, written)
        return None
    year, month, day, hour, minute, second, fraction, zone = m.groups()
    offset = _offset(zone)
    try:
        local = datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            int((fraction or "0").ljust(6, "0")),
        )
        # An abbreviation we do not know is read as UTC, like a value without a zone.
        moment = local.replace(tzinfo=timezone(offset or timedelta(0))).astimezone(UTC)
    except (ValueError, OverflowError):
        return None
    zoned = offset is not None and zone is not None
    return Stamp(moment, local, zoned, hour is not None, offset or timedelta(0))


def parse_datetime(value: str | None) -> datetime | None:
    """A machine-readable timestamp as a tz-aware UTC datetime; None when it is none."""
    stamp = parse_stamp(value)
    return stamp.moment if stamp else None


def day_stamp(day: date) -> Stamp:
    """A date printed without a time: midnight UTC, no zone stated."""
    local = datetime(day.year, day.month, day.day)
    return Stamp(local.replace(tzinfo=UTC), local, False, False)


def first_zoned(stamps: Iterator[Stamp]) -> datetime | None:
    """The instant of the first stamp, in order of trust, in the zone it was written in. A first
    stamp that states no zone (a local time written without its offset, or a bare day) takes the
    zone of a later stamp showing the same wall-clock time, so that a local time is not stored
    as if it were UTC."""
    first = next(stamps, None)
    if first is None or first.zoned:
        return first.as_written() if first else None
    for later in stamps:
        if later.zoned and first.same_wall_clock(later):
            return later.as_written()
    return first.as_written()


def _month(name: str) -> int | None:
    return rules.MONTH_NAMES.get(name.casefold().rstrip("."))


def _day(year: int, month: int, day: int) -> date | None:
    if not 1990 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def visible_date(text: str, month_first: bool = False) -> date | None:
    """The first calendar date printed in a short text, in the forms news pages use.

    ``month_first``: the page's language writes "06/01/2024" for June 1 (American English);
    dates with dots ("01.06.2024") are day first in every language that writes them."""
    for m in rules.VISIBLE_DATE_RE.finditer(text):
        g = m.groupdict()
        if g["iso_y"]:
            found = _day(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
        elif g["cjk_y"]:
            found = _day(int(g["cjk_y"]), int(g["cjk_m"]), int(g["cjk_d"]))
        elif g["num_y"] or g["short_y"]:
            # 03.05.2024 and 03/05/2024 are day first outside the United States; a first number
            # above 12 leaves no doubt, and a second one above 12 makes it month first.
            year = int(g["num_y"]) if g["num_y"] else 2000 + int(g["short_y"])
            first, second = int(g["num_a"] or g["short_a"]), int(g["num_b"] or g["short_b"])
            american = month_first and "/" in m.group(0) and first <= 12
            if second > 12 >= first or (american and second <= 12):
                first, second = second, first
            found = _day(year, second, first)
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
