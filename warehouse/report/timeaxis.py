"""A true time axis for the report's time series: the bucket (day, week, month, quarter, year) that
keeps a span to a readable number of bars, calendar-aligned ticks with short labels, and the range
to show when a few stray dates (a 1970 epoch, a typo'd year) would squash the rest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

# Coarsest last: the first unit giving at most MAX_BUCKETS bars over the span is chosen.
UNITS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
MAX_BUCKETS = 160
MAX_TICKS = 9
# Tick steps per kind, finest first: (unit, count of units between ticks).
TICK_STEPS: tuple[tuple[str, int], ...] = (
    ("day", 1),
    ("day", 2),
    ("week", 1),
    ("week", 2),
    ("month", 1),
    ("month", 2),
    ("month", 3),
    ("month", 6),
    ("year", 1),
    ("year", 2),
    ("year", 5),
    ("year", 10),
    ("year", 20),
    ("year", 50),
    ("year", 100),
)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Activity outside the central OUTLIER_QUANTILE .. 1 - OUTLIER_QUANTILE is left off the axis, but
# only when keeping it would make the axis more than OUTLIER_STRETCH times longer.
OUTLIER_QUANTILE = 0.005
OUTLIER_STRETCH = 4.0


def bucket_start(day: date, unit: str) -> date:
    """The first day of the bucket holding `day` (weeks start on Monday, as DuckDB's
    date_trunc('week', ...))."""
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if unit == "year":
        return date(day.year, 1, 1)
    raise ValueError(f"unknown unit {unit!r}")


def next_bucket(start: date, unit: str, count: int = 1) -> date:
    """The start of the bucket `count` units after the one starting at `start`."""
    if unit == "day":
        return start + timedelta(days=count)
    if unit == "week":
        return start + timedelta(weeks=count)
    months = {"month": 1, "quarter": 3, "year": 12}[unit] * count
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def bucket_count(first: date, last: date, unit: str) -> int:
    """How many buckets of `unit` the days first..last touch."""
    start, end = bucket_start(first, unit), bucket_start(last, unit)
    if unit in ("day", "week"):
        return (end - start).days // (1 if unit == "day" else 7) + 1
    months = (end.year - start.year) * 12 + end.month - start.month
    return months // {"month": 1, "quarter": 3, "year": 12}[unit] + 1


def choose_unit(first: date, last: date, max_buckets: int = MAX_BUCKETS) -> str:
    """The finest unit that draws the span in at most `max_buckets` bars."""
    for unit in UNITS:
        if bucket_count(first, last, unit) <= max_buckets:
            return unit
    return UNITS[-1]


@dataclass(frozen=True, slots=True)
class Axis:
    """What the x axis spans: [start, end) in whole buckets of `unit`."""

    start: date
    end: date
    unit: str

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def position(self, day: date) -> float:
        """0 at `start`, 1 at `end`: days are spaced as time passes, not as categories."""
        return (day - self.start).days / self.days


def axis_for(first: date, last: date, max_buckets: int = MAX_BUCKETS) -> Axis:
    unit = choose_unit(first, last, max_buckets)
    start = bucket_start(first, unit)
    return Axis(start, next_bucket(bucket_start(last, unit), unit), unit)


def shown_range(activity: Sequence[tuple[date, int]]) -> tuple[date, date] | None:
    """The days to put on the axis, from (day, amount) pairs sorted by day: all of them, unless
    a sliver of the amount lies so far out that it would squash the rest (see OUTLIER_*). Then
    the axis keeps the central days and any within one central span of them."""
    days = [(d, n) for d, n in activity if n > 0]
    if not days:
        return None
    total = sum(n for _, n in days)
    running, low, high = 0, days[0][0], days[-1][0]
    found_low = False
    for day, amount in days:
        running += amount
        if not found_low and running > total * OUTLIER_QUANTILE:
            low, found_low = day, True
        if running >= total * (1 - OUTLIER_QUANTILE):
            high = day
            break
    first, last = days[0][0], days[-1][0]
    central = high - low + timedelta(days=1)
    if (last - first).days + 1 <= OUTLIER_STRETCH * central.days:
        return first, last
    kept = [d for d, _ in days if low - central <= d <= high + central]
    return kept[0], kept[-1]


@dataclass(frozen=True, slots=True)
class Tick:
    day: date
    label: str


def _label(day: date, unit: str, with_year: bool) -> str:
    if unit == "year":
        return str(day.year)
    if unit == "month":
        return f"{MONTHS[day.month - 1]} {day.year}" if with_year else MONTHS[day.month - 1]
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def _tick_days(axis: Axis, unit: str, step: int) -> list[date]:
    if unit == "day":
        first = axis.start
    elif unit == "week":
        first = bucket_start(axis.start, "week")
        if first < axis.start:
            first += timedelta(weeks=1)
    else:
        first = bucket_start(axis.start, "month" if unit == "month" else "year")
        if first < axis.start:
            first = next_bucket(first, unit)
        if unit == "month":  # months at multiples of the step (Jan, Apr, Jul, Oct for 3)
            while (first.month - 1) % step:
                first = next_bucket(first, "month")
        else:  # years at multiples of the step (2010, 2015, 2020 for 5)
            while first.year % step:
                first = next_bucket(first, "year")
    days = []
    day = first
    while day <= axis.end:
        days.append(day)
        day = next_bucket(day, unit, step)
    return days


def ticks(axis: Axis, max_ticks: int = MAX_TICKS) -> list[Tick]:
    """Calendar-aligned ticks, as many as fit in `max_ticks`, labelled briefly: the year is named
    on the first tick and wherever it changes."""
    for unit, step in TICK_STEPS:
        days = _tick_days(axis, unit, step)
        if len(days) <= max_ticks:
            break
    label_unit = "day" if unit in ("day", "week") else unit
    result, year = [], None
    for day in days:
        result.append(Tick(day, _label(day, label_unit, with_year=day.year != year)))
        year = day.year
    return result
