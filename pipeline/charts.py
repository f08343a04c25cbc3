"""Charts of each region's main indicators over the years, and a summary page that links them.

People would rather look than read when a region has several years of values. A region with
at least one indicator reported for two or more years gets one PNG: its main indicators (those
with the most years) as an index, first year = 100, so that counts, money and ratios share one
axis and the change is what shows; the summary page beside it gives the values themselves.
Charts are redrawn only for regions whose panel rows changed (in the worker processes when there
are many), and nothing is rewritten when the panel is unchanged. Labels are indicator codes, which every font can draw; the page gives the
Chinese names.
"""

from __future__ import annotations

import hashlib
import html
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from pipeline import parallel

CHARTED_INDICATORS = 6
# Charts per job sent to a worker process.
CHUNK_CHARTS = 20
_MANIFEST = "charts.json"
_WHOLE_PANEL = "*"


@dataclass
class ChartsReport:
    redrawn: list[str] = field(default_factory=list)  # region names whose chart was drawn
    removed: int = 0  # charts of regions that no longer have one
    unchanged: bool = False  # the panel was as last time: nothing was written


def main_indicators(panel: pd.DataFrame) -> list[str]:
    """The region's indicators with two or more years of values, most years first (ties: by code)."""
    years = panel.groupby("indicator_code")["year"].nunique()
    ordered = sorted(((code, n) for code, n in years.items() if n >= 2), key=lambda item: (-item[1], item[0]))
    return [code for code, _ in ordered[:CHARTED_INDICATORS]]


def region_chart(region_code: str, panel: pd.DataFrame, codes: list[str], path: Path) -> None:
    """One line per indicator, as an index of its first year's value (=100), written as a PNG."""
    figure = Figure(figsize=(6.4, 3.6), dpi=80)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    for code in codes:
        series = panel[panel["indicator_code"] == code].sort_values("year")
        base = series["value"].iloc[0]
        if base:
            axes.plot(series["year"], 100 * series["value"] / base, marker="o", label=code)
    axes.axhline(100, color="#999999", linewidth=0.8)
    axes.set_xticks(sorted(panel.loc[panel["indicator_code"].isin(codes), "year"].unique()))
    axes.set_ylabel("index, first year = 100", fontsize=8)
    axes.tick_params(labelsize=8)
    axes.legend(fontsize=7, loc="best")
    axes.set_title(f"Region {region_code}: main indicators over the years", fontsize=9)
    figure.subplots_adjust(left=0.12, right=0.97, top=0.9, bottom=0.1)
    figure.savefig(path)


def _draw_charts(jobs: list[tuple[str, pd.DataFrame, list[str], Path]]) -> None:
    for region_code, rows, codes, path in jobs:
        region_chart(region_code, rows, codes, path)


def _fingerprint(panel: pd.DataFrame) -> str:
    rows = panel.sort_values(["region_code", "indicator_code", "year"])
    rows = rows[["region_code", "indicator_code", "year", "value", "unit", "chosen_by"]]
    return hashlib.sha256(rows.to_csv(index=False).encode()).hexdigest()[:16]


def refresh_charts(panel: pd.DataFrame, names: dict[str, str], out_dir: Path) -> ChartsReport:
    """Redraw the charts of regions whose panel changed; drop charts of regions without one now.

    `panel` holds region_code, indicator_code, year, value, unit and chosen_by. Charts are named
    by region code.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest_path = out_dir / _MANIFEST
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    whole = _fingerprint(panel)
    if manifest.get(_WHOLE_PANEL) == whole:
        return ChartsReport(unchanged=True)
    report, current = ChartsReport(), {_WHOLE_PANEL: whole}
    due = []
    for region_code, rows in panel.groupby("region_code", sort=True):
        codes = main_indicators(rows)
        if not codes:
            continue
        fingerprint = _fingerprint(rows)
        current[region_code] = fingerprint
        chart = out_dir / f"{region_code}.png"
        if manifest.get(region_code) != fingerprint or not chart.exists():
            due.append((region_code, rows, codes, chart))
            report.redrawn.append(names.get(region_code, region_code))
    chunks = [due[first : first + CHUNK_CHARTS] for first in range(0, len(due), CHUNK_CHARTS)]
    parallel.submit_chunks(_draw_charts, chunks, lambda _: None, parallel.worth_a_pool(len(due))).result()
    stale = [p for p in out_dir.glob("*.png") if p.stem not in current]
    for chart in stale:
        chart.unlink()
    report.removed = len(stale)
    manifest_path.write_text(json.dumps(current, indent=0, sort_keys=True))
    return report


def summary_page(profile: pd.DataFrame, changes: pd.DataFrame, charts_dir: Path, audit_index: str) -> str:
    """The comparison summary: per region its chart (if any) and its values by year, then the
    largest changes. `profile` is the region_profile view, `changes` the largest_changes view;
    links are relative to the page, which sits in the parent of `charts_dir`."""
    parts = []
    for (region, code), rows in profile.groupby(["region", "region_code"], sort=True):
        table = rows.pivot_table(index=["indicator_code", "indicator", "unit"], columns="year", values="value",
                                 aggfunc="first")
        table.columns = [str(c) for c in table.columns]
        chart = charts_dir / f"{code}.png"
        image = f'<img src="{charts_dir.name}/{code}.png" alt="{html.escape(region)} chart">' if chart.exists() else ""
        parts.append(f'<h2 id="{code}">{html.escape(region)} ({code})</h2>{image}'
                     + table.reset_index().to_html(index=False, na_rep="", float_format=lambda v: f"{v:,.4g}"))
    top = changes.head(30).to_html(index=False, na_rep="", float_format=lambda v: f"{v:,.4g}")
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>Year-over-year comparison</title>
<style>body {{ font-family: system-ui, sans-serif; margin: 2em; }} table {{ border-collapse: collapse; margin: 1em 0; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 3px 8px; font-size: 13px; }} img {{ max-width: 100%; }}</style>
</head><body><h1>Year-over-year comparison</h1>
<p><a href="{audit_index}">Indicator audit pages</a> · regions: {len(parts)}</p>
<h2>Largest changes</h2>{top}{"".join(parts)}</body></html>
"""
