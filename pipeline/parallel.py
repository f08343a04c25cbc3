"""Run a per-document transform on both cores: a small process pool, started once per process.

Segmentation and extraction are pure Python and CPU bound, so threads do not help; worker
processes do. The pool is created on first use and kept for the life of the process (a second
run in the same process pays no start-up). Workers come from a fork server that has already
imported the library and loaded the route table (jieba's dictionary with the domain words), so
a new worker is ready at once. Work goes out in chunks of whole documents and comes back in
submission order: the rows are exactly those of the in-process transform, in the same order.

Small jobs (an added file, a handful of changes) stay in process, unless the pool is already
running: starting it would cost more than it saves. REPORTS_WORKERS sets the number of workers
(1 = never use a pool); the default is one per core, at most four.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import select
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

WORKERS_VARIABLE = "REPORTS_WORKERS"
# Below this many documents a stage runs in process.
MIN_PARALLEL_DOCUMENTS = 40
# Documents per chunk sent to a worker: small enough to balance two workers, big enough that
# pickling and the round trip stay a small part of the work. Chunks shrink towards the end of the
# work (chunk_sizes), down to MIN_CHUNK_DOCUMENTS.
CHUNK_DOCUMENTS = 25
MIN_CHUNK_DOCUMENTS = 2
# Modules the fork server imports before forking workers.
_PRELOAD = ["pipeline.tables"]

T = TypeVar("T")

_pool: ProcessPoolExecutor | None = None
_pool_pid: int | None = None
# Guards creating the pool and submitting to it: the warm-up thread does both while the run goes on.
_pool_lock = threading.RLock()


def workers() -> int:
    configured = os.environ.get(WORKERS_VARIABLE)
    if configured:
        return max(1, int(configured))
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


def chunk_sizes(documents: int, later: int) -> list[int]:
    """Sizes of the chunks that `documents` go out in when `later` documents will follow them.

    Each chunk takes at most a 1/(2 · workers) share of what remains (guided scheduling): full
    chunks while there is much to do, smaller ones towards the end, so that the workers finish
    together instead of one idling while the other works through a last full chunk.
    """
    sizes = []
    while documents > 0:
        share = -(-(documents + later) // (2 * workers()))
        size = min(documents, CHUNK_DOCUMENTS, max(MIN_CHUNK_DOCUMENTS, share))
        sizes.append(size)
        documents -= size
    return sizes


def pool_is_running() -> bool:
    return _pool is not None and _pool_pid == os.getpid()


def worth_a_pool(documents: int) -> bool:
    """Enough documents to pay for starting the workers, or workers already running (then even one
    document goes to them: it saves loading jieba's dictionary here)."""
    return workers() > 1 and documents > 0 and (documents >= MIN_PARALLEL_DOCUMENTS or pool_is_running())


@contextmanager
def _workers_skip_main_module() -> Iterator[None]:
    """Start workers without re-importing the parent's __main__ (multiprocessing would run a script's
    top-level code again in every worker, and a script calling the pipeline would recurse). Workers
    need only importable library functions. Worker processes start inside submit(), so submits go here."""
    main = sys.modules.get("__main__")
    saved = {name: getattr(main, name) for name in ("__file__", "__spec__") if hasattr(main, name)}
    try:
        if "__spec__" in saved:
            main.__spec__ = None
        if "__file__" in saved:
            del main.__file__
        yield
    finally:
        for name, value in saved.items():
            setattr(main, name, value)


def _initializer(run_pid: int) -> None:
    threading.Thread(target=_exit_with, args=(run_pid,), name="exit-with-run", daemon=True).start()


def _exit_with(run_pid: int) -> None:
    """Run in each worker: end it when the process that started the pool ends. A worker waits on a
    queue whose write end it holds itself, so a run killed with SIGKILL (or out of memory) would
    otherwise leave its workers and their fork server behind for good."""
    try:
        handle = os.pidfd_open(run_pid)
    except (AttributeError, OSError):  # pragma: no cover - not Linux, or the run is already gone
        handle = None
    if handle is not None:
        select.select([handle], [], [])
    else:  # pragma: no cover
        while _is_alive(run_pid):
            time.sleep(1.0)
    os._exit(0)


def _is_alive(pid: int) -> bool:  # pragma: no cover - used where pidfd_open is not available
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def pool() -> ProcessPoolExecutor:
    """The process's pool, started on first use (and again in a forked child)."""
    global _pool, _pool_pid
    with _pool_lock:
        if _pool is None or _pool_pid != os.getpid():
            methods = multiprocessing.get_all_start_methods()
            if "forkserver" in methods:
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(_PRELOAD)
            else:  # pragma: no cover - platforms without fork
                context = multiprocessing.get_context("spawn")
            executor = ProcessPoolExecutor(max_workers=workers(), mp_context=context, initializer=_initializer,
                                           initargs=(os.getpid(),))
            try:
                with _workers_skip_main_module():
                    for _ in range(workers()):
                        executor.submit(int)  # each submit forks a worker now, not when work comes
            except BaseException:
                executor.shutdown(wait=False, cancel_futures=True)
                raise
            # Published only now: until its workers exist, pool_is_running() says no.
            _pool, _pool_pid = executor, os.getpid()
        return _pool


def warm_up() -> None:
    """Start the workers in a background thread: the fork server takes about a second to import
    the library and load the route table, and the run goes on meanwhile (ingest reads and writes
    its texts). Whoever needs the pool first waits for the lock, so there is only ever one pool."""
    if workers() > 1 and not pool_is_running():
        threading.Thread(target=pool, name="start-workers", daemon=True).start()


def _new_lock_in_child() -> None:
    global _pool_lock
    _pool_lock = threading.RLock()  # a fork may happen while the warm-up thread holds the lock


os.register_at_fork(after_in_child=_new_lock_in_child)


@atexit.register
def shutdown() -> None:
    global _pool
    if _pool is not None and _pool_pid == os.getpid():
        _pool.shutdown(wait=True, cancel_futures=True)
    _pool = None


class Pending:
    """Results of chunks submitted to the pool (or computed in process), gathered in order."""

    def __init__(self, parts: Sequence[Any], combine: Callable[[list[Any]], T],
                 jobs: Sequence[tuple[Callable[[Any], Any], Any]] = ()) -> None:
        self._parts = parts
        self._combine = combine
        self._jobs = jobs  # (fn, chunk) behind each future, to redo here if the pool broke

    def then(self, fn: Callable[[T], Any]) -> Pending:
        """The same work, its combined result passed through `fn`."""
        return Pending(self._parts, lambda results: fn(self._combine(results)), self._jobs)

    def cancel(self) -> None:
        """Cancel the chunks that no worker has begun."""
        for part in self._parts:
            if isinstance(part, Future):
                part.cancel()

    def result(self) -> T:
        results = []
        for index, part in enumerate(self._parts):
            if not isinstance(part, Future):
                results.append(part)
                continue
            try:
                results.append(part.result())
            except BrokenProcessPool:  # a worker died (killed, out of memory): finish the work here
                _forget_pool()
                fn, chunk = self._jobs[index]
                results.append(fn(chunk))
        return self._combine(results)


def _forget_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
    _pool = None


def submit_chunks(fn: Callable[[Any], Any], chunks: Sequence[Any], combine: Callable[[list[Any]], T],
                  parallel: bool) -> Pending:
    """fn over every chunk, in worker processes when `parallel`, else here and now; combine the results in order.

    While warm_up's thread is still starting the pool, this waits for it. Analysing chunks here in
    the meantime was tried and dropped: this process then pays its own start (the route table,
    the extraction rules' regexes) for a few documents, and the runs took longer (benchmarks/README.md)."""
    if parallel and len(chunks) > 0:
        try:
            with _pool_lock:
                executor = pool()
                with _workers_skip_main_module():
                    futures = [executor.submit(fn, chunk) for chunk in chunks]
            return Pending(futures, combine, [(fn, c) for c in chunks])
        except BrokenProcessPool:
            _forget_pool()
    return Pending([fn(chunk) for chunk in chunks], combine)
