"""Dagster resources: where reports arrive and where the warehouse lives."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dagster import ConfigurableResource, InitResourceContext

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

    def store(self) -> Warehouse:
        return Warehouse(Path(self.path).expanduser())

    @contextmanager
    def yield_for_execution(self, context: InitResourceContext) -> Iterator["WarehouseResource"]:
        """The whole run in one session of the working database (pipeline.storage.Warehouse.session)."""
        with self.store().session():
            yield self


def build_resources(raw_dir: Path, warehouse: Path) -> dict[str, object]:
    return {"raw_folder": RawFolder(path=str(raw_dir)), "warehouse": WarehouseResource(path=str(warehouse))}
