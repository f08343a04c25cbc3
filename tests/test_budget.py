"""A time budget per document (pipeline.budget): a document whose analysis runs over it is rejected
with the reason, in the worker that analyses it or in the run's process, and the run goes on and
publishes the others. Real signals, real worker processes, a real Dagster run."""

import re
import shutil
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from assets.cli import run_pipeline
from pipeline import budget, parallel
from pipeline.stages import bring_up_to_date, ingest_folder_into
from pipeline.storage import Warehouse
from pipeline.tables import REJECTED, analyse_documents

BUNDLED_RAW = Path(__file__).resolve().parents[1] / "raw"
# 400,000 characters of dense indicators: about 6 s of analysis on a quiet machine, far over the
# budgets below, while a bundled report takes a few hundredths of a second.
SLOW_TEXT = ("全市立案查处12件，罚款3.5万元，同比下降4.2%。" * 20000)[:400_000]
BUDGET = 1.5


def _document(doc_id: str, text: str) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": doc_id, "source_path": f"{doc_id}.txt", "sha256": "0", "encoding": "utf-8",
                          "text": text}])


def test_the_deadline_interrupts_a_runaway_regular_expression():
    started = time.perf_counter()
    with pytest.raises(budget.OverBudget, match=r"analysis exceeded 0\.3 s"), budget.deadline(0.3):
        re.match(r"(a+)+$", "a" * 40 + "b")  # catastrophic backtracking: hours without the budget
    assert time.perf_counter() - started < 2


def test_a_budget_signal_swallowed_by_a_callback_still_ends_over_budget():
    # Python drops an exception raised while it runs a weakref callback or a __del__ (it only warns):
    # the body runs on, and the deadline raises once it is over
    with pytest.raises(budget.OverBudget), budget.deadline(0.2):
        end = time.perf_counter() + 0.6
        while time.perf_counter() < end:
            try:
                time.sleep(0.01)
            except budget.OverBudget:
                pass  # what such a callback does with it


def test_a_swallowed_budget_signal_is_followed_by_another_that_stops_the_body():
    # a gc callback that swallows the signal must not let a long analysis run on to its end
    started = time.perf_counter()
    with pytest.raises(budget.OverBudget), budget.deadline(0.2):
        try:
            time.sleep(0.5)
        except budget.OverBudget:
            pass  # what such a callback does with it
        time.sleep(3)
    assert time.perf_counter() - started < 1.5


def test_no_budget_and_a_finished_body_leave_no_timer_behind():
    with budget.deadline(0.2):
        pass
    with budget.deadline(None), budget.deadline(0):
        time.sleep(0.3)  # an alarm left armed would fire here


def test_the_budget_comes_from_the_environment(monkeypatch):
    assert budget.configured_budget() == budget.DEFAULT_SECONDS == 30
    monkeypatch.setenv(budget.BUDGET_VARIABLE, "2.5")
    assert budget.configured_budget() == 2.5


def test_a_slow_document_is_rejected_and_the_others_are_analysed():
    analyse_documents(_document("warm", "2023年全市立案查处12件。"))  # load the dictionaries first
    sources = pd.concat([_document("slow", SLOW_TEXT), _document("fine", "2023年全市立案查处12件，罚款3万元。")])
    started = time.perf_counter()
    frames = analyse_documents(sources, BUDGET)
    assert time.perf_counter() - started < BUDGET + 1
    assert frames[REJECTED].to_dict("records") == [
        {"doc_id": "slow", "source_path": "slow.txt", "reason": "analysis exceeded 1.5 s"}]
    assert frames["documents"]["doc_id"].tolist() == ["fine"]
    assert set(frames["indicators"]["doc_id"]) == {"fine"} and set(frames["sentences"]["doc_id"]) == {"fine"}


def _raw_with_a_slow_report(root: Path) -> Path:
    raw = root / "raw"
    shutil.copytree(BUNDLED_RAW, raw)
    (raw / "slow.txt").write_text(SLOW_TEXT, encoding="utf-8")
    return raw


def test_a_worker_rejects_a_slow_document_and_the_batch_lands(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_DOCUMENTS", 1)
    raw = _raw_with_a_slow_report(tmp_path)
    store = Warehouse(tmp_path / "reports.duckdb")
    ingest_folder_into(store, raw)
    with parallel.new_pool(2) as executor:
        # the budget is generous for the first document of a worker, which loads the dictionaries
        report = bring_up_to_date(store, lambda: executor, 2, budget_seconds=BUDGET + 1.5)
    assert report.rejected == [("slow.txt", "analysis exceeded 3 s")]
    with store.connect() as con:
        assert con.execute("SELECT source_path, reason FROM rejected_files").fetchall() == [
            ("slow.txt", "analysis exceeded 3 s")]
        landed = {row[0] for row in con.execute("SELECT source_path FROM documents").fetchall()}
        assert landed == {p.name for p in BUNDLED_RAW.iterdir()}
        assert con.execute("SELECT count(*) FROM document_texts WHERE source_path = 'slow.txt'").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM document_stages WHERE doc_id NOT IN "
                           "(SELECT doc_id FROM documents)").fetchone()[0] == 0


def test_a_run_rejects_a_slow_document_and_publishes_the_others(tmp_path, monkeypatch):
    monkeypatch.setenv(budget.BUDGET_VARIABLE, str(BUDGET))
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "1")
    analyse_documents(_document("warm", "2023年全市立案查处12件。"))  # the run analyses in this process
    raw = _raw_with_a_slow_report(tmp_path)
    warehouse = tmp_path / "warehouse" / "reports.duckdb"
    assert run_pipeline(raw, warehouse) == []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT source_path, reason FROM rejected_files").fetchall() == [
            ("slow.txt", "analysis exceeded 1.5 s")]
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == len(list(BUNDLED_RAW.iterdir()))
    # once the file changes, it is tried again
    (raw / "slow.txt").write_text("2023年全市立案查处12件。", encoding="utf-8")
    assert run_pipeline(raw, warehouse) == []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM rejected_files").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM documents WHERE source_path = 'slow.txt'").fetchone()[0] == 1
