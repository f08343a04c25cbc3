"""Which qualifier (over, approx, at_least, at_most, under) a number carries.

Qualifier words come from qualifiers.tsv. A number-internal word (2330余篇, 4800多名) wins,
then a word right after the unit (一半以上, 350人左右, 三个工作日内), then a word before the
number (近25万人次, 不少于30日; 至少开展1次 may reach over a short verb). Fillers such as
达, 为, 有, 共, 计 may stand between a `before` word and the number (约有, 超过了).
"""

from __future__ import annotations

from pipeline import lexicon

_FILLERS = ("达到", "达", "为", "有", "共计", "共", "计", "了", "是")
_BREAKS = set("，,；;。！？!?：:、（）()")


def _strip_fillers(text: str) -> str:
    changed = True
    while changed and text:
        changed = False
        for word in _FILLERS:
            if text.endswith(word) and len(text) > len(word):
                text = text[: -len(word)]
                changed = True
    return text


def find_qualifier(sentence: str, start: int, end: int, internal: str | None, family: str = "count") -> str | None:
    """Qualifier of the mention sentence[start:end] (`internal` from the number itself)."""
    if internal:
        return internal
    after = sentence[end:end + 3]
    for q in lexicon.qualifiers_at("after"):
        if not after.startswith(q.word):
            continue
        if q.word == "内" and family not in ("duration",):
            continue  # 内 only bounds a duration (三个工作日内); 5家内资企业 is not a bound
        return q.qualifier
    clause = sentence[max(0, start - 12):start]
    for i in range(len(clause) - 1, -1, -1):
        if clause[i] in _BREAKS:
            clause = clause[i + 1:]
            break
    stripped = _strip_fillers(clause)
    for q in lexicon.qualifiers_at("before"):
        if stripped.endswith(q.word):
            return q.qualifier
        if q.reach and q.word in clause[-(q.reach + len(q.word)):]:
            return q.qualifier
    return None
