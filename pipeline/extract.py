"""Extract numeric indicator mentions from one normalised sentence.

Pipeline per sentence: candidates.find_candidates (number + unit, negatives removed) ->
qualifier (qualifiers.py) -> kind, direction and basis (this module) and period (periods.py) ->
metric phrase (metric.py) -> sentence structures (deaths naming the events before them, changes
naming their subject, 分别/均 lists distributing values over subjects, 占 shares, 由…到 pairs,
其中 parts and breakdowns) -> indicator code (catalog.py; whole-jurisdiction codes never for a
part) with its evidence and confidence. All word lists live in pipeline/data/.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from pipeline import lexicon
from pipeline.candidates import Candidate, find_candidates
from pipeline.catalog import choose_code, excludes, is_kind_of, is_whole
from pipeline.datafiles import read_table
from pipeline.metric import MetricFinder, Span
from pipeline.periods import period_of
from pipeline.qualifiers import find_qualifier
from pipeline.regions import by_code, find_regions_in, is_within

_PRIOR_YEAR = re.compile(r"(\d{4})\s*年(?:度)?的?\s*$")
_CHANGE_BASIS_WINDOW = 14
# Words that make a number of an annual report a planned target (2024年，力争…下降10%以上).
_TARGET_CUES = ("力争", "争取", "目标是")  # anywhere before the number in its sentence
_TARGET_LEAD = re.compile(r"^(?:全年|年度)?(?:计划|力争|争取)")
# in the number's own clause only: 全年计划重点检查246家次，实际重点检查253家次 (the second is done)
_CLAUSE_TARGET_CUES = ("控制在", "全年计划", "年度计划", "今年将", "明年将", "年内将", "要同比", "要比上年", "要较上年")
_FUTURE_YEAR = re.compile(r"(\d{4})\s*年(?:度)?[，,]?\s*(?:我[局市县区省委厅部]|全[市县区省])?\s*(?:将|要|继续|力争)")
_CHANGE_TAIL_FILLERS = re.compile(r"(分别|均|了|约|近|达|为|和|、|\s)+$")
# a later value of a 分别 list: 同比分别下降38.6%和33.9%
# The change verbs that open a list of changes (下降12.6%和2.8%); change_words.tsv holds them all.
_LIST_CHANGE_VERBS = "下降|减少|降低|上升|增长|增加|提高"
# The bases a value list and last year's values stand behind (a subset of basis_words.txt).
_YEAR_BEFORE_BASES = ("同比", "较上年", "比上年", "较去年", "比去年", "去年同期", "上年同期")
_YEAR_BEFORE_BASIS = "|".join(_YEAR_BEFORE_BASES)
_LISTED_CHANGE = re.compile(rf"({_LIST_CHANGE_VERBS})(?![至到])(?:分别)?[^，,。；;]*?(?:和|、|及)$")  # 下降至: a level
# 同比增加1起、多死亡2人: 多/少 before the outcome of a listed change
# What events cost: deaths, injuries, the missing (死亡50人 after 事故64起 are those events' deaths).
_OUTCOMES = "死亡|遇难|受伤|失踪"
_MORE_OR_FEWER = re.compile(rf"(多|少)(?:{_OUTCOMES}|发生)?$")
_SHARE_GAP = re.compile(r"[，,、]?\s*(?:约)?(占(?:比|(?![用道地])[\u4e00-\u9fff]{0,10}?))的?(?:比例|比重)?(?:为|达)?\s*")
# 不见面审批事项514项，可办率达52%: a rate named by its word alone is a rate of the count before it
_BARE_RATE = re.compile(r"[\u4e00-\u9fff]{1,3}率")
# The listed subjects of 分别: 查处违法采矿、违法占用耕地案件分别为41件和63件.
_LIST_SEPARATOR = re.compile(r"[、和及与]")
# A basis, then a verdict without numbers closing the clause (同比大幅“双下降”, 同比均有所下降).
_BASIS_THEN_VERDICT = re.compile(rf"(?:{_YEAR_BEFORE_BASIS})[^，,；;。\d]{{0,12}}$")
_LINK_ONLY = re.compile(rf"(?:同比|较上年)?(?:为|是|达|达到|{_LIST_CHANGE_VERBS}|了|\s)*")
_NAMED_BASE_ONLY = re.compile(r"(?:比|较|与)(?:19|20)\d\d年(?:同期)?(?:相比)?")
_COMPARISON_CLAUSE = re.compile(r"(?:相比|相较|比较|平均|均值)$")
# 受灾人次、倒塌房屋数量和直接经济损失与近5年均值相比: the comparison closing a list of subjects
_TRAILING_COMPARISON = re.compile(r"(?:与|较|比)[^、，,；;。与较比]{1,14}(?:相比|相较|比较|平均数|平均值|平均|均值)$")
_PAIR_GAP = re.compile(r"[^，,。；;]{0,8}(?:到|至|为)\s*(?:\d{4}\s*年(?:度)?的?)?\s*(?:平均|约|近)?\s*")
# 审批总时限由9730个工作日，压缩到5591个工作日: after a comma only a verb of change leads to the second value
_PAIR_GAP_AFTER_COMMA = re.compile(r"[，,]\s*(?:进一步|平均)?(?:压缩|缩短|降低|下降|减少|降|提高|提升|增加|增长|上升|扩大)"
                                   r"(?:到|至|为)\s*(?:平均|约)?\s*")
# 由9730个工作日, 由原来的9730个工作日, 由2020年的74%: 由 opening the pair's first value
_FROM_RIGHT_BEFORE = re.compile(r"由(?:原来的|原|(?:19|20)\d\d年度?的?)?$")
_SUBCOUNT_PART = re.compile(r"[；;]\s*其中")
_BREAKDOWN = re.compile(r"[^，,；;。]{0,6}?(?:分|按)(?:行业|领域|地区|区域|县区|县（市、区）|县\(市、区\)|板块)")
# 从类别上看，道路运输共发生事故76起…: every number after it is a part (also glued to the sentence before)
_BREAKDOWN_INSIDE = re.compile(r"从(?:类别|行业|领域|区域|地区|板块)上?(?:看|来看)[，,：:]")
_AREA_OPENING = re.compile(r"[\u4e00-\u9fff]{2,8}(?:县|区|市|镇|乡|街道)[:：]")  # 涡阳县：报送整改一般隐患32069条
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
    """Words of a metric that do not name its subject (同比, 上升, 分别, 较; 比上年多, 环比, 是去年同期的; the
    verbs of a value reached, 发展到, 扩充至, 总数增至), longest first."""
    return tuple(sorted(list(lexicon.word_list("basis_words.txt")) + [w for w, _ in lexicon.change_words()]
                        + ["分别", "均", "了", "较", "比", "去年", "上年", "同期", "持平", "常年", "多年均值",
                           "环比", "多", "少", "至", "到", "有望", "突破", "发展", "扩充", "扩大", "调整", "总数", "是",
                           "的", "与", "相比", "上一年度", "上一年"],
                        key=len, reverse=True))


@dataclass(frozen=True)
class DocumentContext:
    report_year: int | None  # year the report covers
    doc_type: str | None  # annual_report | work_plan | work_summary | other
    region_code: str | None = None  # the reporting division (a count of another one is a part)


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
    rule: str | None = None  # the sentence structure that named the subject, when one did
    code_evidence: str | None = None  # why the code: the cue and where it was found, and the rule
    confidence: str = "high"  # high | medium (clause cue or a structure rule) | low (see _confidence)
    target_of: str | None = None  # for a target, the indicator it aims at (a target itself has no code)


# 各类事故、较大事故…均保持双下降。其中，各类生产安全事故起数…: what 其中 opens is the whole, one of the
# kinds the sentence before named, not a part
_WHOLE_AFTER_QIZHONG = re.compile(r"其中[，,：:\s]*(?:各类|全部|所有)")
# …其中重点领域公开43条，政策解读4条，全年共制定0条规范性文件: a clause that counts for the whole ends the parts
_NEW_TOTAL = re.compile(r"[，,](?:全年|全(?:省|市|区|县|州)|累计|共计?|总计)")


def _mark_subcounts(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """其中事前立案6462件: a number after 其中 (same clause, up to ； or 。) is part of a total; so is
    every number of a sentence that opens a breakdown (分行业来看，…).

    The total is a number in the same unit before 其中, or in the sentence before when 其中
    opens the sentence; 立案1200件，其中事前立案800件，罚款6000万元 keeps the money whole.
    """
    if _BREAKDOWN.match(sentence):
        return [replace(m, subcount=True) for m in mentions]  # 分行业来看，工矿商贸事故13起…: all parts
    out = [replace(m, subcount=True) if _in_inclusion(sentence, m.start) else m for m in mentions]
    if inside := _BREAKDOWN_INSIDE.search(sentence):
        out = [replace(m, subcount=True) if m.start >= inside.end() else m for m in out]
    for i, m in enumerate(out):
        clause_start = max(sentence.rfind(ch, 0, m.start) for ch in "；;。") + 1
        at = sentence.rfind("其中", clause_start, m.start)
        if at < 0 or _in_aside(sentence, at, m.start) or _NEW_TOTAL.search(sentence, at, m.start) \
                or _WHOLE_AFTER_QIZHONG.match(sentence, at):
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
    if direction is None and (more := _MORE_OR_FEWER.search(stripped)) and _any_basis(sentence, cand.start):
        direction = "up" if more.group(1) == "多" else "down"  # 同比减少51起、少死亡6人
    if direction is None:
        # 和全国情况相比，分别低8.96和7.86个百分点: a difference in points against something named
        comparison = _compared_with(sentence, cand.start) if cand.family == "change" else None
        return None, comparison if comparison != "yoy" else None
    clause = sentence[max(0, cand.start - 30):cand.start]
    for other, pattern in _other_bases():
        if pattern.search(clause):
            return direction, other
    if any(word in clause for word in lexicon.word_list("basis_words.txt")):
        return direction, "yoy"
    return direction, _compared_with(sentence, cand.start)


# 与2015年相比，2019年全省…分别下降23.1%: a comparison that opens the clauses before the value
_COMPARED_WITH = re.compile(r"(?:与|和|同)([^，,。；;]{1,16}?)(?:相比|比较|同比)")


def _compared_with(sentence: str, at: int) -> str | None:
    """The basis of the last 与…相比 before `at` in its ；-part: yoy (与去年同期相比), a basis of
    other_bases.tsv (与2015年相比, 与前三年平均值相比), or `other` (和全国情况相比: another place)."""
    part_start = max(sentence.rfind(ch, 0, at) for ch in "；;。") + 1
    comparisons = list(_COMPARED_WITH.finditer(sentence, part_start, at))
    if not comparisons:
        return None
    found = comparisons[-1]
    if any(word in found.group() for word in lexicon.word_list("basis_words.txt")):
        return "yoy"
    return next((other for other, pattern in _other_bases() if pattern.search(found.group())), "other")


_BASE_YEAR = re.compile(r"(?:较|比|与)\s*((?:19|20)\d\d)\s*年")


def _last_base_year(sentence: str, at: int) -> int | None:
    """2019 of …较2020年下降2.1%，较2019年下降 at the number: the base year named last before it."""
    found = _BASE_YEAR.findall(sentence, max(0, at - 30), at)
    return int(found[-1]) if found else None


def _any_basis(sentence: str, at: int) -> bool:
    """A year-on-year basis word in the part of the sentence (up to ；) before `at`."""
    part = sentence[max(sentence.rfind(ch, 0, at) for ch in "；;。") + 1:at]
    return any(word in part for word in lexicon.word_list("basis_words.txt"))


@lru_cache(maxsize=1)
def _other_bases() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(basis, pattern) of other_bases.tsv: averages of several years, a named base year."""
    return tuple((row["basis"], re.compile(row["pattern"])) for row in read_table("other_bases.tsv"))


