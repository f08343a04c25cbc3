"""The report assets: thin wrappers that read the warehouse, call pipeline/, and write it back.

Each asset is one warehouse table of the same name. Connections are opened only around a read
or a write and closed at once, so the UI, daemon and code server never hold the file lock.
"""

from __future__ import annotations

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, MetadataValue, asset, multi_asset
from dagster_duckdb import DuckDBResource

from assets.metadata import table_metadata
from assets.resources import RawFolder
from pipeline import tables
from pipeline.ingest import SourceDocument, ingest_folder
from pipeline.warehouse import (
    documents_to_extract,
    read_table,
    rebuild_yoy_comparison,
    replace_table,
    sentences_with_tokens,
)


@multi_asset(
    specs=[
        AssetSpec("document_texts", group_name="ingest", kinds={"duckdb"},
                  description="Decoded text of every report file that landed, unchanged; all offsets point into it."),
        AssetSpec("rejected_files", group_name="ingest", kinds={"duckdb"},
                  description="Files that did not land, with the reason."),
    ],
)
def ingest(context: AssetExecutionContext, raw_folder: RawFolder, warehouse: DuckDBResource):
    """Read every file in the raw folder, decode it and hash it."""
    sources, rejected = ingest_folder(raw_folder.root())
    texts = tables.document_texts_frame(sources)
    rejections = tables.rejected_files_frame(rejected)
    for row in rejected:
        context.log.warning(f"rejected {row.source_path}: {row.reason}")
    with warehouse.get_connection() as con:
        replace_table(con, "document_texts", texts)
        replace_table(con, "rejected_files", rejections)
    yield MaterializeResult(asset_key="document_texts", metadata=table_metadata(
        texts.drop(columns="text"), raw_folder=MetadataValue.path(str(raw_folder.root())),
        characters=int(texts["text"].str.len().sum()) if len(texts) else 0))
    yield MaterializeResult(asset_key="rejected_files", metadata=table_metadata(rejections))


def _read_sources(warehouse: DuckDBResource) -> list[SourceDocument]:
    with warehouse.get_connection() as con:
        frame = read_table(con, "document_texts", "doc_id, source_path, sha256, encoding, text")
    return [SourceDocument(**row) for row in frame.to_dict("records")]


@asset(deps=["document_texts"], group_name="describe", kinds={"duckdb"})
def documents(warehouse: DuckDBResource) -> MaterializeResult:
    """One row per report: provenance, script, region, year covered, type, agency, publication date."""
    frame = tables.documents_frame(_read_sources(warehouse))
    with warehouse.get_connection() as con:
        replace_table(con, "documents", frame)
    return MaterializeResult(metadata=table_metadata(
        frame.drop(columns=["sha256"]),
        unknown_region=int(frame["region"].isna().sum()),
        unknown_year=int(frame["report_year"].isna().sum())))


@asset(deps=["document_texts"], group_name="segment", kinds={"duckdb"})
def sentences(warehouse: DuckDBResource) -> MaterializeResult:
    """Normalised sentences with offsets into the original text."""
    frame = tables.sentences_frame((s.doc_id, s.text) for s in _read_sources(warehouse))
    with warehouse.get_connection() as con:
        replace_table(con, "sentences", frame)
    return MaterializeResult(metadata=table_metadata(frame))


@asset(deps=["sentences"], group_name="segment", kinds={"duckdb"})
def tokens(warehouse: DuckDBResource) -> MaterializeResult:
    """jieba tokens of every sentence, with the domain dictionary."""
    with warehouse.get_connection() as con:
        sentence_rows = read_table(con, "sentences", "doc_id, sentence_id, text")
    frame = tables.tokens_frame(sentence_rows)
    with warehouse.get_connection() as con:
        replace_table(con, "tokens", frame)
    return MaterializeResult(metadata=table_metadata(frame, distinct_tokens=int(frame["token"].nunique())))


@asset(deps=["documents", "sentences", "tokens"], group_name="extract", kinds={"duckdb"})
def indicators(context: AssetExecutionContext, warehouse: DuckDBResource) -> MaterializeResult:
    """Every numeric indicator mention: value in base units, unit, qualifier, metric, code, provenance."""
    with warehouse.get_connection() as con:
        docs = documents_to_extract(con)
        sentence_rows = sentences_with_tokens(con)
    frame = tables.indicators_frame(docs, sentence_rows)
    with warehouse.get_connection() as con:
        replace_table(con, "indicators", frame)
    coded = frame["indicator_code"].notna().sum()
    context.log.info(f"{len(frame)} indicator mentions, {coded} with a catalog code")
    return MaterializeResult(metadata=table_metadata(
        frame, with_code=int(coded), by_kind=MetadataValue.json(frame["kind"].value_counts().to_dict())))


@asset(deps=["indicators", "documents"], group_name="compare", kinds={"duckdb"})
def yoy_comparison(warehouse: DuckDBResource) -> MaterializeResult:
    """Year-over-year change of every coded indicator for every region with two years of values."""
    with warehouse.get_connection() as con:
        rebuild_yoy_comparison(con)
        frame = read_table(con, "yoy_comparison")
    return MaterializeResult(metadata=table_metadata(frame))
