"""One timed run for benchmarks/ab.py, made with the code of the checkout it is started in.

    python /path/to/benchmarks/ab_run.py RAW WAREHOUSE [--stages-only]   (cwd and PYTHONPATH: the checkout)

Run by path, so that `pipeline` comes from the checkout under test while this file and its neighbour
proctree.py come from the checkout doing the comparison (an older checkout may lack them). Times
run_pipeline (Dagster imported first, as benchmarks/bench.py does) or, with --stages-only, ingest and
the analysis alone; prints {"wall_s", "cpu_s"} as JSON. The CPU seconds are those of this process and
its living descendants: from the commit where the pool ends with the run (a resource's), the workers'
seconds are gone by then and only benchmarks/bench.py, which samples during the run, counts them.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import time
from pathlib import Path

from proctree import tree_cpu_seconds  # this file's folder is first on sys.path


def timed(raw: Path, warehouse: Path, stages_only: bool) -> dict[str, float]:
    if stages_only:
        from pipeline.stages import bring_up_to_date, ingest_folder_into
        from pipeline.storage import Warehouse

        def run() -> None:
            store = Warehouse(warehouse)
            ingest_folder_into(store, raw)
            try:
                from pipeline.parallel import configured_workers, new_pool
            except ImportError:  # a checkout from before the pool became a resource's: it keeps its own
                bring_up_to_date(store)
            else:
                with new_pool(configured_workers()) as pool:
                    bring_up_to_date(store, lambda: pool, configured_workers())
            store.publish()
    else:
        import dagster  # noqa: F401  (imported before timing)

        logging.getLogger("dagster").setLevel(logging.WARNING)
        try:
            from assets.cli import run_pipeline
        except ImportError:  # a checkout from before the command line moved to assets/
            from pipeline.cli import run_pipeline

        def run() -> None:
            if failures := run_pipeline(raw, warehouse):
                raise SystemExit(f"pipeline failed: {failures}")

    cpu_before, start = tree_cpu_seconds(os.getpid()), time.perf_counter()
    run()
    wall = time.perf_counter() - start
    return {"wall_s": wall, "cpu_s": tree_cpu_seconds(os.getpid()) - cpu_before}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("raw", type=Path)
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--stages-only", action="store_true")
    args = parser.parse_args()
    print(json.dumps(timed(args.raw, args.warehouse, args.stages_only)))