def _period(sentence: str, cand: Candidate, context: DocumentContext) -> tuple[int | None, str | None]:
    before = sentence[:cand.start]
    prior = _PRIOR_YEAR.search(before)
    if prior:  # 由2019年的63项: a prior-year value
        return int(prior.group(1)), prior.group(1)
    year, period = period_of(before, context.report_year)
    if year is not None and period is not None and _is_last_years_value(sentence, cand):
        return year - 1, period.replace(str(year), str(year - 1))
    return year, period


_BASIS_BEFORE = re.compile(rf"(?:{_YEAR_BEFORE_BASIS})\s*([(（]?)\s*$")
_LAST_YEAR_IN_BRACKETS = re.compile(r"[(（]\s*(?:去年|上年)(?:同期)?\s*$")
# a clause about the same period of the year before: 全市去年同期发生事故6起, 去年1-9月份发生…28人
_LAST_YEAR_CLAUSE = re.compile(r"(?:[全我本][省市区县州])?(?:去年|上年)(?:同期|\d{1,2}(?:[-—~至到]\d{1,2})?月份?)")
_CHANGE_VERB_AFTER = re.compile(rf"\s*[)）]?\s*(?:[(（][^()（）]{{0,8}}[)）])?\s*(?:{_LIST_CHANGE_VERBS}|持平)")


def _is_last_years_value(sentence: str, cand: Candidate) -> bool:
    """同比(6起)下降83.33%, 同比12起下降25%, 死亡人数(去年同期4人)同比持平, 全市去年同期发生事故6起:
    the number is the same period of the year before, which the change after it is measured against."""
    before = sentence[max(0, cand.start - 12):cand.start]
    if _LAST_YEAR_IN_BRACKETS.search(before) or _LAST_YEAR_CLAUSE.match(_clause_before(sentence, cand.start).strip()):
        return True
    basis = _BASIS_BEFORE.search(before)
    return basis is not None and (basis.group(1) != "" or _CHANGE_VERB_AFTER.match(sentence, cand.end) is not None)


def _is_target(before: str, context: DocumentContext) -> bool:
    """A number after 力争 in its sentence or after 全年计划/控制在 in its clause, or in a sentence about a
    later year (2025年，我局将…)."""
    if any(cue in before for cue in _TARGET_CUES):
        return True
    clause = before[max(before.rfind(ch) for ch in "，,；;。") + 1:]
    if any(cue in clause for cue in _CLAUSE_TARGET_CUES):
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
        if basis == "base_year" and period_year and _last_base_year(sentence, cand.start) == period_year - 1:
            basis = "yoy"  # 2021年…较2020年下降5.5%: against the year before is year on year
        metric = finder.metric(i, "change" if direction else cand.family)
        if kind == "target" and metric:
            metric = _TARGET_LEAD.sub("", metric) or metric  # 计划重点检查246家次: what is planned is 重点检查
        mentions.append(Mention(
            start=cand.start, end=cand.end, value=float(cand.value), unit=cand.unit,
            unit_implicit=cand.unit_implicit, qualifier=qualifier, metric=metric, indicator_code=None,
            kind=kind, period_year=period_year, period=period, direction=direction, basis=basis,
        ))
    mentions = _changes_name_their_subject(sentence, _outcomes_name_their_accidents(sentence, mentions))
    mentions = _counts_of_the_events_before(sentence, mentions)
    mentions = _parts_named_only(sentence, _mark_subcounts(sentence, _sentence_structures(sentence, mentions)))
    mentions = _kind_named_at_the_opening(sentence, mentions)
    all_kinds, mentions = _production_safety_within_all(mentions)
    coded = _sector_sentences(sentence, _audiences_reached(sentence, _codes_carried_over(
        sentence, [_with_code(sentence, m, context) for m in mentions])))
    # 按全口径统计：…各类事故221起, 各类(全口径统计)安全事故549起: road traffic and fires included, so not
    # the production-safety statistics the accident codes count (the 直报口径 figures)
    scope = _ALL_SCOPES.search(sentence)
    return [_with_rule(replace(m, indicator_code=None, code_evidence=None, confidence="high")
                       if (i < all_kinds or scope and m.start > scope.start())
                       and (m.indicator_code or "").startswith(_ACCIDENTS) else m)
            for i, m in enumerate(coded)]


_KIND_OF_ACCIDENT = re.compile(r"(较大及以上|较大以上|较大|重大|一般)(?:生产安全)?事故")
_BARE_MEASURE = re.compile(r"(?:事故起数|起数|死亡人数)")


def _grade_alone(metric: str) -> re.Match[str] | None:
    """The grade (较大, 一般) of `metric` when it is all its subject says (其中发生较大事故), not one
    sector's grade (化工企业一般事故, 道路运输领域较大事故)."""
    kind = _KIND_OF_ACCIDENT.search(metric)
    if kind is None:
        return None
    subject = _NO_SUBJECT_WORDS.sub("", metric[:kind.start()])
    return kind if not subject or not _names_a_part(subject) else None


_NO_SUBJECT_WORDS = re.compile(r"其中|发生|共计|共|累计|各类|[,，:：\s]")


