"""A time budget per document, enforced in the process that analyses it.

    with deadline(30):
        ...  # raises OverBudget once 30 s of wall time have passed

The budget is an interval timer (SIGALRM) armed for one document at a time, in whichever process
does the work: a worker of the run's pool or, for a small job, the run's own process. Python
checks for the signal between operations, the regular-expression engine included, so a rule that
runs away on one document is stopped there and that document is rejected with the reason; a C
call that never returns to Python would not be (none of the analysis' calls grows faster than
its input). Signals reach only a process's main thread, which is where both kinds of process run
the analysis; anywhere else deadline() refuses to start rather than run without a budget.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

BUDGET_VARIABLE = "REPORTS_ANALYSIS_SECONDS"
DEFAULT_SECONDS = 30.0


class OverBudget(BaseException):
    """The analysis of one document took longer than its budget. An interrupt, like
    KeyboardInterrupt, so that no library's `except Exception` swallows it and runs on."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"analysis exceeded {seconds:g} s")


def configured_budget() -> float:
    """$REPORTS_ANALYSIS_SECONDS, else 30 s (0 = no budget)."""
    configured = os.environ.get(BUDGET_VARIABLE)
    return max(0.0, float(configured)) if configured else DEFAULT_SECONDS


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise OverBudget in the body once `seconds` have passed (None or 0: no limit)."""
    if not seconds:
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("a per-document time budget can only be enforced on a process's main thread")

    fired = False
    running = True

    def expired(signum: int, frame: FrameType | None) -> None:
        nonlocal fired
        fired = True
        if running:
            raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    try:
        # The timer repeats: a signal that comes while Python runs a callback that swallows
        # exceptions (a gc callback, a weakref's, a __del__) is followed by another in the body.
        signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT_SECONDS)
        try:
            yield
        finally:
            running = False  # from here on a signal is only recorded
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if fired:
        # the body ended between a swallowed signal and the next: it is still over the budget
        raise OverBudget(seconds)


_REPEAT_SECONDS = 0.05
