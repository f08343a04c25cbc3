"""The per-document tables as Delta Lake tables: partitioned Parquet with atomic commits.

One DuckDB file allows one writer; a Delta table takes commits from any number of processes, on a
local folder or on S3-compatible storage (delta-rs commits with a put-if-absent of the next log
entry, so two writers never both win one version), and a reader that pins a version sees exactly
the files of that commit. Each table is `<lake>/<table>/`, partitioned by the year the report
covers and its province (lake_year, lake_province: about 10 x 34 partitions, never one per
document, so that a partition holds many documents' rows in few files).

A batch of documents is written one commit per table: in the partitions the documents were in
and are going to, their old rows are removed and their new rows added (replaceWhere), so a
document written twice is never doubled. `documents` is the ledger of where a document's rows
are: it is committed first when rows come and last when they go, so a write cut off between two
tables' commits is found and finished by the next attempt. A document's partition follows from
its text and the code version, and a new code version deletes every document's rows before
writing them again (pipeline.warehouse.drop_stale_documents), so the ledger never has to remember
two partitions of one document.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

import pyarrow as pa
import pyarrow.compute as pc
from deltalake import DeltaTable, write_deltalake
from deltalake.exceptions import CommitFailedError, DeltaError, TableNotFoundError

from pipeline.lake_views import PARTITION_COLUMNS

LEDGER = "documents"
# A commit that loses a race to another writer (both removed the same file) is tried again from the
# new table version, with a growing random pause, this many times.
COMMIT_ATTEMPTS = 30
# Files no longer in the table are deleted by vacuum() only this long after they left it: a reader
# holding a catalog published before then still finds every file it pins (README, lake mode).
RETENTION_HOURS = 168
# Compaction merges a partition's small files up to this size (delta-rs' default is 100 MiB).
TARGET_FILE_BYTES = 128 * 2**20

Partition = tuple[int, str]
T = TypeVar("T")


@dataclass(frozen=True)
class TableSnapshot:
    version: int | None  # None: the table has not been written yet
    files: list[str]  # URIs of the Parquet files of that version


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _predicate(doc_ids: Iterable[str], partitions: Iterable[Partition]) -> str:
    """The rows of these documents in these partitions, as delta-rs reads a predicate."""
    where = " OR ".join(f"(lake_year = {year} AND lake_province = {_quoted(province)})"
                        for year, province in sorted(partitions))
    return f"doc_id IN ({', '.join(_quoted(d) for d in sorted(doc_ids))}) AND ({where})"


def _retried(commit: Callable[[], T]) -> T:
    """Run a commit, again from the latest version when a concurrent writer's commit conflicts with it."""
    for attempt in range(COMMIT_ATTEMPTS):
        try:
            return commit()
        except (CommitFailedError, DeltaError) as error:
            if attempt == COMMIT_ATTEMPTS - 1 or not _is_conflict(error):
                raise
            time.sleep(random.uniform(0, min(2.0, 0.02 * 2**attempt)))
    raise AssertionError("unreachable")


def _is_conflict(error: Exception) -> bool:
    """A lost race: another writer committed the version first, removed a file this one read, or
    created the table this one was creating."""
    text = str(error).lower()
    return isinstance(error, CommitFailedError) or any(
        word in text for word in ("conflict", "concurrent", "already exists"))


