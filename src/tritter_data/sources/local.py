"""Walk a directory in sorted path order, following symlinks but never a loop.

The order is the lexicographic order of the relative paths (``a.py`` < ``a/b.py`` <
``a0.py``), produced while streaming: each directory's entries are sorted with
directories keyed as ``name/``. This order decides which copy exact dedup keeps, so it
must not depend on the file system or the number of workers.

Entries that cannot be samples (a symlink loop, a dangling link, an unreadable directory)
come out as ``Reject`` records so that they are counted, not lost.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from fnmatch import fnmatch
from pathlib import Path

from tritter_data.core.sample import Reject, Sample


def _sort_key(entry: os.DirEntry[str]) -> str:
    try:
        is_dir = entry.is_dir(follow_symlinks=True)
    except OSError:
        is_dir = False
    return entry.name + "/" if is_dir else entry.name


def walk_directory(root: Path, exclude: Sequence[str] = ()) -> Iterator[Sample | Reject]:
    """Yield a ``Sample`` (path set, text not yet read) per file under ``root``.

    ``exclude`` holds glob patterns matched against each entry's name and relative path
    (``site-packages``, ``*.min.js``, ``vendor/*``); excluded entries are not inputs.
    """
    root = root.resolve()
    start = root.stat()
    yield from _walk(root, "", {(start.st_dev, start.st_ino)}, tuple(exclude))


def is_excluded(name: str, relative: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch(name, p) or fnmatch(relative, p) for p in patterns)


def _walk(
    directory: Path, prefix: str, ancestors: set[tuple[int, int]], exclude: tuple[str, ...] = ()
) -> Iterator[Sample | Reject]:
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=_sort_key)
    except OSError as error:
        yield Reject(prefix.rstrip("/") or ".", "unreadable_directory", error.strerror or str(error))
        return
    for entry in entries:
        relative = prefix + entry.name
        if exclude and is_excluded(entry.name, relative, exclude):
            continue
        try:
            info = entry.stat(follow_symlinks=True)
        except OSError as error:
            if entry.is_symlink():
                reason = "symlink_loop" if error.errno == 40 else "broken_symlink"  # ELOOP
                yield Reject(relative, reason, error.strerror or str(error))
            else:
                yield Reject(relative, "file_not_found", error.strerror or str(error))
            continue
        if entry.is_dir(follow_symlinks=True):
            identity = (info.st_dev, info.st_ino)
            if identity in ancestors:
                yield Reject(relative, "symlink_loop", "directory link points to one of its ancestors")
                continue
            yield from _walk(Path(entry.path), relative + "/", ancestors | {identity}, exclude)
        elif entry.is_file(follow_symlinks=True):
            yield Sample(source=relative, path=entry.path, size_bytes=info.st_size)
        else:
            yield Reject(relative, "not_a_regular_file", "device, socket or pipe")
