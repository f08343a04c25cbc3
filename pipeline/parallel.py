"""Run the per-document analysis in worker processes: chunking and a standard process pool.

Segmentation and extraction are CPU bound, so threads do not help; worker processes do. The
pool is a plain concurrent.futures.ProcessPoolExecutor (new_pool), created and shut down by
whoever owns the run (the Dagster resource assets.resources.AnalysisWorkers). Work goes out in
chunks of whole documents and comes back in submission order: the rows are exactly those of the
in-process analysis, in the same order. A chunk whose worker fails fails the whole analysis, with
the documents named; it is never quietly redone here.

Small jobs (an added file, a handful of changes) stay in process: starting workers would cost
more than it saves. REPORTS_WORKERS sets the number of workers (1 = never use a pool); the
default is one per core, at most four. REPORTS_COMPUTE says where the workers are: `local`, this
pool, or `ray`, tasks on a Ray cluster (pipeline.ray_executor) behind the same Executor interface.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import select
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import Any, Generic, Literal, TypeVar, get_args

WORKERS_VARIABLE = "REPORTS_WORKERS"
COMPUTE_VARIABLE = "REPORTS_COMPUTE"
Compute = Literal["local", "ray"]
COMPUTE_MODES: tuple[Compute, ...] = get_args(Compute)
# Below this many documents the analysis runs in process.
MIN_PARALLEL_DOCUMENTS = 40
# Documents per chunk sent to a worker: small enough to balance the workers, big enough that
# pickling and the round trip stay a small part of the work. Chunks shrink towards the end of the
# work (chunk_sizes), down to MIN_CHUNK_DOCUMENTS.
CHUNK_DOCUMENTS = 25
MIN_CHUNK_DOCUMENTS = 2
# Imported once by the fork server, so that each worker starts with the library loaded: also cn2an
# and rjieba, which the library imports on first use (0.07 and 0.09 CPU s in each worker otherwise).
_PRELOAD = ["pipeline.tables", "cn2an", "rjieba"]

T = TypeVar("T")
log = logging.getLogger(__name__)


class WorkerFailed(RuntimeError):
    """A worker process died or raised while analysing a chunk."""


def configured_workers() -> int:
    """$REPORTS_WORKERS, else one per core, at most four."""
    configured = os.environ.get(WORKERS_VARIABLE)
    if configured:
        return max(1, int(configured))
    return max(1, min(len(os.sched_getaffinity(0)), 4))


def configured_compute() -> Compute:
    """$REPORTS_COMPUTE (local or ray), else local; any other value is refused before the run starts."""
    configured = os.environ.get(COMPUTE_VARIABLE) or "local"
    for compute in COMPUTE_MODES:
        if configured == compute:
            return compute
    raise ValueError(f"{COMPUTE_VARIABLE}={configured!r}: expected one of {', '.join(COMPUTE_MODES)}")


def worth_a_pool(documents: int, workers: int) -> bool:
    """Enough documents to pay for starting `workers` worker processes."""
    return workers > 1 and documents >= MIN_PARALLEL_DOCUMENTS


def chunk_sizes(documents: int, later: int, workers: int) -> list[int]:
    """Sizes of the chunks that `documents` go out in when `later` documents will follow them.

    Each chunk takes at most a 1/(2 · workers) share of what remains (guided scheduling): full
    chunks while there is much to do, smaller ones towards the end, so that the workers finish
    together instead of one idling while the other works through a last full chunk.
    """
    sizes = []
    while documents > 0:
        share = -(-(documents + later) // (2 * workers))
        size = min(documents, CHUNK_DOCUMENTS, max(MIN_CHUNK_DOCUMENTS, share))
        sizes.append(size)
        documents -= size
    return sizes


def new_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers fork from a server that has imported the library, and end with
    the process that made the pool even when it is killed (SIGKILL leaves no worker behind)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_exit_with_parent,
                               initargs=(os.getpid(),))


def _exit_with_parent(parent: int) -> None:
    """Run in each worker as it starts: a thread that ends the worker when `parent` ends (a worker
    waits on a queue whose write end it holds itself, so it would otherwise outlive a killed run)."""
    handle = os.pidfd_open(parent)

    def wait_then_exit() -> None:
        select.select([handle], [], [])
        os._exit(0)

    threading.Thread(target=wait_then_exit, name="exit-with-parent", daemon=True).start()


class Pending(Generic[T]):
    """Results of chunks submitted to a pool (or computed in process), gathered in order."""

    def __init__(self, parts: Sequence[Any], combine: Callable[[list[Any]], T], what: Sequence[str] = ()) -> None:
        self._parts = parts
        self._combine = combine
        self._what = what  # what each part is, for the error when its worker fails

    def result(self) -> T:
        results = []
        for index, part in enumerate(self._parts):
            if not isinstance(part, Future):
                results.append(part)
                continue
            try:
                results.append(part.result())
            except Exception as error:
                what = self._what[index] if index < len(self._what) else f"chunk {index}"
                log.error("worker process failed on %s: %r", what, error)
                for other in self._parts:
                    if isinstance(other, Future):
                        other.cancel()
                raise WorkerFailed(f"a worker process failed on {what}: {error!r}") from error
        return self._combine(results)


def submit_chunks(executor: Executor, fn: Callable[[Any], Any], chunks: Sequence[Any],
                  combine: Callable[[list[Any]], T], what: Sequence[str] = ()) -> Pending[T]:
    """fn over every chunk in the pool; combine the results in submission order."""
    return Pending([executor.submit(fn, chunk) for chunk in chunks], combine, what)
