"""The report assets: thin wrappers that bring each warehouse table up to date through pipeline/.

Each asset is the warehouse table of the same name. The analysis works per document and only on
what changed (see pipeline.stages); published_warehouse publishes the working database atomically,
and only then are the pages for people made from it and put in place at once (pipeline.pages).
"""

from collections.abc import Callable

import pandas as pd
from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, MetadataValue, asset, multi_asset

from assets.metadata import listed, listed_documents, table_metadata
from assets.resources import AnalysisWorkers, RawFolder, WarehouseResource
from pipeline.audit import audit_dir
from pipeline.pages import publish_pages
from pipeline.reference import catalog_frame, regions_frame
from pipeline.stages import bring_up_to_date, ingest_folder_into, publish, published_is_current
from pipeline.storage import reports_dir
from pipeline.warehouse import DERIVED_TABLES, DOCUMENT_STAGES, rebuild_derived, replace_table


@multi_asset(
    specs=[
        AssetSpec("document_texts", group_name="ingest", kinds={"duckdb"},
                  description="Decoded text of every report file that landed, unchanged; all offsets point into it."),
        AssetSpec("rejected_files", group_name="ingest", kinds={"duckdb"},
                  description="Files that did not land, with the reason."),
    ],
)
def ingest(context: AssetExecutionContext, raw_folder: RawFolder, warehouse: WarehouseResource):
    """Read the new and changed files of the raw folder, decode and hash them; forget deleted ones."""
    store = warehouse.store()
    report = ingest_folder_into(store, raw_folder.root())
    for path, reason in report.rejected:
        context.log.warning(f"rejected {path}: {reason}")
    yield MaterializeResult(asset_key="document_texts", metadata=table_metadata(
        store, "document_texts",
        raw_folder=MetadataValue.path(str(raw_folder.root())),
        landed_now=listed(report.landed), forgotten_now=listed(report.forgotten), unchanged_files=report.unchanged))
    yield MaterializeResult(asset_key="rejected_files", metadata=table_metadata(
        store, "rejected_files", rejected_now=listed([f"{p}: {r}" for p, r in report.rejected])))


@multi_asset(
    specs=[
        AssetSpec("documents", skippable=True, deps=["document_texts"], group_name="analyse", kinds={"duckdb"},
                  description="One row per report: provenance, script, region, year covered, type, agency, "
                              "publication date."),
        AssetSpec("sentences", skippable=True, deps=["document_texts"], group_name="analyse", kinds={"duckdb"},
                  description="Normalised sentences with offsets into the original text."),
        AssetSpec("tokens", skippable=True, deps=["sentences"], group_name="analyse", kinds={"duckdb"},
                  description="jieba tokens of every sentence, with the domain dictionary."),
        AssetSpec("indicators", skippable=True, deps=["documents", "sentences", "tokens"], group_name="analyse",
                  kinds={"duckdb"},
                  description="Every numeric indicator mention: value in base units, unit, qualifier, metric, code, "
                              "period and offsets into the original text."),
    ],
)
def analyse_documents(context: AssetExecutionContext, warehouse: WarehouseResource,
                      analysis_workers: AnalysisWorkers):
    """Analyse each new or changed document in one pass (normalise, describe, segment, extract) and
    write its rows of the four tables together; the tables keep their own lineage.

    When the working copy is still what was last published (no file came, changed or left, same
    code), nothing is materialized, so the steps after it are skipped: a run with no change costs
    the folder listing and a few queries."""
    store = warehouse.store()
    report = bring_up_to_date(store, analysis_workers.pool, analysis_workers.workers,
                              budget_seconds=analysis_workers.budget_seconds)
    context.log.info(f"{len(report.processed)} documents analysed, rows {report.rows}, "
                     f"{report.removed} documents removed")
    for path, reason in report.rejected:
        context.log.warning(f"rejected {path}: {reason}")
    if published_is_current(store):
        context.log.info("nothing changed since the last publish: the steps after this one are skipped")
        return
    processed = listed_documents(store, report.processed)
    for table in DOCUMENT_STAGES:
        yield MaterializeResult(asset_key=table, metadata=table_metadata(
            store, table, documents_processed=processed, rows_written=report.rows[table],
            documents_removed=report.removed, rejected_now=listed([f"{p}: {r}" for p, r in report.rejected])))


