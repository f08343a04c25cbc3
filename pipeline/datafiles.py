"""Access to the data files shipped with the package, which users extend without touching code."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    return Path(str(resources.files("pipeline") / "data" / name))


def read_lines(name: str) -> list[str]:
    """Non-empty lines of a data file, without `#` comments."""
    lines = []
    for line in data_path(name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            lines.append(line)
    return lines


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file with a header line; `#` lines are comments."""
    with data_path(name).open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [{k: (v or "").strip() for k, v in row.items()} for row in rows]
