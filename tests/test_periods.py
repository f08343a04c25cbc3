"""period_of: the period a number refers to, table-driven (sentences written for these tests)."""

import pytest

from pipeline.extract import extract_mentions
from pipeline.mention import DocumentContext
from pipeline.periods import PeriodScope, months_covered, period_of
from pipeline.segment import tokenize

REPORT = DocumentContext(report_year=2023, doc_type="annual_report")


@pytest.mark.parametrize("before,period", [
    ("全市检查企业", (2023, "2023")),
    ("2021年，全年检查企业", (2021, "2021")),
    ("2023年1-6月事故", (2023, "2023-01..2023-06")),
    ("1月份全省发生各类生产安全事故", (2023, "2023-01")),
    ("上半年，共排查重大隐患", (2023, "2023-01..2023-06")),
    ("下半年检查企业", (2023, "2023-07..2023-12")),
    ("前三季度，立案查处", (2023, "2023-01..2023-09")),
    ("截至10月底，全市立案查处", (2023, "2023-01..2023-10")),
    ("截至2022年11月，立案查处", (2022, "2022-01..2022-11")),
    ("2022年1月24日，召开会议，检查企业", (2022, "2022")),  # the date of a day says the year only
    ("3月份印发计划，全年检查企业", (2023, "2023")),
    ("生产安全事故起数较2019年下降", (2023, "2023")),  # a comparison base is no period
    ("根据《2021年工作要点》，检查企业", (2023, "2023")),  # nor a title's year
    ("2021年以来，累计检查企业", (2023, "2023")),
    ("2022年(截至9月30日)，全区发生生产安全事故", (2022, "2022-01..2022-09")),  # stays in the year named
    ("今年前7个月，全省较大事故起数同比下降", (2023, "2023-01..2023-07")),
    ("前两个月检查企业", (2023, "2023-01..2023-02")),
])
def test_period_of(before, period):
    assert period_of(before, 2023) == period


@pytest.mark.parametrize("title,report_year,months", [
    ("2022年1-6月全市生产安全事故情况", 2022, (1, 6)),
    ("庆阳市2018年1-10月份安全生产情况通报", 2018, (1, 10)),
    ("2021年6月全省煤矿安全生产简报", 2021, (6, 6)),
    ("2024年上半年安全生产工作总结", 2024, (1, 6)),
    ("2023年法治政府建设年度报告", 2023, (1, 12)),
    ("2020年度上半年应急管理工作总结及下半年重点工作计划", 2020, (1, 6)),  # the first time word is the title's
    ("2022年1-6月全市生产安全事故情况", 2023, (1, 12)),  # another year's part says nothing of this one
    ("", None, (1, 12)),
])
def test_months_a_title_says_its_document_covers(title, report_year, months):
    assert months_covered(title, "", report_year) == months


@pytest.mark.parametrize("opening,months", [
    ("各县(市、区)安委会：\n2021年1-4月，全市各类生产安全事故死亡13人。现将具体情况通报如下：", (1, 4)),
    ("3月24日，市应急管理局通报，今年截至3月22日，全市共发生火灾718起", (1, 3)),  # a day's date passed over
    ("2025年一季度，各区应急管理局坚持严格精准执法，现将有关情况通报如下。", (1, 3)),
    ("2021年，全年共检查企业300家；1-11月，立案查处45件。", (1, 12)),  # 全年 first: the whole year
    ("2021年1月，我局印发《工作要点》。", (1, 12)),  # one month is no part the whole text speaks of
    ("2024年，全县坚持…，一季度全县未发生较大事故。", (1, 12)),  # the first time word is the year's
    ("3月24日，在2022年全市安全生产新闻发布会上通报", (1, 12)),  # a day's date passed over, then the year
])
def test_months_the_opening_says_its_text_covers(opening, months):
    assert months_covered("2021年度法治政府建设工作报告", opening, 2021) == (1, 12)  # a title's time decides
    assert months_covered("", opening, 2021 if "2021" in opening else 2025 if "2025" in opening else 2022) == months


@pytest.mark.parametrize("before,period", [
    ("全市共发生生产安全事故", (2022, "2022-01..2022-06")),  # no time word: the document's months
    ("6月16日20时，某煤矿发生一起运输事故，死亡", (2022, "2022-01..2022-06")),  # a day's date says the year
    ("6月份，全市发生各类生产安全事故", (2022, "2022-06")),  # a time word of its own wins
    ("全年检查企业", (2022, "2022")),
    ("2021年，全市发生事故", (2021, "2021")),
])
def test_a_number_without_a_time_word_is_of_the_months_its_document_covers(before, period):
    assert period_of(before, 2022, (1, 6)) == period


def test_a_bulletins_figures_carry_its_months():
    bulletin = DocumentContext(report_year=2022, doc_type="other", covered_months=(1, 6))
    sentence = "工矿商贸事故16起，死亡19人，比去年同期增加4起、8人。"
    got = {sentence[m.start:m.end]: m.period for m in extract_mentions(sentence, tokenize(sentence), bulletin)}
    assert got["16起"] == got["19人"] == got["4起"] == "2022-01..2022-06"


def test_several_periods_in_one_sentence():
    sentence = "2021年事故120起、死亡95人；2022年事故101起、死亡88人；2023年1-6月事故40起、死亡35人。"
    got = [(sentence[m.start:m.end], m.period) for m in extract_mentions(sentence, tokenize(sentence), REPORT)]
    assert got == [("120起", "2021"), ("95人", "2021"), ("101起", "2022"), ("88人", "2022"),
                   ("40起", "2023-01..2023-06"), ("35人", "2023-01..2023-06")]


