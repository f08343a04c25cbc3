"""Web pages, Word documents and PDFs become text, or are turned away with a reason a person understands."""

import io
import zipfile

import docx
import pypdf
import pytest
from report_files import ARTICLE, GBK_PAGE, REPORT_PAGES, TITLE, make_docx, make_pdf

from pipeline import formats
from pipeline.decode import DecodedText, UndecodableError
from pipeline.formats import looks_like_html, text_of_file

FURNITURE = ["统计脚本文字", "脚本写入的文字", "样式表文字", "无障碍", "要闻动态", "政民互动", "当前位置", "隐藏的模板文字",
             "分享到", "相关文章", "2019年度", "网站地图", "主办单位", "版权所有", "ICP备", "公网安备"]


def test_gbk_page_keeps_title_metadata_and_article_without_furniture():
    decoded = text_of_file(".html", GBK_PAGE.encode("gbk"))
    assert decoded.encoding == "html:gb18030"
    text = decoded.text
    assert ARTICLE in text.splitlines()[text.splitlines().index("　　" + ARTICLE)].strip()
    assert TITLE in text and "发布时间：2022-01-28" in text and "索引号：\t014000374/2022-00012" in text
    for junk in FURNITURE:
        assert junk not in text, junk
    # Paragraphs stay paragraphs; a <br> is a line break.
    assert "\n\n　　一、主要工作成效\n\n" in text
    assert text.endswith("苏州市应急管理局\n2022年1月28日")


def test_page_declared_gbk_but_saved_as_utf8_is_read_as_utf8():
    decoded = text_of_file(".htm", GBK_PAGE.encode("utf-8"))
    assert decoded.encoding == "html:utf-8"
    assert ARTICLE in decoded.text


def test_page_without_declared_charset_falls_back_to_detection():
    page = GBK_PAGE.replace('<meta http-equiv="Content-Type" content="text/html; charset=gbk" />', "")
    decoded = text_of_file(".html", page.encode("gb18030"))
    assert decoded.encoding == "html:gb18030"
    assert ARTICLE in decoded.text


def test_html5_page_drops_header_footer_aside_and_keeps_a_data_table():
    page = """<!doctype html><html><head><meta charset="utf-8"><title>2022年度行政执法数据公开 - 连云港市市场监督管理局</title></head>
<body><header><span>连云港市市场监督管理局</span><nav><a href="/">首页</a><a href="#">信息公开</a></nav></header>
<aside><ul><li><a href="#">通知公告</a></li></ul></aside>
<article><header><h2>连云港市市场监督管理局2022年度行政执法数据公开</h2><div>日期：2023-01-20 来源：法规科</div></header>
<p>现将我局2022年度行政执法数据公开如下：</p>
<table><tr><th>执法类别</th><th>数量（件）</th></tr><tr><td>行政处罚</td><td>1245</td></tr><tr><td>行政检查</td><td>15632</td></tr></table>
<p>全年行政处罚案件同比增长6.4%。</p>
<div class="prev-next"><p>上一篇：<a href="#">关于开展安全生产月活动的通知</a></p></div>
</article>
<footer><p>连云港市市场监督管理局 版权所有 苏ICP备09023487号</p></footer></body></html>"""
    text = text_of_file(".html", page.encode("utf-8")).text
    assert text.splitlines()[0] == "连云港市市场监督管理局2022年度行政执法数据公开"
    assert "日期：2023-01-20 来源：法规科" in text
    assert "执法类别\t数量（件）\n行政处罚\t1245\n行政检查\t15632" in text
    assert "全年行政处罚案件同比增长6.4%。" in text
    for junk in ["首页", "通知公告", "上一篇", "版权所有"]:
        assert junk not in text, junk


def test_txt_file_that_is_an_html_dump_is_read_as_a_page():
    data = b"\xef\xbb\xbf\n  <!-- saved from url=(0040)http://yjj.suzhou.gov.cn/ -->\n" + GBK_PAGE.split("\n", 1)[1].encode("utf-8")
    assert looks_like_html(data)
    decoded = text_of_file(".txt", data)
    assert decoded.encoding.startswith("html:")
    assert ARTICLE in decoded.text and "<p>" not in decoded.text and "网站地图" not in decoded.text


@pytest.mark.parametrize("text", [
    "苏州市应急管理局\n<p>全年立案查处6517件。</p>\n",  # mentions a tag but is not a page
    "  <htmlx>不是网页</htmlx>",
    "报告正文 <!doctype html>",
])
def test_plain_text_stays_byte_for_byte(text):
    data = text.encode("utf-8")
    assert not looks_like_html(data)
    assert text_of_file(".txt", data) == DecodedText(text, "utf-8")


