"""Charts of each region's main indicators over the years, and a summary page that links them.

People would rather look than read when a region has several years of values. A region with
at least one indicator reported for two or more years gets one SVG: its main indicators (those
with the most years) as an index, first year = 100, so that counts, money and ratios share one
axis and the change is what shows; the summary page beside it gives the values themselves.
Charts are redrawn only for regions whose panel rows changed, and nothing is rewritten when the
panel is unchanged. A chart takes well under a millisecond to write (pipeline.svg_chart), so they
are drawn here: sending them to the worker processes cost more than it saved. The browser draws
the labels with the system's fonts, so the legend gives each code's Chinese name too.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline import svg_chart

CHARTED_INDICATORS = 6
_MANIFEST = "charts.json"
_WHOLE_PANEL = "*"
# The columns a chart is drawn from (indicator, the Chinese name, when the panel has it).
_DRAWN_FROM = ["region_code", "indicator_code", "year", "value", "unit", "chosen_by", "indicator"]
# Part of every fingerprint, so that charts of an older drawing (PNGs before this one) are redrawn.
_FORMAT = "svg-1"


@dataclass
class ChartsReport:
    redrawn: list[str] = field(default_factory=list)  # region names whose chart was drawn
    removed: int = 0  # chart files deleted: of regions that no longer have one, and older PNGs
    unchanged: bool = False  # the panel was as last time: nothing was written


def main_indicators(panel: pd.DataFrame) -> list[str]:
    """The region's indicators with two or more years of values, most years first (ties: by code)."""
    years: defaultdict[str, set[int]] = defaultdict(set)
    for code, year in zip(panel["indicator_code"], panel["year"], strict=True):
        years[code].add(year)
    ordered = sorted(((code, len(seen)) for code, seen in years.items() if len(seen) >= 2),
                     key=lambda item: (-item[1], item[0]))
    return [code for code, _ in ordered[:CHARTED_INDICATORS]]


def region_chart(region_code: str, region_name: str, panel: pd.DataFrame, codes: list[str]) -> str:
    """One line per indicator, as an index of its first year's value (=100), as SVG text. An indicator
    whose first value is 0 has no index and is left out."""
    indicator_names = panel["indicator"] if "indicator" in panel else [None] * len(panel)
    series: defaultdict[str, list[tuple[int, float]]] = defaultdict(list)
    labels: dict[str, str] = {}
    for code, name, year, value in zip(panel["indicator_code"], indicator_names, panel["year"], panel["value"],
                                       strict=True):
        if code in codes:
            series[code].append((year, value))
            labels[code] = f"{code} {name}" if isinstance(name, str) and name else code
    lines = []
    for code in codes:
        points = sorted(series[code])
        if points[0][1]:
            lines.append(svg_chart.Line(labels[code], [(year, 100 * value / points[0][1]) for year, value in points]))
    years = sorted({year for points in series.values() for year, _ in points})
    return svg_chart.line_chart(f"{region_name} ({region_code}): main indicators over the years", lines, years,
                                "index, first year = 100", reference=100)


def _fingerprints(panel: pd.DataFrame, names: dict[str, str]) -> tuple[str, dict[str, str]]:
    """A hash of the whole panel (and the names), and one of each region's rows and name: a region's
    chart is redrawn when its hash changes. One pass over the panel, not one per region."""
    rows = panel.sort_values(["region_code", "indicator_code", "year"], kind="stable")
    row_hashes = pd.util.hash_pandas_object(rows[[c for c in _DRAWN_FROM if c in rows]], index=False).to_numpy()

    def digest(*parts: bytes) -> str:
        return hashlib.sha256(b"\0".join([_FORMAT.encode(), *parts])).hexdigest()[:16]

    regions = {code: digest(names.get(code, code).encode(), row_hashes[positions].tobytes())
               for code, positions in rows.groupby("region_code", sort=True).indices.items()}
    return digest(json.dumps(names, sort_keys=True).encode(), row_hashes.tobytes()), regions


