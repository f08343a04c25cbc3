"""REPORTS_COMPUTE=ray: the analysis as Ray tasks writes the rows of the local run, through the
Dagster job too; a worker node lost mid-run costs nothing (its chunks run again elsewhere, and every
write happens once, in the driver); the time budget holds inside Ray workers; the run's resource
starts or joins Ray and leaves it. A real local cluster (tests/conftest.py: ray_cluster), no mocks;
benchmarks/compute.py and benchmarks/node_loss.py measure the speed."""

import os
import shutil
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import ray
from dagster import build_init_resource_context
from test_budget import BUDGET, _raw_with_a_slow_report
from test_parallel import _build

from assets.cli import run_pipeline
from assets.resources import AnalysisWorkers
from benchmarks.corpus import write_corpus
from benchmarks.node_loss import LosesANode
from pipeline import parallel, stages
from pipeline.ray_executor import RayExecutor
from pipeline.stages import bring_up_to_date, ingest_folder_into
from pipeline.storage import Warehouse
from pipeline.warehouse import DERIVED_TABLES, DOCUMENT_STAGES

pytestmark = pytest.mark.ray

BUNDLED_RAW = Path(__file__).resolve().parents[1] / "raw"


@pytest.fixture
def connected(ray_cluster):
    """This process connected to the session's cluster as a Ray driver."""
    if not ray.is_initialized():
        ray.init(address=ray_cluster.address)
    yield ray_cluster


@pytest.fixture
def disconnected(ray_cluster, monkeypatch):
    """This process not connected to Ray; $RAY_ADDRESS names the session's cluster."""
    ray.shutdown()
    monkeypatch.setenv("RAY_ADDRESS", ray_cluster.address)
    yield ray_cluster
    ray.shutdown()


def _analysed(root: Path, raw: Path, pool=None, workers: int = 1) -> dict[str, pd.DataFrame]:
    return _build(root, raw, pool, workers, batch_documents=40)


def _assert_same_rows(expected: dict[str, pd.DataFrame], actual: dict[str, pd.DataFrame]) -> None:
    for name, frame in expected.items():
        assert len(frame) > 0
        assert len(actual[name]) == len(frame), name  # nothing lost, nothing doubled
        pd.testing.assert_frame_equal(frame, actual[name], check_dtype=False)


def test_ray_tasks_write_the_rows_of_the_in_process_run(tmp_path, monkeypatch, connected):
    alone = _analysed(tmp_path / "alone", BUNDLED_RAW)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_DOCUMENTS", 1)
    monkeypatch.setattr(parallel, "CHUNK_DOCUMENTS", 2)
    on_ray = _analysed(tmp_path / "ray", BUNDLED_RAW, RayExecutor, 2)
    _assert_same_rows(alone, on_ray)


def test_ray_workers_are_kept_for_the_tasks_that_follow(connected):
    """Twenty chunks' worth of tasks on two one-CPU nodes run in two worker processes: each imports
    the library and loads the dictionary once, not once per chunk."""
    executor = RayExecutor()
    assert len({future.result() for future in [executor.submit(os.getpid) for _ in range(20)]}) <= 2


def test_a_worker_node_lost_mid_run_loses_and_doubles_nothing(tmp_path, monkeypatch, connected):
    raw = tmp_path / "raw"
    write_corpus(raw, 120)
    alone = _analysed(tmp_path / "alone", raw)
    monkeypatch.setattr(parallel, "CHUNK_DOCUMENTS", 5)
    executor = LosesANode(connected, after=10)
    try:
        on_ray = _analysed(tmp_path / "ray", raw, lambda: executor, 2)
    finally:
        connected.add_node(num_cpus=1)  # the session's cluster has two worker nodes again
    assert executor.unfinished_at_the_kill >= 2
    assert len(connected.worker_nodes) == 2
    _assert_same_rows(alone, on_ray)


