import duckdb
import pandas as pd
import pytest

from pipeline.warehouse import TABLES, apply_schema, audit_mentions, one_thread, rebuild_derived, replace_table, table_counts


@pytest.fixture
def con(tmp_path):
    connection = duckdb.connect(str(tmp_path / "w.duckdb"))
    apply_schema(connection)
    yield connection
    connection.close()


def test_schema_creates_every_base_table(con):
    assert set(table_counts(con)) == set(TABLES) - {"indicator_panel", "yoy_comparison", "plan_vs_actual"}


def test_replace_table_is_idempotent(con):
    frame = pd.DataFrame({"source_path": ["a.txt"], "reason": ["empty file"]})
    replace_table(con, "rejected_files", frame)
    replace_table(con, "rejected_files", frame)
    assert con.execute("SELECT source_path, reason FROM rejected_files").fetchall() == [("a.txt", "empty file")]


def test_failed_replacement_keeps_the_previous_rows(con):
    replace_table(con, "rejected_files", pd.DataFrame({"source_path": ["a.txt"], "reason": ["empty file"]}))
    with pytest.raises(duckdb.Error):
        replace_table(con, "rejected_files", pd.DataFrame({"source_path": [None], "reason": ["x"]}))
    assert con.execute("SELECT source_path FROM rejected_files").fetchall() == [("a.txt",)]


def test_unknown_table_is_refused(con):
    with pytest.raises(ValueError, match="unknown warehouse table"):
        replace_table(con, "users; DROP TABLE documents", pd.DataFrame())


def _document(doc_id, region, code, year, published_on=None):
    return {"doc_id": doc_id, "source_path": f"{doc_id}.txt", "sha256": doc_id, "encoding": "utf-8",
            "script": "simplified", "chars": 10, "region": region, "region_code": code, "report_year": year,
            "doc_type": "annual_report", "agency": None, "published_on": published_on}


def _mention(doc_id, mention_id, code, value, unit="件", kind="count", period_year=None, period=None, subcount=False):
    return {"doc_id": doc_id, "mention_id": mention_id, "sentence_id": 0, "start": 0, "end": 1, "mention": "x",
            "value": value, "unit": unit, "unit_implicit": False, "qualifier": None, "metric": "m",
            "indicator_code": code, "kind": kind, "period_year": period_year, "period": period,
            "direction": None, "basis": None, "subcount": subcount}


@pytest.mark.parametrize(
    ("documents", "mentions", "expected"),
    [
        pytest.param(
            [_document("b", "苏州市", "320500", 2021)],
            [_mention("b", 0, "svc.time_limit_share", 74, "%", "ratio", period_year=2020),
             _mention("b", 1, "svc.time_limit_share", 52, "%", "ratio")],
            [(2020, 74.0, "restated in a later report", False), (2021, 52.0, "report of the year", False)],
            id="a prior-year value fills its year"),
        pytest.param(
            [_document("a", "苏州市", "320500", 2020), _document("b", "苏州市", "320500", 2021)],
            [_mention("a", 0, "enf.cases_filed", 100), _mention("b", 0, "enf.cases_filed", 90, period_year=2020),
             _mention("b", 1, "enf.cases_filed", 80)],
            [(2020, 100.0, "report of the year", True), (2021, 80.0, "report of the year", False)],
            id="the report of the year beats a later restatement, which a person must see when it differs"),
        pytest.param(
            [_document("a", "苏州市", "320500", 2020), _document("b", "苏州市", "320500", 2021)],
            [_mention("a", 0, "enf.cases_filed", 100), _mention("b", 0, "enf.cases_filed", 100, period_year=2020)],
            [(2020, 100.0, "report of the year", False)],
            id="a restatement that agrees is no conflict"),
        pytest.param(
            [_document("a", "苏州市", "320500", 2021)],
            [_mention("a", 0, "enf.cases_filed", 40, period="2021-01..2021-11"),
             _mention("a", 1, "enf.cases_filed", 30, subcount=True), _mention("a", 2, "enf.cases_filed", 45)],
            [(2021, 45.0, "report of the year", False)],
            id="a whole-year total beats a partial period and a sub-count"),
        pytest.param(
            [_document("a", "苏州市", "320500", 2021, "2022-01-10"), _document("b", "苏州市", "320500", 2021, "2022-03-01")],
            [_mention("a", 0, "enf.cases_filed", 40), _mention("b", 0, "enf.cases_filed", 41)],
            [(2021, 41.0, "report of the year", True)],
            id="disagreeing reports of one year are flagged; the latest is shown"),
        pytest.param(
            [_document("a", None, None, 2021)],
            [_mention("a", 0, "enf.cases_filed", 40)],
            [],
            id="an unknown region is never in the panel"),
        pytest.param(
            [_document("a", "苏州市", "320500", 2021)],
            [_mention("a", 0, "acc.accidents_yoy", 13.6, "%", "change"), _mention("a", 1, None, 5)],
            [],
            id="changes and uncoded mentions are not levels"),
    ],
)
def test_panel_rules(con, documents, mentions, expected):
    replace_table(con, "documents", pd.DataFrame(documents))
    replace_table(con, "indicators", pd.DataFrame(mentions))
    rebuild_derived(con, "indicator_panel")
    rows = con.execute("SELECT year, value, chosen_by, conflict FROM indicator_panel ORDER BY year").fetchall()
    assert rows == expected


