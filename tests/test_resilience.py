"""A run killed with SIGKILL, two runs at once, and files that come and go: nothing lost, nothing doubled."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from assets.cli import run_pipeline

PROJECT_ROOT = Path(__file__).resolve().parents[1]
COPIES = 12


def _corpus(root: Path) -> Path:
    """The bundled reports, each in COPIES variants that differ by a closing line (distinct doc_ids)."""
    raw = root / "raw"
    raw.mkdir()
    for source in sorted((PROJECT_ROOT / "raw").glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        for copy in range(COPIES):
            (raw / f"{source.stem}_{copy}.txt").write_text(f"{text}\n附件{copy}\n", encoding="utf-8")
    return raw


def _snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {
            "documents": con.execute("SELECT * EXCLUDE (published_on) FROM documents ORDER BY doc_id").fetchall(),
            "sentences": con.execute("SELECT count(*), sum(hash(doc_id, sentence_id, text)) FROM sentences").fetchall(),
            "tokens": con.execute("SELECT count(*), sum(hash(doc_id, sentence_id, position, token)) FROM tokens").fetchall(),
            "indicators": con.execute("SELECT * FROM indicators ORDER BY doc_id, mention_id").fetchall(),
            "yoy": con.execute("SELECT * FROM yoy_comparison ORDER BY ALL").fetchall(),
        }


def _run_in_process(raw: Path, warehouse: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "assets", "run", "--raw", str(raw), "--warehouse", str(warehouse)],
                            cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    root = tmp_path_factory.mktemp("reference")
    raw = _corpus(root)
    assert run_pipeline(raw, root / "reports.duckdb") == []
    return raw, _snapshot(root / "reports.duckdb")


def test_a_run_killed_half_way_is_completed_by_the_next(tmp_path, reference):
    raw, expected = reference
    warehouse = tmp_path / "reports.duckdb"
    process = _run_in_process(raw, warehouse)
    working = warehouse.parent / ".work" / warehouse.name
    deadline = time.monotonic() + 120
    while not working.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # into the analysis: the run's steps after ingest take seconds
    assert process.poll() is None, "the run ended before it could be killed; make the corpus larger"
    helpers = _descendants(process.pid)  # the worker pool's fork server and workers
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert run_pipeline(raw, warehouse) == []
    assert _snapshot(warehouse) == expected
    deadline = time.monotonic() + 10
    while any(_is_running(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in helpers if _is_running(pid)], "the killed run left worker processes behind"


def _descendants(pid: int) -> list[int]:
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children += [int(c) for c in (task / "children").read_text().split()]
    return children + [d for child in children for d in _descendants(child)]


def _is_running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def test_two_runs_at_once_do_not_duplicate_rows(tmp_path, reference):
    raw, expected = reference
    warehouse = tmp_path / "reports.duckdb"
    runs = [_run_in_process(raw, warehouse) for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
    assert _snapshot(warehouse) == expected


def test_deleted_and_added_files_leave_and_enter_every_table(tmp_path, reference):
    raw, expected = reference
    local = tmp_path / "raw"
    shutil.copytree(raw, local)
    warehouse = tmp_path / "reports.duckdb"
    assert run_pipeline(local, warehouse) == []
    gone = sorted(local.glob("*.txt"))[0]
    gone_text = gone.read_text(encoding="utf-8")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        [(gone_id,)] = con.execute("SELECT doc_id FROM documents WHERE source_path = ?", [gone.name]).fetchall()
    gone.unlink()
    assert run_pipeline(local, warehouse) == []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table in ("document_texts", "documents", "sentences", "tokens", "indicators", "document_stages"):
            left = con.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", [gone_id]).fetchone()[0]
            assert left == 0, table
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == len(expected["documents"]) - 1
    gone.write_text(gone_text, encoding="utf-8")
    assert run_pipeline(local, warehouse) == []
    assert _snapshot(warehouse) == expected


@pytest.fixture
def bundled(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    warehouse = tmp_path / "reports.duckdb"
    assert run_pipeline(raw, warehouse) == []
    return raw, warehouse


def test_a_run_with_no_change_publishes_nothing(bundled):
    raw, warehouse = bundled
    before = warehouse.stat()
    os.utime(sorted(raw.glob("*.txt"))[0])  # read again, same text: still no change
    assert run_pipeline(raw, warehouse) == []
    after = warehouse.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_deleted_pages_are_written_again_by_a_run_with_no_change(bundled):
    raw, warehouse = bundled
    reports = warehouse.parent / "reports"
    shutil.rmtree(reports)
    assert run_pipeline(raw, warehouse) == []
    pages = len(list((reports / "audit").glob("*.html")))
    assert (reports / "index.html").exists() and pages == len(list(raw.glob("*.txt"))) + 1  # and the index


def test_a_change_left_unpublished_by_a_killed_run_is_published_by_the_next(bundled):
    raw, warehouse = bundled
    from pipeline.stages import bring_up_to_date, ingest_folder_into
    from pipeline.storage import Warehouse

    reports = len(list(raw.glob("*.txt")))
    sorted(raw.glob("*.txt"))[0].unlink()
    store = Warehouse(warehouse)
    ingest_folder_into(store, raw)  # the run got this far, then died before publishing
    bring_up_to_date(store)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == reports  # published: unchanged
    assert run_pipeline(raw, warehouse) == []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == reports - 1


def test_a_renamed_file_keeps_its_rows_under_its_new_name(bundled):
    raw, warehouse = bundled
    old = sorted(raw.glob("*.txt"))[0]
    old.rename(raw / "renamed.txt")
    assert run_pipeline(raw, warehouse) == []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        paths = [row[0] for row in con.execute("SELECT source_path FROM documents ORDER BY 1").fetchall()]
        indicators = con.execute(
            "SELECT count(*) FROM indicators JOIN documents USING (doc_id) WHERE source_path = 'renamed.txt'").fetchone()
    assert "renamed.txt" in paths and old.name not in paths and indicators[0] > 0
