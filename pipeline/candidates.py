"""Find the number+unit spans of a sentence that can be indicator mentions.

A mention is a written number followed by a measure word from units.tsv (6517件, 1.90亿元,
2330余篇, 两万六千多人次, 38.6%), a scaled number before a countable noun (24万关注量), or
一半 / 百分之N. Everything that only looks like a quantity is masked or rejected first, by
general rules of written Chinese:

* dates and years (2022年1月24日, 3月份, 1-11月份, 2021-2025年), times, versions, anniversaries;
* numbers inside 《》 titles, inside short quoted names (“五个一”, “6·13”), inside nationwide
  slogans (named_concepts.txt), document numbers (〔2023〕8号, 第304号), ordinals (第六届);
* identifiers glued to Latin letters or to + · × (5G, 1+3+5, 7·20);
* Chinese numerals that are part of a word (统一, 三部门: the numeral or the unit is not a
  token boundary), a bare 一 (一次办, 一批, 一套: only 发生一起-style counts are kept),
  a bare 二 (二期工程, 二次: counts use 两), bare scale words (千家万户, 万人);
* a small Chinese numeral that restates the length of the list before it
  (全面自查、深化整改、成效巩固三个整治阶段);
* units that are dates or idioms unless a duration cue is near (24日, 24小时值守, 百日攻坚);
* thresholds that define an accident grade (一次死亡3人以上的较大事故).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from pipeline import lexicon
from pipeline.clauses import WIDE_CLAUSE_BREAKS, clause_before, clause_start
from pipeline.metric import token_offsets
from pipeline.normalise import YEAR
from pipeline.numerals import parse_decimal
from pipeline.regions import names_opening_with_numerals

MASK = "□"

# Digit groups: 1,234, and in real text 6，688，587，000 (full-width commas) or 1 900 000 (spaces,
# thin spaces from converted PDFs).
_AR = r"\d{1,3}(?:[,，\u2009\u202f\u00a0 ]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
# Decimals glued together by text conversion (3.124.08%12.5%): the first ends where the next
# percentage, with as many decimals, begins.
_GLUED = r"\d+\.\d\d(?=\d{1,3}\.\d\d%)|\d+\.\d(?=\d{1,3}\.\d%)"
_CN = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿"
_SCALE = "十百千万亿"
# Letter-spaced digits from PDF conversion (1 3 6 8 2家次) read as one number.
_SPACED = r"\d(?: \d){2,}(?![\d.,])"
# Fractions are ratios: 三分之一 (33.3%), 五分之二.
_FRACTION = rf"[{_CN}]+分之[{_CN}]+"
_NUMBER = re.compile(rf"百分之[{_CN}点]+|{_FRACTION}|一半|{_SPACED}|{_GLUED}"
                     rf"|{_AR}(?:[{_SCALE}]+(?:{_AR}[{_SCALE}]*)?)*|[{_CN}]+(?:点[{_CN}]+)?")

_DASH = "-—–~～至到"
_DATE_PATTERNS = [
    rf"\d{{4}}\s*[{_DASH}]\s*\d{{4}}\s*年(?:度)?",
    rf"\d{{4}}\s*年(?:度)?(?:[上下]半年|第?[一二三四]季度|\d{{1,2}}\s*[{_DASH}]\s*\d{{1,2}}\s*月份?|\d{{1,2}}\s*月份?(?:\d{{1,2}}\s*[日号])?)?",
    rf"\d{{1,2}}\s*[{_DASH}]\s*\d{{1,2}}\s*月份?",
    r"\d{1,2}\s*月份?(?:\s*\d{1,2}\s*[日号])?(?:\s*[-—–~至到]\s*\d{1,2}\s*[日号])?",
    r"前\s*(?:\d{1,2}|[一二三四五六七八九十两]{1,2})\s*个?月份?",  # 今年前7个月: January to July
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}",
    r"\d{1,2}:\d{2}(?::\d{2})?",
    r"[〇零一二三四五六七八九]{4}年(?:度)?",
    r"[一二三四五六七八九十]{1,3}月份?(?:[一二三四五六七八九十]{1,3}[日号])?",
    r"\d{4}\s*(?:版|届|级)",
    r"(?<!\d)\d+\s*周年",
    r"\d{1,2}\s*[·•．.]\s*\d{1,2}(?=\s*[”\"’」』]|\s*[重特较一]|\s*事故|\s*事件)",
    r"(?<!\d)\d+\s*·\s*\d+",
    r"[〔\[（(【]\s*\d{4}\s*[〕\]）)】]\s*\d+\s*号",
    r"第\s*\d+\s*号",
    r"(?<!\d)\d+\s*号",
    # Government service hotlines 12301-12399 (12345, 12333人社服务热线, 12366): numbers, not counts.
    r"(?<!\d)123\d\d(?![\d.,])(?=[^，,。；;]{0,12}热线)",
]
# A pattern that opens with a run of digits starts where the run starts (?<!\d): tried at every
# digit of a long run it would make the scan quadratic.
# Every date pattern starts with one of these characters: the lookahead lets the regex engine skip
# all other positions at once instead of trying each pattern there.
_DATE_FIRST_CHARS = r"\d〇零一二三四五六七八九十〔\[（(【第前"
_DATES = re.compile(f"(?=[{_DATE_FIRST_CHARS}])(?:" + "|".join(f"(?:{p})" for p in _DATE_PATTERNS) + ")")
_TITLE = re.compile(r"《[^《》]*》|<[^<>]*>")
_QUOTED = re.compile(r"“[^“”]{1,15}”|‘[^‘’]{1,15}’|「[^「」]{1,15}」|『[^『』]{1,15}』|\"[^\"]{1,15}\"")
_ONE_COUNT_CUES = ("发生", "共计", "共", "累计", "仅", "只有", "计")
# 落实…20条: a verb that puts a policy package into force; one joined to a noun (执行和结果公开115条)
# or before another verb (执行公开115条, 落实整改措施35条) is no such verb
_POLICY_VERB = re.compile(r"(?:落实|贯彻|执行|出台|印发|推出|升级)(?![和与及、]|公开|整改)")
_BARE_SCALE_CUES = ("逾", "超", "超过", "近", "将近", "上", "约", "达")
# A bare 一 closing a clause is a count (开展集中评查一次。): the units that allow it.
_ONE_AT_CLAUSE_END_UNITS = ("次", "期", "场", "轮", "批", "起", "场次", "批次")
# 一次死亡3人以上的较大事故: the number defines an accident grade, it counts nothing.
_GRADE_THRESHOLD = re.compile(r"一次(?:性)?(?:造成)?(?:死亡|重伤|受伤|中毒)$")
# 未发生死亡5人以上生产安全事故: a number that defines a grade of accidents counts nothing
_GRADE_OF_EVENTS = re.compile(r"(?:及)?以上(?:的)?[^，,；;。\d]{0,8}?事故")
_SIZES = frozenset(("米", "千米", "公里", "吨", "平方米", "立方米", "千瓦"))
_SIZE_CLASS = re.compile(r"(?:及)?(?:以上|以下)(?:的)?[\u4e00-\u9fff]")
_NUMBER_NEXT = re.compile(rf"\s*[\d{_CN}]")
_RANGE = re.compile(rf"\s*[-—–~～至到]\s*(?:{_AR}|[{_CN}]+)")
_NONE_HAPPENED = re.compile(r"(?:未|没有|没|无|不)(?:发生|出现)?$")
_SHORT_ATTRIBUTE = re.compile(r"^[\u4e00-\u9fff]{1,2}的")
_TOTAL_CUE_AT_END = re.compile(r"[共计达]$")


@dataclass(frozen=True)
class Candidate:
    """A number with its unit. `start`/`end` span number+unit; `num_end` ends the number."""

    start: int
    end: int
    num_end: int
    number: str
    value: Decimal
    unit: str
    scale: int
    family: str
    unit_implicit: bool
    internal_qualifier: str | None
    is_chinese: bool


def mask_non_quantities(sentence: str) -> str:
    """Copy of `sentence` with dates, titles, quoted names and slogans replaced by MASK."""
    chars = list(sentence)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if not chars[i].isspace():
                chars[i] = MASK

    for m in _TITLE.finditer(sentence):
        blank(m.start(), m.end())
    for m in _QUOTED.finditer(sentence):
        blank(m.start(), m.end())
    for m in _DATES.finditer(sentence):
        blank(m.start(), m.end())
    for m in _named_concepts().finditer(sentence):
        blank(m.start(), m.end(1))
    for m in _non_quantities().finditer(sentence):
        blank(m.start(), m.end())
    for m in _numeral_places().finditer(sentence):
        blank(m.start(), m.end())  # 三元区应急管理局: no 3元
    return "".join(chars)


@lru_cache(maxsize=1)
def _numeral_places() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, names_opening_with_numerals())))


@lru_cache(maxsize=1)
def _non_quantities() -> re.Pattern[str]:
    """Any phrase of non_quantities.txt (plenary sessions, the sections of a plan)."""
    return re.compile("|".join(f"(?:{p})" for p in lexicon.word_list("non_quantities.txt")))


@lru_cache(maxsize=1)
def _named_concepts() -> re.Pattern[str]:
    """Every position where a slogan of named_concepts.txt starts, with the longest one there: the
    shorter ones at that position are its prefixes, so together they cover every occurrence."""
    concepts = sorted(lexicon.word_list("named_concepts.txt"), key=len, reverse=True)
    if not concepts:
        return re.compile(r"(?!)")
    first_chars = "".join(sorted({concept[0] for concept in concepts}))
    return re.compile(f"(?=[{re.escape(first_chars)}])(?=({'|'.join(map(re.escape, concepts))}))")


def token_bounds(sentence: str, tokens: Sequence[str]) -> tuple[set[int], set[int]]:
    """Start and end offsets of the jieba tokens inside `sentence` (whitespace skipped)."""
    starts, ends = token_offsets(sentence, tokens)
    return set(starts), set(ends)


def _restates_list(masked: str, start: int, value: Decimal) -> bool:
    """全面自查、深化整改、成效巩固三个整治阶段: a small numeral equal to the list length before it."""
    if value < 2 or value > 10:
        return False
    clause = clause_before(masked, start, WIDE_CLAUSE_BREAKS)
    if not clause or clause[-1] in "、等":
        return False
    return clause.count("、") + 1 == int(value) and clause.count("、") >= 1


@lru_cache(maxsize=1)
def _units_by_first_char() -> dict[str, tuple[lexicon.Unit, ...]]:
    """The units longest first, under their first character: only those can start at a position."""
    index: dict[str, list[lexicon.Unit]] = {}
    for unit in lexicon.units_longest_first():
        index.setdefault(unit.written[:1], []).append(unit)
    return {first: tuple(units) for first, units in index.items()}


def _match_unit(sentence: str, pos: int, ends: set[int], starts: AbstractSet[int] = frozenset()) -> lexicon.Unit | None:
    """The longest unit at `pos`. A unit glued to a word (三部门, 一条例) is vetoed by not_followed_by,
    unless the tokenizer cut right after the unit and the vetoing word is only the start of a longer
    token (1213个|人民调解组织 is a count of organisations; 3个人 is not split so)."""
    rest = sentence[pos:]
    if rest.startswith("％"):
        rest = "%" + rest[1:]
    for unit in _units_by_first_char().get(rest[:1], ()):
        if not rest.startswith(unit.written):
            continue
        after = rest[len(unit.written):]
        cut = pos + len(unit.written)
        if any(after.startswith(word) and not (cut in starts and cut + len(word) not in ends)
               for word in unit.not_followed_by):
            continue
        return unit
    return None


def _has_duration_cue(sentence: str, start: int, end: int) -> bool:
    window_before = clause_before(sentence, start, WIDE_CLAUSE_BREAKS)[-6:]
    window_after = sentence[end:end + 3]
    return any(cue in window_before for cue in lexicon.word_list("duration_cues.txt")) \
        or window_after.startswith(lexicon.word_list("duration_after_cues.txt"))


@lru_cache(maxsize=1)
def _quantity_hints() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a candidate without a duration cue, a candidate that needs one), as _with_unit finds them.

    A candidate is a fraction or 一半, or the end of a number (a digit or Chinese numeral), an
    internal qualifier with its scale, spaces, then a unit or implicit noun (also for the upper
    bound of a range), or follows an implicit noun or a rate's words. Built from the same tables, so
    a sentence neither matches holds no candidate.
    """
    internal = "|".join(re.escape(q.word) for q in lexicon.qualifiers_at("internal"))
    plain = [u.written for u in lexicon.units_longest_first() if not u.needs_cue] + ["％"]
    plain += [noun for noun, _, position in lexicon.implicit_units() if position != "before"]
    plain += [noun for noun, _ in lexicon.zero_counts()]
    needs_cue = [u.written for u in lexicon.units_longest_first() if u.needs_cue]
    number = rf"[\d{_CN}](?:{internal})?[万亿千]? *"
    # a noun before a scaled number (经济损失0.06万。) and the words of a rate per a base name it too
    nouns = "|".join(map(re.escape, [noun for noun, _, position in lexicon.implicit_units() if position != "after"]))
    rates = "|".join(map(re.escape, lexicon.rate_words()))
    scaled_after_noun = rf"(?:{nouns})[\d{_CN}][\d{_CN}.余多]*[万亿]"
    return (re.compile(rf"分之|一半|{number}(?:{'|'.join(map(re.escape, plain))})|{scaled_after_noun}|{rates}"),
            re.compile(rf"{number}(?:{'|'.join(map(re.escape, needs_cue))})"))


