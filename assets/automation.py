"""How the warehouse refreshes unattended: a job over every asset, a daily schedule, a raw-folder sensor."""

import hashlib
import os

from dagster import (
    AssetSelection,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    RunRequest,
    ScheduleDefinition,
    SensorEvaluationContext,
    SkipReason,
    define_asset_job,
    sensor,
)

from assets.resources import RawFolder

refresh_warehouse = define_asset_job(
    "refresh_warehouse",
    selection=AssetSelection.all(),
    description="Ingest raw/, rebuild every table and comparison, run the checks.",
    tags={"warehouse": "reports"},  # dagster.yaml lets one such run go at a time
)

daily_refresh = ScheduleDefinition(
    name="daily_refresh",
    job=refresh_warehouse,
    cron_schedule="0 6 * * *",
    default_status=DefaultScheduleStatus.STOPPED,
)


def raw_folder_fingerprint(root: str) -> str:
    """A digest of every file's relative path, size and modification time: cheap, one listing per tick."""
    digest = hashlib.sha256()
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            try:
                stat = os.stat(os.path.join(directory, name))
            except OSError:  # a broken link or a link loop: its own stat (ingest records why it is rejected)
                try:
                    stat = os.lstat(os.path.join(directory, name))
                except OSError:  # gone since the listing: the next tick sees it
                    continue
            relative = os.path.relpath(os.path.join(directory, name), root)
            digest.update(f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


@sensor(job=refresh_warehouse, minimum_interval_seconds=60, default_status=DefaultSensorStatus.STOPPED)
def raw_folder_sensor(context: SensorEvaluationContext, raw_folder: RawFolder):
    """Request a refresh when files in raw/ appear, change or disappear; the cursor is the last fingerprint."""
    fingerprint = raw_folder_fingerprint(str(raw_folder.root()))
    if fingerprint == context.cursor:
        return SkipReason("raw folder unchanged since the last run request")
    context.update_cursor(fingerprint)
    return RunRequest(run_key=fingerprint)
