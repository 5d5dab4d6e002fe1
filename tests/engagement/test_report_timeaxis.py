"""The report's time axis on its own: which bucket a span gets, where ticks fall and what they
say, and which stray dates are left off. Examples worked out on a calendar, then properties over
any span from a day to two centuries."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from warehouse.report.timeaxis import (
    MAX_BUCKETS,
    MAX_TICKS,
    UNITS,
    axis_for,
    bucket_count,
    bucket_start,
    choose_unit,
    next_bucket,
    shown_range,
    ticks,
)


def test_span_picks_the_finest_readable_bucket() -> None:
    assert choose_unit(date(2017, 11, 1), date(2017, 11, 6)) == "day"
    assert choose_unit(date(2017, 1, 1), date(2017, 6, 9)) == "day"  # 160 days
    assert choose_unit(date(2017, 1, 1), date(2017, 6, 10)) == "week"
    assert choose_unit(date(2017, 1, 1), date(2020, 1, 1)) == "week"  # 157 weeks
    assert choose_unit(date(2017, 1, 1), date(2026, 1, 1)) == "month"
    assert choose_unit(date(1990, 1, 1), date(2026, 1, 1)) == "quarter"
    assert choose_unit(date(1800, 1, 1), date(2026, 1, 1)) == "year"


def test_buckets_start_on_calendar_boundaries() -> None:
    tuesday = date(2019, 1, 1)
    assert bucket_start(tuesday, "week") == date(2018, 12, 31)  # Monday, as DuckDB's date_trunc
    assert bucket_start(date(2019, 8, 17), "quarter") == date(2019, 7, 1)
    assert next_bucket(date(2019, 11, 1), "quarter") == date(2020, 2, 1)
    assert next_bucket(date(2019, 12, 1), "month", 3) == date(2020, 3, 1)


def test_ticks_of_a_month_fall_on_mondays() -> None:
    axis = axis_for(date(2017, 1, 1), date(2017, 1, 31))
    assert axis.unit == "day"
    assert [(t.day, t.label) for t in ticks(axis)] == [
        (date(2017, 1, 2), "2 Jan 2017"),
        (date(2017, 1, 9), "9 Jan"),
        (date(2017, 1, 16), "16 Jan"),
        (date(2017, 1, 23), "23 Jan"),
        (date(2017, 1, 30), "30 Jan"),
    ]


def test_ticks_of_two_years_are_quarters_named_with_the_year_once() -> None:
    axis = axis_for(date(2017, 3, 5), date(2018, 11, 20))
    assert [t.label for t in ticks(axis)] == [
        "Apr 2017",
        "Jul",
        "Oct",
        "Jan 2018",
        "Apr",
        "Jul",
        "Oct",
    ]


def test_ticks_of_a_decade_are_years() -> None:
    axis = axis_for(date(2017, 1, 15), date(2026, 1, 15))
    assert [t.label for t in ticks(axis)] == ["2018", "2020", "2022", "2024", "2026"]


def test_a_sliver_of_stray_dates_is_left_off() -> None:
    main = [(date(2019, 1, 1) + timedelta(days=i), 10) for i in range(365)]
    assert shown_range([(date(1970, 1, 1), 1), *main]) == (date(2019, 1, 1), date(2019, 12, 31))
    # Not a sliver: a tenth of the activity in 1970 is data, not noise.
    assert shown_range([(date(1970, 1, 1), 400), *main]) == (date(1970, 1, 1), date(2019, 12, 31))
    # Far, but not far enough to squash the rest.
    near = [(date(2018, 6, 1), 1), *main]
    assert shown_range(near) == (date(2018, 6, 1), date(2019, 12, 31))
    assert shown_range([]) is None
    assert shown_range([(date(2019, 1, 1), 0)]) is None


days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@settings(deadline=None)  # a loaded machine is slow, not wrong
@given(days, st.integers(min_value=0, max_value=200 * 366))
def test_axis_properties(first: date, length: int) -> None:
    last = min(first + timedelta(days=length), date(2100, 12, 31))
    axis = axis_for(first, last)
    assert axis.start <= first and last < axis.end
    assert axis.unit in UNITS
    assert bucket_count(first, last, axis.unit) <= MAX_BUCKETS or axis.unit == "year"
    finer = UNITS[: UNITS.index(axis.unit)]
    assert all(bucket_count(first, last, u) > MAX_BUCKETS for u in finer)
    marks = ticks(axis)
    assert 1 <= len(marks) <= MAX_TICKS
    assert all(axis.start <= t.day <= axis.end for t in marks)
    assert [t.day for t in marks] == sorted({t.day for t in marks})
    assert all(t.label for t in marks) and str(marks[0].day.year) in marks[0].label
    positions = [axis.position(t.day) for t in marks]
    assert positions == sorted(positions) and positions[0] >= 0 and positions[-1] <= 1


@settings(deadline=None)
@given(days, st.sampled_from(UNITS))
def test_buckets_tile_time(day: date, unit: str) -> None:
    start = bucket_start(day, unit)
    after = next_bucket(start, unit)
    assert start <= day < after
    assert bucket_start(after, unit) == after
    assert bucket_start(after - timedelta(days=1), unit) == start
