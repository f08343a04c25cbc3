"""The head start (pipeline.head_start): reports analysed while Dagster starts give exactly the rows
and pages of the usual analysis, and only results that match what ingest recorded are kept."""

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import assets.reports
from pipeline import head_start, parallel
from pipeline.audit import audit_dir
from pipeline.cli import run_pipeline
from pipeline.stages import bring_up_to_date, ingest_folder_into
from pipeline.storage import Warehouse
from pipeline.warehouse import DOCUMENT_STAGES

BUNDLED_RAW = Path(__file__).resolve().parents[1] / "raw"


@pytest.fixture
def raw(tmp_path, monkeypatch):
    """The bundled reports, with two workers and a pool for any number of documents."""
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    monkeypatch.setattr(parallel, "MIN_PARALLEL_DOCUMENTS", 1)
    folder = tmp_path / "raw"
    shutil.copytree(BUNDLED_RAW, folder)
    yield folder
    head_start.take()


def _contents(store: Warehouse) -> tuple[dict[str, pd.DataFrame], dict[str, bytes]]:
    with duckdb.connect(str(store.working), read_only=True) as con:
        tables = {name: con.execute(f"SELECT * FROM {name} ORDER BY ALL").df() for name in DOCUMENT_STAGES}
    pages = {page.name: page.read_bytes() for page in audit_dir(store).glob("*.html")}
    return tables, pages


def _analysed_without_head_start(raw: Path, root: Path) -> tuple[dict[str, pd.DataFrame], dict[str, bytes]]:
    store = Warehouse(root / "reports.duckdb")
    ingest_folder_into(store, raw)
    assert bring_up_to_date(store).head_start == 0
    return _contents(store)


def _assert_same(left, right) -> None:
    tables, pages = left
    other_tables, other_pages = right
    for name in DOCUMENT_STAGES:
        assert len(tables[name]) > 0
        pd.testing.assert_frame_equal(tables[name], other_tables[name])
    assert pages == other_pages and len(pages) == 5


def test_a_head_start_writes_the_rows_and_pages_of_the_usual_analysis(raw, tmp_path):
    store = Warehouse(tmp_path / "early" / "reports.duckdb")
    assert head_start.begin(raw, store)
    ingest_folder_into(store, raw)
    report = bring_up_to_date(store, head_start=head_start.take())
    assert report.head_start == len(report.processed) == 5
    _assert_same(_contents(store), _analysed_without_head_start(raw, tmp_path / "plain"))


def test_a_file_changed_after_the_head_start_read_it_is_analysed_again(raw, tmp_path):
    store = Warehouse(tmp_path / "early" / "reports.duckdb")
    assert head_start.begin(raw, store)
    started = head_start.take()  # waits until the head start has read the files
    changed = sorted(raw.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n全年共受理行政复议案件12件。\n", encoding="utf-8")
    ingest_folder_into(store, raw)
    report = bring_up_to_date(store, head_start=started)
    assert report.head_start == 4 and len(report.processed) == 5
    _assert_same(_contents(store), _analysed_without_head_start(raw, tmp_path / "plain"))


def test_no_head_start_when_nothing_is_new(raw, tmp_path):
    store = Warehouse(tmp_path / "reports.duckdb")
    ingest_folder_into(store, raw)
    bring_up_to_date(store)
    assert not head_start.begin(raw, store)
    assert head_start.take() is None


def test_no_head_start_while_another_run_holds_the_warehouse(raw, tmp_path):
    store = Warehouse(tmp_path / "reports.duckdb")
    with store.session():
        assert not head_start.begin(raw, store)


def test_results_of_documents_analysed_meanwhile_are_not_written(raw, tmp_path):
    store = Warehouse(tmp_path / "reports.duckdb")
    assert head_start.begin(raw, store)
    started = head_start.take()
    ingest_folder_into(store, raw)
    assert bring_up_to_date(store).head_start == 0
    before = _contents(store)
    report = bring_up_to_date(store, head_start=started)
    assert report.processed == [] and report.head_start == 0
    _assert_same(_contents(store), before)


def test_a_pipeline_run_takes_its_head_start(raw, tmp_path, monkeypatch):
    reports = []

    def recording(*args, **kwargs):
        reports.append(bring_up_to_date(*args, **kwargs))
        return reports[-1]

    monkeypatch.setattr(assets.reports, "bring_up_to_date", recording)
    assert run_pipeline(raw, tmp_path / "warehouse" / "reports.duckdb") == []
    assert [report.head_start for report in reports] == [5]


def test_no_head_start_from_a_warehouse_that_cannot_be_read(raw, tmp_path):
    store = Warehouse(tmp_path / "reports.duckdb")
    store.work_dir.mkdir(parents=True)
    store.working.write_bytes(b"not a database" * 100)
    assert not head_start.begin(raw, store)
    assert not head_start.begin(tmp_path / "no such folder", Warehouse(tmp_path / "other" / "reports.duckdb"))
