"""Benchmark the whole pipeline on a generated corpus against bare jieba over the same text.

    python -m benchmarks.bench --docs 1000            # cold run, one added file, no change
    python -m benchmarks.bench --docs 10000 --cold-only

Everything runs in this process through assets.cli.run_pipeline (Dagster in process), on a
fresh warehouse in a temporary folder. Prints the figures and writes them as JSON.
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import duckdb

from benchmarks.corpus import write_corpus
from benchmarks.proctree import busy_share, process_table, tree_of
from pipeline import timing


class TreeMemory:
    """Peak resident memory of this process plus all its descendants, sampled from /proc."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peak = 0
        self.cpu_ticks: dict[int, int] = {}  # utime + stime of every process seen in the tree
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _tree_rss(self) -> int:
        table = process_table()
        tree = tree_of(table, os.getpid())
        for pid in tree:
            self.cpu_ticks[pid] = max(self.cpu_ticks.get(pid, 0), table[pid][2])
        return sum(table[pid][1] for pid in tree)

    def cpu_seconds(self) -> float:
        """CPU seconds used so far by this process tree (sampled, so up to one interval late)."""
        self._tree_rss()
        return sum(self.cpu_ticks.values()) / os.sysconf("SC_CLK_TCK")


    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._tree_rss())
            self._stop.wait(self.interval)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._tree_rss())