def _may_hold_candidate(sentence: str) -> bool:
    """Rules out most sentences at once (every unit of 24日, 3年 also needs a duration cue in the sentence)."""
    plain, needs_cue = _quantity_hints()
    return bool(plain.search(sentence) or (needs_cue.search(sentence)
                                           and any(cue in sentence for cue in _any_duration_cue())))


@lru_cache(maxsize=1)
def _any_duration_cue() -> tuple[str, ...]:
    """The duration cues of both files, before or after a number."""
    return lexicon.word_list("duration_cues.txt") + lexicon.word_list("duration_after_cues.txt")


def find_candidates(sentence: str, tokens: Sequence[str] = ()) -> list[Candidate]:
    """Number+unit spans of one normalised sentence, in order, negatives removed."""
    if not _may_hold_candidate(sentence):
        return []
    masked = mask_non_quantities(sentence)
    starts, ends = token_bounds(sentence, tokens)
    found: list[Candidate] = []
    for m in _NUMBER.finditer(masked):
        number = m.group().rstrip("点")
        n_start, n_end = m.start(), m.start() + len(number)
        if not number:
            continue
        before = sentence[n_start - 1] if n_start else ""
        after = sentence[n_end] if n_end < len(sentence) else ""
        is_chinese = not any(ch.isdigit() for ch in number)
        # Identifiers and formulas: 5G, A3, 1+3+5, 7×24, 3/4.
        if before and (before.isascii() and before.isalpha() or before in "+＋×*·/／_#"):
            continue
        if after and (after.isascii() and after.isalpha() and _match_unit(sentence, n_end, ends, starts) is None
                      or after in "+＋×*·/／_#"):
            continue  # …but a unit written in Latin letters (52.4dB(A), 30mg/m3) is a unit
        if before in "-—–~～" and n_start >= 2 and sentence[n_start - 2].isdigit():
            continue  # the second half of a range 3-5
        if before == "第" or (before == "前" and not is_chinese):
            continue
        if is_chinese and starts and n_start not in starts and not _after_qualifier_in_token(sentence, n_start, starts) \
                and not ((multiple := _MULTIPLE.match(sentence, n_start)) and multiple.end() in ends
                         and _GREW_BY.search(clause_before(sentence, n_start, WIDE_CLAUSE_BREAKS))):
            continue  # 统一, 进一步: the numeral is inside a word; 增加一倍 (one word) ends in a multiple, 数十倍 does not count
        try:
            value = parse_decimal(number)
        except ValueError:
            continue
        scale_unit = not is_chinese and len(number) > 1 and number[-1] in _SCALE \
            and (unit := _match_unit(sentence, n_end - 1, ends, starts)) is not None and unit.written[0] == number[-1]
        # 75.94千米: the scale character starts the unit (千米), not the number (75940 米)
        candidate = _scale_starts_the_unit(sentence, masked, n_start, n_end, number, ends, starts) if scale_unit \
            else _with_unit(sentence, masked, n_start, n_end, number, value, is_chinese, ends, starts)
        if candidate is None:
            candidate = _range(sentence, masked, n_start, n_end, number, value, is_chinese, ends, starts)
        if candidate is None and len(number) > 1 and number[-1] in _SCALE and not is_chinese and not scale_unit:
            candidate = _scale_starts_the_unit(sentence, masked, n_start, n_end, number, ends, starts)
        if candidate is not None:
            if found and found[-1].end > candidate.start:
                continue  # the upper bound of a range already taken
            found.append(candidate)
    return found


