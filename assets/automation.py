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


def next_cursor(cursor: str | None, fingerprint: str) -> str | None:
    """The sensor's cursor after seeing `fingerprint`: `<sequence>:<fingerprint>`, the sequence one
    up from the last, or None when the folder is as it was at the last request. The cursor is also
    the run key: Dagster never launches two runs with one key, and a folder that returns to an
    earlier state (a file added, then removed) must still be refreshed, so the sequence makes every
    key new."""
    sequence, last = cursor.split(":", 1) if cursor and ":" in cursor else ("0", cursor)
    if fingerprint == last:
        return None
    return f"{int(sequence) + 1}:{fingerprint}"


@sensor(job=refresh_warehouse, minimum_interval_seconds=60, default_status=DefaultSensorStatus.STOPPED)
def raw_folder_sensor(context: SensorEvaluationContext, raw_folder: RawFolder) -> RunRequest | SkipReason:
    """Request a refresh when files in raw/ appear, change or disappear."""
    cursor = next_cursor(context.cursor, raw_folder_fingerprint(str(raw_folder.root())))
    if cursor is None:
        return SkipReason("raw folder unchanged since the last run request")
    context.update_cursor(cursor)
    return RunRequest(run_key=cursor)
