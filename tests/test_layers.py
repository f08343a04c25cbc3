"""The domain library knows nothing of its orchestration: pipeline/ imports neither Dagster nor assets/."""

import ast
from pathlib import Path

import pytest

PIPELINE = Path(__file__).resolve().parents[1] / "pipeline"
# pipeline/__main__.py is the `python -m pipeline` entry point, which hands over to assets/cli.py;
# it is run, never imported, so the library below it stays free of the orchestration.
ENTRY_POINT = PIPELINE / "__main__.py"
LIBRARY = sorted(set(PIPELINE.rglob("*.py")) - {ENTRY_POINT})


def _imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.name)
def test_pipeline_imports_neither_dagster_nor_assets(path):
    top_level = {module.split(".")[0] for module in _imported_modules(path)}
    assert not top_level & {"dagster", "assets"}
    assert "pipeline.__main__" not in _imported_modules(path)