def _scale_starts_the_unit(sentence: str, masked: str, n_start: int, n_end: int, number: str,
                           ends: set[int], starts: AbstractSet[int]) -> Candidate | None:
    """2002千米, 3.5千克: the scale character read with the number starts the unit instead."""
    try:
        value = parse_decimal(number[:-1])
    except ValueError:
        return None
    return _with_unit(sentence, masked, n_start, n_end - 1, number[:-1], value, False, ends, starts)


def _after_qualifier_in_token(sentence: str, n_start: int, starts: set[int]) -> bool:
    """近千名, 逾万人: jieba glues the qualifier to the numeral; the numeral still starts a number."""
    return any(sentence.startswith(cue, n_start - len(cue)) and n_start - len(cue) in starts
               for cue in _BARE_SCALE_CUES)


def _range(sentence: str, masked: str, n_start: int, n_end: int, number: str, value: Decimal,
           is_chinese: bool, ends: set[int], starts: AbstractSet[int] = frozenset()) -> Candidate | None:
    """3-5人, 2至3名, 5至7个工作日: one mention from the first number to the unit; value = lower bound."""
    m = _RANGE.match(masked, n_end)
    if not m:
        return None
    upper = m.group().lstrip(" -—–~～至到")
    try:
        upper_value = parse_decimal(upper)
    except ValueError:
        return None
    if upper_value <= value or any(ch.isdigit() for ch in upper) == is_chinese:
        return None
    second = _with_unit(sentence, masked, m.end() - len(upper), m.end(), upper, upper_value, is_chinese, ends, starts)
    if second is None or second.internal_qualifier:
        return None
    return Candidate(n_start, second.end, n_end, number, value * second.scale, second.unit, second.scale,
                     second.family, False, None, is_chinese)


