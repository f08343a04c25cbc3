"""The lake mode for real: Delta tables in tmp_path and on a local S3-compatible server (moto's server
in a process of its own), writer processes committing at once, the whole job in both storage modes."""

import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import boto3
import duckdb
import pyarrow as pa
import pytest

from assets.cli import run_pipeline
from benchmarks.lake_commits import document_rows
from benchmarks.lake_commits import run as concurrent_writers
from pipeline import lake_views
from pipeline.lake import Lake
from pipeline.settings import configured_lake
from pipeline.warehouse import table_counts

PROJECT_ROOT = Path(__file__).resolve().parents[1]
IN_THE_LAKE = ("documents", "sentences", "tokens", "indicators", "document_texts")


def readme_queries() -> list[str]:
    """Every statement of the README's SQL blocks."""
    blocks = re.findall(r"```sql\n(.*?)```", (PROJECT_ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    return [statement.strip() for block in blocks for statement in block.split(";") if statement.strip()]


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3 server on a free local port, with the AWS_* variables delta-rs and pyarrow read; a bucket."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    settings = {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}", "AWS_ACCESS_KEY_ID": "test",
                "AWS_SECRET_ACCESS_KEY": "test", "AWS_REGION": "us-east-1", "AWS_ALLOW_HTTP": "true"}
    saved = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the S3 server did not start"
                time.sleep(0.1)
        boto3.client("s3").create_bucket(Bucket="reports")
        yield "s3://reports"
    finally:
        server.terminate()
        server.wait(timeout=30)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _counts(lake: Lake) -> dict[str, tuple[int, int]]:
    """(rows, distinct keys) per table of the lake's latest snapshot."""
    snapshot = lake.snapshot(("documents", "tokens"))
    con = duckdb.connect()
    if lake_views.needs_object_store(lake.uri):
        lake_views.register_object_store(con)
    documents = lake_views.snapshot_select([("doc_id", "VARCHAR"), ("round", "INTEGER")], snapshot["documents"].files)
    tokens = lake_views.snapshot_select([("doc_id", "VARCHAR"), ("position", "INTEGER")], snapshot["tokens"].files)
    return {"documents": con.execute(f"SELECT count(*), count(DISTINCT doc_id) FROM ({documents})").fetchone(),
            "tokens": con.execute(f"SELECT count(*), count(DISTINCT (doc_id, position)) FROM ({tokens})").fetchone()}


def test_a_document_written_again_or_removed_is_never_doubled(tmp_path):
    lake = Lake(str(tmp_path / "lake"))
    first = [f"w0-{i}" for i in range(12)]
    lake.replace(first, document_rows(first, 5, round_=1))
    lake.replace(first[:4], document_rows(first[:4], 5, round_=2))  # analysed again
    assert _counts(lake) == {"documents": (12, 12), "tokens": (60, 60)}
    lake.delete(first[4:6], ("documents", "tokens"))  # left the raw folder
    assert _counts(lake) == {"documents": (10, 10), "tokens": (50, 50)}
    partitions = {path.relative_to(tmp_path / "lake" / "tokens").parent.as_posix()
                  for path in (tmp_path / "lake" / "tokens").rglob("*.parquet")}
    assert all(re.fullmatch(r"lake_year=20\d\d/lake_province=\d\d", p) for p in partitions)  # never by document
    assert len(partitions) == 12


def test_a_lake_written_before_a_column_existed_reads_it_as_null_until_rewritten(tmp_path):
    lake = Lake(str(tmp_path / "lake"))
    docs = [f"w0-{i}" for i in range(4)]
    lake.replace(docs, document_rows(docs, 2, round_=1))  # files without the later column "note"
    schema = [("doc_id", "VARCHAR"), ("round", "INTEGER"), ("note", "VARCHAR")]
    con = duckdb.connect()
    con.execute("CREATE TABLE documents (doc_id VARCHAR, round INTEGER, note VARCHAR)")
    lake_views.create_views(con, lake.snapshot(("documents",)), {"documents": schema}, temporary=True)
    assert con.execute("SELECT count(*), count(note) FROM documents").fetchone() == (4, 0)
    rows = document_rows(docs[:1], 2, round_=2)
    rows["documents"] = rows["documents"].append_column("note", pa.array(["new"]))
    lake.replace(docs[:1], rows)  # the schema gains the column (merge)
    lake_views.create_views(con, lake.snapshot(("documents",)), {"documents": schema}, temporary=True)
    assert con.execute("SELECT count(*), count(note) FROM documents").fetchone() == (4, 1)


def test_writer_processes_committing_at_once_leave_exact_counts(tmp_path):
    result = concurrent_writers(str(tmp_path / "lake"), writers=3, documents=30, batch=10, tokens=20)
    assert result["exact"], result
    assert result["found"]["tokens"] == 3 * 30 * 20


def test_writer_processes_on_s3_leave_exact_counts(s3_server):
    result = concurrent_writers(f"{s3_server}/concurrent", writers=2, documents=20, batch=10, tokens=10)
    assert result["exact"], result


@pytest.fixture(scope="module")
def lake_warehouse(built_warehouse, tmp_path_factory):
    """The bundled reports (and the bad file) through the whole job in lake mode, next to the DuckDB-mode run."""
    raw, _ = built_warehouse
    root = tmp_path_factory.mktemp("lake-mode")
    warehouse = root / "warehouse" / "reports.duckdb"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("REPORTS_STORAGE", "lake")
        env.setenv("REPORTS_LAKE", str(root / "lake"))
        assert run_pipeline(raw, warehouse) == []
    return warehouse, root / "lake"


def test_the_job_in_lake_mode_answers_the_readme_queries_as_the_duckdb_mode(built_warehouse, lake_warehouse):
    _, duckdb_warehouse = built_warehouse
    with duckdb.connect(str(duckdb_warehouse), read_only=True) as one, \
            lake_views.connect(str(lake_warehouse[0])) as other:
        queries = readme_queries()
        assert len(queries) >= 6
        for query in queries:
            expected = sorted(map(repr, one.execute(query).fetchall()))
            assert sorted(map(repr, other.execute(query).fetchall())) == expected, query
            assert expected or "plan_against_result" in query
        counts = table_counts(other)
        assert {t: counts[t] for t in counts if t != "lake_snapshot"} == table_counts(one)
        kinds = dict(other.execute("SELECT table_name, table_type FROM information_schema.tables").fetchall())
        assert all(kinds[table] == "VIEW" for table in IN_THE_LAKE)


def _first_sample_reports(raw: Path, count: int) -> Path:
    """A raw folder holding the first `count` sample reports of the project's raw/."""
    raw.mkdir()
    for report in sorted((PROJECT_ROOT / "raw").glob("*.txt"))[:count]:
        shutil.copy(report, raw / report.name)
    return raw


def test_a_reader_of_the_old_catalog_keeps_its_snapshot_while_a_run_changes_the_lake(tmp_path, monkeypatch):
    raw = _first_sample_reports(tmp_path / "raw", 3)
    warehouse = tmp_path / "warehouse" / "reports.duckdb"
    monkeypatch.setenv("REPORTS_STORAGE", "lake")
    assert run_pipeline(raw, warehouse) == []  # the lake: warehouse/lake beside the file
    count = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM tokens), (SELECT count(*) FROM indicators)"
    reader = subprocess.Popen(  # another process: this one's DuckDB would hand back its cached instance of the file
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys
            con = duckdb.connect({str(warehouse)!r}, read_only=True)
            print(con.execute({count!r}).fetchone(), flush=True)
            sys.stdin.readline()      # hold the old catalog open while a run changes the lake
            print(con.execute({count!r}).fetchone(), flush=True)
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        before = reader.stdout.readline().strip()
        removed = sorted(raw.glob("*.txt"))[0]
        removed.unlink()
        assert run_pipeline(raw, warehouse) == []
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == before, "the old catalog reads its pinned files"
    finally:
        reader.wait(timeout=60)
    assert before.startswith("(3, ")
    script = f"import duckdb; print(duckdb.connect({str(warehouse)!r}, read_only=True).execute({count!r}).fetchone())"
    after = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.strip()
    assert after.startswith("(2, ")
    shutil.copy(PROJECT_ROOT / "raw" / removed.name, removed)  # back again: written again, not doubled
    assert run_pipeline(raw, warehouse) == []
    again = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.strip()
    assert again == before


def test_the_job_on_s3_writes_publishes_and_reads_back(s3_server, tmp_path, monkeypatch):
    raw = _first_sample_reports(tmp_path / "raw", 2)
    warehouse = tmp_path / "warehouse" / "reports.duckdb"
    monkeypatch.setenv("REPORTS_STORAGE", "lake")
    monkeypatch.setenv("REPORTS_LAKE", f"{s3_server}/warehouse")
    assert run_pipeline(raw, warehouse) == []
    with lake_views.connect(str(warehouse)) as con:
        assert con.execute("SELECT DISTINCT lake FROM lake_snapshot").fetchall() == [(f"{s3_server}/warehouse",)]
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (2,)
        assert con.execute("SELECT count(*) FROM tokens JOIN documents USING (doc_id)").fetchone()[0] > 1000
        assert con.execute("SELECT count(*) FROM indicators").fetchone()[0] > 0
    keys = [item["Key"] for item in boto3.client("s3").list_objects_v2(Bucket="reports", Prefix="warehouse/")["Contents"]]
    assert any(re.search(r"^warehouse/tokens/lake_year=\d{4}/lake_province=\d\d/.*\.parquet$", key) for key in keys)
    assert any(key.startswith("warehouse/tokens/_delta_log/") for key in keys)


def test_the_storage_setting_defaults_to_duckdb_and_refuses_unknown_modes(tmp_path, monkeypatch):
    warehouse = tmp_path / "warehouse" / "reports.duckdb"
    monkeypatch.delenv("REPORTS_STORAGE", raising=False)
    monkeypatch.setenv("REPORTS_LAKE", "s3://ignored")
    assert configured_lake(warehouse) is None
    monkeypatch.setenv("REPORTS_STORAGE", "lake")
    assert configured_lake(warehouse) == "s3://ignored"
    monkeypatch.delenv("REPORTS_LAKE")
    assert configured_lake(warehouse) == str(tmp_path / "warehouse" / "lake")
    monkeypatch.setenv("REPORTS_STORAGE", "ducklake")
    with pytest.raises(ValueError, match="REPORTS_STORAGE"):
        configured_lake(warehouse)


def test_switching_the_storage_mode_republishes_from_the_mode_s_own_working_file(tmp_path, monkeypatch):
    raw = _first_sample_reports(tmp_path / "raw", 2)
    warehouse = tmp_path / "warehouse" / "reports.duckdb"
    script = textwrap.dedent(f"""
        import duckdb
        con = duckdb.connect({str(warehouse)!r}, read_only=True)
        catalog = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'lake_snapshot'")
        print(catalog.fetchone()[0], con.execute("SELECT count(*) FROM tokens").fetchone()[0])
    """)

    def published() -> str:  # read in another process: this one's DuckDB caches the file it opened
        return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.strip()

    monkeypatch.setenv("REPORTS_STORAGE", "duckdb")
    assert run_pipeline(raw, warehouse) == []
    catalog, tokens = published().split()
    assert catalog == "0" and int(tokens) > 1000
    monkeypatch.setenv("REPORTS_STORAGE", "lake")
    assert run_pipeline(raw, warehouse) == []
    assert published() == f"1 {tokens}"  # every document in the lake, though the DuckDB mode had done them
    monkeypatch.setenv("REPORTS_STORAGE", "duckdb")
    assert run_pipeline(raw, warehouse) == []  # nothing changed, but the published file is the other mode's
    assert published() == f"0 {tokens}"
    assert sorted(p.name for p in (warehouse.parent / ".work").glob("*.duckdb")) == ["reports.duckdb", "reports.lake.duckdb"]
