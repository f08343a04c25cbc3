import pandas as pd
import pytest

from pipeline.charts import main_indicators, refresh_charts


def panel(rows):
    return pd.DataFrame(rows, columns=["region_code", "indicator_code", "year", "value", "unit", "chosen_by"])


TWO_YEARS = [("320500", "enf.fines", 2021, 5e7, "元", "report of the year"),
             ("320500", "enf.fines", 2022, 6e7, "元", "report of the year"),
             ("320500", "enf.cases_filed", 2022, 1200.0, "件", "report of the year")]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (TWO_YEARS, ["enf.fines"]),
        (TWO_YEARS[2:], []),
        ([(r, c, y, 1.0, "件", "x") for r, c, y in [("1", "b", 2020), ("1", "b", 2021), ("1", "a", 2020),
                                                    ("1", "a", 2021), ("1", "c", 2019), ("1", "c", 2020),
                                                    ("1", "c", 2021)]], ["c", "a", "b"]),
    ],
)
def test_main_indicators_are_those_with_most_years(rows, expected):
    assert main_indicators(panel(rows)) == expected


def test_charts_are_drawn_once_and_dropped_with_their_region(tmp_path):
    names = {"320500": "苏州市"}
    first = refresh_charts(panel(TWO_YEARS), names, tmp_path)
    assert first.redrawn == ["苏州市"] and (tmp_path / "320500.png").read_bytes().startswith(b"\x89PNG")
    again = refresh_charts(panel(TWO_YEARS), names, tmp_path)
    assert again.unchanged and again.redrawn == []
    gone = refresh_charts(panel(TWO_YEARS[2:]), names, tmp_path)
    assert gone.removed == 1 and not (tmp_path / "320500.png").exists()
