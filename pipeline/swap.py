"""A folder replaced in one step, so that a reader sees the old pages or the new, never a mix.

The new folder is made in a staging folder beside the live one, seeded with hard links to the
live files (no data is copied, so a refresh that changes a few pages stays cheap), and the two
are exchanged in one rename (Linux's renameat2 with RENAME_EXCHANGE; where that is missing, two
renames with the old folder set aside between them). A failure leaves the live folder as it was;
a killed run leaves the staging folder behind, which the next run removes (remove_leftovers).
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _staging(folder: Path) -> Path:
    return folder.with_name(f".{folder.name}.staging")


def _aside(folder: Path) -> Path:
    return folder.with_name(f".{folder.name}.old")


def leftovers(folder: Path) -> list[Path]:
    """What a run killed while replacing `folder` can leave beside it."""
    return [path for path in (_staging(folder), _aside(folder)) if path.exists()]


def remove_leftovers(folder: Path) -> None:
    for path in leftovers(folder):
        shutil.rmtree(path)


def write_text(path: Path, text: str) -> None:
    """Write a new file, never into the existing one: in a staging folder each file is a hard link
    to the live one, and writing into it would change the live page before the swap."""
    path.unlink(missing_ok=True)
    path.write_text(text, encoding="utf-8")


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one rename; False where the system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


@contextmanager
def replaced(folder: Path) -> Iterator[Path]:
    """A staging copy of `folder` to change; when the block ends without error, it becomes `folder`
    in one rename. On an error it is removed and `folder` stays as it was."""
    staging = _staging(folder)
    remove_leftovers(folder)
    if folder.is_dir():
        shutil.copytree(folder, staging, copy_function=os.link)
    else:
        staging.mkdir(parents=True)
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if not folder.exists():
        os.rename(staging, folder)
    elif _exchange(staging, folder):
        shutil.rmtree(staging)
    else:
        os.rename(folder, _aside(folder))
        os.rename(staging, folder)
        shutil.rmtree(_aside(folder))
