"""Compare this checkout with another one on the same generated corpus, their runs alternating.

    git worktree add /tmp/before <commit>          # the code to compare with
    python -m benchmarks.ab /tmp/before --pairs 8 --docs 1000
    python -m benchmarks.ab /tmp/before --pairs 8 --docs 1000 --stages-only   # ingest and analysis only

This machine's speed drifts by up to 20 % within minutes, so a change worth a few per cent cannot be
seen by timing the old code and then the new. Here each pair runs the other checkout, then this one,
each in a new process (benchmarks/ab_run.py) on an empty warehouse, and the figures are compared
pair by pair: wall time, CPU seconds of the process tree (the same work takes more of them when the
machine is slow) and the share of the cores kept busy, which depends on the code rather than on the
machine's speed of the moment. Both checkouts run with this virtual environment.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.corpus import write_corpus
from benchmarks.proctree import busy_share

THIS_CHECKOUT = Path(__file__).resolve().parents[1]
RUNNER = Path(__file__).resolve().with_name("ab_run.py")


def timed_run(checkout: Path, raw: Path, warehouse: Path, stages_only: bool) -> dict[str, float]:
    """One run of `checkout`'s code on an empty warehouse: wall_s, cpu_s and busy (share of the cores)."""
    shutil.rmtree(warehouse.parent, ignore_errors=True)
    done = subprocess.run(
        [sys.executable, str(RUNNER), str(raw), str(warehouse), *(["--stages-only"] if stages_only else [])],
        cwd=checkout, env={**os.environ, "PYTHONPATH": str(checkout)}, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"run of {checkout} failed:\n{done.stderr[-2000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["busy"] = busy_share(figures["cpu_s"], figures["wall_s"])
    return figures


def compare(other: Path, docs: int, pairs: int, seed: int, stages_only: bool) -> dict[str, object]:
    root = Path(tempfile.mkdtemp(prefix="ab_"))
    try:
        raw = root / "raw"
        write_corpus(raw, docs, seed)
        rows = []
        for pair in range(1, pairs + 1):
            before = timed_run(other, raw, root / "other" / "reports.duckdb", stages_only)
            after = timed_run(THIS_CHECKOUT, raw, root / "this" / "reports.duckdb", stages_only)
            rows.append((before, after))
            print(f"pair {pair}: other {before['wall_s']:.2f} s, {before['cpu_s']:.2f} CPU s, busy {before['busy']:.3f}"
                  f" | this {after['wall_s']:.2f} s, {after['cpu_s']:.2f} CPU s, busy {after['busy']:.3f}", flush=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    summary: dict[str, object] = {"other": str(other), "this": str(THIS_CHECKOUT), "docs": docs, "pairs": pairs,
                                  "stages_only": stages_only}
    for figure in ("wall_s", "cpu_s", "busy"):
        summary[f"{figure} other / this (means)"] = [round(statistics.mean(b[figure] for b, _ in rows), 3),
                                                     round(statistics.mean(a[figure] for _, a in rows), 3)]
        summary[f"{figure} this ÷ other (mean of the pairs)"] = round(statistics.mean(a[figure] / b[figure]
                                                                                     for b, a in rows), 3)
    summary["pairs where this is busier"] = sum(a["busy"] > b["busy"] for b, a in rows)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ab", description=__doc__.split("\n")[0])
    parser.add_argument("other", type=Path, help="the other checkout (e.g. a git worktree of an older commit)")
    parser.add_argument("--docs", type=int, default=1000, help="documents in the generated corpus")
    parser.add_argument("--pairs", type=int, default=5, help="runs of each checkout, alternating")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--stages-only", action="store_true", help="ingest and analysis only, without Dagster")
    args = parser.parse_args(argv)
    if not (args.other / "pipeline").is_dir():
        parser.error(f"{args.other} is not a checkout of this project (no pipeline/ folder)")
    print(json.dumps(compare(args.other.resolve(), args.docs, args.pairs, args.seed, args.stages_only),
                     ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