def test_page_without_text_is_rejected():
    with pytest.raises(UndecodableError, match="web page has no text"):
        text_of_file(".html", b"<html><head><title></title><script>var a = 1;</script></head><body><img src=x></body></html>")
    with pytest.raises(UndecodableError, match="empty"):
        text_of_file(".html", b"  \n")


# ---------------------------------------------------------------------------------------------
# .docx




def test_docx_paragraphs_and_table_rows_in_document_order():
    decoded = text_of_file(".DOCX", make_docx())
    assert decoded.encoding == "docx"
    assert decoded.text.split("\n") == [
        "张家港市司法局2021年法治政府建设年度报告",
        "2021年，全年办理行政复议案件158件，纠错率达12.7%。",
        "执法类别\t数量（件）\t金额（万元）",
        "行政处罚\t1245\t3567.8",
        "行政检查\t15632\t—",
        "组织“以案释法”活动120余场。",
    ]


def test_docx_merged_cells_are_read_once():
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "2021年行政执法统计"
    for cell, value in zip(table.rows[1].cells, ("处罚", "87", "件")):
        cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    assert text_of_file(".docx", buffer.getvalue()).text == "2021年行政执法统计\n处罚\t87\t件"


def rezip(data: bytes, replace: dict[str, bytes | None]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    target.writestr(info.filename, replace[info.filename])
            else:
                target.writestr(info, source.read(info.filename))
    return out.getvalue()


@pytest.mark.parametrize(("data", "reason"), [
    (make_docx()[:3000], "corrupt .docx file"),  # cut short: the ZIP directory is missing
    (b"PK\x03\x04" + bytes(range(256)) * 8, "corrupt .docx file"),
    (rezip(make_docx(), {"word/document.xml": b"<w:document><w:body><w:p>broken"}), "corrupt .docx file"),
    (rezip(make_docx(), {"word/document.xml": None}), "no word/document.xml"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "legacy Word .doc"),
    ("这其实是纯文本".encode("utf-8"), "not a .docx file"),
])
def test_broken_docx_is_rejected_with_a_reason(data, reason):
    with pytest.raises(UndecodableError, match=reason):
        text_of_file(".docx", data)


def test_docx_without_text_is_rejected():
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with pytest.raises(UndecodableError, match="has no text"):
        text_of_file(".docx", buffer.getvalue())


def test_docx_zip_bomb_is_rejected_before_unpacking(monkeypatch):
    monkeypatch.setattr(formats, "MAX_DOCX_XML_BYTES", 10_000)
    data = rezip(make_docx(), {"word/document.xml": make_docx_xml(paragraphs=2000)})
    with pytest.raises(UndecodableError, match="unpacks to .* MB of XML"):
        text_of_file(".docx", data)


def test_docx_with_too_much_text_is_rejected(monkeypatch):
    monkeypatch.setattr(formats, "MAX_TEXT_CHARS", 5_000)
    data = rezip(make_docx(), {"word/document.xml": make_docx_xml(paragraphs=500)})
    with pytest.raises(UndecodableError, match="more than 5,000 characters"):
        text_of_file(".docx", data)


def make_docx_xml(paragraphs: int) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>第{i}段：立案查处6517件。</w:t></w:r></w:p>" for i in range(paragraphs))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{body}</w:body></w:document>").encode("utf-8")


# ---------------------------------------------------------------------------------------------
# PDF




def test_pdf_text_layer_in_page_order_with_line_breaks():
    decoded = text_of_file(".pdf", make_pdf(REPORT_PAGES))
    assert decoded.encoding == "pdf"
    lines = decoded.text.split("\n")
    assert lines == [line for page in REPORT_PAGES for line in page]


@pytest.mark.parametrize("pages", [[[]], [[], []]])
def test_pdf_without_text_layer_is_rejected_as_scanned(pages):
    for data in (make_pdf(pages), make_pdf(pages, image_only=True)):
        with pytest.raises(UndecodableError) as raised:
            text_of_file(".pdf", data)
        assert str(raised.value) == "PDF has no text layer (scanned image?)"


def test_pdf_with_only_a_page_number_per_page_counts_as_scanned():
    with pytest.raises(UndecodableError, match=r"PDF has no text layer \(scanned image\?\): only 2 characters of text on 2 pages"):
        text_of_file(".pdf", make_pdf([["1"], ["2"]]))


