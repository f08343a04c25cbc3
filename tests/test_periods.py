"""period_of: the period a number refers to, table-driven (sentences written for these tests)."""

import pytest

from pipeline.extract import extract_mentions
from pipeline.mention import DocumentContext
from pipeline.periods import period_of
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
])
def test_period_of(before, period):
    assert period_of(before, 2023) == period


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
