"""Agreement and speed of jieba-compatible segmenters against jieba on the bundled and held-out reports.

Not dependencies of the project: install the candidates elsewhere and put them on the path,
    pip install --target /tmp/segpkgs --no-deps jieba-fast-dat==0.59 jieba-next==1.0.0rc1
    PYTHONPATH=/tmp/segpkgs .venv/bin/python -m benchmarks.segmenters
Each segmenter loads the domain dictionary; CPU time is the best of three over the sentences × 20.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from pathlib import Path

import jieba

from pipeline.datafiles import data_path
from pipeline.normalise import normalise_text
from pipeline.segment import split_sentences, tokenize

CANDIDATES = ("jieba_fast_dat", "jieba_next")
ROOT = Path(__file__).resolve().parents[1]


def _segmenter(module) -> Callable[[str], list[str]]:
    tokenizer = module.Tokenizer()
    tokenizer.load_userdict(str(data_path("user_dict.txt")))
    tokenizer.lcut("预热一下分词器")
    return lambda sentence: [w for w in tokenizer.lcut(sentence, HMM=True) if w.strip()]


def _spans(tokens: list[str]) -> set[tuple[int, int]]:
    spans, position = set(), 0
    for token in tokens:
        spans.add((position, position + len(token)))
        position += len(token)
    return spans


def main() -> None:
    folders = [ROOT / "raw", ROOT / "tests" / "data" / "heldout"]
    sentences = [s.text for folder in folders for path in sorted(folder.glob("*.txt"))
                 for s in split_sentences(normalise_text(path.read_text(encoding="utf-8")).text)]
    print(f"{len(sentences)} sentences, {sum(map(len, sentences))} characters")
    segmenters = {"jieba": _segmenter(jieba), **{name: _segmenter(importlib.import_module(name)) for name in CANDIDATES},
                  "pipeline.segment.tokenize": tokenize}
    reference = [segmenters["jieba"](s) for s in sentences]
    reference_spans = sum(len(_spans(r)) for r in reference)
    for name, cut in segmenters.items():
        tokens = [cut(s) for s in sentences]
        identical = sum(a == b for a, b in zip(tokens, reference))
        shared = sum(len(_spans(a) & _spans(b)) for a, b in zip(tokens, reference))
        repeated = sentences * 20
        best = min(_cpu_seconds(cut, repeated) for _ in range(3))
        print(f"{name}: identical sentences {identical}/{len(sentences)}, token spans shared "
              f"{shared / reference_spans:.4f}, CPU {best:.2f} s over {sum(map(len, repeated)) / 1e6:.2f} M characters")
        for ours, theirs in [(r, t) for r, t in zip(reference, tokens) if r != t][:5]:
            print(f"    jieba {[w for w in ours if w not in theirs][:4]} vs {[w for w in theirs if w not in ours][:4]}"
                  f" in {''.join(ours)[:30]}")


def _cpu_seconds(cut: Callable[[str], list[str]], sentences: list[str]) -> float:
    start = time.process_time()
    for sentence in sentences:
        cut(sentence)
    return time.process_time() - start


if __name__ == "__main__":
    main()
