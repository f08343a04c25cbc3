"""Query latency on a synthetic token table of 100 M rows in the lake: partition-pruned against a full scan.

    .venv/bin/python -m benchmarks.lake_query --rows 100000000 --lake /tmp/lake-query --out benchmarks/results/lake_query.json

Generates (once; kept under --lake, never in the repository) a Delta `tokens` table of --rows rows
partitioned like the real one, 10 years x 34 provinces, documents of 3,000 tokens drawn from a
vocabulary of 20,000 words with a Zipf-like skew, then reads it as a reader does: DuckDB over the
view of the pinned snapshot's files (pipeline.lake_views.snapshot_select) on a fresh connection.
Each query runs --repeat times; the figures are the median and the first (cold-ish: the files may
still be in the page cache from generation or an earlier query).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from pathlib import Path

import deltalake
import duckdb

from pipeline.lake import Lake
from pipeline.lake_views import PARTITION_COLUMNS, snapshot_select

TOKENS_PER_DOCUMENT = 3000
YEARS = 10
PROVINCES = 34
QUERIES = {
    "one partition (2021, province 32): top 20 words":
        "SELECT token, count(*) AS n FROM tokens WHERE lake_year = 2021 AND lake_province = '32' "
        "GROUP BY token ORDER BY n DESC LIMIT 20",
    "one year (34 partitions): top 20 words":
        "SELECT token, count(*) AS n FROM tokens WHERE lake_year = 2021 GROUP BY token ORDER BY n DESC LIMIT 20",
    "full scan: top 20 words": "SELECT token, count(*) AS n FROM tokens GROUP BY token ORDER BY n DESC LIMIT 20",
    "full scan, the one partition's rows picked by doc_id (no partition filter)":
        "SELECT token, count(*) AS n FROM tokens WHERE doc_id LIKE 'd2021-32-%' GROUP BY token ORDER BY n DESC LIMIT 20",
}


def generate(lake: Lake, rows: int) -> None:
    """The tokens table, one commit per year (bounded memory)."""
    documents_per_partition = max(1, rows // (YEARS * PROVINCES * TOKENS_PER_DOCUMENT))
    per_year = documents_per_partition * PROVINCES * TOKENS_PER_DOCUMENT
    con = duckdb.connect()
    con.execute("SET threads = 2")
    for year in range(2015, 2015 + YEARS):
        batch = con.sql(f"""
            SELECT 'd{year}-' || lpad((11 + i // {documents_per_partition * TOKENS_PER_DOCUMENT})::VARCHAR, 2, '0')
                       || '-' || (i // {TOKENS_PER_DOCUMENT} % {documents_per_partition}) AS doc_id,
                   (i // 50 % 60)::INTEGER AS sentence_id,
                   (i % 50)::INTEGER AS position,
                   'w' || floor(pow(hash(i) % 10000 / 10000.0, 3) * 20000)::INTEGER AS token,
                   {year}::INTEGER AS lake_year,
                   lpad((11 + i // {documents_per_partition * TOKENS_PER_DOCUMENT})::VARCHAR, 2, '0') AS lake_province
            FROM range({per_year}) AS r(i)""").to_arrow_table()
        deltalake.write_deltalake(lake.table_uri("tokens"), batch, partition_by=list(PARTITION_COLUMNS), mode="append")
        del batch


def measure(lake: Lake, repeat: int) -> dict[str, object]:
    [files] = [s.files for s in lake.snapshot(["tokens"]).values()]
    view = snapshot_select([("doc_id", "VARCHAR"), ("sentence_id", "INTEGER"), ("position", "INTEGER"),
                            ("token", "VARCHAR")], files)
    results: dict[str, object] = {}
    for name, query in QUERIES.items():
        con = duckdb.connect()
        con.execute(f"CREATE TEMP VIEW tokens AS {view}")
        seconds = []
        for _ in range(repeat):
            started = time.perf_counter()
            con.execute(query).fetchall()
            seconds.append(time.perf_counter() - started)
        results[name] = {"first_s": round(seconds[0], 3), "median_s": round(statistics.median(seconds), 3)}
        con.close()
    with duckdb.connect() as con:
        con.execute(f"CREATE TEMP VIEW tokens AS {view}")
        rows = con.execute("SELECT count(*) FROM tokens").fetchone()
    size = sum(os.path.getsize(f) for f in files)
    return {"rows": rows[0] if rows else 0, "files": len(files), "bytes": size,
            "bytes_per_row": round(size / max(1, rows[0] if rows else 1), 2), "queries": results}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000_000)
    parser.add_argument("--lake", default="/tmp/lake-query")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    lake = Lake(args.lake)
    started = time.perf_counter()
    generated = not Path(args.lake, "tokens").exists()
    if generated:
        generate(lake, args.rows)
    generation = time.perf_counter() - started
    figures = measure(lake, args.repeat)
    queries = figures["queries"]
    assert isinstance(queries, dict)
    full = queries["full scan: top 20 words"]["median_s"]
    for timing in queries.values():
        timing["of_full_scan"] = round(timing["median_s"] / full, 3)
    figures |= {"generation_s": round(generation, 1) if generated else None,
                "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "duckdb": duckdb.__version__,
                            "deltalake": deltalake.__version__}}
    print(json.dumps(figures, indent=2))
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
