"""Charts of each region's main indicators over the years, and a summary page that links them.

People would rather look than read when a region has several years of values. A region with
at least one indicator reported for two or more years gets one SVG: its main indicators (those
with the most years) as an index, first year = 100, so that counts, money and ratios share one
axis and the change is what shows; the summary page beside it gives the values themselves. Only
whole years are drawn: a part of a year (1-6月) beside a whole one would show a fall that is not there;
the summary table gives such a value with its months (12起（06月）).
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

from pipeline import labels, svg_chart, swap

CHARTED_INDICATORS = 6
_MANIFEST = "charts.json"
_WHOLE_PANEL = "*"
# The columns a chart is drawn from (indicator, the Chinese name, when the panel has it).
_DRAWN_FROM = ["region_code", "indicator_code", "year", "value", "unit", "chosen_by", "indicator", "months"]
# Part of every fingerprint, so that charts of an older drawing are redrawn (svg-2: dash patterns and marker shapes).
_FORMAT = "svg-2"


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
    names: dict[str, str] = {}
    for code, name, year, value in zip(panel["indicator_code"], indicator_names, panel["year"], panel["value"],
                                       strict=True):
        if code in codes:
            series[code].append((year, value))
            names[code] = f"{name} {code}" if isinstance(name, str) and name else code
    lines = []
    for code in codes:
        points = sorted(series[code])
        if points[0][1]:
            lines.append(svg_chart.Line(names[code], [(year, 100 * value / points[0][1]) for year, value in points]))
    years = sorted({year for points in series.values() for year, _ in points})
    return svg_chart.line_chart(f"{region_name}（{region_code}）主要指标走势 main indicators over the years", lines,
                                years, "指数，首年 = 100 (index, first year = 100)", reference=100)


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
    indicator (the Chinese name) and months (a partial period's, '' for a whole year: not drawn).
    Charts are named by region code. `out_dir` may be a staging folder (pipeline.swap): files are
    replaced, never written into.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    if "months" in panel:
        panel = panel[panel["months"].fillna("").eq("").to_numpy(dtype=bool)]
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
            swap.write_text(chart, region_chart(region_code, name, rows, codes))
            report.redrawn.append(name)
    stale = [p for p in out_dir.glob("*.svg") if p.stem not in current] + list(out_dir.glob("*.png"))
    for chart in stale:
        chart.unlink()
    report.removed = len(stale)
    swap.write_text(manifest_path, json.dumps(current, indent=0, sort_keys=True))
    return report


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) < 1e15 else f"{value:,.4g}"
    return html.escape(str(value))


def html_table(columns: list[str], rows: list[list[object]], numeric: frozenset[int] = frozenset()) -> str:
    """A plain HTML table: whole numbers in full, other floats to 4 significant digits, thousands
    separated; missing values blank. A column head "指标|indicator" shows the English under the
    Chinese; the columns whose positions are in `numeric` are aligned right."""
    def head(position: int, column: str) -> str:
        zh, _, en = column.partition("|")
        return (("<th class=num>" if position in numeric else "<th>") + html.escape(zh)
                + (f"<small>{html.escape(en)}</small>" if en else "") + "</th>")

    def cell(position: int, value: object) -> str:
        return f"<td class=num>{_cell(value)}</td>" if position in numeric else f"<td>{_cell(value)}</td>"

    body = "\n".join("<tr>" + "".join(cell(i, v) for i, v in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{''.join(head(i, c) for i, c in enumerate(columns))}</tr></thead><tbody>\n{body}\n</tbody></table>"


# The largest changes: (column of the largest_changes view, its head, how a value is shown).
_CHANGE_COLUMNS = ["地区|region", "指标|indicator", "代码|code", "上一年|prev_year", "上一年数值|prev_value", "年份|year",
                   "数值|value", "同比变化|pct_change", "报告所述变化|reported", "相符|agrees", "相隔年数|gap_years"]
LARGEST_CHANGES = 30


def _changes_rows(changes: pd.DataFrame) -> list[list[object]]:
    rows = []
    for row in changes.head(LARGEST_CHANGES).itertuples(index=False):
        months = labels.months(getattr(row, "months", ""))  # both years over the same part of the year
        rows.append([row.region, labels.text(row.indicator), row.indicator_code, labels.year(row.prev_year) + months,
                     labels.amount(row.prev_value, row.unit), labels.year(row.year) + months, labels.amount(row.value, row.unit),
                     labels.year_change(row.pct_change, row.abs_change, row.unit), labels.change(row.reported_pct_change),
                     labels.yes_no(row.stated_change_agrees),
                     labels.year(row.gap_years)])
    return rows


def _choices(profile: pd.DataFrame) -> pd.DataFrame:
    """The panel rows whose value had to be chosen: several whole values reported for the year, or a
    value that is not a report's own whole-year total."""
    if "value_options" not in profile or "chosen_by" not in profile:
        return profile.iloc[0:0]
    several = profile["value_options"].map(lambda v: len(labels.options(v)) > 1).to_numpy(dtype=bool)
    return profile[several | (profile["chosen_by"] != "report of the year").to_numpy(dtype=bool)]


