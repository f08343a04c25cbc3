"""Assign the canonical indicator code of a mention from catalog.tsv (precision first).

A code is given only when one of its cue terms occurs in the metric phrase AND the mention's
unit fits the code's unit family (and, where the catalog lists them, its allowed units).
Optional catalog columns:
  units    ;-separated units allowed (e.g. 家;家次 for inspected enterprises)
  context  ;-separated words that must occur in the part of the sentence between semicolons
           (同比 for year-on-year changes; 12345 for a hotline rate, not the letters-and-visits
           rate of the previous part)
  exclude  ;-separated words that veto the code when they occur in the metric; a word ending in $
           vetoes it only at the metric's end (督查组$: 组成督查组6个 counts teams, 督查组检查企业200家 not)
  sentence_cues  ;-separated words that select the code from the sentence even when the metric
           lacks a cue (追究刑事责任: the 7起事故 of such a sentence are criminal referrals)
  requires ;-separated words of which one must occur in the metric (审查 counts normative-document
           reviews only when the metric names 规范性文件)
  whole    yes for a whole jurisdiction's total (all accidents, all deaths): a 其中 part never takes it
  kind_of  the code whose events this one counts a kind of (acc.major_accidents: acc.accidents)
Override cues are looked for in the clause of the number (今年有7起事故涉及8名责任人建议追究刑事责任),
sentence cues in the part of the sentence between semicolons: a report packs unrelated counts into
one sentence (立案查处违法案件318件，…，移送司法机关案件7件).
Among the candidates the longest matching cue wins; override cues win over metric cues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline import lexicon
from pipeline.clauses import PART_BREAKS, WIDE_CLAUSE_BREAKS
from pipeline.datafiles import read_table

_FAMILY_OF_KIND = {"count": "count", "target": None, "money": "money", "ratio": "ratio", "change": "change", "duration": "duration"}


@dataclass(frozen=True)
class Entry:
    code: str
    family: str
    cues: tuple[str, ...]
    units: tuple[str, ...]
    clause_cues: tuple[str, ...]
    sentence_cues: tuple[str, ...]
    override_cues: tuple[str, ...]
    context: tuple[str, ...]
    exclude: tuple[str, ...]
    requires: tuple[str, ...]
    priority: int
    whole: bool
    kind_of: str | None


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split(";") if p.strip())


@lru_cache(maxsize=1)
def catalog() -> tuple[Entry, ...]:
    return tuple(
        Entry(
            code=row["code"], family=row["unit_family"], cues=_split(row.get("cue_terms")),
            units=_split(row.get("units")), clause_cues=_split(row.get("clause_cues")),
            sentence_cues=_split(row.get("sentence_cues")), override_cues=_split(row.get("override_cues")),
            context=_split(row.get("context")), exclude=_split(row.get("exclude")),
            requires=_split(row.get("requires")), priority=int(row.get("priority") or 0),
            whole=row.get("whole") == "yes", kind_of=row.get("kind_of") or None,
        )
        for row in read_table("catalog.tsv")
    )


def excludes(code: str, metric: str | None) -> bool:
    """Whether the metric holds a word that vetoes the code (危化领域较大事故 for acc.major_accidents)."""
    return any(veto.search(metric or "") for entry in catalog() if entry.code == code and (veto := _any_of(entry.exclude)))


def is_kind_of(code: str, total: str | None) -> bool:
    """Whether `code` counts a kind of the events `total` counts (acc.major_accidents of acc.accidents)."""
    return total is not None and any(entry.kind_of == total for entry in catalog() if entry.code == code)


def is_whole(code: str) -> bool:
    """Whether a code is a whole jurisdiction's total, which no 其中 part takes."""
    return any(entry.whole for entry in catalog() if entry.code == code)


@dataclass(frozen=True)
class _Matcher:
    """An entry with each word list as one regex (None when empty): a search says whether any word occurs."""

    entry: Entry
    context: re.Pattern[str] | None
    exclude: re.Pattern[str] | None
    requires: re.Pattern[str] | None
    tiers: tuple[tuple[int, tuple[str, ...], re.Pattern[str], int], ...]  # (tier, cues, any cue, text index)


