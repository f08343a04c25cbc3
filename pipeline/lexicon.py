"""The word tables of indicator extraction, loaded once from pipeline/data/.

Every list a user may want to extend for another city's reports lives in a data file:
units.tsv (measure words), qualifiers.tsv, implicit_units.tsv, change_words.tsv,
basis_words.txt, duration_cues.txt, named_concepts.txt, metric_fillers.txt, rate_bases.tsv,
rate_words.tsv, study_activities.tsv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.datafiles import read_lines, read_table


@dataclass(frozen=True)
class Unit:
    written: str
    base: str
    scale: int
    family: str  # count | money | ratio | change | duration
    needs_cue: bool
    not_followed_by: tuple[str, ...]


@dataclass(frozen=True)
class Qualifier:
    word: str
    qualifier: str
    position: str  # before | internal | after
    reach: int


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


@lru_cache(maxsize=1)
def units() -> dict[str, Unit]:
    table = {}
    for row in read_table("units.tsv"):
        table[row["unit"]] = Unit(
            written=row["unit"],
            base=row["base"],
            scale=int(row["scale"] or 1),
            family=row["family"],
            needs_cue=row.get("needs_cue", "no") == "yes",
            not_followed_by=_split(row.get("not_followed_by", "")),
        )
    # 场(次), 人（次）: a compound count written with its 次 in brackets is that compound
    for unit in [u for u in table.values() if len(u.written) == 2 and u.written.endswith("次")]:
        for bracketed in (f"{unit.written[0]}(次)", f"{unit.written[0]}（次）"):
            table.setdefault(bracketed, Unit(bracketed, unit.base, unit.scale, unit.family, unit.needs_cue,
                                             unit.not_followed_by))
    return table


@lru_cache(maxsize=1)
def units_longest_first() -> tuple[Unit, ...]:
    return tuple(sorted(units().values(), key=lambda u: len(u.written), reverse=True))


@lru_cache(maxsize=1)
def qualifiers() -> tuple[Qualifier, ...]:
    rows = [
        Qualifier(r["word"], r["qualifier"], r["position"], int(r.get("reach") or 0))
        for r in read_table("qualifiers.tsv")
    ]
    return tuple(sorted(rows, key=lambda q: len(q.word), reverse=True))


@cache
def qualifiers_at(position: str) -> tuple[Qualifier, ...]:
    """The qualifiers of one position (before | internal | after), longest first."""
    return tuple(q for q in qualifiers() if q.position == position)


@lru_cache(maxsize=1)
def implicit_units() -> tuple[tuple[str, str, str], ...]:
    """(noun, unit, position: after | before | both) of implicit_units.tsv, longest noun first."""
    rows = [(r["noun"], r["unit"], r["position"]) for r in read_table("implicit_units.tsv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@lru_cache(maxsize=1)
def rate_bases() -> dict[str, str]:
    """The bases a rate may be per, as written (十万人口), and as its unit names them (10万人)."""
    return {r["written"]: r["base"] for r in read_table("rate_bases.tsv")}


@lru_cache(maxsize=1)
def rate_words() -> dict[str, str]:
    """The words of a rate per a base (死亡率) and the unit of what it counts (人)."""
    return {r["word"]: r["counts"] for r in read_table("rate_words.tsv")}


@cache
def study_words(kind: str) -> tuple[str, ...]:
    """The words of one kind of study_activities.tsv (activity: 传达学习, 专题学习; object_end: 精神),
    longest first."""
    words = {row["kind"]: row["words"] for row in read_table("study_activities.tsv")}[kind]
    return tuple(sorted(words.split(";"), key=len, reverse=True))


@lru_cache(maxsize=1)
def zero_counts() -> tuple[tuple[str, str], ...]:
    """(noun, unit) of the events whose 零 (零投诉) is a count of none."""
    return tuple((r["noun"], r["unit"]) for r in read_table("zero_counts.tsv"))


@lru_cache(maxsize=1)
def change_words() -> tuple[tuple[str, str], ...]:
    rows = [(r["word"], r["direction"]) for r in read_table("change_words.tsv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Lines of a word-list file, longest first (so that longer words win when stripping)."""
    return tuple(sorted(set(read_lines(name)), key=len, reverse=True))


@cache
def basis_words_pattern() -> str:
    """The words of basis_words.txt (同比, 较上年…) as one alternation of a regular expression, longest first."""
    return "|".join(map(re.escape, word_list("basis_words.txt")))