def _with_unit(sentence: str, masked: str, n_start: int, n_end: int, number: str, value: Decimal,
               is_chinese: bool, ends: set[int], starts: AbstractSet[int] = frozenset()) -> Candidate | None:
    pos = n_end
    internal = None
    if number.startswith("百分之") or "分之" in number:
        return Candidate(n_start, n_end, n_end, number, value, "%", 1, "ratio", False, None, True)
    if number == "一半":
        return Candidate(n_start, n_end, n_end, number, value, "%", 1, "ratio", True, None, True)
    # Internal qualifier 余 / 多 / 来, possibly followed by a scale (十余万人).
    for q in lexicon.qualifiers_at("internal"):
        if sentence.startswith(q.word, pos):
            internal = q.qualifier
            pos += len(q.word)
            break
    scale_after = 1
    if internal and pos < len(sentence) and sentence[pos] in "万亿千":
        scale_after = {"万": 10_000, "亿": 100_000_000, "千": 1000}[sentence[pos]]
        pos += 1
    while pos < len(sentence) and sentence[pos] == " ":
        pos += 1
    unit = _match_unit(sentence, pos, ends, starts)
    if unit is None and number == "零":
        return _count_of_none(sentence, n_start, n_end)
    if unit is None:
        if internal == "over" and sentence[n_end:n_end + 1] == "多" and not sentence[n_end + 1:n_end + 2]:
            return None
        # 24万关注量, 70余万缺水人员: a scaled number before a countable noun; 受灾人口170.7万、: after
        # one, closing its clause.
        # 煤矿百万吨死亡率0.017，同比减少0.016: a rate per a base, written without its unit
        if not is_chinese and not _YEAR_IN_A_LIST.match(sentence, n_end) and (rate := _rate_of(sentence, n_start)):
            unit_of_rate = lexicon.rate_words()[rate["rate"]] + "/" + lexicon.rate_bases()[rate["base"]]
            return Candidate(n_start, n_end, n_end, number, value, unit_of_rate, 1, "ratio", True, internal,
                             is_chinese)
        if any(ch in "万亿" for ch in number) or scale_after > 1:
            for noun, implicit_unit, position in lexicon.implicit_units():
                after = position != "before" and sentence.startswith(noun, pos)
                before = position != "after" and sentence.endswith(noun, 0, n_start) and _closes_clause(sentence, pos)
                if after or before:
                    family = lexicon.units()[implicit_unit].family  # 经济损失0.06万: 元, money
                    return Candidate(n_start, pos, n_end, number, value * scale_after, implicit_unit, 1,
                                     family, True, internal, is_chinese)
        return None
    end = pos + len(unit.written)
    if unit.written == "个" and not internal and (months := _MONTHS_AND_MORE.match(sentence, end)):
        # 3个多月, 两个余月: the qualifier stands inside the unit of months
        unit, internal, end = lexicon.units()["个月"], "over", months.end()
    if masked[n_start:end].count(MASK):
        return None
    if not _accept(sentence, masked, n_start, n_end, end, number, value, unit, internal, is_chinese):
        return None
    scale = unit.scale * scale_after
    if unit.family in ("count", "money") and (per := _PER_BASE.match(sentence, end)):
        # 0.025人/亿元: a rate; its unit keeps the base it is per
        family = "ratio" if unit.family == "count" else "money"
        base = per.group()[1:]
        return Candidate(n_start, per.end(), n_end, number, value * scale,
                         f"{unit.base}/{lexicon.rate_bases().get(base, base)}", scale, family, False, internal, is_chinese)
    return Candidate(n_start, end, n_end, number, value * scale, unit.base, scale, unit.family, False,
                     internal, is_chinese)


