"""Publishing with the real failures: a read-only mount, a full disk, a publish killed with SIGKILL.

The database is published first, then the pages, each in one rename; a failure leaves the previous
database and pages, which agree; leftovers of a killed publish are removed by the next run; the
run's one-line error names the real cause. Read-only folders and full disks are real mounts, made
in a private mount namespace (`unshare`), because a test running as root writes through chmod.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from assets.cli import run_pipeline
from pipeline.storage import Warehouse

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def _namespace() -> list[str]:
    """The command prefix for a private mount namespace in which this user may mount: root's own,
    or, for another user, one inside a user namespace."""
    return ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-Urm"]


def _in_private_mounts(script: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the shell `script` in a private mount namespace (its mounts vanish with it)."""
    if shutil.which("unshare") is None:
        pytest.skip("no unshare command: a read-only or full mount cannot be made here")
    probe = subprocess.run([*_namespace(), "mount", "-t", "tmpfs", "tmpfs", "/mnt"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"this machine does not allow a private mount namespace: {probe.stderr.strip()}")
    return subprocess.run([*_namespace(), "sh", "-ec", script], capture_output=True, text=True, cwd=PROJECT_ROOT,
                          env={**os.environ, **env}, timeout=600)


@pytest.fixture
def published(tmp_path):
    """The bundled reports, published with their pages into warehouse/."""
    raw = tmp_path / "raw"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    warehouse = tmp_path / "warehouse" / "reports.duckdb"
    assert run_pipeline(raw, warehouse) == []
    return raw, warehouse


def _pages(warehouse: Path) -> dict[str, bytes]:
    reports = warehouse.parent / "reports"
    return {str(p.relative_to(reports)): p.read_bytes() for p in sorted(reports.rglob("*")) if p.is_file()}


def _documents(warehouse: Path) -> list[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return [row[0] for row in con.execute("SELECT source_path FROM documents ORDER BY 1").fetchall()]


def _leftovers(warehouse: Path) -> list[str]:
    return sorted(p.name for p in warehouse.parent.iterdir() if p.name.startswith(".") and p.name != ".work")


def _add_report(raw: Path) -> str:
    source = sorted(raw.glob("*.txt"))[0]
    added = raw / "added.txt"
    added.write_text(source.read_text(encoding="utf-8") + "\n附件：新增的一份\n", encoding="utf-8")
    return added.name


def test_a_read_only_warehouse_folder_fails_the_run_with_the_cause_in_its_one_line_error(published):
    raw, warehouse = published
    folder = warehouse.parent
    before = _pages(warehouse), warehouse.stat().st_mtime_ns
    _add_report(raw)
    run = _in_private_mounts(
        f'mount --bind "$W" "$W"; mount -o remount,bind,ro "$W"\n'
        f'exec {sys.executable} -m assets run --raw "$R" --warehouse "$W/{warehouse.name}"',
        W=str(folder), R=str(raw))
    assert run.returncode == 1, run.stderr
    last = run.stderr.strip().splitlines()[-1].strip()
    assert last == (f"the run failed: OSError: [Errno 30] Read-only file system: "
                    f"'{folder / '.work' / (warehouse.name + '.lock')}'")
    assert (_pages(warehouse), warehouse.stat().st_mtime_ns) == before


# Runs in a private mount namespace: the published file and the pages on a small tmpfs, the working
# copy on a larger one, so that the working copy has room and the published copy does not.
_FULL_DISK = """
import json, os, sys
from pathlib import Path
import duckdb
from assets.cli import run_pipeline

raw, warehouse = Path(sys.argv[1]), Path(sys.argv[2])
observed = {"first": run_pipeline(raw, warehouse)}
(raw / "added.txt").write_text((raw / sorted(os.listdir(raw))[0]).read_text(encoding="utf-8") + "\\n附件：新增的一份\\n", encoding="utf-8")
free = os.statvfs(warehouse.parent).f_bavail * os.statvfs(warehouse.parent).f_frsize
size = warehouse.stat().st_size
# room for every page many times over, not for the database
(warehouse.parent / "filler").write_bytes(b"\\0" * (free - size // 2))

def state():
    reports = warehouse.parent / "reports"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        documents = [r[0] for r in con.execute("SELECT source_path FROM documents ORDER BY 1").fetchall()]
    return {"documents": documents,
            "pages": {str(p.relative_to(reports)): p.read_text() for p in sorted(reports.rglob("*")) if p.is_file()},
            "leftovers": sorted(p.name for p in warehouse.parent.iterdir() if p.name.startswith(".") and p.name != ".work")}

observed["before"] = state()
observed["full"] = run_pipeline(raw, warehouse)
observed["after_full"] = state()
(warehouse.parent / "filler").unlink()
observed["again"] = run_pipeline(raw, warehouse)
observed["after_again"] = state()
print(json.dumps(observed))
"""


def test_a_full_disk_at_publishing_leaves_the_previous_database_and_pages_which_agree(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    folder = tmp_path / "warehouse"
    folder.mkdir()
    run = _in_private_mounts(
        'mount -t tmpfs -o size=16m tmpfs "$W"; mkdir "$W/.work"; mount -t tmpfs -o size=64m tmpfs "$W/.work"\n'
        f'exec {sys.executable} -c "$SCRIPT" "$R" "$W/reports.duckdb"',
        W=str(folder), R=str(raw), SCRIPT=_FULL_DISK)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["first"] == []
    [failure] = seen["full"]
    assert failure.startswith("published_warehouse: OSError: [Errno 28] No space left on device"), failure
    before, after = seen["before"], seen["after_full"]
    assert after["documents"] == before["documents"] and "added.txt" not in after["documents"]
    assert after["pages"] == before["pages"], "the pages changed although the database was not published"
    assert "added.txt" not in after["pages"]["audit/index.html"]
    assert after["leftovers"] == [], "the failed copy was left behind"
    assert seen["again"] == []
    again = seen["after_again"]
    assert "added.txt" in again["documents"] and "added.txt" in again["pages"]["audit/index.html"]
    assert again["leftovers"] == []


def test_a_publish_killed_with_sigkill_leaves_the_published_file_and_its_leftovers_go_with_the_next_run(published):
    raw, warehouse = published
    documents, pages = _documents(warehouse), _pages(warehouse)
    with Warehouse(warehouse).connect() as con:  # a working copy big enough to be caught while it is copied
        con.execute("CREATE TABLE ballast AS SELECT random() AS x FROM range(25000000)")
    added = _add_report(raw)
    staging = warehouse.parent / f".{warehouse.name}.publishing"
    run = subprocess.Popen([sys.executable, "-m", "assets", "run", "--raw", str(raw), "--warehouse", str(warehouse)],
                           cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while not staging.exists() and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)
    assert staging.exists(), "the run ended before its publish could be caught"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert staging.exists()  # the partial copy, as the kill left it
    assert _documents(warehouse) == documents and _pages(warehouse) == pages

    # a kill while the pages were being made leaves their staging folder too, a page half written
    shutil.copytree(warehouse.parent / "reports", warehouse.parent / ".reports.staging", copy_function=os.link)
    (warehouse.parent / ".reports.staging" / "audit" / "index.html").unlink()
    (warehouse.parent / ".reports.staging" / "audit" / "index.html").write_text("<html><body><tabl")

    assert run_pipeline(raw, warehouse) == []
    assert _leftovers(warehouse) == []
    assert added in _documents(warehouse)
    assert added in (warehouse.parent / "reports" / "audit" / "index.html").read_text(encoding="utf-8")


def test_a_run_with_nothing_new_still_removes_the_leftovers_of_a_killed_publish(published):
    raw, warehouse = published
    (warehouse.parent / f".{warehouse.name}.publishing").write_bytes(warehouse.read_bytes()[:4096])
    (warehouse.parent / ".reports.staging" / "audit").mkdir(parents=True)
    before = warehouse.stat().st_mtime_ns
    assert run_pipeline(raw, warehouse) == []
    assert _leftovers(warehouse) == [] and warehouse.stat().st_mtime_ns == before


def test_pages_that_failed_after_the_database_was_published_are_made_by_the_next_run(published, monkeypatch):
    raw, warehouse = published
    added = _add_report(raw)
    pages = _pages(warehouse)

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("pipeline.pages.refresh_charts", broken)
    [failure] = run_pipeline(raw, warehouse)
    assert failure.startswith("pages:") and "No space left on device" in failure
    assert added in _documents(warehouse)
    assert _pages(warehouse) == pages and _leftovers(warehouse) == []  # the previous pages, whole
    monkeypatch.undo()
    assert run_pipeline(raw, warehouse) == []
    assert added in (warehouse.parent / "reports" / "audit" / "index.html").read_text(encoding="utf-8")


def test_the_pages_are_swapped_whole_while_a_reader_holds_the_old_ones(published):
    raw, warehouse = published
    index = warehouse.parent / "reports" / "audit" / "index.html"
    with open(index, encoding="utf-8") as held:  # a browser reading the old page mid-swap
        added = _add_report(raw)
        assert run_pipeline(raw, warehouse) == []
        assert added not in held.read()
    assert added in index.read_text(encoding="utf-8")


_IN_ONE_PROCESS = textwrap.dedent("""
    import duckdb, sys
    from pipeline.storage import Warehouse
    store = Warehouse(sys.argv[1])

    def publish(values):
        with store.connect() as con:
            con.execute("CREATE OR REPLACE TABLE numbers AS SELECT unnest($1::INTEGER[]) AS n", [values])
        store.publish()

    def total(con):
        return con.execute("SELECT sum(n) FROM numbers").fetchone()[0]

    publish([1])
    first = duckdb.connect(str(store.published), read_only=True)
    publish([10, 20])
    second = duckdb.connect(str(store.published), read_only=True)  # while the first is still open
    print(total(first), total(second))
    first.close()
    second.close()
    third = duckdb.connect(str(store.published), read_only=True)  # every earlier one closed
    print(total(third))
""")


def test_a_connection_sees_a_new_publish_once_every_earlier_one_in_its_process_is_closed(tmp_path):
    """README, Readers and writers: DuckDB gives a new connection to a file that is open in the same
    process that same open database, so it sees what the first saw; closed, the next one reads anew."""
    run = subprocess.run([sys.executable, "-c", _IN_ONE_PROCESS, str(tmp_path / "reports.duckdb")],
                         cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split("\n")[:2] == ["1 1", "30"]
