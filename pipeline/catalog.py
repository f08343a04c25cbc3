"""Assign the canonical indicator code of a mention from catalog.tsv (precision first).

A code is given only when one of its cue terms occurs in the metric phrase AND the mention's
unit fits the code's unit family (and, where the catalog lists them, its allowed units).
Optional catalog columns:
  units    ;-separated units allowed (e.g. 家;家次 for inspected enterprises)
  context  ;-separated words that must occur in the sentence (同比 for year-on-year changes)
  exclude  ;-separated words that veto the code when they occur in the metric
  sentence_cues  ;-separated words that select the code from the sentence even when the metric
           lacks a cue (追究刑事责任: the 7起事故 of such a sentence are criminal referrals)
Among the candidates the longest matching cue wins; sentence cues win over metric cues.
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
    context: tuple[str, ...]
    exclude: tuple[str, ...]
    sentence_cues: tuple[str, ...]


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split(";") if p.strip())


@lru_cache(maxsize=1)
def catalog() -> tuple[Entry, ...]:
    return tuple(
        Entry(
            code=row["code"], family=row["unit_family"], cues=_split(row.get("cue_terms")),
            units=_split(row.get("units")), context=_split(row.get("context")),
            exclude=_split(row.get("exclude")), sentence_cues=_split(row.get("sentence_cues")),
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


def assign_code(metric: str | None, unit: str, kind: str, sentence: str = "") -> str | None:
    """Catalog code for a mention, or None when cue and unit family do not clearly agree."""
    if not metric:
        return None
    family = _family(unit, kind)
    best: tuple[int, int, str] | None = None
    for entry in catalog():
        if entry.family != family:
            continue
        if entry.units and unit not in entry.units:
            continue
        if entry.context and not any(word in sentence for word in entry.context):
            continue
        if any(word in metric for word in entry.exclude):
            continue
        score = None
        sentence_hits = [c for c in entry.sentence_cues if c in sentence]
        if sentence_hits:
            score = (2, max(map(len, sentence_hits)), entry.code)
        else:
            hits = [c for c in entry.cues if c in metric]
            if hits:
                score = (1, max(map(len, hits)), entry.code)
        if score and (best is None or score[:2] > best[:2]):
            best = score
    return best[2] if best else None
