"""The DuckDB warehouse: schema, bulk table replacement and the comparison query.

All SQL lives in pipeline/sql/*.sql; this module only runs it. Writers replace a whole table
inside one transaction from a DataFrame (a bulk Arrow scan, no per-row Python), so a failed
run leaves the previous contents in place.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import duckdb
import pandas as pd

TABLES = ("documents", "document_texts", "sentences", "tokens", "indicators", "yoy_comparison", "rejected_files")


@lru_cache(maxsize=None)
def read_sql(name: str) -> str:
    return (resources.files("pipeline") / "sql" / f"{name}.sql").read_text(encoding="utf-8")


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(read_sql("schema"))


def replace_table(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> int:
    """Swap the contents of `table` for `frame` atomically; columns are matched by name."""
    if table not in TABLES:
        raise ValueError(f"unknown warehouse table {table!r}")
    apply_schema(con)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"DELETE FROM {table}")
        if len(frame):
            con.register("incoming_rows", frame)
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming_rows")
            con.unregister("incoming_rows")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(frame)


def rebuild_yoy_comparison(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute the year-over-year table from documents and indicators."""
    return replace_table(con, "yoy_comparison", con.execute(read_sql("yoy_comparison")).df())


def read_table(con: duckdb.DuckDBPyConnection, table: str, columns: str = "*") -> pd.DataFrame:
    if table not in TABLES:
        raise ValueError(f"unknown warehouse table {table!r}")
    apply_schema(con)
    return con.execute(f"SELECT {columns} FROM {table}").df()


def documents_to_extract(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, int | None, str | None]]:
    """(doc_id, text, report_year, doc_type) of every document."""
    return con.execute(read_sql("documents_to_extract")).fetchall()


def sentences_with_tokens(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """doc_id, sentence_id, norm_start, text and the list of tokens of every sentence."""
    return con.execute(read_sql("sentences_with_tokens")).df()


def find_problems(con: duckdb.DuckDBPyConnection, check: str) -> pd.DataFrame:
    """Rows that fail the data-quality check pipeline/sql/checks/<check>.sql (empty = passed)."""
    apply_schema(con)
    return con.execute(read_sql(f"checks/{check}")).df()


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every warehouse table that exists."""
    existing = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES if t in existing}
