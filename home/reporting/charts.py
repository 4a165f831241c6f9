"""Bar charts drawn on the server as accessible SVG: no script, no external file."""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

# Okabe–Ito colours: told apart by readers with any common colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
TEXT = "#1d1d1d"
MUTED = "#5c5c5c"
GRID = "#cccccc"
WIDTH = 760
LABEL_WIDTH = 210
VALUE_ROOM = 60
BAR = 14
BAR_GAP = 3
GROUP_GAP = 18
LEGEND_ROW = 20
LEGEND_COLUMN = 250
TOP = 16
MAX_TICKS = 4
PLOT_HEIGHT = 220


@dataclass(frozen=True)
class Series:
    """One kind of bar, drawn in the same colour in every group."""

    key: str
    label: str


@dataclass(frozen=True)
class Group:
    """A set of bars read together: a year, or a content type."""

    label: str
    values: dict[str, float]


@dataclass(frozen=True)
class Axis:
    """The value axis: its top and the values of its ticks."""

    top: float
    ticks: tuple[float, ...]

    def share(self, value: float) -> float:
        return min(max(value, 0), self.top) / self.top


def value_axis(largest: float, fixed_top: float | None = None) -> Axis:
    """Return an axis from zero with at most four round steps (1, 2 or 5 × 10ⁿ)."""
    if fixed_top:
        step = fixed_top / MAX_TICKS
        return Axis(fixed_top, tuple(step * n for n in range(MAX_TICKS + 1)))
    largest = max(largest, 1)
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            count = math.ceil(largest / step)
            if count <= MAX_TICKS:
                return Axis(step * count, tuple(step * n for n in range(count + 1)))
        magnitude *= 10


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _attrs(**values: object) -> str:
    return " ".join(
        f'{name.replace("_", "-")}="{escape(str(value))}"'
        for name, value in values.items()
    )


def _text(content: str, fill: str = TEXT, **attrs: object) -> str:
    return f"<text {_attrs(fill=fill, **attrs)}>{escape(content)}</text>"


def _describe(
    description: str, groups: Sequence[Group], series: Sequence[Series], unit: str
) -> str:
    lines = [description]
    for group in groups:
        parts = ", ".join(
            f"{item.label}: {_number(group.values.get(item.key, 0))}{unit}"
            for item in series
        )
        lines.append(f"{group.label} — {parts}.")
    return " ".join(lines)


def _bar(group: Group, item: Series, index: int, unit: str, **box: float) -> str:
    value = group.values.get(item.key, 0) or 0
    shown = f"{_number(value)}{unit}"
    return (
        f'<rect class="bar" {_attrs(data_series=item.key, data_value=value)} '
        f"{_attrs(**box, fill=PALETTE[index % len(PALETTE)])}>"
        f"<title>{escape(group.label)}, {escape(item.label)}: {escape(shown)}</title>"
        f"</rect>"
    )


def _horizontal(groups, series, axis: Axis, unit: str, top: int) -> tuple[str, int]:
    plot_width = WIDTH - LABEL_WIDTH - VALUE_ROOM
    group_height = len(series) * (BAR + BAR_GAP) + GROUP_GAP
    plot_height = max(1, len(groups)) * group_height
    parts = ['<g class="axis">']
    for tick in axis.ticks:
        x = round(LABEL_WIDTH + plot_width * axis.share(tick), 1)
        parts.append(
            f"<line {_attrs(x1=x, y1=top - 4, x2=x, y2=top + plot_height)} "
            f"{_attrs(stroke=GRID)}/>"
            + _text(
                f"{_number(tick)}{unit}",
                x=x,
                y=top + plot_height + 16,
                text_anchor="middle",
                fill=MUTED,
            )
        )
    parts.append('</g><g class="bars">')
    for group_index, group in enumerate(groups):
        y0 = top + group_index * group_height
        parts.append(
            f'<g class="bar-group" data-group="{escape(group.label)}">'
            + _text(
                Truncator(group.label).chars(32),
                x=LABEL_WIDTH - 8,
                y=y0 + BAR - 2,
                text_anchor="end",
            )
        )
        for index, item in enumerate(series):
            value = group.values.get(item.key, 0) or 0
            width = round(plot_width * axis.share(value), 1)
            y = y0 + index * (BAR + BAR_GAP)
            parts.append(
                _bar(
                    group,
                    item,
                    index,
                    unit,
                    x=LABEL_WIDTH,
                    y=y,
                    width=width,
                    height=BAR,
                )
                + _text(
                    f"{_number(value)}{unit}",
                    x=LABEL_WIDTH + width + 4,
                    y=y + BAR - 3,
                    font_size=11,
                )
            )
        parts.append("</g>")
    parts.append("</g>")
    return "".join(parts), top + plot_height + 24