def test_yoy_reports_the_gap_when_a_year_is_missing(con):
    replace_table(con, "documents", pd.DataFrame([_document("a", "苏州市", "320500", 2019),
                                                  _document("c", "苏州市", "320500", 2022)]))
    replace_table(con, "indicators", pd.DataFrame([_mention("a", 0, "enf.cases_filed", 100),
                                                   _mention("c", 0, "enf.cases_filed", 150)]))
    rebuild_derived(con, "indicator_panel")
    rebuild_derived(con, "yoy_comparison")
    assert con.execute("SELECT prev_year, year, gap_years, abs_change, pct_change, stated_change_agrees "
                       "FROM yoy_comparison").fetchall() == [(2019, 2022, 3, 50.0, 50.0, None)]


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        pytest.param(
            [_mention("a", 0, "acc.accidents", 120, "起"), _mention("b", 0, "acc.accidents", 40, "起", period="2023-01..2023-06")],
            [], id="January-June is never compared with a whole year"),
        pytest.param(
            [_mention("a", 0, "acc.accidents", 60, "起", period="2022-01..2022-06"),
             _mention("b", 0, "acc.accidents", 40, "起", period="2023-01..2023-06")],
            [(2022, 60.0, 2023, 40.0, "01..06")], id="January-June with January-June"),
        pytest.param(
            [_mention("a", 0, "enf.cases_filed", 6517), _mention("b", 0, "enf.cases_filed", 6462, subcount=True)],
            [], id="a sub-count never stands in for its total"),
        pytest.param(
            [_mention("a", 0, "train.participants", 300, "名"), _mention("b", 0, "train.participants", 360, "人")],
            [(2022, 300.0, 2023, 360.0, "")], id="名 counts persons like 人"),
    ],
)
def test_yoy_compares_like_with_like(con, mentions, expected):
    replace_table(con, "documents", pd.DataFrame([_document("a", "苏州市", "320500", 2022),
                                                  _document("b", "苏州市", "320500", 2023)]))
    replace_table(con, "indicators", pd.DataFrame(mentions))
    rebuild_derived(con, "indicator_panel")
    rebuild_derived(con, "yoy_comparison")
    assert con.execute("SELECT prev_year, prev_value, year, value, months FROM yoy_comparison").fetchall() == expected


def test_one_thread_holds_duckdb_to_one_thread_and_gives_the_setting_back():
    con = duckdb.connect()
    before = con.execute("SELECT current_setting('threads')").fetchone()[0]
    with one_thread(con):
        assert con.execute("SELECT current_setting('threads')").fetchone()[0] == 1
    assert con.execute("SELECT current_setting('threads')").fetchone()[0] == before


def test_a_warehouse_from_before_the_evidence_and_target_columns_gets_them(tmp_path):
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as old:
        old.execute("CREATE TABLE indicators (doc_id VARCHAR NOT NULL, mention_id INTEGER NOT NULL, value DOUBLE)")
        old.execute("INSERT INTO indicators VALUES ('d', 0, 1.0)")
    with duckdb.connect(str(path)) as con:
        apply_schema(con)
        columns = [row[0] for row in con.execute("DESCRIBE indicators").fetchall()]
        assert columns[-3:] == ["code_evidence", "confidence", "target_of"]
        assert con.execute("SELECT count(*) FROM indicators").fetchone() == (1,)


def test_explain_reads_a_published_warehouse_from_before_the_target_column(tmp_path):
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as old:
        apply_schema(old)
        old.execute("ALTER TABLE indicators DROP COLUMN target_of")
        old.execute("INSERT INTO sentences VALUES ('d', 0, 0, 8, '事故12起。', 0)")
        old.execute("INSERT INTO indicators (doc_id, mention_id, sentence_id, \"start\", \"end\", mention, value, unit, "
                    "unit_implicit, kind, subcount) VALUES ('d', 0, 0, 2, 5, '12起', 12, '起', false, 'count', false)")
    with duckdb.connect(str(path), read_only=True) as con:
        rows = audit_mentions(con, ["d"])["d"]
    assert len(rows) == 1 and rows[0][-1] is None  # target_of, read as NULL
