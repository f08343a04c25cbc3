"""The period a number refers to, from the time words before it in its sentence.

A report mostly speaks of its own year, but real text also gives earlier years and parts of a
year: 2021年事故120起…；2022年事故101起…；2023年1-6月事故40起 holds three periods, and
1月份, 上半年, 前三季度, 截至10月底 and 截至12月13日 are parts of a year that a comparison must
never treat as the whole of it. The last time word before a number wins; a year that is a
comparison base (较2019年, 比上年) or a title's (《2023年工作要点》) names no period. A number with no
time word of its own is of the part of the year its document covers (a bulletin titled 2022年1-6月
全市生产安全事故情况 speaks of January to June throughout: `months_covered`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalise import PART_ENUMERATOR, SECTION_ENUMERATOR

LOOKBACK = 300  # characters of the sentence searched before a number: linear on any sentence

_DASH = "-—–~～至到"
_CN_MONTH = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
_QUARTERS = {"一季度": 3, "第一季度": 3, "上半年": 6, "前三季度": 9, "三季度": 9}
_TITLE = re.compile(r"《[^《》]*》")
# Every match starts with one of these characters (the first of each alternative below): the
# lookahead lets the scan skip every other position at once instead of trying each alternative there.
_TIME_FIRST = "截到\\d十一二三四五六七八九第上前下全今本年"
_TIME = re.compile(
    rf"(?=[{_TIME_FIRST}])"
    rf"(?:(?P<until>截至|截止到?|到)?"
    rf"(?:(?P<year>(?:19|20)\d\d)\s*年(?:度)?)?"
    rf"(?:(?P<first>\d{{1,2}})\s*(?:月份?)?\s*[{_DASH}]\s*(?P<last>\d{{1,2}})\s*月份?"
    rf"|前(?P<upto>\d{{1,2}}|十[一二]?|[一二三四五六七八九两])\s*个?月份?"
    rf"|(?P<month>\d{{1,2}}|十[一二]?|[一二三四五六七八九])\s*月(?:份|底|末)?(?:(?P<day>\d{{1,2}})\s*[日号])?"
    rf"|(?P<qfirst>[1-4一二三四])\s*[{_DASH}]\s*(?P<qlast>[1-4一二三四])\s*季度"
    rf"|(?P<part>第?一季度|上半年|前三季度|下半年))"
    rf"|(?<![较比与同由从])(?P<alone>(?:19|20)\d\d)\s*年(?:度)?(?![以的底初末前后起]|[{_DASH}]\d|\d)"
    rf"|(?P<whole>全年|今年|本年度|年内))"
)


WHOLE_YEAR = (1, 12)
_SO_FAR = re.compile(r"以来")


def period_of(before: str, report_year: int | None, covered: tuple[int, int] = WHOLE_YEAR,
              ) -> tuple[int | None, str | None]:
    """(year, period) of a number whose sentence text before it is `before`: period is the year
    ('2021') or a part of it ('2023-01..2023-06', '2023-01' for one month). `covered` (first, last
    month) is the part of the report year the document covers: the period of a number without a
    time word of its own, or with only the date of a day."""
    year, (first, last) = _year_and_months(before, report_year, covered)
    if year is None:
        return None, None
    if (first, last) == WHOLE_YEAR:
        return year, str(year)
    if first == last:
        return year, f"{year}-{first:02d}"
    return year, f"{year}-{first:02d}..{year}-{last:02d}"


def _year_and_months(before: str, report_year: int | None, covered: tuple[int, int],
                     ) -> tuple[int | None, tuple[int, int]]:
    """The year and (first, last) month the last time word of `before` names (see `period_of`);
    the whole year for a range no calendar has."""
    text = _without_titles(before[-LOOKBACK:])
    year, (first, last) = report_year, covered
    for found in _TIME.finditer(text):
        if found.group("whole"):  # 2021年，全年…: the whole of the year named before
            # …but 今年以来 is the year so far: the months the document covers
            first, last = covered if _SO_FAR.match(text, found.end()) else WHOLE_YEAR
        elif found.group("alone"):
            year, first, last = int(found.group("alone")), 1, 12
        else:
            # 2025年(截至12月4日): a time word without a year stays in the year named before it
            year = int(found.group("year")) if found.group("year") else year
            # 2022年1月24日, the date of a day, says the year only
            dated = found.group("day") and not found.group("until")
            first, last = (covered if year == report_year else WHOLE_YEAR) if dated else _months(found)
    return year, ((first, last) if 1 <= first <= last <= 12 else WHOLE_YEAR)


def _without_titles(text: str) -> str:
    """`text` with its 《titles》 blanked, offsets kept: a title's year (《2023年工作要点》) names no period."""
    return _TITLE.sub(lambda m: "□" * len(m.group()), text)


def months_covered(title: str, opening: str, report_year: int | None) -> tuple[int, int]:
    """(first, last) month of the report year that a document covers, from its title: (1, 6) for
    2022年1-6月全市生产安全事故情况 or 2016年上半年安全生产工作总结, (6, 6) for 2021年6月煤矿安全生产简报
    (the title's first time word: 上半年工作总结及下半年工作计划 sums up the first half; 2023年度 the
    whole year); when the title names no time, from the first time word of its opening, when that
    names months from January to before December (2021年1-4月，全市…现将具体情况通报如下; 今年截至3月
    22日，全市共发生火灾718起). A day's date (3月24日，…) is passed over; any other first time word
    (2022年，…) makes the text the whole year's."""
    if first := _first_time_word(title):
        return _months_of(first, report_year)
    months = _months_of(_first_time_word(opening[:_OPENING_CHARS]), report_year)
    return months if months[0] == 1 and 1 < months[1] < 12 else WHOLE_YEAR