# Where assign_code looks for the cues of each tier: (override) the override scope or segment, metric, clause, segment.
_TIER_TEXTS = ((4, "override_cues", 0), (3, "cues", 1), (2, "clause_cues", 2), (1, "sentence_cues", 3))


@cache
def _any_of(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pattern for any of `words`; a word ending in $ only at the end of the text."""
    return re.compile("|".join(re.escape(w[:-1]) + "$" if w.endswith("$") else re.escape(w) for w in words)) if words else None


@cache
def _matchers(family: str, unit: str) -> tuple[_Matcher, ...]:
    """The catalog entries, in catalog order, whose unit family and allowed units fit a mention."""
    return tuple(
        _Matcher(entry, _any_of(entry.context), _any_of(entry.exclude), _any_of(entry.requires),
                 tuple((tier, cues, re.compile("|".join(map(re.escape, cues))), at)
                       for tier, field, at in _TIER_TEXTS if (cues := getattr(entry, field))))
        for entry in catalog() if entry.family == family and (not entry.units or unit in entry.units)
    )


def _family(unit: str, kind: str) -> str:
    if family := _FAMILY_OF_KIND.get(kind):
        return family
    if unit == "元":
        return "money"
    if unit in ("%", "‰"):
        return "ratio"
    return "count"


# A book title (《…》), or the end of one cut off at the metric's start (…的指导意见》).
_TITLES = re.compile(r"《[^《》]*》|^[^《》]*》")
# The last break before a position (searched with endpos) and the first one from a position.
_LAST_CLAUSE_BREAK = re.compile(rf"[{WIDE_CLAUSE_BREAKS}][^{WIDE_CLAUSE_BREAKS}]*\Z")
_NEXT_CLAUSE_BREAK = re.compile(f"[{WIDE_CLAUSE_BREAKS}]")
_LAST_SEGMENT_BREAK = re.compile(rf"[{PART_BREAKS}][^{PART_BREAKS}]*\Z")
_NEXT_SEGMENT_BREAK = re.compile(f"[{PART_BREAKS}]")


def _between(sentence: str, start: int, end: int, last: re.Pattern[str], following: re.Pattern[str]) -> str:
    return sentence[_start_of(sentence, start, last):_end_of(sentence, end, following)]


def clause_around(sentence: str, start: int, end: int) -> str:
    """The clause of the sentence that holds [start, end)."""
    return _between(sentence, start, end, _LAST_CLAUSE_BREAK, _NEXT_CLAUSE_BREAK)


def override_scope(sentence: str, start: int, end: int) -> str:
    """Where an override cue decides the mention at [start, end): its clause's head (before the first
    number: 移送非法生产案件3起、非法经营案件5起), its tail (after the last: 完成3起许可案件、24起处罚案件的
    合法性审查) and its own item (from the number before it up to the next 、 or number); a cue
    between two other numbers is theirs (查封扣押案件2起、向公安机关移送…34起: not the 2起's)."""
    clause_start = _start_of(sentence, start, _LAST_CLAUSE_BREAK)
    clause_end = _end_of(sentence, end, _NEXT_CLAUSE_BREAK)
    numbers = [m.span() for m in _NUMBER_IN_CLAUSE.finditer(sentence, clause_start, clause_end)
               if m.end() <= start or m.start() >= end]
    before = [e for _, e in numbers if e <= start]
    after = [b for b, _ in numbers if b >= end]
    first = min([start, *(b for b, _ in numbers)])
    last = max([end, *(e for _, e in numbers)])
    item_end = min([*after, _end_of(sentence, end, _NEXT_ITEM_BREAK, clause_end)])
    return "|".join((sentence[clause_start:first], sentence[max(before, default=clause_start):item_end],
                     sentence[last:clause_end]))


# a number in a clause: digits, or Chinese numerals before a measure word (三起, 二十四件)
_NUMBER_IN_CLAUSE = re.compile(r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+(?=[件起次人家个项条宗份场名所处批])")
_NEXT_ITEM_BREAK = re.compile(f"[{WIDE_CLAUSE_BREAKS}、]")


def _start_of(sentence: str, start: int, last: re.Pattern[str]) -> int:
    found = last.search(sentence, 0, start)
    return found.start() + 1 if found else 0


def _end_of(sentence: str, end: int, following: re.Pattern[str], limit: int | None = None) -> int:
    stop = len(sentence) if limit is None else limit
    found = following.search(sentence, end, stop)
    return found.start() if found else stop


def segment_around(sentence: str, start: int, end: int) -> str:
    """The part of the sentence between semicolons (or sentence ends) that holds [start, end)."""
    return _between(sentence, start, end, _LAST_SEGMENT_BREAK, _NEXT_SEGMENT_BREAK)


@dataclass(frozen=True)
class CodeChoice:
    code: str
    cue: str  # the cue word that decided
    where: str  # where it was found: sentence (override), metric, clause, sentence

    @property
    def evidence(self) -> str:
        return f"{self.where} cue {self.cue}"


_TIER_PLACES = {4: "sentence (override)", 3: "metric", 2: "clause", 1: "sentence"}


def assign_code(metric: str | None, unit: str, kind: str, sentence: str = "",
                span: tuple[int, int] | None = None, part: bool = False) -> str | None:
    """Catalog code for a mention, or None when cue and unit family do not clearly agree."""
    choice = choose_code(metric, unit, kind, sentence, span, part)
    return choice.code if choice else None


_PEOPLE = ("人", "人次", "名")  # units of people: who studied may be people trained


# 每千次, 每十万人, 每10万人口: a base of a thousand, ten thousand… (not 每年, 每人, 每个乡镇)
_PER_SCALED_BASE = re.compile(r"每(?:\d+(?:\.\d+)?)?[十百千万亿]+")


@lru_cache(maxsize=1)
def _ends_in_study() -> re.Pattern[str]:
    """A metric that ends on an activity of study (study_activities.tsv)."""
    return re.compile(f"(?:{'|'.join(map(re.escape, lexicon.study_words('activity')))})$")


def choose_code(metric: str | None, unit: str, kind: str, sentence: str = "",
                span: tuple[int, int] | None = None, part: bool = False) -> CodeChoice | None:
    """The catalog code of a mention and the cue that decided it, or None when cue and unit family
    do not clearly agree.

    Tiers: override cue in the mention's scope of its clause (4, `override_scope`) > cue in the metric (3) > cue in the clause (2) >
    cue in the sentence (1); then the entry's priority, then the longest cue.
    """
    written = metric or ""
    metric = _TITLES.sub("", written)  # 《…的指导意见》等规范性文件: a title's words name a document
    # …but a title that ends the metric names what is counted (发放《卫生许可证》254件): its words can veto
    counted = written if written.endswith("》") else metric
    if not metric:
        return None
    if unit not in _PEOPLE and "培训" not in metric and _ends_in_study().search(metric):
        return None  # 集中学习13次, …等专题学习6次: a count of study sessions (not of training) is none of the catalog's
    if any(word in metric for word in lexicon.word_list("uncoded_words.txt")):
        return None  # 1个案例入选…合法性审核案例: an honour
    if _PER_SCALED_BASE.search(metric):
        return None  # 每千次检查发现重大隐患9.4项, 每十万人受灾8669人次: a rate per a base, none of the catalog's counts
    family = _family(unit, kind)
    clause = clause_around(sentence, *span) if span else ""
    segment = segment_around(sentence, *span) if span else sentence
    texts = (override_scope(sentence, *span) if span else segment, metric, clause, segment)
    best: tuple[int, int, int, str, str] | None = None
    for matcher in _matchers(family, unit):
        if part and matcher.entry.whole:
            continue
        if matcher.context and not matcher.context.search(segment):
            continue
        if matcher.exclude and matcher.exclude.search(counted):
            continue
        if matcher.requires and not matcher.requires.search(metric):
            continue
        score = None
        for tier, cues, any_cue, at in matcher.tiers:
            if any_cue.search(texts[at]):
                cue = max((c for c in cues if c in texts[at]), key=len)
                score = (tier, matcher.entry.priority, len(cue), matcher.entry.code, cue)
                break
        if score and (best is None or score[:3] > best[:3]):
            best = score
    return CodeChoice(best[3], best[4], _TIER_PLACES[best[0]]) if best else None
