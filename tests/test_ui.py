"""Start the Dagster webserver on workspace.yaml and read the asset graph over HTTP, as `make dev` shows it."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
QUERY = "{ assetNodes { assetKey { path } dependencyKeys { path } groupName } }"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _webserver(home: Path, warehouse: Path) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home), "REPORTS_WAREHOUSE": str(warehouse)}
    webserver_bin = Path(sys.executable).parent / "dagster-webserver"
    process = subprocess.Popen(
        [str(webserver_bin), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{url}/server_info", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the Dagster webserver did not start within 120 s")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def webserver(tmp_path):
    with _webserver(tmp_path, tmp_path / "w.duckdb") as url:
        yield url


def _graphql(url: str, query: str) -> dict:
    request = urllib.request.Request(f"{url}/graphql", data=json.dumps({"query": query}).encode(),
                                     headers={"Content-Type": "application/json"})
    body = json.loads(urllib.request.urlopen(request, timeout=30).read())
    assert "errors" not in body, body["errors"]
    return body["data"]


def _asset_nodes(url: str) -> list[dict]:
    request = urllib.request.Request(f"{url}/graphql", data=json.dumps({"query": QUERY}).encode(),
                                     headers={"Content-Type": "application/json"})
    deadline = time.monotonic() + 60
    while True:
        body = json.loads(urllib.request.urlopen(request, timeout=30).read())
        nodes = body.get("data", {}).get("assetNodes") or []
        if nodes or time.monotonic() > deadline:
            return nodes
        time.sleep(1)


def test_ui_shows_every_asset_with_its_lineage(webserver):
    graph = {"/".join(n["assetKey"]["path"]): {"/".join(d["path"]) for d in n["dependencyKeys"]}
             for n in _asset_nodes(webserver)}
    assert graph == {
        "document_texts": set(),
        "rejected_files": set(),
        "documents": {"document_texts"},
        "sentences": {"document_texts"},
        "tokens": {"sentences"},
        "indicators": {"documents", "sentences", "tokens"},
        "regions": set(),
        "indicator_catalog": set(),
        "indicator_panel": {"indicators", "documents", "regions", "indicator_catalog"},
        "yoy_comparison": {"indicator_panel"},
        "plan_vs_actual": {"indicator_panel"},
        "published_warehouse": {"yoy_comparison", "plan_vs_actual", "rejected_files"},
        "audit_pages": {"published_warehouse"},  # the pages show what was published: made after it
        "comparison_charts": {"published_warehouse"},
    }


RUN_QUERY = """{
  runsOrError { ... on Runs { results { runId jobName status } } }
  assetNodes {
    assetKey { path }
    assetMaterializations(limit: 1) { runId metadataEntries { label } }
    assetChecksOrError { ... on AssetChecks { checks { name executionForLatestMaterialization { runId status } } } }
  }
}"""


def test_after_a_command_line_run_the_ui_shows_the_run_its_materializations_and_checks(tmp_path):
    home, warehouse = tmp_path / "dagster_home", tmp_path / "w.duckdb"
    run = subprocess.run([sys.executable, "-m", "assets", "run", "--raw", str(PROJECT_ROOT / "raw"),
                          "--warehouse", str(warehouse), "--dagster-home", str(home)],
                         cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    with _webserver(home, warehouse) as url:
        data = _graphql(url, RUN_QUERY)
    [only_run] = data["runsOrError"]["results"]
    assert only_run["jobName"] == "refresh_warehouse" and only_run["status"] == "SUCCESS"
    nodes = {"/".join(n["assetKey"]["path"]): n for n in data["assetNodes"]}
    assert len(nodes) == 14
    for name, node in nodes.items():
        [materialization] = node["assetMaterializations"]
        assert materialization["runId"] == only_run["runId"], name
        assert materialization["metadataEntries"], name
    checks = [check for node in nodes.values() for check in node["assetChecksOrError"]["checks"]]
    assert len(checks) >= 8
    for check in checks:
        execution = check["executionForLatestMaterialization"]
        assert execution["runId"] == only_run["runId"] and execution["status"] in {"SUCCEEDED", "FAILED"}, check
