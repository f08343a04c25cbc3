"""The raw-folder sensor and the schedule, evaluated as the daemon would, with a real folder."""

from dagster import RunRequest, SkipReason, build_sensor_context

from assets.automation import daily_refresh, raw_folder_fingerprint, raw_folder_sensor
from assets.definitions import defs
from assets.resources import RawFolder


def _tick(raw, cursor):
    context = build_sensor_context(cursor=cursor, resources={"raw_folder": RawFolder(path=str(raw))})
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
