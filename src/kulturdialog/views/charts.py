"""Bar charts of a figure's values laid out for an SVG template: positions, wrapped labels and
the values as text. Pure arithmetic; the drawing itself is in ``_chart.html``."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import lru_cache

from babel.numbers import format_decimal

from kulturdialog.model.package import Figure, FigureValue

WIDTH = 640
"""Width of the drawing in SVG units; it scales to its box."""
LINE = 20
"""Height of one line of label text."""
BAR = 24
"""Height of a bar."""
GAP = 16
"""Space after each bar."""
VALUE_ROOM = 110
"""Room to the right of the longest bar for its value."""
WRAP = 68
"""Characters per label line."""


@dataclass(frozen=True)
class Layout:
    """The measures of a chart drawing, in SVG units."""

    width: int = WIDTH
    line: int = LINE
    bar: int = BAR
    gap: int = GAP
    value_room: int = VALUE_ROOM
    wrap: int = WRAP
    name: str = "page"
    """Names the stylesheet's text size for this layout: 'page' or 'deck'."""


PAGE = Layout()
"""For a chart in the flow of a page, about as wide as the text."""
DECK = Layout(width=860, line=38, bar=34, gap=18, value_room=150, wrap=46, name="deck")
"""For a slide on the presenter's stage, drawn at its own size: labels 32 units high stay at
least 24 pixels on a 1280×720 screen."""


@dataclass(frozen=True)
class Bar:
    """One value of the chart where the template draws it."""

    lines: list[str]
    """The label, wrapped."""
    label_y: int
    """Baseline of the first label line."""
    bar_y: int
    """Top of the bar."""
    width: float
    """Length of the bar."""
    value: str
    """The value as text, with its unit."""
    layout: Layout = PAGE

    @property
    def label_lines(self) -> list[tuple[int, str]]:
        """Each line of the label with its baseline."""
        step = self.layout.line
        return [(self.label_y + index * step, line) for index, line in enumerate(self.lines)]

    @property
    def value_x(self) -> float:
        return self.width + 8

    @property
    def value_y(self) -> int:
        return self.bar_y + self.layout.bar - self.layout.bar * 7 // 24


@dataclass(frozen=True)
class Scale:
    """Values of one kind of measure, drawn as bars of one scale in an SVG of their own."""

    id: str
    """Unique on its page: ties the SVG to its title and description."""
    measure: str | None
    """What the values count, such as 'i høj grad'; None when the figure does not say."""
    bars: list[Bar]
    height: int
    width: int = WIDTH
    bar_height: int = BAR
    layout: Layout = PAGE

    @property
    def description(self) -> str:
        """Every value in words, for screen readers."""
        return "; ".join(f"{' '.join(bar.lines)}: {bar.value}" for bar in self.bars)


@dataclass(frozen=True)
class Chart:
    """A figure laid out as horizontal bars, one scale per kind of measure."""

    id: str
    """Unique on its page."""
    figure: Figure
    scales: list[Scale]
    layout: Layout = PAGE

    @property
    def bars(self) -> list[Bar]:
        return [bar for scale in self.scales for bar in scale.bars]

    @property
    def heading(self) -> str:
        """The figure's title, or else the source's words that introduce the values."""
        return self.figure.title or self.figure.caption or ""


def number(value: float, language: str) -> str:
    """A number as the language writes it: 95, 12,5."""
    if value == int(value):
        return str(int(value))
    return format_decimal(value, locale=language)


def chart(figure: Figure, id: str, language: str, layout: Layout = PAGE) -> Chart:
    """``figure`` as bar charts, one for each run of values of the same measure, so that 'i høj
    grad' and 'i høj grad eller nogen grad' are never bars of one scale."""
    groups: list[tuple[str | None, list[FigureValue]]] = []
    for value in figure.values:
        measure = value.measured_as(figure)
        if groups and groups[-1][0] == measure:
            groups[-1][1].append(value)
        else:
            groups.append((measure, [value]))
    scales = [
        _scale(figure, measure, values, f"{id}-{index}", language, layout)
        for index, (measure, values) in enumerate(groups, start=1)
    ]
    return Chart(id, figure, scales, layout)


def _scale(
    figure: Figure,
    measure: str | None,
    values: list[FigureValue],
    id: str,
    language: str,
    layout: Layout,
) -> Scale:
    top = figure.maximum or max(v.value for v in values) or 1
    usable = layout.width - layout.value_room
    bars: list[Bar] = []
    y = 0
    for item in values:
        lines = list(_wrapped(item.label, layout.wrap))
        label_y = y + layout.line - layout.line // 4
        bar_y = y + layout.line * len(lines) + 2
        text = number(item.value, language)
        if figure.unit:
            text = f"{text} {figure.unit}"
        width = usable * min(item.value, top) / top
        bars.append(Bar(lines, label_y, bar_y, width, text, layout))
        y = bar_y + layout.bar + layout.gap
    return Scale(id, measure, bars, y - layout.gap + 2, layout.width, layout.bar, layout)


@lru_cache(maxsize=8192)
def _wrapped(text: str, width: int) -> tuple[str, ...]:
    # Wrapping is most of a chart's cost, and a live preview lays out every chart on each save.
    return tuple(textwrap.wrap(text, width) or [text])
