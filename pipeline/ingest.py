"""Find report files in the raw folder, read and decode them, and decide which land.

A file lands as a `SourceDocument`, or is turned away as a `RejectedFile` with a reason a
person understands; one bad file never stops the others. The same text under two names or in
two encodings lands once: the document id is a hash of the decoded text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pipeline.decode import UndecodableError, decode_bytes

REPORT_SUFFIXES = (".txt", ".text", ".htm", ".html")


@dataclass(frozen=True)
class SourceDocument:
    doc_id: str
    source_path: str  # relative to the raw folder, with forward slashes
    sha256: str  # of the file's bytes
    encoding: str
    text: str


@dataclass(frozen=True)
class RejectedFile:
    source_path: str
    reason: str


def find_report_files(raw_dir: Path) -> list[Path]:
    """Report files under `raw_dir`, recursively, in a stable order; hidden files are skipped."""
    return sorted(
        p
        for p in raw_dir.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(raw_dir).parts)
    )


def text_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_report(path: Path, raw_dir: Path) -> SourceDocument | RejectedFile:
    """Read one file; every failure becomes a RejectedFile naming the reason."""
    relative = path.relative_to(raw_dir).as_posix()
    if path.suffix.lower() not in REPORT_SUFFIXES:
        return RejectedFile(relative, f"unsupported file type {path.suffix or '(none)'!r}: expected one of {', '.join(REPORT_SUFFIXES)}")
    try:
        data = path.read_bytes()
    except OSError as error:
        return RejectedFile(relative, f"cannot read file: {error.strerror or error}")
    try:
        decoded = decode_bytes(data)
    except UndecodableError as error:
        return RejectedFile(relative, str(error))
    return SourceDocument(
        doc_id=text_id(decoded.text),
        source_path=relative,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=decoded.encoding,
        text=decoded.text,
    )


def ingest_folder(raw_dir: Path) -> tuple[list[SourceDocument], list[RejectedFile]]:
    """All landed documents and rejected files of `raw_dir`; duplicates of landed text are rejected."""
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist")
    landed: dict[str, SourceDocument] = {}
    rejected: list[RejectedFile] = []
    for path in find_report_files(raw_dir):
        result = read_report(path, raw_dir)
        if isinstance(result, RejectedFile):
            rejected.append(result)
        elif result.doc_id in landed:
            rejected.append(RejectedFile(result.source_path, f"duplicate: same text as {landed[result.doc_id].source_path}"))
        else:
            landed[result.doc_id] = result
    return list(landed.values()), rejected
