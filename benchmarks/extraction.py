"""Time indicator extraction alone, and check that a change to it leaves every mention unchanged.

    python -m benchmarks.extraction --save /tmp/extract_baseline.pkl    # before a change
    python -m benchmarks.extraction --check /tmp/extract_baseline.pkl   # after it

The sentences are those of a generated corpus (benchmarks/corpus.py), the bundled reports in
raw/ and the held-out excerpts in tests/data/heldout/, normalised, split and tokenized once up
front; only extract_mentions is timed (CPU seconds, best of --repeat).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import bundled_texts, write_corpus
from pipeline.extract import DocumentContext, Mention, extract_mentions
from pipeline.metadata import infer_metadata
from pipeline.normalise import normalise_text
from pipeline.segment import split_sentences, tokenize

HELDOUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "heldout"

Work = list[tuple[str, list[str], DocumentContext]]


def corpus_texts(docs: int, seed: int) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        generated = [p.read_text(encoding="utf-8") for p in write_corpus(Path(tmp), docs, seed)]
    heldout = [p.read_text(encoding="utf-8") for p in sorted(HELDOUT.glob("*.txt"))]
    return generated + bundled_texts() + heldout


def prepare(texts: list[str]) -> Work:
    """(sentence, tokens, context) of every sentence, as the pipeline passes them."""
    work: Work = []
    for raw in texts:
        norm = normalise_text(raw).text
        meta = infer_metadata(norm)
        context = DocumentContext(report_year=meta.report_year, doc_type=meta.doc_type)
        for sentence in split_sentences(norm):
            work.append((sentence.text, tokenize(sentence.text), context))
    return work


def extract_all(work: Work) -> list[list[Mention]]:
    return [extract_mentions(sentence, tokens, context) for sentence, tokens, context in work]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300, help="documents in the generated corpus")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the best counts")
    parser.add_argument("--save", type=Path, help="write every sentence's mentions to this pickle")
    parser.add_argument("--check", type=Path, help="fail unless the mentions equal this pickle's")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one pass instead")
    args = parser.parse_args()

    work = prepare(corpus_texts(args.docs, args.seed))
    print(f"{len(work)} sentences, {sum(len(s) for s, _, _ in work)} characters")
    if args.profile:
        import cProfile
        import pstats
        profiler = cProfile.Profile()
        profiler.runcall(extract_all, work)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        return 0
    best = float("inf")
    for _ in range(args.repeat):
        began = time.process_time()
        out = extract_all(work)
        best = min(best, time.process_time() - began)
    print(f"extract_mentions: {best:.3f} CPU s (best of {args.repeat}), {sum(map(len, out))} mentions")
    if args.save:
        args.save.write_bytes(pickle.dumps([(s, m) for (s, _, _), m in zip(work, out)]))
        print(f"saved to {args.save}")
    if args.check:
        expected = pickle.loads(args.check.read_bytes())
        got = [(s, m) for (s, _, _), m in zip(work, out)]
        differing = [i for i, (e, g) in enumerate(zip(expected, got)) if e != g]
        if len(expected) != len(got) or differing:
            for i in differing[:5]:
                print(f"DIFFERENT: {expected[i][0]}\n  was {expected[i][1]}\n  now {got[i][1]}")
            print(f"FAIL: {len(differing)} sentences differ ({len(expected)} expected, {len(got)} now)")
            return 1
        print(f"identical to {args.check}: {len(got)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