def test_a_ray_worker_rejects_a_slow_document_and_the_batch_lands(tmp_path, monkeypatch, connected):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_DOCUMENTS", 1)
    store = Warehouse(tmp_path / "reports.duckdb")
    ingest_folder_into(store, _raw_with_a_slow_report(tmp_path))
    report = bring_up_to_date(store, RayExecutor, 2, budget_seconds=BUDGET + 1.5)
    assert report.rejected == [("slow.txt", "analysis exceeded 3 s")]
    with store.connect() as con:
        landed = {row[0] for row in con.execute("SELECT source_path FROM documents").fetchall()}
    assert landed == {p.name for p in BUNDLED_RAW.iterdir()}


def test_cancelled_futures_and_shutdown_stop_their_tasks(connected):
    """Each of the two one-CPU nodes gets a task that would hold its CPU for ten minutes: a new task
    runs at once only if cancelling the first one's future freed its CPU; shutdown cancels the other."""
    executor = RayExecutor()
    first, second = executor.submit(time.sleep, 600), executor.submit(time.sleep, 600)
    time.sleep(1)
    assert first.cancel()
    assert executor.submit(abs, -3).result(timeout=30) == 3
    executor.shutdown(cancel_futures=True)
    with pytest.raises(ray.exceptions.TaskCancelledError):
        second.result(timeout=30)


def test_a_worker_with_other_code_refuses_the_chunk(tmp_path, monkeypatch, connected):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_DOCUMENTS", 1)
    monkeypatch.setattr(stages, "code_version", lambda: "other")  # the driver's version, here; the workers' is real
    store = Warehouse(tmp_path / "reports.duckdb")
    ingest_folder_into(store, BUNDLED_RAW)
    with pytest.raises(parallel.WorkerFailed, match="OtherCode.*the run other"):
        bring_up_to_date(store, RayExecutor, 2)
    with store.connect() as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def _published(warehouse: Path) -> dict[str, pd.DataFrame]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = {name: con.execute(f"SELECT * FROM {name} ORDER BY ALL").df()
                  for name in (*DOCUMENT_STAGES, *DERIVED_TABLES)}
        tables["rejected_files"] = con.execute("SELECT source_path, reason FROM rejected_files ORDER BY ALL").df()
    return tables


def test_the_job_on_ray_publishes_the_warehouse_of_the_local_run(tmp_path, monkeypatch, built_warehouse, disconnected):
    local_raw, local_warehouse = built_warehouse
    raw = tmp_path / "raw"
    shutil.copytree(local_raw, raw)
    monkeypatch.setenv(parallel.COMPUTE_VARIABLE, "ray")
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    monkeypatch.setattr(parallel, "MIN_PARALLEL_DOCUMENTS", 1)
    warehouse = tmp_path / "warehouse" / "reports.duckdb"
    assert run_pipeline(raw, warehouse) == []
    assert not ray.is_initialized()  # the run's resource joined the cluster and left it
    local = _published(local_warehouse)
    on_ray = _published(warehouse)
    for name, frame in local.items():
        assert len(on_ray[name]) == len(frame), name
        pd.testing.assert_frame_equal(frame, on_ray[name], check_dtype=False)


def test_the_resource_starts_a_local_ray_without_an_address_and_stops_it(ray_cluster, monkeypatch):
    ray.shutdown()
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    resource = AnalysisWorkers(workers=2, compute="ray")
    with resource.yield_for_execution(build_init_resource_context()) as workers:
        assert workers.pool().submit(abs, -3).result() == 3
        assert ray.get_runtime_context().gcs_address != ray_cluster.address  # a new instance, not the cluster
        assert ray.cluster_resources()["CPU"] == 2
    assert not ray.is_initialized()


def test_the_resource_leaves_a_connection_it_did_not_make(connected):
    resource = AnalysisWorkers(workers=2, compute="ray")
    with resource.yield_for_execution(build_init_resource_context()) as workers:
        assert workers.pool().submit(abs, -3).result() == 3
    assert ray.is_initialized()


def test_an_unknown_compute_is_refused(monkeypatch):
    monkeypatch.setenv(parallel.COMPUTE_VARIABLE, "spark")
    with pytest.raises(ValueError, match="REPORTS_COMPUTE='spark': expected one of local, ray"):
        parallel.configured_compute()
    with pytest.raises(ValueError, match="'local' or 'ray'"):
        AnalysisWorkers(workers=2, compute="spark")
