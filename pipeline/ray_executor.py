"""Run the per-document analysis on a Ray cluster: a concurrent.futures.Executor of Ray tasks.

bring_up_to_date sends chunks of documents to whatever Executor the run owns; this one makes each
call a Ray task, so the same code fans documents out over a process pool on one machine or over
the nodes of a cluster. Tasks, not actors: a task whose worker or node dies is run again on
another node (`RETRIES` times), which is safe here because the analysis is a pure function of its
chunk and every write happens in the driver, from the one result each future delivers. Ray keeps
a worker process for the tasks that follow, so each worker imports the library and loads the
dictionary once. Tasks run on their worker's main thread, where the per-document time budget's
interval timer (pipeline.budget) works as it does in a pool's worker.

Ray is an optional dependency (the `ray` extra): this module is imported only when the run's
compute is `ray`. Starting or joining Ray (ray.init) and leaving it belong to whoever owns the
run (assets.resources.AnalysisWorkers); ray_init_arguments says how.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any

import ray

ADDRESS_VARIABLE = "RAY_ADDRESS"
# Runs of a task whose worker process or node died, before the chunk's failure fails the analysis.
RETRIES = 3


def ray_init_arguments(workers: int) -> dict[str, Any]:
    """ray.init's arguments: the cluster $RAY_ADDRESS names, read by Ray itself (host:port, `auto`,
    ray://host:port), else a new local instance with `workers` CPUs; never a cluster that happens to
    run on this machine (ray.init() without an address would join the latest one started here)."""
    if os.environ.get(ADDRESS_VARIABLE):
        return {}
    return {"address": "local", "num_cpus": workers}


def _call(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    return fn(*args, **kwargs)


class RayExecutor(Executor):
    """Each submit is one Ray task on the cluster this process is connected to (ray.init first)."""

    def __init__(self, retries: int = RETRIES) -> None:
        self._task = ray.remote(max_retries=retries)(_call)
        # Tasks not finished yet, for shutdown to cancel; a finished one leaves, so that its result is
        # not kept in the cluster's object store for the rest of the run.
        self._unfinished: set[ray.ObjectRef[Any]] = set()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """A task for fn(*args, **kwargs); cancelling its future (as parallel.Pending does when another
        chunk fails) cancels the task, which would otherwise go on taking a CPU of the cluster."""
        reference = self._task.remote(fn, args, kwargs)
        self._unfinished.add(reference)

        def finished(future: Future[Any]) -> None:
            self._unfinished.discard(reference)
            if future.cancelled():
                ray.cancel(reference, force=True)

        future = reference.future()
        future.add_done_callback(finished)
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Cancel the unfinished tasks when asked (a failed run); the owner disconnects from Ray itself."""
        if cancel_futures:
            for reference in list(self._unfinished):
                ray.cancel(reference, force=True)
        self._unfinished.clear()