_MONTHS_AND_MORE = re.compile(r"[多余]月")
_MULTIPLE = re.compile(r"[一两二三四五六七八九十]+倍")
_GREW_BY = re.compile(r"(?:增长|增加|提高|提升|上升|翻|多|高出|超过|扩大|减少|下降)了?(?:近|约|超过?)?\Z")
_DATE_DIGITS = re.compile(r"(?:19|20)\d{4,6}")
# 死亡率：2021、2022年分别为0.17、0.24: a number followed by another year of a list is a year
_YEAR_IN_A_LIST = re.compile(rf"\s*[、和至\-—~]\s*{YEAR}")


def _rate_of(sentence: str, n_start: int) -> re.Match[str] | None:
    """The rate whose value is the number at `n_start`, written without its unit (煤矿百万吨死亡率0.017):
    of a list of rates before 分别 (亿元GDP死亡率、万车死亡率分别为0.012、1.63), the one in the
    number's place after 分别."""
    found = _rate_per_base().search(sentence, max(0, n_start - 60), n_start)
    if found is None:
        return None
    listed = list(_rate_per_base(tail=False).finditer(sentence, clause_start(sentence, found.start()), found.end("rate")))
    respectively = sentence.find("分别", found.end("rate"), n_start)
    if len(listed) > 1 and respectively >= 0:
        place = len(_DECIMAL.findall(sentence, respectively, n_start))
        return listed[place] if place < len(listed) else None
    return found


