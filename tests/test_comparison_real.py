"""Comparisons on real reports (tests/data/real): several periods in one text, a partial period, a
part that is all there is of its own code, and a stated change that disagrees with the two reports."""

from pathlib import Path

import duckdb
import pytest
from real_excerpts import analysed

REAL = Path(__file__).parent / "data" / "real"
# 云南省 2023 and 2024 (two press items of the provincial department), 广西 2024 (a press item that
# gives 2018 and 2023 in one sentence and January-May figures of 2023)
FILES = ["blind/raw/yunnan_2023_7f8f2c.txt", "fresh16/raw/yunnan_2024_4e1a7c.txt", "fresh5/raw/guangxi_2024_2085d0.txt"]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    _, path = analysed((REAL / name for name in FILES), tmp_path_factory.mktemp("real_comparison"))
    with duckdb.connect(str(path), read_only=True) as connection:
        yield connection


def _panel(con, region, code):
    return con.execute("SELECT year, value, months, chosen_by FROM indicator_panel WHERE region = ? AND indicator_code = ? "
                       "ORDER BY year", [region, code]).fetchall()


def test_each_year_of_one_sentence_lands_in_its_own_period(con):
    # 由2018年的4098起、2310人下降至2023年的657起、707人
    assert [row[:2] for row in _panel(con, "广西壮族自治区", "acc.accidents")] == [(2018, 4098), (2023, 657)]
    assert [row[:2] for row in _panel(con, "广西壮族自治区", "acc.deaths")] == [(2018, 2310), (2023, 707)]
    rows = con.execute("SELECT prev_year, prev_value, year, value, gap_years FROM yoy_comparison "
                       "WHERE region = '广西壮族自治区' AND indicator_code = 'acc.deaths'").fetchall()
    assert rows == [(2018, 2310, 2023, 707, 5)]


def test_a_partial_period_is_never_compared_with_a_whole_year(con):
    partial = con.execute("SELECT indicator_code FROM indicator_panel WHERE region = '广西壮族自治区' "
                          "AND months = '01..05'").fetchall()
    assert partial  # 1-5月 figures of 2023 are in the panel, marked
    mixed = con.execute("SELECT count(*) FROM yoy_comparison AS y JOIN indicator_panel AS p "
                        "ON p.region_code = y.region_code AND p.indicator_code = y.indicator_code "
                        "AND p.year = y.prev_year WHERE p.months <> y.months").fetchone()[0]
    assert mixed == 0


def test_a_part_coded_other_than_its_total_is_compared_as_a_whole(con):
    # 其中较大事故20起 (2023) and 17起 (2024): all there is of acc.major_accidents, though a part of acc.accidents
    assert [row[:2] + row[3:] for row in _panel(con, "云南省", "acc.major_accidents")] == [
        (2023, 20, "report of the year"), (2024, 17, "report of the year")]
    assert con.execute("SELECT prev_value, value FROM yoy_comparison WHERE region = '云南省' "
                       "AND indicator_code = 'acc.major_accidents'").fetchall() == [(20, 17)]


def test_a_stated_change_that_the_two_reports_do_not_bear_out_is_shown(con):
    # 2024's report says accidents fell 9.1 %; 949 → 874 (the two reports' own figures) is −7.9 %
    row = con.execute("SELECT prev_value, value, round(pct_change, 1), reported_pct_change, stated_change_agrees "
                      "FROM yoy_comparison WHERE region = '云南省' AND indicator_code = 'acc.accidents'").fetchone()
    assert row == (949, 874, -7.9, -9.1, False)
    deaths = con.execute("SELECT stated_change_agrees FROM yoy_comparison WHERE region = '云南省' "
                         "AND indicator_code = 'acc.deaths'").fetchone()
    assert deaths == (True,)
