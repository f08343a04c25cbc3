"""Run the indicator extractor over raw/ and score it with the official scorer.

Usage (from the repository root):
    .venv/bin/python tests/tools/score_extraction.py [--out /tmp/extract_eval.duckdb] [--no-score] [--verbose]

For every file in raw/ it runs normalise_text -> split_sentences -> tokenize -> extract_mentions,
maps each mention span back to original offsets with NormalisedText.to_original, and writes a
DuckDB file with the two tables the scorer reads:
    documents(doc_id, source_path, region, report_year, doc_type)   (context from gold documents.tsv)
    indicators(doc_id, start, end, value, unit, qualifier, metric, indicator_code, kind, direction)
Then it runs ../shared/eval/score.py on that file (unless --no-score).
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.extract import DocumentContext, extract_mentions  # noqa: E402
from pipeline.normalise import normalise_text  # noqa: E402
from pipeline.segment import split_sentences, tokenize  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def build(out: Path) -> None:
    docs = {row["file"]: row for row in csv.DictReader((GOLD / "documents.tsv").open(encoding="utf-8"), delimiter="\t")}
    if out.exists():
        out.unlink()
    con = duckdb.connect(str(out))
    con.execute("create table documents(doc_id varchar, source_path varchar, region varchar, report_year integer, doc_type varchar)")
    con.execute('create table indicators(doc_id varchar, "start" integer, "end" integer, value double, unit varchar, '
                "qualifier varchar, metric varchar, indicator_code varchar, kind varchar, direction varchar, period varchar)")
    started = time.time()
    for path in sorted((ROOT / "raw").glob("*.txt")):
        meta = docs.get(path.name, {})
        year = int(meta["report_year"]) if meta.get("report_year") else None
        context = DocumentContext(report_year=year, doc_type=meta.get("doc_type") or None)
        con.execute("insert into documents values (?, ?, ?, ?, ?)",
                    [path.name, str(path), meta.get("region") or None, year, context.doc_type])
        norm = normalise_text(path.read_text(encoding="utf-8"))
        for sentence in split_sentences(norm.text):
            for m in extract_mentions(sentence.text, tokenize(sentence.text), context):
                start, end = norm.to_original(sentence.start + m.start, sentence.start + m.end)
                con.execute("insert into indicators values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            [path.name, start, end, m.value, m.unit, m.qualifier, m.metric,
                             m.indicator_code, m.kind, m.direction, m.period])
    con.close()
    print(f"wrote {out} in {time.time() - started:.1f}s", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="/tmp/extract_eval.duckdb")
    ap.add_argument("--no-score", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    out = Path(a.out)
    build(out)
    if not a.no_score:
        cmd = [sys.executable, str(SCORER), "--warehouse", str(out), "--gold", str(GOLD),
               "--docs", str(GOLD / "documents.tsv")] + (["--verbose"] if a.verbose else [])
        subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
