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
STORAGE_VARIABLE = "REPORTS_STORAGE"
LAKE_VARIABLE = "REPORTS_LAKE"
STORAGE_MODES = ("duckdb", "lake")


def configured_raw_dir() -> Path:
    """$REPORTS_RAW_DIR, else raw/ in the project."""
    return Path(os.environ.get(RAW_DIR_VARIABLE) or PROJECT_ROOT / "raw")


def configured_warehouse() -> Path:
    """$REPORTS_WAREHOUSE, else warehouse/reports.duckdb in the project."""
    return Path(os.environ.get(WAREHOUSE_VARIABLE) or PROJECT_ROOT / "warehouse" / "reports.duckdb")


def configured_dagster_home() -> Path:
    """$DAGSTER_HOME, else .dagster_home/ in the project: where runs, their events and check results are kept."""
    return Path(os.environ.get(DAGSTER_HOME_VARIABLE) or PROJECT_ROOT / ".dagster_home")


def configured_lake(warehouse: Path) -> str | None:
    """Where the per-document tables live: None for $REPORTS_STORAGE=duckdb (the default: in the
    warehouse file); for lake, $REPORTS_LAKE (a folder or an s3:// URI), else lake/ beside the warehouse file."""
    mode = os.environ.get(STORAGE_VARIABLE) or "duckdb"
    if mode not in STORAGE_MODES:
        raise ValueError(f"{STORAGE_VARIABLE}={mode!r}: expected one of {', '.join(STORAGE_MODES)}")
    if mode == "duckdb":
        return None
    lake = os.environ.get(LAKE_VARIABLE) or str(warehouse.parent / "lake")
    return lake if "://" in lake else str(Path(lake).expanduser().resolve())
