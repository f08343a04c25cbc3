"""Turn domain results into the rows of the warehouse tables, one DataFrame per table.

Each function takes what the stage before it stored and returns the frame its table holds;
they are what the Dagster assets call, and they can be called without Dagster.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import chain

import numpy as np
import pandas as pd

from pipeline.extract import DocumentContext, extract_mentions
from pipeline.ingest import RejectedFile, SourceDocument
from pipeline.metadata import infer_metadata
from pipeline.normalise import detect_script, normalise_text
from pipeline.segment import split_sentences, tokenize
from pipeline.timing import timed

DOCUMENT_COLUMNS = ["doc_id", "source_path", "sha256", "encoding", "script", "chars", "region", "region_code",
                    "report_year", "doc_type", "agency", "published_on"]
SENTENCE_COLUMNS = ["doc_id", "sentence_id", "start", "end", "text", "norm_start"]
TOKEN_COLUMNS = ["doc_id", "sentence_id", "position", "token"]
INDICATOR_COLUMNS = ["doc_id", "mention_id", "sentence_id", "start", "end", "mention", "value", "unit", "unit_implicit",
                     "qualifier", "metric", "indicator_code", "kind", "period_year", "period", "direction", "basis",
                     "subcount"]


def document_texts_frame(sources: Sequence[SourceDocument]) -> pd.DataFrame:
    columns = ["doc_id", "source_path", "sha256", "encoding", "size", "mtime_ns", "text"]
    return pd.DataFrame([{c: getattr(s, c) for c in columns} for s in sources], columns=columns)


def rejected_files_frame(rejected: Sequence[RejectedFile]) -> pd.DataFrame:
    columns = ["source_path", "reason", "size", "mtime_ns"]
    frame = pd.DataFrame([{c: getattr(r, c) for c in columns} for r in rejected], columns=columns)
    return frame.astype({"size": "Int64", "mtime_ns": "Int64"})


def documents_frame(sources: Iterable[Mapping[str, str]]) -> pd.DataFrame:
    """One row per document (doc_id, source_path, sha256, encoding, text): provenance, script, metadata."""
    rows = []
    for source in sources:
        text = source["text"]
        with timed("normalise"):
            norm = normalise_text(text).text
            script = detect_script(text)
        with timed("describe"):
            meta = infer_metadata(norm)
        rows.append({
            "doc_id": source["doc_id"],
            "source_path": source["source_path"],
            "sha256": source["sha256"],
            "encoding": source["encoding"],
            "script": script,
            "chars": len(text),
            "region": meta.region,
            "region_code": meta.region_code,
            "report_year": meta.report_year,
            "doc_type": meta.doc_type,
            "agency": meta.agency,
            "published_on": meta.published_on,
        })
    frame = pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)
    frame["report_year"] = frame["report_year"].astype("Int64")
    frame["published_on"] = pd.to_datetime(frame["published_on"], errors="coerce").dt.date
    return frame


def sentences_frame(texts: Iterable[tuple[str, str]]) -> pd.DataFrame:
    """Sentences of each (doc_id, original text), with offsets into the original and normalised text."""
    rows = []
    for doc_id, text in texts:
        with timed("normalise"):
            norm = normalise_text(text)
        with timed("segment"):
            split = split_sentences(norm.text)
        for sentence_id, sentence in enumerate(split):
            start, end = norm.to_original(sentence.start, sentence.end)
            rows.append({"doc_id": doc_id, "sentence_id": sentence_id, "start": start, "end": end,
                         "text": sentence.text, "norm_start": sentence.start})
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


def tokens_frame(sentences: pd.DataFrame) -> pd.DataFrame:
    """jieba tokens of every sentence, in order."""
    with timed("segment"):
        token_lists = [tokenize(text) for text in sentences["text"].tolist()]
    counts = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
    first_of_sentence = np.repeat(np.cumsum(counts) - counts, counts)
    return pd.DataFrame({
        "doc_id": pd.array(np.repeat(sentences["doc_id"].to_numpy(dtype=object), counts), dtype="str"),
        "sentence_id": np.repeat(sentences["sentence_id"].to_numpy(dtype=np.int64), counts),
        "position": np.arange(int(counts.sum()), dtype=np.int64) - first_of_sentence,
        "token": pd.array(list(chain.from_iterable(token_lists)), dtype="str"),
    }, columns=TOKEN_COLUMNS)


def document_indicators(
    text: str,
    doc_id: str,
    context: DocumentContext,
    sentences: Iterable[tuple[int, int, str, Sequence[str]]],
) -> list[dict[str, object]]:
    """Indicator rows of one document from its (sentence_id, norm_start, text, tokens).

    The normalised text is recomputed (a pure function of the original) to map each
    mention back to offsets in the original text.
    """
    with timed("normalise"):
        norm = normalise_text(text)
    rows: list[dict[str, object]] = []
    for sentence_id, norm_start, sentence, tokens in sentences:
        with timed("extract"):
            mentions = extract_mentions(sentence, tokens, context)
        for mention in mentions:
            start, end = norm.to_original(norm_start + mention.start, norm_start + mention.end)
            rows.append({
                "doc_id": doc_id, "mention_id": len(rows), "sentence_id": sentence_id,
                "start": start, "end": end, "mention": text[start:end],
                "value": mention.value, "unit": mention.unit, "unit_implicit": mention.unit_implicit,
                "qualifier": mention.qualifier, "metric": mention.metric, "indicator_code": mention.indicator_code,
                "kind": mention.kind, "period_year": mention.period_year, "period": mention.period,
                "direction": mention.direction, "basis": mention.basis, "subcount": mention.subcount,
            })
    return rows


def indicators_frame(
    documents: Iterable[tuple[str, str, int | None, str | None]],
    sentences: pd.DataFrame,
) -> pd.DataFrame:
    """Indicator mentions of (doc_id, text, report_year, doc_type) documents.

    `sentences` holds doc_id, sentence_id, norm_start, text and tokens (a list per sentence).
    """
    by_doc = {doc_id: group for doc_id, group in sentences.groupby("doc_id", sort=False)}
    rows: list[dict[str, object]] = []
    for doc_id, text, report_year, doc_type in documents:
        group = by_doc.get(doc_id)
        if group is None:
            continue
        context = DocumentContext(report_year=report_year, doc_type=doc_type)
        rows.extend(document_indicators(
            text, doc_id, context,
            zip(group["sentence_id"], group["norm_start"], group["text"], group["tokens"])))
    frame = pd.DataFrame(rows, columns=INDICATOR_COLUMNS)
    frame["period_year"] = frame["period_year"].astype("Int64")
    return frame
