"""Turn domain results into the rows of the warehouse tables, one DataFrame per table.

A document is analysed in one pass: normalised once, described (metadata), cut into sentences
and tokens, and its indicators extracted from those tokens. The pass returns the rows of the
four per-document tables; it can be called without Dagster.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import chain, count
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from pipeline.budget import OverBudget, deadline
from pipeline.document_state import DocumentState, in_document
from pipeline.extract import extract_mentions
from pipeline.ingest import RejectedFile, SourceDocument
from pipeline.mention import DocumentContext
from pipeline.metadata import infer_metadata
from pipeline.normalise import NormalisedText, detect_script, normalise_text
from pipeline.periods import PeriodScope
from pipeline.segment import split_sentences, tokenize
from pipeline.timing import timed

DOCUMENT_COLUMNS = ["doc_id", "source_path", "sha256", "encoding", "script", "chars", "region", "region_code",
                    "report_year", "doc_type", "agency", "published_on"]
SENTENCE_COLUMNS = ["doc_id", "sentence_id", "start", "end", "text", "norm_start"]
TOKEN_COLUMNS = ["doc_id", "sentence_id", "position", "token"]
INDICATOR_COLUMNS = ["doc_id", "mention_id", "sentence_id", "start", "end", "mention", "value", "unit", "unit_implicit",
                     "qualifier", "metric", "indicator_code", "kind", "period_year", "period", "direction", "basis",
                     "subcount", "code_evidence", "confidence", "target_of"]


def document_texts_frame(sources: Sequence[SourceDocument]) -> pd.DataFrame:
    columns = ["doc_id", "source_path", "sha256", "encoding", "size", "mtime_ns", "text"]
    return pd.DataFrame([{c: getattr(s, c) for c in columns} for s in sources], columns=columns)


def rejected_files_frame(rejected: Sequence[RejectedFile]) -> pd.DataFrame:
    columns = ["source_path", "reason", "size", "mtime_ns"]
    frame = pd.DataFrame([{c: getattr(r, c) for c in columns} for r in rejected], columns=columns)
    return frame.astype({"size": "Int64", "mtime_ns": "Int64"})


@dataclass(frozen=True)
class SentenceRows:
    """One document's sentences in order (sentence_id = index): offsets into the original and the
    normalised text, text, tokens."""

    spans: list[tuple[int, int]]
    norm_starts: list[int]
    texts: list[str]
    tokens: list[list[str]]


def document_sentences(norm: NormalisedText) -> SentenceRows:
    """Sentences of a normalised document with their jieba tokens."""
    with timed("segment"):
        split = split_sentences(norm.text)
        tokens = [tokenize(s.text) for s in split]
    return SentenceRows(
        spans=[norm.to_original(s.start, s.end) for s in split],
        norm_starts=[s.start for s in split],
        texts=[s.text for s in split],
        tokens=tokens,
    )


def document_indicators(
    text: str,
    norm: NormalisedText,
    doc_id: str,
    context: DocumentContext,
    sentences: Iterable[tuple[int, int, str, Sequence[str]]],
) -> list[dict[str, object]]:
    """Indicator rows of one document from its (sentence_id, norm_start, text, tokens), with each
    mention mapped back to offsets in the original text through `norm`."""
    rows: list[dict[str, object]] = []
    state = DocumentState()
    scope = PeriodScope(context.report_year, context.covered_months)
    last_end: int | None = None
    for sentence_id, norm_start, sentence, tokens in sentences:
        new_paragraph = last_end is None or "\n" in norm.text[last_end:norm_start]
        if new_paragraph:
            state.begin_paragraph()
        last_end = norm_start + len(sentence)
        months = scope.months(sentence, new_paragraph)
        in_scope = context if months == context.covered_months else replace(context, covered_months=months)
        with timed("extract"):
            mentions = in_document(state, sentence, extract_mentions(sentence, tokens, in_scope, state.measures_before()))
        for mention in mentions:
            start, end = norm.to_original(norm_start + mention.start, norm_start + mention.end)
            rows.append({
                "doc_id": doc_id, "mention_id": len(rows), "sentence_id": sentence_id,
                "start": start, "end": end, "mention": text[start:end],
                "value": mention.value, "unit": mention.unit, "unit_implicit": mention.unit_implicit,
                "qualifier": mention.qualifier, "metric": mention.metric, "indicator_code": mention.indicator_code,
                "kind": mention.kind, "period_year": mention.period_year, "period": mention.period,
                "direction": mention.direction, "basis": mention.basis, "subcount": mention.subcount,
                "code_evidence": mention.code_evidence, "confidence": mention.confidence,
                "target_of": mention.target_of,
            })
    return rows


# The key of analyse_documents' result that lists the documents it could not analyse.
REJECTED = "rejected"
REJECTED_COLUMNS = ["doc_id", "source_path", "reason"]


def analyse_documents(sources: pd.DataFrame, budget_seconds: float | None = None) -> dict[str, pd.DataFrame]:
    """The rows of documents, sentences, tokens and indicators (warehouse.DOCUMENT_STAGES) for
    documents given as doc_id, source_path, sha256, encoding and text (the original, decoded text),
    and under REJECTED the documents left out, with the reason: their analysis took longer than
    `budget_seconds` (pipeline.budget; None = no limit) or raised. A rejected document has no row
    in any table; the others are unaffected."""
    documents: list[dict[str, object]] = []
    sentences: list[tuple[str, SentenceRows]] = []
    indicators: list[dict[str, object]] = []
    rejected: list[dict[str, object]] = []
    for source in sources.itertuples(index=False):
        try:
            with deadline(budget_seconds):
                document, rows, found = _analyse_document(source)
        except OverBudget as over:
            rejected.append({"doc_id": source.doc_id, "source_path": source.source_path, "reason": str(over)})
            continue
        except Exception as error:  # a bug met by one document must not stop the others
            rejected.append({"doc_id": source.doc_id, "source_path": source.source_path,
                             "reason": f"analysis failed: {type(error).__name__}: {error}"[:500]})
            continue
        documents.append(document)
        sentences.append((source.doc_id, rows))
        indicators.extend(found)
    sentences_frame = _sentences_frame(sentences)
    return {
        "documents": _documents_frame(documents),
        "sentences": sentences_frame,
        "tokens": _tokens_frame(sentences_frame, [tokens for _, rows in sentences for tokens in rows.tokens]),
        "indicators": _indicators_frame(indicators),
        REJECTED: pd.DataFrame(rejected, columns=REJECTED_COLUMNS),
    }


def _analyse_document(source: Any) -> tuple[dict[str, object], SentenceRows, list[dict[str, object]]]:
    """One document's row, sentences and indicator rows."""
    text = source.text
    with timed("normalise"):
        norm = normalise_text(text)
        script = detect_script(text)
    with timed("describe"):
        meta = infer_metadata(norm.text)
    document = {
        "doc_id": source.doc_id, "source_path": source.source_path, "sha256": source.sha256,
        "encoding": source.encoding, "script": script, "chars": len(text), "region": meta.region,
        "region_code": meta.region_code, "report_year": meta.report_year, "doc_type": meta.doc_type,
        "agency": meta.agency, "published_on": meta.published_on,
    }
    rows = document_sentences(norm)
    context = DocumentContext(report_year=meta.report_year, doc_type=meta.doc_type, region_code=meta.region_code,
                              covered_months=meta.covered_months)
    found = document_indicators(text, norm, source.doc_id, context,
                                zip(count(), rows.norm_starts, rows.texts, rows.tokens))
    return document, rows, found


