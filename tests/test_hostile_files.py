"""What the raw folder can hold besides report files, made for real: names that are not UTF-8,
symbolic links (inside, outside, broken, looping), FIFOs, devices, sockets, folders named like
files. Each is rejected with its reason or read, never opened in blocking mode, and never stops
the other files, the run or the sensor."""

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest
from dagster import RunRequest, build_sensor_context

from assets.automation import raw_folder_fingerprint, raw_folder_sensor
from assets.resources import RawFolder
from pipeline.ingest import KnownFile, RejectedFile, SourceDocument, _read_regular_file, plan_ingest, read_report

REPORT = "苏州市应急管理局2021年度法治政府建设工作报告\n全年立案查处6517件。"
OTHER = "张家港市司法局2022年度法治政府建设工作报告\n全年办理法律援助案件1234件。"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _bad_name(folder: Path, name: bytes) -> Path:
    """A file whose name is the given bytes (not UTF-8), created through the bytes API."""
    raw_name = os.path.join(os.fsencode(folder), name)
    with open(raw_name, "wb") as file:
        file.write(REPORT.encode("utf-8"))
    return Path(os.fsdecode(raw_name))


def _reasons(plan) -> dict[str, str]:
    return {r.source_path: r.reason for r in plan.rejected}


# Item 2: file names that are not valid UTF-8.

def test_a_name_that_is_not_utf8_lands_under_its_escaped_name_beside_the_others(tmp_path):
    _bad_name(tmp_path, b"bad\xff.txt")
    (tmp_path / "sub\udcfe").mkdir()  # a folder with a non-UTF-8 byte in its name, through surrogateescape
    _write(tmp_path / "sub\udcfe" / "other.txt", OTHER)
    _bad_name(tmp_path, b"\xb1\xa8\xb8\xe6.png")  # GBK bytes of 报告: an unsupported type with a bad name
    plan = plan_ingest(tmp_path)
    assert sorted(d.source_path for d in plan.landed) == ["bad\\xff.txt", "sub\\xfe/other.txt"]
    assert plan.rejected == [RejectedFile("\\xb1\\xa8\\xb8\\xe6.png", "unsupported file type '.png': expected one of "
                                          ".txt, .text, .htm, .html, .docx, .pdf", len(REPORT.encode()),
                                          plan.rejected[0].mtime_ns)]
    for path in [d.source_path for d in plan.landed] + [r.source_path for r in plan.rejected]:
        path.encode("utf-8")  # storable as it is: no surrogates left


def test_an_escaped_name_is_recognised_as_unchanged_on_the_next_run(tmp_path):
    _bad_name(tmp_path, b"bad\xff.txt")
    first = plan_ingest(tmp_path)
    known = {d.source_path: KnownFile(d.size, d.mtime_ns, d.doc_id) for d in first.landed}
    second = plan_ingest(tmp_path, known)
    assert (second.landed, second.rejected, second.unchanged) == ([], [], 1)


# Items 3, 6, 7: links and entries that are not regular files.

def test_links_inside_the_raw_folder_are_followed_and_others_are_rejected_with_the_reason(tmp_path):
    raw = tmp_path / "raw"
    _write(raw / "2021" / "report.txt", REPORT)
    outside = _write(tmp_path / "secret.txt", "root:x:0:0:root:/root:/bin/bash")
    (raw / "inside.txt").symlink_to("2021/report.txt")
    (raw / "passwd.txt").symlink_to("/etc/passwd")
    (raw / "secret.txt").symlink_to(outside)
    (raw / "dangling.txt").symlink_to("nowhere.txt")
    (raw / "loop_a.txt").symlink_to("loop_b.txt")
    (raw / "loop_b.txt").symlink_to("loop_a.txt")
    (raw / "self.txt").symlink_to("self.txt")
    (raw / "folder_link").symlink_to("2021")
    (raw / "outside_folder").symlink_to(tmp_path)
    os.mkfifo(raw / "pipe")
    (raw / "to_pipe.txt").symlink_to("pipe")  # inside, but not a file: never opened
    plan = plan_ingest(raw)
    assert [d.source_path for d in plan.landed] == ["2021/report.txt"]
    reasons = _reasons(plan)
    assert reasons == {
        "inside.txt": "duplicate: same text as 2021/report.txt",  # followed: it is the same report
        "passwd.txt": "symbolic link to /etc/passwd, outside the raw folder: not followed",
        "secret.txt": f"symbolic link to {outside}, outside the raw folder: not followed",
        "dangling.txt": "broken symbolic link: its target nowhere.txt does not exist",
        "loop_a.txt": "symbolic link loop (it points to loop_b.txt): not followed",
        "loop_b.txt": "symbolic link loop (it points to loop_a.txt): not followed",
        "self.txt": "symbolic link loop (it points to self.txt): not followed",
        "folder_link": "symbolic link to the folder 2021: not followed (files are read where they are)",
        "outside_folder": f"symbolic link to {tmp_path}, outside the raw folder: not followed",
        "pipe": "a named pipe (FIFO), not a regular file: not opened",
        "to_pipe.txt": "symbolic link to pipe, a named pipe (FIFO), not a regular file: not opened",
    }
    assert all(r.size is None for r in plan.rejected)  # looked at again next run: a target may appear


