"""The performance work changes no output: the fast tokenizer and the worker pool give jieba's tokens
and the in-process rows exactly (benchmarks/ measures the speed)."""

import random
import threading
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
from pipeline.stages import batch_sizes, bring_up_to_date, ingest_folder_into
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


@pytest.mark.parametrize(("documents", "batch", "expected"), [
    (1000, 200, [200, 200, 200, 200, 100, 50, 25, 25]),  # the last batches halve: the last write is short
    (201, 200, [101, 50, 25, 25]),
    (30, 200, [25, 5]),
    (10, 3, [3, 3, 3, 1]),  # never above the batch size
    (0, 200, []),
])
def test_batches_halve_towards_the_end_of_the_work(documents, batch, expected):
    sizes = batch_sizes(documents, batch)
    assert sizes == expected and sum(sizes) == documents


def test_the_pool_is_not_running_until_its_workers_exist(monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    parallel.shutdown()
    forking, release = threading.Event(), threading.Event()
    submit = ProcessPoolExecutor.submit

    def slow_submit(self, *args, **kwargs):  # as when the fork server is still loading
        forking.set()
        release.wait(10)
        return submit(self, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", slow_submit)
    parallel.warm_up()
    assert forking.wait(10)
    assert not parallel.pool_is_running() and not parallel.worth_a_pool(1)  # one document: not worth waiting for
    release.set()
    monkeypatch.setattr(ProcessPoolExecutor, "submit", submit)
    assert parallel.submit_chunks(abs, [-4, -5], list, True).result() == [4, 5]  # waits for the warm-up's pool
    assert parallel.pool_is_running()
