"""Sentence structures that give values their subjects: 分别/均 lists distributing values over the
subjects (or the counts) listed before them, 由…到 pairs, shares (占) and rates of the count before,
and the words of accident statistics these rules share with extract.py."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from pipeline import clauses, lexicon
from pipeline.candidates import mask_non_quantities
from pipeline.clauses import clause_before, part_before, same_part
from pipeline.mention import Mention
from pipeline.normalise import LEADING_ENUMERATOR, YEAR

# The change verbs that open a list of changes (下降12.6%和2.8%); change_words.tsv holds them all.
LIST_CHANGE_VERBS = "下降|减少|降低|上升|增长|增加|提高"
# The bases a value list and last year's values stand behind (a subset of basis_words.txt).
YEAR_BEFORE_BASES = ("同比", "较上年", "比上年", "较去年", "比去年", "去年同期", "上年同期")
YEAR_BEFORE_BASIS = "|".join(YEAR_BEFORE_BASES)
# What events cost: deaths, injuries, the missing (死亡50人 after 事故64起 are those events' deaths).
OUTCOMES = "死亡|遇难|受伤|失踪"
_SHARE_GAP = re.compile(r"[，,、]?\s*(?:约)?(占(?:比|(?![用道地])[\u4e00-\u9fff]{0,10}?))的?(?:比例|比重)?(?:为|达)?\s*")
# 不见面审批事项514项，可办率达52%: a rate named by its word alone is a rate of the count before it
_BARE_RATE = re.compile(r"[\u4e00-\u9fff]{1,3}率")
# The listed subjects of 分别: 查处违法采矿、违法占用耕地案件分别为41件和63件.
_LIST_SEPARATOR = re.compile(r"[、和及与]")
_ITEM_COMMA = re.compile(r"、")
# A basis, then a verdict without numbers closing the clause (同比大幅“双下降”, 同比均有所下降).
_BASIS_THEN_VERDICT = re.compile(rf"(?:{YEAR_BEFORE_BASIS})[^，,；;。\d]{{0,12}}$")
# 分别为, 同比分别下降, 分别比“十三五”时期年均值下降, 分别比2020年下降: only a link, a verb of change or
# the basis of the comparison stand between 分别 and its values
_LINK_ONLY = re.compile(rf"(?:同比|较上年|(?:比|较|与)[^，,；;。%]{{1,16}}?(?:相比)?(?=\s*(?:{LIST_CHANGE_VERBS})))?"
                        rf"(?:为|是|达|达到|{LIST_CHANGE_VERBS}|了|\s)*")
_NAMED_BASE_ONLY = re.compile(r"(?:比|较|与)(?:19|20)\d\d年(?:同期)?(?:相比)?")
# …与前三年平均数相比, or a clause opening on 相比 (相比“十三五”期末): it only names the basis
_COMPARISON_CLAUSE = re.compile(r"(?:相比|相较|比较|平均|均值)$|^(?:相比|相较)(?:(?:19|20)\d\d年|上一?年|去年|前一年|"
                                r"“[^”]{2,6}”(?:时期|期末|末期?)?)(?:同期|年均值|平均值|均值)?$")
# 受灾人次、倒塌房屋数量和直接经济损失与近5年均值相比: the comparison closing a list of subjects
_TRAILING_COMPARISON = re.compile(r"(?:与|较|比)[^、，,；;。与较比]{1,14}(?:相比|相较|比较|平均数|平均值|平均|均值)$")
_PAIR_GAP = re.compile(r"[^，,。；;]{0,8}(?:到|至|为)\s*(?:\d{4}\s*年(?:度)?的?)?\s*(?:平均|约|近)?\s*")
# 审批总时限由9730个工作日，压缩到5591个工作日: after a comma only a verb of change leads to the second value
_PAIR_GAP_AFTER_COMMA = re.compile(r"[，,]\s*(?:进一步|平均)?(?:压缩|缩短|降低|下降|减少|降|提高|提升|增加|增长|上升|扩大)"
                                   r"(?:到|至|为)\s*(?:平均|约)?\s*")
# 由9730个工作日, 由原来的9730个工作日, 由2020年的74%: 由 opening the pair's first value
_FROM_RIGHT_BEFORE = re.compile(r"由(?:原来的|原|(?:19|20)\d\d年度?的?)?$")


@lru_cache(maxsize=1)
def subject_free_words() -> tuple[str, ...]:
    """Words of a metric that do not name its subject (同比, 上升, 分别, 较; 比上年多, 环比, 是去年同期的; the
    verbs of a value reached, 发展到, 扩充至, 总数增至), longest first."""
    return tuple(sorted(list(lexicon.word_list("basis_words.txt")) + [w for w, _ in lexicon.change_words()]
                        + ["分别", "均", "了", "较", "比", "去年", "上年", "同期", "持平", "常年", "多年均值",
                           "环比", "多", "少", "至", "到", "有望", "突破", "发展", "扩充", "扩大", "调整", "总数", "是",
                           "的", "与", "相比", "上一年度", "上一年", "超过", "超", "全年", "改善"],
                        key=len, reverse=True))


# 与前两年平均数相比, 较近5年均值: a base other than the year before, which names no subject either
_OTHER_BASE = re.compile(r"与[^，,；;。]{0,14}?相比|[较比][^，,；;。]{0,14}?(?:均值|平均数|平均值|平均)")


def names_no_subject(words: str) -> bool:
    """Whether `words` (同比分别下降, 较2019年减少) only compare, naming nothing compared."""
    if _RATE_COMPARED.search(words):
        return False  # 降幅较上年提高: the size of a change is the subject, compared in turn
    # a subject may be written in Latin letters (PM2.5, COD)
    return re.search(r"[\u4e00-\u9fffA-Za-z]", without_subject_free_words(_OTHER_BASE.sub("", NAMED_YEAR.sub("", words)))) is None


def without_subject_free_words(text: str) -> str:
    """`text` without the words that name no subject (同比, 上升, 分别, 较…: subject_free_words)."""
    for word in subject_free_words():
        text = text.replace(word, "")
    return text


_RATE_COMPARED = re.compile(r"(?:增幅|降幅|升幅|涨幅).*?(?:较|比|与|提高|回落|扩大|收窄|多|少|增加|减少|上升|下降)")
NAMED_YEAR = re.compile(r"(?:19|20)\d\d年")
DENIED_RULE = "a change names the outcome the clause before denies"


OUTCOME = re.compile(OUTCOMES)
# ，与前两年平均数相比 / ，较2019年: a list's own clause that only names another base
_ANOTHER_BASIS_ONLY = re.compile(r"[，,]\s*(?:与|较|比)[^，,；;。%]{0,16}?(?:相比|相较)?")
# a whole clause that denies events, with its subject: 国有地方煤矿未发生事故 (国有地方煤矿, 事故)
_DENIAL = re.compile(r"^\s*([^，,；;。\d]{0,16}?)(?:未|没有)发生([^，,；;。\d]{0,12}?事故)\s*$")


LAST_YEAR_ASIDE = re.compile(r"\s*(?:同比|去年|上年|同期)")


_OPENERS, _CLOSERS = "(（", ")）"


@lru_cache(maxsize=256)
def _bracket_pairs(sentence: str) -> tuple[tuple[int, int], ...]:
    """(open, close) of every bracket of the sentence in order of opening, close -1 when it never
    closes; a bracket inside another is paired with its own close. Each sentence's rules ask many times."""
    pairs: list[list[int]] = []
    stack: list[int] = []
    for i, ch in enumerate(sentence):
        if ch in _OPENERS:
            stack.append(len(pairs))
            pairs.append([i, -1])
        elif ch in _CLOSERS and stack:
            pairs[stack.pop()][1] = i
    return tuple((o, c) for o, c in pairs)


