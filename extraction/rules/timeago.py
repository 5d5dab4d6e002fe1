"""jQuery timeago's English wording and rounding thresholds, as data.

timeago prints the distance to a timestamp by walking these bands in order and printing the first
whose upper limit the distance is under; counts are rounded with JavaScript's Math.round. Reading a
phrase back therefore gives a window: the band's limits intersected with the values that round
to the printed count. See docs/timeago.md for the worked rule.
"""

from __future__ import annotations

from dataclasses import dataclass

SECOND = 1.0
MINUTE = 60 * SECOND
HOUR = 60 * MINUTE
DAY = 24 * HOUR
YEAR = 365 * DAY
MONTH = 30 * DAY  # timeago divides days by 30 for its month count


@dataclass(frozen=True, slots=True)
class TimeagoBand:
    name: str
    lower_seconds: float  # inclusive
    upper_seconds: float  # exclusive
    unit_seconds: float | None  # None: a fixed phrase with no count
    singular: str  # the unit word as timeago spells it with count 1 or a fixed phrase
    plural: str | None


# In timeago's order. Upper limits are its thresholds: seconds < 45, seconds < 90, minutes < 45,
# minutes < 90, hours < 24, hours < 42, days < 30, days < 45, days < 365, years < 1.5, then years.
TIMEAGO_BANDS: tuple[TimeagoBand, ...] = (
    TimeagoBand("seconds", 0, 45 * SECOND, None, "less than a minute", None),
    TimeagoBand("minute", 45 * SECOND, 90 * SECOND, None, "minute", None),
    TimeagoBand("minutes", 90 * SECOND, 45 * MINUTE, MINUTE, "minute", "minutes"),
    TimeagoBand("hour", 45 * MINUTE, 90 * MINUTE, None, "hour", None),
    TimeagoBand("hours", 90 * MINUTE, 24 * HOUR, HOUR, "hour", "hours"),
    TimeagoBand("day", 24 * HOUR, 42 * HOUR, None, "day", None),
    TimeagoBand("days", 42 * HOUR, 30 * DAY, DAY, "day", "days"),
    TimeagoBand("month", 30 * DAY, 45 * DAY, None, "month", None),
    TimeagoBand("months", 45 * DAY, 365 * DAY, MONTH, "month", "months"),
    TimeagoBand("year", 365 * DAY, 1.5 * YEAR, None, "year", None),
    TimeagoBand("years", 1.5 * YEAR, float("inf"), YEAR, "year", "years"),
)

# Words that stand for the count one ("a day", "an hour"); "about" and "ago" are optional.
ONE_WORDS: tuple[str, ...] = ("a", "an", "one")
APPROXIMATION_WORDS: tuple[str, ...] = ("about", "almost", "over")
SUFFIX_AGO = "ago"
LESS_THAN_A_MINUTE = "less than a minute"
