"""The per-document analysis and the loop that brings it up to date, incrementally and resumably.

Each document is analysed in one pass (pipeline.tables.analyse_documents) that fills the four
per-document tables: documents, sentences, tokens and indicators. A batch of documents is read
from the working warehouse, analysed (in worker processes when there are many), and its rows in
all four tables are written together with the record that those documents are done, in one
transaction (the pages step renders their audit pages again, after the publish). Only documents that
are new, changed (a new text is a new doc_id) or were analysed by a different code version are
processed; rows of documents that left the raw folder are deleted. A killed run loses at most
the batch in flight.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources
from importlib.metadata import version
from itertools import accumulate, pairwise
from pathlib import Path

import duckdb
import pandas as pd

from pipeline import pages, parallel, tables, timing, warehouse
from pipeline.ingest import KnownFile, plan_ingest
from pipeline.segment import configured_segmenter, segmenter_version
from pipeline.storage import Warehouse
from pipeline.timing import timed

BATCH_DOCUMENTS = 200
# The last batches halve down to this size: the last one is written while the workers have
# nothing left to do, so the smaller it is, the less of the run waits on that write.
LAST_BATCH_DOCUMENTS = 25
INGEST_BATCH_DOCUMENTS = 1000


# Libraries whose upgrade can change the rows: OpenCC (script conversion), cn2an (numerals).
OUTPUT_LIBRARIES = ("OpenCC", "cn2an")


@lru_cache(maxsize=1)
def _source_digest() -> str:
    root = Path(str(resources.files("pipeline")))
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".py", ".sql", ".tsv", ".txt"}):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def code_version() -> str:
    """A digest of the library's code, SQL and data files, the segmenter's name and version and the
    versions of the other libraries that shape the rows: when any changes, every document is redone."""
    libraries = [segmenter_version(configured_segmenter())] + [f"{name}=={version(name)}" for name in OUTPUT_LIBRARIES]
    return hashlib.sha256("|".join([_source_digest(), *libraries]).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class AnalysisReport:
    processed: list[str]  # doc_ids analysed in this run
    removed: int  # documents whose rows were dropped (gone from raw/ or analysed by older code)
    rows: dict[str, int]  # rows written in this run, per table
    rejected: list[tuple[str, str]]  # (source path, reason) of documents whose analysis failed or ran over budget


class OtherCode(RuntimeError):
    """A worker runs another version of the code than the run that sent it documents."""


def analyse_chunk(texts: pd.DataFrame, budget_seconds: float | None = None, version: str | None = None
                  ) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    """Run in a worker: one chunk of documents through the analysis, each within its time budget
    (enforced here, in the worker), with the seconds per part it took. A worker whose code version
    is not the run's `version` refuses: on a cluster, a node with another install of the package (or
    another REPORTS_SEGMENTER) would otherwise write rows that the run records as made by its own code."""
    if version is not None and (here := code_version()) != version:
        raise OtherCode(f"this worker runs code version {here}, the run {version}: install the same package "
                        "and set the same REPORTS_SEGMENTER on every node")
    timing.reset()
    frames = tables.analyse_documents(texts, budget_seconds)
    return frames, timing.snapshot()


def combine_chunks(results: list[tuple[dict[str, pd.DataFrame], dict[str, float]]]) -> dict[str, pd.DataFrame]:
    for _, times in results:
        timing.add_worker_times(times)
    if len(results) == 1:
        return results[0][0]
    return {table: pd.concat([frames[table] for frames, _ in results], ignore_index=True)
            for table in (*warehouse.DOCUMENT_STAGES, tables.REJECTED)}


def send_to_workers(executor: Executor, workers: int, texts: pd.DataFrame, later: int,
                    budget_seconds: float | None = None, version: str | None = None
                    ) -> parallel.Pending[dict[str, pd.DataFrame]]:
    """The analysis of `texts` in the pool, in chunks sized for `later` documents that will follow
    them (parallel.chunk_sizes), by workers that run code `version` (analyse_chunk)."""
    ends = list(accumulate(parallel.chunk_sizes(len(texts), later, workers)))
    chunks = [texts.iloc[first:end] for first, end in pairwise([0, *ends])]
    what = [f"documents {', '.join(chunk['source_path'].head(3))}" + (" …" if len(chunk) > 3 else "")
            for chunk in chunks]
    return parallel.submit_chunks(executor, partial(analyse_chunk, budget_seconds=budget_seconds, version=version),
                                  chunks, combine_chunks, what)


def bring_up_to_date(store: Warehouse, pool: Callable[[], Executor] | None = None, workers: int = 1,
                     batch_documents: int = BATCH_DOCUMENTS, budget_seconds: float | None = None) -> AnalysisReport:
    """Analyse every pending document, one committed batch at a time.

    With enough pending documents (parallel.worth_a_pool) the analysis runs on `workers` worker
    processes of the executor that `pool` returns (it is asked only then), in chunks of whole
    documents, and the next batch is read and sent out before the current one is written, so that
    reading and writing here overlap the work there. Batches are still committed one at a time,
    in order. A failed worker fails the analysis (parallel.WorkerFailed); the batches committed
    before it stand. A document whose analysis takes longer than `budget_seconds` (pipeline.budget),
    or raises, leaves document_texts for rejected_files with the reason, in its batch's transaction.
    """
    version = code_version()
    with timed("read"), store.connect() as con:
        removed = warehouse.drop_stale_documents(con, version, store.rows)
        pending = warehouse.pending_documents(con, version)
    executor = pool() if pool is not None and parallel.worth_a_pool(len(pending), workers) else None

    def start(batch: list[str], later: int) -> parallel.Pending[dict[str, pd.DataFrame]]:
        with timed("read"), store.connect() as con:
            texts = warehouse.document_texts(con, batch)
        if executor is None:
            return parallel.Pending([tables.analyse_documents(texts, budget_seconds)], lambda results: results[0])
        with timed("send to workers"):
            return send_to_workers(executor, workers, texts, later, budget_seconds, version)

    rows = dict.fromkeys(warehouse.DOCUMENT_STAGES, 0)
    rejected: list[tuple[str, str]] = []
    in_flight: deque[tuple[list[str], parallel.Pending[dict[str, pd.DataFrame]]]] = deque()
    ends = list(accumulate(batch_sizes(len(pending), batch_documents)))
    batches = [pending[first:end] for first, end in pairwise([0, *ends])]

    def write_oldest() -> None:
        batch, analysis = in_flight.popleft()
        with timed("wait for workers"):
            done = analysis.result()
        failed = done.pop(tables.REJECTED)
        with timed("load"), store.connect() as con, warehouse.one_thread(con) if executor is not None else nullcontext():
            warehouse.write_document_rows(con, version, batch, done, failed, store.rows)
        for table, frame in done.items():
            rows[table] += len(frame)
        rejected.extend(zip(failed["source_path"], failed["reason"], strict=True))

    for batch, end in zip(batches, ends, strict=True):
        in_flight.append((batch, start(batch, later=len(pending) - end)))
        if len(in_flight) > (0 if executor is None else 1):
            write_oldest()
    while in_flight:
        write_oldest()
    return AnalysisReport(pending, removed, rows, rejected)


def batch_sizes(documents: int, batch_documents: int) -> list[int]:
    """Sizes of the committed batches: full ones, then each half of what remains, down to
    LAST_BATCH_DOCUMENTS (each batch is written while the workers analyse the next)."""
    sizes = []
    while documents > 0:
        size = min(documents, batch_documents, max(LAST_BATCH_DOCUMENTS, -(-documents // 2)))
        sizes.append(size)
        documents -= size
    return sizes


def published_is_current(store: Warehouse) -> bool:
    """True when the published warehouse was made from exactly what the working copy holds now, and
    its pages were made from that publish, in this storage mode: then nothing after the analysis needs
    rebuilding, drawing or publishing. (Pages that failed after the database was published are made
    by the next run.)"""
    if not store.published.exists() or not store.published_in_this_mode():
        return False
    with store.connect() as con:
        published = warehouse.published_fingerprint(con)
        return (published == warehouse.content_fingerprint(con, code_version())
                and published == pages.published_from(store))


def publish(store: Warehouse) -> None:
    """Publish the working copy, then record what it was made from. A run killed in between only
    makes the next run rebuild and publish again."""
    with store.session(), store.connect() as con:
        fingerprint = warehouse.content_fingerprint(con, code_version())
        store.publish()
        warehouse.record_published(con, fingerprint)


@dataclass(frozen=True)
class IngestReport:
    landed: list[str]  # source paths that landed in this run
    rejected: list[tuple[str, str]]  # (source path, reason) rejected in this run
    forgotten: list[str]  # source paths gone from the raw folder
    unchanged: int


def known_files(con: duckdb.DuckDBPyConnection) -> dict[str, KnownFile]:
    """What the warehouse recorded about each file it has seen, by source path."""
    return {
        row.source_path: KnownFile(
            size=None if pd.isna(row.size) else int(row.size),
            mtime_ns=None if pd.isna(row.mtime_ns) else int(row.mtime_ns),
            doc_id=None if pd.isna(row.doc_id) else row.doc_id,
        )
        for row in warehouse.known_files(con).itertuples(index=False)
    }


def ingest_folder_into(store: Warehouse, raw_dir: Path) -> IngestReport:
    """Bring document_texts and rejected_files in line with the files now in `raw_dir`."""
    with store.connect() as con:
        known = known_files(con)
    with timed("decode"):
        plan = plan_ingest(raw_dir, known)
    # Texts are written a batch at a time, so that only one batch exists twice (as a frame and in
    # DuckDB's buffers) next to the decoded texts; each batch is one transaction, the first one also
    # forgets the vanished files and records the rejected ones.
    first = True
    for start in range(0, max(len(plan.landed), 1), INGEST_BATCH_DOCUMENTS):
        batch = plan.landed[start : start + INGEST_BATCH_DOCUMENTS]
        with timed("load"), store.connect() as con:
            warehouse.apply_ingest(con, plan.forgotten if first else [], tables.document_texts_frame(batch),
                                   tables.rejected_files_frame(plan.rejected if first else []))
        first = False
    return IngestReport(
        landed=[d.source_path for d in plan.landed],
        rejected=[(r.source_path, r.reason) for r in plan.rejected],
        forgotten=plan.forgotten,
        unchanged=plan.unchanged,
    )
