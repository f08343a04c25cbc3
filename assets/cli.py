"""Command line: `python -m assets run` launches the project's job through Dagster, on the
project's Dagster instance, so that the UI shows the run; `explain` and `compare` query the warehouse.

The one module that uses both layers: the domain library (pipeline/) and its Dagster definitions.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from dagster import DagsterInstance
from dagster_shared.error import SerializableErrorInfo

from assets.automation import refresh_warehouse
from assets.checks import QUALITY_CHECKS
from assets.definitions import build_definitions
from pipeline import labels, lake_views
from pipeline.audit import AuditMention, audit_dir, explain_text
from pipeline.datafiles import data_path
from pipeline.normalise import to_simplified
from pipeline.settings import (
    DAGSTER_HOME_VARIABLE,
    PROJECT_ROOT,
    RAW_DIR_VARIABLE,
    WAREHOUSE_VARIABLE,
    configured_dagster_home,
    configured_raw_dir,
    configured_warehouse,
)
from pipeline.storage import Warehouse
from pipeline.warehouse import (
    audit_mentions,
    copy_in_storage_version,
    find_document,
    find_problems,
    find_region,
    indicator_codes,
    region_values,
    table_counts,
)


def dagster_instance(home: Path) -> DagsterInstance:
    """The persistent instance in `home` (the one `make dev` shows), made with the project's
    dagster.yaml when it has none."""
    home.mkdir(parents=True, exist_ok=True)
    config = PROJECT_ROOT / "dagster.yaml"
    if not (home / "dagster.yaml").exists() and config.exists():
        shutil.copyfile(config, home / "dagster.yaml")
    return DagsterInstance.from_config(str(home))


def run_pipeline(raw_dir: Path, warehouse: Path, dagster_home: Path | None = None,
                 tags: Mapping[str, str] | None = None) -> list[str]:
    """Run the project's job (every asset and check) on the Dagster instance in `dagster_home`
    (default: $DAGSTER_HOME, else .dagster_home/ in the project) with the run's `tags`; return
    failure messages (empty = success)."""
    job = build_definitions(raw_dir, warehouse).resolve_job_def(refresh_warehouse.name)
    with dagster_instance(dagster_home or configured_dagster_home()) as instance:
        result = job.execute_in_process(
            instance=instance,
            raise_on_error=False,
            tags=tags or {"source": "command line"},
            run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
        )
    failures = [f"{event.step_key}: {_root_cause(event.step_failure_data.error)}" for event in result.all_events
                if event.is_step_failure and event.step_failure_data is not None]
    if not result.success and not failures:
        # No step failed: the run itself did, before or between steps (a resource that could not
        # start, such as the warehouse's lock on a read-only folder). Name what caused it.
        causes = [_root_cause(getattr(event.event_specific_data, "error", None))
                  for event in result.all_events if event.is_run_failure or event.is_resource_init_failure]
        failures.append(f"the run failed: {next((c for c in causes if c), 'see the log above')}")
    return failures


def _root_cause(error: SerializableErrorInfo | None) -> str:
    """The innermost error's message: the OSError, not Dagster's wrappers around it."""
    while error is not None and error.cause is not None:
        error = error.cause
    return error.message.strip() if error else ""


def failed_checks(warehouse: Path) -> list[tuple[str, int]]:
    """(check, failing rows) for every data-quality check that finds problems."""
    with lake_views.connect(str(warehouse)) as con:
        return [(c.name, n) for c in QUALITY_CHECKS if (n := len(find_problems(con, c.query, c.parameter)))]


def summary(warehouse: Path) -> str:
    with lake_views.connect(str(warehouse)) as con:
        counts = table_counts(con)
        rejected = con.execute("SELECT source_path, reason FROM rejected_files ORDER BY 1").fetchall()
    lines = [
        f"documents        {counts.get('documents', 0):>9,}",
        f"sentences        {counts.get('sentences', 0):>9,}",
        f"tokens           {counts.get('tokens', 0):>9,}",
        f"indicators       {counts.get('indicators', 0):>9,}",
        f"comparison rows  {counts.get('yoy_comparison', 0):>9,}",
        f"rejected files   {len(rejected):>9,}",
    ]
    lines += [f"  - {path}: {reason}" for path, reason in rejected]
    lines += [
        "",
        f"warehouse: {warehouse}",
        "query it:  make sql   (the DuckDB shell, read-only; python -m assets sql --warehouse FILE elsewhere)",
        f"pages:     {warehouse.parent / 'reports' / 'index.html'} (summary), {warehouse.parent / 'reports' / 'audit'}",
        "the run, its metadata and checks: make dev   (then http://127.0.0.1:3000)",
    ]
    return "\n".join(lines)


def _run_command(args: argparse.Namespace) -> int:
    raw_dir, warehouse = Path(args.raw).resolve(), Path(args.warehouse).resolve()
    if not raw_dir.is_dir():
        print(f"error: raw folder {raw_dir} does not exist", file=sys.stderr)
        return 2
    failures = run_pipeline(raw_dir, warehouse, Path(args.dagster_home).resolve())
    if failures:
        print("error: the pipeline run failed:", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    print(summary(warehouse))
    for check, rows in failed_checks(warehouse):
        print(f"check {check}: {rows} row(s) flagged (details in the Dagster UI, asset checks)")
    return 0


def _published(args: argparse.Namespace) -> Path | None:
    """The warehouse a query command reads, or None (after saying why) when there is none yet."""
    warehouse = Path(args.warehouse)
    if not warehouse.exists():
        print(f"error: no warehouse at {warehouse}; run `python -m assets run` first", file=sys.stderr)
        return None
    return warehouse


def document_names(given: str, raw_dir: Path) -> list[str]:
    """What `given` may be called in the warehouse, most exact first: itself (a doc_id, a path
    under the raw folder or a file name); for a path as the shell completes it (raw/2021/a.txt,
    /home/me/reports/raw/a.txt, ../raw/a.txt), its path under the raw folder, then its file name."""
    names = [given]
    path = Path(given)
    if len(path.parts) > 1:
        with contextlib.suppress(ValueError):  # not under the raw folder: its file name may still be one
            names.append(path.resolve().relative_to(raw_dir.resolve()).as_posix())
        names.append(path.name)
    return list(dict.fromkeys(names))


def _explain_command(args: argparse.Namespace) -> int:
    if (warehouse := _published(args)) is None:
        return 2
    with lake_views.connect(str(warehouse)) as con:
        found = next((f for name in document_names(args.file, Path(args.raw))
                      if (f := find_document(con, name)) is not None), None)
        if found is None:
            print(f"error: no document {args.file!r} in {warehouse} (give a file name, its path in raw/ or a doc_id)",
                  file=sys.stderr)
            return 2
        doc_id, source_path, text = found
        mentions = [AuditMention(*row) for row in audit_mentions(con, [doc_id]).get(doc_id, [])]
    print(f"{source_path} ({doc_id}): {len(mentions)} indicator mentions\n")
    print(explain_text(text, mentions))
    page = audit_dir(Warehouse(warehouse)) / f"{doc_id}.html"
    if page.exists():
        print(f"\nhighlighted page: {page}")
    return 0


def _compare_command(args: argparse.Namespace) -> int:
    if (warehouse := _published(args)) is None:
        return 2
    with lake_views.connect(str(warehouse)) as con:
        if args.indicator is not None:
            known = indicator_codes(con)
            if args.indicator not in known:
                close = labels.close_codes(args.indicator, list(known))
                print(f"error: no indicator code {args.indicator!r}"
                      + (f"; close codes: {', '.join(f'{c} ({known[c]})' for c in close)}" if close
                         else "; the codes are in indicator_catalog (SELECT code, name_zh FROM indicator_catalog)"),
                      file=sys.stderr)
                return 2
        matches = find_region(con, to_simplified(args.region))
        if not matches:
            print(f"error: no region called {args.region!r} (give a name such as 苏州市, a short name or a code)",
                  file=sys.stderr)
            return 2
        code, name, level = matches[0]
        values = region_values(con, code, args.indicator, args.year)
    others = ", ".join(f"{n} ({c})" for c, n, _ in matches[1:])
    print(f"{name} ({code}, {level})" + (f"; also called so: {others}" if others else ""))
    if values.empty:
        print("no indicator values for this region" + (" with these filters" if args.indicator or args.year else ""))
        return 0
    print(labels.compare_table(values))
    return 0


# The storage format of the DuckDB command line pinned in constraints.txt (duckdb-cli 1.5.6 reads
# storage versions up to v1.5.0; the duckdb library 2.0 writes a newer one).
SHELL_STORAGE_VERSION = "v1.5.0"


def duckdb_shell() -> str | None:
    """The `duckdb` executable: the venv's (package duckdb-cli), else one on PATH."""
    beside = Path(sys.executable).parent / "duckdb"
    return str(beside) if beside.exists() else shutil.which("duckdb")