def test_a_link_to_a_file_inside_lands_and_is_unchanged_next_run(tmp_path):
    _write(tmp_path / "store" / "report.bin", REPORT)
    (tmp_path / "report.txt").symlink_to("store/report.bin")
    plan = plan_ingest(tmp_path)
    assert [d.source_path for d in plan.landed] == ["report.txt"]
    assert plan.landed[0].text == REPORT
    known = {d.source_path: KnownFile(d.size, d.mtime_ns, d.doc_id) for d in plan.landed}
    known.update({r.source_path: KnownFile(r.size, r.mtime_ns, None) for r in plan.rejected})
    again = plan_ingest(tmp_path, known)
    assert (again.landed, again.rejected, again.unchanged) == ([], [], 2)  # the link and report.bin


def test_fifo_socket_device_and_folder_named_like_a_file_are_rejected_without_opening_them(tmp_path):
    _write(tmp_path / "good.txt", REPORT)
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.fifo")
    (tmp_path / "2022.txt").mkdir()
    _write(tmp_path / "2022.txt" / "inner.txt", OTHER)
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "s.txt"))
    expected = {
        "pipe.txt": "a named pipe (FIFO), not a regular file: not opened",
        "pipe.fifo": "a named pipe (FIFO), not a regular file: not opened",
        "2022.txt": "a folder named like a report file, not a file (the files inside it are read as usual)",
        "s.txt": "a socket, not a regular file: not opened",
    }
    try:
        os.mknod(tmp_path / "null.txt", stat.S_IFCHR | 0o600, os.makedev(1, 3))
        expected["null.txt"] = "a character device, not a regular file: not opened"
    except PermissionError:
        pass  # not root: no device node
    try:
        plan = plan_ingest(tmp_path)  # a FIFO opened for reading would block here forever
    finally:
        server.close()
    assert sorted(d.source_path for d in plan.landed) == ["2022.txt/inner.txt", "good.txt"]
    assert _reasons(plan) == expected


