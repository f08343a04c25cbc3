"""The one Definitions object that workspace.yaml loads."""

from __future__ import annotations

from pathlib import Path

from dagster import Definitions, in_process_executor

from assets.automation import daily_refresh, raw_folder_sensor, refresh_warehouse
from assets.checks import quality_checks
from assets.reports import (
    analyse_documents,
    indicator_catalog,
    indicator_panel,
    ingest,
    pages,
    plan_vs_actual,
    published_warehouse,
    regions,
    yoy_comparison,
)
from assets.resources import build_resources
from pipeline.settings import configured_raw_dir, configured_warehouse

report_assets = [
    ingest, analyse_documents,
    regions, indicator_catalog, indicator_panel, yoy_comparison, plan_vs_actual,
    published_warehouse, pages,
]


def build_definitions(raw_dir: Path, warehouse: Path) -> Definitions:
    return Definitions(
        assets=report_assets,
        asset_checks=quality_checks,
        jobs=[refresh_warehouse],
        schedules=[daily_refresh],
        sensors=[raw_folder_sensor],
        resources=build_resources(raw_dir, warehouse),
        # Steps share nothing in memory but pay a process start each under the default
        # multiprocess executor (seconds per step); in process, a whole run costs under a second.
        executor=in_process_executor,
    )


defs = build_definitions(configured_raw_dir(), configured_warehouse())
