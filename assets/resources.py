"""Dagster resources: where reports arrive, where the warehouse lives, the analysis' worker processes."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from pathlib import Path

from dagster import ConfigurableResource, InitResourceContext
from pydantic import PrivateAttr

from pipeline.budget import DEFAULT_SECONDS, configured_budget
from pipeline.parallel import Compute, configured_compute, configured_workers, new_pool
from pipeline.settings import configured_lake
from pipeline.storage import Warehouse


class RawFolder(ConfigurableResource):
    """The folder that report files are dropped into."""

    path: str

    def root(self) -> Path:
        return Path(self.path).expanduser().resolve()


class WarehouseResource(ConfigurableResource):
    """The published DuckDB file people query; runs write a working copy and publish it atomically.

    Not dagster-duckdb's DuckDBResource: that one opens the published file read-write, so a
    person's open connection would block the run (it retries for about 100 s, then fails).
    """

    path: str
    lake: str = ""  # REPORTS_STORAGE=lake: the folder or s3:// URI of the per-document tables; "" = in the file

    _store: Warehouse | None = PrivateAttr(default=None)

    def _new_store(self) -> Warehouse:
        if not self.lake:
            return Warehouse(Path(self.path).expanduser())
        from pipeline.lake import Lake  # the optional extra [lake]: deltalake

        return Warehouse(Path(self.path).expanduser(), Lake(self.lake))

    def store(self) -> Warehouse:
        """The run's warehouse, whose session the run holds (a new one outside a run)."""
        return self._store if self._store is not None else self._new_store()

    @contextmanager
    def yield_for_execution(self, context: InitResourceContext) -> Iterator[WarehouseResource]:
        """The whole run in one session of the working database (pipeline.storage.Warehouse.session)."""
        store = self._new_store()
        with store.session():
            self._store = store
            try:
                yield self
            finally:
                self._store = None


class AnalysisWorkers(ConfigurableResource):
    """Workers for the analysis, started when a run first asks for them (a run with a few new
    reports never does) and let go when the run ends, however it ends. `compute` says where:
    `local`, a concurrent.futures.ProcessPoolExecutor of `workers` processes (1 = none: everything
    runs in the run's process); `ray`, Ray tasks (pipeline.ray_executor) on the cluster $RAY_ADDRESS
    names, else on a Ray instance of `workers` CPUs started here. The resource starts or joins Ray
    itself, and leaves it at the end only then: a process already connected (a notebook, a test)
    stays connected. Each document gets `budget_seconds` of analysis, enforced where it is analysed
    (pipeline.budget; 0 = no limit)."""

    workers: int
    budget_seconds: float = DEFAULT_SECONDS
    compute: Compute = "local"

    _pool: Executor | None = PrivateAttr(default=None)
    _started_ray: bool = PrivateAttr(default=False)

    def pool(self) -> Executor:
        if self._pool is None:
            self._pool = self._ray_executor() if self.compute == "ray" else new_pool(self.workers)
        return self._pool

    def _ray_executor(self) -> Executor:
        try:
            import ray
        except ModuleNotFoundError as missing:  # an optional dependency, needed only in this mode
            raise RuntimeError("REPORTS_COMPUTE=ray needs Ray: pip install 'rule-of-law-indicators[ray]'") from missing

        from pipeline.ray_executor import RayExecutor, ray_init_arguments

        if not ray.is_initialized():
            ray.init(**ray_init_arguments(self.workers))
            self._started_ray = True
        return RayExecutor()

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._started_ray:
            import ray

            ray.shutdown()
            self._started_ray = False


def build_resources(raw_dir: Path, warehouse: Path, workers: int | None = None) -> dict[str, object]:
    return {"raw_folder": RawFolder(path=str(raw_dir)),
            "warehouse": WarehouseResource(path=str(warehouse), lake=configured_lake(Path(warehouse)) or ""),
            "analysis_workers": AnalysisWorkers(workers=workers or configured_workers(),
                                                budget_seconds=configured_budget(), compute=configured_compute())}
