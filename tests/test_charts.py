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
    assert "苏州市（320500）主要指标走势 main indicators over the years" in texts(root)
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
    markers = [e for e in root.iter() if e.get("class") == "marker"]
    assert len(markers) == sum(points) + len(points)  # at each point, one per legend entry
    # middle-anchored texts: the title, the y label, then the x ticks
    assert [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "middle"][2:] == x_ticks
    assert "指数，首年 = 100 (index, first year = 100)" in texts(root) and "100" in y_tick_labels(root)


def test_the_legend_names_the_indicator_when_the_panel_has_the_name():
    frame = panel(TWO_YEARS).assign(indicator="罚没款金额")
    assert "罚没款金额 enf.fines" in texts(svg(region_chart("320500", "苏州市", frame, ["enf.fines"])))
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


CHANGE_COLUMNS = ["region", "indicator_code", "indicator", "prev_year", "prev_value", "year", "value", "unit",
                  "pct_change", "abs_change", "reported_pct_change", "stated_change_agrees", "gap_years"]


def test_summary_page_gives_each_region_its_own_years_and_values_in_chinese(tmp_path):
    report = "report of the year"
    profile = pd.DataFrame(
        [("苏州市", "320500", "enf.fines", "罚款金额", 2021, 5e7, "元", report, False, [5e7]),
         ("苏州市", "320500", "enf.fines", "罚款金额", 2022, 1.9e8, "元", report, False, [1.9e8]),
         ("苏州市", "320500", "enf.cases_filed", None, 2022, 1200.0, "件", report, False, None),
         ("张家港市", "320582", "enf.cases_filed", "立案数", 2019, 80.0, "件", report, False, [80.0])],
        columns=["region", "region_code", "indicator_code", "indicator", "year", "value", "unit", "chosen_by",
                 "conflict", "value_options"])
    changes = pd.DataFrame([("苏州市", "enf.fines", "罚款金额", 2021, 5e7, 2022, 1.9e8, "元", 280.0, 1.4e8, 279.9, True, 1),
                            ("苏州市", "svc.online_rate", "网办率", 2020, 74.0, 2021, 52.0, "%", -29.7297, -22.0, None, None, 1)],
                           columns=CHANGE_COLUMNS)
    (tmp_path / "charts").mkdir()
    (tmp_path / "charts" / "320500.svg").write_text("<svg/>")
    page = summary_page(profile, changes, tmp_path / "charts", "audit/index.html")
    suzhou = page[page.index('<h2 id="320500">'):]
    zhangjiagang = page[page.index('<h2 id="320582">'):page.index('<h2 id="320500">')]
    assert '<img src="charts/320500.svg"' in suzhou and "<img" not in zhangjiagang
    assert "<th>指标<small>indicator</small></th><th>代码<small>code</small></th><th class=num>2021</th><th class=num>2022</th>" in suzhou
    assert "2019" not in suzhou
    assert ("<tr><td>罚款金额</td><td>enf.fines</td><td class=num>5,000.00万元</td><td class=num>1.90亿元</td></tr>"
            in suzhou)
    assert "<tr><td></td><td>enf.cases_filed</td><td class=num></td><td class=num>1,200件</td></tr>" in suzhou
    assert "<th class=num>2019</th></tr>" in zhangjiagang and "数值取舍" not in page  # nothing had to be chosen
    assert ("<tr><td>苏州市</td><td>罚款金额</td><td>enf.fines</td><td>2021</td><td class=num>5,000.00万元</td>"
            "<td>2022</td><td class=num>1.90亿元</td><td class=num>+280.0%</td><td class=num>+279.9%</td>"
            "<td>是</td><td>1</td></tr>") in page
    assert "<th class=num>同比变化<small>pct_change</small></th><th class=num>报告所述变化<small>reported</small></th>" in page
    # a percentage changes by points: 74% → 52% is -22.0个百分点, with the relative change a report may state
    assert "<td class=num>52.00%</td><td class=num>-22.0个百分点（-29.7%）</td>" in page


