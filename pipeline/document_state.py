"""Reading a sentence's mentions in the light of the sentences before it: totals stated, parts' labels
and headings, tables read as text, the events last counted, targets (see `in_document`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from pipeline import lexicon
from pipeline.catalog import is_kind_of, is_whole
from pipeline.clauses import part_before
from pipeline.extract import (
    ACCIDENTS,
    EVENT_NOUN,
    PRODUCTION_SAFETY_ITEM,
    TIME_WORDS,
    WHOLE_AFTER_QIZHONG,
    measure_of,
    names_a_part,
    names_remit_sector,
    parts_count_what_their_total_counts,
    parts_named_only,
)
from pipeline.lists import bracket_open_at
from pipeline.mention import Mention
from pipeline.normalise import ENUMERATION, PART_ENUMERATOR, SECTION_ENUMERATOR


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


@dataclass
class DocumentState:
    """What the sentences read so far say about the ones after them (see `in_document`)."""

    previous: list[Mention] = field(default_factory=list)  # the last sentence's mentions
    whole_codes: set[str] = field(default_factory=set)  # whole-jurisdiction codes stated so far
    # the value each whole-jurisdiction code was stated with, per period: a jurisdiction has one total
    totals: dict[tuple[str, str | None], float] = field(default_factory=dict)
    events: str | None = None  # what the text last counted in 起 (事故, 火灾, 案件)
    under_label: bool = False  # under a part's label of its own (道路运输业方面。) after the total
    label: str = ""  # that label's words (道路运输业), which name the part in its figures' metrics
    part: bool = False  # the last sentence was one part's
    columns: list[str] = field(default_factory=list)  # the header of a table as text being read (序号|…)
    cells: int = 0  # the cell separators of that table read so far, from its header's first cell on
    measures: set[str] = field(default_factory=set)  # what the paragraph's sentences so far measure (measure_of)
    paragraph_read: bool = False  # a sentence of the paragraph has been read
    earlier_measures: frozenset[str] = frozenset()  # what the paragraph before measured
    open_ended: bool = False  # the last sentence ended on ；, ， or ：, so a line break after it goes on

    def begin_paragraph(self) -> None:
        """A line break: a new paragraph, unless the sentence before it goes on (…下降21.9%；\n死亡…)."""
        if not self.open_ended:
            self.earlier_measures, self.measures, self.paragraph_read = frozenset(self.measures), set(), False

    def measures_before(self) -> frozenset[str]:
        """What the text before the next sentence measures, in its paragraph (or, for the paragraph's
        first sentence, in the paragraph before): a 其中 opening that sentence has a total only in these
        (事故22起…。全部整改到位。其中…: yes; …保持“三个下降”。其中，事故起数…下降18.3%: no)."""
        return frozenset(self.measures) if self.paragraph_read else self.earlier_measures


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
    - A jurisdiction has one total per period: once stated, a smaller figure under the same whole code
      (全市发生事故77起…。化工事故1起) is a part's, and so is the rest of its sentence; a larger one
      counts more widely and production-safety accidents are the codes' own (see `totals`).
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
    # (其中，12月，全市共发生…: the whole jurisdiction in part of the period is no part of a part)
    part_of_part = sentence.lstrip().startswith("其中") and not WHOLE_AFTER_QIZHONG.match(sentence.lstrip()) and \
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
        remit = names_remit_sector(m.metric)
        remit_part = remit and bool(state.whole_codes)
        # 全市发生事故77起…。化工事故1起: a smaller figure for a total already stated for the period is a
        # part's (a larger one counts more widely: 生产安全事故1起…各类安全事故352起), unless it names
        # production-safety accidents, which the accident codes count (各类事故死亡4人（生产安全事故死亡2人…）)
        stated = state.totals.get((code, m.period)) if code and is_whole(code) and m.kind == "count" else None
        another_total = stated is not None and m.value < stated and not PRODUCTION_SAFETY_ITEM.search(m.metric or "") \
            and not _WHOLE_JURISDICTION.search(part_before(sentence, m.start))
        if code and (in_part or remit_part or another_total) and (is_whole(code) or code.startswith(ACCIDENTS)):
            m = replace(m, indicator_code=None, code_evidence=None, confidence="high")  # a part's accidents
        elif code and is_whole(code) and not remit and m.kind != "target":
            state.whole_codes.add(code)  # the jurisdiction's own total, stated (a target states none)
            if m.kind == "count":
                state.totals[(code, m.period)] = max(m.value, state.totals.get((code, m.period), m.value))
        # …22起(道路交通事故18起、工商贸事故1起),同比下降21.4%: a remit sector in brackets or as a later
        # item of a list of sectors is that item only; else the rest of the sentence is its
        in_part = in_part or another_total or (remit_part and not _in_brackets(sentence, m.start)
                                               and not sentence[previous_end:m.start].lstrip().startswith("、"))
        previous_end = m.end
        out.append(m)
    # 其中，港口区228人 / 包括…: parts named only by where they are, of the last sentence's total
    out = parts_named_only(sentence, out, state.previous)
    before = state.previous if sentence.lstrip().startswith("其中") else []
    out = _parts_whole_in_their_own_code(out, before)
    if before:  # 其中，政策文件9条 under the last sentence's total (a total in the sentence was seen in extract)
        out = parts_count_what_their_total_counts(sentence, out, before)
    state.previous = out
    state.part = in_part
    state.measures.update(measure_of(m.unit) for m in out)
    state.paragraph_read = True
    state.open_ended = sentence.rstrip()[-1:] in _GOES_ON
    return [_aimed_at(m) for m in _events_named(state, sentence, _in_table(state, sentence, out))]


_GOES_ON = set("；;，,、：:")
# words that name a whole jurisdiction or year (全县, 我市, 全年, 各类): a figure under them is a total, of
# its own place or period, whatever was stated before (全省…1260起。我县共发生事故12起; 第四季度全县…8起)
_WHOLE_JURISDICTION = re.compile(r"(?:全|我|本)(?:国|省|市|县|区|州|盟|旗|镇|乡|街道)|全年|各类|今年|去年|上年")


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
        elif m.unit == "起" and m.metric and not EVENT_NOUN.search(m.metric) and not _OWN_ACT.search(m.metric) \
                and not any(verb in m.metric for verb in _head_verbs()):  # 查处违法行为 says what it counts
            named = [found.group() for found in EVENT_NOUN.finditer(sentence, 0, m.start)]
            if events := (named[-1] if named else state.events):
                renamed[m.metric] = m.metric + events
                m = replace(m, metric=m.metric + events)
        out.append(m)
    if named_here := EVENT_NOUN.findall(sentence):
        state.events = named_here[-1]
    return out


_ENUMERATED = r"\s*" + ENUMERATION + r"?\s*"
_LABEL_SENTENCE = re.compile(_ENUMERATED + r"(?!全|各)[\u4e00-\u9fff]{2,12}(?:方面|领域|行业)\s*[。：:]?\s*")
_HEADING = re.compile(rf"\s*(?:{SECTION_ENUMERATOR}|{PART_ENUMERATOR})")


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
    subject = _WHOLE_HEADING_WORDS.sub("", TIME_WORDS.sub("", found.group(1)))
    return names_a_part(subject) or (remit_is_part and names_remit_sector(subject))


# 工矿商贸：…, (二)道路交通：…: a short label opening a sentence names the part it is about
_PART_LABEL = re.compile(_ENUMERATED + r"(?!全|其中)[\u4e00-\u9fff]{2,8}[:：]")


def _in_brackets(sentence: str, pos: int) -> bool:
    return bracket_open_at(sentence, pos) >= 0
