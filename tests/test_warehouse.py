import duckdb
import pandas as pd
import pytest

from pipeline.warehouse import TABLES, apply_schema, rebuild_yoy_comparison, replace_table, table_counts


@pytest.fixture
def con(tmp_path):
    connection = duckdb.connect(str(tmp_path / "w.duckdb"))
    apply_schema(connection)
    yield connection
    connection.close()


def test_schema_creates_every_table(con):
    assert set(table_counts(con)) == set(TABLES)


def test_replace_table_is_idempotent(con):
    frame = pd.DataFrame({"source_path": ["a.txt"], "reason": ["empty file"]})
    replace_table(con, "rejected_files", frame)
    replace_table(con, "rejected_files", frame)
    assert con.execute("SELECT * FROM rejected_files").fetchall() == [("a.txt", "empty file")]


def test_failed_replacement_keeps_the_previous_rows(con):
    replace_table(con, "rejected_files", pd.DataFrame({"source_path": ["a.txt"], "reason": ["empty file"]}))
    with pytest.raises(duckdb.Error):
        replace_table(con, "rejected_files", pd.DataFrame({"source_path": [None], "reason": ["x"]}))
    assert con.execute("SELECT source_path FROM rejected_files").fetchall() == [("a.txt",)]


def test_unknown_table_is_refused(con):
    with pytest.raises(ValueError, match="unknown warehouse table"):
        replace_table(con, "users; DROP TABLE documents", pd.DataFrame())


def _document(doc_id, region, code, year):
    return {"doc_id": doc_id, "source_path": f"{doc_id}.txt", "sha256": doc_id, "encoding": "utf-8",
            "script": "simplified", "chars": 10, "region": region, "region_code": code, "report_year": year,
            "doc_type": "annual_report", "agency": None, "published_on": None}


def _mention(doc_id, mention_id, code, value, unit="件", kind="count", period_year=None, period=None):
    return {"doc_id": doc_id, "mention_id": mention_id, "sentence_id": 0, "start": 0, "end": 1, "mention": "x",
            "value": value, "unit": unit, "unit_implicit": False, "qualifier": None, "metric": "m",
            "indicator_code": code, "kind": kind, "period_year": period_year, "period": period,
            "direction": None, "basis": None}


def test_yoy_pairs_headline_values_of_consecutive_and_gapped_years(con):
    replace_table(con, "documents", pd.DataFrame([
        _document("a", "苏州市", "320500", 2020), _document("b", "苏州市", "320500", 2021),
        _document("c", "苏州市", "320500", 2023), _document("d", None, None, 2021),
    ]))
    replace_table(con, "indicators", pd.DataFrame([
        _mention("a", 0, "enf.cases_filed", 100),
        _mention("a", 1, "enf.cases_filed", 40),            # a 其中 sub-count after its total
        _mention("b", 0, "enf.cases_filed", 80, period="2021-01..2021-11"),  # partial year: ignored
        _mention("b", 1, "enf.cases_filed", 90),
        _mention("b", 2, "svc.time_limit_share", 74, unit="%", kind="ratio", period_year=2020),
        _mention("b", 3, "svc.time_limit_share", 52, unit="%", kind="ratio"),
        _mention("b", 4, "acc.accidents_yoy", 13.6, unit="%", kind="change"),
        _mention("c", 0, "enf.cases_filed", 120),
        _mention("d", 0, "enf.cases_filed", 5),            # unknown region: never compared
    ]))
    rebuild_yoy_comparison(con)
    rows = con.execute(
        "SELECT indicator_code, year, value, prev_year, prev_value, abs_change, pct_change, doc_id, prev_doc_id "
        "FROM yoy_comparison ORDER BY indicator_code, year").fetchall()
    assert rows == [
        ("enf.cases_filed", 2021, 90.0, 2020, 100.0, -10.0, -10.0, "b", "a"),
        ("enf.cases_filed", 2023, 120.0, 2021, 90.0, 30.0, pytest.approx(33.3333), "c", "b"),
        ("svc.time_limit_share", 2021, 52.0, 2020, 74.0, -22.0, pytest.approx(-29.7297), "b", "b"),
    ]
