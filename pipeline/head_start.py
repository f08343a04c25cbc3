"""Analyse the first new reports while Dagster starts.

Before its first step a run spends a second or more importing Dagster and building its instance,
and ingest then reads every file before the analysis can begin; the worker processes, ready a
second after they are started, would have nothing to do until then. So `python -m pipeline run`
calls `begin` before Dagster starts: it starts the workers and, in a thread, reads the first new
files of the raw folder and sends them to the workers. The analysis step `take`s the results and
keeps those of the documents that ingest then recorded with the same text, path, file digest and
encoding (the analysis depends on nothing else); everything else is analysed as usual. A run
started another way (the UI, the daemon) finds no head start and loses nothing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline import parallel, stages, tables
from pipeline.ingest import SourceDocument, read_report, scan_folder
from pipeline.storage import Warehouse


@dataclass(frozen=True)
class HeadStart:
    """Documents sent to the workers before the run's steps began, and their analysis."""

    sources: dict[str, tuple[str, str, str]]  # doc_id: (source_path, sha256, encoding) as read then
    analysis: parallel.Pending  # resolves to the stages.Analysis of all of them

    def cancel(self) -> None:
        """Drop the work not yet begun: nobody will take it."""
        self.analysis.cancel()


_started: threading.Thread | None = None
_head_start: HeadStart | None = None


def begin(raw_dir: Path, store: Warehouse, documents: int = stages.BATCH_DOCUMENTS) -> bool:
    """Send up to `documents` new or changed files of `raw_dir` to the workers, from a thread, when
    there are enough of them to start the workers for (parallel.worth_a_pool). False when there is
    nothing to start: too few new files, one worker, no raw folder, or a warehouse that another run
    holds or that cannot be read (the run's own steps then wait or say why)."""
    global _started
    _drop()
    if parallel.workers() < 2:
        return False
    try:
        with store.peek() as con:
            if con is None and (store.working.exists() or store.published.exists()):
                return False  # another run holds the warehouse: what is new is not known
            known = stages.known_files(con) if con is not None else {}
        changed = scan_folder(raw_dir, known).changed
    except (OSError, duckdb.Error):  # no raw folder, an unreadable warehouse: the run's steps will say
        return False
    if not parallel.worth_a_pool(len(changed)):
        return False
    parallel.warm_up()
    _started = threading.Thread(target=_send, args=(raw_dir, changed[:documents], len(changed)),
                                name="head-start", daemon=True)
    _started.start()
    return True


def _send(raw_dir: Path, paths: list[Path], new_files: int) -> None:
    global _head_start
    sources: dict[str, SourceDocument] = {}
    for path in paths:
        read = read_report(path, raw_dir)
        if isinstance(read, SourceDocument):
            sources.setdefault(read.doc_id, read)  # the same text twice: ingest keeps the first too
    if not sources:
        return
    _head_start = HeadStart(
        sources={s.doc_id: (s.source_path, s.sha256, s.encoding) for s in sources.values()},
        analysis=stages.send_to_workers(tables.document_texts_frame(list(sources.values())),
                                        later=new_files - len(sources)),
    )


def take() -> HeadStart | None:
    """The head start of this process's run, once (None when there is none)."""
    global _started, _head_start
    if _started is not None:
        _started.join()
    taken, _started, _head_start = _head_start, None, None
    return taken


def _drop() -> None:
    """Cancel a head start that no step took (its run failed before the analysis)."""
    leftover = take()
    if leftover is not None:
        leftover.cancel()
