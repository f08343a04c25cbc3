"""The performance work changes no output: the fast tokenizer and the worker pool give jieba's tokens
and the in-process rows exactly (benchmarks/ measures the speed)."""

import random
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from jieba import finalseg

from pipeline import parallel
from pipeline.hmm import HiddenMarkovCutter
from pipeline.normalise import normalise_text
from pipeline.segment import (
    _cutter,
    _tokenizer,
    load_route_table,
    route_table_from,
    split_sentences,
    tokenize,
    tokenize_with_jieba,
)
from pipeline.stages import bring_up_to_date, ingest_folder_into
from pipeline.warehouse import DOCUMENT_STAGES
from pipeline.storage import Warehouse

BUNDLED_RAW = Path(__file__).resolve().parents[1] / "raw"


def _bundled_sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(BUNDLED_RAW.glob("*.txt"))]
    return [s.text for text in texts for s in split_sentences(normalise_text(text).text)]


def test_fast_tokenizer_gives_jiebas_tokens_on_every_bundled_sentence():
    sentences = _bundled_sentences()
    assert len(sentences) > 400
    assert [tokenize(s) for s in sentences] == [tokenize_with_jieba(s) for s in sentences]


@pytest.mark.parametrize("text", ["", " ", "\r\n", "abc 12.5%", " a\u3000b\u00a0c\x1c，\r\n 。", "x \u2003 y", "二〇二一年，立案查处6517件！", "x" * 300, "罗湖区重大安全"])
def test_fast_tokenizer_edge_cases(text):
    assert tokenize(text) == tokenize_with_jieba(text)


@pytest.mark.parametrize("text", ["", "，", " ", "\r\n", "，，。", "  立案 \r\n 查处\t6517件 。", "abc，def", "罚款1.90亿元，同比下降38.6%",
                                  "（一）全年", "A", "“依法行政”"])
def test_fast_cutter_keeps_jiebas_whitespace_and_punctuation_tokens(text):
    assert _cutter().lcut(text) == _tokenizer().lcut(text)


def _build(root: Path, raw: Path) -> dict[str, pd.DataFrame]:
    store = Warehouse(root / "reports.duckdb")
    ingest_folder_into(store, raw)
    bring_up_to_date(store, batch_documents=3)
    with duckdb.connect(str(store.working), read_only=True) as con:
        return {name: con.execute(f"SELECT * FROM {name} ORDER BY ALL").df() for name in DOCUMENT_STAGES}


def test_worker_pool_writes_the_rows_of_the_in_process_run(tmp_path, monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "1")
    alone = _build(tmp_path / "alone", BUNDLED_RAW)
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    monkeypatch.setattr(parallel, "MIN_PARALLEL_DOCUMENTS", 1)
    monkeypatch.setattr(parallel, "CHUNK_DOCUMENTS", 2)
    pooled = _build(tmp_path / "pooled", BUNDLED_RAW)
    for name in DOCUMENT_STAGES:
        assert len(alone[name]) > 0
        pd.testing.assert_frame_equal(alone[name], pooled[name], check_dtype=False)