@pytest.mark.parametrize(("data", "reason"), [
    (b"%PDF-1.7\n" + bytes(range(256)) * 16, "corrupt PDF"),
    (b"%PDF-1.4\n%%EOF\n", "corrupt PDF"),
    (b"\x89PNG\r\n\x1a\n" + bytes(64), "not a PDF file"),
    ("法治政府建设报告".encode("utf-8"), "not a PDF file"),
])
def test_corrupt_pdf_is_rejected_with_a_reason(data, reason):
    with pytest.raises(UndecodableError, match=reason):
        text_of_file(".pdf", data)


def encrypted(data: bytes, user_password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_password_protected_pdf_is_rejected():
    with pytest.raises(UndecodableError, match="encrypted PDF: cannot read it without the password"):
        text_of_file(".pdf", encrypted(make_pdf(REPORT_PAGES), "secret"))


def test_pdf_that_only_restricts_copying_is_read():
    decoded = text_of_file(".pdf", encrypted(make_pdf(REPORT_PAGES), ""))
    assert "Cases filed: 6517, fines 190000000 yuan." in decoded.text


def test_pdf_page_and_text_caps(monkeypatch):
    monkeypatch.setattr(formats, "MAX_PDF_PAGES", 3)
    with pytest.raises(UndecodableError, match="PDF has 4 pages \\(the limit is 3\\)"):
        text_of_file(".pdf", make_pdf([["page one of the report"]] * 4))
    monkeypatch.setattr(formats, "MAX_TEXT_CHARS", 50)
    with pytest.raises(UndecodableError, match="more than 50 characters"):
        text_of_file(".pdf", make_pdf(REPORT_PAGES))


def test_plain_text_cap(monkeypatch):
    monkeypatch.setattr(formats, "MAX_TEXT_CHARS", 50)
    with pytest.raises(UndecodableError, match="text file holds more than 50 characters"):
        text_of_file(".txt", ("全年立案查处6517件。" * 10).encode("utf-8"))
    assert text_of_file(".txt", "全年立案查处6517件。".encode("utf-8")).text == "全年立案查处6517件。"


def test_html_text_cap(monkeypatch):
    monkeypatch.setattr(formats, "MAX_TEXT_CHARS", 50)
    with pytest.raises(UndecodableError, match="web page holds more than 50 characters"):
        text_of_file(".html", GBK_PAGE.encode("gbk"))


def test_unknown_suffix_is_rejected():
    with pytest.raises(UndecodableError, match="unsupported file type '.doc'"):
        text_of_file(".doc", b"whatever")


def test_an_unexpected_parser_failure_is_a_rejection_not_a_crash(monkeypatch):
    def explode(data):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(formats, "pdf_text", explode)
    with pytest.raises(UndecodableError, match=r"cannot read this PDF \(RecursionError: maximum recursion depth exceeded\)"):
        text_of_file(".pdf", make_pdf(REPORT_PAGES))


def test_large_nested_page_is_extracted_in_linear_time():
    # 40 nested wrappers around 2 MB of paragraphs and link lists: each element's text is counted once.
    para = "<p>全年立案查处安全生产违法行为6517件，经济处罚1.90亿元。</p><ul><li><a>甲</a></li><li><a>乙</a></li><li><a>丙</a></li></ul>"
    page = "<html><body>" + "".join(f'<div class="c{i}">' for i in range(40)) + para * 15000 + "</div>" * 40 + "</body></html>"
    import time
    started = time.perf_counter()
    text = text_of_file(".html", page.encode("utf-8")).text
    assert time.perf_counter() - started < 20
    assert text.count("6517件") == 15000 and "甲" not in text


def test_a_title_repeated_after_the_article_does_not_cut_the_article():
    page = """<html><head><title>法治政府建设报告</title></head><body>
<p>全年立案查处6517件。经济处罚1.90亿元。培训近25万人次。</p><h3>一、基本情况</h3><p>事故70起。</p>
<div>法治政府建设报告</div></body></html>"""
    text = text_of_file(".html", page.encode("utf-8")).text
    assert text.startswith("法治政府建设报告\n\n全年立案查处6517件。")


def test_a_section_heading_is_not_taken_for_the_title():
    page = """<html><head><title>武汉市应急管理局</title></head><body><div class="top">武汉市应急管理局</div>
<div class="tit">2021年工作报告</div><p>今年检查企业3286家次。</p><h2>一、基本情况</h2><p>处罚412起。</p></body></html>"""
    text = text_of_file(".html", page.encode("utf-8")).text
    assert "2021年工作报告\n\n今年检查企业3286家次。\n\n一、基本情况\n\n处罚412起。" in text
