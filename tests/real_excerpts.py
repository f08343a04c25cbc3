"""Real excerpts (tests/data/real) copied into a raw folder and run through the whole pipeline, for the
tests that check what people see on real material."""

import shutil
from collections.abc import Iterable
from pathlib import Path

from assets.cli import run_pipeline


def analysed(sources: Iterable[Path], root: Path) -> tuple[Path, Path]:
    """(raw folder, warehouse) after a run over copies of `sources` under `root`; the run rejects none."""
    raw = root / "raw"
    raw.mkdir()
    for source in sources:
        shutil.copy(source, raw / source.name)
    warehouse = root / "warehouse" / "reports.duckdb"
    assert run_pipeline(raw, warehouse) == []
    return raw, warehouse
