import pytest

from pipeline.audit import AuditMention, audit_html, explain_text, index_html

TEXT = "一、执法\n全年立案查处6517件，经济处罚1.90亿元。\n发放<资料>2万份。"


def mention(mention_id, written, value, unit, code=None, qualifier=None):
    start = TEXT.index(written)
    sentence_start = TEXT.rfind("\n", 0, start) + 1
    sentence_end = TEXT.find("\n", start) if TEXT.find("\n", start) != -1 else len(TEXT)
    return AuditMention(mention_id, start, start + len(written), value, unit, qualifier, "立案查处", code, "count",
                        "2021", None, sentence_start, sentence_end)


MENTIONS = [
    mention(0, "6517件", 6517, "件", "enf.cases_filed"),
    mention(1, "1.90亿元", 190000000, "元", "enf.fines"),
    mention(2, "2万份", 20000, "份", qualifier="over"),
]


def test_explain_marks_each_mention_in_its_sentence():
    lines = explain_text(TEXT, MENTIONS).splitlines()
    assert lines[0].startswith("#0  6,517 件 · count")
    assert "code enf.cases_filed" in lines[0]
    assert lines[1].strip() == "全年立案查处【6517件】，经济处罚1.90亿元。"
    assert lines[3].strip() == "全年立案查处6517件，经济处罚【1.90亿元】。"
    assert "over" in lines[4]


@pytest.mark.parametrize("written", ["6517件", "1.90亿元", "2万份"])
def test_html_highlights_every_mention_and_lists_it(written):
    page = audit_html("苏州市 2021", TEXT, MENTIONS)
    assert f">{written}</mark>" in page
    assert f"<td>{written}</td>" in page


def test_html_escapes_the_report_text():
    page = audit_html("<title>", TEXT, MENTIONS)
    assert "&lt;资料&gt;" in page and "<资料>" not in page
    assert "<title>&lt;title&gt;</title>" in page


def test_index_links_pages_by_doc_id():
    page = index_html([("abc123", "a <b>.txt", "苏州市", 2021, "annual_report", 29)])
    assert '<a href="abc123.html">a &lt;b&gt;.txt</a>' in page
