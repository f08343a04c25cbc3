"""Score a warehouse against hand annotations made per tests/data/gold/GUIDE.md.

A researcher who annotates a few of their own reports can measure the product on them. The rules
are those of the project's shared scorer, so figures are comparable: a predicted mention matches
the gold mention of the same file whose span it overlaps (the nearest start wins); `exact` needs
the value (in base units), the unit (名 = 人) and a metric phrase holding one of the gold's
metric_keys; a predicted code outside the gold's catalog counts neither way. Beyond the shared
scorer, the period of each matched mention is checked against the gold's (`periods=`): a partial
year read as the whole of it corrupts every comparison.
"""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from pipeline.ingest import SourceDocument, find_report_files, read_report
from pipeline.tables import analyse_documents, document_texts_frame

Span = dict[str, Any]  # an annotated or a predicted mention, as the JSON lines and the table give it
_SAME_UNIT = {"名": "人"}
_META_FIELDS = ("region", "report_year", "doc_type")


@dataclass
class Score:
    counts: Counter[str] = field(default_factory=Counter)
    meta_ok: int = 0
    meta_total: int = 0
    errors: list[str] = field(default_factory=list)  # one line per miss, false alarm or wrong field

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> float:
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    @property
    def detection_f1(self) -> float:
        c = self.counts
        return self._f1(c["tp"], c["fp"], c["fn"])

    @property
    def exact_f1(self) -> float:
        c = self.counts
        return self._f1(c["exact"], c["fp"] + c["tp"] - c["exact"], c["fn"] + c["tp"] - c["exact"])

    @property
    def code_recall(self) -> float:
        return self.counts["code_hit"] / self.counts["code_gold"] if self.counts["code_gold"] else 0.0

    @property
    def code_precision(self) -> float:
        return self.counts["code_pred_ok"] / self.counts["code_pred"] if self.counts["code_pred"] else 0.0

    @property
    def period_share(self) -> float:
        """Matched mentions whose period is the gold's, of those the gold gives a period."""
        return self.counts["period_ok"] / self.counts["period_gold"] if self.counts["period_gold"] else 1.0

    def summary(self) -> str:
        meta = f" metadata={self.meta_ok}/{self.meta_total}" if self.meta_total else ""
        periods = f" periods={self.counts['period_ok']}/{self.counts['period_gold']}" if self.counts["period_gold"] else ""
        return (f"SUMMARY detection_f1={self.detection_f1:.3f} exact_f1={self.exact_f1:.3f} "
                f"code_recall={self.code_recall:.3f} code_precision={self.code_precision:.3f}{meta}{periods}")