def test_a_long_sentence_is_searched_within_the_lookback():
    assert period_of("2021年" + "检查" * 10_000, 2023) == (2023, "2023")


def test_a_value_in_brackets_after_the_basis_is_the_year_before():
    sentence = "2022年1-9月，全区发生生产安全事故3起，同比(7起)下降57.1%，无人死亡，同比（4人）下降100%。"
    found = {sentence[m.start:m.end]: m for m in extract_mentions(sentence, tokenize(sentence), REPORT)}
    assert [found[t].period for t in ("3起", "7起", "57.1%", "4人", "100%")] == [
        "2022-01..2022-09", "2021-01..2021-09", "2022-01..2022-09", "2021-01..2021-09", "2022-01..2022-09"]
    assert [found[t].indicator_code for t in ("7起", "4人", "100%")] == ["acc.accidents", "acc.deaths", "acc.deaths_yoy"]


@pytest.mark.parametrize("sentence,expected", [
    # (last year's value in brackets after its subject) and (after the basis, before the change)
    ("全区发生生产安全事故8起，事故起数同比(去年11起)下降27.3%、死亡人数(去年同期5人)同比持平。",
     {"8起": ("2023", None), "11起": ("2022", "事故起数"), "27.3%": ("2023", "事故起数"),
      "5人": ("2022", "死亡人数")}),
    ("全区发生生产安全事故9起，事故起数同比12起下降25%。", {"12起": ("2022", None), "25%": ("2023", None)}),
    ("全市发生事故70起，同比减少4起。", {"4起": ("2023", None)}),  # the change itself is this year's
])
def test_last_years_values(sentence, expected):
    found = {sentence[m.start:m.end]: m for m in extract_mentions(sentence, tokenize(sentence), REPORT)}
    for text, (period, metric) in expected.items():
        assert found[text].period == period
        assert metric is None or found[text].metric == metric


def test_a_heading_that_names_months_scopes_its_section():
    scope = PeriodScope(2021, (8, 8))  # 2021年8月全省煤矿安全生产简报
    read = [(sentence, scope.months(sentence, new_paragraph=True)) for sentence in [
        "一、8月份全省煤矿事故情况",
        "8月份，全省煤矿发生生产安全事故1起，死亡1人。",
        "二、1~8月份全省煤矿事故情况",
        "(一)按事故等级分",
        "发生一般事故6起，死亡6人。",
        "三、工作措施",
        "检查煤矿120矿次。",
    ]]
    assert [months for _, months in read] == [(8, 8), (8, 8), (1, 8), (1, 8), (1, 8), (8, 8), (8, 8)]


def test_a_paragraph_that_opens_with_months_from_january_is_of_those_months():
    scope = PeriodScope(2025)  # an annual report
    assert scope.months("2025年1-10月，区卫生健康委共作出卫生行政许可3082件。", new_paragraph=True) == (1, 12)
    assert scope.months("共监督检查2081户次，立案处罚264件。", new_paragraph=False) == (1, 10)
    assert scope.months("组织培训12次。", new_paragraph=True) == (1, 12)  # the next paragraph is the year's
    assert scope.months("3月，印发《工作要点》。", new_paragraph=True) == (1, 12)
    assert scope.months("组织培训5次。", new_paragraph=False) == (1, 12)  # one month is no paragraph's
    assert scope.months("2025年治本攻坚任务79项，已完成26项。", new_paragraph=True) == (1, 12)


def test_a_part_headings_months_end_at_the_next_part_and_a_plans_heading_is_the_years():
    scope = PeriodScope(2024, (1, 6))  # 2024年上半年工作总结及下半年工作计划
    read = [scope.months(sentence, new_paragraph=True) for sentence in [
        "一、2024年上半年工作总结及下半年工作计划",  # the heading's first time word
        "检查企业300家。",
        "（一）1-5月事故情况",
        "全区发生事故3起。",
        "（二）执法检查",  # a sibling part without a time word: its section's months again
        "检查企业500家。",
        "二、下一步工作计划",  # a plan's numbers are targets of the year
        "计划检查企业200家。",
    ]]
    assert read == [(1, 6), (1, 6), (1, 5), (1, 5), (1, 6), (1, 6), (1, 12), (1, 12)]


def test_a_sentence_opening_with_months_scopes_the_rest_of_its_paragraph_until_a_new_topic():
    scope = PeriodScope(2022)
    assert scope.months("2021年，全市共发生事故686起。", new_paragraph=True) == (1, 12)
    assert scope.months("2022年1-3月份，全市共发生事故126起。", new_paragraph=False) == (1, 12)
    assert scope.months("其中，工矿商贸事故发生17起。", new_paragraph=False) == (1, 3)
    assert scope.months("截至目前，共排查重大事故隐患347项。", new_paragraph=False) == (1, 12)
    assert scope.months("1-10月，全区共发生事故3起。", new_paragraph=False) == (1, 12)
    assert scope.months("二是强化检查。", new_paragraph=False) == (1, 12)
    assert scope.months("全区共检查企业500家。", new_paragraph=False) == (1, 12)


def test_so_far_this_year_is_the_months_the_document_covers():
    assert period_of("今年以来，全市共发生事故", 2022, (1, 6)) == (2022, "2022-01..2022-06")
    assert period_of("今年以来，全市共发生事故", 2022) == (2022, "2022")
    assert PeriodScope(2022, (1, 6)).months("一、今年以来工作开展情况", new_paragraph=True) == (1, 6)
