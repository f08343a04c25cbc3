"""The warehouse's SQL: schema, per-document writes, reads for each stage, comparison and checks.

Queries live in pipeline/sql/*.sql; this module runs them. Table names spliced into SQL come
only from the fixed lists below; every value is a bound parameter (but the file paths ATTACH
takes, which are quoted as SQL literals). Rows arrive as DataFrames
that DuckDB scans through Arrow: no per-row Python in a load.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import duckdb
import pandas as pd

from pipeline.lake_views import table_columns

TABLES = ("document_texts", "document_stages", "documents", "sentences", "tokens", "indicators", "rejected_files",
          "regions", "indicator_catalog", "indicator_panel", "yoy_comparison", "plan_vs_actual", "published_state")
# Tables rebuilt whole from a query of pipeline/sql/<name>.sql, and the views (sql/views/) each creates.
DERIVED_TABLES = {
    "indicator_panel": ("stated_changes", "region_profile", "region_ranking"),
    "yoy_comparison": ("largest_changes",),
    "plan_vs_actual": ("plan_against_result",),
}
# Tables written per document by the analysis, each with one document_stages record per document.
DOCUMENT_STAGES = ("documents", "sentences", "tokens", "indicators")


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, parameters: list[object] | None = None) -> Any:
    """The one value of a query that returns one row."""
    row = con.execute(sql, parameters).fetchone()
    if row is None:
        raise ValueError(f"no row from {sql[:60]!r}")
    return row[0]


@cache
def read_sql(name: str) -> str:
    return (resources.files("pipeline") / "sql" / f"{name}.sql").read_text(encoding="utf-8")


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(read_sql("schema"))


def _checked(table: str, allowed: tuple[str, ...] = TABLES) -> str:
    if table not in allowed:
        raise ValueError(f"unknown warehouse table {table!r}")
    return table


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


@contextmanager
def one_thread(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """DuckDB on one thread meanwhile. While worker processes keep every core busy, its other
    threads only compete with them: a batch's rows load with 20-35 % less CPU on one thread."""
    con.execute("SET threads = 1")
    try:
        yield
    finally:
        con.execute("RESET threads")


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    if len(frame):
        con.register("incoming_rows", frame)
        try:
            con.execute(f"INSERT INTO {_checked(table)} BY NAME SELECT * FROM incoming_rows")
        finally:
            con.unregister("incoming_rows")


def _delete_documents(con: duckdb.DuckDBPyConnection, table: str, doc_ids: list[str]) -> None:
    con.execute(f"DELETE FROM {_checked(table)} WHERE doc_id IN (SELECT unnest($1::VARCHAR[]))", [doc_ids])


