"""A numeric indicator mention and the facts of its document that its reading depends on."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.periods import WHOLE_YEAR


@dataclass(frozen=True)
class DocumentContext:
    report_year: int | None  # year the report covers
    doc_type: str | None  # annual_report | work_plan | work_summary | other
    region_code: str | None = None  # the reporting division (a count of another one is a part)
    covered_months: tuple[int, int] = WHOLE_YEAR  # the part of the report year the document covers


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
    # high | medium (clause cue or a structure rule) | low: set with the code (extract._with_code, _with_rule)
    confidence: str = "high"
    target_of: str | None = None  # for a target, the indicator it aims at (a target itself has no code)