def load_gold(gold_dir: Path) -> dict[str, list[Span]]:
    """{file name: annotated spans} from <file>.jsonl files."""
    gold = {}
    for path in sorted(gold_dir.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        gold[path.name[: -len(".jsonl")]] = [json.loads(line) for line in lines if line.strip()]
    return gold


def load_catalog_codes(path: Path) -> set[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader((line for line in handle if line.strip() and not line.startswith("#")), delimiter="\t")
        return {row[0] for row in rows if row and row[0] != "code"}


def _predictions(con: duckdb.DuckDBPyConnection) -> dict[str, list[Span]]:
    rows = con.execute(
        'SELECT d.source_path, i."start", i."end", i.value, i.unit, i.qualifier, i.metric, i.indicator_code, i.kind, '
        "i.period FROM indicators i JOIN documents d USING (doc_id)"
    ).fetchall()
    by_file: dict[str, list[Span]] = {}
    names = ("start", "end", "value", "unit", "qualifier", "metric", "indicator_code", "kind", "period")
    for source_path, *values in rows:
        by_file.setdefault(os.path.basename(source_path), []).append(dict(zip(names, values, strict=True)))
    return {name: sorted(rows, key=lambda p: p["start"]) for name, rows in by_file.items()}


def _overlap(a: Span, b: Span) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _value_ok(p: Span, g: Span) -> bool:
    gold = float(g["value"])
    unit_ok = _SAME_UNIT.get(str(p["unit"] or ""), p["unit"]) == _SAME_UNIT.get(str(g["unit"] or ""), g["unit"])
    return abs(float(p["value"]) - gold) <= 1e-6 * max(1.0, abs(gold)) and unit_ok


def _metric_ok(p: Span, g: Span) -> bool:
    metric = str(p["metric"] or "")
    keys = g.get("metric_keys") or [g.get("metric", "\0")]
    return any(str(key) in metric for key in keys)


def _period(period: object) -> str | None:
    """A period as the table writes it: '2023-09..2023-09' is '2023-09', '2023-01..2023-12' is '2023'."""
    if period is None:
        return None
    first, _, last = str(period).partition("..")
    if first[:4] == last[:4] and first[4:] == "-01" and last[4:] == "-12":
        return first[:4]
    return first if first == last else str(period)


def _score_file(name: str, gold: list[Span], predicted: list[Span],
                catalog: set[str] | None, score: Score) -> None:
    c = score.counts
    positives = [g for g in gold if g.get("indicator")]
    negatives = [g for g in gold if not g.get("indicator")]
    used: set[int] = set()
    for g in positives:
        hits = [i for i, p in enumerate(predicted) if i not in used and _overlap(p, g)]
        if not hits:
            c["fn"] += 1
            score.errors.append(f"MISS {name} {g['text']!r} ({g.get('metric')})")
            continue
        i = min(hits, key=lambda i: abs(predicted[i]["start"] - g["start"]))
        used.add(i)
        p = predicted[i]
        c["tp"] += 1
        exact = _value_ok(p, g) and _metric_ok(p, g)
        c["exact"] += exact
        if not exact:
            score.errors.append(f"WRONG {name} {g['text']!r}: got {p['value']} {p['unit']} {p['metric']!r}; "
                                f"want {g['value']} {g['unit']} {g.get('metric_keys')}")
        gold_code, code = g.get("code"), p["indicator_code"]
        if gold_code:
            c["code_gold"] += 1
            c["code_hit"] += code == gold_code
        if code and not (catalog is not None and code not in catalog and not gold_code):
            c["code_pred"] += 1
            c["code_pred_ok"] += code == gold_code
        if (code or gold_code) and code != gold_code:
            score.errors.append(f"CODE {name} {g['text']!r}: got {code} want {gold_code} (metric {p['metric']!r})")
        if g.get("period"):
            c["period_gold"] += 1
            period_ok = _period(p["period"]) == _period(g["period"])
            c["period_ok"] += period_ok
            if not period_ok:
                score.errors.append(f"PERIOD {name} {g['text']!r}: got {p['period']} want {g['period']}")
    for i, p in enumerate(predicted):
        if i not in used:
            c["fp"] += 1
            if not any(_overlap(p, g) for g in positives):
                on_negative = " (a gold negative)" if any(_overlap(p, g) for g in negatives) else ""
                score.errors.append(f"FALSE {name} [{p['start']}:{p['end']}] {p['value']} {p['unit']} {p['metric']!r}{on_negative}")


def score_warehouse(warehouse: Path, gold_dir: Path, documents_tsv: Path | None = None,
                    catalog: Path | None = None) -> Score:
    """Mentions (and, with `documents_tsv`, region, report_year and doc_type) of the annotated files."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return score_connection(con, gold_dir, documents_tsv, catalog)


def score_folder(raw_dir: Path, gold_dir: Path, documents_tsv: Path | None = None,
                 catalog: Path | None = None) -> Score:
    """Analyse the report files of `raw_dir` as the pipeline does and score them."""
    with analysed_connection(raw_dir) as con:
        return score_connection(con, gold_dir, documents_tsv, catalog)


def analysed_connection(raw_dir: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the documents and indicators tables of the report files of
    `raw_dir`, analysed as the pipeline does (decode, normalise, describe, segment, extract)."""
    reads = [read_report(path, raw_dir) for path in find_report_files(raw_dir)]
    frames = analyse_documents(document_texts_frame([read for read in reads if isinstance(read, SourceDocument)]))
    con = duckdb.connect()
    for table in ("documents", "indicators"):
        con.register(f"{table}_frame", frames[table])
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM {table}_frame")
        con.unregister(f"{table}_frame")
    return con


def score_connection(con: duckdb.DuckDBPyConnection, gold_dir: Path, documents_tsv: Path | None = None,
                     catalog: Path | None = None) -> Score:
    gold = load_gold(gold_dir)
    codes = load_catalog_codes(catalog) if catalog else None
    score = Score()
    predicted = _predictions(con)
    for name, spans in gold.items():
        _score_file(name, spans, predicted.get(name, []), codes, score)
    if documents_tsv:
        got = {os.path.basename(path): (region, year, doc_type) for path, region, year, doc_type in con.execute(
            "SELECT source_path, region, report_year, doc_type FROM documents").fetchall()}
        with documents_tsv.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                values = got.get(row["file"], (None, None, None))
                for name, value in zip(_META_FIELDS, values, strict=True):
                    expected = row[name] or None
                    value = None if value in (None, "") else str(value)
                    score.meta_total += 1
                    score.meta_ok += value == expected
                    if value != expected:
                        score.errors.append(f"META {row['file']}.{name}: got {value!r} want {expected!r}")
    return score
