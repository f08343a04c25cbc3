"""Multi-year fixtures (tests/data/multiyear): a city over three years, one of its counties with
two conflicting reports, a stated change that agrees and one that does not, a sub-count, a
partial-year figure and a work plan with its year's report, through every asset."""

import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pytest

from assets.cli import main, run_pipeline

FIXTURES = Path(__file__).parent / "data" / "multiyear"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    path = tmp_path_factory.mktemp("multiyear") / "reports.duckdb"
    assert run_pipeline(FIXTURES, path) == []
    return path


@pytest.fixture
def con(warehouse):
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        yield connection


def test_panel_chooses_one_value_per_region_year_and_indicator(con):
    rows = con.execute(
        """SELECT region, year, indicator_code, value, chosen_by, sources, conflict FROM indicator_panel
           WHERE indicator_code IN ('enf.cases_filed', 'enf.fines', 'acc.accidents', 'acc.deaths')
           ORDER BY region_code, indicator_code, year""").fetchall()
    assert rows == [
        ("苏州市", 2021, "acc.accidents", 125.0, "report of the year", 1, False),
        ("苏州市", 2022, "acc.accidents", 108.0, "report of the year", 1, False),
        ("苏州市", 2021, "acc.deaths", 20.0, "report of the year", 1, False),
        ("苏州市", 2022, "acc.deaths", 18.0, "report of the year", 1, False),
        ("苏州市", 2021, "enf.cases_filed", 1000.0, "report of the year", 1, False),
        ("苏州市", 2022, "enf.cases_filed", 1200.0, "report of the year", 1, False),  # not its 其中 800
        ("苏州市", 2023, "enf.cases_filed", 1300.0, "partial period only", 1, False),  # 1-11月
        ("苏州市", 2021, "enf.fines", 50000000.0, "report of the year", 1, False),
        ("苏州市", 2022, "enf.fines", 60000000.0, "report of the year", 1, False),
        ("苏州市", 2023, "enf.fines", 70000000.0, "report of the year", 1, False),
        ("张家港市", 2022, "enf.cases_filed", 320.0, "report of the year", 2, True),  # two reports disagree
        ("张家港市", 2022, "enf.fines", 9000000.0, "report of the year", 2, False),
    ]


def test_conflicting_reports_are_flagged_with_both_values(con):
    assert con.execute(
        "SELECT value_options FROM indicator_panel WHERE conflict").fetchall() == [([300.0, 320.0],)]


def test_yoy_rows_with_stated_changes_that_agree_and_disagree(con):
    rows = con.execute(
        """SELECT indicator_code, prev_year, prev_value, year, value, pct_change, reported_pct_change,
                  stated_change_agrees, gap_years, doc_id <> prev_doc_id
           FROM yoy_comparison WHERE region = '苏州市' AND indicator_code IN ('acc.accidents', 'acc.deaths')
           ORDER BY indicator_code""").fetchall()
    assert rows == [
        ("acc.accidents", 2021, 125.0, 2022, 108.0, -13.6, -13.6, True, 1, True),
        ("acc.deaths", 2021, 20.0, 2022, 18.0, -10.0, -20.0, False, 1, True),
    ]


def test_yoy_covers_consecutive_years_of_the_city_only(con):
    rows = con.execute(
        """SELECT indicator_code, prev_year, year, pct_change FROM yoy_comparison
           WHERE indicator_code IN ('enf.cases_filed', 'enf.fines') ORDER BY indicator_code, year""").fetchall()
    assert rows == [
        ("enf.cases_filed", 2021, 2022, 20.0),  # not 2023: its 1-11月 is never compared with a whole year
        ("enf.fines", 2021, 2022, 20.0),
        ("enf.fines", 2022, 2023, pytest.approx(16.6667)),
    ]


def test_plan_target_is_set_against_the_year_result(con):
    rows = con.execute(
        """SELECT region, year, target_qualifier, target_value, actual_value, met FROM plan_vs_actual
           WHERE indicator_code = 'enf.fines'""").fetchall()
    assert rows == [("苏州市", 2023, "at_least", 80000000.0, 70000000.0, False)]


def test_ranking_never_puts_a_county_against_its_city(con):
    rows = con.execute(
        """SELECT level, region, rank, regions_ranked FROM region_ranking
           WHERE year = 2022 AND indicator_code = 'enf.fines' ORDER BY level""").fetchall()
    assert rows == [("county", "张家港市", 1, 1), ("prefecture", "苏州市", 1, 1)]


def test_regions_roll_counties_up_to_their_city(con):
    assert con.execute(
        """SELECT c.name, p.name, v.name FROM regions c JOIN regions p ON p.code = c.prefecture_code
           JOIN regions v ON v.code = c.province_code WHERE c.code = '320582'""").fetchall() == [
        ("张家港市", "苏州市", "江苏省")]


def test_the_checks_flag_the_disagreeing_change_and_the_conflict(warehouse, capsys):
    assert main(["run", "--raw", str(FIXTURES), "--warehouse", str(warehouse)]) == 0
    out = capsys.readouterr().out
    assert "check stated_changes_disagree: 1 row(s) flagged" in out
    assert "check conflicting_reports: 1 row(s) flagged" in out


