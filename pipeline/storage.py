"""Where the warehouse lives: a private working database, one writer at a time, atomic publishing.

DuckDB allows one writing process per file, and a reader's open connection blocks a writer.
So people never open the file the pipeline writes: runs write `.work/<name>` next to the
published file, under an exclusive file lock, and `publish()` checkpoints it, copies it and
`os.replace`s the copy onto the published path. A reader keeps the snapshot it opened; a
connection opened after every earlier one to the file in its process is closed sees the new
data (DuckDB shares one open database per path within a process). A run killed half-way leaves
the published file untouched and the working file consistent (every write is one transaction),
and the next run resumes. A run holds the lock and one connection from start to end
(`session()`), and begins by removing what a killed publish left: the partial copy, and the
staging folders of the pages (pipeline.swap).

With a lake (REPORTS_STORAGE=lake) the per-document tables' rows live in Delta tables instead
(pipeline.lake_rows), a working database of its own (`.work/<stem>.lake.duckdb`, so that switching
modes never mixes the two) keeps everything else, and the published file is a catalog: the same
tables, with views pinned to the lake snapshot of the publish (pipeline.lake_views). That working
database is never seeded from the published catalog, which holds views, not rows: lost, it is
rebuilt by reading and analysing the folder again, and the lake's commits replace, not double.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from pipeline import lake_views, swap
from pipeline.warehouse import DocumentRows, WarehouseTables, apply_schema

if TYPE_CHECKING:
    from pipeline.lake import Lake
    from pipeline.lake_rows import LakeRows

# DuckDB's buffer pool for a run's connection. Its default, 80 % of RAM, lets a connection held for a
# whole run cache every block it wrote (a gigabyte at 10,000 reports); past this limit DuckDB
# evicts to the database file and its temporary directory instead.
MEMORY_LIMIT = "512MB"


class Warehouse:
    """The published warehouse file and the working copy behind it."""

    def __init__(self, published: Path, lake: Lake | None = None) -> None:
        self.published = Path(published).resolve()
        self.lake_rows: LakeRows | None = None
        if lake is not None:
            from pipeline.lake_rows import LakeRows  # the optional extra [lake]: deltalake

            self.lake_rows = LakeRows(lake)
        self.rows: DocumentRows = self.lake_rows or WarehouseTables()
        self.work_dir = self.published.parent / ".work"
        name = self.published.name if lake is None else f"{self.published.stem}.lake{self.published.suffix}"
        self.working = self.work_dir / name
        self._lock_path = self.work_dir / f"{self.published.name}.lock"
        self.staging = self.published.parent / f".{self.published.name}.publishing"
        self._session: duckdb.DuckDBPyConnection | None = None  # the connection of an open session()

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.work_dir.mkdir(parents=True, exist_ok=True)
        with open(self._lock_path, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _open(self) -> duckdb.DuckDBPyConnection:
        if self.lake_rows is None and not self.working.exists() and self.published.exists():
            shutil.copyfile(self.published, self.working)
        con = duckdb.connect(str(self.working), config={"memory_limit": MEMORY_LIMIT})
        apply_schema(con)
        if self.lake_rows is not None:
            self.lake_rows.attach(con)
        return con

    @contextmanager
    def session(self) -> Iterator[None]:
        """Hold the lock and one connection for a whole run: every connect() and publish() inside
        uses them, so a run opens the database once instead of once per read or write (about
        40 ms each), and no other run interleaves its writes. Nested sessions are the outer one.
        The session belongs to this object: whoever opens it (a run's resource) hands the object on."""
        if self._session is not None:
            yield
            return
        with self._locked():
            self.staging.unlink(missing_ok=True)
            swap.remove_leftovers(reports_dir(self))
            self._session = self._open()
            try:
                yield
            finally:
                self._session.close()
                self._session = None

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the working database: the session's, or one held only for one read or
        write. Other runs wait for the lock rather than fail on DuckDB's file lock."""
        if self._session is not None:
            yield self._session
            return
        with self._locked():
            con = self._open()
            try:
                yield con
            finally:
                con.close()

    def publish(self) -> None:
        """Replace the published file with a checkpointed copy of the working database, atomically.
        A copy that fails (a full disk, a read-only folder) is removed, and the published file stays."""
        with self.session(), self.connect() as con:
            con.execute("CHECKPOINT")
            try:
                if self.lake_rows is None:
                    shutil.copyfile(self.working, self.staging)
                else:
                    self.staging.unlink(missing_ok=True)
                    self.lake_rows.write_catalog(con, self.staging)
                with open(self.staging, "rb") as handle:
                    os.fsync(handle.fileno())
                os.replace(self.staging, self.published)
            except BaseException:
                with contextlib.suppress(OSError):  # the copy's own error is the one to report
                    self.staging.unlink(missing_ok=True)
                raise
            if self.lake_rows is not None:
                self.lake_rows.after_publish(con)

    def published_in_this_mode(self) -> bool:
        """Whether the published file is of this storage mode (a lake catalog or a whole DuckDB
        warehouse): after a switch of REPORTS_STORAGE the first run publishes even with no change."""
        with duckdb.connect(str(self.published), read_only=True) as con:
            is_catalog = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = $1",
                                     [lake_views.SNAPSHOT_TABLE]).fetchall()[0][0] > 0
        return is_catalog == (self.lake_rows is not None)


def reports_dir(store: Warehouse) -> Path:
    """Pages and charts for people live beside the published warehouse, under reports/."""
    return store.published.parent / "reports"
