"""parse_number: Arabic, Chinese, formal, mixed and percentage forms."""

import pytest

from pipeline.numerals import parse_number

CASES = [
    ("6517", 6517),
    ("0", 0),
    ("38.6", 38.6),
    ("1,234", 1234),
    ("12,345,678", 12345678),
    ("0.5", 0.5),
    ("1.90亿", 190000000),
    ("3017.1677万", 30171677),
    ("24万", 240000),
    ("0.00万", 0),  # a written zero before a scale is zero, not one 万
    ("0万", 0),
    ("8.8万", 88000),
    ("2万6千", 26000),
    ("1亿2千万", 120000000),
    ("7.4万亿", 7_400_000_000_000),  # scales multiply: 万亿 is 10^12
    ("121万亿", 121_000_000_000_000),
    ("1.2亿万", 1_200_000_000_000),
    ("6，688，587，000", 6_688_587_000),  # full-width commas between digit groups
    ("1\u2009900\u2009000", 1_900_000),  # thin spaces of converted PDFs
    ("一", 1),
    ("两", 2),
    ("十", 10),
    ("十九", 19),
    ("二十", 20),
    ("一百零五", 105),
    ("三千零一十七", 3017),
    ("两万六千", 26000),
    ("叁万伍仟", 35000),
    ("壹佰", 100),
    ("〇", 0),
    ("二〇二一", 2021),
    ("百", 100),
    ("千", 1000),
    ("十余万", 100000),
    ("2330余", 2330),
    ("六千多", 6000),
    ("一半", 50),
    ("百分之三十八点六", 38.6),
    ("百分之百", 100),
    ("38.6%", 38.6),
    ("三十八点六", 38.6),
    ("零点五", 0.5),
    ("1.5亿", 150000000),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_parse_number(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "abc", "十几", "若干", "X"])
def test_not_a_number(text):
    with pytest.raises(ValueError):
        parse_number(text)