def _choice_rows(choices: pd.DataFrame) -> list[list[object]]:
    rows = []
    for row in choices.itertuples(index=False):
        others = "、".join(labels.amount(v, row.unit) for v in labels.options(row.value_options) if v != row.value)
        rows.append([labels.text(row.indicator), row.indicator_code, labels.year(row.year),
                     labels.amount(row.value, row.unit), others, labels.CHOSEN_BY.get(row.chosen_by, row.chosen_by),
                     labels.yes(row.conflict)])
    return rows


_CHOICE_COLUMNS = ["指标|indicator", "代码|code", "年份|year", "采用数值|value", "其他报告数值|other values",
                   "取值依据|chosen_by", "冲突|conflict"]


def summary_page(profile: pd.DataFrame, changes: pd.DataFrame, charts_dir: Path, audit_index: str) -> str:
    """The comparison summary, labelled in Chinese with the English field names under the heads: the
    largest changes (computed and as the report states them), then per region its chart (if any),
    its values by year (money in 亿元/万元, other values with grouped digits and their unit) and,
    where one value had to be chosen among several, the alternatives and the rule that chose.
    `profile` is the region_profile view, `changes` the largest_changes view; links are relative
    to the page, which sits in the parent of `charts_dir`. One pivot of the whole profile, sliced
    per region as numpy rows: a pivot, or a frame, per region cost seconds with hundreds of regions."""
    keys = ["region", "region_code", "indicator_code", "indicator", "unit"]
    named = profile.assign(indicator=profile["indicator"].fillna(""))
    values = named.pivot_table(index=keys, columns="year", values="value", aggfunc="first")
    # a part of a year is shown with its months (12起（06月）), never as the year's whole value
    suffixes = (named.assign(months=named["months"].fillna("").map(labels.months))
                .pivot_table(index=keys, columns="year", values="months", aggfunc="first", fill_value="")
                .reindex(index=values.index, columns=values.columns, fill_value="")
                if "months" in named else pd.DataFrame("", index=values.index, columns=values.columns))
    matrix, years = values.to_numpy(dtype=float), [str(y) for y in values.columns]
    months = suffixes.to_numpy(dtype=object)
    index = values.index.to_frame(index=False)
    described = list(zip(*(index[c].tolist() for c in ("indicator_code", "indicator", "unit")), strict=True))
    choices = _choices(profile)
    choice_rows: dict[str, list[list[object]]] = {}  # per region, in the profile's order: one pass, no filter per region
    for region_code, row in zip(choices["region_code"].tolist(), _choice_rows(choices), strict=True):
        choice_rows.setdefault(region_code, []).append(row)
    parts = []
    for (region, code), positions in index.groupby(["region", "region_code"], sort=True).indices.items():
        block = matrix[positions]
        kept = ~np.isnan(block).all(axis=0)  # the years this region has a value in
        rows: list[list[object]] = [
            [name, indicator_code, *(labels.amount(v, unit) + m for v, m in zip(row, row_months, strict=True))]
            for (indicator_code, name, unit), row, row_months in zip(
                (described[p] for p in positions), block[:, kept].tolist(), months[positions][:, kept].tolist(),
                strict=True)]
        chart = charts_dir / f"{code}.svg"
        image = f'<img src="{charts_dir.name}/{code}.svg" alt="{html.escape(region)} chart">' if chart.exists() else ""
        shown_years = [y for y, k in zip(years, kept, strict=True) if k]
        table = html_table(["指标|indicator", "代码|code", *shown_years], rows,
                           numeric=frozenset(range(2, 2 + len(shown_years))))
        chosen = choice_rows.get(code, [])
        notes = ("<h3>数值取舍 which value was kept</h3>" + html_table(_CHOICE_COLUMNS, chosen,
                                                                    numeric=frozenset({3}))) if chosen else ""
        parts.append(f'<h2 id="{code}">{html.escape(region)}（{code}）</h2>{image}{table}{notes}')
    top = html_table(_CHANGE_COLUMNS, _changes_rows(changes), numeric=frozenset({4, 6, 7, 8}))
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>同比比较 Year-over-year comparison</title>
<style>body {{ font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 3px 8px; font-size: 13px; text-align: left; vertical-align: top; }}
th small {{ display: block; font-weight: normal; color: #888; font-size: 11px; }}
td.num, th.num {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
img {{ max-width: 100%; }} .rule {{ color: #555; max-width: 60em; }}</style>
</head><body><h1>同比比较 Year-over-year comparison</h1>
<p><a href="{audit_index}">数值核对页 Indicator audit pages</a> · 地区 regions: {len(parts)}</p>
<p class="rule">{html.escape(labels.CHOICE_RULE)}</p>
<h2>变化最大的指标 Largest changes</h2>{top}{"".join(parts)}</body></html>
"""
