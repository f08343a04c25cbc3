"""Find report files in the raw folder, read and decode the new or changed ones, decide which land.

A file lands as a `SourceDocument`, or is turned away as a `RejectedFile` with a reason a
person understands; one bad file never stops the others. A file whose size and modification
time are those recorded last time is not read again. The same text under two names or in two
encodings lands once: the document id is a hash of the decoded text.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pipeline.decode import UndecodableError
from pipeline.formats import text_of_file

REPORT_SUFFIXES = (".txt", ".text", ".htm", ".html", ".docx", ".pdf")
# Reports are well under 1 MB; a file this large is not a report and would cost memory for nothing.
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class SourceDocument:
    doc_id: str
    source_path: str  # relative to the raw folder, with forward slashes (see shown_path)
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
    """Everything under `raw_dir` that ingest accounts for, recursively, in a stable order.

    That is every entry that is not a folder (files, links, FIFOs, devices, sockets), folders named
    like a report file (``2021.txt/``) and folders that cannot be listed: `read_report` turns away all
    but regular files and links to them, with the reason. Links to folders are listed, never walked
    into. Hidden files and folders are skipped."""
    found: list[Path] = []
    pending = [raw_dir]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            if folder == raw_dir:  # not an empty folder: every file in it would be forgotten
                raise OSError(f"cannot list the raw folder {raw_dir}: {error.strerror or error}") from error
            found.append(folder)  # read_report says why it cannot be listed
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                pending.append(path)
                if path.suffix.lower() in REPORT_SUFFIXES:
                    found.append(path)
            else:
                found.append(path)
    return sorted(found)


def shown_path(path: Path, raw_dir: Path) -> str:
    """`path` relative to `raw_dir` with forward slashes, as stored and shown: bytes of the name that
    are not UTF-8 (a disk copied from Windows or an old system) appear as ``\\xff`` escapes."""
    return os.fsencode(path.relative_to(raw_dir).as_posix()).decode("utf-8", "backslashreplace")


_NOT_A_FILE = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_a_regular_file(mode: int) -> str | None:
    """What a non-regular, non-folder entry is ("a named pipe (FIFO)"), None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _NOT_A_FILE if test(mode)), "not a regular file")


def _link_target(path: Path, raw_dir: Path) -> Path | str:
    """Where a symbolic link leads, if it is a file inside the raw folder; else why it is not followed."""
    try:
        written = os.fsencode(os.readlink(path)).decode("utf-8", "backslashreplace")
    except OSError as error:
        return f"cannot read symbolic link: {error.strerror or error}"
    try:
        target = path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a loop this way
        return f"symbolic link loop (it points to {written}): not followed"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return f"symbolic link loop (it points to {written}): not followed"
        if error.errno == errno.ENOENT:
            return f"broken symbolic link: its target {written} does not exist"
        return f"cannot follow symbolic link to {written}: {error.strerror or error}"
    if not target.is_relative_to(raw_dir.resolve()):
        return f"symbolic link to {written}, outside the raw folder: not followed"
    if target.is_dir():
        return f"symbolic link to the folder {written}: not followed (files are read where they are)"
    return target


def _read_regular_file(path: Path, size: int, mtime_ns: int) -> bytes | str:
    """The bytes of a regular file, or why they cannot be had. Opened without blocking and without
    following a link, and checked again once open: a FIFO or device swapped in after the listing is
    never read (reading a FIFO would wait for a writer forever)."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        return f"cannot read file: {error.strerror or error}"
    with open(fd, "rb", buffering=0) as file:
        try:
            opened = os.fstat(fd)
            kind = _not_a_regular_file(opened.st_mode)
            if kind is not None:
                return f"{kind} was put in the file's place while it was being read; it will be looked at again on the next run"
            chunks, total = [], 0
            while total <= size:  # read one byte more than expected, to see growth
                chunk = file.read(size + 1 - total)
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
            after = os.fstat(fd)
        except OSError as error:
            return f"cannot read file: {error.strerror or error}"
    data = b"".join(chunks)
    if (after.st_size, after.st_mtime_ns) != (size, mtime_ns) or len(data) != size \
            or (opened.st_size, opened.st_mtime_ns) != (size, mtime_ns):
        return "file changed while it was being read; it will be read again on the next run"
    return data


def text_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_report(path: Path, raw_dir: Path) -> SourceDocument | RejectedFile:
    """Read one file; every failure becomes a RejectedFile naming the reason.

    A symbolic link is followed only to a file inside the raw folder; folders, FIFOs, devices,
    sockets, broken links and link loops are turned away without being opened. Those rejections
    carry no size, so the entry is looked at again on every run (one `lstat`)."""
    relative = shown_path(path, raw_dir)
    try:
        entry = path.lstat()
    except OSError as error:
        return RejectedFile(relative, f"cannot read file: {error.strerror or error}")
    target, via = path, ""
    if stat.S_ISLNK(entry.st_mode):
        followed = _link_target(path, raw_dir)
        if isinstance(followed, str):
            return RejectedFile(relative, followed)
        target, via = followed, f"symbolic link to {shown_path(followed, raw_dir.resolve())}, "
        try:
            entry = target.stat()
        except OSError as error:
            return RejectedFile(relative, f"cannot read file: {error.strerror or error}")
    if stat.S_ISDIR(entry.st_mode):
        try:
            os.scandir(path).close()
        except OSError as error:
            return RejectedFile(relative, f"cannot list folder: {error.strerror or error}; "
                                          "the files that landed from it are kept as they are")
        return RejectedFile(relative, "a folder named like a report file, not a file (the files inside it are read as usual)")
    kind = _not_a_regular_file(entry.st_mode)
    if kind is not None:
        return RejectedFile(relative, f"{via}{kind}, not a regular file: not opened")
    size, mtime_ns = entry.st_size, entry.st_mtime_ns
    if path.suffix.lower() not in REPORT_SUFFIXES:
        suffix = PurePosixPath(relative).suffix
        return RejectedFile(relative, f"unsupported file type {suffix or '(none)'!r}: "
                                      f"expected one of {', '.join(REPORT_SUFFIXES)}", size, mtime_ns)
    if size > MAX_FILE_BYTES:
        return RejectedFile(relative, f"file too large ({size / 2**20:.0f} MB; the limit is "
                                      f"{MAX_FILE_BYTES // 2**20} MB): not a single report", size, mtime_ns)
    data = _read_regular_file(target, size, mtime_ns)
    if isinstance(data, str):
        return RejectedFile(relative, data)
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
        relative = shown_path(path, raw_dir)
        scan.present.add(relative)
        previous = known.get(relative)
        try:
            info = path.stat()
        except OSError:
            scan.changed.append(path)
            continue
        if stat.S_ISDIR(info.st_mode) and not path.is_symlink() and not _listable(path):
            # Its files cannot be seen for now (permissions): what landed from it stays as it is.
            inside = {known_path for known_path in known if known_path.startswith(relative + "/")}
            scan.present.update(inside)
            scan.unchanged.update(inside)
        if previous is not None and (previous.size, previous.mtime_ns) == (info.st_size, info.st_mtime_ns):
            scan.unchanged.add(relative)
        else:
            scan.changed.append(path)
    return scan


def _listable(folder: Path) -> bool:
    try:
        os.scandir(folder).close()
    except OSError:
        return False
    return True


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
