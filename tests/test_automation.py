"""The raw-folder sensor and the schedule, evaluated as the daemon would, with a real folder."""

import os
import shutil
from pathlib import Path

import duckdb
from dagster import DagsterRunStatus, RunRequest, RunsFilter, SkipReason, build_sensor_context

from assets.automation import daily_refresh, raw_folder_fingerprint, raw_folder_sensor
from assets.cli import dagster_instance, run_pipeline
from assets.definitions import defs
from assets.resources import RawFolder

BUNDLED_RAW = Path(__file__).resolve().parents[1] / "raw"


def _tick(raw, cursor, instance=None):
    context = build_sensor_context(cursor=cursor, resources={"raw_folder": RawFolder(path=str(raw))},
                                   instance=instance)
    result = raw_folder_sensor(context)
    return result, context.cursor


def test_sensor_requests_a_run_only_when_the_folder_changes(tmp_path):
    (tmp_path / "a.txt").write_text("报告一", encoding="utf-8")
    first, cursor = _tick(tmp_path, None)
    assert isinstance(first, RunRequest) and first.run_key == cursor
    again, same_cursor = _tick(tmp_path, cursor)
    assert isinstance(again, SkipReason) and same_cursor == cursor
    (tmp_path / "b 报告.txt").write_text("报告二", encoding="utf-8")
    added, new_cursor = _tick(tmp_path, cursor)
    assert isinstance(added, RunRequest) and new_cursor != cursor
    (tmp_path / "a.txt").unlink()
    removed, _ = _tick(tmp_path, new_cursor)
    assert isinstance(removed, RunRequest)


def test_fingerprint_ignores_hidden_files_and_sees_edits(tmp_path):
    (tmp_path / "a.txt").write_text("一", encoding="utf-8")
    before = raw_folder_fingerprint(str(tmp_path))
    (tmp_path / ".DS_Store").write_bytes(b"x")
    assert raw_folder_fingerprint(str(tmp_path)) == before
    (tmp_path / "a.txt").write_text("一二", encoding="utf-8")
    assert raw_folder_fingerprint(str(tmp_path)) != before


def test_schedule_sensor_and_job_are_defined():
    assert daily_refresh.cron_schedule == "0 6 * * *"
    assert defs.resolve_sensor_def("raw_folder_sensor") is not None
    assert defs.resolve_schedule_def("daily_refresh") is not None
    assert defs.resolve_job_def("refresh_warehouse") is not None


def test_sensor_cursor_from_before_sequence_numbers_still_works(tmp_path):
    (tmp_path / "a.txt").write_text("报告一", encoding="utf-8")
    fingerprint = raw_folder_fingerprint(str(tmp_path))
    unchanged, cursor = _tick(tmp_path, fingerprint)
    assert isinstance(unchanged, SkipReason) and cursor == fingerprint
    (tmp_path / "b.txt").write_text("报告二", encoding="utf-8")
    changed, cursor = _tick(tmp_path, fingerprint)
    assert isinstance(changed, RunRequest) and cursor.startswith("1:")


def _published_files(warehouse: Path) -> set[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {row[0] for row in con.execute("SELECT source_path FROM documents").fetchall()}


def test_a_file_added_removed_and_added_again_is_published_each_time(tmp_path):
    """As the daemon does: evaluate the sensor, launch a run for its request unless a run with that
    run key exists already, and look at the published warehouse after each change."""
    raw, warehouse, home = tmp_path / "raw", tmp_path / "reports.duckdb", tmp_path / "dagster_home"
    raw.mkdir()
    first, second, *_ = sorted(BUNDLED_RAW.glob("*.txt"))
    shutil.copy(first, raw / first.name)
    cursor = None
    runs = 0
    with dagster_instance(home) as instance:

        def tick_and_run() -> None:
            nonlocal cursor, runs
            request, cursor = _tick(raw, cursor, instance)
            assert isinstance(request, RunRequest)
            assert not instance.get_runs(RunsFilter(tags={"dagster/run_key": request.run_key}))
            assert run_pipeline(raw, warehouse, home, tags={"dagster/run_key": request.run_key,
                                                            "dagster/sensor_name": "raw_folder_sensor"}) == []
            runs += 1

        tick_and_run()
        assert _published_files(warehouse) == {first.name}
        shutil.copy2(second, raw / second.name)  # the same modification time each time it comes back
        tick_and_run()
        assert _published_files(warehouse) == {first.name, second.name}
        (raw / second.name).unlink()  # the folder is as at the first run
        tick_and_run()
        assert _published_files(warehouse) == {first.name}
        shutil.copy2(second, raw / second.name)  # the folder is as at the second run
        tick_and_run()
        assert _published_files(warehouse) == {first.name, second.name}
        assert os.stat(raw / second.name).st_mtime_ns == os.stat(second).st_mtime_ns
        finished = instance.get_runs(RunsFilter(statuses=[DagsterRunStatus.SUCCESS]))
        assert len(finished) == runs == 4
        assert len({run.tags["dagster/run_key"] for run in finished}) == 4