def bracket_open_at(sentence: str, pos: int) -> int:
    """Where the bracket that is still open at `pos` opens, or -1; brackets inside it are passed over
    (事故7起(…1起工商贸其他(火灾),死亡2人;1起冶金…: 冶金 is still inside the first)."""
    if "(" not in sentence and "（" not in sentence:
        return -1
    return next((o for o, c in reversed(_bracket_pairs(sentence)) if o < pos and (c < 0 or c >= pos)), -1)


def bracket_close(sentence: str, opened: int) -> int:
    """Where the bracket opening at `opened` closes, brackets inside it passed over; -1 if it never does."""
    return next((c for o, c in _bracket_pairs(sentence) if o == opened), -1)


def bracket_follows(sentence: str, end: int, opened: int) -> bool:
    """The bracket opening at `opened` follows the value ending at `end` at once, so what it holds
    glosses that value (34%(34.8%))."""
    return opened >= end and not sentence[end:opened].strip()


def in_aside(sentence: str, pos: int, before: int) -> bool:
    """`pos` lies in brackets that close before `before`: 事故22起(其中道路交通事故18起…),同比下降21.4%
    — the change after the aside is about the count before it, not about the numbers inside."""
    opened = bracket_open_at(sentence, pos)
    if opened < 0:
        return False
    if LAST_YEAR_ASIDE.match(sentence, opened + 1):
        return False  # 事故起数同比(去年128起)上升3.9%: last year's value is part of the comparison
    return 0 <= bracket_close(sentence, opened) < before


