"""Metadata that every asset attaches: row counts and a readable preview."""

from __future__ import annotations

import pandas as pd
from dagster import MetadataValue

PREVIEW_ROWS = 10


def table_metadata(frame: pd.DataFrame, **extra: object) -> dict[str, object]:
    preview = frame.head(PREVIEW_ROWS).copy()
    for column in preview.select_dtypes(include="object"):
        preview[column] = preview[column].map(lambda v: v[:60] + "…" if isinstance(v, str) and len(v) > 60 else v)
    return {
        "dagster/row_count": len(frame),
        "preview": MetadataValue.md(preview.to_markdown(index=False) if len(frame) else "_(empty)_"),
        **extra,
    }
