"""The geometry of an indicator's line chart (server-rendered SVG, no JavaScript): pure, no database.

The template draws what this returns; the data table under the chart shows the same numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 36


@dataclass(frozen=True)
class Point:
    year: int
    value: Decimal
    x: float
    y: float


@dataclass(frozen=True)
class Series:
    key: str  # "municipality" or "national"
    points: list[Point]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(frozen=True)
class Tick:
    label: Decimal | int
    position: float


@dataclass(frozen=True)
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    series: list[Series] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM


def _nice_step(span: Decimal) -> Decimal:
    raw = span / 4 if span > 0 else Decimal(1)
    magnitude = Decimal(10) ** raw.adjusted()
    for factor in (1, 2, 5, 10):
        step = magnitude * factor
        if step >= raw:
            return step
    return magnitude * 10  # pragma: no cover


def line_chart(series: dict[str, list[tuple[int, Decimal]]]) -> Chart | None:
    """Lines for each series of (year, value) pairs, on a shared axis from zero (or the lowest negative value)."""
    values = [v for pairs in series.values() for _y, v in pairs]
    years = sorted({y for pairs in series.values() for y, _v in pairs})
    if not values:
        return None
    low = min(Decimal(0), min(values))
    high = max(Decimal(0), max(values))
    step = _nice_step(high - low)
    low = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    high = (high / step).to_integral_value(rounding="ROUND_CEILING") * step
    if high == low:
        high = low + step
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(year: int) -> float:
        if len(years) == 1:
            return LEFT + plot_w / 2
        return LEFT + plot_w * (year - years[0]) / (years[-1] - years[0])

    def y_of(value: Decimal) -> float:
        return TOP + plot_h * float((high - value) / (high - low))

    y_ticks = []
    tick = low
    while tick <= high:
        y_ticks.append(Tick(label=tick.normalize() if tick else 0, position=y_of(tick)))
        tick += step
    return Chart(
        series=[
            Series(key=key, points=[Point(year=y, value=v, x=x_of(y), y=y_of(v)) for y, v in sorted(pairs)])
            for key, pairs in series.items()
            if pairs
        ],
        x_ticks=[Tick(label=year, position=x_of(year)) for year in years],
        y_ticks=y_ticks,
    )