# (事故起数和死亡人数每年都保持“双下降”的良好态势: the verdict and its 态势)
_VERDICT_VERBS = "实现|呈现|保持|继续"
_BOTH_FELL = "双下降|双降"
_VERDICT_AT_END = re.compile(rf"(?:(?:每年|连年|一直|都|均)*(?:{_VERDICT_VERBS})(?:{lexicon.basis_words_pattern()})?)?[“\"]?"
                             rf"(?:{_BOTH_FELL}|持续下降|稳中有降|均有所下降|大幅下降)[”\"]?(?:的?(?:良好)?态势)?$")
_VERDICT_VERB_AT_END = re.compile(rf"(?:{_VERDICT_VERBS})$")
# …实现同比“双下降”，分别为29.1%和12.4%: only 为 or nothing between 分别 and the values
_FALLS_BEFORE = re.compile(rf"({lexicon.basis_words_pattern()})?[“\"]?(?:{_BOTH_FELL})[”\"]?[，,]?\s*$")
_LINK_TO_FALLS = re.compile(r"分别为?\s*")
_LIST_LEAD = re.compile(r"[“”\"）)：:]")


def _listed_subjects(sentence: str, at: int, separator: re.Pattern[str] = _LIST_SEPARATOR) -> tuple[int, list[str]]:
    """Where the clause before `at` starts, and its items (A、B, A和B: two; 较大事故: one).

    A comparison basis closing the clause is not an item: 事故起数、死亡人数同比分别下降… lists
    事故起数 and 死亡人数; so is a clause that only names the basis: in 受灾人口、因灾死亡人数，
    与前5年平均值相比，同比分别下降… the subjects stand before it."""
    clause = clause_before(sentence, at)
    clause_start = at - len(clause)
    listed = _basis_at_end().sub("", clause)
    trailing = _TRAILING_COMPARISON.search(listed.strip())
    if trailing and trailing.start() > 0 and _LIST_SEPARATOR.search(listed[:trailing.start()]):
        # 因灾死亡失踪人口、倒塌房屋数量、直接经济损失占GDP比重较近5年均值分别下降…: the list, then its basis
        listed = listed.strip()[:trailing.start()]
    elif _COMPARISON_CLAUSE.search(listed.strip()) and clause_start > 0:
        # 事故起数、死亡人数，与前三年平均数相比分别下降…: the clause only names the basis (事故起数和
        # 死亡人数保持“双下降”的良好态势，相比“十三五”期末分别下降…: and the one before, its verdict)
        previous = clause_before(sentence, clause_start - 1)
        clause_start = clause_start - 1 - len(previous)
        listed = _VERDICT_AT_END.sub("", previous)
    elif not listed.strip() and clause_start > 0:
        comparison = clause_before(sentence, clause_start - 1)
        subjects_end = clause_start - 1 - len(comparison) - 1
        verdict = _BASIS_THEN_VERDICT.search(comparison)
        ahead = _TRAILING_COMPARISON.search(comparison)
        if ahead and ahead.start() > 0:
            # 受灾人次、倒塌房屋数量和直接经济损失与近5年均值相比，分别下降…: the subjects before it
            listed = comparison[:ahead.start()]
            clause_start = clause_start - 1 - len(comparison)
        elif _COMPARISON_CLAUSE.search(comparison) and subjects_end > 0:
            listed = clause_before(sentence, subjects_end)
            clause_start = subjects_end - len(listed)
        elif verdict and verdict.start() > 0:
            # 事故起数和死亡人数同比大幅“双下降”，分别下降33.5%和42.7%: the subjects before the basis (and
            # before the verb of 实现同比“双下降”)
            listed = _VERDICT_VERB_AT_END.sub("", comparison[:verdict.start()])
            clause_start = clause_start - 1 - len(comparison)
        elif ("、" in comparison or _VERDICT_AT_END.search(comparison)) and not _DENIAL.search(comparison):
            # 受灾人次、因灾死亡失踪人数、直接经济损失，分别比…下降: the list is the clause before, without
            # a verdict closing it (事故起数、死亡人数实现双下降; 事故起数和死亡人数实现“双下降”)
            listed = _VERDICT_AT_END.sub("", comparison)
            clause_start = clause_start - 1 - len(comparison)
    fillers = lexicon.word_list("metric_fillers.txt")
    items = []
    # 中新网6月26日电(记者)“广西事故起数…: the list starts after a quote, a bracket or a colon
    lead = _LIST_LEAD.split(listed)[-1]
    clause_start += len(listed) - len(lead)
    listed = lead
    for item in separator.split(listed):
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
_LIST_DISTRIBUTOR = re.compile(f"分别|(?<![平人日户])均(?=[^，,；;。]{{0,6}}?(?:{LIST_CHANGE_VERBS}))"
                               f"|(?:{'|'.join(f'(?<={basis})' for basis in YEAR_BEFORE_BASES)}|(?<=较\\d{{4}}年)|(?<=相比))"
                               f"(?:{LIST_CHANGE_VERBS})|(?:(?<=[，,])|{'|'.join(f'(?<={m})' for m in _MEASURES_BEFORE_VERB)})"
                               f"(?:{LIST_CHANGE_VERBS})(?=\\s*\\d)")


