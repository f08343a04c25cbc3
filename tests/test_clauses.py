"""Where clauses and parts of a sentence start (pipeline.clauses), on sentences of real reports' shape."""

import pytest

from pipeline.clauses import clause_before, clause_start, part_before, same_part

SENTENCE = "全市共发生事故3起，死亡2人；其中较大事故1起：同比下降50%"


@pytest.mark.parametrize(("at_text", "breaks", "floor", "expected"), [
    ("3起", "，,；;。：:", 0, "全市共发生事故"),
    ("2人", "，,；;。：:", 0, "死亡"),
    ("2人", "；;。", 0, "全市共发生事故3起，死亡"),
    ("1起", "，,；;。：:", 0, "其中较大事故"),
    ("50%", "，,；;。：:", 0, "同比下降"),
    ("50%", "；;。", 0, "其中较大事故1起：同比下降"),
    ("3起", "，,；;。：:", 4, "生事故"),  # no break after the floor: the clause starts there
])
def test_clause_start(at_text, breaks, floor, expected):
    at = SENTENCE.index(at_text)
    assert SENTENCE[clause_start(SENTENCE, at, breaks, floor):at] == expected


def test_clause_and_part_before():
    at = SENTENCE.index("50%")
    assert clause_before(SENTENCE, at) == "同比下降"
    assert part_before(SENTENCE, at) == "其中较大事故1起：同比下降"
    assert clause_before("事故3起", 2) == "事故"  # no break at all: from the start


@pytest.mark.parametrize(("start_text", "end_text", "expected"), [
    ("3起", "2人", True),
    ("3起", "1起", False),
    ("1起", "50%", True),
])
def test_same_part(start_text, end_text, expected):
    assert same_part(SENTENCE, SENTENCE.index(start_text), SENTENCE.index(end_text)) is expected
