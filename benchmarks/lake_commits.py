"""Concurrent committers: N writer processes commit documents to one lake at once; afterwards every
table holds exactly the expected rows, none twice.

    .venv/bin/python -m benchmarks.lake_commits --writers 4 --documents 200 --batch 10 --out benchmarks/results/lake_commits.json
    .venv/bin/python -m benchmarks.lake_commits --writers 2 --lake s3://bucket/lake   # with the AWS_* variables set

Each writer owns its documents (as a run, or a task of the analysis, does), with `--tokens` token
rows each, spread over 10 years x 34 provinces like real reports; writer w's i-th document is in
the same partition as every other writer's i-th, so the writers commit into the same partitions
at the same time. It commits them in batches of `--batch` documents (pipeline.lake.Lake.replace:
one commit per table), then commits every batch again with new rows (a document analysed again):
the first round appends, the second replaces. Figures: wall time, commits and commits/s (all
writers together), the retries delta-rs made when another writer had committed the version first,
and the check: rows per table = documents x rows per document, no (doc_id, position) twice, every
document's rows those of the second round.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import deltalake
import duckdb
import pyarrow as pa
from deltalake import DeltaTable

from pipeline.lake import Lake
from pipeline.lake_views import needs_object_store, register_object_store, snapshot_select

PROVINCES = ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42",
             "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"]
TABLES = ("documents", "tokens")


def document_rows(doc_ids: list[str], tokens: int, round_: int) -> dict[str, pa.Table]:
    """A documents row and `tokens` token rows per document, tagged with the round that wrote them."""
    numbers = [int(doc_id.split("-")[1]) for doc_id in doc_ids]
    years = [2015 + n % 10 for n in numbers]
    provinces = [PROVINCES[n % len(PROVINCES)] for n in numbers]
    documents = pa.table({"doc_id": doc_ids, "round": pa.array([round_] * len(doc_ids), pa.int32()),
                          "lake_year": pa.array(years, pa.int32()), "lake_province": provinces})
    repeat = [i for i in range(len(doc_ids)) for _ in range(tokens)]
    token_rows = pa.table({
        "doc_id": [doc_ids[i] for i in repeat],
        "position": pa.array(list(range(tokens)) * len(doc_ids), pa.int32()),
        "token": [f"词{round_}" for _ in repeat],
        "lake_year": pa.array([years[i] for i in repeat], pa.int32()),
        "lake_province": [provinces[i] for i in repeat],
    })
    return {"documents": documents, "tokens": token_rows}


def write(lake_uri: str, writer: int, documents: int, batch: int, tokens: int) -> int:
    """One writer's work: its documents in batches, twice; the number of commits."""
    lake = Lake(lake_uri)
    doc_ids = [f"w{writer}-{i}" for i in range(documents)]  # writer w's document i: the partition of every writer's i
    commits = 0
    for round_ in (1, 2):
        for start in range(0, documents, batch):
            chunk = doc_ids[start : start + batch]
            lake.replace(chunk, document_rows(chunk, tokens, round_))
            commits += len(TABLES)
    return commits


def verify(lake_uri: str, documents: int, tokens: int) -> dict[str, int]:
    """Rows, duplicates and rows not of the second round, per table, in the lake's latest snapshot."""
    snapshot = Lake(lake_uri).snapshot(TABLES)
    con = duckdb.connect()
    if needs_object_store(lake_uri):
        register_object_store(con)
    columns = {"documents": [("doc_id", "VARCHAR"), ("round", "INTEGER")],
               "tokens": [("doc_id", "VARCHAR"), ("position", "INTEGER"), ("token", "VARCHAR")]}
    tokens_view = snapshot_select(columns["tokens"], snapshot["tokens"].files)
    documents_view = snapshot_select(columns["documents"], snapshot["documents"].files)
    [(token_rows, token_keys, stale_tokens)] = con.execute(
        f"SELECT count(*), count(DISTINCT (doc_id, position)), count(*) FILTER (token <> '词2') FROM ({tokens_view})").fetchall()
    [(document_rows_, document_keys, stale_documents)] = con.execute(
        f"SELECT count(*), count(DISTINCT doc_id), count(*) FILTER (round <> 2) FROM ({documents_view})").fetchall()
    return {"documents": document_rows_, "documents_distinct": document_keys, "documents_not_rewritten": stale_documents,
            "tokens": token_rows, "tokens_distinct": token_keys, "tokens_not_rewritten": stale_tokens,
            "files": sum(len(s.files) for s in snapshot.values()),
            "versions": sum((s.version or 0) + 1 for s in snapshot.values()),
            "retries_in_delta_rs": sum(int(entry.get("operationMetrics", {}).get("num_retries", 0))
                                       for table in TABLES for entry in DeltaTable(Lake(lake_uri).table_uri(table)).history())}


def run(lake_uri: str, writers: int, documents: int, batch: int, tokens: int) -> dict[str, object]:
    """Start `writers` processes at once, wait for all, check the lake."""
    started = time.perf_counter()
    processes = [subprocess.Popen([sys.executable, "-m", "benchmarks.lake_commits", "--as-writer", str(w),
                                   "--lake", lake_uri, "--documents", str(documents), "--batch", str(batch),
                                   "--tokens", str(tokens)], stdout=subprocess.PIPE, text=True)
                 for w in range(writers)]
    outputs = [process.communicate(timeout=1800)[0] for process in processes]
    seconds = time.perf_counter() - started
    if any(process.returncode for process in processes):
        raise RuntimeError(f"a writer failed: {[p.returncode for p in processes]}")
    commits = sum(int(output.split()[-1]) for output in outputs)
    found = verify(lake_uri, writers * documents, tokens)
    expected = {"documents": writers * documents, "tokens": writers * documents * tokens}
    exact = all(found[t] == found[f"{t}_distinct"] == n and found[f"{t}_not_rewritten"] == 0
                for t, n in expected.items())
    return {"writers": writers, "documents_per_writer": documents, "batch_documents": batch, "tokens_per_document": tokens,
            "seconds": round(seconds, 2), "commits": commits, "commits_per_second": round(commits / seconds, 2),
            "expected": expected, "found": found, "exact": exact}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--documents", type=int, default=200, help="documents per writer")
    parser.add_argument("--batch", type=int, default=10, help="documents per commit")
    parser.add_argument("--tokens", type=int, default=500, help="token rows per document")
    parser.add_argument("--lake", help="a folder or s3:// URI (default: a new folder per N under /tmp)")
    parser.add_argument("--as-writer", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.as_writer is not None:
        print(write(args.lake, args.as_writer, args.documents, args.batch, args.tokens))
        return
    results = []
    for writers in args.writers:
        with tempfile.TemporaryDirectory(prefix="lake-commits-") as folder:
            lake = f"{args.lake.rstrip('/')}/n{writers}" if args.lake else folder
            results.append(run(lake, writers, args.documents, args.batch, args.tokens))
            print(json.dumps(results[-1]), flush=True)
    figures = {"machine": {"cores": os.cpu_count(), "python": platform.python_version(),
                           "duckdb": duckdb.__version__, "deltalake": deltalake.__version__,
                           "lake": "s3" if args.lake and args.lake.startswith("s3://") else "local folder"},
               "runs": results}
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