def _listed_values(sentence: str, mentions: list[Mention], at: int) -> list[int]:
    """The mentions of the list that follows 分别/均 at `at`: the first one after it in the same
    clause, then each one joined to the one before by a list separator."""
    following = [i for i, m in enumerate(mentions) if m.start > at]
    if not following or any(ch in "，,；;。" for ch in sentence[at:mentions[following[0]].start]):
        return []
    values = [following[0]]
    last_end = mentions[following[0]].end
    for i in following[1:]:
        last = mentions[values[-1]]
        if mentions[i].start < last_end:
            continue  # a later value inside the gloss
        opened = bracket_open_at(sentence, mentions[i].start)
        if bracket_follows(sentence, last_end, opened):
            # 同比下降34%(34.8%)、37.4%: a value in brackets after a value glosses it (the change of the
            # part a bracket gave after the count) and is no item of the list
            last_end = max(last_end, bracket_close(sentence, opened) + 1)
            continue
        # 下降26.5%,18.1%: a bare comma joins two values of one unit, or two changes when the later says
        # nothing of its own (同比减少15起,12人,分别下降…; not 事故12起，8人死亡)
        alike = mentions[i].unit == last.unit or (
            last.kind == "change" and last.unit != "%" and _NOTHING_AFTER.match(sentence, mentions[i].end) is not None)
        comma = alike and _BARE_COMMA.fullmatch(sentence, last_end, mentions[i].start)
        if not comma and not _list_gap().fullmatch(sentence, last_end, mentions[i].start):
            break
        values.append(i)
        last_end = mentions[i].end
    return values