def refresh_charts(panel: pd.DataFrame, names: dict[str, str], out_dir: Path) -> ChartsReport:
    """Redraw the charts of regions whose panel changed; drop charts of regions without one now,
    and PNG charts of older versions.

    `panel` holds region_code, indicator_code, year, value, unit, chosen_by and optionally
    indicator (the Chinese name). Charts are named by region code.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest_path = out_dir / _MANIFEST
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    whole, fingerprints = _fingerprints(panel, names)
    if manifest.get(_WHOLE_PANEL) == whole:
        return ChartsReport(unchanged=True)
    report, current = ChartsReport(), {_WHOLE_PANEL: whole}
    for region_code, rows in panel.groupby("region_code", sort=True):
        codes = main_indicators(rows)
        if not codes:
            continue
        current[region_code] = fingerprints[region_code]
        chart = out_dir / f"{region_code}.svg"
        if manifest.get(region_code) != current[region_code] or not chart.exists():
            name = names.get(region_code, region_code)
            chart.write_text(region_chart(region_code, name, rows, codes), encoding="utf-8")
            report.redrawn.append(name)
    stale = [p for p in out_dir.glob("*.svg") if p.stem not in current] + list(out_dir.glob("*.png"))
    for chart in stale:
        chart.unlink()
    report.removed = len(stale)
    manifest_path.write_text(json.dumps(current, indent=0, sort_keys=True))
    return report


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) < 1e15 else f"{value:,.4g}"
    return html.escape(str(value))


def html_table(columns: list[str], rows: list[list[object]]) -> str:
    """A plain HTML table: whole numbers in full, other floats to 4 significant digits, thousands
    separated; missing values blank."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "\n".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>"


def summary_page(profile: pd.DataFrame, changes: pd.DataFrame, charts_dir: Path, audit_index: str) -> str:
    """The comparison summary: per region its chart (if any) and its values by year, then the
    largest changes. `profile` is the region_profile view, `changes` the largest_changes view;
    links are relative to the page, which sits in the parent of `charts_dir`. One pivot of the
    whole profile, sliced per region as numpy rows: a pivot, or a frame, per region cost seconds
    with hundreds of regions."""
    keys = ["region", "region_code", "indicator_code", "indicator", "unit"]
    values = profile.assign(indicator=profile["indicator"].fillna("")).pivot_table(
        index=keys, columns="year", values="value", aggfunc="first")
    matrix, years = values.to_numpy(dtype=float), [str(y) for y in values.columns]
    labels = values.index.to_frame(index=False)
    described = list(zip(*(labels[c].tolist() for c in ("indicator_code", "indicator", "unit")), strict=True))
    parts = []
    for (region, code), positions in labels.groupby(["region", "region_code"], sort=True).indices.items():
        block = matrix[positions]
        kept = ~np.isnan(block).all(axis=0)  # the years this region has a value in
        rows = [[*described[p], *row] for p, row in zip(positions, block[:, kept].tolist(), strict=True)]
        chart = charts_dir / f"{code}.svg"
        image = f'<img src="{charts_dir.name}/{code}.svg" alt="{html.escape(region)} chart">' if chart.exists() else ""
        columns = ["indicator_code", "indicator", "unit", *(y for y, k in zip(years, kept, strict=True) if k)]
        parts.append(f'<h2 id="{code}">{html.escape(region)} ({code})</h2>{image}' + html_table(columns, rows))
    top = changes.head(30)
    top = html_table([str(c) for c in top.columns], top.astype(object).to_numpy().tolist())
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>Year-over-year comparison</title>
<style>body {{ font-family: system-ui, sans-serif; margin: 2em; }} table {{ border-collapse: collapse; margin: 1em 0; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 3px 8px; font-size: 13px; }} img {{ max-width: 100%; }}</style>
</head><body><h1>Year-over-year comparison</h1>
<p><a href="{audit_index}">Indicator audit pages</a> · regions: {len(parts)}</p>
<h2>Largest changes</h2>{top}{"".join(parts)}</body></html>
"""