def machine_busy_seconds() -> float:
    """CPU seconds all processes on the machine have used since boot (/proc/stat)."""
    with open("/proc/stat") as f:
        fields = [int(v) for v in f.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


_last_result: list[object] = []


def _capture_dagster_result() -> None:
    """Keep the result of each job run that run_pipeline makes, for its step durations.
    Benchmark only: assets.cli and the assets are untouched."""
    from dagster import JobDefinition

    execute = JobDefinition.execute_in_process

    def capturing(self, *args, **kwargs):
        result = execute(self, *args, **kwargs)
        _last_result[:] = [result]
        return result

    JobDefinition.execute_in_process = capturing


def step_seconds() -> dict[str, float]:
    """Seconds of each Dagster step (asset or check) of the last run, from its step success events."""
    durations: dict[str, float] = {}
    for event in _last_result[0].all_events if _last_result else []:
        if event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
            data = event.event_specific_data
            durations[event.step_key] = getattr(data, "duration_ms", 0) / 1000 if data else 0.0
    return durations


def bare_jieba(paths: list[Path]) -> tuple[float, float]:
    """Single-process jieba.lcut over the texts of `paths` (default dictionary, loaded before timing):
    (seconds, CPU seconds other processes used meanwhile)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in paths]
    busy_before, cpu_before, start = machine_busy_seconds(), time.process_time(), time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_before
    return seconds, max(0.0, machine_busy_seconds() - busy_before - cpu)


def timed_bare_jieba(paths: list[Path]) -> tuple[float, float]:
    """bare_jieba in a process of its own, so that jieba's dictionary does not stay in this one's
    memory while the pipeline runs."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as one:
        return one.submit(bare_jieba, paths).result()


def _rounded(values: dict) -> dict:
    return {k: _rounded(v) if isinstance(v, dict) else round(v, 2) for k, v in values.items()}


def timed_run(raw: Path, warehouse: Path, memory: "TreeMemory") -> tuple[float, dict[str, float]]:
    from assets.cli import run_pipeline

    timing.reset()
    cpu_before, busy_before = memory.cpu_seconds(), machine_busy_seconds()
    start = time.perf_counter()
    failures = run_pipeline(raw, warehouse)
    elapsed = time.perf_counter() - start
    cpu = memory.cpu_seconds() - cpu_before
    others = machine_busy_seconds() - busy_before - cpu
    if failures:
        raise SystemExit(f"pipeline failed: {failures}")
    stages = timing.snapshot()
    stages["worker processes (CPU, overlaps the above)"] = timing.worker_snapshot()
    steps = step_seconds()
    stages["steps"] = steps
    stages["outside steps (Dagster start-up, events)"] = elapsed - sum(steps.values())
    stages["cpu_s (this process tree)"] = cpu
    stages["cpu_s used by other processes meanwhile"] = max(0.0, others)
    stages["cores busy (share of the run)"] = busy_share(cpu, elapsed)
    return elapsed, stages


def timed_stages_only(raw: Path, warehouse: Path, memory: "TreeMemory") -> tuple[float, dict[str, float]]:
    """The per-document work alone (ingest, then the analysis filling documents, sentences, tokens and
    indicators), without Dagster; the analysis in a pool of the configured size, as a run has."""
    from pipeline.parallel import configured_workers, new_pool
    from pipeline.stages import bring_up_to_date, ingest_folder_into
    from pipeline.storage import Warehouse

    timing.reset()
    cpu_before, busy_before = memory.cpu_seconds(), machine_busy_seconds()
    start = time.perf_counter()
    store = Warehouse(warehouse)
    ingest_folder_into(store, raw)
    with new_pool(configured_workers()) as pool:
        bring_up_to_date(store, lambda: pool, configured_workers())
    store.publish()
    elapsed = time.perf_counter() - start
    cpu = memory.cpu_seconds() - cpu_before
    stages = timing.snapshot()
    stages["worker processes (CPU, overlaps the above)"] = timing.worker_snapshot()
    stages["cpu_s (this process tree)"] = cpu
    stages["cpu_s used by other processes meanwhile"] = max(0.0, machine_busy_seconds() - busy_before - cpu)
    stages["cores busy (share of the run)"] = busy_share(cpu, elapsed)
    return elapsed, stages


def cli_run(raw: Path, warehouse: Path) -> float:
    """Wall time of `python -m assets run` in a new process (interpreter, imports and Dagster start-up included)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "assets", "run", "--raw", str(raw), "--warehouse", str(warehouse)],
                   check=True, stdout=subprocess.DEVNULL, cwd=Path(__file__).resolve().parents[1])
    return time.perf_counter() - start


def term_frequency_queries(warehouse: Path) -> dict[str, object]:
    """Time the term-frequency queries by region and year on the published warehouse (fresh connection)."""
    results: dict[str, object] = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        region, year, docs = con.execute(
            """SELECT region, report_year, count(*) FROM documents WHERE region IS NOT NULL
               AND report_year IS NOT NULL GROUP BY ALL ORDER BY 3 DESC, 1, 2 LIMIT 1""").fetchone()
        queries = {
            "top_terms_of_region_year": (
                """SELECT token, count(*) AS n FROM tokens JOIN documents USING (doc_id)
                   WHERE region = $1 AND report_year = $2 AND length(token) > 1
                   GROUP BY token ORDER BY n DESC, token LIMIT 20""", [region, year]),
            "term_by_region_and_year": (
                """SELECT region, report_year, count(*) AS n FROM tokens JOIN documents USING (doc_id)
                   WHERE token = $1 GROUP BY region, report_year ORDER BY region, report_year""", ["执法"]),
        }
        results["region_year"] = [region, year, docs]
        for name, (sql, params) in queries.items():
            start = time.perf_counter()
            rows = con.execute(sql, params).fetchall()
            first = time.perf_counter() - start
            start = time.perf_counter()
            con.execute(sql, params).fetchall()
            second = time.perf_counter() - start
            results[name] = {"first_s": round(first, 3), "again_s": round(second, 3), "rows": len(rows)}
        results["tokens_rows"] = con.execute("SELECT count(*) FROM tokens").fetchone()[0]
    return results


def machine() -> dict[str, object]:
    mem_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    return {"cores": os.cpu_count(), "usable_cores": len(os.sched_getaffinity(0)), "memory_gb": round(mem_kb / 2**20, 1),
            "cpu": cpu, "python": platform.python_version(), "platform": platform.platform()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents in the generated corpus")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--cold-only", action="store_true", help="skip the added-file and no-change runs")
    parser.add_argument("--no-jieba", action="store_true", help="skip the bare jieba yardstick")
    parser.add_argument("--stages-only", action="store_true",
                        help="run only the per-document stages (no Dagster, no derived tables, charts or pages)")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary folder)")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args(argv)

    logging.getLogger("dagster").setLevel(logging.WARNING)
    _capture_dagster_result()
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench_"))
    os.environ["DAGSTER_HOME"] = str(root / "dagster_home")  # the benchmark's runs stay out of the project's instance
    raw, warehouse = root / "raw", root / "warehouse" / "reports.duckdb"
    if raw.exists() or warehouse.parent.exists():
        shutil.rmtree(raw, ignore_errors=True)
        shutil.rmtree(warehouse.parent, ignore_errors=True)
    figures: dict[str, object] = {"docs": args.docs, "seed": args.seed, "machine": machine(),
                                  "command": "python -m benchmarks.bench " + " ".join(argv or sys.argv[1:])}
    with TreeMemory() as memory:
        start = time.perf_counter()
        paths = write_corpus(raw, args.docs, args.seed)
        figures["generate_s"] = round(time.perf_counter() - start, 2)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
        figures["chars"] = chars

        run = (lambda: timed_stages_only(raw, warehouse, memory)) if args.stages_only else (
            lambda: timed_run(raw, warehouse, memory))
        # The yardstick is timed right before and right after the full run, and their mean is the
        # one the run is compared with: this machine's speed drifts by 20 % within minutes.
        yardstick = [timed_bare_jieba(paths)] if not args.no_jieba else []
        full, stages = run()
        if yardstick:
            yardstick.append(timed_bare_jieba(paths))
        figures["full_run_s"] = round(full, 2)
        figures["docs_per_s"] = round(args.docs / full, 1)
        figures["chars_per_s"] = round(chars / full)
        figures["full_run_stages_s"] = _rounded(stages)
        print(f"full run: {full:.2f} s for {args.docs} documents, {chars:,} characters", flush=True)

        if not args.cold_only:
            write_corpus(raw, 1, args.seed, start=args.docs)
            added, added_stages = run()
            figures["added_file_run_s"] = round(added, 2)
            figures["added_file_fraction"] = round(added / full, 3)
            figures["added_file_stages_s"] = _rounded(added_stages)
            nochange, nochange_stages = run()
            figures["no_change_run_s"] = round(nochange, 2)
            figures["no_change_fraction"] = round(nochange / full, 3)
            figures["no_change_stages_s"] = _rounded(nochange_stages)
            print(f"added file: {added:.2f} s, no change: {nochange:.2f} s", flush=True)

        if not args.cold_only and not args.stages_only:
            # The same two runs as a person would make them: `python -m assets run` in a new process.
            write_corpus(raw, 1, args.seed, start=args.docs + 1)
            figures["cli_added_file_run_s"] = round(cli_run(raw, warehouse), 2)
            figures["cli_added_file_fraction"] = round(figures["cli_added_file_run_s"] / full, 3)
            figures["cli_no_change_run_s"] = round(cli_run(raw, warehouse), 2)
            figures["cli_no_change_fraction"] = round(figures["cli_no_change_run_s"] / full, 3)
            print(f"new process: added file {figures['cli_added_file_run_s']} s, "
                  f"no change {figures['cli_no_change_run_s']} s", flush=True)

        figures["queries"] = term_frequency_queries(warehouse)

        if yardstick:
            jieba_s = sum(seconds for seconds, _ in yardstick) / len(yardstick)
            figures["bare_jieba_before_after_s"] = [round(seconds, 2) for seconds, _ in yardstick]
            figures["bare_jieba_others_cpu_s"] = [round(others, 2) for _, others in yardstick]
            figures["bare_jieba_s"] = round(jieba_s, 2)
            figures["bare_jieba_chars_per_s"] = round(chars / jieba_s)
            figures["pipeline_over_jieba"] = round(full / jieba_s, 3)
    figures["peak_tree_rss_mb"] = round(memory.peak / 2**20)
    figures["peak_rss_self_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    figures["peak_rss_largest_child_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    text = json.dumps(figures, ensure_ascii=False, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