def _kind_named_at_the_opening(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """其中，发生较大事故11起、死亡47人，…，事故起数减少2起: the part of a sentence that opens with 其中
    on a grade of accident goes on about that grade, so its bare measures (事故起数, 死亡人数) are
    that grade's; after ； or a subject of its own (全市事故起数) they are not."""
    if not mentions or not sentence.lstrip(" ，,").startswith("其中"):
        return mentions
    kind = _grade_alone(mentions[0].metric or "")
    if kind is None:
        return mentions
    out = mentions[:1]
    for m in mentions[1:]:
        metric = m.metric or ""
        if _same_part(sentence, mentions[0].end, m.start) and _BARE_MEASURE.match(metric) \
                and not _KIND_OF_ACCIDENT.search(metric):
            metric = kind.group(1) + ("" if metric.startswith("事故") else "事故") + metric
            m = replace(m, metric=metric, rule="a sentence opening with 其中 on a kind of accident is about that kind")
        out.append(m)
    return out


def _parts_whole_in_their_own_code(mentions: list[Mention], before: list[Mention]) -> list[Mention]:
    """事故120起，其中较大事故2起: a 其中 part whose code counts a kind of its total's events (catalog
    kind_of: acc.major_accidents of acc.accidents) is all there is of that code, so no sub-count of
    it. Its total is the last count before it in its unit, in the sentence or in `before` (the
    sentence before one that opens with 其中); a total that is itself a part (道路运输事故30起（其中
    较大事故1起）) makes none, nor does a part of another code (立案320件，其中一般程序案件280件)."""
    out = list(mentions)
    for i, m in enumerate(out):
        if not (m.subcount and m.indicator_code):
            continue
        total = next((p for p in reversed(before + mentions[:i]) if p.unit == m.unit and p.kind == m.kind), None)
        if total is not None and not total.subcount and is_kind_of(m.indicator_code, total.indicator_code):
            out[i] = replace(m, subcount=False)
    return out


def _production_safety_within_all(mentions: list[Mention]) -> tuple[int, list[Mention]]:
    """全州发生各类事故432起…，其中发生安全生产事故17起、死亡19人…: when the events of all kinds
    (road traffic and fires included) hold the production-safety accidents as a part, that part is
    what the accident codes count. Returns how many mentions before it belong to all kinds (0 when
    the structure is absent), with the part and its outcomes no longer marked as a sub-count."""
    first = next((i for i, m in enumerate(mentions) if m.unit == "起" and m.kind == "count"), None)
    if first is None or not _ALL_KINDS.search(mentions[first].metric or ""):
        return 0, mentions
    part = next((i for i, m in enumerate(mentions) if i > first and m.subcount and m.unit == "起"
                 and m.kind == "count" and _PRODUCTION_SAFETY.search(m.metric or "")), None)
    if part is None:
        return 0, mentions
    return part, [replace(m, subcount=False) if i >= part else m for i, m in enumerate(mentions)]


_ALL_SCOPES = re.compile(r"全口径")
# events of every kind (各类事故, 各类安全事故), not only production-safety accidents
_ALL_KINDS = re.compile(r"各类(?:安全)?事故")
_PRODUCTION_SAFETY = re.compile(r"生产安全事故|安全生产事故")


def _sector_sentences(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """1.铁路运输业1月份发生事故2起、死亡2人，同比增加1起，事故起数上升100%: a sentence whose first
    count of accidents is no jurisdiction's total (a sector, an area) is about that part, so none of
    its numbers takes a whole-jurisdiction code. Fatal accidents (亡人事故, 死亡事故) are the exception
    but for their own count: every death and every major accident happens in one. So is a sentence whose first accident
    clause has a part for its subject (小散工程和零星作业发生事故1起): none of its accident statistics
    from that clause on is the jurisdiction's."""
    # the first count of events: of accidents, or of events with no code at all (甘谷县3起, 交通运输业34起)
    # that are no other kind of events (火灾3起, 案件12起)
    first = next((m for m in mentions if m.unit == "起" and ("事故" in (m.metric or "") or m.kind == "count"
                                                            and m.indicator_code is None
                                                            and not _OTHER_EVENTS.search(m.metric or ""))), None)
    part_subject = _part_subject(sentence)
    if part_subject is not None:
        return [replace(m, indicator_code=None, code_evidence=None, confidence="high")
                if m.start > part_subject and m.indicator_code and m.indicator_code.startswith(_ACCIDENTS) else m
                for m in mentions]
    if first is None or first.indicator_code is not None or _grade_alone(first.metric or ""):
        return mentions  # 一般事故43起…；较大事故2起: a grade is no sector, the next grade keeps its code
    fatal = _FATAL_ACCIDENTS.search(first.metric or "") is not None
    out = list(mentions)
    for i, m in enumerate(out):
        if fatal and not (m.indicator_code or "").startswith("acc.accidents"):
            continue  # fatal accidents hold every death and every major accident: only their count is a part
        if m.start > first.start and m.indicator_code \
                and (is_whole(m.indicator_code) or m.indicator_code.startswith(_ACCIDENTS)) \
                and _one_statement(sentence[first.end:m.start]):
            out[i] = replace(m, indicator_code=None, code_evidence=None, confidence="high")
    return out


# the clause that first reports accidents, and its subject (各类建筑工程|未发生生产安全事故)
# (a class of accidents, 未发生重大以上事故, and a goal, 不发生…, say nothing of a subject's counts)
_ACCIDENT_CLAUSE = re.compile(r"([^，,；;。:：()（）]*?)(?<!不)(?:未|没有)?发生(?:(?!较大|重大|特大|以上)[^，,；;。]){0,12}?事故")


_OTHER_EVENTS = re.compile(r"火灾|火情|案件|灾害|险情|警情|事件|纠纷")
# accidents with deaths (亡人事故, 死亡事故): every death happens in one, so their deaths are all deaths
_FATAL_ACCIDENTS = re.compile(r"亡人事故|死亡事故")


def _one_statement(gap: str) -> bool:
    """No full stop in `gap`, or only the one before a sentence that goes on with the changes of
    the counts before it (…直接经济损失3.26万元。同比，事故起数减少1起: segment joins them)."""
    return "。" not in gap or (gap.count("。") == 1 and _BASIS_OPENING.match(gap.split("。")[1].lstrip()) is not None)


_BASIS_OPENING = re.compile(f"(?:{lexicon.basis_words_pattern()})")


def _part_subject(sentence: str) -> int | None:
    """小散工程和零星作业发生生产安全事故1起，死亡1人，同比增加1起: where the clause that first reports
    accidents starts, when its subject names a part of the jurisdiction (a sector, a kind of mine),
    not the whole (全区, 我市, a division: whole_subjects.txt) nor a remit sector that stands for it."""
    found = _ACCIDENT_CLAUSE.search(sentence)
    if found is None:
        return None
    return found.start() if _names_a_part(_TIME_WORDS.sub("", _ENUMERATOR.sub("", found.group(1)))) else None


def _names_a_part(subject: str) -> bool:
    """Whether a subject (time words and enumerators gone) still names something once the divisions
    and the words meaning the whole (whole_subjects.txt) are removed, and that is no remit sector."""
    for mention in sorted(find_regions_in(subject), key=lambda r: -r.start):
        subject = subject[:mention.start] + subject[mention.end:]
    for word in _whole_subjects():
        subject = subject.replace(word, "")
    return re.search(r"[\u4e00-\u9fff]", subject) is not None and not _names_remit_sector(subject)


@lru_cache(maxsize=1)
def _whole_subjects() -> tuple[str, ...]:
    return lexicon.word_list("whole_subjects.txt")


@dataclass
class DocumentState:
    """What the sentences read so far say about the ones after them (see `in_document`)."""

    previous: list[Mention] = field(default_factory=list)  # the last sentence's mentions
    whole_codes: set[str] = field(default_factory=set)  # whole-jurisdiction codes stated so far
    events: str | None = None  # what the text last counted in 起 (事故, 火灾, 案件)
    under_label: bool = False  # under a part's label of its own (道路运输业方面。) after the total
    label: str = ""  # that label's words (道路运输业), which name the part in its figures' metrics
    part: bool = False  # the last sentence was one part's
    columns: list[str] = field(default_factory=list)  # the header of a table as text being read (序号|…)
    cells: int = 0  # the cell separators of that table read so far, from its header's first cell on


def in_document(state: DocumentState, sentence: str, mentions: list[Mention]) -> list[Mention]:
    """A sentence's mentions read in the light of the sentences before it (updates `state`).

    - 交通运输和仓储业34起，死亡30人。事故起数同比上升6.3%。: changes in a sentence that counts nothing
      itself, right after a sentence whose counts of events were a part's (a sector, a county: no
      code), are that part's.
    - Once the text has stated the jurisdiction's own total, a sentence under a short label
      (工矿商贸：发生生产安全事故43起…; 道路交通：…) is one part's, and so is the rest of a sentence from
      a remit sector on (remit_sectors.txt: 各类事故…下降15.6%；工矿商贸事故…下降40.2%): before that total,
      a remit sector stands for it (全市工矿商贸领域发生生产安全事故40起).
    - After the total, a part's label standing as a sentence of its own (道路运输业方面。) makes the
      sentences under it that part's, up to the next heading (二、1-3月份生产安全事故情况); so does
      a heading about a part's accidents ((二)煤矿事故情况), with or without a total before it.
    - A sentence opening with 其中 right after a part's sentence is a part of that part
      (道路交通：发生事故28起…。其中，发生较大事故3起、死亡9人。).
    - A 其中 part whose code counts a kind of its total's events (其中较大事故2起 under all accidents,
      in its sentence or opening the next) is no sub-count (see _parts_whole_in_their_own_code).
    - A target leaves with no code: the indicator it aims at moves to `target_of` (see _aimed_at)."""
    if _LABEL_SENTENCE.fullmatch(sentence):
        state.under_label = bool(state.whole_codes)
        state.label = _label_words(sentence) if state.under_label else ""
    elif _HEADING.match(sentence):
        # (一)工矿商贸事故 stands for the whole until the whole was stated; after it, a remit sector is a part
        state.under_label = _heading_names_a_part(sentence, remit_is_part=bool(state.whole_codes))
        state.label = ""
    events = [m for m in state.previous if m.kind == "count" and m.unit == "起"]
    part_changes = bool(events) and not any(m.indicator_code for m in events) \
        and not any(m.kind == "count" for m in mentions)
    label = _PART_LABEL.match(sentence)
    # 应急管理部：上半年生产安全事故同比下降26.2%: a body speaking is no part's label
    labelled_part = bool(state.whole_codes) and label is not None \
        and not label.group().rstrip(":： ").endswith(lexicon.word_list("agency_suffixes.txt"))
    part_of_part = sentence.lstrip().startswith("其中") and \
        (state.part or bool(events) and not any(m.indicator_code for m in events))
    out = []
    in_part = part_changes or labelled_part or state.under_label or part_of_part
    # 道路运输业方面。全市发生事故15起; 建筑施工领域：发生2起: the label names what the figures count
    part_name = _label_words(label.group()) if labelled_part and label else state.label if state.under_label else ""
    # the part's accident statistics, and the changes that took their metrics
    statistics = {m.metric for m in mentions if m.metric and (m.unit == "起" or _PART_STATISTICS.search(m.metric))}
    previous_end = 0
    for m in mentions:
        if part_name and m.metric in statistics and _PART_WORDS.sub("", part_name) not in (m.metric or ""):
            m = replace(m, metric=part_name + (m.metric or ""))
        code = m.indicator_code
        remit = _names_remit_sector(m.metric)
        remit_part = remit and bool(state.whole_codes)
        if code and (in_part or remit_part) and (is_whole(code) or code.startswith(_ACCIDENTS)):
            m = replace(m, indicator_code=None, code_evidence=None, confidence="high")  # a part's accidents
        elif code and is_whole(code) and not remit and m.kind != "target":
            state.whole_codes.add(code)  # the jurisdiction's own total, stated (a target states none)
        # …22起(道路交通事故18起、工商贸事故1起),同比下降21.4%: a remit sector in brackets or as a later
        # item of a list of sectors is that item only; else the rest of the sentence is its
        in_part = in_part or (remit_part and not _in_brackets(sentence, m.start)
                              and not sentence[previous_end:m.start].lstrip().startswith("、"))
        previous_end = m.end
        out.append(m)
    out = _parts_whole_in_their_own_code(out, state.previous if sentence.lstrip().startswith("其中") else [])
    state.previous = out
    state.part = in_part
    return [_aimed_at(m) for m in _events_named(state, sentence, _in_table(state, sentence, out))]


def _in_table(state: DocumentState, sentence: str, mentions: list[Mention]) -> list[Mention]:
    """序号|检查主体|…|抽查比例|…|1|上高县市场监督管理局|…|5%|…: a table written as text, its rows
    joined into sentences, names each figure by its column's header (抽查比例), which the row's
    words do not. The header opens with 序号 and is followed by row 1; a sentence without a cell
    separator ends the table."""
    start = first_row = 0  # where the table and its rows begin in this sentence
    if not state.columns:
        found = _TABLE_HEADER.search(sentence)
        if found is None:
            return mentions
        state.columns = [cell.strip() for cell in found.group(1).split("|")[:-1]]  # it closes on a separator
        state.cells, start, first_row = 0, found.start(), found.end(1)
    elif "|" not in sentence:
        state.columns = []
        return mentions
    out = []
    for m in mentions:
        header = state.columns[(state.cells + sentence.count("|", start, m.start)) % len(state.columns)]
        if m.start >= first_row and header != "序号" and _CJK_WORD.search(header):
            m = replace(m, metric=header, rule="a table's column names it")
        out.append(m)
    state.cells += sentence.count("|", start)
    return out


# 序号|检查主体|年度计划名称|…|抽查数量|1|…: a header of three or more cells without digits, then row 1
_TABLE_HEADER = re.compile(r"(序号\s*(?:\|\s*[^|\d\n]{1,20}?\s*){3,}\|)\s*1\s*\|")
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2}")


def _aimed_at(m: Mention) -> Mention:
    """力争…下降5%以上, 全年计划检查600家次: a target is no measurement of its indicator, so its code
    moves to `target_of` (what plan_vs_actual compares it with) and `indicator_code` stays NULL."""
    if m.kind != "target" or m.indicator_code is None:
        return m
    return replace(m, indicator_code=None, target_of=m.indicator_code)


# what a count in 起 counts
_EVENT_NOUN = re.compile(r"事故|火灾|火情|案件|灾害|险情|警情|事件|纠纷")
# the work of rescue crews counted in 起 (抢险救援44.4万起, 担负综合救援任务377起) counts no events
_OWN_ACT = re.compile(r"救援|处置|接报|接警|出警|任务")


@lru_cache(maxsize=1)
def _head_verbs() -> tuple[str, ...]:
    return lexicon.word_list("metric_head_verbs.txt")


def _events_named(state: DocumentState, sentence: str, mentions: list[Mention]) -> list[Mention]:
    """秦州区9起…; 金属非金属矿山1起: a count in 起 whose metric names only where (an area, a sector)
    counts the events the text was last about, so its metric names them (秦州区事故). The code
    is left as it was: the metric only says more."""
    out = []
    renamed: dict[str, str] = {}  # …；四项指标同比分别下降50%…: the changes that took such a metric
    for m in mentions:
        if m.metric in renamed:
            m = replace(m, metric=renamed[m.metric])
        elif m.unit == "起" and m.metric and not _EVENT_NOUN.search(m.metric) and not _OWN_ACT.search(m.metric) \
                and not any(verb in m.metric for verb in _head_verbs()):  # 查处违法行为 says what it counts
            named = [found.group() for found in _EVENT_NOUN.finditer(sentence, 0, m.start)]
            if events := (named[-1] if named else state.events):
                renamed[m.metric] = m.metric + events
                m = replace(m, metric=m.metric + events)
        out.append(m)
    if named_here := _EVENT_NOUN.findall(sentence):
        state.events = named_here[-1]
    return out


# an enumerator opening a line or a part: (一), 一、, 1.
_ENUMERATION = r"(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])"
_ENUMERATED = r"\s*" + _ENUMERATION + r"?\s*"
_LABEL_SENTENCE = re.compile(_ENUMERATED + r"(?!全|各)[\u4e00-\u9fff]{2,12}(?:方面|领域|行业)\s*[。：:]?\s*")
_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")


def _label_words(label: str) -> str:
    """(二)道路运输业方面。 → 道路运输业; 建筑施工领域： → 建筑施工领域; a label that names no
    sector or field (据统计：, 从区域看：) → ''."""
    words = re.sub(_ENUMERATED, "", label, count=1).strip(" 。：:")
    return "" if _NO_PART_LABEL.match(words) else words.removesuffix("方面")


# the words that end a label naming a part (道路运输业方面, 建筑施工领域, 工贸行业), dropped when its
# figures' metrics are checked for its name
_PART_WORDS = re.compile(r"(?:方面|领域|行业)$")
# labels that name no part: a source or a view (据统计：, 从区域看：, 总体来看：, 数据显示：)
_NO_PART_LABEL = re.compile(r"据|从|总体|总的|整体|数据|具体|其中|经|截至|综上|目前")
# what a part's accident statistics count besides events in 起
_PART_STATISTICS = re.compile(r"事故|死亡|受伤|伤亡|失踪|经济损失")

# (二)煤矿事故情况, 三、道路交通事故: a heading about the accidents of something
_ACCIDENT_HEADING = re.compile(_ENUMERATED + r"([^。，,；;：:]{1,16}?)(?:事故|火灾)(?:情况|分析)?\s*[。：:]?\s*")
# words of such a heading that still mean the whole: 二、1-3月份生产安全事故情况, (一)事故总体情况
_WHOLE_HEADING_WORDS = re.compile(r"生产安全|安全生产|总体|整体|基本|各类|主要|较大|重大|特大|一般|亡人|以上|及")


def _heading_names_a_part(heading: str, remit_is_part: bool = False) -> bool:
    """(二)煤矿事故情况 and (三)非煤矿山事故情况 are about parts; 二、1-3月份生产安全事故情况 is not,
    nor a remit sector's heading (一、工矿商贸事故情况), which stands for the whole unless
    `remit_is_part` (the whole was stated before it)."""
    found = _ACCIDENT_HEADING.fullmatch(heading)
    if found is None:
        return False
    subject = _WHOLE_HEADING_WORDS.sub("", _TIME_WORDS.sub("", found.group(1)))
    return _names_a_part(subject) or (remit_is_part and _names_remit_sector(subject))


_ACCIDENTS = "acc."  # the accident statistics: a part's major accidents are not the jurisdiction's either
# 工矿商贸：…, (二)道路交通：…: a short label opening a sentence names the part it is about
_PART_LABEL = re.compile(_ENUMERATED + r"(?!全|其中)[\u4e00-\u9fff]{2,8}[:：]")


@lru_cache(maxsize=1)
def _remit_sectors() -> tuple[str, ...]:
    return tuple(lexicon.word_list("remit_sectors.txt"))


def _names_remit_sector(metric: str | None) -> bool:
    return any(sector in (metric or "") for sector in _remit_sectors())


def _with_rule(m: Mention) -> Mention:
    """The structure rule joins the code's evidence, and makes a confident choice a medium one."""
    if m.rule is None and m.metric:
        return m
    evidence = "; ".join(part for part in (m.code_evidence, m.rule and f"subject: {m.rule}") if part)
    confidence = "low" if not m.metric else "medium" if m.confidence == "high" else m.confidence
    return replace(m, code_evidence=evidence or None, confidence=confidence)


_HEADCOUNTS = ("人", "名", "人次")  # units that count people, never in fractions


def _with_code(sentence: str, m: Mention, context: DocumentContext) -> Mention:
    if m.kind == "change" and m.basis not in ("yoy", None):
        return m  # every change code is year on year (*_yoy): not against an average or a named year
    if _AREA_OPENING.match(sentence) or _names_another_division(m.metric, context.region_code):
        return m  # one area's figure is none of the jurisdiction's indicators
    if m.kind == "count" and m.unit in _HEADCOUNTS and m.value % 1:
        return m  # 10万人生产安全事故死亡人数1.244人: a fraction of a person is a rate, no headcount
    # a topic that is not the whole jurisdiction (商贸制造业…, not 全市…) names a part of it; so does the
    # object of an action (对7起事故进行调查: the accidents investigated, not all that happened)
    part = m.subcount or (m.rule == _TOPIC_RULE and not (m.metric or "").startswith("全")) \
        or _OBJECT_OF_ACTION.search(sentence, max(0, m.start - 3), m.start) is not None \
        or _opens_with_a_sector(sentence) or _about_disasters(sentence, m.start)
    metric = m.metric
    if metric and "一般" in metric and _NO_HIGHER_GRADE.search(sentence):
        metric = metric.replace("一般", "")  # 发生一般事故24起，未发生较大及以上事故: every accident was 一般
    choice = choose_code(metric, m.unit, m.kind, sentence, (m.start, m.end), part=part)
    if choice is None:
        return m  # most mentions get none: no copy
    confidence = "low" if choice.where == "sentence" else "medium" if choice.where == "clause" else "high"
    evidence = choice.evidence
    if m.kind == "change" and m.basis is None:
        # 各类生产安全事故起数、死亡人数分别下降15.7%、14.2%: a year's change that names no basis is
        # against the year before, as the comparison tables read it too (stated_changes)
        evidence, confidence = f"{evidence}; no basis stated: read as year on year", "low" if confidence == "low" else "medium"
    return replace(m, indicator_code=choice.code, code_evidence=evidence, confidence=confidence)


_DISASTER_OR_ACCIDENT = re.compile(r"因灾|灾害|事故")
# no accident above the lowest grade: 未发生较大及以上生产安全事故
_NO_HIGHER_GRADE = re.compile(r"(?:未|没有|无)(?:发生)?较大(?:及|以)?以上(?:生产安全|安全生产)?事故")


def _about_disasters(sentence: str, at: int) -> bool:
    """自然灾害形势保持稳定，因灾受灾416万人、倒塌房屋175间、死亡7人: the last of disasters and
    accidents named before the number is a disaster, so its deaths are no accident's."""
    named = _DISASTER_OR_ACCIDENT.findall(sentence, 0, at)
    return bool(named) and named[-1] != "事故"


# 工矿商贸及其他领域，初步判定为生产安全事故9起: a sentence about one sector (not 各行业领域, 全市)
_SECTOR_OPENING = re.compile(r"[^，,；;。：:]{0,12}?(?:领域|行业)[，,：:]")


def _opens_with_a_sector(sentence: str) -> bool:
    found = _SECTOR_OPENING.match(sentence)
    return found is not None and not any(word in found.group() for word in ("全", "各", "所有"))


_OBJECT_OF_ACTION = re.compile(r"(?:对|将|把)\s*$")


def _names_another_division(metric: str | None, region_code: str | None) -> bool:
    """鼓楼区事故10起 in a report of 福州市: the figure of one division inside the reporting one (or
    of any division, when the reporter is unknown) is none of the jurisdiction's indicators."""
    if not metric or not any(ch in metric for ch in "省市区县州旗盟"):
        return False
    own = by_code(region_code) if region_code else None
    for mention in find_regions_in(metric):
        if not mention.full:
            continue
        if own is None or not any(is_within(own, named) for named in mention.regions):
            return True
    return False


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
                if not (m.subcount and is_whole(prev.indicator_code)) and not excludes(prev.indicator_code, m.metric):
                    out[i] = replace(m, indicator_code=prev.indicator_code, confidence="low",
                                     code_evidence=f"carried over from {sentence[prev.start:prev.end]}")
                break
            if prev.unit == m.unit:
                break
    return out


# what a count of people says when it only says that they were reached (覆盖500余人次, 惠及群众3000余人)
_REACH = re.compile(r"(?:累计|共|共计|合计)?(?:覆盖|参与|参加|惠及|服务|受众|受益|受教育)(?:群众|人数|人次|干部职工|人员)?")
# the activities whose audience such a count is, and what that audience is
_AUDIENCE_OF = (("train.", "train.participants"), ("pub.", "pub.participants"))


def _same_part(sentence: str, start: int, end: int) -> bool:
    """Whether no ；, ; or 。 stands between `start` and `end`: both in one part of the sentence."""
    return not any(ch in "；;。" for ch in sentence[start:end])


def _audience_of(activity: Mention) -> str | None:
    return next((code for kind, code in _AUDIENCE_OF
                 if (activity.indicator_code or "").startswith(kind) and activity.unit not in _HEADCOUNTS), None)


def _audiences_reached(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """开展法治培训10场次，覆盖500余人次; 普法宣传10次，发放宣传材料2000余份，惠及群众3000余人:
    people only said to be reached, right after a count of training or of publicity in the same part
    of the sentence, are that activity's participants (trained, or reached by publicity)."""
    out = list(mentions)
    for i, m in enumerate(out):
        if i == 0 or m.unit not in _HEADCOUNTS or m.kind != "count" or not _REACH.fullmatch(m.metric or ""):
            continue
        prev = out[i - 1]
        if not _same_part(sentence, prev.end, m.start):
            continue
        audience = _audience_of(prev)
        # 开展普法宣传活动20场、法治培训10场次，覆盖3000人次: reached by activities of both kinds
        part = [p for p in out[:i] if _same_part(sentence, p.end, m.start)]
        if audience and audience != m.indicator_code and {_audience_of(p) for p in part} - {None} == {audience}:
            out[i] = replace(m, indicator_code=audience, confidence="low",
                             code_evidence=f"audience of the activity counted in {sentence[prev.start:prev.end]}")
    return out


# 与前两年平均数相比, 较近5年均值: a base other than the year before, which names no subject either
_OTHER_BASE = re.compile(r"与[^，,；;。]{0,14}?相比|较[^，,；;。]{0,10}?(?:均值|平均数|平均值|平均)")


def _names_no_subject(words: str) -> bool:
    """Whether `words` (同比分别下降, 较2019年减少) only compare, naming nothing compared."""
    return re.search(r"[\u4e00-\u9fff]", _without_subject_free_words(_OTHER_BASE.sub("", _NAMED_YEAR.sub("", words)))) is None


def _without_subject_free_words(text: str) -> str:
    """`text` without the words that name no subject (同比, 上升, 分别, 较…: _subject_free_words)."""
    for word in _subject_free_words():
        text = text.replace(word, "")
    return text


def _changes_name_their_subject(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """行政诉讼案件47件，同比上升6.8%: a change whose metric is only 同比上升 is about the count before
    it (the last one in its unit: 事故7起、死亡29人，同比减少2起 is about the 7起); so is a prior-year
    value (合格率99.3%，较2019年的98.7%) whose metric is only 较, and a value reached (覆盖率从10%提升
    至50%, 队伍从1.11万人发展到1.51万人) whose metric is only its verb. The first number of a sentence is
    about the clause that opens it."""
    out = list(mentions)
    for i, m in enumerate(out):
        # 较2022年同比减少6起: the base year names no subject
        if _without_subject_free_words(_NAMED_YEAR.sub("", m.metric or "")).strip():
            continue
        if subject := _subject_before_brackets(sentence, m.start):
            # 死亡人数(去年同期4人), 刑事立案数(同比下降13.4%): a value in brackets after its subject
            out[i] = replace(m, metric=subject, rule="a value in brackets names the subject before them")
            continue
        if zero := _zero_outcome_before(sentence, m.start):
            # 无人死亡，同比(6人)下降100%; 全市未发生较大事故，同比减少1起、3人: the clause before
            # states none of an outcome (of events) this year; people counted against events died in them
            if zero.endswith("事故") and m.unit in ("人", "名"):
                zero += "死亡"
            out[i] = replace(m, metric=zero, rule=_DENIED_RULE)
            continue
        if i == 0:
            # 商贸制造业1月份无事故，同比减少2起: the sentence's opening clause is the subject
            topic = _opening_topic(sentence, m.start)
            if topic:
                out[i] = replace(m, metric=topic, rule=_TOPIC_RULE)
            continue
        earlier = [p for p in out[:i] if not _in_aside(sentence, p.start, m.start)] or out[:i]
        same_unit = [p for p in earlier if p.unit == m.unit] if m.unit not in ("%", "倍") else []
        out[i] = replace(m, metric=(same_unit[-1] if same_unit else earlier[-1]).metric,
                         rule="a change names the count before it" if m.kind == "change"
                         else "a value reached (从10%提升至50%) names the value before it")
    return out


_NAMED_YEAR = re.compile(r"(?:19|20)\d\d年")
_BRACKETED_LAST_YEAR = re.compile(r"([^，,；;。、(（)）%\d]{1,12}?)(?:同比)?[(（]\s*(?:同比|去年|上年)(?:同期)?\s*"
                                  rf"(?:{_LIST_CHANGE_VERBS})?\s*$")


def _subject_before_brackets(sentence: str, at: int) -> str | None:
    """事故起数 of 事故起数同比(去年128起, 刑事立案数 of 刑事立案数(同比下降13.4% at the number."""
    found = _BRACKETED_LAST_YEAR.search(sentence, max(0, at - 24), at)
    return found.group(1).lstrip("和及与") if found else None


_ZERO_OUTCOME = re.compile(rf"^(?:[全我本][省市区县州])?(?:无人|无|未发生|未|没有)"
                          rf"((?:[^，,；;。\d]{{0,12}}?)(?:{_OUTCOMES}|事故))$")


def _zero_outcome_before(sentence: str, at: int) -> str | None:
    """死亡 when the clause before the one holding `at` is 无人死亡 (未发生较大事故: 较大事故)."""
    window = max(0, at - 40)  # both clauses are short: linear on any sentence
    own_start = max(sentence.rfind(ch, window, at) for ch in "，,；;")
    if own_start <= window:
        return None
    found = _ZERO_OUTCOME.match(_clause_before(sentence[window:], own_start - window).strip())
    return found.group(1) if found else None


_TOPIC_RULE = "a change names the clause that opens its sentence"
_DENIED_RULE = "a change names the outcome the clause before denies"
_ENUMERATOR = re.compile(r"^\s*" + _ENUMERATION + r"\s*")
_TIME_WORDS = re.compile(r"(?:截至|截止|至)?(?:(?:19|20)\d\d年(?:度)?)?(?:\d{1,2}(?:[-—–~至到]\d{1,2})?月份?)?"
                         r"(?:\d{1,2}日)?(?:以来|底|末)?(?<=[年月日度来底末份])"
                         r"|[上下]半年|今年以来|全年|(?:前|第)?[一二三四1-4]个?季度")


def _opening_topic(sentence: str, before: int) -> str | None:
    """The first clause of the sentence, when it ends before `before` and holds no number: its
    words without enumerator and time words ((三)商贸制造业1月份无事故 → 商贸制造业无事故)."""
    first = re.match(r"[^，,；;。]*[，,]", sentence)
    if not first or first.end() > before:
        return None
    topic = _TIME_WORDS.sub("", _ENUMERATOR.sub("", first.group()[:-1]))
    return topic if topic and not any(ch.isdigit() for ch in topic) else None


_OUTCOME = re.compile(_OUTCOMES)
_OPENS_WITH_OUTCOME = re.compile(rf"[；;][,，\s]*(?:{_OUTCOMES})[^，,；;。]{{0,4}}$")


_LIST_ITEM_START = re.compile(r"[、，,；;]")
# Words that may stand before an outcome without naming its cause (造成7人死亡, 共死亡3人).
_OWN_CAUSE = re.compile(r"造成|导致|致|共|累计|其中|均|同比|人员|多|少|\s")


def _outcomes_name_their_accidents(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """道路运输共发生事故64起，死亡50人 (or 城乡火灾17435起、死亡69人): deaths (injuries) counted right
    after events are the deaths of those events, so their metric names them (道路运输共发生事故死亡)
    and they are coded as what those events are: all accidents, a sector's, the major ones, fires.
    A part of the sentence that opens with the outcome (…下降71.4%；死亡2人) still continues it.
    People counted bare right after accidents (重大事故1起、14人; 贵州2起、15人) are their dead."""
    out = list(mentions)
    for i, m in enumerate(out):
        metric = m.metric or ""
        outcome = _OUTCOME.search(metric)
        if outcome is None and i and _BARE_OUTCOME.fullmatch(sentence, out[i - 1].end, m.start) \
                and _counts_accidents(sentence, out[i - 1]) and m.kind == "count" and m.unit in ("人", "名"):
            # 重大事故1起、14人; 贵州2起、15人: people counted bare right after accidents are their dead
            out[i] = replace(m, metric=(out[i - 1].metric or "") + "死亡", rule="deaths of the events counted before")
            continue
        if outcome is None or "事故" in metric or m.unit not in ("人", "名"):
            continue
        if _OWN_CAUSE.sub("", _LIST_ITEM_START.split(metric[:outcome.start()])[-1]):
            continue  # 因灾死亡19人: the metric names its own cause (起数同比持平、死亡人数减少 names none)
        opens_part = _OPENS_WITH_OUTCOME.search(sentence, 0, m.start) is not None
        for prev in reversed(out[:i]):
            between = sentence[prev.end:m.start]
            if "。" in between or (not opens_part and any(ch in "；;" for ch in between)):
                break
            if prev.unit == "起" and prev.kind != "change" and not _in_aside(sentence, prev.start, m.start):
                out[i] = replace(m, metric=(prev.metric or "") + metric[outcome.start():],
                                 rule="deaths of the events counted before")
                break
    return out


# the gap of 事故2起、15人: an enumeration comma and nothing else
_BARE_OUTCOME = re.compile(r"\s*、\s*")


def _counts_accidents(sentence: str, m: Mention) -> bool:
    """A count in 起 of accidents or fires: the last events named before it (in its metric or earlier
    in the sentence: 贵州2起) are 事故 or 火灾, and its metric is no act on them (查处, 追责)."""
    if m.unit != "起" or m.kind != "count" or _ACT_ON_EVENTS.search(m.metric or ""):
        return False
    named = _EVENT_NOUN.findall(sentence, 0, m.end)
    return bool(named) and named[-1] in ("事故", "火灾")


# what is done about events, counted in 起 too (查处违法案件12起、35人; 责任追究12起、35人)
_ACT_ON_EVENTS = re.compile(r"查处|追责|问责|追究|处理|处罚|移送|督办")


def _counts_of_the_events_before(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """辖区发生生产安全事故5起，死亡4人，同比去年起数下降16.67%: a bare 起数 (no events named) is the
    count of the events counted before it in the sentence."""
    out = list(mentions)
    for i, m in enumerate(out):
        metric = m.metric or ""
        if "起数" not in metric or _EVENT_NOUN.search(metric) or m.unit in ("人", "名"):
            continue  # 同比起数持平、减少4人: people are not the count of events
        for prev in reversed(out[:i]):
            between = sentence[prev.end:m.start]
            if "。" in between:
                break
            if denied := _DENIED_EVENTS.findall(between):
                # …；未发生较大事故，同比起数减少2起: the events denied in between
                out[i] = replace(m, metric=denied[-1] + "起数", rule="the count of the events denied before")
                break
            if prev.unit == "起" and prev.kind == "count" and _EVENT_NOUN.search(prev.metric or ""):
                out[i] = replace(m, metric=(prev.metric or "") + "起数", rule="the count of the events counted before")
                break
    return out


_DENIED_EVENTS = re.compile(r"(?:未|没有)发生([^，,；;。\d]{0,12}?事故)")
# a whole clause that denies events, with its subject: 国有地方煤矿未发生事故 (国有地方煤矿, 事故)
# ，与前两年平均数相比 / ，较2019年: a list's own clause that only names another base
_ANOTHER_BASIS_ONLY = re.compile(r"[，,]\s*(?:与|较|比)[^，,；;。%]{0,16}?(?:相比|相较)?")
_DENIAL = re.compile(r"^\s*([^，,；;。\d]{0,16}?)(?:未|没有)发生([^，,；;。\d]{0,12}?事故)\s*$")


_LAST_YEAR_ASIDE = re.compile(r"\s*(?:同比|去年|上年|同期)")


def _in_aside(sentence: str, pos: int, before: int) -> bool:
    """`pos` lies in brackets that close before `before`: 事故22起(其中道路交通事故18起…),同比下降21.4%
    — the change after the aside is about the count before it, not about the numbers inside."""
    opened = max(sentence.rfind("(", 0, pos), sentence.rfind("（", 0, pos))
    if opened < 0 or opened < max(sentence.rfind(")", 0, pos), sentence.rfind("）", 0, pos)):
        return False
    if _LAST_YEAR_ASIDE.match(sentence, opened + 1):
        return False  # 事故起数同比(去年128起)上升3.9%: last year's value is part of the comparison
    closes = [c for c in (sentence.find(")", pos, before), sentence.find("）", pos, before)) if c >= 0]
    return bool(closes)


_INCLUSION = re.compile(r"\s*(?:含|包含|包括|其中)")


def _parts_named_only(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """受理举报6299件，包括省应急管理厅845件，各市应急系统5454件: a part after 包括/其中 named only by
    who or where it is (a body, a division) counts what its total counts (省应急管理厅受理举报)."""
    out = list(mentions)
    for i, m in enumerate(out):
        named = _NAME_ONLY.fullmatch(m.metric or "")
        if named is None or m.kind not in ("count", "money") or not _OPENS_PARTS.search(sentence, 0, m.start):
            continue
        donor = next((p for p in reversed(mentions[:i]) if p.unit == m.unit and p.kind == m.kind
                      and p.metric and not _NAME_ONLY.fullmatch(p.metric)), None)
        if donor is not None and _OPENS_PARTS.search(sentence, donor.end, m.start):
            out[i] = replace(m, metric=named.group(1) + (donor.metric or ""), rule="a part named only by who it is")
    return out


_OPENS_PARTS = re.compile(r"包括|其中")
# a metric that only names a body or a division (包括省应急管理厅, 各市应急系统, 港口区)
_NAME_ONLY = re.compile(r"(?:包括|其中)?[:：]?([\u4e00-\u9fff]{1,10}?(?:局|厅|委|系统|部门|单位|区|县|市|州|镇|乡|街道))")


def _in_inclusion(sentence: str, pos: int) -> bool:
    """死亡35人(含高速事故6起6人): a number in brackets that open with 含/包括/其中 is a part."""
    opened = _bracket_open_at(sentence, pos)
    return opened >= 0 and _INCLUSION.match(sentence, opened + 1) is not None


def _in_brackets(sentence: str, pos: int) -> bool:
    return _bracket_open_at(sentence, pos) >= 0


def _bracket_open_at(sentence: str, pos: int) -> int:
    """Where the bracket that is still open at `pos` opens, or -1."""
    opened = max(sentence.rfind("(", 0, pos), sentence.rfind("（", 0, pos))
    return -1 if opened < max(sentence.rfind(")", 0, pos), sentence.rfind("）", 0, pos)) else opened


def _clause_before(sentence: str, at: int) -> str:
    """The text from the last clause break before `at` up to `at`."""
    return sentence[max(sentence.rfind(ch, 0, at) for ch in "，,；;。：:") + 1:at]


_LIST_LEAD = re.compile(r"[“”\"）)：:]")


def _listed_subjects(sentence: str, at: int) -> tuple[int, list[str]]:
    """Where the clause before `at` starts, and its items (A、B, A和B: two; 较大事故: one).

    A comparison basis closing the clause is not an item: 事故起数、死亡人数同比分别下降… lists
    事故起数 and 死亡人数; so is a clause that only names the basis: in 受灾人口、因灾死亡人数，
    与前5年平均值相比，同比分别下降… the subjects stand before it."""
    clause = _clause_before(sentence, at)
    clause_start = at - len(clause)
    listed = _basis_at_end().sub("", clause)
    trailing = _TRAILING_COMPARISON.search(listed.strip())
    if trailing and trailing.start() > 0 and _LIST_SEPARATOR.search(listed[:trailing.start()]):
        # 因灾死亡失踪人口、倒塌房屋数量、直接经济损失占GDP比重较近5年均值分别下降…: the list, then its basis
        listed = listed.strip()[:trailing.start()]
    elif _COMPARISON_CLAUSE.search(listed.strip()) and clause_start > 0:
        # 事故起数、死亡人数，与前三年平均数相比分别下降…: the clause only names the basis
        listed = _clause_before(sentence, clause_start - 1)
        clause_start = clause_start - 1 - len(listed)
    elif not listed.strip() and clause_start > 0:
        comparison = _clause_before(sentence, clause_start - 1)
        subjects_end = clause_start - 1 - len(comparison) - 1
        verdict = _BASIS_THEN_VERDICT.search(comparison)
        ahead = _TRAILING_COMPARISON.search(comparison)
        if ahead and ahead.start() > 0:
            # 受灾人次、倒塌房屋数量和直接经济损失与近5年均值相比，分别下降…: the subjects before it
            listed = comparison[:ahead.start()]
            clause_start = clause_start - 1 - len(comparison)
        elif _COMPARISON_CLAUSE.search(comparison) and subjects_end > 0:
            listed = _clause_before(sentence, subjects_end)
            clause_start = subjects_end - len(listed)
        elif verdict and verdict.start() > 0:
            # 事故起数和死亡人数同比大幅“双下降”，分别下降33.5%和42.7%: the subjects before the basis
            listed = comparison[:verdict.start()]
            clause_start = clause_start - 1 - len(comparison)
    fillers = lexicon.word_list("metric_fillers.txt")
    items = []
    # 中新网6月26日电(记者)“广西事故起数…: the list starts after a quote, a bracket or a colon
    lead = _LIST_LEAD.split(listed)[-1]
    clause_start += len(listed) - len(lead)
    listed = lead
    for item in _LIST_SEPARATOR.split(listed):
        while item and (filler := next((f for f in fillers if item.startswith(f)), None)):
            item = item[len(filler):]
        if item:
            items.append(item)
    return clause_start, items


@lru_cache(maxsize=1)
def _basis_at_end() -> re.Pattern[str]:
    return re.compile(f"(?:{lexicon.basis_words_pattern()})\\s*$")


@lru_cache(maxsize=1)
def _list_gap() -> re.Pattern[str]:
    """What separates the values of one 分别 list: 下降12.6%和下降2.8%, 41件、63件, 22.2%和上升11.5%."""
    verbs = "|".join(re.escape(word) for word, _ in lexicon.change_words())
    return re.compile(f"\\s*[、和及与]?\\s*(?:分别)?(?:{verbs})?\\s*")


# 分别, 均 before a change verb (事故起数、死亡人数同比均下降47.06%), or a change verb right after
# its basis, which distributes when a list of values follows (事故301起、死亡279人，同比下降14.0%、6.4%),
# or opening a clause straight before its values, which goes on distributing the list before it
# (同比分别增加2起、4人，上升33.3%、14.8%), or right after the measures it changes (同比事故起数、
# 死亡人数减少4起、16人)
_MEASURES_BEFORE_VERB = ("起数", "人数", "损失")
_LIST_DISTRIBUTOR = re.compile(f"分别|均(?=[^，,；;。]{{0,6}}?(?:{_LIST_CHANGE_VERBS}))"
                               f"|(?:{'|'.join(f'(?<={basis})' for basis in _YEAR_BEFORE_BASES)}|(?<=较\\d{{4}}年)|(?<=相比))"
                               f"(?:{_LIST_CHANGE_VERBS})|(?:(?<=[，,])|{'|'.join(f'(?<={m})' for m in _MEASURES_BEFORE_VERB)})"
                               f"(?:{_LIST_CHANGE_VERBS})(?=\\s*\\d)")


def _listed_values(sentence: str, mentions: list[Mention], at: int) -> list[int]:
    """The mentions of the list that follows 分别/均 at `at`: the first one after it in the same
    clause, then each one joined to the one before by a list separator."""
    following = [i for i, m in enumerate(mentions) if m.start > at]
    if not following or any(ch in "，,；;。" for ch in sentence[at:mentions[following[0]].start]):
        return []
    values = [following[0]]
    for i in following[1:]:
        last = mentions[values[-1]]
        # 下降26.5%,18.1%: a bare comma joins two values of one unit, or two changes when the later says
        # nothing of its own (同比减少15起,12人,分别下降…; not 事故12起，8人死亡)
        alike = mentions[i].unit == last.unit or (
            last.kind == "change" and last.unit != "%" and _NOTHING_AFTER.match(sentence, mentions[i].end) is not None)
        comma = alike and _BARE_COMMA.fullmatch(sentence, last.end, mentions[i].start)
        if not comma and not _list_gap().fullmatch(sentence, last.end, mentions[i].start):
            break
        values.append(i)
    return values


_BARE_COMMA = re.compile(r"\s*[，,]\s*")
_NOTHING_AFTER = re.compile(r"\s*(?:[，,；;。]|$)")


_COUNT_OF = re.compile(r"(.+?)(?:起数|总量)$")


def _shared_modifier(subjects: list[str]) -> list[str]:
    """较大事故起数和死亡人数: the first subject's events (较大事故) are those whose outcomes the later,
    bare subjects count (较大事故死亡人数)."""
    counted = _COUNT_OF.match(subjects[0])
    if counted is None:
        return subjects
    return [subjects[0]] + [counted.group(1) + s if _OUTCOME.match(s) else s for s in subjects[1:]]


_BARE_MEASURE = re.compile(r"(?:同比)?(?:事故)?(起数|死亡人数|受伤人数|直接经济损失|经济损失)")
# the part of a sentence that opens on a count of one class of accidents (其中较大事故2起, 发生较大事故1起)
_OPENS_ON_A_CLASS = re.compile(r"\s*(?:其中[，,：:]?\s*)?(?:[全本我][省市区县州])?共?(?:发生)?"
                               r"((?:特别)?(?:重大|较大)(?:及以上)?事故)[1-9]")


def _of_the_class_counted(sentence: str, clause_start: int, subjects: list[str]) -> list[str]:
    """其中较大事故2起、死亡6人，同比事故起数、死亡人数减少4起、16人: bare measures in a part of a
    sentence (after 。or ；) that opens on a count of one class of accidents measure that class
    (较大事故起数); in a part that opens on the total they stay the total's."""
    bare = [_BARE_MEASURE.fullmatch(s) for s in subjects]
    opened = max(sentence.rfind(ch, 0, clause_start) for ch in "。；;") + 1
    counted = _OPENS_ON_A_CLASS.match(sentence, opened, clause_start)
    if counted is None or not all(bare):
        return subjects
    return [counted.group(1) + m.group(1) for m in bare if m is not None]


def _sectors_sharing_a_measure(subjects: list[str]) -> tuple[list[str], bool]:
    """道路交通、建筑施工、小散工程事故死亡人数分别下降…: bare names before one that ends in a measure of
    accidents are sectors measured the same way, each a part (道路交通事故死亡人数); returns the
    subjects and whether they are such parts."""
    measure = _ACCIDENT_MEASURE.search(subjects[-1])
    if len(subjects) < 2 or measure is None or any(_MEASURE_WORD.search(s) for s in subjects[:-1]):
        return subjects, False
    return [s + subjects[-1][measure.start():] for s in subjects[:-1]] + [subjects[-1]], True


_ACCIDENT_MEASURE = re.compile(r"事故(?:起数|死亡人数|死亡|数)?$")
_MEASURE_WORD = re.compile(r"事故|死亡|起数|人数|受伤|损失")


def _outcome_of(subject: str) -> str:
    """死亡人数 of 死亡人数 (what is counted when it is an outcome of events), else ''."""
    found = _OUTCOME.search(subject)
    return subject[found.start():] if found else ""


# 事故起数、死亡人数由2018年的4098起、2310人下降至2023年的657起、707人: two lists of levels
_FROM_YEAR = re.compile(r"由\s*(?:19|20)\d\d\s*年(?:底|末)?的?")
_TO_YEAR = re.compile(r"[^，,；;。\d]{0,4}?(?:至|到)\s*(?:19|20)\d\d\s*年(?:底|末)?的?")


def _from_to_lists(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """The subjects listed before 由…的 name, in order, the values of the list after it and of the
    list after 至…的 (as many values as subjects in each)."""
    out = list(mentions)
    for found in _FROM_YEAR.finditer(sentence):
        first = _listed_values(sentence, out, found.start())
        clause_start, subjects = _listed_subjects(sentence, found.start())
        subjects = _shared_modifier(subjects) if len(subjects) >= 2 else []
        if not subjects or len(first) != len(subjects) or any(clause_start <= m.start < found.start() for m in out):
            continue
        lists = [first]
        to = _TO_YEAR.match(sentence, out[first[-1]].end)
        if to and len(second := _listed_values(sentence, out, to.end() - 1)) == len(subjects):
            lists.append(second)
        for values in lists:
            head = out[values[0]]  # 2018年的4098起、2310人: the list is of its first value's year
            for subject, i in zip(subjects, values, strict=True):
                out[i] = replace(out[i], metric=subject, period_year=head.period_year, period=head.period,
                                 rule="a list of values: the subjects listed before, in order")
    return out


# 均 inside 均值, 平均, 人均, 日均: an average, no "all"
_AVERAGED = re.compile(r"均[值数]|[平人日户]均")


def _second_of_pair(sentence: str, first: Mention, gap: str) -> bool:
    """由2020年的74%进一步压缩到2021年的52%, 审批总时限由9730个工作日，压缩到5591个工作日: whether
    the value after `gap` is the second of a 由…到 pair that `first` opens."""
    return bool(_PAIR_GAP.fullmatch(gap) and "由" in sentence[max(0, first.start - 12):first.start]
                or _PAIR_GAP_AFTER_COMMA.fullmatch(gap) and _FROM_RIGHT_BEFORE.search(sentence, 0, first.start))


def _events_of_outcomes(sentence: str, out: list[Mention], before: list[int]) -> int | None:
    """The count of events (起) that the counts right before a change are, with its outcomes (死亡2人,
    受伤1人) after it in the same part of the sentence; None when anything else is counted between."""
    for k in range(len(before) - 1, -1, -1):
        m = out[before[k]]
        if not _same_part(sentence, m.end, out[before[-1]].start):
            return None
        if m.unit == "起":
            return before[k] if k < len(before) - 1 else None
        if m.unit not in ("人", "名", "元"):
            return None
    return None


def _first_of_part(sentence: str, out: list[Mention], before: list[int]) -> int:
    """The first of the counts `before` ends with that stand in the same ；-part of the sentence."""
    first = before[-1]
    for i in reversed(before[:-1]):
        if not _same_part(sentence, out[i].end, out[first].start):
            break
        first = i
    return first


_FLAT_ITEM = re.compile(r"\s*[、，,和及与]\s*持平")


def _sentence_structures(sentence: str, mentions: list[Mention]) -> list[Mention]:
    out = _from_to_lists(sentence, mentions)
    earlier_subjects: list[str] = []
    denied: list[int] = []  # the values of the last list that changed what a clause denied
    for found in _LIST_DISTRIBUTOR.finditer(sentence):
        at = found.start()
        values = _listed_values(sentence, out, at)
        if not values or (len(values) < 2 and found.group() not in ("分别", "均")):
            continue
        if (found.group() not in ("分别", "均") and sentence.endswith(_MEASURES_BEFORE_VERB, 0, at)
                and len(_listed_subjects(sentence, at)[1]) != len(values)):
            continue  # 受伤人数增加8人、上升88.9%: one measure, two ways of saying its change
        # one list of changes, one basis: 同比分别减少…，分别下降15.19%、10.9%、13.43% (the later values
        # stand too far from 同比 to find it themselves); a value without a verb of its own
        # (下降26.5%,18.1%) moves as the one before it
        first = out[values[0]]
        if first.kind == "change":
            basis = next((out[i].basis for i in values if out[i].basis), None)
            direction = first.direction
            for k, i in enumerate(values):
                m = out[i]
                # 同比减少15起,12人: a count joined by a bare comma to a change is a change of its own measure
                comma_joined = k > 0 and m.kind == "count" and _BARE_COMMA.fullmatch(sentence, out[values[k - 1]].end, m.start)
                if m.kind in ("change", "ratio", "count") and m.direction is None and (m.unit == first.unit or comma_joined):
                    m = replace(m, kind="change", direction=direction)
                if m.kind == "change":
                    direction = m.direction or direction
                    out[i] = replace(m, basis=m.basis or basis)
        # 查处违法采矿、违法占用耕地案件分别为41件和63件; 事故起数、死亡人数同比分别下降19.4%和17.4%;
        # 事故起数、死亡人数同比均下降47.06% -> the values after 分别/均 take the subjects listed
        # before it, in order, when nothing else in the clause was counted. A list of changes may
        # give fewer values than subjects (均: one for all; the first subject takes it).
        clause_start, subjects = _listed_subjects(sentence, at)
        if len(subjects) == 1 and _NAMED_BASE_ONLY.fullmatch(subjects[0]) and len(values) == len(earlier_subjects):
            # …起数、受伤人数同比分别下降3.1%、6.3%，比2019年分别下降35.9%、45.1%: the same measures
            # against another base
            subjects = list(earlier_subjects)
        elif len(subjects) == 1 and len(values) == len(earlier_subjects) > 1:
            # …起数、死亡人数同比分别下降17.7%、12.5%；其中较大事故同比分别下降19.0%和26.3%: the one
            # subject is measured as the earlier list was (较大事故, 较大事故死亡人数)
            subjects = [subjects[0] + _outcome_of(earlier) for earlier in earlier_subjects]
        subjects = _of_the_class_counted(sentence, clause_start, _shared_modifier(subjects)) if len(subjects) >= 2 else []
        changes = all(out[i].kind == "change" for i in values)
        fits = len(values) == len(subjects) or (changes and len(values) < len(subjects))
        # 局党委和各级党组织分别开展第一议题学习36次、252次: what follows 分别 is the metric and
        # the listed words are who did it; only 为/达 or a change may stand between 分别 and values
        fits = fits and _LINK_ONLY.fullmatch(sentence, found.end(), out[values[0]].start) is not None
        if subjects and fits and not any(clause_start <= m.start < at for m in out):
            subjects, parts = _sectors_sharing_a_measure(subjects)
            for subject, i in zip(subjects, values, strict=False):  # 均: fewer values than subjects
                out[i] = replace(out[i], metric=subject, subcount=out[i].subcount or parts,
                                 rule="a list of values: the subjects listed before, in order")
            earlier_subjects = subjects
            continue
        # 分别: 事故70起、死亡37人，同比分别下降38.6%和33.9% -> each change takes the metric of the
        # count it refers to, in order.
        before = [i for i, m in enumerate(out)
                  if m.end <= at and m.kind != "change" and not _in_aside(sentence, m.start, at)]
        # 事故起数减少3起，死亡人数减少6人，分别下降6.7%、11.8%: percentages after as many absolute
        # changes (since the last count) are those changes in percent
        last_count = before[-1] if before else -1
        differences = [i for i in range(last_count + 1, len(out))
                       if out[i].end <= at and out[i].kind == "change" and out[i].unit != "%"]
        rule = "a list of values: the counts before, in order"
        own_clause = max(sentence.rfind(ch, 0, out[values[0]].start) for ch in "，,；;")
        denial = _DENIAL.search(_clause_before(sentence, own_clause)) if own_clause > 0 else None
        # …未发生较大事故，一般事故同比分别下降10%、20%: a clause with a subject of its own changes that
        if denial and all(out[i].kind == "change" for i in values) \
                and _names_no_subject(sentence[own_clause + 1:out[values[0]].start]):
            # 重大事故1起、14人…；未发生较大事故，同比减少3起、15人 (国有地方煤矿未发生事故，同比减少2起、
            # 3人): the changes of the events the clause before denies, and of their deaths; two
            # percentages (道路运输未发生事故，同比分别下降100%、100%) are the events' and the deaths'
            percentages = len(values) == 2 and all(out[i].unit == "%" for i in values)
            for k, i in enumerate(values):
                outcome = "死亡" if out[i].unit in ("人", "名") or percentages and k == 1 else ""
                out[i] = replace(out[i], metric=denial.group(1) + denial.group(2) + outcome, rule=_DENIED_RULE)
            denied = values
            continue
        if denied and len(values) == len(denied) and _ANOTHER_BASIS_ONLY.fullmatch(sentence, out[denied[-1]].end, at):
            # …同比分别下降100%、100%，与前两年平均数相比分别下降100%、100%: the same outcomes against
            # another base
            for src, dst in zip(denied, values, strict=True):
                out[dst] = replace(out[dst], metric=out[src].metric, rule=_DENIED_RULE)
            continue
        if len(differences) >= len(values) and all(out[i].unit == "%" for i in values):
            before, rule = differences, "a list of percentages: the changes before, in order"
        elif found.group() == "均" and not _AVERAGED.search(sentence, max(0, at - 1), at + 2) and len(values) == 1 \
                and len(before) > 1:
            # 事故6起，死亡6人，同比均下降66.7%: one value for several counts is given to the events when
            # the others are their outcomes, else to the first count of its part, as a list of subjects
            # gives it (事故起数、死亡人数同比均下降47.06%)
            events = _events_of_outcomes(sentence, out, before)
            before = [events if events is not None else _first_of_part(sentence, out, before)]
        # 比去年同期减少2起、2人、0人，同比下降14.29%、20%、持平: a list that ends in 持平 leaves its last
        # subjects unchanged, so the values are the earlier ones'
        flat, end = 0, out[values[-1]].end
        while item := _FLAT_ITEM.match(sentence, end):
            flat, end = flat + 1, item.end()
        before = before[:len(before) - flat] if len(before) - flat >= len(values) else before
        # 冶金事故3起,死亡3人;机械事故0起,比去年同期减少1起、0人: the counts of the values' own part
        # when it has any, and a change only of a count in its own unit
        own_part = [i for i in before if _same_part(sentence, out[i].end, out[values[0]].start)]
        before = own_part if own_part and rule != "a list of percentages: the changes before, in order" else before
        if len(before) < len(values):
            continue
        pairs = list(zip(before[-len(values):], values, strict=True))
        if any(out[dst].unit != "%" and out[src].unit != out[dst].unit for src, dst in pairs):
            continue
        for src, dst in pairs:
            if out[dst].kind == "change" or (out[dst].unit == "%" and out[src].unit != "%"):
                out[dst] = replace(out[dst], metric=out[src].metric, period=out[src].period, rule=rule,
                                   period_year=out[src].period_year)
    for i, m in enumerate(out):
        if i == 0:
            continue
        gap = sentence[out[i - 1].end:m.start]
        # 其中蓝码2043家，占55.44%: a share takes the metric of the count before it, and says it is a
        # share (蓝码占, 建构筑物火灾占比, 居住场所火灾占总数)
        if m.unit == "%" and m.kind != "change" and (share := _SHARE_GAP.fullmatch(gap)):
            metric = (out[i - 1].metric or "") + share.group(1)
            out[i] = replace(m, metric=metric, rule="a share of the count before")
        elif m.unit == "%" and out[i - 1].kind == "count" and out[i - 1].metric and _BARE_RATE.fullmatch(m.metric or "") \
                and re.fullmatch(r"[，,]\s*" + re.escape(m.metric or "") + r"(?:达到|达|为)?\s*", gap):
            counted, rate = out[i - 1].metric or "", m.metric or ""
            # 整改隐患12处，整改率100%: the rate's stem closing the count's words is said once (整改隐患整改率)
            metric = counted + "率" if counted.endswith(rate[:-1]) else counted + rate
            out[i] = replace(m, metric=metric, rule="a rate of the count before")
        # 由2020年的74%进一步压缩到2021年的52%: the second value of a 由…到 pair.
        elif m.unit == out[i - 1].unit and _second_of_pair(sentence, out[i - 1], gap):
            out[i] = replace(m, metric=out[i - 1].metric, rule="the second value of 由…到")
    return out
