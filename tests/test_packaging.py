"""The package as a user installs it: build the wheel, install it in a fresh virtual environment
(no checkout on the path) and run the pipeline with the installed command on a small folder."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def test_the_built_wheel_installs_and_runs_the_pipeline(tmp_path):
    dist = tmp_path / "dist"
    built = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(PROJECT_ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    assert "warning" not in (built.stdout + built.stderr).lower()
    [wheel] = dist.glob("*.whl")

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    installed = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                                "-c", str(PROJECT_ROOT / "constraints.txt"), str(wheel)],
                               capture_output=True, text=True, timeout=1200)
    assert installed.returncode == 0, installed.stderr

    # An installed package reads raw/ and writes warehouse/ and .dagster_home/ in the current directory.
    raw = tmp_path / "raw"
    raw.mkdir()
    for report in sorted((PROJECT_ROOT / "raw").glob("*.txt"))[:2]:
        shutil.copy(report, raw / report.name)
    warehouse = tmp_path / "warehouse" / "reports.duckdb"
    environment = {k: v for k, v in os.environ.items() if k not in {"DAGSTER_HOME", "REPORTS_RAW_DIR", "REPORTS_WAREHOUSE"}}
    run = subprocess.run([str(venv / "bin" / "reports"), "run"],
                         cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / ".dagster_home" / "history").is_dir()
    assert "documents                2" in run.stdout
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM indicators").fetchone()[0] > 0
        assert con.execute("SELECT count(*) FROM region_profile").fetchone()[0] > 0  # a view from sql/views
        assert con.execute("SELECT count(*) FROM regions").fetchone()[0] > 3000  # data files
    assert (warehouse.parent / "reports" / "audit" / "index.html").exists()
