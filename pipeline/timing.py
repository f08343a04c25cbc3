"""Wall time spent in each part of the pipeline, accumulated in this process, without Dagster.

    with timed("segment"):
        ...

Timers nest exclusively: time spent in an inner timer counts for its stage, not the outer one,
so the stages add up to the instrumented total. The benchmark reads `snapshot()`; nothing else
depends on it. Work done in worker processes is counted as the wall time the parent waits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from time import perf_counter

_totals: defaultdict[str, float] = defaultdict(float)
_stack: list[list[float]] = []  # per open timer: [time spent in inner timers]


@contextmanager
def timed(stage: str) -> Iterator[None]:
    start = perf_counter()
    _stack.append([0.0])
    try:
        yield
    finally:
        inner = _stack.pop()[0]
        elapsed = perf_counter() - start
        _totals[stage] += elapsed - inner
        if _stack:
            _stack[-1][0] += elapsed


def snapshot() -> dict[str, float]:
    """Seconds per stage since the last reset."""
    return dict(_totals)


def reset() -> None:
    _totals.clear()
    _worker_totals.clear()


_worker_totals: defaultdict[str, float] = defaultdict(float)


def add_worker_times(times: dict[str, float]) -> None:
    """Add the seconds a worker process spent per stage (CPU-bound, so about its CPU time)."""
    for stage, seconds in times.items():
        _worker_totals[stage] += seconds


def worker_snapshot() -> dict[str, float]:
    """Seconds per stage spent in worker processes since the last reset (they overlap the wall time)."""
    return dict(_worker_totals)
