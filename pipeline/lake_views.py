"""DuckDB views that read exactly one snapshot of the lake, so readers keep using plain DuckDB.

A view names the Parquet files of one version of its Delta table (read_parquet over an explicit
list, the partition columns from the hive-style paths): nothing lists a folder or reads the Delta
log at query time, so a reader sees that snapshot however the lake moves on, for as long as its
files are kept (pipeline.lake.RETENTION_HOURS). The run's connection gets temporary views of the
latest snapshot after every commit; publishing pins views in the catalog file people open.

DuckDB reads local files itself. For s3:// files it needs either its httpfs extension (not
installable offline here) or a filesystem registered on the connection: connect() registers
pyarrow's S3 client through fsspec, configured from the AWS_* environment variables.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:
    from pipeline.lake import TableSnapshot

# The lake's partition columns (pipeline.lake), here so that readers need no deltalake: the year the
# report covers and its province.
PARTITION_TYPES = {"lake_year": "INTEGER", "lake_province": "VARCHAR"}
PARTITION_COLUMNS = tuple(PARTITION_TYPES)
# The catalog's record of what it pins: table, Delta version, lake URI.
SNAPSHOT_TABLE = "lake_snapshot"


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    """(name, type) of the warehouse table `table` of the schema, which the lake's files follow (the
    database's own table: a temporary view of the same name may shadow it)."""
    return [(row[0], row[1]) for row in con.execute(
        """SELECT column_name, data_type FROM information_schema.columns
           WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = $1
           ORDER BY ordinal_position""", [table]).fetchall()]


def _listed(files: list[str]) -> str:
    return "[" + ", ".join(_literal(path) for path in files) + "]"


def file_columns(con: duckdb.DuckDBPyConnection, files: list[str]) -> set[str]:
    """The columns any of `files` holds (read from their Parquet footers)."""
    if not files:
        return set()
    described = con.execute(f"DESCRIBE SELECT * FROM read_parquet({_listed(files)}, union_by_name = true)")
    return {row[0] for row in described.fetchall()}


def snapshot_select(columns: list[tuple[str, str]], files: list[str], present: set[str] | None = None) -> str:
    """The rows of one table's snapshot, with the schema's columns and then the partition columns. A
    column the schema gained after the snapshot's files were written (`present` lacks it) reads NULL."""
    if not files:
        typed = [*columns, *PARTITION_TYPES.items()]
        return "SELECT " + ", ".join(f"CAST(NULL AS {kind}) AS {_identifier(name)}" for name, kind in typed) + " WHERE false"
    selected = [_identifier(name) if present is None or name in present else f"CAST(NULL AS {kind}) AS {_identifier(name)}"
                for name, kind in columns] + [_identifier(name) for name in PARTITION_COLUMNS]
    types = "{" + ", ".join(f"{_literal(name)}: {kind}" for name, kind in PARTITION_TYPES.items()) + "}"
    return (f"SELECT {', '.join(selected)} FROM read_parquet({_listed(files)}, "
            f"hive_partitioning = true, hive_types = {types}, union_by_name = true)")


def create_views(con: duckdb.DuckDBPyConnection, snapshot: Mapping[str, TableSnapshot],
                 columns: Mapping[str, list[tuple[str, str]]], temporary: bool) -> None:
    """One view per table of `snapshot`, named after it; temporary ones shadow the schema's (empty)
    tables of the same name for this connection only."""
    for table, pinned in snapshot.items():
        kind = "TEMP VIEW" if temporary else "VIEW"
        select = snapshot_select(columns[table], pinned.files, file_columns(con, pinned.files))
        con.execute(f"CREATE OR REPLACE {kind} {_identifier(table)} AS {select}")


def write_catalog(con: duckdb.DuckDBPyConnection, catalog: str, lake_uri: str,
                  snapshot: Mapping[str, TableSnapshot]) -> None:
    """Write the published catalog, a new DuckDB file at `catalog`, from the working database that
    `con` is connected to: its schema and views, the rows of every table the lake does not hold,
    and in place of the lake's tables views of `snapshot`, recorded in lake_snapshot. Built table by
    table rather than copied, so that the lake's rows (the texts above all) never take room in it."""
    source = _identifier(con.execute("SELECT current_database()").fetchall()[0][0])
    columns = {table: table_columns(con, table) for table in snapshot}
    con.execute(f"ATTACH {_literal(catalog)} AS published_catalog")
    try:
        con.execute(f"COPY FROM DATABASE {source} TO published_catalog (SCHEMA)")
        tables = [row[0] for row in con.execute(
            """SELECT table_name FROM information_schema.tables
               WHERE table_catalog = current_database() AND table_schema = 'main' AND table_type = 'BASE TABLE'""").fetchall()]
        for table in tables:
            name = _identifier(table)
            if table in snapshot:
                con.execute(f"DROP TABLE published_catalog.main.{name}")
            else:
                con.execute(f"INSERT INTO published_catalog.main.{name} SELECT * FROM {source}.main.{name}")
        for table, pinned in snapshot.items():
            con.execute(f"CREATE VIEW published_catalog.main.{_identifier(table)} AS "
                        f"{snapshot_select(columns[table], pinned.files, file_columns(con, pinned.files))}")
        con.execute(f"CREATE TABLE published_catalog.main.{SNAPSHOT_TABLE} (table_name VARCHAR, version BIGINT, lake VARCHAR)")
        con.executemany(f"INSERT INTO published_catalog.main.{SNAPSHOT_TABLE} VALUES (?, ?, ?)",
                        [[table, pinned.version, lake_uri] for table, pinned in snapshot.items()])
    finally:
        con.execute("DETACH published_catalog")


def register_object_store(con: duckdb.DuckDBPyConnection) -> None:
    """Let this connection read s3:// paths through pyarrow's S3 client (fsspec's wrapper), set up
    from the AWS_* variables: the way here, where DuckDB's httpfs extension cannot be installed."""
    from fsspec.implementations.arrow import ArrowFSWrapper
    from pyarrow import fs

    endpoint = os.environ.get("AWS_ENDPOINT_URL")
    options: dict[str, object] = {"region": os.environ.get("AWS_REGION", "us-east-1")}
    if endpoint:
        scheme, _, host = endpoint.partition("://")
        options |= {"endpoint_override": host, "scheme": scheme}
    con.register_filesystem(ArrowFSWrapper(fs.S3FileSystem(**options)))


def needs_object_store(uri: str) -> bool:
    return uri.startswith("s3://")


def connect(path: str, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """A connection to a published warehouse that can read the files its views name: plain
    duckdb.connect for a DuckDB warehouse or a lake on a local folder, with the S3 filesystem
    registered for a lake on object storage."""
    con = duckdb.connect(path, read_only=read_only)
    pinned = con.execute("SELECT 1 FROM information_schema.tables WHERE table_name = $1", [SNAPSHOT_TABLE]).fetchone()
    if pinned and any(needs_object_store(row[0]) for row in con.execute(f"SELECT DISTINCT lake FROM {SNAPSHOT_TABLE}").fetchall()):
        register_object_store(con)
    return con
