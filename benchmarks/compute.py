"""Documents per second of the per-document analysis against workers: the local process pool and Ray.

    python -m benchmarks.compute --docs 1000 --workers 1 2 --out benchmarks/results/compute.json

For each compute (REPORTS_COMPUTE=local: pipeline.parallel.new_pool; ray: pipeline.ray_executor on a
Ray instance of that many CPUs started here, as the run's resource starts one) and each number of
workers, in rounds that alternate them: start the executor and warm every worker up on a one-sentence
report (**start-up**: processes, imports, dictionary); then send the whole corpus in chunks, as
bring_up_to_date does (pipeline.stages.send_to_workers), and wait for every row (**documents per
second**). The same corpus analysed in this process, without workers, is the yardstick. The library's
load is timed on its own in a new interpreter: importing pipeline.tables, then the first document,
which loads the dictionary and builds the rules' tables. Each figure comes with the CPU seconds other
processes used meanwhile (a shared machine: compare ratios within one run). The corpus is
benchmarks/corpus.py's; nothing is written to a warehouse (the driver's writes are the storage's part).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from benchmarks.bench import machine, machine_busy_seconds
from benchmarks.corpus import write_corpus
from benchmarks.proctree import tree_cpu_seconds
from pipeline import parallel, tables
from pipeline.ingest import plan_ingest
from pipeline.stages import code_version, send_to_workers

WARM_UP = pd.DataFrame([{"doc_id": "warm", "source_path": "warm.txt", "sha256": "0", "encoding": "utf-8", "size": 0,
                         "mtime_ns": 0, "text": "2023年全市立案查处12件，罚款3.5万元，同比下降4.2%。"}])
# Printed by a new interpreter: seconds to import the library, then to analyse its first document.
_LOAD_PROBE = """
import time
started = time.perf_counter()
import pipeline.tables as tables
imported = time.perf_counter()
from benchmarks.compute import WARM_UP
tables.analyse_documents(WARM_UP)
print(imported - started, time.perf_counter() - imported)
"""


def use_a_ray_of_our_own() -> None:
    """Before Ray is imported: any Ray started here uses token authentication with a token of this run's
    own (not written to ~/.ray) and keeps every process on 127.0.0.1 (tests/conftest.py says why); no
    cluster named by the environment is joined."""
    os.environ.update({"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32),
                       "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"})
    os.environ.pop("RAY_ADDRESS", None)


def warm_up(hold_seconds: float) -> int:
    """Run in a worker: analyse one sentence (dictionary and rules loaded), then hold the worker long
    enough that the other warm-ups go to the other workers. The worker's process id."""
    started = time.perf_counter()
    tables.analyse_documents(WARM_UP)
    time.sleep(max(0.0, hold_seconds - (time.perf_counter() - started)))
    return os.getpid()


def library_load(repeats: int) -> dict[str, float]:
    """Median seconds, in new interpreters, to import pipeline.tables and to analyse a first document."""
    runs = [subprocess.run([sys.executable, "-c", _LOAD_PROBE], capture_output=True, text=True, check=True)
            for _ in range(repeats)]
    imports, firsts = zip(*[map(float, run.stdout.split()) for run in runs], strict=True)
    return {"import_s": round(statistics.median(imports), 3), "first_document_s": round(statistics.median(firsts), 3)}


@contextmanager
def executor_for(compute: str, workers: int) -> Iterator[Executor]:
    """The executor a run would get for `compute` with `workers` (a Ray instance of its own for ray)."""
    if compute == "local":
        with parallel.new_pool(workers) as pool:
            yield pool
        return
    import ray

    from pipeline.ray_executor import RayExecutor, ray_init_arguments

    ray.init(**ray_init_arguments(workers), include_dashboard=False, log_to_driver=False)
    try:
        yield RayExecutor()
    finally:
        ray.shutdown()


class Meter:
    """Wall seconds, this process tree's CPU seconds and other processes' CPU seconds of a block."""

    def __enter__(self) -> Meter:
        self._busy, self._ours, self._start = machine_busy_seconds(), tree_cpu_seconds(os.getpid()), time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._start
        self.cpu = tree_cpu_seconds(os.getpid()) - self._ours
        self.others_cpu = max(0.0, machine_busy_seconds() - self._busy - self.cpu)


def analyse_all(texts: pd.DataFrame, send: Callable[[], object]) -> dict[str, float]:
    with Meter() as meter:
        send()
    return {"seconds": round(meter.seconds, 3), "documents_per_s": round(len(texts) / meter.seconds, 1),
            "cpu_s": round(meter.cpu, 2), "others_cpu_s": round(meter.others_cpu, 2)}


def measure(compute: str, workers: int, texts: pd.DataFrame, version: str) -> dict[str, Any]:
    started = time.perf_counter()
    with executor_for(compute, workers) as executor:
        pids = {f.result() for f in [executor.submit(warm_up, 1.0) for _ in range(workers)]}
        startup = time.perf_counter() - started
        figures = analyse_all(texts, lambda: send_to_workers(executor, workers, texts, 0, version=version).result())
    return {"compute": compute, "workers": workers, "startup_s": round(startup, 2), "workers_warmed": len(pids),
            **figures}


def summary(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per compute and number of workers over the rounds: the median and the best documents per second
    (the best is the round that other processes disturbed least) and documents per CPU second of this
    process tree (what the work costs, whatever else ran)."""
    rows = []
    for compute, workers in dict.fromkeys((run["compute"], run["workers"]) for run in runs):
        mine = [run for run in runs if (run["compute"], run["workers"]) == (compute, workers)]
        rates = [run["documents_per_s"] for run in mine]
        per_cpu = [run["documents_per_s"] * run["seconds"] / run["cpu_s"] for run in mine]
        rows.append({"compute": compute, "workers": workers, "median_documents_per_s": round(statistics.median(rates), 1),
                     "best_documents_per_s": max(rates), "documents_per_cpu_s": round(statistics.median(per_cpu), 1),
                     "median_startup_s": round(statistics.median(run.get("startup_s", 0.0) for run in mine), 2)})
    return rows


def corpus(root: Path, documents: int, seed: int) -> pd.DataFrame:
    raw = root / "raw"
    write_corpus(raw, documents, seed)
    return tables.document_texts_frame(plan_ingest(raw).landed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.compute", description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents in the generated corpus")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="numbers of workers to measure")
    parser.add_argument("--compute", nargs="+", default=list(parallel.COMPUTE_MODES), choices=parallel.COMPUTE_MODES)
    parser.add_argument("--rounds", type=int, default=2, help="rounds, each measuring every compute and number once")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    use_a_ray_of_our_own()

    load = library_load(repeats=3)
    print(f"library: import {load['import_s']} s, first document (dictionary, rules) {load['first_document_s']} s")
    with tempfile.TemporaryDirectory(prefix="bench-compute-") as root:
        texts = corpus(Path(root), args.docs, args.seed)
    characters = int(texts["text"].str.len().sum())
    version = code_version()
    tables.analyse_documents(WARM_UP)
    runs: list[dict[str, Any]] = []
    for round_number in range(1, args.rounds + 1):
        in_process = analyse_all(texts, lambda: tables.analyse_documents(texts))
        runs.append({"round": round_number, "compute": "in process", "workers": 0, **in_process})
        print(runs[-1])
        for compute in args.compute:
            for workers in args.workers:
                runs.append({"round": round_number, **measure(compute, workers, texts, version)})
                print(runs[-1])
    rows = summary(runs)
    for row in rows:
        print(row)
    result = {"machine": machine(), "documents": len(texts), "characters": characters, "library_load": load,
              "summary": rows, "runs": runs, "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