_DECIMAL = re.compile(r"\d+(?:\.\d+)?")


@cache
def _rate_per_base(tail: bool = True) -> re.Pattern[str]:
    """A rate per a base (rate_bases.tsv, rate_words.tsv) that the number ending the text is the value of
    (`tail`: else the rate's words alone, to find each rate of a list; see `_rate_of`).

    Between the rate's words and its value may stand a colon, years, the value before and the move
    from it, in the words of change_words.tsv and basis_words.txt (死亡率：2021、2022年分别为0.17、0.24;
    死亡率由2021年的0.06下降到2022年的0.04; 死亡率0.017，同比减少0.016)."""
    bases = "|".join(map(re.escape, sorted(lexicon.rate_bases(), key=len, reverse=True)))
    words = "|".join(map(re.escape, lexicon.rate_words()))
    links = ["由", "的", "为", "是", "达", "至", "到", "在", "分别", "控制", "小于", "低于", "不超过"]
    moves = [word for word, _ in lexicon.change_words()] + list(lexicon.word_list("basis_words.txt")) + links
    between = "|".join([rf"{YEAR}年度?", _DECIMAL.pattern, r"[:：\s“”\"、，,和]"]
                    + [re.escape(w) for w in sorted(set(moves), key=len, reverse=True)])
    rate = rf"(?P<base>{bases})(?:GDP|国内生产总值|生产总值)?[\u4e00-\u9fff]{{0,12}}?(?P<rate>{words})"
    return re.compile(rf"{rate}(?:{between})*+$" if tail else rate)
