"""Extract numeric indicator mentions from one normalised sentence.

Pipeline per sentence: candidates.find_candidates (number + unit, negatives removed) ->
qualifier (qualifiers.py) -> kind, direction, basis and period (this module) -> metric phrase
(metric.py) -> sentence structures (分别 distributing values, 占 shares, 由…到 pairs) ->
indicator code (catalog.py). All word lists live in pipeline/data/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from pipeline import lexicon
from pipeline.candidates import Candidate, find_candidates
from pipeline.catalog import assign_code
from pipeline.metric import MetricFinder, Span
from pipeline.qualifiers import find_qualifier

_PARTIAL_PERIOD = re.compile(
    r"(?:(\d{4})\s*年(?:度)?)?\s*(\d{1,2})\s*(?:月份?)?\s*[-—–~～至到]\s*(\d{1,2})\s*月份?"
)
# 2021年，全年… / 2021年的工作: the year of what follows; but 由2019年的63项 is a prior-year value.
_YEAR_ADVERBIAL = re.compile(r"(\d{4})\s*年(?:度)?(?=\s*(?:[，,]|全年|的(?![\d零〇一二两三四五六七八九十百])|上半年|下半年|期间|共|全市|全省|全区|，|我))")
_PRIOR_YEAR = re.compile(r"(\d{4})\s*年(?:度)?的?\s*$")
_CHANGE_BASIS_WINDOW = 14
# Words that make a number of an annual report a planned target (2024年，力争…下降10%以上).
_TARGET_CUES = ("力争", "争取", "目标是")
_FUTURE_YEAR = re.compile(r"(\d{4})\s*年(?:度)?[，,]?\s*(?:我[局市县区省委厅部]|全[市县区省])?\s*(?:将|要|继续|力争)")
_CHANGE_TAIL_FILLERS = re.compile(r"(分别|均|了|约|近|达|为|和|、|\s)+$")
# a later value of a 分别 list: 同比分别下降38.6%和33.9%
_LISTED_CHANGE = re.compile(r"(下降|减少|降低|上升|增长|增加|提高)(?:分别)?[^，。；]*?(?:和|、|及)$")
_SHARE_GAP = re.compile(r"[，,、]?\s*(?:约)?占(?:比)?(?:为|达)?\s*")
# The listed subjects of 分别: 查处违法采矿、违法占用耕地案件分别为41件和63件.
_CLAUSE_BEFORE = re.compile(r"[^，,；;。：:]*$")
_LIST_SEPARATOR = re.compile(r"[、和及与]")
_PAIR_GAP = re.compile(r"[^，,。；;]{0,8}(?:到|至|为)\s*(?:\d{4}\s*年(?:度)?的?)?\s*(?:平均|约|近)?\s*")
_SUBCOUNT_PART = re.compile(r"[；;]\s*其中")
_CLOSING_CHANGE = r"(分别|均|了)?$"  # a change word closing the words before the number


@lru_cache(maxsize=1)
def _change_words() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """(word, the word closing a clause, direction) of change_words.tsv, longest first."""
    return tuple((word, re.compile(re.escape(word) + _CLOSING_CHANGE), dirn) for word, dirn in lexicon.change_words())


@lru_cache(maxsize=1)
def _any_change_word() -> re.Pattern[str]:
    """Matches where one of the _change_words patterns does: most numbers are no change."""
    return re.compile("(?:" + "|".join(re.escape(word) for word, _ in lexicon.change_words()) + ")" + _CLOSING_CHANGE)


@lru_cache(maxsize=1)
def _subject_free_words() -> tuple[str, ...]:
    """Words of a metric that do not name its subject (同比, 上升, 分别, 较), longest first."""
    return tuple(sorted(list(lexicon.word_list("basis_words.txt")) + [w for w, _ in lexicon.change_words()]
                        + ["分别", "均", "了", "较", "比"], key=len, reverse=True))


@dataclass(frozen=True)
class DocumentContext:
    report_year: int | None  # year the report covers
    doc_type: str | None  # annual_report | work_plan | work_summary | other


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    value: float
    unit: str
    unit_implicit: bool
    qualifier: str | None
    metric: str | None
    indicator_code: str | None
    kind: str
    period_year: int | None
    period: str | None
    direction: str | None
    basis: str | None
    subcount: bool = False  # a 其中 part of a total stated before it


def _mark_subcounts(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """其中事前立案6462件: a number after 其中 (same clause, up to ； or 。) is part of a total.

    The total is a number in the same unit before 其中, or in the sentence before when 其中
    opens the sentence; 立案1200件，其中事前立案800件，罚款6000万元 keeps the money whole.
    """
    out = list(mentions)
    for i, m in enumerate(out):
        clause_start = max(sentence.rfind(ch, 0, m.start) for ch in "；;。") + 1
        at = sentence.rfind("其中", clause_start, m.start)
        if at < 0:
            continue
        opens_sentence = not sentence[:at].strip(" ，,、：:")
        has_total = any(p.end <= at and p.unit == m.unit for p in out[:i])
        if opens_sentence or has_total:
            out[i] = replace(m, subcount=True)
    return out


def _change(sentence: str, cand: Candidate) -> tuple[str | None, str | None]:
    """(direction, basis) when the number is a change: 同比下降38.6%, 较上年增长12起."""
    window = sentence[max(0, cand.start - _CHANGE_BASIS_WINDOW):cand.start]
    for ch in "，,；;。":
        # a change verb must sit in the same clause, except 分别 which points across a comma
        if ch in window:
            window = window[window.rindex(ch) + 1:]
    stripped = _CHANGE_TAIL_FILLERS.sub("", window)
    direction = None
    if _any_change_word().search(stripped):
        for word, closing, dirn in _change_words():
            if stripped.endswith(word) or closing.search(stripped):
                direction = dirn
                break
    if direction is None:
        prefix = sentence[max(0, cand.start - 30):cand.start]
        m = _LISTED_CHANGE.search(prefix)
        if m:
            direction = "down" if m.group(1) in ("下降", "减少", "降低") else "up"
    if direction is None:
        return None, None
    basis = None
    clause = sentence[max(0, cand.start - 30):cand.start]
    for word in lexicon.word_list("basis_words.txt"):
        if word in clause:
            basis = "yoy"
            break
    return direction, basis


def _period(sentence: str, cand: Candidate, context: DocumentContext) -> tuple[int | None, str | None]:
    before = sentence[:cand.start]
    prior = _PRIOR_YEAR.search(before)
    if prior:
        year = int(prior.group(1))
        return year, str(year)
    year = context.report_year
    adverbial = None
    for adverbial in _YEAR_ADVERBIAL.finditer(before):
        pass
    if adverbial is not None:
        year = int(adverbial.group(1))
    partial = None
    for partial in _PARTIAL_PERIOD.finditer(before):
        pass
    if partial is not None:
        if partial.group(1):
            year = int(partial.group(1))
        first, last = int(partial.group(2)), int(partial.group(3))
        if year and 1 <= first < last <= 12 and not (first == 1 and last == 12):
            return year, f"{year}-{first:02d}..{year}-{last:02d}"
    return year, (str(year) if year else None)


def _is_target(before: str, context: DocumentContext) -> bool:
    """A number after 力争/计划 in its sentence, or in a sentence about a later year (2025年，我局将…)."""
    if any(cue in before for cue in _TARGET_CUES):
        return True
    future = _FUTURE_YEAR.search(before)
    return bool(future and context.report_year and int(future.group(1)) > context.report_year)


def _kind(cand: Candidate, direction: str | None, context: DocumentContext, sentence: str) -> str:
    if context.doc_type == "work_plan" or _is_target(sentence[:cand.start], context):
        return "target"
    if direction is not None or cand.family == "change":
        return "change"
    if cand.family == "money":
        return "money"
    if cand.family == "ratio":
        return "ratio"
    if cand.family == "duration":
        return "duration"
    return "count"


def extract_mentions(sentence: str, tokens: Sequence[str], context: DocumentContext) -> list[Mention]:
    """All indicator mentions of one normalised sentence, in order."""
    candidates = find_candidates(sentence, tokens)
    if not candidates:
        return []
    finder = MetricFinder(sentence, tokens, [Span(c.start, c.end) for c in candidates])
    mentions: list[Mention] = []
    for i, cand in enumerate(candidates):
        qualifier = find_qualifier(sentence, cand.start, cand.end, cand.internal_qualifier, cand.family)
        direction, basis = _change(sentence, cand)
        kind = _kind(cand, direction, context, sentence)
        period_year, period = _period(sentence, cand, context)
        metric = finder.metric(i, "change" if direction else cand.family)
        mentions.append(Mention(
            start=cand.start, end=cand.end, value=float(cand.value), unit=cand.unit,
            unit_implicit=cand.unit_implicit, qualifier=qualifier, metric=metric, indicator_code=None,
            kind=kind, period_year=period_year, period=period, direction=direction, basis=basis,
        ))
    mentions = _changes_name_their_subject(mentions)
    mentions = _mark_subcounts(sentence, _sentence_structures(sentence, mentions))
    return _codes_carried_over(sentence, [_with_code(sentence, m) for m in mentions])


def _with_code(sentence: str, m: Mention) -> Mention:
    code = assign_code(m.metric, m.unit, m.kind, sentence, (m.start, m.end))
    return m if code is None else replace(m, indicator_code=code)  # most mentions get none: no copy


@lru_cache(maxsize=1)
def _continuation_metrics() -> frozenset[str]:
    return frozenset(lexicon.word_list("continuation_metrics.txt"))


def _codes_carried_over(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """A count that only names a stage (受理129件, 办结118件) or a 其中 part of a total takes the code
    of the count it continues: the previous mention of the same unit in the same ；-part (a ；-part
    that opens with 其中 belongs to the part before it)."""
    stages = _continuation_metrics()
    outcomes = lexicon.word_list("subcount_outcomes.txt")
    out = list(mentions)
    for i, m in enumerate(out):
        if m.indicator_code or m.kind not in ("count", "target"):
            continue
        continues = (m.metric or "") in stages
        if not continues and not m.subcount:
            continue
        if not continues and any(word in (m.metric or "") for word in outcomes):
            continue
        for j in range(i - 1, -1, -1):
            prev = out[j]
            gap = sentence[prev.end:m.start]
            if m.subcount and not continues:
                # 调解矛盾纠纷418件，…；其中房屋租赁纠纷76件: a part opened by 其中 splits the part before
                gap = _SUBCOUNT_PART.sub("其中", gap, count=1)
            if any(ch in ("；;。" if m.subcount and not continues else "。") for ch in gap):
                break
            if m.subcount and "其中" not in sentence[prev.end:m.start] and not continues:
                continue  # a 其中 part continues the total before 其中, not a sibling part
            if prev.unit == m.unit and prev.indicator_code:
                out[i] = replace(m, indicator_code=prev.indicator_code)
                break
            if prev.unit == m.unit:
                break
    return out


def _changes_name_their_subject(mentions: list[Mention]) -> list[Mention]:
    """行政诉讼案件47件，同比上升6.8%: a change whose metric is only 同比上升 is about the count before
    it; so is a prior-year value (合格率99.3%，较2019年的98.7%) whose metric is only 较."""
    words = _subject_free_words()
    out = list(mentions)
    for i, m in enumerate(out):
        if i == 0:
            continue
        rest = m.metric or ""
        for word in words:
            rest = rest.replace(word, "")
        if not rest.strip():
            out[i] = replace(m, metric=out[i - 1].metric)
    return out


def _listed_subjects(sentence: str, at: int) -> tuple[int, list[str]]:
    """Where the clause before `at` starts, and its items when it lists two or more (A、B, A和B)."""
    clause = _CLAUSE_BEFORE.search(sentence, 0, at).group()
    fillers = lexicon.word_list("metric_fillers.txt")
    items = []
    for item in _LIST_SEPARATOR.split(clause):
        while item and (filler := next((f for f in fillers if item.startswith(f)), None)):
            item = item[len(filler):]
        if item:
            items.append(item)
    return at - len(clause), items if len(items) >= 2 else []


def _sentence_structures(sentence: str, mentions: list[Mention]) -> list[Mention]:
    out = list(mentions)
    for at in [m.start() for m in re.finditer("分别", sentence)]:
        # 查处违法采矿、违法占用耕地案件分别为41件和63件 -> the values after 分别 take the subjects
        # listed before it, in order, when nothing else in the clause was counted.
        clause_start, subjects = _listed_subjects(sentence, at)
        values = [i for i, m in enumerate(out) if m.start > at and m.kind != "change"
                  and not any(ch in "，,；;。" for ch in sentence[at:m.start])]
        if subjects and len(values) == len(subjects) and not any(clause_start <= m.start < at for m in out):
            for subject, i in zip(subjects, values):
                out[i] = replace(out[i], metric=subject)
            continue
        # 分别: 事故70起、死亡37人，同比分别下降38.6%和33.9% -> each change takes the metric of the
        # count it refers to, in order.
        after = [i for i, m in enumerate(out) if m.start > at and not _crosses_sentence_end(sentence, at, m.start)]
        before = [i for i, m in enumerate(out) if m.end <= at and m.kind != "change"]
        if not after or len(before) < len(after):
            continue
        sources = before[-len(after):]
        for src, dst in zip(sources, after):
            if out[dst].kind == "change" or (out[dst].unit == "%" and out[src].unit != "%"):
                out[dst] = replace(out[dst], metric=out[src].metric, period=out[src].period,
                                   period_year=out[src].period_year)
    for i, m in enumerate(out):
        if i == 0:
            continue
        gap = sentence[out[i - 1].end:m.start]
        # 其中蓝码2043家，占55.44%: a share takes the metric of the count before it.
        if m.unit == "%" and _SHARE_GAP.fullmatch(gap):
            out[i] = replace(m, metric=out[i - 1].metric)
        # 由2020年的74%进一步压缩到2021年的52%: the second value of a 由…到 pair.
        elif m.unit == out[i - 1].unit and _PAIR_GAP.fullmatch(gap) \
                and "由" in sentence[max(0, out[i - 1].start - 12):out[i - 1].start]:
            out[i] = replace(m, metric=out[i - 1].metric)
    return out


def _crosses_sentence_end(sentence: str, start: int, end: int) -> bool:
    return any(ch in "。；;" for ch in sentence[start:end])
