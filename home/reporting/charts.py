"""Bar charts drawn on the server as accessible SVG: no script, no external file."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

# Okabe–Ito colours: told apart by readers with any common colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
WIDTH = 760
LABEL_WIDTH = 210
VALUE_ROOM = 60
BAR_HEIGHT = 14
BAR_GAP = 3
GROUP_GAP = 18
LEGEND_ROW = 20
TOP = 16
TICKS = 4


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


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _scale_top(largest: float) -> float:
    """Return a round upper end for the axis (1, 2 or 5 times a power of ten)."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if step * TICKS >= largest:
                return step * TICKS
        magnitude *= 10


def _attrs(**values: object) -> str:
    return " ".join(
        f'{name.rstrip("_").replace("_", "-")}="{escape(str(value))}"'
        for name, value in values.items()
    )


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


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    groups: Sequence[Group],
    series: Sequence[Series],
    unit: str = "",
    max_value: float | None = None,
) -> SafeString:
    """Return a horizontal grouped bar chart: one bar per group and series.

    The title and a text description of every value are in the SVG's <title> and
    <desc>, which screen readers announce for role="img"; each bar also carries
    its own <title> as a tooltip.
    """
    top = max_value or _scale_top(
        max((group.values.get(s.key, 0) for group in groups for s in series), default=0)
    )
    plot_left = LABEL_WIDTH
    plot_width = WIDTH - LABEL_WIDTH - VALUE_ROOM
    legend_rows = (len(series) + 2) // 3
    plot_top = TOP + 24 + legend_rows * LEGEND_ROW
    group_height = len(series) * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP
    plot_height = max(1, len(groups)) * group_height
    height = plot_top + plot_height + 24
    parts = [
        f"<svg {_attrs(xmlns='http://www.w3.org/2000/svg', role='img')} "
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f"{_attrs(id=chart_id, viewBox=f'0 0 {WIDTH} {height}', width=WIDTH)} "
        f"{_attrs(height=height, font_family='sans-serif', font_size=12)} "
        f'class="reporting-chart">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">'
        f"{escape(_describe(description, groups, series, unit))}</desc>",
        f"<rect {_attrs(x=0, y=0, width=WIDTH, height=height, fill='#ffffff')}/>",
        f"<text {_attrs(x=0, y=TOP, font_size=14, font_weight='bold', fill='#1d1d1d')}>"
        f"{escape(title)}</text>",
    ]
    parts.append('<g class="legend">')
    for index, item in enumerate(series):
        x = (index % 3) * 240
        y = TOP + 12 + (index // 3) * LEGEND_ROW
        colour = PALETTE[index % len(PALETTE)]
        parts.append(
            f"<rect {_attrs(x=x, y=y, width=12, height=12, fill=colour)}/>"
            f"<text {_attrs(x=x + 18, y=y + 10, fill='#1d1d1d')}>"
            f"{escape(item.label)}</text>"
        )
    parts.append("</g>")
    parts.append('<g class="axis">')
    for tick in range(TICKS + 1):
        value = top * tick / TICKS
        x = plot_left + plot_width * tick / TICKS
        parts.append(
            f"<line {_attrs(x1=round(x, 1), y1=plot_top - 4, x2=round(x, 1))} "
            f"{_attrs(y2=plot_top + plot_height, stroke='#cccccc')}/>"
            f"<text {_attrs(x=round(x, 1), y=plot_top + plot_height + 16)} "
            f"{_attrs(text_anchor='middle', fill='#5c5c5c')}>"
            f"{_number(value)}{escape(unit)}</text>"
        )
    parts.append("</g>")
    if not groups:
        parts.append(
            f"<text {_attrs(x=plot_left, y=plot_top + 14, fill='#5c5c5c')}>"
            f"{escape(_('Nothing to show for these filters.'))}</text>"
        )
    parts.append('<g class="bars">')
    for group_index, group in enumerate(groups):
        y0 = plot_top + group_index * group_height
        label = Truncator(group.label).chars(32)
        parts.append(
            f'<g class="bar-group" data-group="{escape(group.label)}">'
            f"<text {_attrs(x=plot_left - 8, y=y0 + BAR_HEIGHT - 2)} "
            f"{_attrs(text_anchor='end', fill='#1d1d1d')}>"
            f"<title>{escape(group.label)}</title>{escape(label)}</text>"
        )
        for index, item in enumerate(series):
            value = group.values.get(item.key, 0) or 0
            width = round(plot_width * min(value, top) / top, 1)
            y = y0 + index * (BAR_HEIGHT + BAR_GAP)
            shown = f"{_number(value)}{unit}"
            parts.append(
                f'<rect class="bar" {_attrs(data_series=item.key, data_value=value)} '
                f"{_attrs(x=plot_left, y=y, width=width, height=BAR_HEIGHT)} "
                f"{_attrs(fill=PALETTE[index % len(PALETTE)])}>"
                f"<title>{escape(group.label)}, {escape(item.label)}: "
                f"{escape(shown)}</title></rect>"
                f"<text {_attrs(x=plot_left + width + 4, y=y + BAR_HEIGHT - 3)} "
                f"{_attrs(fill='#1d1d1d', font_size=11)}>{escape(shown)}</text>"
            )
        parts.append("</g>")
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def svg_document(chart: str) -> str:
    """Return a chart as a standalone .svg file."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + chart + "\n"