_BARE_COMMA = re.compile(r"\s*[，,]\s*")
_NOTHING_AFTER = re.compile(r"\s*(?:[，,；;。]|$)")


_COUNT_OF = re.compile(r"(.+?)(?:起数|总量)$")


def _shared_modifier(subjects: list[str]) -> list[str]:
    """较大事故起数和死亡人数: the events a subject counts (较大事故) are those whose outcomes the bare
    subjects after it count (较大事故死亡人数), up to the next count of events (事故起数、死亡人数、较大事故
    起数、死亡人数: the last is 较大事故死亡人数)."""
    out, events = [], None
    for subject in subjects:
        if counted := _COUNT_OF.match(subject):
            events = counted.group(1)  # 死亡事故起数 is a count, not an outcome of the events before it
            out.append(subject)
        else:
            out.append(events + subject if events is not None and OUTCOME.match(subject) else subject)
    return out


BARE_MEASURE = re.compile(r"(?:同比)?(?:事故)?(起数|死亡人数|受伤人数|直接经济损失|经济损失)")
# the part of a sentence that opens on a count of one class of accidents (其中较大事故2起, 发生较大事故1起)
_OPENS_ON_A_CLASS = re.compile(r"\s*(?:其中[，,：:]?\s*)?(?:全年|今年|(?:19|20)\d\d年)?[，,]?\s*"
                               r"(?:[全本我][省市区县州])?共?(?:发生)?((?:特别)?(?:重大|较大)(?:及以上)?(?:生产安全)?事故)[1-9]")


def _class_opening(sentence: str, at: int) -> re.Match[str] | None:
    """The count of one class of accidents (其中较大事故2起, 发生较大事故1起) that opens the part of the
    sentence (after 。or ；) `at` is in, if one does."""
    return _OPENS_ON_A_CLASS.match(sentence, at - len(part_before(sentence, at)), at)


def _of_the_class_counted(sentence: str, clause_start: int, subjects: list[str]) -> list[str]:
    """其中较大事故2起、死亡6人，同比事故起数、死亡人数减少4起、16人: bare measures in a part of a
    sentence that opens on a count of one class of accidents measure that class (较大事故起数); in a
    part that opens on the total they stay the total's."""
    bare = [BARE_MEASURE.fullmatch(s) for s in subjects]
    counted = _class_opening(sentence, clause_start)
    if counted is None or not all(bare):
        return subjects
    return [counted.group(1) + m.group(1) for m in bare if m is not None]


_ANOTHER_SCOPE = re.compile(r"\d\s*起|全[国省市区县州旗]|各类|全部")


def measure_of_the_class_counted(sentence: str, at: int, metric: str) -> str | None:
    """发生较大事故2起、死亡7人，同比事故起数持平、死亡人数下降12.5%: one change of a bare measure, in a
    part of a sentence that opens on a count of one class of accidents, measures that class
    (较大事故死亡人数); None when its metric names more than a bare measure."""
    last = re.split(r"[、，,]", metric)[-1]  # 同比事故起数持平、死亡人数下降: the measure of this value
    bare = BARE_MEASURE.fullmatch(without_subject_free_words(last))
    counted = _class_opening(sentence, at) if bare else None
    # …较大事故1起、死亡3人，全县共发生生产安全事故20起，死亡人数同比下降: another count or a whole
    # place between the class and the change measures no longer that class
    if counted is None or bare is None or _ANOTHER_SCOPE.search(sentence, counted.end(), at):
        return None
    return counted.group(1) + bare.group(1)


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
    found = OUTCOME.search(subject)
    return subject[found.start():] if found else ""


