"""Charts of each region's main indicators over the years, and a page that links them.

People would rather look than read when a region has several years of values. Each region
gets one PNG of small multiples (its indicators with the most years); charts are redrawn
only when the region's panel rows change. Labels are indicator codes, which every font can
draw; the summary page gives the Chinese names.
"""

from __future__ import annotations

import hashlib
import html
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import pandas as pd  # noqa: E402

CHARTED_INDICATORS = 6
_MANIFEST = "charts.json"


def _main_indicators(panel: pd.DataFrame) -> list[str]:
    """The region's indicators with the most years of values (ties: alphabetical)."""
    years = panel.groupby("indicator_code")["year"].nunique()
    ordered = sorted(years.items(), key=lambda item: (-item[1], item[0]))
    return [code for code, _ in ordered[:CHARTED_INDICATORS]]


def region_chart(region_code: str, panel: pd.DataFrame, path: Path) -> None:
    """Small multiples of the region's main indicators by year, written as a PNG."""
    codes = _main_indicators(panel)
    columns = min(3, len(codes))
    rows = (len(codes) + columns - 1) // columns
    figure, axes = plt.subplots(rows, columns, figsize=(3.6 * columns, 2.6 * rows), squeeze=False, dpi=90)
    for ax in axes.flat[len(codes):]:
        ax.axis("off")
    for ax, code in zip(axes.flat, codes):
        series = panel[panel["indicator_code"] == code].sort_values("year")
        ax.plot(series["year"], series["value"], marker="o", color="#1f77b4")
        for year, value, rule in series[["year", "value", "chosen_by"]].itertuples(index=False):
            if rule != "report of the year":
                ax.plot([year], [value], marker="o", color="#ff7f0e")
        unit = series["unit"].iloc[0]
        ax.set_title(f"{code} ({'%' if unit == '%' else 'unit: ' + ('yuan' if unit == '元' else 'count')})",
                     fontsize=9)
        ax.set_xticks(sorted(series["year"].unique()))
        ax.tick_params(labelsize=8)
        ax.ticklabel_format(axis="y", style="plain", useOffset=False)
    figure.suptitle(f"Region {region_code}: main indicators by year (orange: restated, partial or sub-count)",
                    fontsize=10)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


def _fingerprint(panel: pd.DataFrame) -> str:
    rows = panel.sort_values(["indicator_code", "year"])[["indicator_code", "year", "value", "unit", "chosen_by"]]
    return hashlib.sha256(rows.to_csv(index=False).encode()).hexdigest()[:16]


def refresh_charts(panel: pd.DataFrame, names: dict[str, str], out_dir: Path) -> tuple[list[str], int]:
    """Redraw the charts of regions whose panel changed; drop charts of regions no longer there.

    `panel` holds region_code, indicator_code, year, value, unit and chosen_by. Charts are named
    by region code. Returns the region names redrawn and the number of charts removed.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest_path = out_dir / _MANIFEST
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    redrawn, current = [], {}
    for region_code, rows in panel.groupby("region_code", sort=True):
        fingerprint = _fingerprint(rows)
        current[region_code] = fingerprint
        chart = out_dir / f"{region_code}.png"
        if manifest.get(region_code) != fingerprint or not chart.exists():
            region_chart(region_code, rows, chart)
            redrawn.append(names.get(region_code, region_code))
    stale = [p for p in out_dir.glob("*.png") if p.stem not in current]
    for chart in stale:
        chart.unlink()
    manifest_path.write_text(json.dumps(current, indent=0, sort_keys=True))
    return redrawn, len(stale)


def summary_page(profile: pd.DataFrame, changes: pd.DataFrame, charts_dir: str, audit_index: str) -> str:
    """The comparison summary: per region its chart and its values by year, then the largest changes.

    `profile` holds region, region_code, indicator_code, indicator, year, value, unit (the
    region_profile view); `changes` the largest_changes view.
    """
    parts = []
    for (region, code), rows in profile.groupby(["region", "region_code"], sort=True):
        table = rows.pivot_table(index=["indicator_code", "indicator", "unit"], columns="year", values="value",
                                 aggfunc="first")
        table.columns = [str(c) for c in table.columns]
        parts.append(
            f'<h2 id="{code}">{html.escape(region)} ({code})</h2>'
            f'<img src="{charts_dir}/{code}.png" alt="{html.escape(region)} chart">'
            + table.reset_index().to_html(index=False, na_rep="", float_format=lambda v: f"{v:,.4g}")
        )
    top = changes.head(30).to_html(index=False, na_rep="", float_format=lambda v: f"{v:,.4g}")
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>Year-over-year comparison</title>
<style>body {{ font-family: system-ui, sans-serif; margin: 2em; }} table {{ border-collapse: collapse; margin: 1em 0; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 3px 8px; font-size: 13px; }} img {{ max-width: 100%; }}</style>
</head><body><h1>Year-over-year comparison</h1>
<p><a href="{audit_index}">Indicator audit pages</a> · regions: {len(parts)}</p>
<h2>Largest changes</h2>{top}{"".join(parts)}</body></html>
"""
