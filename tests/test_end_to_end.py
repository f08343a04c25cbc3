"""Materialize every asset over the bundled reports (plus a bad file) and check real values."""

from pathlib import Path

import duckdb
import pytest

from assets.cli import main, run_pipeline
from pipeline.warehouse import table_counts

BUNDLED_RAW = Path(__file__).resolve().parents[1] / "raw"

SUZHOU = "000_db0547c9e42a10f1.txt"
ZHANGJIAGANG = "001_2e87da6ac6864874.txt"
LIANYUNGANG = "003_6948274aa58a9fdc.txt"


@pytest.fixture
def con(built_warehouse):
    _, warehouse = built_warehouse
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        yield connection


def test_every_table_is_filled(con):
    counts = table_counts(con)
    assert counts["documents"] == len(list(BUNDLED_RAW.glob("*.txt")))
    assert counts["sentences"] > 300
    assert counts["tokens"] > 10 * counts["sentences"]
    assert counts["indicators"] > 100
    assert counts["rejected_files"] == 1


def test_bad_file_is_rejected_with_a_reason_and_the_run_goes_on(con):
    [(path, reason)] = con.execute("SELECT source_path, reason FROM rejected_files").fetchall()
    assert path == "scan.txt"
    assert "binary" in reason.lower() or "not text" in reason.lower()


def test_suzhou_fines_are_190_million_yuan_with_their_code(con):
    rows = con.execute(
        """SELECT i.value, i.unit, i.kind, i.indicator_code, i.mention, t.text[i.start + 1 : i."end"]
           FROM indicators i JOIN documents d USING (doc_id) JOIN document_texts t USING (doc_id)
           WHERE d.source_path = ? AND i.mention = '1.90亿元'""", [SUZHOU]).fetchall()
    assert rows == [(190000000.0, "元", "money", "enf.fines", "1.90亿元", "1.90亿元")]


def test_traditional_report_is_read_as_zhangjiagang_2021(con):
    row = con.execute("SELECT region, region_code, report_year, script, doc_type FROM documents WHERE source_path = ?",
                      [ZHANGJIAGANG]).fetchone()
    assert row == ("张家港市", "320582", 2021, "traditional", "annual_report")


def test_offsets_point_into_the_original_text(con):
    mismatches = con.execute(
        """SELECT count(*) FROM indicators i JOIN document_texts t USING (doc_id)
           WHERE substr(t.text, i.start + 1, i."end" - i.start) <> i.mention""").fetchone()[0]
    assert mismatches == 0
    layout = con.execute(
        """SELECT i.mention, i.value FROM indicators i JOIN documents d USING (doc_id)
           WHERE d.source_path = ? AND i.mention LIKE '64%起'""", [LIANYUNGANG]).fetchall()
    assert layout == [("64\n\n起", 64.0)]


def test_sentences_and_tokens_line_up(con):
    orphan_tokens = con.execute(
        "SELECT count(*) FROM tokens t ANTI JOIN sentences s USING (doc_id, sentence_id)").fetchone()[0]
    assert orphan_tokens == 0


def test_yoy_has_the_suzhou_time_limit_change_from_one_report(con):
    row = con.execute(
        """SELECT prev_year, prev_value, year, value, pct_change, doc_id = prev_doc_id FROM yoy_comparison
           WHERE region = '苏州市' AND indicator_code = 'svc.time_limit_share'""").fetchone()
    assert row == (2020, 74.0, 2021, 52.0, pytest.approx(-29.7297), True)


def test_running_twice_gives_the_same_warehouse(built_warehouse):
    raw, warehouse = built_warehouse
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        before = table_counts(connection)
        indicators = connection.execute("SELECT * FROM indicators ORDER BY doc_id, mention_id").fetchall()
    assert run_pipeline(raw, warehouse) == []
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        assert table_counts(connection) == before
        assert connection.execute("SELECT * FROM indicators ORDER BY doc_id, mention_id").fetchall() == indicators


def test_cli_prints_a_summary(built_warehouse, capsys):
    raw, warehouse = built_warehouse
    assert main(["run", "--raw", str(raw), "--warehouse", str(warehouse)]) == 0
    out = capsys.readouterr().out
    assert f"documents {len(list(BUNDLED_RAW.glob('*.txt'))):>16}" in out
    assert "scan.txt" in out
    assert str(warehouse) in out


def test_cli_fails_readably_on_a_missing_folder(tmp_path, capsys):
    assert main(["run", "--raw", str(tmp_path / "missing"), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_explain_prints_each_mention_of_a_document_in_its_sentence(built_warehouse, capsys):
    _, warehouse = built_warehouse
    assert main(["explain", SUZHOU, "--warehouse", str(warehouse)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{SUZHOU} (")
    assert "【1.90亿元】" in out and "code enf.fines" in out
    assert main(["explain", "no-such-report.txt", "--warehouse", str(warehouse)]) == 2
