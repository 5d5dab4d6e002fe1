"""The report's charts as hand-written inline SVG: stacked bars on a time axis, ranked horizontal
bars, histograms. Each takes aggregated rows (a few hundred at most) and returns markup whose size
does not grow with the corpus. Every bar carries a <title>, so hovering shows the exact figure."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from warehouse.report.timeaxis import Axis, next_bucket, ticks

WIDTH = 800  # viewBox width; the page scales the SVG to its column
PALETTE = ("#3b6ea5", "#e07b39", "#5aa05a", "#c44e52", "#8172b3", "#937860", "#888888")
FONT = 'font-family="sans-serif" font-size="12"'


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def count(value: float | int) -> str:
    """A count for a label: 1,234."""
    return f"{int(value):,}"


def amount(n: int, noun: str) -> str:
    """1 article, 2 articles, 1,234 distinct comments."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def compact(value: float) -> str:
    """An axis label: 950, 1.2k, 34k, 5.6M."""
    for size, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            scaled = value / size
            return f"{scaled:.1f}".rstrip("0").rstrip(".") + suffix
    return f"{value:g}"


def nice_max(value: float, intervals: int = 4) -> tuple[float, float]:
    """An axis top at or above `value` and its gridline step (1, 2, 2.5 or 5 × 10^k)."""
    if value <= 0:
        return 1.0, 0.25 if intervals == 4 else 1.0 / intervals
    raw = value / intervals
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * power
        if step * intervals >= value:
            break
    if step < 1 and value >= 1:
        step = 1.0
    return step * math.ceil(value / step), step


def _svg(height: int, body: str, label: str, width: int = WIDTH) -> str:
    return (
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{esc(label)}" {FONT}>{body}</svg>'
    )


def empty(message: str, height: int = 60, width: int = WIDTH) -> str:
    return _svg(
        height,
        f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" fill="#666">'
        f"{esc(message)}</text>",
        message,
        width,
    )


def _y_grid(left: float, right: float, top: float, bottom: float, y_max: float, step: float) -> str:
    parts = []
    value = 0.0
    while value <= y_max + step / 1000:
        y = bottom - (bottom - top) * value / y_max
        parts.append(
            f'<line x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">'
            f"{compact(value)}</text>"
        )
        value += step
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class TimeSeries:
    """Sums per bucket of an axis, one list of values per series (stacked in that order)."""

    axis: Axis
    buckets: Sequence[date]  # bucket starts, ascending, only those with data
    series: Sequence[tuple[str, Sequence[int]]]  # (name, value per bucket)
    noun: str  # "comment", "article": names the figures in each bar's title


def time_bars(data: TimeSeries, height: int = 240) -> str:
    """Stacked bars placed at their true dates: each bar spans its bucket, gaps show time when
    nothing happened, and ticks fall on calendar boundaries."""
    left, right, top, bottom = 56.0, WIDTH - 12.0, 12.0, height - 28.0
    totals = [sum(values[i] for _, values in data.series) for i in range(len(data.buckets))]
    if not totals or max(totals) == 0:
        return empty(f"No dated {data.noun}s yet", height=80)
    y_max, step = nice_max(max(totals))
    span = right - left

    def x(day: date) -> float:
        return left + span * data.axis.position(day)

    parts = [_y_grid(left, right, top, bottom, y_max, step)]
    for i, start in enumerate(data.buckets):
        x0, x1 = x(start), x(next_bucket(start, data.axis.unit))
        width = max(x1 - x0 - (1.0 if x1 - x0 > 4 else 0.0), 0.8)
        y = bottom
        detail = "; ".join(
            f"{esc(name)} {count(values[i])}" for name, values in data.series if values[i]
        )
        rects = []
        for colour, (_, values) in zip(PALETTE, data.series, strict=False):
            if not values[i]:
                continue
            h = (bottom - top) * values[i] / y_max
            y -= h
            rects.append(
                f'<rect x="{x0:.1f}" y="{y:.1f}" width="{width:.1f}" height="{h:.1f}" '
                f'fill="{colour}"/>'
            )
        title = f"{_bucket_label(start, data.axis.unit)}: {amount(totals[i], data.noun)}"
        if len(data.series) > 1:
            title += f" ({detail})"
        parts.append(f"<g><title>{esc(title)}</title>{''.join(rects)}</g>")
    parts.append(f'<line x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="#999"/>')
    for tick in ticks(data.axis):
        tx = x(tick.day)
        parts.append(
            f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{bottom}" y2="{bottom + 5}" stroke="#999"/>'
            f'<text x="{tx:.1f}" y="{bottom + 18}" text-anchor="middle" fill="#333">'
            f"{esc(tick.label)}</text>"
        )
    return _svg(height, "".join(parts), f"{data.noun}s per {data.axis.unit}")