# 事故起数、死亡人数由(从)2018年的4098起、2310人下降至2023年的657起、707人: two lists of levels
_FROM_YEAR = re.compile(r"[由从]\s*(?:19|20)\d\d\s*年(?:底|末)?的?")
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


_YEAR_WORD = rf"{YEAR}年?度?"
_YEAR_ITEM = re.compile(_YEAR_WORD)
# what a metric holds of a list of years (死亡率：2021、2022年 -> 死亡率; 2022年分别检查企业 -> 检查企业)
_YEAR_LIST_TAIL = re.compile(rf"[:：\s]*(?:{_YEAR_WORD}[、和与及]?)+$|^(?:{_YEAR_WORD}[、和与及]?)+(?:分别)?")

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
        if not same_part(sentence, m.end, out[before[-1]].start):
            return None
        if m.unit == "起":
            return before[k] if k < len(before) - 1 else None
        if m.unit not in ("人", "名", "元"):
            return None
    return None


_LISTED_NEXT = re.compile(r"\s*、[^，,；;。、：:]{0,12}")  # 、死亡: the next item of a 、-list of counts


def _counts_taking(sentence: str, out: list[Mention], before: list[int], wanted: int) -> list[int]:
    """The counts `wanted` changes refer to: the last ones before them, unless these close a 、-list
    longer than the changes (事故37起、死亡30人、受伤15人，同比分别下降19.6%、9.1%: the list's first two;
    shares, 分别占…, name the parts after a total and keep the last ones)."""
    run = [before[-1]]
    for i in reversed(before[:-1]):
        if not _LISTED_NEXT.fullmatch(sentence, out[i].end, out[run[0]].start):
            break
        run.insert(0, i)
    return run[:wanted] if len(run) > wanted else before[-wanted:]


def _first_of_part(sentence: str, out: list[Mention], before: list[int]) -> int:
    """The first of the counts `before` ends with that stand in the same ；-part of the sentence."""
    first = before[-1]
    for i in reversed(before[:-1]):
        if not same_part(sentence, out[i].end, out[first].start):
            break
        first = i
    return first


_FLAT_ITEM = re.compile(r"\s*[、，,和及与]\s*持平")


