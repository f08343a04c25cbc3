"""Split normalised report text into sentences and sentences into jieba tokens.

Sentences end at 。！？, at a kept line break (normalise has already removed layout breaks) or
before a heading's enumerator that follows spaces in the middle of a line;
semicolons stay inside, because 分别 and 其中 often point across them. Lines that are page
furniture of a web dump (navigation, share buttons) are not sentences.

Tokens come from jieba's algorithm and dictionary (accurate mode, HMM for unknown runs) with the
domain dictionary pipeline/data/user_dict.txt, through one of two implementations, chosen by
$REPORTS_SEGMENTER: `rjieba` (the default; jieba-rs, the same algorithm in Rust) or `jieba`
itself, the reference. tests/test_segmenters.py lists where the two differ on real reports.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version

from pipeline import lexicon
from pipeline.datafiles import read_lines
from pipeline.normalise import HEADING_ENUMERATOR, is_debris_line

__all__ = ["SEGMENTERS", "Sentence", "configured_segmenter", "is_debris_line", "segmenter_version",
           "split_sentences", "tokenize"]

SEGMENTER_VARIABLE = "REPORTS_SEGMENTER"
SEGMENTERS = ("rjieba", "jieba")
DEFAULT_SEGMENTER = "rjieba"
# A sentence ends at its final punctuation, at a line break, or where a heading's enumerator follows
# spaces (the normaliser keeps only those): a page converted onto one line (二、行业情况 (一)工矿商贸
# 事故。1月发生事故1起) keeps its headings. The lookahead is tried only where a run of spaces starts,
# so a long run stays linear.
_SENTENCE = re.compile(r"[^。！？!?\n]*?(?:[。！？!?]+[”’」』）)]*|\n|$|(?<! )(?= +" + HEADING_ENUMERATOR + "))")
# jieba's user-dictionary line: a word, then optionally its frequency and its part of speech.
_USER_DICT_LINE = re.compile(r"^(?P<word>.+?)(?:\s+(?P<freq>\d+))?(?:\s+(?P<tag>[a-z]+))?$")


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
    """Sentences of `text`, stripped of surrounding whitespace, debris lines dropped.

    A sentence that opens with a comparison basis (事故17起、死亡23人。同比减少4起、2人…) goes on
    with the one before it, also across a line break: its changes are about that sentence's counts."""
    sentences: list[Sentence] = []
    for m in _SENTENCE.finditer(text):
        chunk = m.group()
        stripped = chunk.strip()
        if not stripped or is_debris_line(stripped):
            continue
        start = m.start() + (len(chunk) - len(chunk.lstrip()))
        last = sentences[-1] if sentences else None
        if last and _continues(stripped) and last.end - last.start + len(stripped) <= MAX_SENTENCE_CHARS:
            sentences[-1] = Sentence(last.start, start + len(stripped), text[last.start:start + len(stripped)])
            continue
        sentences.extend(_pieces(start, stripped))
    return sentences


@cache
def _basis_opening() -> re.Pattern[str]:
    return re.compile(lexicon.basis_words_pattern())


def _continues(sentence: str) -> bool:
    return _basis_opening().match(sentence) is not None


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


@dataclass(frozen=True)
class DictionaryWord:
    word: str
    freq: int | None  # None: the segmenter suggests one that keeps the word whole; 0 forces a split
    tag: str | None


def domain_words() -> list[DictionaryWord]:
    """The words of pipeline/data/user_dict.txt, in jieba's user-dictionary format."""
    words = []
    for line in read_lines("user_dict.txt"):
        match = _USER_DICT_LINE.match(line)
        if match is None:  # pragma: no cover - the pattern matches every non-empty line
            raise ValueError(f"user_dict.txt: cannot read {line!r}")
        freq = match["freq"]
        words.append(DictionaryWord(match["word"], None if freq is None else int(freq), match["tag"]))
    return words


def configured_segmenter() -> str:
    """$REPORTS_SEGMENTER (rjieba or jieba), else rjieba."""
    name = os.environ.get(SEGMENTER_VARIABLE) or DEFAULT_SEGMENTER
    if name not in SEGMENTERS:
        raise ValueError(f"${SEGMENTER_VARIABLE} is {name!r}; it must be one of {', '.join(SEGMENTERS)}")
    return name


def segmenter_version(name: str) -> str:
    """`name==version` of the segmenter's library: it goes into the code version."""
    return f"{name}=={version(name)}"


@cache
def _cut(name: str) -> Callable[[str], list[str]]:
    """The `cut` of a segmenter loaded with jieba's dictionary and the domain words, made once per process."""
    if name == "rjieba":
        import rjieba

        segmenter = rjieba.Jieba()
        for entry in domain_words():
            segmenter.add_word(entry.word, entry.freq, entry.tag)
        return segmenter.cut
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for entry in domain_words():  # what Tokenizer.load_userdict does, line by line
        tokenizer.add_word(entry.word, entry.freq, entry.tag)
    return tokenizer.lcut


def tokenize(text: str, segmenter: str | None = None) -> list[str]:
    """jieba tokens (accurate mode, HMM on) with the domain dictionary, whitespace tokens dropped,
    by `segmenter` or else the configured one."""
    return [token for token in _cut(segmenter or configured_segmenter())(text) if token.strip()]