def test_route_table_comes_back_from_its_cache_and_is_rebuilt_when_the_cache_is_bad(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = load_route_table()
    assert built == route_table_from(_tokenizer())
    [cache] = list(tmp_path.rglob("route-table-*.marshal"))
    assert load_route_table() == built
    cache.write_bytes(b"not a route table")
    assert load_route_table() == built
    assert load_route_table() == built and cache.read_bytes() != b"not a route table"


def test_route_table_without_a_writable_cache_is_still_built(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert load_route_table() == route_table_from(_tokenizer())


def _unknown_runs() -> list[str]:
    """Runs of characters as the cutter hands them to the HMM, and random ones: common and rare
    characters, characters the model has never seen (their scores tie), letters and digits."""
    rng = random.Random(20240601)
    chars = sorted({c for s in _bundled_sentences() for c in s if "\u4e00" <= c <= "\u9fd5"})
    pool = chars + list("abcXYZ0123456789.%-_+#&") + ["\u9fd0", "\u9fa5", "\U00020000", "〇"]
    return ["".join(rng.choice(pool) for _ in range(rng.randint(1, 14))) for _ in range(3000)]


def test_hmm_cutter_gives_jiebas_hmm_tokens():
    cutter = HiddenMarkovCutter()
    for run in [*_unknown_runs(), "\u9fd0\u9fd0\u9fd0", "罗湖区", "x", "12.5%"]:
        out: list[str] = []
        cutter.cut(run, out)
        assert out == list(finalseg.cut(run)), run


def test_hmm_cutter_splits_jiebas_force_split_words(monkeypatch):
    monkeypatch.setattr(finalseg, "Force_Split_Words", {"罗湖", "湖区"})
    cutter = HiddenMarkovCutter()
    for run in ["罗湖区重大安全", "罗湖", "湖区", "深圳罗湖"]:
        out: list[str] = []
        cutter.cut(run, out)
        assert out == list(finalseg.cut(run)), run


@pytest.mark.parametrize(("documents", "later", "workers", "expected"), [
    (200, 800, 2, [25] * 8),  # much left: full chunks
    (10, 0, 2, [3, 2, 2, 2, 1]),  # the end of the work: small chunks, at least MIN_CHUNK_DOCUMENTS but for the rest
    (0, 0, 2, []),
    (30, 0, 4, [4, 4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2]),
])
def test_chunks_shrink_towards_the_end_of_the_work(documents, later, workers, expected, monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, str(workers))
    sizes = parallel.chunk_sizes(documents, later)
    assert sizes == expected and sum(sizes) == documents


@pytest.mark.parametrize(("documents", "later", "expected"), [
    (200, 800, [25] * 6 + [parallel.MIN_CHUNK_DOCUMENTS] * 25),  # the last HERE_DOCUMENTS in small pieces
    (51, 0, [1] + [parallel.MIN_CHUNK_DOCUMENTS] * 25),
    (7, 0, [2, 2, 2, 1]),  # fewer than HERE_DOCUMENTS: all in pieces
])
def test_while_the_workers_start_the_end_of_the_batch_goes_out_in_small_pieces(documents, later, expected, monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    sizes = parallel.chunk_sizes(documents, later, starting=True)
    assert sizes == expected and sum(sizes) == documents


@pytest.mark.parametrize("ready", [False, True])
def test_while_the_workers_start_this_process_takes_chunks_from_the_end(monkeypatch, ready):
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    monkeypatch.setattr(parallel, "workers_ready", lambda: ready)  # False: the fork server still loading
    done_here: list[int] = []

    def here(chunk: int) -> int:
        done_here.append(chunk)
        return -chunk

    chunks = [-n for n in range(1, 31)]
    assert parallel.submit_chunks(abs, chunks, list, True, here=here).result() == list(range(1, 31))
    if ready:
        assert done_here == []
    else:  # the last ones, last first, up to the first one a worker had already taken (if any)
        assert done_here and done_here == chunks[-len(done_here):][::-1]


def test_while_another_thread_starts_the_pool_this_process_works_instead_of_waiting(monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    holding, release = threading.Event(), threading.Event()

    def starting_the_pool() -> None:  # as warm_up's thread does while the fork server loads
        with parallel._pool_lock:
            holding.set()
            release.wait(10)

    starter = threading.Thread(target=starting_the_pool)
    starter.start()
    holding.wait(10)
    done_here: list[int] = []
    while_starting: list[bool] = []

    def here(chunk: int) -> int:
        done_here.append(chunk)
        free = parallel._pool_lock.acquire(blocking=False)
        if free:
            parallel._pool_lock.release()
        while_starting.append(not free)
        if len(done_here) == 3:
            release.set()
            starter.join()
        return -chunk

    chunks = [-n for n in range(1, 31)]
    assert parallel.submit_chunks(abs, chunks, list, True, here=here).result() == list(range(1, 31))
    assert done_here[:3] == [-30, -29, -28] and while_starting[:3] == [True] * 3  # from the end, meanwhile


def test_workers_are_not_ready_while_the_pool_is_being_started(monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    parallel.shutdown()
    submitting, release = threading.Event(), threading.Event()
    submit = ProcessPoolExecutor.submit

    def slow_submit(self, *args, **kwargs):  # the first submit waits for the fork server
        submitting.set()
        release.wait(10)
        return submit(self, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", slow_submit)
    parallel.warm_up()
    assert submitting.wait(10)
    assert not parallel.pool_is_running() and not parallel.workers_ready()
    release.set()
    monkeypatch.setattr(ProcessPoolExecutor, "submit", submit)
    assert parallel.pool().submit(abs, -4).result() == 4
    deadline = time.monotonic() + 10
    while not parallel.workers_ready() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert parallel.workers_ready()
