"""Resident memory and CPU time of a process and all its descendants, read from /proc (Linux).

Worker processes come from a fork server, so they are the run's grandchildren: getrusage does not
see them, /proc does.
"""

from __future__ import annotations

import os


def process_table() -> dict[int, tuple[int, int, int]]:
    """pid -> (parent pid, resident bytes, CPU ticks in user and system mode) of every process now."""
    page = os.sysconf("SC_PAGE_SIZE")
    table: dict[int, tuple[int, int, int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while the table was read
            continue
        table[int(entry)] = (int(fields[1]), int(fields[21]) * page, int(fields[11]) + int(fields[12]))
    return table


def tree_of(table: dict[int, tuple[int, int, int]], root: int) -> set[int]:
    """`root` and every process descended from it."""
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, _, _) in table.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return tree


def tree_cpu_seconds(root: int) -> float:
    """CPU seconds used so far by `root` and its living descendants."""
    table = process_table()
    return sum(table[pid][2] for pid in tree_of(table, root)) / os.sysconf("SC_CLK_TCK")


def busy_share(cpu: float, elapsed: float) -> float:
    """CPU seconds of a process tree over what the usable cores could give in `elapsed`: 1.0 when
    every core works throughout. It depends on the code, not on how fast the machine runs today."""
    return cpu / (len(os.sched_getaffinity(0)) * elapsed) if elapsed > 0 else 0.0
