import pytest

from pipeline.labels import amount, change, close_codes, text_table, width


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [(190_000_000.0, "元", "1.90亿元"), (18_200_000.0, "元", "1,820.00万元"), (9_000.0, "元", "9,000元"),
     (6517.0, "件", "6,517件"), (2.5e5, "人次", "250,000人次"), (99.85, "%", "99.85%"), (74.0, "%", "74.00%"),
     (55.44, "小时", "55.44小时"), (float("nan"), "元", ""), (None, "件", "")],
)
def test_values_read_the_same_everywhere(value, unit, shown):
    assert amount(value, unit) == shown


def test_changes_have_a_sign_and_one_decimal():
    assert [change(v) for v in (20.0, -38.62, 0.0, None)] == ["+20.0%", "-38.6%", "+0.0%", ""]


def test_text_tables_align_chinese_by_its_width_on_a_terminal():
    table = text_table(["指标", "数值"], [["罚没款金额", "1.90亿元"], ["立案数", "6,517件"]], [False, True])
    lines = table.splitlines()
    assert {width(line) for line in lines} == {width(lines[1])}  # every row ends in the same column
    assert lines[2].endswith(" 6,517件") and lines[2].startswith("立案数    ")


def test_close_codes_catch_a_typo_and_a_missing_prefix():
    known = ["acc.accidents", "acc.deaths", "enf.fines", "enf.cases_filed"]
    assert close_codes("enf.fine", known)[0] == "enf.fines"
    assert close_codes("deaths", known) == ["acc.deaths"]
    assert close_codes("zzz", known) == []
