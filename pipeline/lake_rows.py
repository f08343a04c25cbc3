"""The per-document rows in the lake (REPORTS_STORAGE=lake): pipeline.warehouse.DocumentRows for Delta tables.

A batch's frames are cast to the warehouse schema's column types by DuckDB (so every commit has
the same Arrow schema), given their document's partition, and committed to the lake
(pipeline.lake), together with the batch's texts from document_texts, so that the published
catalog holds no text. The run's connection then reads the new snapshot of the four tables
through temporary views named after them, so everything after the analysis (the comparison SQL,
the pages, the checks) queries `documents`, `tokens`, ... as in the DuckDB mode; document_texts
stays the working database's own table too, which ingest keeps up to date.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from pipeline import lake_views
from pipeline.lake import Lake
from pipeline.warehouse import DOCUMENT_STAGES

# The tables the lake holds: the per-document ones and the texts of the documents analysed.
LAKE_TABLES = (*DOCUMENT_STAGES, "document_texts")

# Each document's partition, from its row of `documents`: the year its report covers and the first two
# digits of its GB/T 2260 code (the province; 10 for national bodies); unknown ones year 0, province 00.
_PARTITIONS = """SELECT doc_id, coalesce(report_year, 0)::INTEGER AS lake_year,
                        coalesce(left(region_code, 2), '00') AS lake_province FROM batch_documents"""


class LakeRows:
    """Per-document rows as Delta tables in `lake`."""

    def __init__(self, lake: Lake) -> None:
        self.lake = lake

    def replace(self, con: duckdb.DuckDBPyConnection, doc_ids: list[str], frames: dict[str, pd.DataFrame]) -> None:
        texts = con.execute("SELECT * FROM document_texts WHERE doc_id IN (SELECT unnest($1::VARCHAR[]))", [doc_ids]).df()
        self.lake.replace(doc_ids, {table: self._arrow(con, table, frame, frames["documents"])
                                    for table, frame in (frames | {"document_texts": texts}).items()
                                    if table in LAKE_TABLES})
        self.show_latest(con)

    def delete(self, con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
        self.lake.delete(doc_ids, LAKE_TABLES)
        self.show_latest(con)

    def attach(self, con: duckdb.DuckDBPyConnection) -> None:
        """Make a new connection to the working database read the lake (its files, its latest snapshot)."""
        if lake_views.needs_object_store(self.lake.uri):
            lake_views.register_object_store(con)
        self.show_latest(con)

    def show_latest(self, con: duckdb.DuckDBPyConnection) -> None:
        """Point this connection's views of the per-document tables at the lake's latest snapshot."""
        lake_views.create_views(con, self.lake.snapshot(DOCUMENT_STAGES),
                                {table: lake_views.table_columns(con, table) for table in DOCUMENT_STAGES},
                                temporary=True)

    def write_catalog(self, con: duckdb.DuckDBPyConnection, catalog: Path) -> None:
        """Compact the lake (each committed batch leaves a small file in each partition it touched),
        then write the catalog to publish at `catalog`, pinned to the snapshot the lake has now."""
        self.lake.compact(LAKE_TABLES)
        lake_views.write_catalog(con, str(catalog), self.lake.uri, self.lake.snapshot(LAKE_TABLES))

    def after_publish(self, con: duckdb.DuckDBPyConnection) -> None:
        """Delete the files that left the lake over the retention period ago, and show the run's
        connection the compacted snapshot."""
        self.lake.vacuum(LAKE_TABLES)
        self.show_latest(con)

    @staticmethod
    def _arrow(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, documents: pd.DataFrame) -> pa.Table:
        """`frame` as an Arrow table of the schema's columns and types, with its partition columns."""
        columns = lake_views.table_columns(con, table)
        if not len(frame):
            return pa.table({})
        present = set(frame.columns)
        select = ", ".join(
            (f'CAST(t."{name}" AS {kind})' if name in present else f"CAST(NULL AS {kind})") + f' AS "{name}"'
            for name, kind in columns)
        con.register("batch_rows", frame)
        con.register("batch_documents", documents)
        try:
            return con.sql(f"SELECT {select}, p.lake_year, p.lake_province FROM batch_rows AS t "
                           f"JOIN ({_PARTITIONS}) AS p USING (doc_id)").to_arrow_table()
        finally:
            con.unregister("batch_rows")
            con.unregister("batch_documents")
