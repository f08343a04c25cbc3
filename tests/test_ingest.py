from pathlib import Path

import pytest

from pipeline.ingest import KnownFile, RejectedFile, SourceDocument, find_report_files, plan_ingest, read_report

REPORT = "苏州市应急管理局2021年度法治政府建设工作报告\n全年立案查处6517件。"


def write(root: Path, name: str, data: bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_finds_files_recursively_in_stable_order_and_skips_hidden(tmp_path):
    write(tmp_path, "b.txt", b"x")
    write(tmp_path, "a/c.txt", b"x")
    write(tmp_path, ".hidden.txt", b"x")
    write(tmp_path, ".cache/d.txt", b"x")
    assert [p.relative_to(tmp_path).as_posix() for p in find_report_files(tmp_path)] == ["a/c.txt", "b.txt"]


@pytest.mark.parametrize("name", ["报告 2021.txt", "it's \"quoted\".txt", "张家港市/年度报告.TXT"])
def test_file_names_with_spaces_quotes_and_chinese_land(tmp_path, name):
    path = write(tmp_path, name, REPORT.encode("utf-8"))
    result = read_report(path, tmp_path)
    assert isinstance(result, SourceDocument)
    assert result.source_path == Path(name).as_posix()
    assert result.text == REPORT


@pytest.mark.parametrize(
    ("name", "data", "reason_part"),
    [
        ("empty.txt", b"", "empty"),
        ("picture.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "unsupported file type '.png'"),
        ("report.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, ""),
    ],
)
def test_unreadable_files_are_rejected_with_a_reason(tmp_path, name, data, reason_part):
    result = read_report(write(tmp_path, name, data), tmp_path)
    assert isinstance(result, RejectedFile)
    assert result.source_path == name
    assert reason_part in result.reason and result.reason


def test_same_text_under_two_names_and_encodings_lands_once(tmp_path):
    write(tmp_path, "a.txt", REPORT.encode("utf-8"))
    write(tmp_path, "b.txt", REPORT.encode("gb18030"))
    write(tmp_path, "c.txt", "另一份报告，培训近25万人次。".encode("utf-8"))
    plan = plan_ingest(tmp_path)
    assert sorted(d.source_path for d in plan.landed) == ["a.txt", "c.txt"]
    assert plan.rejected == [RejectedFile("b.txt", "duplicate: same text as a.txt")]
    assert {d.encoding for d in plan.landed} == {"utf-8"}


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    write(tmp_path, "good.txt", REPORT.encode("utf-8"))
    write(tmp_path, "bad.txt", b"\x00\x01\x02\xff" * 50)
    plan = plan_ingest(tmp_path)
    assert [d.source_path for d in plan.landed] == ["good.txt"]
    assert [r.source_path for r in plan.rejected] == ["bad.txt"]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        plan_ingest(tmp_path / "nowhere")


def _known(plan):
    known = {d.source_path: KnownFile(d.size, d.mtime_ns, d.doc_id) for d in plan.landed}
    known.update({r.source_path: KnownFile(r.size, r.mtime_ns, None) for r in plan.rejected})
    return known


def test_unchanged_files_are_not_read_again_and_deleted_ones_are_forgotten(tmp_path):
    write(tmp_path, "a.txt", REPORT.encode("utf-8"))
    write(tmp_path, "b.txt", "另一份报告。".encode("utf-8"))
    write(tmp_path, "empty.txt", b"")
    first = plan_ingest(tmp_path)
    (tmp_path / "b.txt").unlink()
    write(tmp_path, "c.txt", "新到的报告。".encode("utf-8"))
    second = plan_ingest(tmp_path, _known(first))
    assert [d.source_path for d in second.landed] == ["c.txt"]
    assert second.rejected == []
    assert second.forgotten == ["b.txt"]
    assert second.unchanged == 2


def test_a_changed_file_is_read_again(tmp_path):
    path = write(tmp_path, "a.txt", REPORT.encode("utf-8"))
    first = plan_ingest(tmp_path)
    path.write_bytes((REPORT + "补充。").encode("utf-8"))
    second = plan_ingest(tmp_path, _known(first))
    assert [d.text for d in second.landed] == [REPORT + "补充。"]
    assert second.landed[0].doc_id != first.landed[0].doc_id


def test_a_duplicate_lands_once_its_original_is_gone(tmp_path):
    write(tmp_path, "a.txt", REPORT.encode("utf-8"))
    write(tmp_path, "b.txt", REPORT.encode("utf-8"))
    first = plan_ingest(tmp_path)
    (tmp_path / "a.txt").unlink()
    second = plan_ingest(tmp_path, _known(first))
    assert [d.source_path for d in second.landed] == ["b.txt"]
    assert second.forgotten == ["a.txt"]


def test_too_large_files_are_rejected_without_reading_them(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.ingest.MAX_FILE_BYTES", 100)
    result = read_report(write(tmp_path, "huge.txt", REPORT.encode("utf-8") * 10), tmp_path)
    assert isinstance(result, RejectedFile) and "too large" in result.reason
