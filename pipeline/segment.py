"""Split normalised report text into sentences and sentences into jieba tokens.

Sentences end at 。！？ or a kept line break (normalise has already removed layout breaks);
semicolons stay inside, because 分别 and 其中 often point across them. Lines that are page
furniture of a web dump (navigation, share buttons) are not sentences.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import jieba

from pipeline.datafiles import data_path, read_lines

_SENTENCE = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』）)]*|\n|$)")


@dataclass(frozen=True)
class Sentence:
    """A sentence with its half-open span in the normalised text."""

    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _debris_line() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in read_lines("web_debris.txt")))


def is_debris_line(line: str) -> bool:
    """True for web-page furniture such as 扫码查看手机版 or 字号:[大 中 小]."""
    return bool(_debris_line().fullmatch(line.strip()))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, stripped of surrounding whitespace, debris lines dropped."""
    sentences = []
    for m in _SENTENCE.finditer(text):
        chunk = m.group()
        stripped = chunk.strip()
        if not stripped or is_debris_line(stripped):
            continue
        start = m.start() + (len(chunk) - len(chunk.lstrip()))
        sentences.append(Sentence(start, start + len(stripped), stripped))
    return sentences


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(data_path("user_dict.txt")))
    return tokenizer


def tokenize(text: str) -> list[str]:
    """jieba tokens (accurate mode, HMM on) with the domain dictionary, whitespace tokens dropped."""
    return [token for token in _tokenizer().lcut(text) if token.strip()]
