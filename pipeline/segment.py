"""Split normalised report text into sentences and sentences into jieba tokens.

Sentences end at 。！？ or a kept line break (normalise has already removed layout breaks);
semicolons stay inside, because 分别 and 其中 often point across them. Lines that are page
furniture of a web dump (navigation, share buttons) are not sentences.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from math import log
from pathlib import Path

import jieba

from pipeline.datafiles import data_path
from pipeline.hmm import HiddenMarkovCutter
from pipeline.normalise import is_debris_line

# jieba's own block patterns (jieba.re_han_default, jieba.re_skip_default).
_RE_HAN = jieba.re_han_default
_RE_SKIP = jieba.re_skip_default
_SENTENCE = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』）)]*|\n|$)")


@dataclass(frozen=True)
class Sentence:
    """A sentence with its half-open span in the normalised text."""

    start: int
    end: int
    text: str


# A real sentence is far shorter; a longer one (a converted table on one line, a page without
# punctuation) is cut into pieces of at most this many characters, so that no rule that looks
# across a sentence can grow with the size of a file.
MAX_SENTENCE_CHARS = 1000
_PIECE_BREAKS = ("；", ";", "，", ",", "、")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, stripped of surrounding whitespace, debris lines dropped."""
    sentences = []
    for m in _SENTENCE.finditer(text):
        chunk = m.group()
        stripped = chunk.strip()
        if not stripped or is_debris_line(stripped):
            continue
        start = m.start() + (len(chunk) - len(chunk.lstrip()))
        sentences.extend(_pieces(start, stripped))
    return sentences


def _pieces(start: int, sentence: str) -> list[Sentence]:
    """A sentence, or pieces of it no longer than MAX_SENTENCE_CHARS, each cut after the last
    semicolon in its second half, else the last comma or enumeration comma, else at the limit."""
    pieces = []
    at = 0
    while len(sentence) - at > MAX_SENTENCE_CHARS:
        window = sentence[at:at + MAX_SENTENCE_CHARS]
        cut = next((window.rfind(ch) + 1 for ch in _PIECE_BREAKS if window.rfind(ch) >= MAX_SENTENCE_CHARS // 2),
                   MAX_SENTENCE_CHARS)
        pieces.append(Sentence(start + at, start + at + cut, window[:cut]))
        at += cut
    pieces.append(Sentence(start + at, start + len(sentence), sentence[at:]))
    return pieces


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(data_path("user_dict.txt")))
    return tokenizer


_ABSENT = object()


RouteTable = tuple[dict[str, float | None], dict[str, tuple[float | None, float | None, bool]], float]


class _Cutter:
    """jieba's accurate mode with HMM (Tokenizer.cut), computed the same way, only faster.

    jieba builds a DAG of dictionary words as a dict of lists, then finds the best route with a
    generator per character. Here the route is found in one backward pass over the block, with
    each word's log probability looked up once from tables made from jieba's dictionary (the
    same floating-point operations in the same order, ties broken the same way, so the same
    route). Unknown runs go to jieba's HMM, computed the same way (pipeline.hmm). Tokens are identical
    to Tokenizer.lcut: tests/test_fast_paths.py and benchmarks/ compare them.
    """

    def __init__(self, words: dict[str, float | None], pairs: dict[str, tuple[float | None, float | None, bool]],
                 unknown: float) -> None:
        self.words = words  # see route_table_from
        self.pairs = pairs
        self.unknown = unknown
        self.hmm = HiddenMarkovCutter()

    def _route(self, block: str) -> list[int]:
        """end[k]: the last index of the best word starting at k (jieba's get_DAG and calc in one pass).

        Most positions start a two-character word or prefix; its entry gives the scores of the one-
        and two-character words and whether longer words start there, in one lookup instead of
        three (jieba walks the prefixes one character at a time until one is missing)."""
        get, pair, unknown, absent = self.words.get, self.pairs.get, self.unknown, _ABSENT
        n = len(block)
        score = [0.0] * (n + 1)
        end = list(range(n))  # a single character unless a longer word wins
        p = get(block[-1])  # the last character: a word of one character, known or not
        score[n - 1] = unknown if p is None else p
        for k in range(n - 2, -1, -1):
            entry = pair(block[k : k + 2])
            if entry is None:  # no word is longer than the character itself
                p = get(block[k])
                score[k] = (unknown if p is None else p) + score[k + 1]
                continue
            p, p2, longer = entry
            if p is None:
                best, best_end = 0.0, -1
            else:
                best, best_end = p + score[k + 1], k
            if p2 is not None:
                candidate = p2 + score[k + 2]
                if best_end < 0 or candidate >= best:  # as max() over (score, end): ties go to the longer word
                    best, best_end = candidate, k + 1
            if longer:
                stop = k + 3  # the word is block[k:stop]
                while stop <= n:
                    p = get(block[k:stop], absent)
                    if p is absent:  # neither a word nor the prefix of one
                        break
                    if p is not None:
                        candidate = p + score[stop]
                        if best_end < 0 or candidate >= best:
                            best, best_end = candidate, stop - 1
                    stop += 1
            if best_end < 0:
                best, best_end = unknown + score[k + 1], k
            score[k] = best
            end[k] = best_end
        return end

    def _is_word(self, text: str) -> bool:
        """Whether jieba's dictionary has `text` as a word, not only as a word's prefix."""
        if len(text) == 2:
            entry = self.pairs.get(text)
            return entry is not None and entry[1] is not None
        return self.words.get(text) is not None

    def _flush(self, buf: str, out: list[str]) -> None:
        if len(buf) == 1:
            out.append(buf)
        elif not self._is_word(buf):
            self.hmm.cut(buf, out)
        else:
            out.extend(buf)

    def _cut_block(self, block: str, out: list[str]) -> None:
        end = self._route(block)
        n = len(block)
        x = 0
        buf = ""
        while x < n:
            y = end[x] + 1
            if y - x == 1:
                buf += block[x]
            else:
                if buf:
                    self._flush(buf, out)
                    buf = ""
                out.append(block[x:y])
            x = y
        if buf:
            self._flush(buf, out)

    def lcut(self, sentence: str, whitespace: bool = True) -> list[str]:
        """jieba's tokens of `sentence`; without its whitespace tokens when `whitespace` is False
        (only the blocks between Han blocks hold whitespace, and there each whitespace character
        is a token of its own)."""
        out: list[str] = []
        blocks = _RE_HAN.split(sentence)  # split on a capturing group: the odd items are its matches
        for index, block in enumerate(blocks):
            if index % 2:
                self._cut_block(block, out)
            elif len(block) == 1:  # mostly a punctuation mark, or one space: itself, whether or not _RE_SKIP matches
                if whitespace or not block.isspace():
                    out.append(block)
            elif block:
                for piece in _RE_SKIP.split(block):
                    if _RE_SKIP.match(piece):
                        if whitespace:
                            out.append(piece)
                    else:
                        out.extend(piece)
        return out


