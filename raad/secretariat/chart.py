"""The geometry of the annual report's bar charts (server-rendered SVG, no JavaScript): pure, no database.

As the effort app's chart (raad/effort/chart.py): the template draws what this returns, and the data table
next to the chart shows the same numbers."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

WIDTH = 400  # small, so that the text stays readable when the chart shrinks to a phone's width
LABEL = 140  # the labels' column
RIGHT = 100  # room for the value after the bar
ROW = 34
BAR = 22
LABEL_CHARS = 12  # a longer label is shortened in the chart; the table under it has it in full


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | int
    shown: str  # the value as the table shows it
    y: float
    width: float

    @property
    def text_y(self) -> float:
        return self.y + BAR * 0.7

    @property
    def value_x(self) -> float:
        return LABEL + self.width + 6


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int = WIDTH
    left: int = LABEL

    @property
    def height(self) -> int:
        return ROW * len(self.bars) + 8


def bar_chart(rows: list[tuple[str, Decimal | int, str]], scale: Decimal | int | None = None) -> BarChart | None:
    """Horizontal bars for (label, value, shown) rows, scaled to `scale` (default the largest value)."""
    if not rows:
        return None
    top = scale if scale is not None else max(value for _label, value, _shown in rows)
    plot = WIDTH - LABEL - RIGHT
    bars = [
        Bar(
            label=label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…",
            value=value,
            shown=shown,
            y=4 + index * ROW,
            width=round(plot * float(value) / float(top), 1) if top else 0.0,
        )
        for index, (label, value, shown) in enumerate(rows)
    ]
    return BarChart(bars=bars)
