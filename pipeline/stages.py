"""The per-document stages and the loop that brings each up to date, incrementally and resumably.

A stage reads its inputs for a batch of documents from the working warehouse, transforms them
with the domain functions of pipeline.tables, and writes the batch's rows together with the
record that those documents are done, in one transaction. Only documents that are new, changed
(a new text is a new doc_id) or were made by a different code version are processed; rows of
documents that left the raw folder are deleted. A killed run loses at most the batch in flight.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from pipeline import parallel, tables, timing, warehouse
from pipeline.ingest import KnownFile, plan_ingest
from pipeline.storage import Warehouse
from pipeline.timing import timed

BATCH_DOCUMENTS = 200
INGEST_BATCH_DOCUMENTS = 1000


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the library's code, SQL and data files: when any changes, every stage is redone."""
    root = Path(str(resources.files("pipeline")))
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".py", ".sql", ".tsv", ".txt"}):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class Stage:
    name: str  # also the table it writes
    upstream: tuple[str, ...]
    read: Callable[[duckdb.DuckDBPyConnection, list[str]], Any]
    transform: Callable[[Any], pd.DataFrame]
    # Cut a batch's inputs into chunks of whole documents, each transformed on its own (in a worker).
    split: Callable[[Any, int], list[Any]]


def _documents(texts: pd.DataFrame) -> pd.DataFrame:
    return tables.documents_frame(texts.to_dict("records"))


def _sentences(texts: pd.DataFrame) -> pd.DataFrame:
    return tables.sentences_frame(zip(texts["doc_id"], texts["text"]))


def _indicators(inputs: tuple[list[tuple[str, str, int | None, str | None]], pa.Table]) -> pd.DataFrame:
    documents, sentences = inputs
    return tables.indicators_frame(documents, sentences.to_pandas())


def _read_for_extraction(con: duckdb.DuckDBPyConnection,
                         doc_ids: list[str]) -> tuple[list[tuple[str, str, int | None, str | None]], pa.Table]:
    """The documents and their sentences with tokens (Arrow, cheap to send to a worker)."""
    return warehouse.documents_to_extract(con, doc_ids), warehouse.sentences_with_tokens(con, doc_ids)


def _split_rows(frame: pd.DataFrame, size: int) -> list[pd.DataFrame]:
    """Chunks of `size` rows (one row per document)."""
    return [frame.iloc[first : first + size] for first in range(0, len(frame), size)]


def _document_bounds(doc_ids: pd.Series, size: int) -> list[tuple[int, int]]:
    """Row ranges of `size` documents each, in a frame sorted by doc_id."""
    values = doc_ids.to_numpy()
    starts = [0] + [i for i in range(1, len(values)) if values[i] != values[i - 1]]
    cuts = starts[::size] + [len(values)]
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


def _split_sentences(sentences: pd.DataFrame, size: int) -> list[pd.DataFrame]:
    return [sentences.iloc[a:b] for a, b in _document_bounds(sentences["doc_id"], size)]


def _split_extraction(inputs: tuple[list[tuple[str, str, int | None, str | None]], pa.Table],
                      size: int) -> list[tuple[list, pa.Table]]:
    documents, sentences = inputs
    doc_ids = pd.Series(sentences.column("doc_id").to_numpy(zero_copy_only=False))
    chunks = []
    for a, b in _document_bounds(doc_ids, size):
        part = sentences.take(pa.array(np.arange(a, b)))  # a copy: a slice would pickle the whole table
        ids = set(doc_ids.iloc[a:b])
        chunks.append(([d for d in documents if d[0] in ids], part))
    return chunks


STAGES = {
    "documents": Stage("documents", (), warehouse.document_texts, _documents, _split_rows),
    "sentences": Stage("sentences", (), warehouse.document_texts, _sentences, _split_rows),
    "tokens": Stage("tokens", ("sentences",), warehouse.sentences_of, tables.tokens_frame, _split_sentences),
    "indicators": Stage(
        "indicators", ("documents", "sentences", "tokens"),
        _read_for_extraction, _indicators, _split_extraction,
    ),
}