def _plan_without_root_powers(raw: Path, known: dict) -> dict:
    """plan_ingest in a process that cannot read past permissions (as root: without the capabilities
    that bypass them), so that a folder with mode 000 really cannot be listed."""
    script = f"""
import json
from pathlib import Path
from pipeline.ingest import KnownFile, plan_ingest
known = {{path: KnownFile(*values) for path, values in json.loads({json.dumps(json.dumps(known))}).items()}}
try:
    plan = plan_ingest(Path({str(raw)!r}), known)
except OSError as error:
    print(json.dumps({{"error": str(error)}}))
else:
    print(json.dumps({{"landed": [d.source_path for d in plan.landed], "forgotten": plan.forgotten,
                      "unchanged": plan.unchanged, "rejected": {{r.source_path: r.reason for r in plan.rejected}}}}))
"""
    command = [sys.executable, "-c", script]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root without setpriv: permissions cannot be made to bind")
        command = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"] + command
    done = subprocess.run(command, cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_folder_that_cannot_be_listed_is_rejected_and_what_landed_from_it_is_kept(tmp_path):
    raw = tmp_path / "raw"
    _write(raw / "good.txt", REPORT)
    _write(raw / "locked" / "old.txt", OTHER)
    first = plan_ingest(raw)
    known = {d.source_path: (d.size, d.mtime_ns, d.doc_id) for d in first.landed}
    (raw / "locked").chmod(0)
    try:
        outcome = _plan_without_root_powers(raw, known)
    finally:
        (raw / "locked").chmod(0o755)
    assert outcome == {"landed": [], "forgotten": [], "unchanged": 2, "rejected": {
        "locked": "cannot list folder: Permission denied; the files that landed from it are kept as they are"}}


def test_a_raw_folder_that_cannot_be_listed_is_an_error_not_an_empty_folder(tmp_path):
    raw = tmp_path / "raw"
    _write(raw / "good.txt", REPORT)
    known = {d.source_path: (d.size, d.mtime_ns, d.doc_id) for d in plan_ingest(raw).landed}
    raw.chmod(0)
    try:
        outcome = _plan_without_root_powers(raw, known)
    finally:
        raw.chmod(0o755)
    assert outcome == {"error": f"cannot list the raw folder {raw}: Permission denied"}  # nothing forgotten


def test_a_fifo_swapped_in_after_the_listing_is_not_read(tmp_path):
    path = _write(tmp_path / "report.txt", REPORT)
    listed = path.stat()
    path.unlink()
    os.mkfifo(path)  # a FIFO in the place of the file: read_bytes() would wait for a writer forever
    outcome = []
    reader = threading.Thread(target=lambda: outcome.append(_read_regular_file(path, listed.st_size, listed.st_mtime_ns)),
                              daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock the thread before failing
        with open(os.open(path, os.O_WRONLY | os.O_NONBLOCK), "wb"):
            pass
        pytest.fail("reading a FIFO blocked")
    assert outcome == ["a named pipe (FIFO) was put in the file's place while it was being read; "
                       "it will be looked at again on the next run"]
    # and through read_report, which sees the FIFO at once
    rejected = read_report(path, tmp_path)
    assert rejected == RejectedFile("report.txt", "a named pipe (FIFO), not a regular file: not opened")


def test_a_file_replaced_by_a_link_out_of_the_folder_after_the_listing_is_not_read(tmp_path):
    raw = tmp_path / "raw"
    path = _write(raw / "report.txt", REPORT)
    listed = path.stat()
    path.unlink()
    path.symlink_to("/etc/passwd")
    assert _read_regular_file(path, listed.st_size, listed.st_mtime_ns).startswith("cannot read file: ")


# Through the real pipeline (Dagster, warehouse), and the sensor.

def test_the_run_lands_the_good_files_and_records_every_hostile_one(tmp_path):
    from assets.cli import run_pipeline

    raw = tmp_path / "raw"
    _write(raw / "good.txt", REPORT)
    _bad_name(raw, b"\xb1\xa8\xb8\xe6\xff.txt")  # GBK 报告 then a stray byte
    (raw / "pipe.txt").parent.mkdir(exist_ok=True)
    os.mkfifo(raw / "pipe.txt")
    (raw / "passwd.txt").symlink_to("/etc/passwd")
    (raw / "dangling.txt").symlink_to("gone.txt")
    (raw / "loop.txt").symlink_to("loop.txt")
    (raw / "2022.txt").mkdir()
    warehouse = tmp_path / "warehouse" / "reports.duckdb"
    assert run_pipeline(raw, warehouse) == []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        landed = {path for (path,) in con.execute("SELECT source_path FROM document_texts").fetchall()}
        rejected = dict(con.execute("SELECT source_path, reason FROM rejected_files").fetchall())
        texts = " ".join(text for (text,) in con.execute("SELECT text FROM document_texts").fetchall())
    assert landed == {"good.txt"}
    assert rejected.keys() == {"\\xb1\\xa8\\xb8\\xe6\\xff.txt", "pipe.txt", "passwd.txt", "dangling.txt",
                               "loop.txt", "2022.txt"}
    assert rejected["\\xb1\\xa8\\xb8\\xe6\\xff.txt"] == "duplicate: same text as good.txt"  # it was read
    assert "root:" not in texts


def test_the_sensor_ticks_with_broken_links_loops_and_fifos_in_the_folder(tmp_path):
    _write(tmp_path / "a.txt", REPORT)
    (tmp_path / "dangling.txt").symlink_to("gone.txt")
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    _bad_name(tmp_path, b"bad\xff.txt")
    context = build_sensor_context(cursor=None, resources={"raw_folder": RawFolder(path=str(tmp_path))})
    assert isinstance(raw_folder_sensor(context), RunRequest)
    before = raw_folder_fingerprint(str(tmp_path))
    _write(tmp_path / "gone.txt", OTHER)  # the broken link now leads somewhere
    assert raw_folder_fingerprint(str(tmp_path)) != before
