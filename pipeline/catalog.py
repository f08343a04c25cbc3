"""Assign the canonical indicator code of a mention from catalog.tsv (precision first).

A code is given only when one of its cue terms occurs in the metric phrase AND the mention's
unit fits the code's unit family (and, where the catalog lists them, its allowed units).
Optional catalog columns:
  units    ;-separated units allowed (e.g. 家;家次 for inspected enterprises)
  context  ;-separated words that must occur in the part of the sentence between semicolons
           (同比 for year-on-year changes; 12345 for a hotline rate, not the letters-and-visits
           rate of the previous part)
  exclude  ;-separated words that veto the code when they occur in the metric
  sentence_cues  ;-separated words that select the code from the sentence even when the metric
           lacks a cue (追究刑事责任: the 7起事故 of such a sentence are criminal referrals)
  requires ;-separated words of which one must occur in the metric (审查 counts normative-document
           reviews only when the metric names 规范性文件)
Override cues are looked for in the clause of the number (今年有7起事故涉及8名责任人建议追究刑事责任),
sentence cues in the part of the sentence between semicolons: a report packs unrelated counts into
one sentence (立案查处违法案件318件，…，移送司法机关案件7件).
Among the candidates the longest matching cue wins; override cues win over metric cues.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

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
        )
        for row in read_table("catalog.tsv")
    )


def _family(unit: str, kind: str) -> str:
    if kind in _FAMILY_OF_KIND and _FAMILY_OF_KIND[kind]:
        return _FAMILY_OF_KIND[kind]
    if unit == "元":
        return "money"
    if unit in ("%", "‰"):
        return "ratio"
    return "count"


_CLAUSE_BREAKS = "，,；;。！？!?：:（）()"


def clause_around(sentence: str, start: int, end: int) -> str:
    """The clause of the sentence that holds [start, end)."""
    left = max((sentence.rfind(ch, 0, start) for ch in _CLAUSE_BREAKS), default=-1)
    rights = [i for i in (sentence.find(ch, end) for ch in _CLAUSE_BREAKS) if i != -1]
    return sentence[left + 1:min(rights) if rights else len(sentence)]


def segment_around(sentence: str, start: int, end: int) -> str:
    """The part of the sentence between semicolons (or sentence ends) that holds [start, end)."""
    left = max((sentence.rfind(ch, 0, start) for ch in "；;。"), default=-1)
    rights = [i for i in (sentence.find(ch, end) for ch in "；;。") if i != -1]
    return sentence[left + 1:min(rights) if rights else len(sentence)]


def assign_code(metric: str | None, unit: str, kind: str, sentence: str = "",
                span: tuple[int, int] | None = None) -> str | None:
    """Catalog code for a mention, or None when cue and unit family do not clearly agree.

    Tiers: override cue in the sentence (4) > cue in the metric (3) > cue in the clause (2) >
    cue in the sentence (1); then the entry's priority, then the longest cue.
    """
    if not metric:
        return None
    family = _family(unit, kind)
    clause = clause_around(sentence, *span) if span else ""
    segment = segment_around(sentence, *span) if span else sentence
    best: tuple[int, int, int, str] | None = None
    for entry in catalog():
        if entry.family != family:
            continue
        if entry.units and unit not in entry.units:
            continue
        if entry.context and not any(word in segment for word in entry.context):
            continue
        if any(word in metric for word in entry.exclude):
            continue
        if entry.requires and not any(word in metric for word in entry.requires):
            continue
        score = None
        for tier, cues, text in ((4, entry.override_cues, clause or segment), (3, entry.cues, metric),
                                 (2, entry.clause_cues, clause), (1, entry.sentence_cues, segment)):
            hits = [c for c in cues if c in text]
            if hits:
                score = (tier, entry.priority, max(map(len, hits)), entry.code)
                break
        if score and (best is None or score[:3] > best[:3]):
            best = score
    return best[3] if best else None
