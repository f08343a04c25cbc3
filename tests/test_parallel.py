"""The worker pool changes no output (it writes the rows of the in-process run), belongs to the run
that uses it, and a worker that fails fails the analysis (benchmarks/ measures the speed)."""

import logging
import os
import signal
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from dagster import build_init_resource_context

from assets.cli import run_pipeline
from assets.resources import AnalysisWorkers
from pipeline import parallel, stages
from pipeline.stages import batch_sizes, bring_up_to_date, ingest_folder_into
from pipeline.storage import Warehouse
from pipeline.warehouse import DOCUMENT_STAGES

BUNDLED_RAW = Path(__file__).resolve().parents[1] / "raw"


def _build(root: Path, raw: Path, pool=None, workers: int = 1, batch_documents: int = 3) -> dict[str, pd.DataFrame]:
    """The per-document tables of an analysis of `raw`, in process or on `pool`'s executor."""
    store = Warehouse(root / "reports.duckdb")
    ingest_folder_into(store, raw)
    bring_up_to_date(store, pool, workers, batch_documents=batch_documents)
    with duckdb.connect(str(store.working), read_only=True) as con:
        return {name: con.execute(f"SELECT * FROM {name} ORDER BY ALL").df() for name in DOCUMENT_STAGES}


def test_worker_pool_writes_the_rows_of_the_in_process_run(tmp_path, monkeypatch):
    alone = _build(tmp_path / "alone", BUNDLED_RAW)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_DOCUMENTS", 1)
    monkeypatch.setattr(parallel, "CHUNK_DOCUMENTS", 2)
    asked = []
    with parallel.new_pool(2) as executor:
        pooled = _build(tmp_path / "pooled", BUNDLED_RAW, lambda: asked.append(1) or executor, 2)
    assert asked == [1]
    for name in DOCUMENT_STAGES:
        assert len(alone[name]) > 0
        pd.testing.assert_frame_equal(alone[name], pooled[name], check_dtype=False)


def test_a_few_documents_never_start_the_pool(tmp_path):
    def no_pool():
        raise AssertionError("the pool was asked for")

    assert len(_build(tmp_path, BUNDLED_RAW, no_pool, 2)["documents"]) == len(list(BUNDLED_RAW.iterdir()))


def test_the_resource_starts_its_pool_on_first_use_and_shuts_it_down_with_the_run():
    resource = AnalysisWorkers(workers=2)
    with resource.yield_for_execution(build_init_resource_context()) as workers:
        pool = workers.pool()
        assert workers.pool() is pool
        assert pool.submit(abs, -3).result() == 3
    with pytest.raises(RuntimeError, match="shutdown"):
        pool.submit(abs, -3)


def _killed(texts, budget_seconds=None, version=None):
    """Stands in for the analysis in a worker: the worker dies (out of memory, killed)."""
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_that_dies_fails_the_analysis_with_a_log_line(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_DOCUMENTS", 1)
    monkeypatch.setattr(stages, "analyse_chunk", _killed)
    store = Warehouse(tmp_path / "reports.duckdb")
    ingest_folder_into(store, BUNDLED_RAW)
    with parallel.new_pool(2) as executor, caplog.at_level(logging.ERROR, logger="pipeline.parallel"):
        with pytest.raises(parallel.WorkerFailed, match="BrokenProcessPool"):
            bring_up_to_date(store, lambda: executor, 2)
    assert any("worker process failed on documents" in record.message for record in caplog.records)
    with store.connect() as con:  # nothing was analysed in process instead
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_a_worker_that_dies_fails_the_step_and_the_run(tmp_path, monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    monkeypatch.setattr(parallel, "MIN_PARALLEL_DOCUMENTS", 1)
    monkeypatch.setattr(stages, "analyse_chunk", _killed)
    warehouse = tmp_path / "reports.duckdb"
    failures = run_pipeline(BUNDLED_RAW, warehouse)
    assert len(failures) == 1 and failures[0].startswith("analyse_documents:")
    assert not warehouse.exists()


@pytest.mark.parametrize(("documents", "later", "workers", "expected"), [
    (200, 800, 2, [25] * 8),  # much left: full chunks
    (10, 0, 2, [3, 2, 2, 2, 1]),  # the end of the work: small chunks, at least MIN_CHUNK_DOCUMENTS but for the rest
    (0, 0, 2, []),
    (30, 0, 4, [4, 4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2]),
])
def test_chunks_shrink_towards_the_end_of_the_work(documents, later, workers, expected):
    sizes = parallel.chunk_sizes(documents, later, workers)
    assert sizes == expected and sum(sizes) == documents


@pytest.mark.parametrize(("documents", "batch", "expected"), [
    (1000, 200, [200, 200, 200, 200, 100, 50, 25, 25]),  # the last batches halve: the last write is short
    (201, 200, [101, 50, 25, 25]),
    (30, 200, [25, 5]),
    (10, 3, [3, 3, 3, 1]),  # never above the batch size
    (0, 200, []),
])
def test_batches_halve_towards_the_end_of_the_work(documents, batch, expected):
    sizes = batch_sizes(documents, batch)
    assert sizes == expected and sum(sizes) == documents
