"""Metadata that assets attach: row counts, a readable preview, the documents processed."""

from __future__ import annotations

from typing import Any

import pandas as pd
from dagster import MetadataValue

from pipeline.storage import Warehouse
from pipeline.warehouse import source_paths, table_preview

PREVIEW_ROWS = 10
LISTED_DOCUMENTS = 100


def markdown(frame: pd.DataFrame) -> MetadataValue:
    """The frame as a markdown table: missing values (NULL) blank, not "nan" or "None"; long text cut."""
    shown = frame.astype(object).where(frame.notna(), "")
    for column in shown.columns:
        shown[column] = shown[column].map(lambda v: v[:60] + "…" if isinstance(v, str) and len(v) > 60 else v)
    return MetadataValue.md(shown.to_markdown(index=False) if len(shown) else "_(none)_")


def table_metadata(store: Warehouse, table: str, **extra: Any) -> dict[str, Any]:
    """Row count and first rows of a warehouse table, plus anything the asset adds."""
    with store.connect() as con:
        rows, preview = table_preview(con, table, PREVIEW_ROWS)
    return {"dagster/row_count": rows, "preview": markdown(preview), **extra}


def listed(items: list[str]) -> MetadataValue:
    """A markdown list of at most LISTED_DOCUMENTS items, saying how many were left out."""
    lines = [f"- {item}" for item in items[:LISTED_DOCUMENTS]]
    if len(items) > LISTED_DOCUMENTS:
        lines.append(f"- … and {len(items) - LISTED_DOCUMENTS} more")
    return MetadataValue.md("\n".join(lines) or "_(none)_")


def listed_documents(store: Warehouse, doc_ids: list[str]) -> MetadataValue:
    """Documents by file name, their doc_id beside it (a document gone since is listed by doc_id)."""
    with store.connect() as con:
        paths = source_paths(con, doc_ids)
    return listed([f"{paths[d]} ({d})" if d in paths else d for d in doc_ids])
