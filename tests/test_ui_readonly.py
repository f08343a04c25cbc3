"""The UI's exposure: Dagster's webserver takes GraphQL mutations over a plain GET from any Origin, so a
web page open in a browser on the same machine can switch the sensor on or launch runs, loopback
binding or not. `make ui-readonly` serves the same UI with every mutation refused."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SENSOR = ('sensorSelector: {repositoryLocationName: "assets.definitions:defs", repositoryName: "__repository__", '
          'sensorName: "raw_folder_sensor"}')
START_SENSOR = (f"mutation {{ startSensor({SENSOR}) {{ __typename "
                "... on Sensor { sensorState { status } } ... on UnauthorizedError { message } } }")
SENSOR_STATUS = (f"{{ sensorOrError({SENSOR}) {{ __typename ... on Sensor {{ sensorState {{ status }} }} "
                 "... on PythonError { message } } }")
# Longer than Dagster's own 180 s for starting a local code server: on a loaded machine the code
# location may take that long to load, and the answer says why it has not (PythonError, …) meanwhile.
LOAD_DEADLINE_S = 240


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, query: str) -> dict:
    """A GraphQL request as a cross-site <img src> or link would send it: GET, a foreign Origin."""
    request = urllib.request.Request(f"{url}/graphql?{urllib.parse.urlencode({'query': query})}",
                                     headers={"Origin": "http://evil.example"})
    return json.loads(urllib.request.urlopen(request, timeout=60).read())


def _serve(command: list[str], home: Path):
    env = {**os.environ, "DAGSTER_HOME": str(home), "REPORTS_WAREHOUSE": str(home / "w.duckdb")}
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    return process


def _sensor_status_once_loaded(url: str) -> str:
    """The sensor's status, once the webserver is up and has loaded the code location."""
    deadline = time.monotonic() + LOAD_DEADLINE_S
    answer = None
    while time.monotonic() < deadline:
        try:
            answer = _get(url, SENSOR_STATUS)
            return answer["data"]["sensorOrError"]["sensorState"]["status"]
        except (OSError, KeyError, TypeError):
            time.sleep(0.5)
    pytest.fail(f"the Dagster webserver did not show the sensor within {LOAD_DEADLINE_S} s (last answer: {answer})")


def _stop(process) -> None:
    os.killpg(process.pid, signal.SIGTERM)  # the make recipe, its daemon and its webserver
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def test_make_ui_readonly_refuses_a_cross_site_mutation_and_still_shows_the_data(tmp_path):
    port = _free_port()
    process = _serve(["make", "--no-print-directory", "ui-readonly", f"UI_PORT={port}", f"DAGSTER_HOME={tmp_path}"],
                     tmp_path)
    url = f"http://127.0.0.1:{port}"
    try:
        assert _sensor_status_once_loaded(url) == "STOPPED"
        answer = _get(url, START_SENSOR)["data"]["startSensor"]
        assert answer["__typename"] == "UnauthorizedError"
        assert _sensor_status_once_loaded(url) == "STOPPED"
    finally:
        _stop(process)


def test_the_default_webserver_takes_a_cross_site_mutation_over_get(tmp_path):
    """The risk the README describes, kept honest: when Dagster stops accepting this, the README must change."""
    port = _free_port()
    webserver = Path(sys.executable).parent / "dagster-webserver"
    process = _serve([str(webserver), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)], tmp_path)
    url = f"http://127.0.0.1:{port}"
    try:
        assert _sensor_status_once_loaded(url) == "STOPPED"
        assert _get(url, START_SENSOR)["data"]["startSensor"] == {"__typename": "Sensor",
                                                                  "sensorState": {"status": "RUNNING"}}
    finally:
        _stop(process)