def test_summary_page_shows_the_alternatives_and_the_rule_where_a_value_was_chosen(tmp_path):
    profile = pd.DataFrame(
        [("张家港市", "320582", "enf.cases_filed", "立案数", 2022, 80.0, "件", "report of the year", True, [80.0, 95.0]),
         ("张家港市", "320582", "enf.fines", "罚款金额", 2021, 3e6, "元", "restated in a later report", False, [3e6])],
        columns=["region", "region_code", "indicator_code", "indicator", "year", "value", "unit", "chosen_by",
                 "conflict", "value_options"])
    page = summary_page(profile, pd.DataFrame(columns=CHANGE_COLUMNS), tmp_path / "charts", "audit/index.html")
    notes = page[page.index("数值取舍"):]
    assert "<tr><td>立案数</td><td>enf.cases_filed</td><td>2022</td><td class=num>80件</td><td>95件</td>" \
           "<td>当年报告</td><td>是</td></tr>" in notes
    assert "<tr><td>罚款金额</td><td>enf.fines</td><td>2021</td><td class=num>300.00万元</td><td></td>" \
           "<td>后续报告追述</td><td></td></tr>" in notes
    assert "当年的报告优先于后续报告的追述" in page


def test_a_part_of_a_year_is_shown_with_its_months_and_never_drawn(tmp_path):
    """曲靖市 2022 gives accidents for June only: the table says so, the chart draws 2020-2021 alone
    (a half-year beside whole years would show a fall that is not there)."""
    profile = pd.DataFrame(
        [("曲靖市", "530300", "acc.accidents", "事故起数", 2020, 170.0, "起", "report of the year", False, [170.0], ""),
         ("曲靖市", "530300", "acc.accidents", "事故起数", 2021, 183.0, "起", "report of the year", False, [183.0], ""),
         ("曲靖市", "530300", "acc.accidents", "事故起数", 2022, 12.0, "起", "partial period only", False, None, "06"),
         ("曲靖市", "530300", "acc.deaths", "死亡人数", 2022, 53.0, "人", "partial period only", False, None, "01..06")],
        columns=["region", "region_code", "indicator_code", "indicator", "year", "value", "unit", "chosen_by",
                 "conflict", "value_options", "months"])
    refresh_charts(profile, {"530300": "曲靖市"}, tmp_path / "charts")
    chart = svg((tmp_path / "charts" / "530300.svg").read_text(encoding="utf-8"))
    [line] = list(chart.iter(f"{SVG}polyline"))
    assert len(line.get("points").split()) == 2  # 2020 and 2021 only
    page = summary_page(profile, pd.DataFrame(columns=CHANGE_COLUMNS), tmp_path / "charts", "audit/index.html")
    assert ("<tr><td>事故起数</td><td>acc.accidents</td><td class=num>170起</td><td class=num>183起</td>"
            "<td class=num>12起（06月）</td></tr>") in page
    assert "<td class=num>53人（01-06月）</td></tr>" in page


def test_a_change_over_part_of_two_years_says_which_part(tmp_path):
    changes = pd.DataFrame([("曲靖市", "acc.accidents", "事故起数", 2021, 70.0, 2022, 61.0, "起", -12.9, -9.0, None, None, 1,
                             "01..06")], columns=[*CHANGE_COLUMNS, "months"])
    page = summary_page(pd.DataFrame(columns=["region", "region_code", "indicator_code", "indicator", "year", "value", "unit",
                                              "chosen_by", "conflict", "value_options", "months"]),
                        changes, tmp_path / "charts", "audit/index.html")
    assert ("<td>2021（01-06月）</td><td class=num>70起</td><td>2022（01-06月）</td><td class=num>61起</td>"
            "<td class=num>-12.9%</td>") in page


def test_html_table_escapes_text_and_blanks_missing_values():
    table = html_table(["a<b"], [["<script>"], [float("nan")], [None], [1234.5678], [55.44]])
    assert "<th>a&lt;b</th>" in table and "&lt;script&gt;" in table
    assert table.count("<td></td>") == 2 and "<td>1,235</td>" in table and "<td>55.44</td>" in table


def test_lines_on_top_of_each_other_stay_distinguishable():
    """Four indicators with the same index (all fell by a third) draw one over the other: each line
    still has its own dash pattern and marker, and the legend shows the same."""
    same = [(2021, 100.0), (2022, 66.7)]
    root = svg(line_chart("t", [Line(f"l{i}", same) for i in range(4)], [2021, 2022], "index", reference=100))
    groups = [g for g in root.iter(f"{SVG}g") if g.find(f"{SVG}polyline") is not None]
    looks = set()
    for group in groups:
        line = group.find(f"{SVG}polyline")
        first_marker = next(e for e in group if e.get("class") == "marker")
        looks.add((line.get("stroke-dasharray"), first_marker.tag, first_marker.get("fill") == "white"))
    assert len(groups) == 4 and len(looks) == 4
    assert len({(g.find(f"{SVG}polyline").get("stroke-dasharray")) for g in groups}) == 4  # dashes alone tell them apart
