import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline import parallel
from pipeline.audit import AuditMention, audit_dir, audit_html, explain_text, index_html, refresh_audit_pages
from pipeline.reference import catalog_frame
from pipeline.stages import bring_up_to_date, ingest_folder_into
from pipeline.storage import Warehouse
from pipeline.warehouse import replace_table

BUNDLED_RAW = Path(__file__).resolve().parents[1] / "raw"
REAL = Path(__file__).parent / "data" / "real" / "gold-real" / "raw"

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
    assert f"<td class=keep>{written}</td>" in page


def test_html_escapes_the_report_text():
    page = audit_html("<title>", TEXT, MENTIONS)
    assert "&lt;资料&gt;" in page and "<资料>" not in page
    assert "<title>&lt;title&gt;</title>" in page


def test_the_side_table_shows_why_a_code_was_given_and_how_sure_it_is():
    coded = [replace(MENTIONS[0], code_evidence="metric cue 立案查处", confidence="medium", indicator="立案数")]
    row = audit_html("t", TEXT, coded).split('<tr id="row0">')[1].split("</tr>")[0]
    assert "<td class=evidence>metric cue 立案查处</td>" in row and "<td class=keep>中</td>" in row
    assert "<td class=words>立案数</td>" in row and "<td class=num>6,517件</td>" in row
    uncoded = audit_html("t", TEXT, [MENTIONS[2]]).split('<tr id="row2">')[1]
    assert "<td class=evidence></td>" in uncoded and "<td class=keep></td>" in uncoded  # no code, no confidence


def test_the_side_table_keeps_short_cells_on_one_line():
    """At 1,366 px the table has about 800 px: period, kind, confidence and the text as written never wrap,
    the metric keeps 7em, so none of them is read a character a line."""
    page = audit_html("t", TEXT, MENTIONS)
    assert "td.keep, td.num, td.code, th { white-space: nowrap; }" in page and "td.words { min-width: 7em; }" in page
    assert "#table { flex: 1 1 62%;" in page
    row = page.split('<tr id="row0">')[1].split("</tr>")[0]
    assert "<td class=keep>2021</td>" in row and "<td class=words>立案查处</td>" in row


def test_pages_of_real_reports_show_code_evidence_and_confidence(tmp_path, monkeypatch):
    """东莞市应急管理局 2025 (a real excerpt): the accident count's row names its cue and its confidence."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(REAL / "dongguan_2025_7afcca.txt", raw)
    store = _analysed(tmp_path, raw, monkeypatch, pooled=False)
    with store.connect() as con:
        replace_table(con, "indicator_catalog", catalog_frame())
        evidence, confidence = con.execute(
            "SELECT code_evidence, confidence FROM indicators WHERE mention = '108起'").fetchone()
    refresh_audit_pages(store, audit_dir(store))
    [page] = [p for p in audit_dir(store).glob("*.html") if p.name != "index.html"]
    row = next(r for r in page.read_text(encoding="utf-8").split("<tr ") if "<td class=keep>108起</td>" in r)
    assert evidence and f"<td class=evidence>{evidence}</td>" in row
    assert f"<td class=keep>{ {'high': '高', 'medium': '中', 'low': '低'}[confidence]}</td>" in row
    assert "<td class=code>acc.accidents</td>" in row and "<td class=num>108起</td>" in row


def test_index_links_pages_by_doc_id():
    page = index_html([("abc123", "a <b>.txt", "苏州市", 2021, "annual_report", 29)])
    assert '<a href="abc123.html">a &lt;b&gt;.txt</a>' in page


def _analysed(tmp_path: Path, raw: Path, monkeypatch, pooled: bool) -> Warehouse:
    monkeypatch.setattr(parallel, "MIN_PARALLEL_DOCUMENTS", 1)
    monkeypatch.setattr(parallel, "CHUNK_DOCUMENTS", 2)
    store = Warehouse(tmp_path / "reports.duckdb")
    ingest_folder_into(store, raw)
    if pooled:
        with parallel.new_pool(2) as executor:
            bring_up_to_date(store, lambda: executor, 2, batch_documents=3)
    else:
        bring_up_to_date(store, batch_documents=3)
    return store


@pytest.mark.parametrize("pooled", [False, True])
def test_pages_are_rendered_from_the_warehouse_once_and_again_when_lost(tmp_path, monkeypatch, pooled):
    store = _analysed(tmp_path, BUNDLED_RAW, monkeypatch, pooled)
    pages_dir = audit_dir(store)
    rendered, removed = refresh_audit_pages(store, pages_dir)
    assert len(rendered) == len(list(BUNDLED_RAW.iterdir())) and removed == 0
    pages = {p.name: p.read_bytes() for p in pages_dir.glob("*.html") if p.name != "index.html"}
    assert len(pages) == len(rendered)
    assert any(b"<mark" in page for page in pages.values())

    rendered, removed = refresh_audit_pages(store, pages_dir)
    assert (rendered, removed) == ([], 0)  # nothing missing, nothing departed
    shutil.rmtree(pages_dir)
    rendered, removed = refresh_audit_pages(store, pages_dir)
    assert len(rendered) == len(pages) and removed == 0
    assert {p.name: p.read_bytes() for p in pages_dir.glob("*.html") if p.name != "index.html"} == pages


def test_a_document_analysed_again_gets_its_page_again_and_the_analysis_leaves_pages_alone(tmp_path, monkeypatch):
    store = _analysed(tmp_path, BUNDLED_RAW, monkeypatch, pooled=False)
    pages_dir = audit_dir(store)
    refresh_audit_pages(store, pages_dir)
    [page, *_] = sorted(pages_dir.glob("*.html"))
    before = page.stat()
    with store.connect() as con:
        con.execute("UPDATE document_stages SET version = 'older code' WHERE doc_id = ?", [page.stem])
        [(source_path,)] = con.execute("SELECT source_path FROM documents WHERE doc_id = ?", [page.stem]).fetchall()
    bring_up_to_date(store)
    after = page.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # stays until pages are made
    rendered, _ = refresh_audit_pages(store, pages_dir)
    assert rendered == [source_path] and page.exists()


def test_refresh_renders_missing_pages_and_removes_departed_ones(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    for source in sorted(BUNDLED_RAW.iterdir())[:2]:
        shutil.copy(source, raw / source.name)
    store = _analysed(tmp_path, raw, monkeypatch, pooled=False)
    pages_dir = audit_dir(store)
    refresh_audit_pages(store, pages_dir)
    [lost, kept] = sorted(p for p in pages_dir.glob("*.html") if p.name != "index.html")
    lost.unlink()
    departed = pages_dir / "0123abcd.html"
    departed.write_text("a page of a document no longer in the warehouse", encoding="utf-8")
    rendered, removed = refresh_audit_pages(store, pages_dir)
    assert len(rendered) == 1 and removed == 1
    assert lost.exists() and kept.exists() and not departed.exists()
    index = (pages_dir / "index.html").read_text(encoding="utf-8")
    assert f'href="{lost.name}"' in index and f'href="{kept.name}"' in index
