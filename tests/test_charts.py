import json
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from pipeline.charts import html_table, main_indicators, refresh_charts, region_chart, summary_page
from pipeline.svg_chart import Line, line_chart

SVG = "{http://www.w3.org/2000/svg}"


def panel(rows):
    return pd.DataFrame(rows, columns=["region_code", "indicator_code", "year", "value", "unit", "chosen_by"])


def svg(text):
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    return root


def texts(root):
    return [element.text for element in root.iter(f"{SVG}text")]


def plot_frame(root):
    """Top and bottom of the plot area: the frame is the one unfilled rect."""
    frame = next(rect for rect in root.iter(f"{SVG}rect") if rect.get("fill") == "none")
    return float(frame.get("y")), float(frame.get("y")) + float(frame.get("height"))


def y_tick_labels(root):
    """The y tick labels: right-aligned texts left of the plot."""
    return [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end"]


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
    root = svg((tmp_path / "320500.svg").read_text(encoding="utf-8"))
    assert first.redrawn == ["苏州市"] and len(list(root.iter(f"{SVG}polyline"))) == 1
    assert "苏州市 (320500): main indicators over the years" in texts(root)
    again = refresh_charts(panel(TWO_YEARS), names, tmp_path)
    assert again.unchanged and again.redrawn == []
    gone = refresh_charts(panel(TWO_YEARS[2:]), names, tmp_path)
    assert gone.removed == 1 and not (tmp_path / "320500.svg").exists()


def test_only_the_changed_region_is_redrawn(tmp_path):
    other = [("320582", code, year, value, unit, by) for _, code, year, value, unit, by in TWO_YEARS]
    names = {"320500": "苏州市", "320582": "张家港市"}
    assert refresh_charts(panel(TWO_YEARS + other), names, tmp_path).redrawn == ["苏州市", "张家港市"]
    changed = other[:1] + [other[1][:3] + (6.5e7,) + other[1][4:]] + other[2:]
    assert refresh_charts(panel(TWO_YEARS + changed), names, tmp_path).redrawn == ["张家港市"]


def test_png_charts_of_an_older_version_are_replaced(tmp_path):
    (tmp_path / "320500.png").write_bytes(b"\x89PNG")
    (tmp_path / "110000.png").write_bytes(b"\x89PNG")
    (tmp_path / "charts.json").write_text(json.dumps({"*": "an older fingerprint", "320500": "an older one"}))
    report = refresh_charts(panel(TWO_YEARS), {"320500": "苏州市"}, tmp_path)
    assert report.redrawn == ["苏州市"] and report.removed == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["320500.svg", "charts.json"]


def years_of(values):
    return [("1", "a", 2018 + i, value, "件", "x") for i, value in enumerate(values)]


@pytest.mark.parametrize(
    ("rows", "points", "x_ticks"),
    [
        (years_of([10, 12]), [2], ["2018", "2019"]),
        (years_of([10, 12, 9, 15, 20]), [5], ["2018", "2019", "2020", "2021", "2022"]),
        # b starts at 0: no index, no line (its years are still on the axis)
        (years_of([10, 12]) + [("1", "b", 2019, 0.0, "件", "x"), ("1", "b", 2020, 4.0, "件", "x")], [2],
         ["2018", "2019", "2020"]),
    ],
)
def test_region_chart_draws_a_line_per_indexed_indicator(rows, points, x_ticks):
    frame = panel(rows)
    root = svg(region_chart("1", "某市", frame, main_indicators(frame)))
    assert [len(line.get("points").split()) for line in root.iter(f"{SVG}polyline")] == points
    assert len(list(root.iter(f"{SVG}circle"))) == sum(points) + len(points)  # at each point, one per legend entry
    # middle-anchored texts: the title, the y label, then the x ticks
    assert [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "middle"][2:] == x_ticks
    assert "index, first year = 100" in texts(root) and "100" in y_tick_labels(root)


def test_the_legend_names_the_indicator_when_the_panel_has_the_name():
    frame = panel(TWO_YEARS).assign(indicator="罚没款金额")
    assert "enf.fines 罚没款金额" in texts(svg(region_chart("320500", "苏州市", frame, ["enf.fines"])))
    assert "enf.fines" in texts(svg(region_chart("320500", "苏州市", panel(TWO_YEARS), ["enf.fines"])))


@pytest.mark.parametrize(
    "points",
    [
        [(2020, 100.0), (2021, -250.0), (2022, -1300.0)],
        [(2020, 100.0), (2021, 4e11), (2022, 2.5e12)],
        [(2020, 100.0), (2021, 100.0)],
        [(2020, 100.0), (2021, 100.004)],
        [(2020, 100.0), (2021, float("inf")), (2022, float("nan"))],
    ],
)
def test_the_y_axis_stays_sane(points):
    root = svg(line_chart("t", [Line("a", points)], [2020, 2021, 2022], "index", reference=100))
    labels = y_tick_labels(root)
    assert 3 <= len(labels) <= 8 and len(set(labels)) == len(labels) and all(len(label) <= 10 for label in labels)
    top, bottom = plot_frame(root)
    (polyline,) = root.iter(f"{SVG}polyline")
    assert all(top <= float(point.split(",")[1]) <= bottom for point in polyline.get("points").split())


def test_text_is_escaped():
    root = svg(line_chart("<A & B>", [Line("x<y & z>w", [(1, 100.0), (2, 110.0)])], [1, 2], "a < b", reference=100))
    assert {"<A & B>", "x<y & z>w", "a < b"} <= set(texts(root))


def test_summary_page_gives_each_region_its_own_years_and_values(tmp_path):
    profile = pd.DataFrame(
        [("苏州市", "320500", "enf.fines", "罚款金额", 2021, 5e7, "元"),
         ("苏州市", "320500", "enf.fines", "罚款金额", 2022, 6.25e7, "元"),
         ("苏州市", "320500", "enf.cases_filed", None, 2022, 1200.0, "件"),
         ("张家港市", "320582", "enf.cases_filed", "立案数", 2019, 80.0, "件")],
        columns=["region", "region_code", "indicator_code", "indicator", "year", "value", "unit"])
    changes = pd.DataFrame({"region": ["苏州市"], "pct_change": [25.0], "reported_pct_change": [None]})
    (tmp_path / "charts").mkdir()
    (tmp_path / "charts" / "320500.svg").write_text("<svg/>")
    page = summary_page(profile, changes, tmp_path / "charts", "audit/index.html")
    suzhou = page[page.index('<h2 id="320500">'):]
    zhangjiagang = page[page.index('<h2 id="320582">'):page.index('<h2 id="320500">')]
    assert '<img src="charts/320500.svg"' in suzhou and "<img" not in zhangjiagang
    assert "<th>2021</th><th>2022</th>" in suzhou and "2019" not in suzhou
    assert "<tr><td>enf.fines</td><td>罚款金额</td><td>元</td><td>50,000,000</td><td>62,500,000</td></tr>" in suzhou
    assert "<tr><td>enf.cases_filed</td><td></td><td>件</td><td></td><td>1,200</td></tr>" in suzhou
    assert "<th>2019</th></tr>" in zhangjiagang
    assert "<tr><td>苏州市</td><td>25</td><td></td></tr>" in page


def test_html_table_escapes_text_and_blanks_missing_values():
    table = html_table(["a<b"], [["<script>"], [float("nan")], [None], [1234.5678], [55.44]])
    assert "<th>a&lt;b</th>" in table and "&lt;script&gt;" in table
    assert table.count("<td></td>") == 2 and "<td>1,235</td>" in table and "<td>55.44</td>" in table
