"""The per-document stages and the loop that brings each up to date, incrementally and resumably.

A stage reads its inputs for a batch of documents from the working warehouse, transforms them
with the domain functions of pipeline.tables, and writes the batch's rows together with the
record that those documents are done, in one transaction. Only documents that are new, changed
(a new text is a new doc_id) or were made by a different code version are processed; rows of
documents that left the raw folder are deleted. A killed run loses at most the batch in flight.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from pipeline import tables, warehouse
from pipeline.ingest import KnownFile, plan_ingest
from pipeline.storage import Warehouse

BATCH_DOCUMENTS = 200


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


def _documents(texts: pd.DataFrame) -> pd.DataFrame:
    return tables.documents_frame(texts.to_dict("records"))


def _sentences(texts: pd.DataFrame) -> pd.DataFrame:
    return tables.sentences_frame(zip(texts["doc_id"], texts["text"]))


def _indicators(inputs: tuple[list[tuple[str, str, int | None, str | None]], pd.DataFrame]) -> pd.DataFrame:
    return tables.indicators_frame(*inputs)


STAGES = {
    "documents": Stage("documents", (), warehouse.document_texts, _documents),
    "sentences": Stage("sentences", (), warehouse.document_texts, _sentences),
    "tokens": Stage("tokens", ("sentences",), warehouse.sentences_of, tables.tokens_frame),
    "indicators": Stage(
        "indicators", ("documents", "sentences", "tokens"),
        lambda con, ids: (warehouse.documents_to_extract(con, ids), warehouse.sentences_with_tokens(con, ids)),
        _indicators,
    ),
}


@dataclass(frozen=True)
class StageReport:
    stage: str
    processed: list[str]  # doc_ids processed in this run
    removed: int  # documents whose rows were dropped (gone from raw/ or made by older code)
    rows: int  # rows written in this run


def bring_up_to_date(store: Warehouse, stage: Stage, batch_documents: int = BATCH_DOCUMENTS) -> StageReport:
    """Process every pending document of `stage`, one committed batch at a time."""
    version = code_version()
    with store.connect() as con:
        removed = warehouse.drop_stale_documents(con, stage.name, version)
        pending = warehouse.pending_documents(con, stage.name, version, list(stage.upstream))
    rows = 0
    for first in range(0, len(pending), batch_documents):
        batch = pending[first : first + batch_documents]
        with store.connect() as con:
            inputs = stage.read(con, batch)
        frame = stage.transform(inputs)
        with store.connect() as con:
            warehouse.write_stage_rows(con, stage.name, version, batch, frame)
        rows += len(frame)
    return StageReport(stage.name, pending, removed, rows)


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
    plan = plan_ingest(raw_dir, known)
    with store.connect() as con:
        warehouse.apply_ingest(con, plan.forgotten, tables.document_texts_frame(plan.landed),
                               tables.rejected_files_frame(plan.rejected))
    return IngestReport(
        landed=[d.source_path for d in plan.landed],
        rejected=[(r.source_path, r.reason) for r in plan.rejected],
        forgotten=plan.forgotten,
        unchanged=plan.unchanged,
    )
