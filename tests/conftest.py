import os
import shutil
from pathlib import Path

import pytest

from assets.cli import run_pipeline

PROJECT_ROOT = Path(__file__).resolve().parents[1]
BUNDLED_RAW = PROJECT_ROOT / "raw"
GOLD = Path(__file__).parent / "data" / "gold"


@pytest.fixture(scope="session", autouse=True)
def dagster_home(tmp_path_factory) -> Path:
    """Runs of the tests (in this process and in the processes they start) go to an instance of their own."""
    home = tmp_path_factory.mktemp("dagster_home")
    os.environ["DAGSTER_HOME"] = str(home)
    return home


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory):
    """The bundled reports plus one bad file, materialized once through Dagster into a temporary warehouse."""
    root = tmp_path_factory.mktemp("e2e")
    raw = root / "raw"
    shutil.copytree(BUNDLED_RAW, raw)
    (raw / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    warehouse = root / "warehouse" / "reports.duckdb"
    failures = run_pipeline(raw, warehouse)
    assert failures == []
    return raw, warehouse