_OPENING_CHARS = 200


def _first_time_word(text: str) -> str:
    """The first time word of `text` that is no day's date, with a year or 今年 right before it
    (今年截至3月22日, 2021年1-4月); '' when there is none."""
    text = _without_titles(text)
    start = None
    for found in _TIME.finditer(text):
        if found.group("day") and not found.group("until") or _SO_FAR.match(text, found.end()):
            continue  # a day's date, or 今年以来 (so far): no months of their own
        start = found.start() if start is None else start
        following = _TIME.match(text, found.end())
        if not ((found.group("alone") or found.group("whole") == "今年") and following):
            return text[start:found.end()]
    return ""


def _months_of(time_words: str, report_year: int | None) -> tuple[int, int]:
    """(first, last) month of the report year that `time_words` name; the whole year for another year's."""
    year, months = _year_and_months(time_words, report_year, WHOLE_YEAR)
    return months if year is not None and year == report_year else WHOLE_YEAR


def _months(found: re.Match[str]) -> tuple[int, int]:
    """First and last month of a time word: 1-6月 (1, 6), 上半年 (1, 6), 截至10月 (1, 10), 前7个月 (1, 7),
    3月 (3, 3)."""
    if found.group("first"):
        return int(found.group("first")), int(found.group("last"))
    if found.group("qfirst"):  # 1-3季度: January to September
        return 3 * _quarter(found.group("qfirst")) - 2, 3 * _quarter(found.group("qlast"))
    if found.group("part"):
        part = found.group("part")
        return (7, 12) if part == "下半年" else (1, _QUARTERS[part])
    if found.group("upto"):  # 前7个月: January to July
        return 1, _month_number(found.group("upto"))
    month = found.group("month")
    number = _month_number(month)
    return (1, number) if found.group("until") else (number, number)


def _month_number(numeral: str) -> int:
    return int(numeral) if numeral.isdigit() else _CN_MONTH[numeral]


def _quarter(numeral: str) -> int:
    return int(numeral) if numeral.isdigit() else _CN_MONTH[numeral]


# a heading's enumerator: 二、 opens a section, (一) a part of one (followed by anything, 二、1~8月份…)
_SECTION_HEADING = re.compile(SECTION_ENUMERATOR)
_PART_HEADING = re.compile(PART_ENUMERATOR)
_HEADING_MAX = 40
_OPENING_PHRASE = re.compile(r"[^，,：:。]{0,24}[，,：:]")
# a sentence that opens a new item (二是…) or speaks of the present (截至目前，…) ends a paragraph's months
_NEW_TOPIC = re.compile(r"\s*(?:[一二三四五六七八九十]是|截至目前|截止目前|目前)")
# a section of what is to be done: its numbers are targets of the year, whatever the months summed up
_PLAN_HEADING = re.compile(r"计划|下一步|打算|思路|安排|工作要点|重点工作")


@dataclass
class PeriodScope:
    """The months in force for the numbers of a document without a time word of their own, as its
    sentences are read in order: the document's (`months_covered`); under a heading that names a
    time (二、1~8月份全省煤矿事故情况, （一）1-10月事故情况), the heading's first time word's, until the
    next heading of its level or above; under a plan's heading (二、下一步工作计划), the whole year;
    after a sentence that opens with months from January (2025年1-10月，区卫健委共作出行政许可3082件。
    共监督检查2081户次…), those months, to the paragraph's end or the next sentence that opens with a
    time word, a new item (二是…) or the present (截至目前，…)."""

    report_year: int | None
    document: tuple[int, int] = WHOLE_YEAR
    section: tuple[int, int] | None = None
    part: tuple[int, int] | None = None
    paragraph: tuple[int, int] | None = None

    def months(self, sentence: str, new_paragraph: bool) -> tuple[int, int]:
        """The months in force for the numbers of `sentence`, the next sentence of the document
        (`new_paragraph`: the first of its paragraph); takes in what it says for the ones after it."""
        section = _SECTION_HEADING.match(sentence)
        if (section or _PART_HEADING.match(sentence)) and len(sentence) <= _HEADING_MAX:
            named = _first_time_word(sentence)
            months = _months_of(named, self.report_year) if named else \
                WHOLE_YEAR if _PLAN_HEADING.search(sentence) else None
            if section:
                self.section, self.part = months, None
            else:
                self.part = months
        if new_paragraph or _NEW_TOPIC.match(sentence):
            self.paragraph = None
        in_force = self.paragraph or self.part or self.section or self.document
        opening = _OPENING_PHRASE.match(sentence)
        if opening and (first := _TIME.search(opening.group())) and first.start() <= 2:
            months = _months_of(opening.group(), self.report_year)
            self.paragraph = months if months[0] == 1 and 1 < months[1] < 12 else None
        return in_force
