"""What losing a Ray node mid-run costs: the analysis of a corpus on a local cluster of a head (no
CPUs) and two one-CPU worker nodes, once whole and once with a worker node killed (every process of
it, SIGKILL) as soon as the first chunk is back; the rows of the two must be the same.

    python -m benchmarks.node_loss --docs 400 --out benchmarks/results/node_loss.json

The chunks are sent as bring_up_to_date sends them (pipeline.stages.send_to_workers) to Ray tasks
(pipeline.ray_executor); tests/test_ray.py kills a node the same way (LosesANode) inside the analysis
of a warehouse and compares the tables.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

import pandas as pd

from benchmarks.bench import machine, machine_busy_seconds
from benchmarks.compute import corpus, use_a_ray_of_our_own
from pipeline.stages import code_version, send_to_workers


class LosesANode(Executor):
    """Ray tasks (pipeline.ray_executor.RayExecutor) that, when the chunk number `after` is sent,
    wait for the first chunk's result and then kill a worker node of `cluster` (ray.cluster_utils.Cluster)
    without warning: the other chunks are in flight on both nodes."""

    def __init__(self, cluster: Any, after: int) -> None:
        from pipeline.ray_executor import RayExecutor

        self._executor = RayExecutor()
        self._cluster, self._after = cluster, after
        self._futures: list[Future[Any]] = []
        self.unfinished_at_the_kill = 0

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        if len(self._futures) == self._after:
            self._futures[0].result()
            self.unfinished_at_the_kill = sum(not future.done() for future in self._futures)
            self._cluster.remove_node(next(iter(self._cluster.worker_nodes)), allow_graceful=False)
        self._futures.append(self._executor.submit(fn, *args, **kwargs))
        return self._futures[-1]


def analysed(executor: Executor, texts: pd.DataFrame, version: str) -> tuple[float, dict[str, pd.DataFrame]]:
    started = time.perf_counter()
    frames = send_to_workers(executor, 2, texts, 0, version=version).result()
    return time.perf_counter() - started, frames


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.node_loss", description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=400, help="documents in the generated corpus")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    use_a_ray_of_our_own()
    import ray
    from ray.cluster_utils import Cluster

    from pipeline.ray_executor import RayExecutor

    with tempfile.TemporaryDirectory(prefix="bench-node-loss-") as root:
        texts = corpus(Path(root), args.docs, args.seed)
    version = code_version()
    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 0, "include_dashboard": False})
    try:
        for _ in range(2):
            cluster.add_node(num_cpus=1)
        ray.init(address=cluster.address, log_to_driver=False)
        analysed(RayExecutor(), texts.head(20), version)  # both workers started and warm
        whole_seconds, whole = analysed(RayExecutor(), texts, version)
        busy = machine_busy_seconds()
        losing = LosesANode(cluster, after=len(texts) // 50)
        lost_seconds, after_loss = analysed(losing, texts, version)
        others = machine_busy_seconds() - busy
    finally:
        ray.shutdown()
        cluster.shutdown()
    same = all(whole[name].equals(after_loss[name]) for name in whole)
    result = {"machine": machine(), "documents": len(texts), "whole_s": round(whole_seconds, 2),
              "with_a_node_lost_s": round(lost_seconds, 2), "chunks_unfinished_at_the_kill": losing.unfinished_at_the_kill,
              "rows": {name: len(frame) for name, frame in after_loss.items()}, "rows_identical": same,
              "machine_cpu_s_during_the_loss_run": round(others, 1),
              "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    print(result)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
