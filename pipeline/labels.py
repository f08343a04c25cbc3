"""How values and columns are shown to Chinese readers: labels, number formats, aligned text tables.

One place for the pages (summary, audit) and the command line, so that a value reads the same
everywhere: money in 亿元 or 万元 with two decimals (1.90亿元), other amounts with grouped digits
(6,517件), percentages with fixed decimals (levels 99.85%, changes +20.0%). The command line's
`compare` table is made here too.
"""

from __future__ import annotations

import difflib
import math
import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd

KIND = {"count": "计数", "money": "金额", "ratio": "比率", "change": "变化", "duration": "时长", "target": "目标"}
QUALIFIER = {"over": "超过", "approx": "约", "at_least": "至少", "at_most": "至多", "under": "不足"}
DIRECTION = {"up": "上升", "down": "下降"}
CONFIDENCE = {"high": "高", "medium": "中", "low": "低"}
# indicator_panel.chosen_by: which of several values for one region, year and code was kept.
CHOSEN_BY = {
    "report of the year": "当年报告",
    "restated in a later report": "后续报告追述",
    "partial period only": "仅有部分期间",
    "sub-count only": "仅有其中分项",
}
CHOICE_RULE = ("同一地区、年份、指标有多个数值时：当年的报告优先于后续报告的追述，全年数优先于部分期间，"
               "同一报告中总数优先于“其中”分项，再取最新发布的报告；各报告的全年数不一致时标为冲突，列出全部数值。")


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or repr(value) in ("<NA>", "NaT")


def number(value: float) -> str:
    """6,517 / 190,000,000 / 55.44: digits grouped, at most four decimals, no float noise."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4f}".rstrip("0")


def amount(value: object, unit: str | None) -> str:
    """A value with its unit: 1.90亿元, 25.00万元, 800元, 6,517件, 99.85%; '' when missing."""
    if _missing(value):
        return ""
    value = float(value)  # type: ignore[arg-type]
    unit = unit or ""
    if unit == "元" and abs(value) >= 1e8:
        return f"{value / 1e8:,.2f}亿元"
    if unit == "元" and abs(value) >= 1e4:
        return f"{value / 1e4:,.2f}万元"
    if unit == "%":
        return f"{value:.2f}%"
    return number(value) + unit


def months(value: object) -> str:
    """The months of a partial period as a suffix (（01-11月）, （06月）); '' for a whole year."""
    return "" if _missing(value) or not value else f"（{str(value).replace('..', '-')}月）"


def change(value: object) -> str:
    """A change in percent with its sign and one decimal (+20.0%, -38.6%); '' when missing."""
    return "" if _missing(value) else f"{float(value):+.1f}%"  # type: ignore[arg-type]


def year_change(pct_change: object, abs_change: object, unit: str | None) -> str:
    """A computed change from the year before: of a percentage in percentage points, with the relative
    change a report may state beside it (74% → 52%: -22.0个百分点（-29.7%）, never a bare -29.7% that
    reads as points); of anything else in percent (+20.0%)."""
    if unit == "%" and not _missing(abs_change):
        relative = f"（{change(pct_change)}）" if not _missing(pct_change) else ""
        return f"{float(abs_change):+.1f}个百分点{relative}"  # type: ignore[arg-type]
    return change(pct_change)


def year(value: object) -> str:
    return "" if _missing(value) else str(int(value))  # type: ignore[call-overload]


def yes_no(value: object) -> str:
    """是 / 否 for a boolean; '' when missing (a comparison that could not be made)."""
    return "" if _missing(value) else ("是" if value else "否")


def yes(value: object) -> str:
    """是 for true; '' for false or missing, so that a column of flags shows only the flagged rows."""
    return "是" if not _missing(value) and value else ""


def text(value: object) -> str:
    """Anything else as text; '' when missing."""
    return "" if _missing(value) else str(value)


def options(value: object) -> list[float]:
    """The values of a value_options cell (a list, or an array from a DataFrame); none when missing."""
    return [float(v) for v in value] if isinstance(value, list | tuple | np.ndarray) else []


def width(cell: str) -> int:
    """Columns a terminal gives the text: two for each wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in cell)


def text_table(columns: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[bool] | None = None) -> str:
    """Columns aligned for a terminal, CJK counted double; `right` aligns numeric columns right."""
    right = right or [False] * len(columns)
    widths = [max(width(str(cell)) for cell in column) for column in zip(columns, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        padded = []
        for cell, size, flush_right in zip(cells, widths, right, strict=True):
            pad = " " * (size - width(cell))
            padded.append(pad + cell if flush_right else cell + pad)
        return "  ".join(padded).rstrip()

    return "\n".join([line(columns), *(line(row) for row in rows)])


# The columns `compare` prints: Chinese heads, the code as the second column.
COMPARE_COLUMNS = ["指标", "代码", "年份", "数值", "对比年份", "同比变化", "报告所述变化", "取值依据", "其他报告数值"]


def compare_table(frame: pd.DataFrame) -> str:
    """A region's values (pipeline/sql/region_values.sql) as an aligned table for a terminal: the
    computed change beside the one the report states, how the value was chosen and what other
    reports gave for the year."""
    rows = []
    for row in frame.itertuples(index=False):
        others = "、".join(amount(v, row.unit) for v in options(row.value_options) if v != row.value)
        rows.append([text(row.indicator), row.indicator_code, year(row.year) + months(row.months),  # 2023（01-11月）
                     amount(row.value, row.unit), year(row.prev_year), year_change(row.pct_change, row.abs_change, row.unit),
                     change(row.reported_pct_change), CHOSEN_BY.get(row.chosen_by, row.chosen_by),
                     others + ("（冲突）" if others and yes(row.conflict) else "")])
    numeric = [c in ("数值", "同比变化", "报告所述变化") for c in COMPARE_COLUMNS]
    return text_table(COMPARE_COLUMNS, rows, numeric)


def close_codes(code: str, known: list[str]) -> list[str]:
    """Codes like the one given (a typo, a missing prefix), closest first."""
    by_name = [c for c in known if c.split(".")[-1] == code]
    return list(dict.fromkeys(by_name + difflib.get_close_matches(code, known, n=5, cutoff=0.6)))[:5]
