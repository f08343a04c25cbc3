"""The metric phrase of a mention: the shortest words of the sentence that say what is counted.

Chinese puts the counted thing on either side of the number:

* before it, as a verb or noun phrase: 立案查处6517件, 事故70起, 回填率达100%;
* after it, as the counted noun: 明确19项重点工作任务, 完成85个建设项目安全审查;
* on both sides, verb before and noun after: 检查27家化工企业 -> 检查化工企业.

So the metric is built from the `pre` chunk (from the previous clause break or mention to the
number) and the `post` chunk (from the unit to the next clause break, mention or 分别/均/等),
cut on jieba token boundaries and stripped of filler words (metric_fillers.txt). Rules:

* ratios name the rate before the number (减时限比例达93.8%);
* a `pre` that ends in 的, 等 or a preposition, or starts with a preposition (对/向/在...), is a
  modifier or an example list, not the counted thing: the `post` noun alone is used;
* a `pre` listing examples with 、 contributes only its head verb (新增A、B、C3家单位 -> 新增单位),
  or, when nothing follows the number, its last item (推演、演习2091场次 -> 演习);
* if both chunks are empty (为期三个月，), the end of the previous clause is used.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from pipeline import lexicon

CLAUSE_BREAKS = set("，,；;。！？!?：:（）()【】[]")
_DIVISION = r"(?:省|市|区|县|州|盟|旗|乡|镇|街道|社区|村|园区)"
_WORD_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（]" + _DIVISION + r"(?:、" + _DIVISION + r")*[)）]"
                         r"(?=[\u4e00-\u9fff、和及与])")  # 4个县(市、区)、高新区: also before the list goes on
# 6个市县(项目)入选: after a number, a short aside inside the noun that follows breaks no clause
_ASIDE = re.compile(r"(?<=[\u4e00-\u9fff])[(（][\u4e00-\u9fff]{1,4}[)）](?=[\u4e00-\u9fff])")
# a noun that names a group of what is counted (道路运输行业, 工贸八大行业, 其他类): an action before a
# bracket (开展专项行动(检查企业1560家次)) is no such noun
_GROUP_HEAD = re.compile(r"(?:行业|领域|板块|类)$")
_COMPARED_HEAD = re.compile(r"(?:同比|环比|相比|较|比)$")
_EARLIER_TIME = re.compile(r"去年|上年|前年|同期|上一?年度")
_ASIDE_BREAKS = set("；;。！？!?：:（）()【】[]")
_QUOTES = "“”‘’「」『』\""
_NO_QUOTES = str.maketrans("", "", _QUOTES)
_CONJUNCTIONS = ("以及", "和", "及", "与", "、", "并", "或")
_PREPOSITIONS = ("对", "向", "在", "为", "给", "从", "针对", "按照", "根据", "通过", "由", "将", "把",
                 "并向", "并对", "共对", "并在")
_POST_STOPS = ("分别", "均", "都", "等", "其中", "已", "共", "累计")
_YEAR_PREFIX = re.compile(r"(?:由|从)?(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:度)?(?:以来)?的?$")
_DATE_LEAD = re.compile(
    r"^(?:截至|截止)?(?:(?:\d{4}年(?:度)?)?\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月份?"
    r"|\d{4}年(?:度)?(?:\d{1,2}月(?:份|\d{1,2}日)?)?|\d{1,2}月(?:份|\d{1,2}日)?"
    r"|第?[一二三四]季度|[上下]半年|年[初底末中])"
)
# 由原来的20个工作日, 提升至65%: the words before the number that only say "from" or "to".
_FROM_TO_TAIL = re.compile(r"(?:(?:由|从)(?:原来|原先|之前|以前|过去|去年|上年|法定)?的?"
                           r"|(?:提升|提高|下降|降低|压缩|缩短|增长|增加|减少|上升)(?:至|到))$")

# Fillers that are verbs in front (组织开展) but nouns at the end (人民调解组织): kept at the end.
_TRAILING_NOUNS = ("组织",)
_TRAILING_FORMULA = re.compile(r"[0-9+＋.\-]+$")
# the unit of a date the metric's words were cut from (7-9月全市共发生…, 11日全县共发生…); not 月度, 日均, 日常
_ORPHAN_DATE_UNIT = re.compile(r"^(?:月份?|日)(?=[全共发连累各我本])")
# the definition of a grade of accidents before the grade (一次死亡3-9人较大生产安全事故 -> 较大生产安全事故;
# non_quantities.txt keeps its numbers from being read)
_GRADE_DEFINITION = re.compile(r"(?:一次性?(?:造成)?)?(?:死亡|重伤|受伤|中毒)[\d一二三四五六七八九十]+"
                               r"(?:[-—~～至到][\d一二三四五六七八九十]+)?人(?:及?以上|以下)?的?(?=[^，,；;。\d]{0,8}事故)")
_BARE_APPROX_TAIL = re.compile(r"(?:平均|约|近|达)$")
# what joins a 由 pair's first value to its second (压缩至, 由119家降为52家: 为 is a filler the words lose)
_TO_THE_NEXT_VALUE = re.compile(r"压缩至|压缩到|[降升减增](?:至|到|为)?")

PRE_MAX = 14
PRE_HEAD_MAX = 6
_AGENT_BEFORE = ("对", "向")  # prepositions that follow the doer of an act: 小分队对各地, 工作组向企业
_KIND_MAX = 4  # 重大, 一般, 刑事: a modifier that names a kind of a thing is short
_STATES = ("剩余", "其余", "尚未", "未", "去年", "上年", "同期", "累计", "现有")  # a state or time of a thing, no kind
_RATE_PREDICATE_MAX = 6  # 持证上岗, 出庭应诉, 完成整改: what a rate before a short predicate is the rate of
# ...unless what comes before is a rate already (备案审查率100%报备) or the predicate says by how much
# (事项85%压缩办理时限: 85% of the items, not a cut of 85%)
_A_RATE = re.compile(r"(?:率|比例|占比|比重)$")
# A verb alone as a metric (共公开45件, 共办理12件) counts what the numberless clause before it names
_BARE_VERBS = frozenset({"公开", "发布", "办理", "办结", "受理", "答复", "处理", "完成", "整改", "查处"})
# (not a slogan: 坚持以人民为中心，共办结126件)
_SLOGAN = re.compile(r"(?:始终|紧紧)?(?:坚持|围绕|聚焦|紧扣|践行)")
# 共200余人次参训, 500人参加: a bare verb of taking part, whose event the clause before names
_TAKING_PART = ("参训", "参加", "参与", "参学", "受训", "参会", "参演", "参赛", "参考")
_BY_HOW_MUCH = ("压缩", "压减", "提速", "缩短", "减少", "降低", "下降", "提高", "提升", "增长", "增加", "上升")
POST_MAX = 24


@lru_cache(maxsize=1)
def _fillers() -> frozenset[str]:
    return frozenset(lexicon.word_list("metric_fillers.txt"))


# what stands between two parties of one list: the first's noun, then 、, 和 or 及 (16个市、25家单位)
_NEXT_PARTY = re.compile(r"[\u4e00-\u9fff()（）、]{0,16}?[、和及][\u4e00-\u9fff]{0,4}")


@lru_cache(maxsize=1)
def _party_act() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, lexicon.word_list("party_acts.txt"))))


@lru_cache(maxsize=1)
def _head_verbs() -> frozenset[str]:
    return frozenset(lexicon.word_list("metric_head_verbs.txt"))


@lru_cache(maxsize=1)
def _qualifier_words() -> tuple[tuple[str, ...], frozenset[str]]:
    """(after words longest first, before words) of qualifiers.tsv."""
    return (tuple(q.word for q in lexicon.qualifiers_at("after")),
            frozenset(q.word for q in lexicon.qualifiers_at("before")))


@lru_cache(maxsize=1)
def _trailing_words() -> tuple[tuple[int, frozenset[str]], ...]:
    """Words _clean drops from the end of a metric, as (length, words of that length), longest first:
    a text ends in at most one word of each length, so one set lookup per length finds it."""
    # 组织 is a filler verb in front (组织开展) but a noun at the end (人民调解组织)
    safe = ({w for w in _fillers() if len(w) > 1 and w not in _TRAILING_NOUNS}
            | {"达", "均", "约", "近", "共", "计", "的", "了", "等"})
    words = safe | _qualifier_words()[1] | {"一般"}
    return tuple((n, frozenset(w for w in words if len(w) == n)) for n in sorted({len(w) for w in words}, reverse=True))


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def token_offsets(sentence: str, tokens: Sequence[str]) -> tuple[list[int], list[int]]:
    """(starts, ends) of the jieba tokens found in `sentence`, in order (whitespace skipped)."""
    if "".join(tokens) == sentence:
        # No whitespace in the sentence (the usual case): each token starts where the last ended.
        ends = list(accumulate(map(len, tokens)))
        return [0, *ends[:-1]] if ends else [], ends
    starts, ends = [], []
    pos = 0
    for token in tokens:
        found = sentence.find(token, pos)
        if found == -1:
            continue
        pos = found + len(token)
        starts.append(found)
        ends.append(pos)
    return starts, ends


class MetricFinder:
    """Metric phrases for the mentions of one sentence."""

    def __init__(self, sentence: str, tokens: Sequence[str], mentions: Sequence[Span]):
        self.sentence = sentence
        self.mentions = list(mentions)
        starts, ends = token_offsets(sentence, tokens)
        if not starts:
            starts, ends = list(range(len(sentence))), list(range(1, len(sentence) + 1))
        self.offsets = list(zip(starts, ends, strict=True))
        # Starts and ends both only grow along the sentence, so the tokens overlapping a span are a run.
        self.token_ends = ends
        self.token_starts = set(starts)
        self.fillers = _fillers()
        self.after_qualifiers, self.before_qualifiers = _qualifier_words()
        # 乡(镇)公共法律服务工作站, 县(市、区): the other kinds of division a word stands for, in
        # brackets inside a noun, break no clause
        self.glosses = [m.span() for m in _WORD_GLOSS.finditer(sentence)]
        self.glued = {pos for start, end in self.glosses for pos in (start, end - 1)}
        self.asides = {pos for m in _ASIDE.finditer(sentence) for pos in (m.start(), m.end() - 1)}
        self._post_bounds: dict[int, tuple[int, int]] = {}  # each mention's, asked for many times

    def _in_gloss(self, pos: int) -> bool:
        return any(start < pos < end for start, end in self.glosses)

    def _breaks(self, pos: int) -> bool:
        return self.sentence[pos] in CLAUSE_BREAKS and pos not in self.glued

    # ---- chunk boundaries -------------------------------------------------------------
    def pre_bounds(self, index: int) -> tuple[int, int]:
        m = self.mentions[index]
        start = m.start
        floor = self.mentions[index - 1].end if index else 0
        while start > floor and not self._breaks(start - 1):
            start -= 1
        if index and start == floor and "、" in self.sentence[start:m.start]:
            # 刊登9个专版、电视台播报7个专集: the words before the first 、 belong to the previous number
            start += self.sentence[start:m.start].index("、") + 1
        return start, m.start

    def post_bounds(self, index: int) -> tuple[int, int]:
        if index not in self._post_bounds:
            self._post_bounds[index] = self._find_post_bounds(index)
        return self._post_bounds[index]

    def _find_post_bounds(self, index: int) -> tuple[int, int]:
        m = self.mentions[index]
        pos = m.end
        text = self.sentence
        for word in self.after_qualifiers:
            # 30日内 (within), but not the 内 of 286条内容: a qualifier is a word of its own
            if text.startswith(word, pos) and (pos + len(word) in self.token_starts or pos + len(word) == len(text)):
                pos += len(word)
                break
        if text.startswith("的", pos):
            pos += 1
        if text.startswith("、", pos):
            return pos, pos  # 权力清单18项、公共服务…: a list continues, nothing is said about this number
        has_next = index + 1 < len(self.mentions)
        ceiling = self.mentions[index + 1].start if has_next else len(text)
        end = pos
        while end < ceiling and (not self._breaks(end) or end > pos and end in self.asides):
            if end > pos and end in self.token_starts and text.startswith(_POST_STOPS, end):
                break
            end += 1
        if has_next and end == ceiling and (
                listed := [i for i in range(pos, end) if text[i] == "、" and not self._in_gloss(i)]):
            # 740家、危险化学品企业1944家: the words after the last 、 belong to the next number (not a
            # 、 inside a gloss: 13个县(市、区)和36个部门)
            end = listed[-1]
        return pos, end

    # ---- token helpers -----------------------------------------------------------------
    def _words(self, start: int, end: int) -> list[str]:
        """Token texts inside [start, end); partial tokens are cut at the edges."""
        words = []
        for s, e in self.offsets[bisect_right(self.token_ends, start):]:
            if s >= end:
                break
            words.append(self.sentence[max(s, start):min(e, end)])
        return words

    def _strip(self, words: list[str]) -> list[str]:
        words = [w.strip(_QUOTES) for w in words]
        words = [w for w in words if w]
        while words and (words[0] in self.fillers or words[0] in _CONJUNCTIONS or words[0] in CLAUSE_BREAKS):
            words = words[1:]
        while words and (words[-1] in self.fillers and words[-1] not in _TRAILING_NOUNS
                         or words[-1] in _CONJUNCTIONS or words[-1] in CLAUSE_BREAKS
                         and not (words[-1] in ")）" and ("(" in words or "（" in words))):  # 乡镇(街道) keeps its )
            words = words[:-1]
        return words

    @staticmethod
    def _tail(words: list[str], limit: int) -> list[str]:
        out: list[str] = []
        total = 0
        for w in reversed(words):
            if out and total + len(w) > limit:
                break
            out.insert(0, w)
            total += len(w)
        return out

    @staticmethod
    def _head(words: list[str], limit: int) -> list[str]:
        out: list[str] = []
        total = 0
        for w in words:
            if out and total + len(w) > limit:
                break
            out.append(w)
            total += len(w)
        return out

    # ---- chunks ------------------------------------------------------------------------
    def pre_chunk(self, index: int) -> tuple[str, str]:
        """(kind, text) where kind is '' | 'modifier' | 'list' | 'plain'."""
        start, end = self.pre_bounds(index)
        raw = self.sentence[start:end]
        date = _DATE_LEAD.match(raw)
        if date:
            start += date.end()
        words = self._words(start, end)
        text = "".join(words)
        year = _YEAR_PREFIX.search(text)
        if year and year.start() > 0:
            words = self._words(start, start + year.start())
            text = "".join(words)
        from_to = _FROM_TO_TAIL.search(text)
        if from_to and from_to.start() > 0:
            words = self._words(start, start + from_to.start())
        if words and words[-1] in _CONJUNCTIONS:
            return "", ""  # 纸质案卷评查以及|两次: the words belong to the previous mention
        ends_with_example_list = bool(self._strip_tail_fillers(words)) and self._strip_tail_fillers(words)[-1] == "等"
        lead = [w for w in words if w not in self.fillers or w in _PREPOSITIONS]
        prepositional = bool(lead) and lead[0] in _PREPOSITIONS
        tail_words = self._strip_tail_fillers(words)
        ends_in_modifier = bool(tail_words) and (tail_words[-1] in _PREPOSITIONS or tail_words[-1] == "的")
        words = self._strip(words)
        if not words or "".join(words) in self.before_qualifiers:
            return "", ""  # 每人每年不少于40学时: only a qualifier (split 不少|于 by the tokenizer) is left
        text = "".join(words)
        if ends_with_example_list:
            return "modifier_list", text
        if ends_in_modifier or text.endswith("的"):
            return "modifier", text
        if prepositional:
            return "prepositional", text
        if "、" in text:
            return "list", text
        return "plain", text

    def _strip_tail_fillers(self, words: list[str]) -> list[str]:
        keep = list(words)
        while keep and keep[-1] in self.fillers and keep[-1] != "等":
            keep = keep[:-1]
        return keep

    def post_chunk(self, index: int) -> str:
        start, end = self.post_bounds(index)
        words = self._words(start, end)
        if words and words[0] in ("“", "「", "‘", "\""):
            # A quoted name right after the number (发生一起“某某案”被行政复议) names an instance.
            close = self.sentence.find({"“": "”", "「": "」", "‘": "’", "\"": "\""}[words[0]], start + 1)
            if 0 < close < end:
                words = self._words(close + 1, end)
        words = self._strip(words)
        agent = next((k for k, w in enumerate(words) if w in _AGENT_BEFORE and len("".join(words[:k])) >= 2), None)
        if agent is not None:
            words = words[:agent]  # 7个执法小分队对各地开展检查: the number counts who acts, not what is acted on
        text = "".join(self._head(words, POST_MAX))
        bare = _BARE_APPROX_TAIL.sub("", text)
        return "" if _FROM_TO_TAIL.fullmatch(bare) or _TO_THE_NEXT_VALUE.fullmatch(bare) else text

    def previous_clause(self, index: int, limit: int = 10, numberless: bool = False) -> str:
        """The last words (up to `limit` characters) of the clause before the mention's own; with
        `numberless`, nothing when that clause holds a number of its own (举办培训班3期，共500人参加:
        a clause that counts something is no event's name)."""
        start, _ = self.pre_bounds(index)
        end = start - 1
        if end <= 0:
            return ""
        if self.sentence[end] in "）)":
            # 划转至乡镇（街道）共计1,216项: a parenthesis only glosses the clause before it
            opening = max(self.sentence.rfind("（", 0, end), self.sentence.rfind("(", 0, end))
            if opening > 0 and not any(ch in CLAUSE_BREAKS for ch in self.sentence[opening + 1:end]):
                end = opening
        begin = end
        while begin > 0 and self.sentence[begin - 1] not in CLAUSE_BREAKS:
            begin -= 1
        if numberless and any(begin <= m.start < end for m in self.mentions):
            return ""
        words = self._strip(self._words(begin, end))
        text = "".join(words)
        if "、" in text:
            text = text.rsplit("、", 1)[1]
            words = self._strip(self._words(end - len(text), end))
        return "".join(self._tail(words, limit))

    # ---- the metric --------------------------------------------------------------------
    def metric(self, index: int, family: str) -> str | None:
        alone = self.pre_bounds(index)[0] == self.mentions[index].start and not self.post_chunk(index)
        head = self._head_before_aside(index, PRE_MAX if alone else PRE_HEAD_MAX) or (
            self._head_before_bracket(index) if family in ("count", "money") else "")
        if head and alone:
            # 各类安全生产事故【不含非生产经营性道路交通事故和火灾事故】6起, 共检查生产经营企业(单位)2723家:
            # the aside glosses the head, which alone names what is counted
            return self._clean(head)
        metric = self._clean(self._metric(index, family))
        if metric and (act := self._shared_act(index)) and act not in metric:
            metric += act
        if (metric in _BARE_VERBS and (event := self.previous_clause(index, PRE_MAX, numberless=True))
                and not _SLOGAN.match(event)):
            metric = event + metric  # 建议提案答复内容公开更加细致全面，共公开45件: what the clause before names
        return head + metric if head and metric and not metric.startswith(head) else metric

    def _shared_act(self, index: int) -> str:
        """与16个市、25家省安委会成员单位签订责任书: the parties of a list before one act (party_acts.txt)
        each take it; the act is read after the list's last item, up to its clause's end."""
        start, end = self.post_bounds(index)
        if end >= len(self.sentence) or self.sentence[end] != "、":
            return ""
        last = index
        while last + 1 < len(self.mentions) and _NEXT_PARTY.fullmatch(
                self.sentence, self.mentions[last].end, self.mentions[last + 1].start):
            last += 1
        if last == index:
            return ""
        tail_start, tail_end = self.post_bounds(last)
        found = _party_act().search(self.sentence, tail_start, tail_end)
        return self.sentence[found.start():tail_end][:POST_MAX] if found else ""

    def _head_before_aside(self, index: int, limit: int) -> str:
        """工矿商贸企业(包含建筑施工、消防)事故共发生29起: a bracketed aside right before the metric's
        words only glosses the words before it, which still name what is counted (工矿商贸企业)."""
        start, _ = self.pre_bounds(index)
        if start < 2 or self.sentence[start - 1] not in "）)】]":
            return ""
        opening = max(self.sentence.rfind(ch, 0, start - 1) for ch in "（(【[")
        floor = self.mentions[index - 1].end if index else 0
        # (包括工矿商贸企业、道路运输…,以下同): commas may stand inside an aside, no sentence break
        if opening <= floor or any(ch in _ASIDE_BREAKS for ch in self.sentence[opening + 1:start - 1]):
            return ""
        begin = self._phrase_start(opening, floor)
        words = self._strip(self._words(begin, opening))
        joined = [i for i, w in enumerate(words) if w in _CONJUNCTIONS]
        # 市政府专题学法和全市法治讲座(培训、报告会)9200余场: the last of things joined is what is counted
        return "".join(self._tail(words[joined[-1] + 1:] if joined else words, limit))

    def _phrase_start(self, end: int, floor: int, also: str = "") -> int:
        """Where the words ending at `end` begin: after the last clause break (or a character of
        `also`) before it, or at `floor`."""
        begin = end
        while begin > floor and self.sentence[begin - 1] not in CLAUSE_BREAKS and self.sentence[begin - 1] not in also:
            begin -= 1
        return begin

    def _head_before_bracket(self, index: int) -> str:
        """道路运输行业(事故26起、死亡30人): figures in brackets right after a group's name (a sector, a
        class) detail that group, which names what they count (道路运输行业事故)."""
        start, _ = self.pre_bounds(index)
        floor = self.mentions[index - 1].end if index else 0
        if start < 2 or start <= floor or start == self.mentions[index].start or self.sentence[start - 1] not in "（(":
            return ""  # a number alone in brackets (习近平法治思想(5部)) is read with the words before it already
        begin = self._phrase_start(start - 1, floor, also="、")
        if begin == floor and index:
            return ""  # 100%完成隐患整改(督促搬离454处): what follows a figure is no noun of its own
        head = "".join(self._tail(self._strip(self._words(begin, start - 1)), PRE_HEAD_MAX))
        # 事故起数同比(去年11起)下降27.3%, 死亡人数(去年同期5人): a bracket that gives the figure compared
        # with is no detail
        compared = _COMPARED_HEAD.search(head) or _EARLIER_TIME.match(self.sentence, start)
        return head if _GROUP_HEAD.search(head) and not compared else ""

    def _clean(self, text: str | None) -> str | None:
        """Drop leftovers at the edges: orphan title marks, digits of a formula, trailing fillers."""
        if not text:
            return None
        trailing = _trailing_words()
        changed = True
        while changed and text:
            changed = False
            text = text.strip(" 、，,").rstrip("《“‘")
            if text.startswith("》"):
                text = text[1:]
            if "《" in text and "》" not in text[text.rindex("《"):]:
                text += "》"
            text = _TRAILING_FORMULA.sub("", text)
            text = _ORPHAN_DATE_UNIT.sub("", text)
            text = _GRADE_DEFINITION.sub("", text)
            for length, words in trailing:
                if len(text) > length and text[-length:] in words:
                    text = text[:-length]
                    changed = True
                    break
        return text or None

    def _metric(self, index: int, family: str) -> str | None:
        pre_text = self.sentence[slice(*self.pre_bounds(index))]
        if family == "count" and (activity := _study_activity(pre_text)):
            return activity
        if family == "duration" and pre_text.endswith("连续"):
            # 连续3年“双下降”, 连续7年重特大事故“零发生”: a streak is named by what continues
            start, end = self.post_bounds(index)
            streak = self.sentence[start:end].translate(_NO_QUOTES).strip()
            if streak:
                return streak[:POST_MAX]
        kind, pre = self.pre_chunk(index)
        post = self.post_chunk(index)
        if _LEVEL.fullmatch(post) and (noun := self._noun_closing_levels(index)):
            post += noun  # 建成2个省级、2个市级、4个县应急普法基地: each level counts the noun said last
        if not post and index + 1 < len(self.mentions) and self._adjacent(index):
            post = self.post_chunk(index + 1)  # 六期41家企业…检查: adjacent numbers share the noun
        if family in ("ratio", "change") and pre:
            subject = self._trim_pre(kind, pre, alone=True, ratio=True)
            if (family == "ratio" and post and len(post) <= _RATE_PREDICATE_MAX and not _A_RATE.search(subject or "")
                    and not post.startswith(_BY_HOW_MUCH)):
                return subject + post  # 行政执法人员100%持证上岗: the rate is of the act after it
            return subject
        gap = self.sentence[self.mentions[index - 1].end:self.mentions[index].start] if index else ""
        if not pre and not post and index and gap in ("、", "，", ","):
            return self._metric(index - 1, family)  # 培训12期、1100余人次: the verb is shared
        if not pre:
            if post in _TAKING_PART and (event := self.previous_clause(index, PRE_MAX, numberless=True)):
                return event + post  # 灾害信息员参加多轮业务培训，共200余人次参训: who took part in what
            return post or self.previous_clause(index) or None
        if not post and index and gap == "、" + pre and _LEVEL.fullmatch(pre):
            # 示范学校国家级4所、省级6所, 中央资金1200万元、省级300万元: a later item named by its level
            # alone counts what the item before counts, at its own level
            earlier = self._metric(index - 1, family) or ""
            if levels := list(_LEVEL_IN_METRIC.finditer(earlier)):
                return earlier[:levels[-1].start()] + pre + earlier[levels[-1].end():]
        if not post and kind == "plain" and index and (verb := self._shared_verb(index, pre, family)):
            return verb + self._trim_pre(kind, pre, alone=True)
        if not post:
            return self._trim_pre(kind, pre, alone=True)
        if kind in ("modifier", "modifier_list"):
            return post
        if kind == "prepositional":
            # 在公众号、局网站曝光6批次…: the verb follows the prepositional object
            last = pre.rsplit("、", 1)[-1]
            tail = self._strip(self._tail(self._words_of(last), PRE_HEAD_MAX))
            return "".join(tail) + post
        if kind == "list":
            head = pre.split("、", 1)[0]
            head_words = self._strip(self._head(self._words_of(head), PRE_HEAD_MAX))
            return "".join(head_words) + post
        tail = self._tail(self._words_of(pre), PRE_HEAD_MAX)
        return "".join(tail) + post

    def _shared_verb(self, index: int, pre: str, family: str) -> str:
        """排查重大隐患31处，一般隐患2379处; 整改重大隐患18处，一般隐患2144处: an item that names only
        another kind of what the item before it counted (the same head noun, no verb of its own) is
        counted by that item's verb."""
        gap = self.sentence[self.mentions[index - 1].end:self.mentions[index].start]
        if len(gap) != len(pre) + 1 or gap[0] not in "，,、" or gap[1:] != pre:
            return ""
        verbs = _head_verbs()
        if any(v in pre for v in verbs):
            return ""  # 排查一般隐患2379处，整改重大隐患18处: a verb of its own
        earlier = self._metric(index - 1, family) or ""
        verb = max((v for v in verbs if earlier.startswith(v)), key=len, default="")  # the longest: no set order
        noun = earlier[len(verb):]
        shared = len(os.path.commonprefix([noun[::-1], pre[::-1]]))
        # two kinds of one thing: a short modifier each before a head noun they share (重大|隐患, 一般|隐患),
        # neither a state of it (剩余隐患, 去年同期隐患, 持证执法人员 after 执法人员)
        kinds = shared >= 2 and 0 < len(pre) - shared <= _KIND_MAX and 0 < len(noun) - shared <= _KIND_MAX \
            and not pre.startswith(_STATES)
        return verb if verb and kinds else ""

    def _noun_closing_levels(self, index: int) -> str:
        """The noun after the last item of a list of levels (2个省级、2个市级、4个县应急普法基地 -> 应急普法基地)."""
        j = index
        while j + 1 < len(self.mentions):
            level = self.post_chunk(j)
            gap = self.sentence[self.mentions[j].end:self.mentions[j + 1].start]
            if not _LEVEL.fullmatch(level) or gap not in (level + "、", level + "和", level + "及"):
                return ""
            j += 1
            last = self.post_chunk(j)
            if not _LEVEL.fullmatch(last):
                words = self._words_of(last)  # 4个县应急普法基地: the level word goes, 区域 in 5个区域… stays
                return "".join(words[1:] if words and _LEVEL_WORD.fullmatch(words[0]) else words)
        return ""

    def _adjacent(self, index: int) -> bool:
        """The next number follows with at most one character between and no clause break
        (六期41家; not 事故12起，8人死亡, where 死亡 says nothing of the 12)."""
        end, following = self.mentions[index].end, self.mentions[index + 1].start
        return following - end <= 1 and not any(self._breaks(pos) for pos in range(end, following))

    def _words_of(self, text: str) -> list[str]:
        """Token-split an extracted chunk again (it is a substring of the sentence)."""
        at = self.sentence.find(text)
        if at == -1:
            return [text]
        return self._words(at, at + len(text))

    def _trim_pre(self, kind: str, pre: str, alone: bool, ratio: bool = False) -> str:
        text = pre
        if kind == "modifier_list":
            text = text[:-1] if text.endswith("等") else text
        if text.endswith("的"):
            text = text[:-1]
        limit = 16 if ratio else PRE_MAX
        if "、" in text and (not ratio or len(text) > limit):
            last = text.rsplit("、", 1)[1]
            if "等" in last and not last.endswith("等") and not ratio:
                last = last.rsplit("等", 1)[1]
            # 检查花鸟市场、餐饮场所等经营场所: the verb in front of the first item counts them all
            first = self._strip(self._words_of(text.split("、", 1)[0]))
            verbs = _head_verbs()
            lead = first[0] if len(first) > 1 and first[0] in verbs else ""
            text = last if not lead or last.startswith(lead) else lead + last
        words = self._strip(self._words_of(text))
        tail = _after_cut_title(self._tail(words, limit))
        if len(tail) < len(words):
            # 培训企业主要负责人和安全管理人员: keep the leading verb that says what is counted
            verbs = _head_verbs()
            head: list[str] = []
            for w in words[: len(words) - len(tail)]:
                if w not in verbs or len(head) == 2:
                    break
                head.append(w)
            tail = head + tail
        return "".join(tail) or text


def _after_cut_title(tail: list[str]) -> list[str]:
    """发放《…》《消防安全常识》等安全生产资料: words cut from inside a title (消防安全常识》) name no
    part of what is counted; what follows the title (安全生产资料) does."""
    joined = "".join(tail)
    close = joined.find("》")
    if close < 0 or "《" in joined[:close]:
        return tail
    covered, k = 0, 0
    while k < len(tail) and covered <= close:
        covered += len(tail[k])
        k += 1
    rest = tail[k + 1:] if k < len(tail) and tail[k] == "等" else tail[k:]
    return rest or tail


_LEVELS = "(?:国家|省|市|县|区|乡镇|镇|村)"
_LEVEL = re.compile(_LEVELS + "级")  # an item named by its level alone (省级6所)
_LEVEL_WORD = re.compile(_LEVELS + "级?")  # a level opening a noun (县应急普法基地)
_LEVEL_IN_METRIC = re.compile(f"(?:{_LEVELS}级|中央|全国)(?!以上)")  # 中央资金, 创建全国文明单位, not 市级以上


@lru_cache(maxsize=1)
def _study_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a run of activities of study_activities.tsv, an object studied that ends the text)."""
    activity = "|".join(map(re.escape, lexicon.study_words("activity")))
    object_end = "|".join(map(re.escape, lexicon.study_words("object_end")))
    return re.compile(f"(?:{activity})+"), re.compile(f"[^，,；;。]{{2,60}}?(?:{object_end})(?:等[^，,；;。]{{0,6}})?")


def _study_activity(pre: str) -> str | None:
    """传达学习习近平总书记重要讲话指示精神 → 传达学习: what was done so many times, not what was
    studied; the last activity before the object (局党委理论学习中心组集体学习…精神 → 集体学习)."""
    activities, studied = _study_patterns()
    found = [m for m in activities.finditer(pre) if studied.fullmatch(pre, m.end())]
    return found[-1].group() if found else None
