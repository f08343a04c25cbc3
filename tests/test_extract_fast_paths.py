"""The shortcuts of candidate finding give exactly what the plain rules give.

find_candidates rules a sentence out before masking when no number is followed by a unit
(_may_hold_candidate), the date regex skips positions no date can start at, and named concepts
are found with one regex. Each is compared with the plain form on a table of sentences and on
every sentence of the held-out excerpts (benchmarks/extraction.py does the same on a large corpus).
"""

import re
from pathlib import Path

import pytest

from pipeline import candidates, lexicon
from pipeline.candidates import MASK, find_candidates, mask_non_quantities
from pipeline.normalise import normalise_text
from pipeline.segment import split_sentences, tokenize

HELDOUT = sorted((Path(__file__).parent / "data" / "heldout").glob("*.txt"))

# One sentence per pattern of candidates._DATE_PATTERNS, in the same order.
DATES = [
    "2021-2025年规划", "2022年1月24日印发", "1-11月份累计", "3月份开展，5日至8日", "今年前7个月",
    "2022.3.15发布",
    "9:30开庭", "二〇二一年度工作", "十二月一日施行", "2020版清单", "建党100周年",
    "7·20”特大暴雨", "开展3·15活动", "〔2023〕8号文件", "第304号令", "15号楼", "12333人社服务热线",
]

# Sentences at the edges of _may_hold_candidate: each kind of unit, cue and number.
SENTENCES = [
    "全年共查处违法案件812件。", "罚没款1.90亿元。", "百分之三十八点六的企业", "三分之一以上",
    "一半以上的案件", "为期3年的专项行动", "24小时内办结", "24小时值守", "百日攻坚行动",
    "24万关注量", "十余万人参与", "3 - 5人一组", "2至3名执法人员", "5至7个工作日", "占比50％",
    "2022年1月24日召开会议", "落实“双随机、一公开”监管", "统一思想，进一步提高", "发生一起事故",
    "没有数字的句子。", "同比下降38.6%和33.9%", "1 3 6 8 2家次", "全年下降12个百分点",
]


def _concepts_found_one_by_one(sentence: str) -> set[int]:
    covered = set()
    for concept in lexicon.word_list("named_concepts.txt"):
        start = sentence.find(concept)
        while start != -1:
            covered.update(range(start, start + len(concept)))
            start = sentence.find(concept, start + 1)
    return covered


def _heldout_sentences() -> list[str]:
    return [s.text for path in HELDOUT for s in split_sentences(normalise_text(path.read_text(encoding="utf-8")).text)]


def test_every_date_pattern_has_an_example():
    assert len(DATES) == len(candidates._DATE_PATTERNS)
    for example, pattern in zip(DATES, candidates._DATE_PATTERNS):
        assert re.search(pattern, example), (example, pattern)


@pytest.mark.parametrize("sentence", DATES + SENTENCES)
def test_date_regex_matches_where_its_patterns_do(sentence):
    plain = re.compile("|".join(f"(?:{p})" for p in candidates._DATE_PATTERNS))
    assert [m.span() for m in candidates._DATES.finditer(sentence)] == [m.span() for m in plain.finditer(sentence)]


@pytest.mark.parametrize("sentence", SENTENCES + ["双随机一公开和最多跑一次", "三年行动三年行动计划"])
def test_named_concepts_are_masked_wherever_they_occur(sentence):
    masked = mask_non_quantities(sentence)
    for i in _concepts_found_one_by_one(sentence):
        assert masked[i] == MASK or sentence[i].isspace()


def test_prefilter_never_drops_a_candidate(monkeypatch):
    sentences = SENTENCES + DATES + _heldout_sentences()
    fast = [find_candidates(s, tokenize(s)) for s in sentences]
    monkeypatch.setattr(candidates, "_may_hold_candidate", lambda sentence: True)
    assert fast == [find_candidates(s, tokenize(s)) for s in sentences]
    assert sum(map(bool, fast)) > 100  # the held-out excerpts are full of mentions
