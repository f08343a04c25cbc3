"""Hostile Word packages and web pages, generated here for real: each is read or rejected with a
reason, within a memory bound measured in a process of its own, and never silently truncated."""

import io
import json
import re
import struct
import subprocess
import sys
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
    """text_of_file in a fresh process: its outcome and the process's peak memory in MB."""
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    script = f"""
import json, resource, sys
from pipeline.decode import UndecodableError
from pipeline.formats import text_of_file
data = open({str(path)!r}, "rb").read()
try:
    outcome = {{"text": text_of_file({suffix!r}, data).text}}
except UndecodableError as error:
    outcome = {{"rejected": str(error)}}
outcome["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
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
    assert outcome["peak_mb"] < 250  # the old check read the image: 2.41 GB


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
    assert outcome["peak_mb"] < 250  # ZipFile.read would have inflated all 512 MB first


def test_a_docx_with_too_much_xml_is_rejected_before_it_is_parsed(tmp_path):
    paragraph = f'<w:p><w:r><w:t>第一段：立案查处6517件。</w:t></w:r></w:p>'.encode()
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'.encode()
           + paragraph * (40 * 2**20 // len(paragraph)) + b"</w:body></w:document>")
    outcome = _read_in_own_process(tmp_path, ".docx", _docx_with({}, document_xml=xml))
    assert re.fullmatch(r"\.docx unpacks to 4\d MB of XML \(the limit is 25 MB\): not a single report",
                        outcome.get("rejected", ""))
    assert outcome["peak_mb"] < 250  # parsed, 99 MB of XML reached 2.58 GB


def test_a_docx_of_too_many_parts_is_rejected():
    data = _docx_with({f"word/media/{i}.bin": 0 for i in range(MAX_DOCX_PARTS)})
    with pytest.raises(UndecodableError, match=f"has {MAX_DOCX_PARTS + 17:,} parts"):
        text_of_file(".docx", data)


def test_a_docx_with_images_within_the_budget_is_read():
    data = _docx_with({"word/media/image1.png": 20 * 2**20})
    assert "全年办理行政复议案件158件" in text_of_file(".docx", data).text
