"""Turn a written number into its value: Arabic, Chinese, formal Chinese and mixed forms.

Accepted: 6517, 1,234, 38.6, 1.90亿, 3017.1677万, 2万6千, 两万六千, 叁万伍仟, 十九, 〇, 一半 (50),
百分之三十八点六 (38.6). A trailing 余 / 多 (2330余, 十余万) is ignored for the value; the
qualifier it carries is the caller's business. Values are computed with Decimal so that
1.90亿 is exactly 190000000.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6,
    "柒": 7, "捌": 8, "玖": 9, "兩": 2,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
# Characters a written number may consist of (used by the extractor's candidate regex).
NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "点點"

_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")
_PIECE = re.compile(r"(\d+(?:\.\d+)?)|([" + "".join(CN_DIGITS) + "点點]+)|([" + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "])")


def _chinese_integer(text: str) -> Decimal:
    """Pure Chinese integer numerals, e.g. 两万六千, 叁万伍仟, 三千零一十七, 十九, 〇."""
    if all(ch in CN_DIGITS for ch in text) and len(text) > 1:
        # Digit-by-digit reading such as 二〇二一.
        return Decimal("".join(str(CN_DIGITS[ch]) for ch in text))
    import cn2an  # on first use: 0.13 s of imports that a run's parent process rarely needs

    try:
        return Decimal(str(cn2an.cn2an(text.replace("兩", "两"), "smart")))
    except (ValueError, KeyError, TypeError):
        pass
    return _mixed(text)  # what cn2an rejects (bare 百, 千, formal variants), read positionally


def _chinese_decimal(text: str) -> Decimal:
    """Chinese numerals that may contain 点: 三十八点六 -> 38.6."""
    for sep in ("点", "點"):
        if sep in text:
            whole, frac = text.split(sep, 1)
            integer = _chinese_integer(whole) if whole else Decimal(0)
            digits = "".join(str(CN_DIGITS[ch]) for ch in frac if ch in CN_DIGITS)
            return integer + (Decimal("0." + digits) if digits else Decimal(0))
    return _chinese_integer(text)


def _mixed(text: str) -> Decimal:
    """Digits (Arabic or Chinese) with Chinese scale characters, read positionally: 1.90亿,
    3017.1677万, 2万6千, 十余万, 叁万伍仟."""
    total = Decimal(0)
    section = Decimal(0)
    pending: Decimal | None = None
    previous_big: Decimal | None = None  # what the last 万/亿 added, while nothing has followed it
    pos = 0
    for m in _PIECE.finditer(text):
        if m.start() != pos:
            raise ValueError(f"not a number: {text!r}")
        pos = m.end()
        arabic, chinese, unit = m.groups()
        if unit in BIG_UNITS and previous_big is not None:
            # 7.4万亿, 1.2亿万: a scale right after a scale multiplies what was just scaled
            total += previous_big * (BIG_UNITS[unit] - 1)
            previous_big *= BIG_UNITS[unit]
            continue
        previous_big = None
        if arabic is not None:
            pending = Decimal(arabic)
        elif chinese is not None:
            pending = _chinese_decimal(chinese)
        elif unit in SMALL_UNITS:
            section += (pending if pending is not None else Decimal(1)) * SMALL_UNITS[unit]
            pending = None
        else:
            if pending is None and section == 0:
                section = Decimal(1)  # a bare scale (万人次): one of it; 0.00万 stays 0
            else:
                section += pending or 0
            previous_big = section * BIG_UNITS[unit]
            total += previous_big
            section = Decimal(0)
            pending = None
    if pos != len(text):
        raise ValueError(f"not a number: {text!r}")
    return total + section + (pending or 0)


@lru_cache(maxsize=4096)  # the same few written numbers recur (一, 两, 十余); cn2an is slow
def parse_decimal(text: str) -> Decimal:
    """Exact value of a written number; raises ValueError when `text` is not one."""
    s = text.strip().replace(" ", "")
    s = re.sub(r"(?<=\d)[,，\u2009\u202f\u00a0](?=\d{3})", "", s)  # digit groups, also in 4,835.62万
    s = re.sub(r"[余多来]+(?=[万萬亿億千仟]|$)", "", s)
    if not s:
        raise ValueError("empty number")
    if s in ("一半", "半数"):
        return Decimal(50)
    if s.startswith("百分之"):
        return parse_decimal(s[3:])
    if "分之" in s:  # 三分之一 -> 33.33… percent
        denominator, numerator = s.split("分之", 1)
        return parse_decimal(numerator) * 100 / parse_decimal(denominator)
    if s.endswith(("%", "％")):
        return parse_decimal(s[:-1])
    if _ARABIC.fullmatch(s):
        try:
            return Decimal(s.replace(",", ""))
        except InvalidOperation as exc:  # pragma: no cover - regex guarantees the form
            raise ValueError(text) from exc
    if any(ch.isdigit() for ch in s):
        return _mixed(s)
    if not all(ch in NUMERAL_CHARS for ch in s):
        raise ValueError(f"not a number: {text!r}")
    if any(ch in "点點" for ch in s):
        return _chinese_decimal(s)
    return _chinese_integer(s)


def parse_number(text: str) -> float:
    """Value of a written number as a float (see module docstring for the accepted forms)."""
    return float(parse_decimal(text))