def replace_table(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> int:
    """Swap the contents of `table` for `frame` atomically; columns are matched by name."""
    _checked(table)
    with transaction(con):
        con.execute(f"DELETE FROM {table}")
        _insert(con, table, frame)
    return len(frame)


def table_preview(con: duckdb.DuckDBPyConnection, table: str, rows: int) -> tuple[int, pd.DataFrame]:
    """Row count and first rows of a table; long text columns are left out of the preview. A table
    whose rows name a document by doc_id only gets its file name first (column `file`)."""
    count = _scalar(con, f"SELECT count(*) FROM {_checked(table)}")
    columns = {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}
    if table == "document_texts":
        sql = f"SELECT * EXCLUDE (text) FROM {table} LIMIT {int(rows)}"
    elif "doc_id" in columns and "source_path" not in columns:
        sql = (f"SELECT f.source_path AS file, t.* FROM (SELECT * FROM {table} LIMIT {int(rows)}) AS t "
               f"LEFT JOIN document_texts AS f ON f.doc_id = t.doc_id")
    else:
        sql = f"SELECT * FROM {table} LIMIT {int(rows)}"
    return count, con.execute(sql).df()


def source_paths(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, str]:
    """The file (path under the raw folder) of each given document that is still in the warehouse."""
    return dict(con.execute("SELECT doc_id, source_path FROM document_texts WHERE doc_id IN (SELECT unnest($1::VARCHAR[]))",
                            [doc_ids]).fetchall())


def known_files(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """source_path, size, mtime_ns, sha256 and doc_id (NULL when rejected) of every file seen before."""
    return con.execute(read_sql("known_files")).df()


def apply_ingest(
    con: duckdb.DuckDBPyConnection, forgotten_paths: list[str], landed: pd.DataFrame, rejected: pd.DataFrame
) -> None:
    """In one transaction: drop the files that vanished or changed, add what landed or was rejected now."""
    paths = list(forgotten_paths) + landed["source_path"].tolist() + rejected["source_path"].tolist()
    with transaction(con):
        for table in ("document_texts", "rejected_files"):
            con.execute(f"DELETE FROM {table} WHERE source_path IN (SELECT unnest($1::VARCHAR[]))", [paths])
        _insert(con, "document_texts", landed)
        _insert(con, "rejected_files", rejected)


class DocumentRows(Protocol):
    """Where the rows of the per-document tables (DOCUMENT_STAGES) go: the one seam between the
    storage modes. Both calls run inside the transaction that records the documents in
    document_stages, and through `con` the tables read back what was written."""

    def replace(self, con: duckdb.DuckDBPyConnection, doc_ids: list[str], frames: dict[str, pd.DataFrame]) -> None:
        """Make `frames` (one per table) the only rows of these documents."""

    def delete(self, con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
        """Remove every row of these documents."""


class WarehouseTables:
    """The per-document rows in this DuckDB database's own tables (REPORTS_STORAGE=duckdb)."""

    def replace(self, con: duckdb.DuckDBPyConnection, doc_ids: list[str], frames: dict[str, pd.DataFrame]) -> None:
        # Only documents with a document_stages record can have rows (they are written together),
        # so only those are deleted first: new documents cost no scan of the large tables.
        recorded = [row[0] for row in con.execute(
            "SELECT DISTINCT doc_id FROM document_stages WHERE doc_id IN (SELECT unnest($1::VARCHAR[]))",
            [doc_ids]).fetchall()]
        self.delete(con, recorded)
        for table in DOCUMENT_STAGES:
            _insert(con, table, frames[table])

    def delete(self, con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
        if doc_ids:
            for table in DOCUMENT_STAGES:
                _delete_documents(con, table, doc_ids)


def drop_stale_documents(con: duckdb.DuckDBPyConnection, version: str, rows: DocumentRows | None = None) -> int:
    """Delete the per-document rows of documents that left the raw folder or were analysed by other code."""
    with transaction(con):
        stale = [row[0] for row in con.execute(read_sql("stale_documents"), [version]).fetchall()]
        (rows or WarehouseTables()).delete(con, stale)
        _delete_documents(con, "document_stages", stale)
    return len(stale)


def pending_documents(con: duckdb.DuckDBPyConnection, version: str) -> list[str]:
    """Documents that some per-document table still lacks at this code version."""
    rows = con.execute(read_sql("pending_documents"), {"version": version, "tables": list(DOCUMENT_STAGES)})
    return [row[0] for row in rows.fetchall()]


def write_document_rows(
    con: duckdb.DuckDBPyConnection, version: str, doc_ids: list[str], frames: dict[str, pd.DataFrame],
    rejected: pd.DataFrame | None = None, rows: DocumentRows | None = None,
) -> None:
    """Replace a batch of documents' rows in every per-document table and record them as processed,
    in one transaction. `frames` holds one frame per table of DOCUMENT_STAGES. Documents of the
    batch listed in `rejected` (doc_id, reason) could not be analysed: in the same transaction their
    file moves from document_texts to rejected_files with the reason (and the size and modification
    time it was read with, so that it is retried only once it changes). The rows themselves go
    where `rows` puts them (default: this database's tables)."""
    processed_at = pd.Timestamp.now(tz="UTC").tz_localize(None)
    failed = [] if rejected is None else rejected["doc_id"].tolist()
    doc_ids = [doc_id for doc_id in doc_ids if doc_id not in frozenset(failed)] if failed else doc_ids
    records = []
    for table in DOCUMENT_STAGES:
        frame = frames[table]
        counts = frame["doc_id"].value_counts() if len(frame) else pd.Series(dtype="int64")
        records.append(pd.DataFrame({
            "doc_id": doc_ids,
            "stage": table,
            "version": version,
            "rows": [int(counts.get(doc_id, 0)) for doc_id in doc_ids],
            "processed_at": processed_at,
        }))
    with transaction(con):
        (rows or WarehouseTables()).replace(con, doc_ids, frames)
        _delete_documents(con, "document_stages", doc_ids)
        _insert(con, "document_stages", pd.concat(records, ignore_index=True))
        if failed and rejected is not None:
            con.register("rejected_rows", rejected[["doc_id", "reason"]])
            try:
                con.execute("""INSERT INTO rejected_files BY NAME
                               SELECT t.source_path, r.reason, t.size, t.mtime_ns
                               FROM document_texts t JOIN rejected_rows r USING (doc_id)""")
            finally:
                con.unregister("rejected_rows")
            _delete_documents(con, "document_texts", failed)


def content_fingerprint(con: duckdb.DuckDBPyConnection, version: str) -> str:
    """What the tables after the analysis are made from (see sql/content_fingerprint.sql)."""
    return _scalar(con, read_sql("content_fingerprint"), [version])


def published_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute("SELECT fingerprint FROM published_state").fetchone()
    return row[0] if row else None


def record_published(con: duckdb.DuckDBPyConnection, fingerprint: str) -> None:
    with transaction(con):
        con.execute("DELETE FROM published_state")
        con.execute("INSERT INTO published_state VALUES ($1, now()::TIMESTAMP)", [fingerprint])


def document_texts(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> pd.DataFrame:
    """doc_id, source_path, sha256, encoding, text of the given documents."""
    return con.execute(
        """SELECT doc_id, source_path, sha256, encoding, text FROM document_texts
           WHERE doc_id IN (SELECT unnest($1::VARCHAR[])) ORDER BY doc_id""", [doc_ids]).df()


def find_document(con: duckdb.DuckDBPyConnection, name: str) -> tuple[str, str, str] | None:
    """(doc_id, source_path, text) of the document whose doc_id, source path or file name is `name`."""
    return con.execute(
        """SELECT doc_id, source_path, text FROM document_texts
           WHERE doc_id = $1 OR source_path = $1 OR regexp_extract(source_path, '[^/]*$') = $1
           ORDER BY source_path LIMIT 1""", [name]).fetchone()


def audit_mentions(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, list[tuple]]:
    """Mentions of the given documents with their sentence span, in the field order of
    audit.AuditMention, per doc_id (documents without mentions are absent)."""
    _read_older_indicators(con)
    by_document: dict[str, list[tuple]] = {}
    for doc_id, *mention in con.execute(read_sql("audit_mentions"), [doc_ids]).fetchall():
        by_document.setdefault(doc_id, []).append(tuple(mention))
    return by_document


def _read_older_indicators(con: duckdb.DuckDBPyConnection) -> None:
    """A published warehouse from before indicators.target_of (opened read-only, so not upgraded
    until the next run) is read through a temporary view that gives the column as NULL."""
    present = {name for name, _ in table_columns(con, "indicators")}
    if present and "target_of" not in present:
        database = con.execute("SELECT current_database()").fetchone()[0]  # type: ignore[index]
        con.execute(f'CREATE OR REPLACE TEMP VIEW indicators AS SELECT *, CAST(NULL AS VARCHAR) AS target_of '
                    f'FROM "{database}".main.indicators')


def audit_page_sources(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> list[tuple]:
    """(doc_id, source_path, region, report_year, doc_type, text) of the given documents."""
    return con.execute(read_sql("audit_page_sources"), [doc_ids]).fetchall()


def audit_index(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """(doc_id, source_path, region, report_year, doc_type, indicators, analysed_at) of every document."""
    return con.execute(read_sql("audit_index")).fetchall()


def rebuild_derived(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Recreate a derived table from its query, then the views built on it, in one transaction."""
    views = DERIVED_TABLES[_checked(table, tuple(DERIVED_TABLES))]
    with transaction(con):
        con.execute(f"CREATE OR REPLACE TABLE {table} AS {read_sql(table)}")
        for view in views:
            con.execute(read_sql(f"views/{view}"))
    return _scalar(con, f"SELECT count(*) FROM {table}")


def read_view(con: duckdb.DuckDBPyConnection, view: str) -> pd.DataFrame:
    """All rows of one of the views that the derived tables create (see DERIVED_TABLES)."""
    if not any(view in views for views in DERIVED_TABLES.values()):
        raise ValueError(f"unknown warehouse view {view!r}")
    return con.execute(f"SELECT * FROM {view}").df()


def find_region(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple[str, str, str]]:
    """(code, name, level) of the divisions called `name` (full, short or code), most general first."""
    return con.execute(read_sql("find_region"), [name]).fetchall()


def indicator_codes(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Every indicator code of the catalog with its Chinese name."""
    return dict(con.execute("SELECT code, name_zh FROM indicator_catalog ORDER BY code").fetchall())


def region_values(con: duckdb.DuckDBPyConnection, region_code: str, indicator: str | None,
                  year: int | None) -> pd.DataFrame:
    """A region's panel values with their year-over-year change, optionally filtered."""
    return con.execute(read_sql("region_values"), [region_code, indicator, year]).df()


def find_problems(con: duckdb.DuckDBPyConnection, check: str, parameter: str | None = None) -> pd.DataFrame:
    """Rows that fail the data-quality check pipeline/sql/checks/<check>.sql (empty = passed)."""
    return con.execute(read_sql(f"checks/{check}"), [parameter] if parameter is not None else []).df()


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every warehouse table that exists."""
    existing = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    return {t: _scalar(con, f"SELECT count(*) FROM {t}") for t in TABLES if t in existing}


def copy_in_storage_version(source: Path, target: Path, storage_version: str) -> bool:
    """A copy of the database `source` that DuckDB releases back to `storage_version` ('v1.5.0') can
    open, at `target`, made again only when `source` is newer; True when it was made now. Written
    next to the target and renamed onto it, so a reader never opens half a copy."""
    if target.exists() and target.stat().st_mtime_ns >= source.stat().st_mtime_ns:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    with duckdb.connect() as con:
        con.execute(f"ATTACH {_quoted(source)} AS source (READ_ONLY)")
        con.execute(f"ATTACH {_quoted(partial)} AS older (STORAGE_VERSION {_quoted(storage_version)})")
        con.execute("COPY FROM DATABASE source TO older")
    os.replace(partial, target)
    return True


def _quoted(value: object) -> str:
    """A SQL string literal (ATTACH takes no bound parameters)."""
    return "'" + str(value).replace("'", "''") + "'"
