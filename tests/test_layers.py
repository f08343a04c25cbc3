"""The domain library knows nothing of its orchestration: pipeline/ imports neither Dagster nor assets/."""

import ast
from pathlib import Path

import pytest

PIPELINE = Path(__file__).resolve().parents[1] / "pipeline"


def _imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module.split(".")[0])
    return modules


@pytest.mark.parametrize("path", sorted(PIPELINE.rglob("*.py")), ids=lambda p: p.name)
def test_pipeline_imports_neither_dagster_nor_assets(path):
    assert not _imported_modules(path) & {"dagster", "assets"}
