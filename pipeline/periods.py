"""The period a number refers to, from the time words before it in its sentence.

A report mostly speaks of its own year, but real text also gives earlier years and parts of a
year: 2021年事故120起…；2022年事故101起…；2023年1-6月事故40起 holds three periods, and
1月份, 上半年, 前三季度, 截至10月底 and 截至12月13日 are parts of a year that a comparison must
never treat as the whole of it. The last time word before a number wins; a year that is a
comparison base (较2019年, 比上年) or a title's (《2023年工作要点》) names no period.
"""

from __future__ import annotations

import re

LOOKBACK = 300  # characters of the sentence searched before a number: linear on any sentence

_DASH = "-—–~～至到"
_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
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
    rf"|(?P<month>\d{{1,2}}|十[一二]?|[一二三四五六七八九])\s*月(?:份|底|末)?(?:(?P<day>\d{{1,2}})\s*[日号])?"
    rf"|(?P<part>第?一季度|上半年|前三季度|下半年))"
    rf"|(?<![较比与同由从])(?P<alone>(?:19|20)\d\d)\s*年(?:度)?(?![以的底初末前后起]|[{_DASH}]\d|\d)"
    rf"|(?P<whole>全年|今年|本年度|年内))"
)


def period_of(before: str, report_year: int | None) -> tuple[int | None, str | None]:
    """(year, period) of a number whose sentence text before it is `before`: period is the year
    ('2021') or a part of it ('2023-01..2023-06', '2023-01' for one month)."""
    text = _TITLE.sub(lambda m: "□" * len(m.group()), before[-LOOKBACK:])
    year, first, last = report_year, 1, 12
    for found in _TIME.finditer(text):
        if found.group("whole"):  # 2021年，全年…: the whole of the year named before
            first, last = 1, 12
        elif found.group("alone"):
            year, first, last = int(found.group("alone")), 1, 12
        else:
            # 2025年(截至12月4日): a time word without a year stays in the year named before it
            year = int(found.group("year")) if found.group("year") else year
            # 2022年1月24日, the date of a day, says the year only
            first, last = (1, 12) if found.group("day") and not found.group("until") else _months(found)
    if year is None:
        return None, None
    if (first, last) == (1, 12) or not 1 <= first <= last <= 12:
        return year, str(year)
    if first == last:
        return year, f"{year}-{first:02d}"
    return year, f"{year}-{first:02d}..{year}-{last:02d}"


def _months(found: re.Match[str]) -> tuple[int, int]:
    """First and last month of a time word: 1-6月 (1, 6), 上半年 (1, 6), 截至10月 (1, 10), 3月 (3, 3)."""
    if found.group("first"):
        return int(found.group("first")), int(found.group("last"))
    if found.group("part"):
        part = found.group("part")
        return (7, 12) if part == "下半年" else (1, _QUARTERS[part])
    month = found.group("month")
    number = int(month) if month.isdigit() else _CN_MONTH[month]
    return (1, number) if found.group("until") else (number, number)