def sentence_structures(sentence: str, mentions: list[Mention]) -> list[Mention]:
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
        # 事故起数和死亡人数实现同比“双下降”，分别为29.1%和12.4%: percentages right after a verdict of falls
        # are the falls
        fall = _FALLS_BEFORE.search(sentence, max(0, at - 12), at)
        if fall and _LINK_TO_FALLS.fullmatch(sentence, at, out[values[0]].start) \
                and all(out[i].kind == "ratio" and out[i].unit == "%" for i in values):
            for i in values:
                out[i] = replace(out[i], kind="change", direction="down", basis=out[i].basis or ("yoy" if fall.group(1) else None))
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
        if len(subjects) > len(values) >= 2 and len(enumerated := _listed_subjects(sentence, at, _ITEM_COMMA)[1]) == len(values):
            # 受灾人数、因灾死亡和失踪人数、倒塌房屋数量分别下降28.0%、10.4%、18.6%: 和 inside an item
            subjects = enumerated
        if len(subjects) == 1 and _NAMED_BASE_ONLY.fullmatch(subjects[0]) and len(values) == len(earlier_subjects):
            # …起数、受伤人数同比分别下降3.1%、6.3%，比2019年分别下降35.9%、45.1%: the same measures
            # against another base
            subjects = list(earlier_subjects)
        elif len(subjects) == 1 and len(values) == len(earlier_subjects) > 1:
            # …起数、死亡人数同比分别下降17.7%、12.5%；其中较大事故同比分别下降19.0%和26.3%: the one
            # subject is measured as the earlier list was (较大事故, 较大事故死亡人数)
            subjects = [subjects[0] + _outcome_of(earlier) for earlier in earlier_subjects]
        if len(subjects) == len(values) >= 2 and all(_YEAR_ITEM.fullmatch(s) for s in subjects):
            # 火灾十万人口死亡率：2021、2022年分别为0.17、0.24: the items are years, each value's period
            # (the metric stands before them: 死亡率：2021、2022年 -> 死亡率)
            before_years = LEADING_ENUMERATOR.sub("", clause_before(sentence, clause_start - 1)).strip() if clause_start else ""
            for subject, i in zip(subjects, values, strict=True):
                year = int(subject[:4])
                out[i] = replace(out[i], metric=_YEAR_LIST_TAIL.sub("", out[i].metric or "") or before_years or None,
                                 period_year=year, period=str(year), rule="a list of values: the years listed before, in order")
            continue
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
                  if m.end <= at and m.kind != "change" and not in_aside(sentence, m.start, at)]
        # 事故起数减少3起，死亡人数减少6人，分别下降6.7%、11.8%: percentages after as many absolute
        # changes (since the last count) are those changes in percent
        last_count = before[-1] if before else -1
        differences = [i for i in range(last_count + 1, len(out))
                       if out[i].end <= at and out[i].kind == "change" and out[i].unit != "%"]
        rule = "a list of values: the counts before, in order"
        own_clause = clauses.clause_start(sentence, out[values[0]].start, "，,；;")
        denial = _DENIAL.search(clause_before(sentence, own_clause - 1)) if own_clause > 1 else None
        # …未发生较大事故，一般事故同比分别下降10%、20%: a clause with a subject of its own changes that
        if denial and all(out[i].kind == "change" for i in values) \
                and names_no_subject(sentence[own_clause:out[values[0]].start]):
            # 重大事故1起、14人…；未发生较大事故，同比减少3起、15人 (国有地方煤矿未发生事故，同比减少2起、
            # 3人): the changes of the events the clause before denies, and of their deaths; two
            # percentages (道路运输未发生事故，同比分别下降100%、100%) are the events' and the deaths'
            percentages = len(values) == 2 and all(out[i].unit == "%" for i in values)
            for k, i in enumerate(values):
                outcome = "死亡" if out[i].unit in ("人", "名") or percentages and k == 1 else ""
                out[i] = replace(out[i], metric=denial.group(1) + denial.group(2) + outcome, rule=DENIED_RULE)
            denied = values
            continue
        if denied and len(values) == len(denied) and _ANOTHER_BASIS_ONLY.fullmatch(sentence, out[denied[-1]].end, at):
            # …同比分别下降100%、100%，与前两年平均数相比分别下降100%、100%: the same outcomes against
            # another base
            for src, dst in zip(denied, values, strict=True):
                out[dst] = replace(out[dst], metric=out[src].metric, rule=DENIED_RULE)
            continue
        if len(differences) >= len(values) and all(out[i].unit == "%" for i in values):
            before, rule = differences, "a list of percentages: the changes before, in order"
            if found.group() == "均" and len(values) == 1:
                before = differences[:1]  # 同比减少2起、少死亡2人，均下降100%: the events' change speaks for all
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
        own_part = [i for i in before if same_part(sentence, out[i].end, out[values[0]].start)]
        before = own_part if own_part and rule != "a list of percentages: the changes before, in order" else before
        part_start = clauses.clause_start(sentence, out[values[0]].start, "；;")
        # …分别为31%、21%；因灾死亡失踪人数和前五年均值相比下降35%: a part with a subject of its own (not
        # 四项指标同比分别下降…, the measures before, masked as a non-quantity)
        if not own_part and part_start and not names_no_subject(mask_non_quantities(sentence)[part_start:at]):
            continue
        if len(before) < len(values):
            continue
        changes_only = all(out[i].kind == "change" for i in values)
        pairs = list(zip(_counts_taking(sentence, out, before, len(values)) if changes_only else before[-len(values):],
                         values, strict=True))
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
