"""Find report files in the raw folder, read and decode the new or changed ones, decide which land.

A file lands as a `SourceDocument`, or is turned away as a `RejectedFile` with a reason a
person understands; one bad file never stops the others. A file whose size and modification
time are those recorded last time is not read again. The same text under two names or in two
encodings lands once: the document id is a hash of the decoded text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.decode import UndecodableError
from pipeline.formats import text_of_file

REPORT_SUFFIXES = (".txt", ".text", ".htm", ".html", ".docx", ".pdf")
# Reports are well under 1 MB; a file this large is not a report and would cost memory for nothing.
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class SourceDocument:
    doc_id: str
    source_path: str  # relative to the raw folder, with forward slashes
    sha256: str  # of the file's bytes
    encoding: str
    size: int
    mtime_ns: int
    text: str


@dataclass(frozen=True)
class RejectedFile:
    source_path: str
    reason: str
    size: int | None = None  # None: retry on the next run whatever the file's state
    mtime_ns: int | None = None


@dataclass(frozen=True)
class KnownFile:
    """What the warehouse recorded about a file last time."""

    size: int | None
    mtime_ns: int | None
    doc_id: str | None  # None when the file was rejected


@dataclass
class IngestPlan:
    landed: list[SourceDocument] = field(default_factory=list)
    rejected: list[RejectedFile] = field(default_factory=list)
    forgotten: list[str] = field(default_factory=list)  # known paths that are gone
    unchanged: int = 0


def find_report_files(raw_dir: Path) -> list[Path]:
    """Files under `raw_dir`, recursively, in a stable order; hidden files and folders are skipped."""
    return sorted(
        p for p in raw_dir.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(raw_dir).parts)
    )


def text_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_report(path: Path, raw_dir: Path) -> SourceDocument | RejectedFile:
    """Read one file; every failure becomes a RejectedFile naming the reason."""
    relative = path.relative_to(raw_dir).as_posix()
    try:
        before = path.stat()
    except OSError as error:
        return RejectedFile(relative, f"cannot read file: {error.strerror or error}")
    size, mtime_ns = before.st_size, before.st_mtime_ns
    if path.suffix.lower() not in REPORT_SUFFIXES:
        return RejectedFile(relative, f"unsupported file type {path.suffix or '(none)'!r}: "
                                      f"expected one of {', '.join(REPORT_SUFFIXES)}", size, mtime_ns)
    if size > MAX_FILE_BYTES:
        return RejectedFile(relative, f"file too large ({size / 2**20:.0f} MB; the limit is "
                                      f"{MAX_FILE_BYTES // 2**20} MB): not a single report", size, mtime_ns)
    try:
        data = path.read_bytes()
        after = path.stat()
    except OSError as error:
        return RejectedFile(relative, f"cannot read file: {error.strerror or error}")
    if (after.st_size, after.st_mtime_ns) != (size, mtime_ns) or len(data) != size:
        return RejectedFile(relative, "file changed while it was being read; it will be read again on the next run")
    try:
        decoded = text_of_file(path.suffix, data)
    except UndecodableError as error:
        return RejectedFile(relative, str(error), size, mtime_ns)
    return SourceDocument(
        doc_id=text_id(decoded.text),
        source_path=relative,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=decoded.encoding,
        size=size,
        mtime_ns=mtime_ns,
        text=decoded.text,
    )


@dataclass(frozen=True)
class FolderScan:
    changed: list[Path]  # files new or changed since they were last read, in a stable order
    unchanged: set[str]  # relative paths of files with the size and mtime recorded last time
    present: set[str]  # relative paths of every file in the folder


def scan_folder(raw_dir: Path, known: Mapping[str, KnownFile]) -> FolderScan:
    """Which files of `raw_dir` need reading, by size and modification time against `known`."""
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist")
    scan = FolderScan(changed=[], unchanged=set(), present=set())
    for path in find_report_files(raw_dir):
        relative = path.relative_to(raw_dir).as_posix()
        scan.present.add(relative)
        previous = known.get(relative)
        try:
            stat = path.stat()
        except OSError:
            scan.changed.append(path)
            continue
        if previous is not None and (previous.size, previous.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            scan.unchanged.add(relative)
        else:
            scan.changed.append(path)
    return scan


def plan_ingest(raw_dir: Path, known: Mapping[str, KnownFile] | None = None) -> IngestPlan:
    """What changes in the warehouse for the files now in `raw_dir`, given what it `known`s."""
    known = known or {}
    scan = scan_folder(raw_dir, known)
    plan = IngestPlan(unchanged=len(scan.unchanged), forgotten=sorted(set(known) - scan.present))
    kept = {k.doc_id: path for path, k in known.items() if k.doc_id and path in scan.unchanged}
    landed_by_id: dict[str, str] = {}
    for path in scan.changed:
        result = read_report(path, raw_dir)
        if isinstance(result, SourceDocument):
            original = landed_by_id.get(result.doc_id) or kept.get(result.doc_id)
            if original is not None and original != result.source_path:
                # No size or mtime: a duplicate is looked at again next run, in case its original left.
                result = RejectedFile(result.source_path, f"duplicate: same text as {original}")
            else:
                landed_by_id[result.doc_id] = result.source_path
        if isinstance(result, SourceDocument):
            plan.landed.append(result)
        else:
            plan.rejected.append(result)
    return plan