def _reference_asset(name: str, frame: Callable[[], pd.DataFrame], description: str):
    @asset(name=name, group_name="reference", kinds={"duckdb"}, description=description)
    def _reference(warehouse: WarehouseResource) -> MaterializeResult:
        store = warehouse.store()
        with store.connect() as con:
            replace_table(con, name, frame())
        return MaterializeResult(metadata=table_metadata(store, name))

    return _reference


regions = _reference_asset(
    "regions", regions_frame,
    "China's administrative divisions (GB/T 2260) with parent, prefecture and province, from regions.tsv.")
indicator_catalog = _reference_asset(
    "indicator_catalog", catalog_frame, "The canonical indicator codes and their Chinese names, from catalog.tsv.")


def _derived_asset(name: str, deps: list[str], description: str):
    @asset(name=name, deps=deps, group_name="compare", kinds={"duckdb"}, description=description)
    def _derived(warehouse: WarehouseResource) -> MaterializeResult:
        store = warehouse.store()
        with store.connect() as con:
            rebuild_derived(con, name)
        return MaterializeResult(metadata=table_metadata(store, name, views=", ".join(DERIVED_TABLES[name])))

    return _derived


indicator_panel = _derived_asset(
    "indicator_panel", ["indicators", "documents", "regions", "indicator_catalog"],
    "One value per region, year and indicator code, with how it was chosen and conflicts flagged.")
yoy_comparison = _derived_asset(
    "yoy_comparison", ["indicator_panel"],
    "Each region's indicator against its closest earlier year, with the change the report states, if any.")
plan_vs_actual = _derived_asset(
    "plan_vs_actual", ["indicator_panel"],
    "Work-plan targets against the same region's reported value for that year.")


@asset(deps=["yoy_comparison", "plan_vs_actual", "rejected_files"], group_name="publish", kinds={"duckdb"})
def published_warehouse(warehouse: WarehouseResource) -> MaterializeResult:
    """The file people query: an atomic copy of the working database, replaced in one rename.
    Published before the pages, so that no page shows what the published file lacks."""
    store = warehouse.store()
    publish(store)
    return MaterializeResult(metadata={
        "path": MetadataValue.path(str(store.published)),
        "size_mb": round(store.published.stat().st_size / 2**20, 2),
    })


@multi_asset(
    specs=[
        AssetSpec("audit_pages", deps=["published_warehouse"], group_name="publish", kinds={"html"},
                  description="One HTML page per document: every mention highlighted in the original text, "
                              "beside its reading."),
        AssetSpec("comparison_charts", deps=["published_warehouse"], group_name="publish", kinds={"html"},
                  description="An SVG per region of its main indicators over the years, and a summary page "
                              "linking them."),
    ],
)
def pages(context: AssetExecutionContext, warehouse: WarehouseResource):
    """The pages of what was just published, made in a staging folder that replaces reports/ in one
    rename (pipeline.pages): a failure leaves the previous pages, which match the previous publish."""
    store = warehouse.store()
    report = publish_pages(store)
    audit, reports = audit_dir(store), reports_dir(store)
    context.log.info(f"audit pages: {len(report.audit_rendered)} rendered, {report.audit_removed} removed, in {audit}")
    context.log.info(f"charts: {len(report.charts.redrawn)} redrawn, {report.charts.removed} removed"
                     + (" (panel unchanged)" if report.charts.unchanged else ""))
    yield MaterializeResult(asset_key="audit_pages", metadata={
        "index": MetadataValue.url((audit / "index.html").as_uri()),
        "folder": MetadataValue.path(str(audit)),
        "pages_rendered": listed(report.audit_rendered),
        "pages_removed": report.audit_removed,
    })
    yield MaterializeResult(asset_key="comparison_charts", metadata={
        "summary": MetadataValue.url((reports / "index.html").as_uri()),
        "charts": MetadataValue.path(str(reports / "charts")),
        "regions_redrawn": listed(report.charts.redrawn),
        "charts_removed": report.charts.removed,
    })
