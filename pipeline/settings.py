"""Where reports are read from and the warehouse is written to: defaults and environment overrides.

The defaults are folders of the project when the code runs from its checkout, and of the current
directory when it runs from an installed package."""

from __future__ import annotations

import os
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[1]
PROJECT_ROOT = _CHECKOUT if (_CHECKOUT / "pyproject.toml").exists() else Path.cwd()
RAW_DIR_VARIABLE = "REPORTS_RAW_DIR"
WAREHOUSE_VARIABLE = "REPORTS_WAREHOUSE"
DAGSTER_HOME_VARIABLE = "DAGSTER_HOME"


def configured_raw_dir() -> Path:
    """$REPORTS_RAW_DIR, else raw/ in the project."""
    return Path(os.environ.get(RAW_DIR_VARIABLE) or PROJECT_ROOT / "raw")


def configured_warehouse() -> Path:
    """$REPORTS_WAREHOUSE, else warehouse/reports.duckdb in the project."""
    return Path(os.environ.get(WAREHOUSE_VARIABLE) or PROJECT_ROOT / "warehouse" / "reports.duckdb")


def configured_dagster_home() -> Path:
    """$DAGSTER_HOME, else .dagster_home/ in the project: where runs, their events and check results are kept."""
    return Path(os.environ.get(DAGSTER_HOME_VARIABLE) or PROJECT_ROOT / ".dagster_home")
