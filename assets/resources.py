"""Dagster resources: where reports arrive, where the warehouse lives, the analysis' worker processes."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from dagster import ConfigurableResource, InitResourceContext
from pydantic import PrivateAttr

from pipeline.budget import DEFAULT_SECONDS, configured_budget
from pipeline.parallel import configured_workers, new_pool
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
    """Worker processes for the analysis: a concurrent.futures.ProcessPoolExecutor, started when a
    run first asks for it (a run with a few new reports never does) and shut down when the run ends,
    however it ends. `workers` = 1 means no pool: everything runs in the run's process. Each document
    gets `budget_seconds` of analysis, enforced where it is analysed (pipeline.budget; 0 = no limit)."""

    workers: int
    budget_seconds: float = DEFAULT_SECONDS

    _pool: ProcessPoolExecutor | None = PrivateAttr(default=None)

    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = new_pool(self.workers)
        return self._pool

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def build_resources(raw_dir: Path, warehouse: Path, workers: int | None = None) -> dict[str, object]:
    return {"raw_folder": RawFolder(path=str(raw_dir)),
            "warehouse": WarehouseResource(path=str(warehouse), lake=configured_lake(Path(warehouse)) or ""),
            "analysis_workers": AnalysisWorkers(workers=workers or configured_workers(),
                                                budget_seconds=configured_budget())}