def _bucket_label(start: date, unit: str) -> str:
    if unit == "day":
        return start.isoformat()
    if unit == "week":
        return f"week of {start.isoformat()}"
    if unit == "month":
        return start.strftime("%Y-%m")
    if unit == "quarter":
        return f"{start.year} Q{(start.month - 1) // 3 + 1}"
    return str(start.year)


@dataclass(frozen=True, slots=True)
class Ranked:
    label: str
    value: int
    detail: str = ""  # shown after the value, e.g. "12 articles"


def ranked_bars(rows: Sequence[Ranked], noun: str, empty_message: str) -> str:
    """Horizontal bars, largest first, each labelled with its name (shortened, in full on hover)
    and its value."""
    if not rows:
        return empty(empty_message)
    row_height, label_width = 24, 250.0
    height = row_height * len(rows) + 8
    left, right = label_width + 8, WIDTH - 150.0
    top_value = max(r.value for r in rows) or 1
    parts = []
    for i, row in enumerate(rows):
        y = 4 + i * row_height
        w = max((right - left) * row.value / top_value, 1.0)
        value_text = count(row.value) + (f" · {shorten(row.detail, 24)}" if row.detail else "")
        parts.append(
            f"<g><title>{esc(row.label)}: {esc(amount(row.value, noun))}"
            f"{' · ' + esc(row.detail) if row.detail else ''}</title>"
            f'<text x="{label_width}" y="{y + 16}" text-anchor="end" fill="#222">'
            f"{esc(shorten(row.label, 38))}</text>"
            f'<rect x="{left}" y="{y + 3}" width="{w:.1f}" height="{row_height - 7}" '
            f'fill="{PALETTE[0]}"/>'
            f'<text x="{left + w + 6:.1f}" y="{y + 16}" fill="#333">{esc(value_text)}</text></g>'
        )
    return _svg(height, "".join(parts), f"top {len(rows)} by {noun}s")


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def histogram(
    bins: Sequence[tuple[str, int]], noun: str, height: int = 220, width: int = WIDTH
) -> str:
    """Vertical bars over labelled bins (in order), each with its count on top."""
    if not bins or not any(n for _, n in bins):
        return empty(f"No {noun}s to show", width=width)
    left, right, top, bottom = 44.0, width - 6.0, 18.0, height - 30.0
    y_max, step = nice_max(max(n for _, n in bins))
    slot = (right - left) / len(bins)
    parts = [_y_grid(left, right, top, bottom, y_max, step)]
    for i, (label, n) in enumerate(bins):
        h = (bottom - top) * n / y_max
        x0 = left + i * slot + slot * 0.1
        parts.append(
            f"<g><title>{esc(label)}: {esc(amount(n, noun))}</title>"
            f'<rect x="{x0:.1f}" y="{bottom - h:.1f}" width="{slot * 0.8:.1f}" height="{h:.1f}" '
            f'fill="{PALETTE[0]}"/>'
            f'<text x="{x0 + slot * 0.4:.1f}" y="{bottom - h - 4:.1f}" text-anchor="middle" '
            f'fill="#333" font-size="11">{count(n) if n else ""}</text>'
            f'<text x="{x0 + slot * 0.4:.1f}" y="{bottom + 16}" text-anchor="middle" '
            f'fill="#333" font-size="11">{esc(label)}</text></g>'
        )
    parts.append(f'<line x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="#999"/>')
    return _svg(height, "".join(parts), f"{noun}s histogram", width)