def _sql_command(args: argparse.Namespace) -> int:
    """The DuckDB shell, read-only, on the published warehouse, or on a copy of it in the storage
    version the shell reads when it cannot open the file itself (a copy made again after each run)."""
    if (warehouse := _published(args)) is None:
        return 2
    if (shell := duckdb_shell()) is None:
        print("error: no `duckdb` command; install the package duckdb-cli (make sql does)", file=sys.stderr)
        return 2
    opened = warehouse
    probe = subprocess.run([shell, "-readonly", str(warehouse), "-c", "SELECT 1"], capture_output=True, text=True)
    if probe.returncode != 0:
        opened = warehouse.parent / ".sql" / warehouse.name
        if copy_in_storage_version(warehouse, opened, SHELL_STORAGE_VERSION):
            print(f"(a copy for this DuckDB shell, made from {warehouse}: {opened})", file=sys.stderr)
    command = [shell, "-readonly", str(opened), *(["-c", args.command] if args.command else [])]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(shell, command)


def build_parser() -> argparse.ArgumentParser:
    # the installed `reports` command names itself; in a checkout it is `python -m assets`
    prog = "reports" if Path(sys.argv[0]).name == "reports" else "python -m assets"
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="materialize every asset over the raw folder into the warehouse")
    run.add_argument("--raw", default=str(configured_raw_dir()), help=f"report folder (default raw/, or ${RAW_DIR_VARIABLE})")
    run.add_argument("--warehouse", default=str(configured_warehouse()),
                     help=f"DuckDB file (default warehouse/reports.duckdb, or ${WAREHOUSE_VARIABLE})")
    run.add_argument("--dagster-home", default=str(configured_dagster_home()),
                     help=f"Dagster instance folder (default .dagster_home/, or ${DAGSTER_HOME_VARIABLE})")
    run.set_defaults(handler=_run_command)
    explain = commands.add_parser("explain", help="print every indicator of one document with its sentence, marked")
    explain.add_argument("file", help="file name, its path (raw/2021/a.txt, an absolute path), or doc_id")
    explain.add_argument("--raw", default=str(configured_raw_dir()),
                         help=f"report folder the paths are under (default raw/, or ${RAW_DIR_VARIABLE})")
    explain.add_argument("--warehouse", default=str(configured_warehouse()), help="DuckDB file (opened read-only)")
    explain.set_defaults(handler=_explain_command)
    compare = commands.add_parser("compare", help="print a region's indicators over the years with their changes")
    compare.add_argument("--region", required=True, help="region name (苏州市, 苏州), or GB/T 2260 code")
    compare.add_argument("--indicator", help="one indicator code, e.g. enf.fines")
    compare.add_argument("--year", type=int, help="one year")
    compare.add_argument("--warehouse", default=str(configured_warehouse()), help="DuckDB file (opened read-only)")
    compare.set_defaults(handler=_compare_command)
    sql = commands.add_parser("sql", help="the DuckDB shell on the published warehouse, read-only (make sql)")
    sql.add_argument("--warehouse", default=str(configured_warehouse()), help="DuckDB file (opened read-only)")
    sql.add_argument("-c", "--command", help="run this SQL and exit instead of the interactive shell")
    sql.set_defaults(handler=_sql_command)
    evaluate = commands.add_parser(
        "evaluate", help="score the product against your own annotations (tests/data/gold/GUIDE.md)")
    evaluate.add_argument("--gold", required=True, help="folder of <file>.jsonl annotations")
    evaluate.add_argument("--docs", help="TSV of expected metadata: file, region, report_year, doc_type")
    source = evaluate.add_mutually_exclusive_group(required=True)
    source.add_argument("--raw", help="folder of the annotated report files, analysed now as the pipeline does")
    source.add_argument("--warehouse", help="a warehouse already built from them (opened read-only)")
    evaluate.add_argument("--catalog", help="codes the annotations may use; a predicted code outside it counts neither "
                                            "way (default: the product's own catalog)")
    evaluate.add_argument("--verbose", action="store_true", help="print every miss, false alarm and wrong field")
    evaluate.set_defaults(handler=_evaluate_command)
    return parser


def _evaluate_command(args: argparse.Namespace) -> int:
    from pipeline.evaluate import score_folder, score_warehouse

    catalog = Path(args.catalog) if args.catalog else data_path("catalog.tsv")
    docs = Path(args.docs) if args.docs else None
    if args.raw:
        score = score_folder(Path(args.raw), Path(args.gold), docs, catalog)
    else:
        score = score_warehouse(Path(args.warehouse), Path(args.gold), docs, catalog)
    if args.verbose:
        print("\n".join(score.errors))
    print(score.summary())
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        status = args.handler(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader left (`... | head`): stop quietly, as `cat` does. Python would flush stdout again
        # at exit and print a second error, so stdout goes to /dev/null first.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + 13  # killed by SIGPIPE, by the shell's convention
    return status
