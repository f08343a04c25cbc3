"""Imported by the worker processes' fork server: the library, and jieba's dictionary loaded once."""

from pipeline import tables  # noqa: F401  (normalise, metadata, regions, extract and their tables)
from pipeline.segment import _tokenizer

_tokenizer()
