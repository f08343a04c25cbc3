"""Hostile Word packages and web pages, generated here for real: each is read or rejected with a
reason, within a memory bound measured in a process of its own, and never silently truncated."""

import io
import json
import re
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from report_files import make_docx

from pipeline.decode import UndecodableError
from pipeline.formats import MAX_DOCX_PARTS, text_of_file

PROJECT_ROOT = Path(__file__).resolve().parents[1]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_with(extra_parts: dict[str, int], document_xml: bytes | None = None) -> bytes:
    """The sample report with parts of the given unpacked sizes (zero bytes, written a megabyte at a time)."""
    source = zipfile.ZipFile(io.BytesIO(make_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == "word/document.xml" and document_xml is not None:
                with target.open(info.filename, "w", force_zip64=True) as part:
                    for start in range(0, len(document_xml), 2**20):
                        part.write(document_xml[start:start + 2**20])
            else:
                target.writestr(info.filename, source.read(info.filename))
        for name, size in extra_parts.items():
            with target.open(name, "w", force_zip64=True) as part:
                for start in range(0, size, 2**20):
                    part.write(bytes(min(2**20, size - start)))
    return out.getvalue()


def _read_in_own_process(tmp_path: Path, suffix: str, data: bytes) -> dict:
    """text_of_file in a fresh process: its outcome, and by how many MB the process's peak memory grew
    during the call (the file's bytes and the imports come before)."""
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    script = f"""
import json, resource, sys
from pipeline.decode import UndecodableError
from pipeline.formats import text_of_file
import docx, lxml.html, pypdf
data = open({str(path)!r}, "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    outcome = {{"text": text_of_file({suffix!r}, data).text}}
except UndecodableError as error:
    outcome = {{"rejected": str(error)}}
outcome["peak_mb"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(json.dumps(outcome))
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# Item 4: a budget over every part of a Word package, checked before any part is parsed.

def test_a_small_docx_holding_a_1_gb_image_is_rejected_without_unpacking_it(tmp_path):
    data = _docx_with({"word/media/image1.png": 2**30})
    assert len(data) < 2 * 2**20  # a 1 GB image of zeros packs into about 1 MB
    outcome = _read_in_own_process(tmp_path, ".docx", data)
    assert re.fullmatch(r"\.docx unpacks to 102\d MB \(the limit is 64 MB, images included\): not a single report",
                        outcome.get("rejected", ""))
    assert outcome["peak_mb"] < 150  # the old check read the image: 2.41 GB


def test_a_docx_that_lies_about_its_sizes_is_unpacked_only_up_to_what_it_claims(tmp_path):
    data = bytearray(_docx_with({"word/media/image1.png": 512 * 2**20}))
    # Claim 100 bytes for the image in the central directory and in its local header.
    local = data.rfind(b"PK\x03\x04", 0, data.find(b"word/media/image1.png") + 1)
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(b"word/media/image1.png"))
    for at in (local + 22, central + 24):
        struct.pack_into("<I", data, at, 100)
    assert zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/media/image1.png").file_size == 100
    outcome = _read_in_own_process(tmp_path, ".docx", bytes(data))
    assert outcome.get("rejected", "").startswith("corrupt .docx file (broken ZIP package: Bad CRC-32")
    assert outcome["peak_mb"] < 150  # ZipFile.read would have inflated all 512 MB first


def test_a_docx_with_too_much_xml_is_rejected_before_it_is_parsed(tmp_path):
    paragraph = f'<w:p><w:r><w:t>第一段：立案查处6517件。</w:t></w:r></w:p>'.encode()
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'.encode()
           + paragraph * (40 * 2**20 // len(paragraph)) + b"</w:body></w:document>")
    outcome = _read_in_own_process(tmp_path, ".docx", _docx_with({}, document_xml=xml))
    assert re.fullmatch(r"\.docx unpacks to 4\d MB of XML \(the limit is 25 MB\): not a single report",
                        outcome.get("rejected", ""))
    assert outcome["peak_mb"] < 150  # parsed, 99 MB of XML reached 2.58 GB


def test_a_docx_of_too_many_parts_is_rejected():
    data = _docx_with({f"word/media/{i}.bin": 0 for i in range(MAX_DOCX_PARTS)})
    with pytest.raises(UndecodableError, match=f"has {MAX_DOCX_PARTS + 17:,} parts"):
        text_of_file(".docx", data)


def test_a_docx_with_images_within_the_budget_is_read():
    data = _docx_with({"word/media/image1.png": 20 * 2**20})
    assert "全年办理行政复议案件158件" in text_of_file(".docx", data).text


# Item 5: deep web pages are read whole or rejected with the reason, never truncated.

def test_an_old_page_of_600_unclosed_font_tags_is_read_to_its_last_line():
    lines = [f"第{i}条：全年立案查处{i}件。" for i in range(600)]
    page = "<html><head><title>报告</title></head><body>" + "".join(f"<font color=red>{line}<br>\n" for line in lines) \
        + "</body></html>"
    text = text_of_file(".html", page.encode("utf-8")).text
    assert [line for line in text.splitlines() if line.startswith("第")] == lines  # lxml's default kept 253


def test_a_page_nested_2000_deep_is_read_whole_without_recursion():
    page = "<html><body>" + "".join(f"<div>第{i}层：立案查处{i}件。" for i in range(2000)) + "</div>" * 2000 + "</body></html>"
    text = text_of_file(".html", page.encode("utf-8")).text
    assert text.splitlines() == [f"第{i}层：立案查处{i}件。" for i in range(2000)]


@pytest.mark.parametrize("depth", [2_100, 100_000])
def test_a_page_nested_deeper_than_the_parser_goes_is_rejected_with_the_reason(depth):
    page = "<html><head><title>深层页面</title></head><body>" + "<div>立案查处6517件。" * depth + "</body></html>"
    with pytest.raises(UndecodableError, match=r"^web page nests its elements more than 2,048 deep \(at line 1\): "
                                               r"it cannot be read whole, and is not read in part$"):
        text_of_file(".html", page.encode("utf-8"))  # before: its title only (100,000) or 254 levels, silently


def test_a_saved_page_in_a_txt_file_nested_too_deep_is_a_rejected_file(tmp_path):
    from pipeline.ingest import RejectedFile, read_report

    path = tmp_path / "dump.txt"
    path.write_text("<!DOCTYPE html><html><body>" + "<font>立案查处6517件。\n" * 5000 + "</body></html>", encoding="utf-8")
    result = read_report(path, tmp_path)
    assert isinstance(result, RejectedFile) and result.reason.startswith("web page nests its elements more than 2,048 deep")


def test_a_deep_page_of_many_headers_is_read_in_linear_time():
    # Each <header> used to walk its 2,000 ancestors to see whether it is inside an <article>.
    page = "<html><body>" + "<div>" * 2000 + "<header>栏目</header>" * 100_000 + "<p>立案查处6517件。</p></body></html>"
    started = time.perf_counter()
    assert text_of_file(".html", page.encode("utf-8")).text == "立案查处6517件。"
    assert time.perf_counter() - started < 10  # before: about 85 s


def test_nested_headings_around_a_long_text_cost_no_more_than_the_text(tmp_path):
    # 1,000 headings one inside the other: each heading's text used to be copied whole (1.2 GB).
    page = "<html><body>" + "<h1><div>" * 1000 + "立案查处6517件。" * 60_000 + "</body></html>"
    outcome = _read_in_own_process(tmp_path, ".html", page.encode("utf-8"))
    assert outcome["text"] == "立案查处6517件。" * 60_000
    assert outcome["peak_mb"] < 150


@pytest.mark.parametrize(("body", "text"), [
    # 40,000 of each took 17-28 s (each step joined the whole line or re-copied a growing tail), now about a second.
    ("<p>" + "<b>立</b> " * 40_000 + "</p>", " ".join(["立"] * 40_000)),
    ("<p>甲</p>" + "<script>x</script>立案。" * 40_000, "甲\n\n" + " ".join(["立案。"] * 40_000)),
    ("<b>立</b>" * 40_000 + "<div></div>" * 40_000, "立" * 40_000),
])
def test_long_runs_of_inline_elements_removed_elements_and_empty_blocks_take_linear_time(body, text):
    started = time.perf_counter()
    assert text_of_file(".html", f"<html><body>{body}</body></html>".encode("utf-8")).text == text
    assert time.perf_counter() - started < 5


def test_a_page_of_too_many_elements_is_rejected():
    page = "<html><body><p>立案查处6517件。</p>" + "<b>立</b>" * 200_000 + "</body></html>"
    with pytest.raises(UndecodableError, match=r"^web page has 200,003 elements \(the limit is 200,000\): not a single report$"):
        text_of_file(".html", page.encode("utf-8"))