@dataclass(frozen=True)
class StageReport:
    stage: str
    processed: list[str]  # doc_ids processed in this run
    removed: int  # documents whose rows were dropped (gone from raw/ or made by older code)
    rows: int  # rows written in this run


def _timed_transform(job: tuple[str, Any]) -> tuple[pd.DataFrame, dict[str, float]]:
    """Run in a worker: one chunk through its stage's transform, with the seconds per part it took."""
    name, chunk = job
    timing.reset()
    frame = STAGES[name].transform(chunk)
    return frame, timing.snapshot()


def _combine(results: list[tuple[pd.DataFrame, dict[str, float]]]) -> pd.DataFrame:
    for _, times in results:
        timing.add_worker_times(times)
    frames = [frame for frame, _ in results]
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def bring_up_to_date(store: Warehouse, stage: Stage, batch_documents: int = BATCH_DOCUMENTS) -> StageReport:
    """Process every pending document of `stage`, one committed batch at a time.

    With enough pending documents the transform runs in worker processes (pipeline.parallel),
    and the next batch is read and sent out before the current one is written, so that reading
    and writing here overlap the work there. Batches are still committed one at a time, in order.
    """
    version = code_version()
    with timed("read"), store.connect() as con:
        removed = warehouse.drop_stale_documents(con, stage.name, version)
        pending = warehouse.pending_documents(con, stage.name, version, list(stage.upstream))
    use_pool = parallel.worth_a_pool(len(pending))

    def start(batch: list[str]) -> parallel.Pending:
        with timed(f"read {stage.name}"), store.connect() as con:
            inputs = stage.read(con, batch)
        chunks = stage.split(inputs, parallel.CHUNK_DOCUMENTS) if use_pool else []
        if not chunks:
            return parallel.Pending([stage.transform(inputs)], lambda frames: frames[0])
        with timed("send to workers"):
            return parallel.submit_chunks(_timed_transform, [(stage.name, c) for c in chunks], _combine, True)

    rows = 0
    batches = [pending[first : first + batch_documents] for first in range(0, len(pending), batch_documents)]
    in_flight: deque[tuple[list[str], parallel.Pending]] = deque()
    for batch in batches:
        in_flight.append((batch, start(batch)))
        if len(in_flight) > (1 if use_pool else 0):
            done, pending_frame = in_flight.popleft()
            rows += _write(store, stage, version, done, pending_frame)
    while in_flight:
        done, pending_frame = in_flight.popleft()
        rows += _write(store, stage, version, done, pending_frame)
    return StageReport(stage.name, pending, removed, rows)


def _write(store: Warehouse, stage: Stage, version: str, batch: list[str], pending: parallel.Pending) -> int:
    with timed("wait for workers"):
        frame = pending.result()
    with timed(f"load {stage.name}"), store.connect() as con:
        warehouse.write_stage_rows(con, stage.name, version, batch, frame)
    return len(frame)


@dataclass(frozen=True)
class IngestReport:
    landed: list[str]  # source paths that landed in this run
    rejected: list[tuple[str, str]]  # (source path, reason) rejected in this run
    forgotten: list[str]  # source paths gone from the raw folder
    unchanged: int


def ingest_folder_into(store: Warehouse, raw_dir: Path) -> IngestReport:
    """Bring document_texts and rejected_files in line with the files now in `raw_dir`."""
    with store.connect() as con:
        known = {
            row.source_path: KnownFile(
                size=None if pd.isna(row.size) else int(row.size),
                mtime_ns=None if pd.isna(row.mtime_ns) else int(row.mtime_ns),
                doc_id=None if pd.isna(row.doc_id) else row.doc_id,
            )
            for row in warehouse.known_files(con).itertuples(index=False)
        }
    with timed("decode"):
        plan = plan_ingest(raw_dir, known)
    if parallel.worth_a_pool(len(plan.landed)):
        parallel.warm_up()  # the workers get ready while the texts are written
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