def _vertical(groups, series, axis: Axis, unit: str, top: int) -> tuple[str, int]:
    left = 48
    group_width = len(series) * (BAR + BAR_GAP) + GROUP_GAP
    plot_width = max(WIDTH - left, len(groups) * group_width)
    bottom = top + 14 + PLOT_HEIGHT
    parts = ['<g class="axis">']
    for tick in axis.ticks:
        y = round(bottom - PLOT_HEIGHT * axis.share(tick), 1)
        parts.append(
            f"<line {_attrs(x1=left - 4, y1=y, x2=left + plot_width, y2=y)} "
            f"{_attrs(stroke=GRID)}/>"
            + _text(
                f"{_number(tick)}{unit}",
                x=left - 8,
                y=y + 4,
                text_anchor="end",
                fill=MUTED,
            )
        )
    parts.append('</g><g class="bars">')
    for group_index, group in enumerate(groups):
        x0 = left + GROUP_GAP / 2 + group_index * group_width
        parts.append(f'<g class="bar-group" data-group="{escape(group.label)}">')
        for index, item in enumerate(series):
            value = group.values.get(item.key, 0) or 0
            height = round(PLOT_HEIGHT * axis.share(value), 1)
            x = x0 + index * (BAR + BAR_GAP)
            parts.append(
                _bar(
                    group,
                    item,
                    index,
                    unit,
                    x=x,
                    y=bottom - height,
                    width=BAR,
                    height=height,
                )
                + _text(
                    _number(value),
                    x=x + BAR / 2,
                    y=bottom - height - 3,
                    font_size=10,
                    text_anchor="middle",
                )
            )
        parts.append(
            _text(
                Truncator(group.label).chars(14),
                x=x0 + (group_width - GROUP_GAP) / 2,
                y=bottom + 16,
                text_anchor="middle",
            )
            + "</g>"
        )
    parts.append("</g>")
    return "".join(parts), bottom + 28


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    groups: Sequence[Group],
    series: Sequence[Series],
    unit: str = "",
    max_value: float | None = None,
    vertical: bool = False,
) -> SafeString:
    """Return a grouped bar chart: one bar per group and series.

    The title, and a sentence giving every value, are the SVG's <title> and
    <desc>, which screen readers announce for role="img"; each bar also carries
    its own <title> as a tooltip.
    """
    largest = max(
        (group.values.get(item.key, 0) or 0 for group in groups for item in series),
        default=0,
    )
    axis = value_axis(largest, max_value)
    legend_rows = math.ceil(len(series) / 3)
    plot_top = TOP + 24 + legend_rows * LEGEND_ROW
    draw = _vertical if vertical else _horizontal
    body, height = draw(groups, series, axis, unit, plot_top)
    width = WIDTH
    if vertical:
        width = max(
            WIDTH, 48 + len(groups) * (len(series) * (BAR + BAR_GAP) + GROUP_GAP)
        )
    parts = [
        f"<svg {_attrs(xmlns='http://www.w3.org/2000/svg', role='img', id=chart_id)} "
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f"{_attrs(viewBox=f'0 0 {width} {height}', width=width, height=height)} "
        f'{_attrs(font_family="sans-serif", font_size=12)} class="reporting-chart">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">'
        f"{escape(_describe(description, groups, series, unit))}</desc>",
        f"<rect {_attrs(x=0, y=0, width=width, height=height, fill='#ffffff')}/>",
        _text(title, x=0, y=TOP, font_size=14, font_weight="bold"),
        '<g class="legend">',
    ]
    for index, item in enumerate(series):
        x = (index % 3) * LEGEND_COLUMN
        y = TOP + 12 + (index // 3) * LEGEND_ROW
        parts.append(
            f"<rect {_attrs(x=x, y=y, width=12, height=12)} "
            f"{_attrs(fill=PALETTE[index % len(PALETTE)])}/>"
            + _text(item.label, x=x + 18, y=y + 10)
        )
    parts.append("</g>")
    if not groups:
        parts.append(
            _text(
                _("Nothing to show for these filters."), x=LABEL_WIDTH, y=plot_top + 14
            )
        )
    parts.append(body)
    parts.append("</svg>")
    # Every text and attribute above went through _text()/_attrs(), which escape.
    return mark_safe("".join(parts))  # noqa: S308  # nosec B308 B703


def svg_document(chart: str) -> str:
    """Return a chart as a standalone .svg file."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + chart + "\n"
