"""Extract numeric indicator mentions from one normalised sentence.

Pipeline per sentence: candidates.find_candidates (number + unit, negatives removed) ->
qualifier (qualifiers.py) -> kind, direction and basis (this module) and period (periods.py) ->
metric phrase (metric.py) -> sentence structures (deaths naming the events before them, changes
naming their subject, 其中 parts and breakdowns here; 分别/均 lists, 占 shares and 由…到 pairs in
lists.py) -> indicator code (catalog.py; whole-jurisdiction codes never for a part) with its
evidence and confidence. document_state.py then reads each sentence's mentions in the light of the
sentences before it. All word lists live in pipeline/data/.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from pipeline import lexicon
from pipeline.candidates import Candidate, find_candidates
from pipeline.catalog import choose_code, excludes, is_whole
from pipeline.clauses import PART_BREAKS, clause_before, clause_start, part_before, same_part
from pipeline.datafiles import read_table
from pipeline.lists import (
    BARE_MEASURE,
    DENIED_RULE,
    LAST_YEAR_ASIDE,
    LIST_CHANGE_VERBS,
    OUTCOME,
    OUTCOMES,
    YEAR_BEFORE_BASIS,
    bracket_close,
    bracket_follows,
    bracket_open_at,
    in_aside,
    measure_of_the_class_counted,
    names_no_subject,
    sentence_structures,
)
from pipeline.mention import DocumentContext, Mention
from pipeline.metric import MetricFinder, Span
from pipeline.normalise import LEADING_ENUMERATOR
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
_LISTED_CHANGE = re.compile(rf"({LIST_CHANGE_VERBS})(?![至到])(?:分别)?[^，,。；;]*?(?:和|、|及)$")  # 下降至: a level
# 同比增加1起、多死亡2人: 多/少 before the outcome of a listed change
_MORE_OR_FEWER = re.compile(rf"(多|少)(?:{OUTCOMES}|发生)?$")
_BREAKDOWN = re.compile(r"[^，,；;。]{0,6}?(?:分|按)(?:行业|领域|地区|区域|县区|县（市、区）|县\(市、区\)|板块)")
# 从类别上看，道路运输共发生事故76起…: every number after it is a part (also glued to the sentence before)
_BREAKDOWN_INSIDE = re.compile(r"从(?:类别|行业|领域|区域|地区|板块)上?(?:看|来看)[，,：:]")
_AREA_OPENING = re.compile(r"[\u4e00-\u9fff]{2,8}(?:县|区|市|镇|乡|街道)[:：]")  # 涡阳县：报送整改一般隐患32069条
_CLOSING_CHANGE = r"(分别|均|了)?$"  # a change word closing the words before the number
_NEW_THINGS = re.compile(r"新增(?:加)?$")  # 新增3个投资项目 counts new things unless compared (较上年新增5家)


@lru_cache(maxsize=1)
def _change_words() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """(word, the word closing a clause, direction) of change_words.tsv, longest first."""
    return tuple((word, re.compile(re.escape(word) + _CLOSING_CHANGE), dirn) for word, dirn in lexicon.change_words())


@lru_cache(maxsize=1)
def _any_change_word() -> re.Pattern[str]:
    """Matches where one of the _change_words patterns does: most numbers are no change."""
    return re.compile("(?:" + "|".join(re.escape(word) for word, _ in lexicon.change_words()) + ")" + _CLOSING_CHANGE)


# 各类事故、较大事故…均保持双下降。其中，各类生产安全事故起数…: what 其中 opens is the whole, one of the
# kinds the sentence before named, not a part
# (其中，12月，全市共发生…: the whole jurisdiction in part of the period, no part of its total)
WHOLE_AFTER_QIZHONG = re.compile(r"其中[，,：:\s]*(?:各类|全部|所有|(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?|[上下]半年"
                                  r"|第?[一二三四]季度)[，,]?\s*全[省市区县州])")
# …其中重点领域公开43条，政策解读4条，全年共制定0条规范性文件: a clause that counts for the whole ends the parts
_NEW_TOTAL = re.compile(r"[，,](?:全年|全(?:省|市|区|县|州)|累计|共计?|总计)")


def measure_of(unit: str) -> str:
    """What a unit measures, as far as a 其中 part and its total go: a share (%, 百分点), money, or a
    count (起, 次, 件, 家, 人 alike: 处罚决定38起…。其中行政处罚35次)."""
    return "share" if unit in ("%", "百分点") else "money" if unit.endswith("元") else "count"


def _mark_subcounts(sentence: str, mentions: list[Mention], measures_before: frozenset[str] | None) -> list[Mention]:
    """其中事前立案6462件: a number after 其中 (same clause, up to ； or 。) is part of a total; so is
    every number of a sentence that opens a breakdown (分行业来看，…).

    The total is a number in the same unit before 其中, or, when 其中 opens the sentence, one that
    measures the same (measure_of) earlier in the paragraph (`measures_before`, None when not known);
    立案1200件，其中事前立案800件，罚款6000万元 keeps the money whole, and so does a sentence in a
    paragraph that counted nothing before it (…保持“三个下降”。其中，事故起数和死亡人数分别下降18.3%).
    """
    if _BREAKDOWN.match(sentence):
        return [replace(m, subcount=True) for m in mentions]  # 分行业来看，工矿商贸事故13起…: all parts
    out = [replace(m, subcount=True) if _in_inclusion(sentence, m.start) else m for m in mentions]
    out = _mark_itemised_totals(sentence, out)
    if inside := _BREAKDOWN_INSIDE.search(sentence):
        out = [replace(m, subcount=True) if m.start >= inside.end() else m for m in out]
    for i, m in enumerate(out):
        at = sentence.rfind("其中", clause_start(sentence, m.start, PART_BREAKS), m.start)
        if at < 0 or in_aside(sentence, at, m.start) or _NEW_TOTAL.search(sentence, at, m.start) \
                or WHOLE_AFTER_QIZHONG.match(sentence, at):
            continue
        opens_sentence = not sentence[:at].strip(" ，,、：:") \
            and (measures_before is None or measure_of(m.unit) in measures_before)
        has_total = any(p.end <= at and p.unit == m.unit for p in out[:i])
        if opens_sentence or has_total:
            out[i] = replace(m, subcount=True)
    return out


# 共发生事故4起：建筑施工类1起… / 事故7起(3起道路运输事故，死亡2人；…): a colon or a bracket right after a
# count opens that count's itemisation
_ITEMISATION_OPENERS = "：:(（"


def _mark_itemised_totals(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """A count followed at once by a colon or an opening bracket, then by counts in its own unit, is
    itemised: the numbers of the items (up to the bracket's close or the sentence's end) are parts,
    changes excepted (事故7起（同比减少2起）is the total's change)."""
    out = list(mentions)
    for total in mentions:
        opener = sentence[total.end:total.end + 1]
        if not opener or opener not in _ITEMISATION_OPENERS or total.direction \
                or LAST_YEAR_ASIDE.match(sentence, total.end + 1):
            continue  # 事故94起（去年同期127起）: last year's values, no items
        close = bracket_close(sentence, total.end) if opener in "(（" else -1
        end = close if close >= 0 else len(sentence)
        items = [i for i, m in enumerate(out) if total.end < m.start < end and not m.direction]
        if any(out[i].unit == total.unit for i in items):
            for i in items:
                if not PRODUCTION_SAFETY_ITEM.search(_item_text(sentence, total.end + 1, out[i].start)):
                    out[i] = replace(out[i], subcount=True)
    return out


# 各类事故死亡4人（生产安全事故死亡2人、非生产安全事故死亡2人）: the production-safety item is the whole
# of what the accident codes count
PRODUCTION_SAFETY_ITEM = re.compile(r"(?<!非)生产安全")


def _item_text(sentence: str, start: int, pos: int) -> str:
    """The words of the item that `pos` is in: from the last item separator after `start`."""
    return sentence[clause_start(sentence, pos, "、，,；;", floor=start):pos]


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
    compared = _compared_with(sentence, cand.start)
    if _NEW_THINGS.search(stripped) and compared is None and _basis_named_in(stripped) is None:
        return None, None  # 年度新增2名持证执法人员: new things counted, compared with nothing in their clause
    return direction, _basis_named_in(sentence[max(0, cand.start - 30):cand.start]) or compared


def _basis_named_in(words: str) -> str | None:
    """The basis `words` name: one of other_bases.tsv (较2019年, 较五年均值), else yoy (同比, 较上年)."""
    other = next((other for other, pattern in _other_bases() if pattern.search(words)), None)
    return other or ("yoy" if any(word in words for word in lexicon.word_list("basis_words.txt")) else None)


# 与2015年相比，2019年全省…分别下降23.1%: a comparison that opens the clauses before the value
_COMPARED_WITH = re.compile(r"(?:与|和|同)([^，,。；;]{1,16}?)(?:相比|比较|同比)")


def _compared_with(sentence: str, at: int) -> str | None:
    """The basis of the last 与…相比 before `at` in its ；-part: yoy (与去年同期相比), a basis of
    other_bases.tsv (与2015年相比, 与前三年平均值相比), or `other` (和全国情况相比: another place)."""
    part_start = at - len(part_before(sentence, at))
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
    return any(word in part_before(sentence, at) for word in lexicon.word_list("basis_words.txt"))


@lru_cache(maxsize=1)
def _other_bases() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(basis, pattern) of other_bases.tsv: averages of several years, a named base year."""
    return tuple((row["basis"], re.compile(row["pattern"])) for row in read_table("other_bases.tsv"))


def _period(sentence: str, cand: Candidate, context: DocumentContext) -> tuple[int | None, str | None]:
    before = sentence[:cand.start]
    prior = _PRIOR_YEAR.search(before)
    if prior:  # 由2019年的63项: a prior-year value
        return int(prior.group(1)), prior.group(1)
    year, period = period_of(before, context.report_year, context.covered_months)
    if year is not None and period is not None and _is_last_years_value(sentence, cand):
        return year - 1, period.replace(str(year), str(year - 1))
    return year, period


_BASIS_BEFORE = re.compile(rf"(?:{YEAR_BEFORE_BASIS})\s*([(（]?)\s*$")
_LAST_YEAR_IN_BRACKETS = re.compile(r"[(（]\s*(?:去年|上年)(?:同期)?\s*$")
# a clause about the same period of the year before: 全市去年同期发生事故6起, 去年1-9月份发生…28人
_LAST_YEAR_CLAUSE = re.compile(r"(?:[全我本][省市区县州])?(?:去年|上年)(?:同期|\d{1,2}(?:[-—~至到]\d{1,2})?月份?)")
_CHANGE_VERB_AFTER = re.compile(rf"\s*[)）]?\s*(?:[(（][^()（）]{{0,8}}[)）])?\s*(?:{LIST_CHANGE_VERBS}|持平)")


def _is_last_years_value(sentence: str, cand: Candidate) -> bool:
    """同比(6起)下降83.33%, 同比12起下降25%, 死亡人数(去年同期4人)同比持平, 全市去年同期发生事故6起:
    the number is the same period of the year before, which the change after it is measured against."""
    before = sentence[max(0, cand.start - 12):cand.start]
    if _LAST_YEAR_IN_BRACKETS.search(before) or _LAST_YEAR_CLAUSE.match(clause_before(sentence, cand.start).strip()):
        return True
    basis = _BASIS_BEFORE.search(before)
    return basis is not None and (basis.group(1) != "" or _CHANGE_VERB_AFTER.match(sentence, cand.end) is not None)


def _is_target(before: str, context: DocumentContext) -> bool:
    """A number after 力争 in its sentence or after 全年计划/控制在 in its clause, or in a sentence about a
    later year (2025年，我局将…)."""
    if any(cue in before for cue in _TARGET_CUES):
        return True
    clause = clause_before(before, len(before), "，,；;。")
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


def extract_mentions(sentence: str, tokens: Sequence[str], context: DocumentContext,
                     measures_before: frozenset[str] | None = None) -> list[Mention]:
    """All indicator mentions of one normalised sentence, in order; `measures_before` are what the
    paragraph measured before it (measure_of; None: not known), which tell whether a 其中 opening it
    has a total."""
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
    mentions = _outcomes_name_their_accidents(sentence, _counts_of_the_events_before(sentence, mentions))
    mentions = _changes_name_their_subject(sentence, mentions)
    mentions = _measures_of_a_class(sentence, sentence_structures(sentence, mentions))
    mentions = parts_named_only(sentence, _mark_subcounts(sentence, mentions, measures_before))
    mentions = _kind_named_at_the_opening(sentence, mentions)
    all_kinds, mentions = _production_safety_within_all(mentions)
    coded = parts_count_what_their_total_counts(sentence, _later_stages_uncoded(_sector_sentences(
        sentence, _audiences_reached(sentence, _codes_carried_over(sentence, [_with_code(sentence, m, context)
                                                                             for m in mentions])))))
    # 按全口径统计：…各类事故221起, 各类(全口径统计)安全事故549起: road traffic and fires included, so not
    # the production-safety statistics the accident codes count (the 直报口径 figures)
    scope = _ALL_SCOPES.search(sentence)
    return [_with_rule(replace(m, indicator_code=None, code_evidence=None, confidence="high")
                       if (i < all_kinds or scope and m.start > scope.start())
                       and (m.indicator_code or "").startswith(ACCIDENTS) else m)
            for i, m in enumerate(coded)]


@lru_cache(maxsize=1)
def _count_stages() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(any first-stage word, any later-stage word) of count_stages.tsv."""
    rows = read_table("count_stages.tsv")
    first, later = ("|".join(r["pattern"] for r in rows if r["stage"] == stage) for stage in ("first", "later"))
    return re.compile(first), re.compile(later)


def _only_a_later_stage(metric: str) -> bool:
    """Whether a metric names a later stage of a count and no first one (整改隐患, not 发现并整改隐患)."""
    first, later = _count_stages()
    return bool(later.search(metric)) and not first.search(metric)


def _later_stages_uncoded(mentions: list[Mention]) -> list[Mention]:
    """排查隐患4013项，整改隐患3958项: a count that only names a later stage, after a count with the same
    code that names none (排查…重大隐患9项，…重大隐患整改1项), is not that indicator again
    (count_stages.tsv); two counts of the later stage (整改隐患139万项；…整改隐患2220项) are two indicators."""
    _, later = _count_stages()
    out = list(mentions)
    for i, m in enumerate(out):
        if m.indicator_code and m.kind == "count" and _only_a_later_stage(m.metric or "") \
                and any(p.indicator_code == m.indicator_code and not later.search(p.metric or "") for p in out[:i]):
            out[i] = replace(m, indicator_code=None, code_evidence=None, confidence="high")
    return out


_KIND_OF_ACCIDENT = re.compile(r"(较大及以上|较大以上|较大|重大|一般)(?:生产安全)?事故")


def _grade_alone(metric: str) -> re.Match[str] | None:
    """The grade (较大, 一般) of `metric` when it is all its subject says (其中发生较大事故), not one
    sector's grade (化工企业一般事故, 道路运输领域较大事故)."""
    kind = _KIND_OF_ACCIDENT.search(metric)
    if kind is None:
        return None
    subject = _NO_SUBJECT_WORDS.sub("", metric[:kind.start()])
    return kind if not subject or not names_a_part(subject) else None


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
        if same_part(sentence, mentions[0].end, m.start) and BARE_MEASURE.match(metric) \
                and not _KIND_OF_ACCIDENT.search(metric):
            metric = kind.group(1) + ("" if metric.startswith("事故") else "事故") + metric
            m = replace(m, metric=metric, rule="a sentence opening with 其中 on a kind of accident is about that kind")
        out.append(m)
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
    # (a bound, 不足10起, is uncoded for being a bound, not a part)
    first = next((m for m in mentions if m.unit == "起" and m.qualifier not in _BOUNDS
                  and ("事故" in (m.metric or "") or m.kind == "count" and m.indicator_code is None
                       and not _OTHER_EVENTS.search(m.metric or ""))), None)
    part_subject = _part_subject(sentence)
    if part_subject is not None:
        return [replace(m, indicator_code=None, code_evidence=None, confidence="high")
                if m.start > part_subject and m.indicator_code and m.indicator_code.startswith(ACCIDENTS) else m
                for m in mentions]
    if first is None or first.indicator_code is not None or _grade_alone(first.metric or ""):
        return mentions  # 一般事故43起…；较大事故2起: a grade is no sector, the next grade keeps its code
    fatal = _FATAL_ACCIDENTS.search(first.metric or "") is not None
    out = list(mentions)
    for i, m in enumerate(out):
        if fatal and not (m.indicator_code or "").startswith("acc.accidents"):
            continue  # fatal accidents hold every death and every major accident: only their count is a part
        if m.start > first.start and m.indicator_code \
                and (is_whole(m.indicator_code) or m.indicator_code.startswith(ACCIDENTS)) \
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
    return found.start() if names_a_part(TIME_WORDS.sub("", LEADING_ENUMERATOR.sub("", found.group(1)))) else None


def names_a_part(subject: str) -> bool:
    """Whether a subject (time words and enumerators gone) still names something once the divisions
    and the words meaning the whole (whole_subjects.txt) are removed, and that is no remit sector."""
    for mention in sorted(find_regions_in(subject), key=lambda r: -r.start):
        subject = subject[:mention.start] + subject[mention.end:]
    for word in whole_subjects():
        subject = subject.replace(word, "")
    return re.search(r"[\u4e00-\u9fff]", subject) is not None and not names_remit_sector(subject)


@lru_cache(maxsize=1)
def whole_subjects() -> tuple[str, ...]:
    return lexicon.word_list("whole_subjects.txt")


# what a count in 起 counts
EVENT_NOUN = re.compile(r"事故|火灾|火情|案件|灾害|险情|警情|事件|纠纷")


ACCIDENTS = "acc."  # the accident statistics: a part's major accidents are not the jurisdiction's either


@lru_cache(maxsize=1)
def remit_sectors() -> tuple[str, ...]:
    return tuple(lexicon.word_list("remit_sectors.txt"))


def names_remit_sector(metric: str | None) -> bool:
    return any(sector in (metric or "") for sector in remit_sectors())


def _with_rule(m: Mention) -> Mention:
    """The structure rule joins the code's evidence, and makes a confident choice a medium one."""
    if m.rule is None and m.metric:
        return m
    evidence = "; ".join(part for part in (m.code_evidence, m.rule and f"subject: {m.rule}") if part)
    confidence = "low" if not m.metric else "medium" if m.confidence == "high" else m.confidence
    return replace(m, code_evidence=evidence or None, confidence=confidence)


_BOUNDS = ("at_most", "under")  # qualifiers of a value the quantity stayed below (以下, 不足)
_HEADCOUNTS = ("人", "名", "人次")  # units that count people, never in fractions


def _with_code(sentence: str, m: Mention, context: DocumentContext) -> Mention:
    if m.kind == "change" and m.basis not in ("yoy", None):
        return m  # every change code is year on year (*_yoy): not against an average or a named year
    if _AREA_OPENING.match(sentence) or _names_another_division(m.metric, context.region_code):
        return m  # one area's figure is none of the jurisdiction's indicators
    if m.kind == "count" and m.qualifier in _BOUNDS:
        return m  # 死亡人数首次降至2万人以下: a bound the count fell below is no count to compare
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
        if not mention.names_a_division:
            continue
        if own is None or not any(is_within(own, named) for named in mention.regions):
            return True
    return False


@lru_cache(maxsize=1)
def _continuation_metrics() -> frozenset[str]:
    return frozenset(lexicon.word_list("continuation_metrics.txt"))


def _codes_carried_over(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """A count that only names a stage (收到行政复议申请143件，受理129件，办结118件) takes the code of the
    count it continues: the previous mention of the same unit in the sentence (a 其中 part takes its
    total's code by parts_count_what_their_total_counts)."""
    stages = _continuation_metrics()
    out = list(mentions)
    for i, m in enumerate(out):
        if m.indicator_code or m.kind not in ("count", "target") or (m.metric or "") not in stages:
            continue
        for j in range(i - 1, -1, -1):
            prev = out[j]
            if "。" in sentence[prev.end:m.start]:
                break
            if prev.unit == m.unit:
                if prev.indicator_code and not excludes(prev.indicator_code, m.metric):
                    out[i] = replace(m, indicator_code=prev.indicator_code, confidence="low",
                                     code_evidence=f"carried over from {sentence[prev.start:prev.end]}")
                break
    return out


# what a count of people says when it only says that they were reached (覆盖500余人次, 惠及群众3000余人)
_REACH = re.compile(r"(?:累计|共|共计|合计)?(?:覆盖|参与|参加|惠及|服务|受众|受益|受教育)(?:群众|人数|人次|干部职工|人员)?")
# the activities whose audience such a count is, and what that audience is
_AUDIENCE_OF = (("train.", "train.participants"), ("pub.", "pub.participants"))


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
        if not same_part(sentence, prev.end, m.start):
            continue
        audience = _audience_of(prev)
        # 开展普法宣传活动20场、法治培训10场次，覆盖3000人次: reached by activities of both kinds
        part = [p for p in out[:i] if same_part(sentence, p.end, m.start)]
        if audience and audience != m.indicator_code and {_audience_of(p) for p in part} - {None} == {audience}:
            out[i] = replace(m, indicator_code=audience, confidence="low",
                             code_evidence=f"audience of the activity counted in {sentence[prev.start:prev.end]}")
    return out


def _changes_name_their_subject(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """行政诉讼案件47件，同比上升6.8%: a change whose metric is only 同比上升 is about the count before
    it (the last one in its unit: 事故7起、死亡29人，同比减少2起 is about the 7起); so is a prior-year
    value (合格率99.3%，较2019年的98.7%) whose metric is only 较, and a value reached (覆盖率从10%提升
    至50%, 队伍从1.11万人发展到1.51万人) whose metric is only its verb. The first number of a sentence is
    about the clause that opens it."""
    out = list(mentions)
    for i, m in enumerate(out):
        # 较2022年同比减少6起, 比近三年(2021年~2023年)平均数下降32.7%: the base names no subject
        if not names_no_subject(m.metric or ""):
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
            out[i] = replace(m, metric=zero, rule=DENIED_RULE)
            continue
        if i == 0:
            # 商贸制造业1月份无事故，同比减少2起: the sentence's opening clause is the subject
            topic = _opening_topic(sentence, m.start)
            if topic:
                out[i] = replace(m, metric=topic, rule=_TOPIC_RULE)
            continue
        if (glossed := _glossed_change(sentence, out[:i], m.start)) and glossed.unit == m.unit:
            # 事故99起(其中亡人事故75起)、死亡77人，同比下降34%(34.8%): a change in brackets right after a
            # change is that of a part the brackets after the count gave, never the whole's
            out[i] = replace(m, metric=glossed.metric, kind="change", direction=m.direction or glossed.direction,
                             basis=m.basis or glossed.basis, subcount=True,
                             rule="a change in brackets after a change is a part's")
            continue
        earlier = [p for p in out[:i] if not in_aside(sentence, p.start, m.start)] or out[:i]
        same_unit = [p for p in earlier if p.unit == m.unit] if m.unit not in ("%", "倍") else []
        out[i] = replace(m, metric=(same_unit[-1] if same_unit else earlier[-1]).metric,
                         rule="a change names the count before it" if m.kind == "change"
                         else "a value reached (从10%提升至50%) names the value before it")
    return out


def _measures_of_a_class(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """Changes of a bare measure (同比死亡人数下降12.5%) in a part of a sentence that opens on a count of
    one class of accidents (发生较大事故2起、死亡7人) measure that class, as lists of them do."""
    return [replace(m, metric=measure, rule=_CLASS_RULE)
            if m.kind == "change" and m.rule is None and m.metric
            and (measure := measure_of_the_class_counted(sentence, m.start, m.metric)) else m
            for m in mentions]


_CLASS_RULE = "a bare measure after a count of one class of accidents measures that class"


def _glossed_change(sentence: str, earlier: list[Mention], at: int) -> Mention | None:
    """The change that the brackets holding `at` follow at once, if any: 34% in 同比下降34%(34.8%) and in
    同比下降34%(34.8%、50%)."""
    opened = bracket_open_at(sentence, at)
    before = next((p for p in reversed(earlier) if p.end <= opened), None) if opened >= 0 else None
    return before if before and before.kind == "change" and bracket_follows(sentence, before.end, opened) else None


_BRACKETED_LAST_YEAR = re.compile(r"([^，,；;。、(（)）%\d]{1,12}?)(?:同比)?[(（]\s*(?:同比|去年|上年)(?:同期)?\s*"
                                  rf"(?:{LIST_CHANGE_VERBS})?\s*$")


def _subject_before_brackets(sentence: str, at: int) -> str | None:
    """事故起数 of 事故起数同比(去年128起, 刑事立案数 of 刑事立案数(同比下降13.4% at the number."""
    found = _BRACKETED_LAST_YEAR.search(sentence, max(0, at - 24), at)
    if not found or sentence[found.start(1) - 1:found.start(1)].isdigit() and found.group(1) in lexicon.units():
        return None  # 事故56起(同比下降60%): the word before the bracket is a count's unit, not its subject
    return found.group(1).lstrip("和及与")


_ZERO_OUTCOME = re.compile(rf"^(?:[全我本][省市区县州])?(?:无人|无|未发生|未|没有)"
                          rf"((?:[^，,；;。\d]{{0,12}}?)(?:{OUTCOMES}|事故))$")


def _zero_outcome_before(sentence: str, at: int) -> str | None:
    """死亡 when the clause before the one holding `at` is 无人死亡 (未发生较大事故: 较大事故)."""
    window = max(0, at - 40)  # both clauses are short: linear on any sentence
    own_start = clause_start(sentence, at, "，,；;", floor=window) - 1  # the break before the own clause
    if own_start <= window:
        return None
    found = _ZERO_OUTCOME.match(sentence[clause_start(sentence, own_start, floor=window):own_start].strip())
    return found.group(1) if found else None


_TOPIC_RULE = "a change names the clause that opens its sentence"
TIME_WORDS = re.compile(r"(?:截至|截止|至)?(?:(?:19|20)\d\d年(?:度)?)?(?:\d{1,2}(?:[-—–~至到]\d{1,2})?月份?)?"
                         r"(?:\d{1,2}日)?(?:以来|底|末)?(?<=[年月日度来底末份])"
                         r"|[上下]半年|今年以来|全年|(?:前|第)?[一二三四1-4]个?季度"
                         r"|前(?:\d{1,2}|[一二三四五六七八九十两]{1,2})个?月份?")


def _opening_topic(sentence: str, before: int) -> str | None:
    """The first clause of the sentence, when it ends before `before` and holds no number: its
    words without enumerator and time words ((三)商贸制造业1月份无事故 → 商贸制造业无事故)."""
    first = re.match(r"[^，,；;。]*[，,]", sentence)
    if not first or first.end() > before:
        return None
    topic = TIME_WORDS.sub("", LEADING_ENUMERATOR.sub("", first.group()[:-1]))
    return topic if topic and not any(ch.isdigit() for ch in topic) else None


_OPENS_WITH_OUTCOME = re.compile(rf"[；;][,，\s]*(?:{OUTCOMES})[^，,；;。]{{0,4}}$")


_LIST_ITEM_START = re.compile(r"[、，,；;]")
# Words that may stand before an outcome without naming its cause (造成7人死亡, 共死亡3人).
_OWN_CAUSE = re.compile(r"造成|导致|致|共|累计|其中|均|同比|人员|多|少|\s")


def _outcomes_name_their_accidents(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """道路运输共发生事故64起，死亡50人 (or 城乡火灾17435起、死亡69人): deaths (injuries) counted right
    after events are the deaths of those events, so their metric names them (道路运输共发生事故死亡)
    and they are coded as what those events are: all accidents, a sector's, the major ones, fires.
    A part of the sentence that opens with the outcome (…下降71.4%；死亡2人) still continues it.
    People counted bare right after accidents (重大事故1起、14人; 贵州2起、15人) are their dead, and a
    change in deaths right after a change in a grade of accidents (同比较大事故减少3起，死亡人数减少13人)
    is that grade's."""
    out = list(mentions)
    for i, m in enumerate(out):
        metric = m.metric or ""
        outcome = OUTCOME.search(metric)
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
            if prev.unit != "起" or in_aside(sentence, prev.start, m.start):
                continue
            if prev.kind != "change":
                out[i] = replace(m, metric=(prev.metric or "") + metric[outcome.start():],
                                 rule="deaths of the events counted before")
                break
            grade = _KIND_OF_ACCIDENT.search(prev.metric or "")
            if m.kind == "change" and grade and not _ACT_ON_EVENTS.search(prev.metric or "") \
                    and not _SHARED_OR_PART.search(clause_before(sentence, prev.start)):
                # 同比较大事故减少3起，死亡人数减少13人: a change in deaths right after a change in a
                # grade of accidents (a sector's grade with its sector) is the change in their deaths
                out[i] = replace(m, metric=(prev.metric or "")[:grade.end()] + metric[outcome.start():],
                                 rule="deaths of the grade of accidents whose change is stated before")
                break
    return out


# 事故起数、较大事故起数同比分别减少10起、2起 (one of a list), 其中较大事故减少1起 (a part): a change whose
# grade is not what the deaths after it are counted for
_SHARED_OR_PART = re.compile(r"分别|其中|均")
# the gap of 事故2起、15人: an enumeration comma and nothing else
_BARE_OUTCOME = re.compile(r"\s*、\s*")


def _counts_accidents(sentence: str, m: Mention) -> bool:
    """A count in 起 of accidents or fires: the last events named before it (in its metric or earlier
    in the sentence: 贵州2起) are 事故 or 火灾, and its metric is no act on them (查处, 追责)."""
    if m.unit != "起" or m.kind != "count" or _ACT_ON_EVENTS.search(m.metric or ""):
        return False
    named = EVENT_NOUN.findall(sentence, 0, m.end)
    return bool(named) and named[-1] in ("事故", "火灾")


# what is done about events, counted in 起 too (查处违法案件12起、35人; 责任追究12起、35人)
_ACT_ON_EVENTS = re.compile(r"查处|追责|问责|追究|处理|处罚|移送|督办")


def _counts_of_the_events_before(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """辖区发生生产安全事故5起，死亡4人，同比去年起数下降16.67%: a bare 起数 (no events named) is the
    count of the events counted before it in the sentence, or of the events a change before it names."""
    out = list(mentions)
    for i, m in enumerate(out):
        metric = m.metric or ""
        if "起数" not in metric or EVENT_NOUN.search(metric) or m.unit in ("人", "名"):
            continue  # 同比起数持平、减少4人: people are not the count of events
        for prev in reversed(out[:i]):
            between = sentence[prev.end:m.start]
            if "。" in between:
                break
            if denied := _DENIED_EVENTS.findall(between):
                # …；未发生较大事故，同比起数减少2起: the events denied in between
                out[i] = replace(m, metric=denied[-1] + "起数", rule="the count of the events denied before")
                break
            if prev.unit == "起" and (events := EVENT_NOUN.search(prev.metric or "")):
                # 事故起数减少13起…；起数同比下降8.01%: a change before names the events by its noun
                named = prev.metric if prev.kind == "count" else (prev.metric or "")[:events.end()]
                out[i] = replace(m, metric=f"{named}起数", rule="the count of the events counted before")
                break
    return out


_DENIED_EVENTS = re.compile(r"(?:未|没有)发生([^，,；;。\d]{0,12}?事故)")


_INCLUSION = re.compile(r"\s*(?:含|包含|包括|其中)")


def parts_named_only(sentence: str, mentions: list[Mention], before: list[Mention] | None = None) -> list[Mention]:
    """受理举报6299件，包括省应急管理厅845件，各市应急系统5454件: a part after 包括/其中 named only by
    who or where it is (a body, a division) counts what its total counts (省应急管理厅受理举报). The
    total may close the sentence `before` (…救助人口12407人。其中，港口区228人…)."""
    out = list(mentions)
    for i, m in enumerate(out):
        named = _NAME_ONLY.fullmatch(m.metric or "")
        if named is None or m.kind not in ("count", "money") or not _OPENS_PARTS.search(sentence, 0, m.start):
            continue
        # the last count of its unit before it, with 包括/其中 between; or in the sentence before, when
        # this one opens with 其中/包括
        total = _total_of(m, mentions[:i])
        if total is not None and not _OPENS_PARTS.search(sentence, total.end, m.start):
            continue
        if total is None and _OPENS_PARTS.match(sentence.lstrip(" ，,")):
            total = _total_of(m, before or [])
        if total is not None:
            out[i] = replace(m, metric=named.group(1) + (total.metric or ""), rule="a part named only by who it is")
    return out


def parts_count_what_their_total_counts(sentence: str, mentions: list[Mention],
                                        before: list[Mention] | None = None) -> list[Mention]:
    """主动公开政府信息586条，其中政策文件9条: a part of a total (`subcount`) whose own words name no code
    counts a kind of what its total counts, and takes the total's code, as the official annotation does
    (自评企业3685家，其中蓝码2043家; 承办建议8件，其中主办3件). The total is found by _total_before_parts,
    in the sentence or in `before` (the sentence before one that opens with 其中). Never an accident
    statistic (a sector's accidents are no total), nor a later stage of the count (其中已整改504处,
    其中正在整改80处: count_stages.tsv, or 已/正在 opening the part), nor a word the code excludes."""
    out = list(mentions)
    for i, m in enumerate(out):
        metric = m.metric or ""
        if not m.subcount or m.indicator_code or m.kind not in ("count", "money") or not metric \
                or _only_a_later_stage(metric) or _done_or_under_way(sentence, m.start):
            continue
        total = _total_before_parts(sentence, m, out[:i], before or [])
        code = total.indicator_code if total else None
        if total is None or not code or code.startswith(ACCIDENTS) or excludes(code, metric):
            continue
        out[i] = replace(m, indicator_code=code, confidence="low",
                         code_evidence=f"a part of the total counted as {total.metric}")
    return out


# 其中已收缴入库380万元, 其中正在整改80处: a part done or under way is a later stage of its total
_DONE_OR_UNDER_WAY = re.compile(r"(?:^|[，,、；;：:（(])\s*(?:其中)?[，,：:\s]*(?:已经|已|正在|尚未|仍在)[^，,、；;：:（(]*$")


def _done_or_under_way(sentence: str, at: int) -> bool:
    """Whether the words of the part ending at `at` (up to 20 characters back) open on 已 or 正在."""
    return _DONE_OR_UNDER_WAY.search(sentence, max(0, at - 20), at) is not None


def _total_before_parts(sentence: str, part: Mention, earlier: list[Mention], before: list[Mention]) -> Mention | None:
    """The figure a part belongs to: walking back from the part over the `earlier` figures of its
    sentence, then over `before`, the figure right before a 其中 that opens the part's run (主动公开信息
    586条，其中…; 停产整顿32家，其中危化企业12家: the nearest 其中 binds), or else the first figure in
    its unit that is no part. It must be a count (or amount) and no change (执法人员131人，较上年减少22人，
    其中退休10人: the parts are the change's). Parts in its unit and shares (其中政策文件9条，占1.5%)
    are stepped over; a figure in another unit ends the run (检查企业171263家，发现隐患148573项，其中…，
    停止设备使用的907家: no part of the firms inspected)."""
    after, opened = part.start, False
    for k, p in enumerate(reversed([*before, *earlier])):
        if k < len(earlier):  # a 其中 between figures of the sentence opens the run
            opened = opened or "其中" in sentence[p.end:after]
            after = p.start
        if p.unit == "%" and part.unit != "%":
            continue  # a share or a change said of a figure (占1.5%, 同比增长12%)
        if p.unit != part.unit:
            return None
        if opened or not p.subcount:
            return p if p.kind == part.kind and not p.direction else None
    return None


def _total_of(part: Mention, candidates: list[Mention]) -> Mention | None:
    """The last of `candidates` that counts in the part's unit and kind and names what it counts."""
    return next((p for p in reversed(candidates) if p.unit == part.unit and p.kind == part.kind
                 and p.metric and not _NAME_ONLY.fullmatch(p.metric)), None)


_OPENS_PARTS = re.compile(r"包括|其中")
# a metric that only names a body or a division (包括省应急管理厅, 各市应急系统, 港口区)
_NAME_ONLY = re.compile(r"(?:包括|其中)?[:：]?((?!涉及|重点|相关|有关|各类|其他|其它)[\u4e00-\u9fff]{1,10}?"
                        r"(?:局|厅|委|系统|部门|单位|区|县|市|州|镇|乡|街道))")


def _in_inclusion(sentence: str, pos: int) -> bool:
    """死亡35人(含高速事故6起6人): a number in brackets that open with 含/包括/其中 is a part."""
    opened = bracket_open_at(sentence, pos)
    return opened >= 0 and _INCLUSION.match(sentence, opened + 1) is not None