# The scaled base a rate is per, after its unit (/亿元, /10万人, /百万吨); 次/年 and 元/人 are read
# as 次 and 元, as the annotators write them
_PER_BASE = re.compile(r"/(?:\d+[十百千万亿]|[十百千万亿])[十百千万亿]*(?:人口|人|吨|元|车|台|辆|件|户)")
_STREAK_OR_SLOGAN = re.compile(r"[“\"「‘]$|连续[^，,；;。]{0,10}$")


def _count_of_none(sentence: str, n_start: int, n_end: int) -> Candidate | None:
    """零投诉, 零火情: a count of none of an event (zero_counts.tsv), unless it is a slogan in quotes
    or a streak (实现“零伤亡”, 连续四年零亡人)."""
    if _STREAK_OR_SLOGAN.search(sentence, max(0, n_start - 16), n_start):
        return None
    for noun, unit in lexicon.zero_counts():
        if sentence.startswith(noun, n_end):
            return Candidate(n_start, n_end, n_end, "零", Decimal(0), unit, 1, "count", True, None, True)
    return None


def _closes_clause(sentence: str, pos: int) -> bool:
    return pos >= len(sentence) or sentence[pos] in WIDE_CLAUSE_BREAKS or sentence[pos] == "、"


def _accept(sentence: str, masked: str, n_start: int, n_end: int, end: int, number: str, value: Decimal,
            unit: lexicon.Unit, internal: str | None, is_chinese: bool) -> bool:
    if unit.needs_cue and not _has_duration_cue(sentence, n_start, end):
        return False
    if unit.family == "duration" and _DATE_DIGITS.fullmatch(number):
        return False  # 统计期限为202311日至1231日: a date whose 年 and 月 the page lost
    if _GRADE_THRESHOLD.search(sentence[max(0, n_start - 8):n_start]) or _GRADE_OF_EVENTS.match(sentence, end):
        return False
    if unit.written in _SIZES and _SIZE_CLASS.match(sentence, end):
        return False  # 7000米以上山峰, 10吨以下货车: a size names a class of things
    if is_chinese:
        digits = [ch for ch in number if ch not in "十拾百佰千仟万亿"]
        if not digits and number not in ("十", "拾") and internal is None \
                and not sentence[:n_start].endswith(_BARE_SCALE_CUES):
            return False  # 千家万户, 万人; but 逾千家, 近万人 are quantities
        if number in ("一", "壹"):
            clause = clause_before(sentence, n_start, WIDE_CLAUSE_BREAKS)
            at_clause_end = end >= len(sentence) or sentence[end] in WIDE_CLAUSE_BREAKS
            if not clause.endswith(_ONE_COUNT_CUES) and not (at_clause_end and unit.written in _ONE_AT_CLAUSE_END_UNITS) \
                    and not (unit.written == "倍" and _GREW_BY.search(clause)):  # 增长了一倍: doubled
                return False
            if _NONE_HAPPENED.search(clause):
                return False  # 未发生一起: none happened
        if number == "二":
            return False
        if unit.written in ("个", "项", "类", "条") and _restates_list(masked, n_start, value):
            return False
    # 53类电子证照 and 182种 count kinds; 六类行政权力事项, 五种能力 and 6类10起典型事故 only sort what they name.
    if unit.written in ("类", "小类", "种") and (is_chinese or _NUMBER_NEXT.match(sentence, end)):
        return False
    # 等7个领域的专家: the number describes a short attribute, not a counted thing.
    if unit.written == "个" and sentence[n_start - 1:n_start] == "等":
        tail = sentence[end:end + 4]
        if _SHORT_ATTRIBUTE.match(tail):
            return False
    # 落实企业安全生产20条: a policy known by its number of articles.
    if unit.written == "条":
        nxt = sentence[end:end + 1]
        clause = clause_before(sentence, n_start, WIDE_CLAUSE_BREAKS)
        # 民营经济高质量发展12条迭代升级为20条: a policy verb right after the package names it too
        verb_after = sentence.startswith(("迭代", "升级"), end)
        closes = not nxt or nxt in WIDE_CLAUSE_BREAKS or nxt in "、" or verb_after
        if closes and (verb_after or _POLICY_VERB.search(clause)) and not _TOTAL_CUE_AT_END.search(clause):
            return False
    return True
