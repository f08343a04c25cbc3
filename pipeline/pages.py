"""The pages for people, made after the database is published and put in place all at once.

The summary page, the charts and the audit pages show what the published warehouse holds, so they
are made from it only once it is published, and the whole reports/ folder is replaced in one
rename (pipeline.swap): a run that fails before or while making them (a full disk, a read-only
folder) leaves the previous pages, which still match the previous database. Each set of pages
records the publish it was made from, so the next run makes them when they are missing or older.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline import swap, warehouse
from pipeline.audit import audit_dir, refresh_audit_pages
from pipeline.charts import ChartsReport, refresh_charts, summary_page
from pipeline.storage import Warehouse, reports_dir

# The fingerprint of the publish the pages were made from (warehouse.published_state).
_STAMP = ".published"


@dataclass(frozen=True)
class PagesReport:
    audit_rendered: list[str]  # source paths whose audit page was rendered
    audit_removed: int  # audit pages of departed documents
    charts: ChartsReport


def published_from(store: Warehouse) -> str | None:
    """The fingerprint of the publish the live pages were made from; None without pages."""
    stamp = reports_dir(store) / _STAMP
    return stamp.read_text(encoding="utf-8") if stamp.exists() else None


def publish_pages(store: Warehouse) -> PagesReport:
    """Bring the pages up to date with the working copy, which the run has just published (the run
    holds its lock, so the two are the same), in a staging folder that then replaces reports/."""
    folder = reports_dir(store)
    with swap.replaced(folder) as staging:
        rendered, removed = refresh_audit_pages(store, staging / audit_dir(store).name)
        with store.connect() as con:
            profile = warehouse.read_view(con, "region_profile")
            changes = warehouse.read_view(con, "largest_changes")
            fingerprint = warehouse.published_fingerprint(con)
        names = dict(zip(profile["region_code"], profile["region"], strict=True))
        charts = refresh_charts(profile, names, staging / "charts")
        summary = staging / "index.html"
        if not charts.unchanged or not summary.exists():
            swap.write_text(summary, summary_page(profile, changes, staging / "charts", "audit/index.html"))
        swap.write_text(staging / _STAMP, fingerprint or "")
    return PagesReport(rendered, removed, charts)
