import os
import secrets
import shutil
from pathlib import Path

import pytest

from assets.cli import run_pipeline

PROJECT_ROOT = Path(__file__).resolve().parents[1]
BUNDLED_RAW = PROJECT_ROOT / "raw"
GOLD = Path(__file__).parent / "data" / "gold"


@pytest.fixture(scope="session", autouse=True)
def dagster_home(tmp_path_factory) -> Path:
    """Runs of the tests (in this process and in the processes they start) go to an instance of their own."""
    home = tmp_path_factory.mktemp("dagster_home")
    os.environ["DAGSTER_HOME"] = str(home)
    return home


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory):
    """The bundled reports plus one bad file, materialized once through Dagster into a temporary warehouse."""
    root = tmp_path_factory.mktemp("e2e")
    raw = root / "raw"
    shutil.copytree(BUNDLED_RAW, raw)
    (raw / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    warehouse = root / "warehouse" / "reports.duckdb"
    failures = run_pipeline(raw, warehouse)
    assert failures == []
    return raw, warehouse


def pytest_configure(config):
    """How the tests use Ray, set before any test module imports it (Ray reads these once, at import).
    Ray (>= 2.59) turns on token authentication for a cluster started here unless RAY_AUTH_MODE says
    otherwise, and then writes a token to ~/.ray/auth_token: the tests set the mode and a token of their
    own instead. RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0 keeps every node on 127.0.0.1 (Ray's single-machine
    addressing), where on Linux it would take the address of the machine's network interface. No
    RAY_ADDRESS: the tests name their cluster themselves."""
    os.environ.update({"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32),
                       "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"})
    os.environ.pop("RAY_ADDRESS", None)


@pytest.fixture(scope="session")
def ray_cluster():
    """A local Ray cluster for the session: a head without CPUs and two worker nodes of one CPU, so
    that tasks run on nodes a test can kill. The tests connect and disconnect as they need."""
    import ray
    from ray.cluster_utils import Cluster

    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 0, "include_dashboard": False})
    try:
        for _ in range(2):
            cluster.add_node(num_cpus=1)
        yield cluster
    finally:
        ray.shutdown()
        cluster.shutdown()
