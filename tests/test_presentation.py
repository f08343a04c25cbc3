"""What people see, on real material: two real excerpts of 东莞市应急管理局's reports (2024 and 2025,
tests/data/real/gold-real) give accident counts of both years and the changes the 2025 report states
(事故108起、死亡92人，同比分别下降13.6%和下降10.7%; 较大事故 1 both years)."""

import shutil
from pathlib import Path

import duckdb
import pytest

from assets.cli import run_pipeline

REAL = Path(__file__).parent / "data" / "real" / "gold-real" / "raw"
DONGGUAN = ["dongguan_2024_b00fc9.txt", "dongguan_2025_7afcca.txt"]


@pytest.fixture(scope="module")
def dongguan(tmp_path_factory):
    root = tmp_path_factory.mktemp("dongguan")
    raw = root / "raw"
    raw.mkdir()
    for name in DONGGUAN:
        shutil.copy(REAL / name, raw / name)
    warehouse = root / "warehouse" / "reports.duckdb"
    assert run_pipeline(raw, warehouse) == []
    return raw, warehouse


def test_largest_changes_give_the_stated_change_beside_the_computed_one_and_no_zero_rows(dongguan):
    _, warehouse = dongguan
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("""SELECT indicator_code, prev_value, value, round(pct_change, 1), reported_pct_change,
                                     stated_change_agrees FROM largest_changes""").fetchall()
        unchanged = con.execute("SELECT indicator_code, pct_change FROM yoy_comparison WHERE pct_change = 0").fetchall()
    assert rows == [("acc.accidents", 125.0, 108.0, -13.6, -13.6, True), ("acc.deaths", 103.0, 92.0, -10.7, -10.7, True)]
    assert unchanged == [("acc.major_accidents", 0.0)]  # in the comparison table, not among the largest changes


def test_the_summary_page_shows_the_accident_counts_and_both_changes_in_chinese(dongguan):
    _, warehouse = dongguan
    page = (warehouse.parent / "reports" / "index.html").read_text(encoding="utf-8")
    assert ("<td>2024</td><td class=num>125起</td><td>2025</td><td class=num>108起</td>"
            "<td class=num>-13.6%</td><td class=num>-13.6%</td><td>是</td>") in page
    assert "<td class=num>92人</td><td class=num>-10.7%</td><td class=num>-10.7%</td>" in page
    assert "acc.major_accidents</td><td>2024" not in page  # the 0 % change is not among the largest
    chart = (warehouse.parent / "reports" / "charts" / "441900.svg").read_text(encoding="utf-8")
    assert "stroke-dasharray" in chart  # three lines, two of them dashed