class Lake:
    """The Delta tables of the per-document rows under one folder or s3:// URI. The object store is
    configured as delta-rs and pyarrow read it: for S3, AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY, AWS_REGION (and AWS_ALLOW_HTTP for a plain-http endpoint)."""

    def __init__(self, uri: str) -> None:
        self.uri = uri.rstrip("/")

    def table_uri(self, table: str) -> str:
        return f"{self.uri}/{table}"

    def _table(self, table: str) -> DeltaTable | None:
        try:
            return DeltaTable(self.table_uri(table))
        except TableNotFoundError:
            return None

    def located(self, doc_ids: list[str]) -> dict[str, Partition]:
        """The partition of each of these documents that the ledger holds (absent: no rows anywhere)."""
        ledger = self._table(LEDGER)
        if ledger is None or not doc_ids:
            return {}
        rows = ledger.to_pyarrow_dataset().to_table(columns=["doc_id", *PARTITION_COLUMNS],
                                                    filter=pc.field("doc_id").isin(doc_ids))
        return {doc_id: (int(year), str(province)) for doc_id, year, province in
                zip(*(rows[column].to_pylist() for column in ("doc_id", *PARTITION_COLUMNS)), strict=True)}

    def replace(self, doc_ids: list[str], rows: dict[str, pa.Table]) -> None:
        """Make `rows` (one Arrow table per per-document table, with the partition columns) the only
        rows of these documents: one commit per table, the ledger first. Documents the ledger does
        not hold have no rows anywhere, so a batch of new documents is a plain append, which reads
        nothing and conflicts with no other writer. One document is written by one writer at a
        time (the run's lock on the working database; a document is one task of the analysis)."""
        if not doc_ids:
            return
        old = set(self.located(doc_ids).values())
        for table in sorted(rows, key=lambda name: name != LEDGER):
            self._replace_rows(table, doc_ids, rows[table], old)

    def delete(self, doc_ids: list[str], tables: Iterable[str]) -> None:
        """Remove every row of these documents from these tables, the ledger last."""
        old = set(self.located(doc_ids).values())
        if not old:
            return
        for table in sorted(tables, key=lambda name: name == LEDGER):
            self._replace_rows(table, doc_ids, None, old)

    def _replace_rows(self, table: str, doc_ids: list[str], rows: pa.Table | None, old: set[Partition]) -> None:
        new: set[Partition] = set()
        if rows is not None and rows.num_rows:
            pairs = rows.select(list(PARTITION_COLUMNS)).group_by(list(PARTITION_COLUMNS)).aggregate([])
            new = {(int(y), str(p)) for y, p in
                   zip(pairs["lake_year"].to_pylist(), pairs["lake_province"].to_pylist(), strict=True)}
        partitions = old | new
        if not partitions:
            return

        def commit() -> None:
            existing = self._table(table)
            if rows is None or rows.num_rows == 0:
                if existing is not None and old:
                    existing.delete(_predicate(doc_ids, old))
            elif existing is None or not old:
                write_deltalake(existing or self.table_uri(table), rows, partition_by=list(PARTITION_COLUMNS), mode="append",
                                schema_mode="merge", target_file_size=TARGET_FILE_BYTES)
            else:  # merge: a column the schema gained since the table was made is added to it
                write_deltalake(existing, rows, partition_by=list(PARTITION_COLUMNS), mode="overwrite", schema_mode="merge",
                                predicate=_predicate(doc_ids, partitions), target_file_size=TARGET_FILE_BYTES)

        _retried(commit)

    def snapshot(self, tables: Iterable[str]) -> dict[str, TableSnapshot]:
        """The current version of each table and the files it is made of."""
        snapshots = {}
        for table in tables:
            delta = self._table(table)
            snapshots[table] = (TableSnapshot(None, []) if delta is None
                                else TableSnapshot(delta.version(), sorted(delta.file_uris())))
        return snapshots

    def compact(self, tables: Iterable[str]) -> None:
        """Merge each partition's small files (one per committed batch) into few large ones. The
        replaced files stay until vacuum() removes them, so readers of older snapshots keep theirs."""
        for table in tables:
            if (delta := self._table(table)) is not None:
                _retried(partial(delta.optimize.compact, target_size=TARGET_FILE_BYTES))

    def vacuum(self, tables: Iterable[str], retention_hours: int = RETENTION_HOURS) -> int:
        """Delete the files that left the tables more than `retention_hours` ago; how many."""
        removed = 0
        for table in tables:
            if (delta := self._table(table)) is not None:
                removed += len(delta.vacuum(retention_hours=retention_hours, dry_run=False,
                                            enforce_retention_duration=False))
        return removed
