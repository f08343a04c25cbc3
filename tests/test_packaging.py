"""The package as a user installs it: build the wheel, install it in a fresh virtual environment
(no checkout on the path) and run the pipeline with the installed command on a small folder."""

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

    raw = tmp_path / "raw"
    raw.mkdir()
    for report in sorted((PROJECT_ROOT / "raw").glob("*.txt"))[:2]:
        shutil.copy(report, raw / report.name)
    warehouse = tmp_path / "warehouse" / "reports.duckdb"
    run = subprocess.run([str(venv / "bin" / "reports"), "run", "--raw", str(raw), "--warehouse", str(warehouse),
                          "--dagster-home", str(tmp_path / "dagster_home")],
                         cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "documents                2" in run.stdout
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM indicators").fetchone()[0] > 0
        assert con.execute("SELECT count(*) FROM region_profile").fetchone()[0] > 0  # a view from sql/views
        assert con.execute("SELECT count(*) FROM regions").fetchone()[0] > 3000  # data files
    assert (warehouse.parent / "reports" / "audit" / "index.html").exists()