# Bump when the route table's content changes for the same dictionaries: old cache files are ignored.
_ROUTE_TABLE_FORMAT = 2


def route_table_from(tokenizer: jieba.Tokenizer) -> RouteTable:
    """The tokenizer's dictionary as _Cutter's tables.

    words: each word and word prefix of any length but two with its log probability (None for a
    prefix that is no word: jieba stores those with frequency 0). pairs: each two-character word
    or prefix with the log probabilities of its first character and of itself, and whether longer
    words start with it. Last, the score of an unknown character."""
    tokenizer.check_initialized()
    log_total = log(tokenizer.total)
    log_p = {word: (log(freq) - log_total if freq else None) for word, freq in tokenizer.FREQ.items()}
    longer = {word[:2] for word in log_p if len(word) > 2}
    pairs = {word: (log_p[word[0]], p, word in longer) for word, p in log_p.items() if len(word) == 2}
    words = {word: p for word, p in log_p.items() if len(word) != 2}
    return words, pairs, log(1) - log_total


def _route_table_cache() -> Path:
    """Per user, like other caches; keyed by jieba's version, its dictionary and the domain words."""
    jieba_dict = Path(jieba.__file__).with_name("dict.txt").stat()
    key = hashlib.sha256(f"{_ROUTE_TABLE_FORMAT}|{jieba.__version__}|{jieba_dict.st_size}|{jieba_dict.st_mtime_ns}|"
                         .encode() + data_path("user_dict.txt").read_bytes()).hexdigest()[:16]
    cache_home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache_home / "rule-of-law-indicators" / f"route-table-{key}.marshal"


def load_route_table() -> RouteTable:
    """The route table, from the cache when it holds one for the same dictionaries (0.2 s), else
    built from jieba's Tokenizer (1.1 s: loading jieba's dictionary, the domain words and the
    logarithms) and cached. Worker processes start that much sooner; a cache that cannot be read
    or written is rebuilt or skipped, never an error."""
    path = _route_table_cache()
    try:
        words, pairs, unknown = marshal.loads(path.read_bytes())
        if isinstance(words, dict) and isinstance(pairs, dict) and isinstance(unknown, float):
            return words, pairs, unknown
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = route_table_from(_tokenizer())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(marshal.dumps(table))
        os.replace(partial, path)
    except OSError:
        pass
    return table


@lru_cache(maxsize=1)
def _cutter() -> _Cutter:
    return _Cutter(*load_route_table())


def tokenize(text: str) -> list[str]:
    """jieba tokens (accurate mode, HMM on) with the domain dictionary, whitespace tokens dropped."""
    return _cutter().lcut(text, whitespace=False)


def tokenize_with_jieba(text: str) -> list[str]:
    """The same tokens straight from jieba's Tokenizer.lcut (the reference for tokenize)."""
    return [token for token in _tokenizer().lcut(text) if token.strip()]
