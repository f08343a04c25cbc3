from pathlib import Path

import pytest
from report_files import ARTICLE, GBK_PAGE, REPORT_PAGES, make_docx, make_pdf

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


# Reports in other formats (web pages, Word, PDF) land as their text or are rejected with a reason.

def test_pages_word_and_pdf_reports_land_as_text_and_broken_ones_are_rejected(tmp_path):

    write(tmp_path, "page.html", GBK_PAGE.encode("gbk"))
    write(tmp_path, "report.docx", make_docx())
    write(tmp_path, "report.pdf", make_pdf(REPORT_PAGES))
    write(tmp_path, "scan.pdf", make_pdf([[], []], image_only=True))
    write(tmp_path, "broken.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 4)
    write(tmp_path, "broken.docx", make_docx()[:2000])
    write(tmp_path, "good.txt", REPORT.encode("utf-8"))
    plan = plan_ingest(tmp_path)
    landed = {d.source_path: d for d in plan.landed}
    assert sorted(landed) == ["good.txt", "page.html", "report.docx", "report.pdf"]
    assert {p: d.encoding for p, d in landed.items()} == {
        "good.txt": "utf-8", "page.html": "html:gb18030", "report.docx": "docx", "report.pdf": "pdf"}
    assert ARTICLE in landed["page.html"].text and "<p>" not in landed["page.html"].text
    assert landed["good.txt"].text == REPORT
    reasons = {r.source_path: r.reason for r in plan.rejected}
    assert reasons["scan.pdf"] == "PDF has no text layer (scanned image?)"
    assert reasons["broken.pdf"].startswith("corrupt PDF")
    assert reasons["broken.docx"].startswith("corrupt .docx file")
    assert all(r.size is not None for r in plan.rejected)  # not read again until they change


def test_the_same_page_as_html_and_as_a_txt_dump_lands_once(tmp_path):

    write(tmp_path, "a.html", GBK_PAGE.encode("gbk"))
    write(tmp_path, "b.txt", GBK_PAGE.encode("utf-8"))
    plan = plan_ingest(tmp_path)
    assert [d.source_path for d in plan.landed] == ["a.html"]
    assert plan.rejected == [RejectedFile("b.txt", "duplicate: same text as a.html")]


def test_unsupported_types_name_the_supported_ones(tmp_path):
    result = read_report(write(tmp_path, "report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)), tmp_path)
    assert isinstance(result, RejectedFile)
    assert result.reason == ("unsupported file type '.doc': expected one of "
                             ".txt, .text, .htm, .html, .docx, .pdf")


def test_pipeline_lands_every_format_and_rejects_broken_files(tmp_path):
    import duckdb

    from assets.cli import run_pipeline

    raw = tmp_path / "raw"
    dump = GBK_PAGE.replace("苏州市应急管理局2021年度", "常熟市应急管理局2021年度").replace("6517件", "4321件")
    write(raw, "suzhou.html", GBK_PAGE.encode("gbk"))
    write(raw, "changshu_dump.txt", dump.encode("utf-8"))
    write(raw, "zhangjiagang.docx", make_docx())
    write(raw, "english.pdf", make_pdf(REPORT_PAGES))
    write(raw, "scan.pdf", make_pdf([[]], image_only=True))
    write(raw, "broken.pdf", b"%PDF-1.4\n%%EOF\n")
    write(raw, "broken.docx", b"PK\x03\x04" + bytes(range(256)) * 4)
    write(raw, "good.txt", "苏州市司法局2021年度法治政府建设工作报告\n全年办理法律援助案件1234件，同比增长5.6%。\n".encode("utf-8"))
    warehouse = tmp_path / "warehouse" / "reports.duckdb"
    assert run_pipeline(raw, warehouse) == []

    with duckdb.connect(str(warehouse), read_only=True) as con:
        texts = dict(con.execute("SELECT source_path, encoding FROM document_texts").fetchall())
        assert texts == {"suzhou.html": "html:gb18030", "changshu_dump.txt": "html:utf-8",
                         "zhangjiagang.docx": "docx", "english.pdf": "pdf", "good.txt": "utf-8"}
        rejected = dict(con.execute("SELECT source_path, reason FROM rejected_files").fetchall())
        assert rejected.keys() == {"scan.pdf", "broken.pdf", "broken.docx"}
        assert rejected["scan.pdf"] == "PDF has no text layer (scanned image?)"
        assert rejected["broken.pdf"].startswith("corrupt PDF")
        assert rejected["broken.docx"].startswith("corrupt .docx file")

        stored = con.execute("SELECT text FROM document_texts WHERE source_path = 'suzhou.html'").fetchone()[0]
        assert ARTICLE in stored and "版权所有" not in stored and "<" not in stored
        assert con.execute("SELECT region, report_year FROM documents WHERE source_path = 'suzhou.html'").fetchone() \
            == ("苏州市", 2021)
        mentions = {(path, mention) for path, mention in con.execute(
            "SELECT d.source_path, i.mention FROM indicators i JOIN documents d USING (doc_id)").fetchall()}
        assert {("suzhou.html", "6517件"), ("suzhou.html", "1.90亿元"), ("changshu_dump.txt", "4321件"),
                ("zhangjiagang.docx", "158件"), ("good.txt", "1234件")} <= mentions
        mismatches = con.execute(
            """SELECT count(*) FROM indicators i JOIN document_texts t USING (doc_id)
               WHERE substr(t.text, i.start + 1, i."end" - i.start) <> i.mention""").fetchone()[0]
        assert mismatches == 0