def test_charts_and_summary_page_are_written(warehouse):
    reports = warehouse.parent / "reports"
    # 张家港市 has one year only: a table on the page, no chart.
    assert sorted(p.name for p in (reports / "charts").glob("*.svg")) == ["320500.svg"]
    chart = ET.parse(reports / "charts" / "320500.svg").getroot()
    # enf.fines and enf.cases_filed have three years, acc.accidents and acc.deaths two
    assert len(list(chart.iter(f"{SVG}polyline"))) == 4
    texts = [text.text for text in chart.iter(f"{SVG}text")]
    assert "苏州市（320500）主要指标走势 main indicators over the years" in texts
    assert any(label.endswith(" enf.fines") and len(label) > 10 for label in texts)  # after its Chinese name
    page = (reports / "index.html").read_text(encoding="utf-8")
    assert 'src="charts/320500.svg"' in page and "苏州市" in page


def test_compare_prints_a_region_over_the_years(warehouse, capsys):
    assert main(["compare", "--region", "蘇州", "--indicator", "enf.fines", "--warehouse", str(warehouse)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "苏州市 (320500, prefecture)"
    assert lines[1].split() == ["指标", "代码", "年份", "数值", "对比年份", "同比变化", "报告所述变化", "取值依据",
                                "其他报告数值"]
    assert [line.split()[1:4] for line in lines[2:]] == [["enf.fines", "2021", "5,000.00万元"],
                                                          ["enf.fines", "2022", "6,000.00万元"],
                                                          ["enf.fines", "2023", "7,000.00万元"]]
    assert lines[3].split()[4:6] == ["2021", "+20.0%"]


def test_compare_shows_what_other_reports_gave_and_which_rule_chose(warehouse, capsys):
    """张家港市 2022: two reports of the year say 320 and 300 cases; compare keeps one and shows the other."""
    assert main(["compare", "--region", "张家港", "--indicator", "enf.cases_filed", "--warehouse", str(warehouse)]) == 0
    [_, _, row] = capsys.readouterr().out.splitlines()
    assert row.split()[1:] == ["enf.cases_filed", "2022", "320件", "当年报告", "300件（冲突）"]


def test_compare_names_an_unknown_region(warehouse, capsys):
    assert main(["compare", "--region", "不存在市", "--warehouse", str(warehouse)]) == 2
    assert "no region called" in capsys.readouterr().err


def test_compare_says_when_a_value_covers_part_of_the_year(warehouse, capsys):
    """苏州市 2023 gives cases filed for January-November only: compare says so, and computes no change."""
    assert main(["compare", "--region", "苏州市", "--indicator", "enf.cases_filed", "--year", "2023",
                 "--warehouse", str(warehouse)]) == 0
    [_, _, row] = capsys.readouterr().out.splitlines()
    assert row.split()[1:] == ["enf.cases_filed", "2023（01-11月）", "1,300件", "仅有部分期间"]


def test_of_a_document_s_partial_periods_the_panel_keeps_the_longest(tmp_path, capsys):
    """A monthly bulletin gives June, then January-June: the half-year is the year's figure so far, and
    the change it states goes with it, not June's."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "qujing_2022_06.txt").write_text(
        "曲靖市应急管理局2022年6月安全生产情况通报\n"
        "2022年6月，全市发生各类生产安全事故12起、死亡8人，同比分别下降14.29%、20%。"
        "2022年1-6月，全市共发生各类生产安全事故61起、死亡53人，同比分别下降32.22%、10.17%。\n",
        encoding="utf-8")
    path = tmp_path / "reports.duckdb"
    assert run_pipeline(raw, path) == []
    with duckdb.connect(str(path), read_only=True) as connection:
        rows = connection.execute("SELECT indicator_code, value, months, chosen_by FROM indicator_panel "
                                  "ORDER BY indicator_code").fetchall()
        stated = connection.execute("SELECT indicator_code, months, reported_pct_change FROM stated_changes "
                                    "ORDER BY indicator_code, months").fetchall()
    assert rows == [("acc.accidents", 61.0, "01..06", "partial period only"),
                    ("acc.deaths", 53.0, "01..06", "partial period only")]
    assert stated == [("acc.accidents", "01..06", -32.22), ("acc.accidents", "06", -14.29),
                      ("acc.deaths", "01..06", -10.17), ("acc.deaths", "06", -20.0)]
    assert main(["compare", "--region", "曲靖市", "--indicator", "acc.accidents", "--warehouse", str(path)]) == 0
    [_, _, row] = capsys.readouterr().out.splitlines()
    assert row.split()[1:5] == ["acc.accidents", "2022（01-06月）", "61起", "-32.2%"]


def test_the_panel_lists_every_whole_year_value_a_report_gives_one_code(tmp_path):
    """Parts first, total last: the panel keeps the first, and report_values shows all three."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "nankai_2023.txt").write_text(
        "天津市南开区2023年行政执法工作报告\n"
        "2023年，实际重点检查253家次；实际一般检查204家次。全年共开展行政执法检查457家次。\n", encoding="utf-8")
    path = tmp_path / "reports.duckdb"
    assert run_pipeline(raw, path) == []
    with duckdb.connect(str(path), read_only=True) as connection:
        row = connection.execute("SELECT value, report_values, value_options, conflict FROM indicator_panel "
                                 "WHERE indicator_code = 'enf.inspected_entities'").fetchone()
    assert row == (253.0, [253.0, 204.0, 457.0], [253.0], False)
