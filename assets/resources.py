"""Dagster resources: where reports arrive and where the warehouse lives."""

from __future__ import annotations

from pathlib import Path

from dagster import ConfigurableResource
from dagster_duckdb import DuckDBResource

class RawFolder(ConfigurableResource):
    """The folder that report files are dropped into."""

    path: str

    def root(self) -> Path:
        return Path(self.path).expanduser().resolve()


def build_resources(raw_dir: Path, warehouse: Path) -> dict[str, object]:
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    return {"raw_folder": RawFolder(path=str(raw_dir)), "warehouse": DuckDBResource(database=str(warehouse))}
