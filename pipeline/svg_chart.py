"""A line chart as SVG text, written by hand: a title, lines with markers, a reference line, ticks and a legend.

Lines that lie on top of each other (two indicators that both fell by a third) must still be told
apart, so each line has its own colour, dash pattern and marker shape, drawn hollow from the
fourth line on; the legend shows all three.

A chart is a few dozen elements, so writing them directly takes well under a millisecond where a
plotting library took about 85 ms. The browser draws the text with the system's fonts, so Chinese
labels show; every label is XML-escaped.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

WIDTH = 720
_PLOT_LEFT, _PLOT_RIGHT, _PLOT_TOP, _PLOT_BOTTOM = 84, WIDTH - 16, 32, 252
_LEGEND_ROW = 16
# Colours of matplotlib's default cycle, which the charts had before.
COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf"]


# Per line, in turn: a dash pattern (solid first) and a marker shape.
DASHES = ["", "6 3", "2 3", "9 3 2 3", "4 2", "1 2"]
MARKERS = ["circle", "square", "triangle", "diamond", "down", "circle", "square", "triangle", "diamond", "down"]


# The other marker shapes as polygons around their centre.
_OUTLINES: dict[str, list[tuple[float, float]]] = {
    "square": [(-3, -3), (3, -3), (3, 3), (-3, 3)],
    "triangle": [(0, -4), (3.6, 3), (-3.6, 3)],
    "diamond": [(0, -4), (4, 0), (0, 4), (-4, 0)],
    "down": [(0, 4), (3.6, -3), (-3.6, -3)],
}


def marker(shape: str, x: float, y: float, colour: str, hollow: bool) -> str:
    """One marker centred on (x, y), about 7 px across, class "marker"."""
    fill = "white" if hollow else colour
    if shape == "circle":
        return f'<circle class="marker" cx="{x:.1f}" cy="{y:.1f}" r="3.2" fill="{fill}" stroke="{colour}"/>'
    outline = _OUTLINES[shape]
    points = " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in outline)
    return f'<polygon class="marker" points="{points}" fill="{fill}" stroke="{colour}"/>'


@dataclass(frozen=True)
class Line:
    label: str
    points: list[tuple[float, float]]  # (x, y) in x order


def line_chart(title: str, lines: Sequence[Line], x_ticks: Sequence[float], y_label: str,
               reference: float | None = None) -> str:
    """The chart as an SVG document: one polyline per line (non-finite points left out), a marker at
    each point, the reference as a horizontal line, x ticks where given and a few round y ticks."""
    lines = [Line(line.label, [(x, y) for x, y in line.points if math.isfinite(x) and math.isfinite(y)])
             for line in lines]
    ys = [y for line in lines for _, y in line.points] + ([reference] if reference is not None else [])
    y_ticks, y_text = _round_ticks(min(ys, default=0.0), max(ys, default=1.0))
    xs = [x for line in lines for x, _ in line.points] + list(x_ticks)
    x_of = _scale(min(xs, default=0.0), max(xs, default=1.0), _PLOT_LEFT, _PLOT_RIGHT, margin=0.05)
    y_of = _scale(y_ticks[0], y_ticks[-1], _PLOT_BOTTOM, _PLOT_TOP, margin=0.04)
    height = _PLOT_BOTTOM + 40 + _LEGEND_ROW * len(lines)
    mid_y = (_PLOT_TOP + _PLOT_BOTTOM) / 2
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
              f'viewBox="0 0 {WIDTH} {height}" font-family="system-ui, sans-serif" font-size="11">'),
             f'<rect width="{WIDTH}" height="{height}" fill="white"/>',
             f'<text x="{WIDTH / 2:.1f}" y="20" text-anchor="middle" font-size="13">{escape(title)}</text>',
             f'<text transform="translate(16 {mid_y:.1f}) rotate(-90)" text-anchor="middle">{escape(y_label)}</text>']
    for value in y_ticks:
        y = y_of(value)
        parts.append(f'<line x1="{_PLOT_LEFT - 4}" y1="{y:.1f}" x2="{_PLOT_LEFT}" y2="{y:.1f}" stroke="#333"/>'
                     f'<text x="{_PLOT_LEFT - 7}" y="{y + 4:.1f}" text-anchor="end">{y_text(value)}</text>')
    for value in x_ticks:
        x = x_of(value)
        parts.append(f'<line x1="{x:.1f}" y1="{_PLOT_BOTTOM}" x2="{x:.1f}" y2="{_PLOT_BOTTOM + 4}" stroke="#333"/>'
                     f'<text x="{x:.1f}" y="{_PLOT_BOTTOM + 17}" text-anchor="middle">{escape(f"{value:g}")}</text>')
    if reference is not None:
        y = y_of(reference)
        parts.append(f'<line x1="{_PLOT_LEFT}" y1="{y:.1f}" x2="{_PLOT_RIGHT}" y2="{y:.1f}" stroke="#999"/>')
    parts.append(f'<rect x="{_PLOT_LEFT}" y="{_PLOT_TOP}" width="{_PLOT_RIGHT - _PLOT_LEFT}" '
                 f'height="{_PLOT_BOTTOM - _PLOT_TOP}" fill="none" stroke="#333"/>')
    legend = []
    for index, line in enumerate(lines):
        colour = COLOURS[index % len(COLOURS)]
        dash = DASHES[index % len(DASHES)]
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        shape, hollow = MARKERS[index % len(MARKERS)], index >= 3
        points = [(x_of(x), y_of(y)) for x, y in line.points]
        coordinates = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        markers = "".join(marker(shape, x, y, colour, hollow) for x, y in points)
        parts.append(f'<g><polyline points="{coordinates}" fill="none" stroke="{colour}" stroke-width="1.5"{dashed}/>'
                     f"{markers}</g>")
        row = _PLOT_BOTTOM + 40 + _LEGEND_ROW * index - 4
        legend.append(f'<line x1="{_PLOT_LEFT}" y1="{row}" x2="{_PLOT_LEFT + 28}" y2="{row}" stroke="{colour}" '
                      f'stroke-width="1.5"{dashed}/>{marker(shape, _PLOT_LEFT + 14, row, colour, hollow)}'
                      f'<text x="{_PLOT_LEFT + 34}" y="{row + 4}">{escape(line.label)}</text>')
    return "\n".join([*parts, *legend, "</svg>\n"])


def _scale(low: float, high: float, start: float, end: float, margin: float) -> Callable[[float], float]:
    """Data to pixels: low..high onto start..end, leaving `margin` (a fraction) free at each end;
    a single value sits in the middle."""
    if high <= low:
        return lambda _: (start + end) / 2
    inner, span = (end - start) * (1 - 2 * margin), high - low
    return lambda value: start + (end - start) * margin + (value - low) / span * inner


def _round_ticks(low: float, high: float, target: int = 5) -> tuple[list[float], Callable[[float], str]]:
    """At most target + 3 ticks, a round step apart (1, 2, 2.5 or 5 × a power of ten), spanning
    low..high, and how to write them: grouped digits to the step's precision, or in exponent form
    when they are a million or more."""
    if high <= low:
        pad = max(abs(high), 1.0) * 0.1
        low, high = low - pad, high + pad
    raw = (high - low) / target
    exponent = math.floor(math.log10(raw))
    mantissa = next((m for m in (1, 2, 2.5, 5) if m * 10.0**exponent >= raw), None)
    if mantissa is None:
        mantissa, exponent = 1, exponent + 1
    step = mantissa * 10.0**exponent
    ticks = [i * step for i in range(math.floor(low / step), math.ceil(high / step) + 1)]
    fraction_digits = max(0, -exponent + (mantissa == 2.5))
    if max(abs(ticks[0]), abs(ticks[-1])) >= 1e6:
        digits = math.floor(math.log10(max(abs(ticks[0]), abs(ticks[-1])))) - exponent + 1 + (mantissa == 2.5)
        return ticks, lambda value: f"{value:.{digits}g}"
    return ticks, lambda value: f"{value:,.{fraction_digits}f}"