def _documents_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)
    frame["report_year"] = frame["report_year"].astype("Int64")
    frame["published_on"] = pd.to_datetime(frame["published_on"], errors="coerce").dt.date
    return frame


def _strings(values: list[str]) -> pd.api.extensions.ExtensionArray:
    """A pandas str column made by Arrow from Python strings: pd.array(values, dtype="str") checks
    each value in Python first, five times slower on the 0.5 M tokens of a chunk."""
    return pd.array(pa.array(values, pa.large_string()), dtype="str")


def _repeated_strings(values: list[str], counts: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """values[0] counts[0] times, then values[1] counts[1] times, …, as a str column (Arrow's take)."""
    indices = np.repeat(np.arange(len(values), dtype=np.int64), counts)
    return pd.array(pa.array(values, pa.large_string()).take(pa.array(indices)), dtype="str")


def _positions(counts: np.ndarray) -> np.ndarray:
    """0, 1, … within each group of the given sizes, all groups one after the other."""
    return np.arange(int(counts.sum()), dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)


def _sentences_frame(documents: list[tuple[str, SentenceRows]]) -> pd.DataFrame:
    counts = np.array([len(rows.texts) for _, rows in documents], dtype=np.int64)
    spans = np.array(list(chain.from_iterable(rows.spans for _, rows in documents)), dtype=np.int64).reshape(-1, 2)
    return pd.DataFrame({
        "doc_id": _repeated_strings([doc_id for doc_id, _ in documents], counts),
        "sentence_id": _positions(counts),
        "start": spans[:, 0],
        "end": spans[:, 1],
        "text": _strings(list(chain.from_iterable(rows.texts for _, rows in documents))),
        "norm_start": np.fromiter(chain.from_iterable(rows.norm_starts for _, rows in documents), dtype=np.int64),
    }, columns=SENTENCE_COLUMNS)


def _tokens_frame(sentences: pd.DataFrame, token_lists: list[list[str]]) -> pd.DataFrame:
    """The tokens of each row of `sentences` (token_lists in the same order), one row per token."""
    counts = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
    return pd.DataFrame({
        "doc_id": _repeated_strings(sentences["doc_id"].tolist(), counts),
        "sentence_id": np.repeat(sentences["sentence_id"].to_numpy(dtype=np.int64), counts),
        "position": _positions(counts),
        "token": _strings(list(chain.from_iterable(token_lists))),
    }, columns=TOKEN_COLUMNS)


def _indicators_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=INDICATOR_COLUMNS)
    frame["period_year"] = frame["period_year"].astype("Int64")
    return frame
