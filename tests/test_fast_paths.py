"""The worker pool changes no output: it writes the rows of the in-process run (benchmarks/
measures the speed)."""

import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline import parallel
from pipeline.stages import batch_sizes, bring_up_to_date, ingest_folder_into
from pipeline.warehouse import DOCUMENT_STAGES
from pipeline.storage import Warehouse

BUNDLED_RAW = Path(__file__).resolve().parents[1] / "raw"


def _build(root: Path, raw: Path) -> dict[str, pd.DataFrame]:
    store = Warehouse(root / "reports.duckdb")
    ingest_folder_into(store, raw)
    bring_up_to_date(store, batch_documents=3)
    with duckdb.connect(str(store.working), read_only=True) as con:
        return {name: con.execute(f"SELECT * FROM {name} ORDER BY ALL").df() for name in DOCUMENT_STAGES}


def test_worker_pool_writes_the_rows_of_the_in_process_run(tmp_path, monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "1")
    alone = _build(tmp_path / "alone", BUNDLED_RAW)
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    monkeypatch.setattr(parallel, "MIN_PARALLEL_DOCUMENTS", 1)
    monkeypatch.setattr(parallel, "CHUNK_DOCUMENTS", 2)
    pooled = _build(tmp_path / "pooled", BUNDLED_RAW)
    for name in DOCUMENT_STAGES:
        assert len(alone[name]) > 0
        pd.testing.assert_frame_equal(alone[name], pooled[name], check_dtype=False)


@pytest.mark.parametrize(("documents", "later", "workers", "expected"), [
    (200, 800, 2, [25] * 8),  # much left: full chunks
    (10, 0, 2, [3, 2, 2, 2, 1]),  # the end of the work: small chunks, at least MIN_CHUNK_DOCUMENTS but for the rest
    (0, 0, 2, []),
    (30, 0, 4, [4, 4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2]),
])
def test_chunks_shrink_towards_the_end_of_the_work(documents, later, workers, expected, monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, str(workers))
    sizes = parallel.chunk_sizes(documents, later)
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


def test_the_pool_is_not_running_until_its_workers_exist(monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    parallel.shutdown()
    forking, release = threading.Event(), threading.Event()
    submit = ProcessPoolExecutor.submit

    def slow_submit(self, *args, **kwargs):  # as when the fork server is still loading
        forking.set()
        release.wait(10)
        return submit(self, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", slow_submit)
    parallel.warm_up()
    assert forking.wait(10)
    assert not parallel.pool_is_running() and not parallel.worth_a_pool(1)  # one document: not worth waiting for
    release.set()
    monkeypatch.setattr(ProcessPoolExecutor, "submit", submit)
    assert parallel.submit_chunks(abs, [-4, -5], list, True).result() == [4, 5]  # waits for the warm-up's pool
    assert parallel.pool_is_running()
