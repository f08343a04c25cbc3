"""The working copy, the writer lock and atomic publishing, with real second processes."""

import subprocess
import sys
import textwrap
import threading
import time

import duckdb

from pipeline.storage import Warehouse


def _write_rows(store: Warehouse, values: list[int]) -> None:
    with store.connect() as con:
        con.execute("CREATE OR REPLACE TABLE numbers AS SELECT unnest($1::INTEGER[]) AS n", [values])


def test_publish_copies_the_working_database_atomically(tmp_path):
    store = Warehouse(tmp_path / "reports.duckdb")
    _write_rows(store, [1, 2, 3])
    assert not store.published.exists()
    store.publish()
    with duckdb.connect(str(store.published), read_only=True) as con:
        assert con.execute("SELECT sum(n) FROM numbers").fetchone()[0] == 6
    assert store.working != store.published and store.working.exists()


def test_a_reader_in_another_process_neither_blocks_nor_sees_a_half_published_file(tmp_path):
    store = Warehouse(tmp_path / "reports.duckdb")
    _write_rows(store, [1])
    store.publish()
    reader = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(store.published)!r}, read_only=True)
            print(con.execute("SELECT sum(n) FROM numbers").fetchone()[0], flush=True)
            sys.stdin.readline()      # hold the connection open until told to go on
            print(con.execute("SELECT sum(n) FROM numbers").fetchone()[0], flush=True)
            con.close()
            con = duckdb.connect({str(store.published)!r}, read_only=True)
            print(con.execute("SELECT sum(n) FROM numbers").fetchone()[0], flush=True)
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "1"
        _write_rows(store, [10, 20])  # the run writes and publishes while the reader holds the file
        store.publish()
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "1", "the open connection keeps its snapshot"
        assert reader.stdout.readline().strip() == "30", "a new connection sees the new data"
    finally:
        reader.wait(timeout=30)
    assert reader.returncode == 0


def test_writers_take_turns_instead_of_failing_on_the_file_lock(tmp_path):
    store = Warehouse(tmp_path / "reports.duckdb")
    _write_rows(store, [])
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from pipeline.storage import Warehouse
            with Warehouse({str(store.published)!r}).connect() as con:
                print("holding", flush=True)
                time.sleep(2)
                con.execute("INSERT INTO numbers VALUES (1)")
        """)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    started = time.monotonic()
    with store.connect() as con:
        waited = time.monotonic() - started
        con.execute("INSERT INTO numbers VALUES (2)")
        assert sorted(r[0] for r in con.execute("SELECT n FROM numbers").fetchall()) == [1, 2]
    holder.wait(timeout=30)
    assert holder.returncode == 0
    assert waited > 1.0


def test_the_working_copy_is_seeded_from_a_published_file(tmp_path):
    store = Warehouse(tmp_path / "reports.duckdb")
    _write_rows(store, [5])
    store.publish()
    store.working.unlink()
    with store.connect() as con:
        assert con.execute("SELECT sum(n) FROM numbers").fetchone()[0] == 5


def test_threads_of_one_process_also_take_turns(tmp_path):
    store = Warehouse(tmp_path / "reports.duckdb")
    _write_rows(store, [])
    errors = []

    def add(value):
        try:
            with store.connect() as con:
                con.execute("INSERT INTO numbers VALUES ($1)", [value])
        except Exception as error:  # noqa: BLE001 - surfaced by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=add, args=(v,)) for v in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with store.connect() as con:
        assert con.execute("SELECT count(*) FROM numbers").fetchone()[0] == 8
