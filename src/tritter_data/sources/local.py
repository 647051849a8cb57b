"""Walk a directory in sorted path order, following symlinks but never a loop.

The order is the lexicographic order of the relative paths (``a.py`` < ``a/b.py`` <
``a0.py``), produced while streaming: each directory's entries are sorted with
directories keyed as ``name/``. This order decides which copy exact dedup keeps, so it
must not depend on the file system or the number of workers.

The walk is iterative (a stack of open directories), so any depth of nesting works. A
directory link to one of its ancestors, including the ancestors of the root itself
(``up -> ..``), is a ``symlink_loop``; directories in ``skip`` (the run's own output) are
never entered. Entries that cannot be samples (a loop, a dangling link, an unreadable
directory) come out as ``Reject`` records so that they are counted, not lost.

Names need not be UTF-8: ``path`` keeps the file system's name (``os.fsdecode``, so
``open`` works), while ``source`` shows each byte that is not UTF-8 as a ``\\xNN`` escape
(``caf\\xe9.py``), which JSON and HTML can carry.

    >>> display_name(os.fsdecode(b"caf\\xe9.py"))
    'caf\\\\xe9.py'
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from tritter_data.core.sample import Reject, Sample

Identity = tuple[int, int]


def display_name(name: str) -> str:
    """``name`` as valid UTF-8 text: undecodable bytes become ``\\xNN`` escapes."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def _sort_key(entry: os.DirEntry[str]) -> str:
    try:
        is_dir = entry.is_dir(follow_symlinks=True)
    except OSError:
        is_dir = False
    return entry.name + "/" if is_dir else entry.name


def _identity(path: Path) -> Identity | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


@dataclass
class _Frame:
    """One open directory: its sorted entries still to visit and its relative prefix."""

    entries: Iterator[os.DirEntry[str]]
    prefix: str
    identity: Identity | None  # None for the root, whose identity stays an ancestor


def walk_directory(
    root: Path, exclude: Sequence[str] = (), skip: Sequence[Path] = ()
) -> Iterator[Sample | Reject]:
    """Yield a ``Sample`` (path set, text not yet read) per file under ``root``.

    ``exclude`` holds glob patterns matched against each entry's name and relative path
    (``site-packages``, ``*.min.js``, ``vendor/*``); excluded entries are not inputs.
    ``skip`` names directories that are never inputs wherever they appear (the output).
    """
    root = root.resolve()
    ancestors = {identity for identity in map(_identity, (root, *root.parents)) if identity}
    skipped = {identity for identity in map(_identity, skip) if identity}
    yield from _walk(root, ancestors, skipped, tuple(exclude))


def is_excluded(name: str, relative: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch(name, p) or fnmatch(relative, p) for p in patterns)


def _open(directory: str, prefix: str) -> Iterator[os.DirEntry[str]] | Reject:
    try:
        with os.scandir(directory) as scan:
            return iter(sorted(scan, key=_sort_key))
    except OSError as error:
        where = display_name(prefix.rstrip("/")) or "."
        return Reject(where, "unreadable_directory", error.strerror or str(error))


def _walk(
    root: Path, ancestors: set[Identity], skipped: set[Identity], exclude: tuple[str, ...]
) -> Iterator[Sample | Reject]:
    first = _open(str(root), "")
    if isinstance(first, Reject):
        yield first
        return
    stack = [_Frame(first, "", None)]
    while stack:
        frame = stack[-1]
        entry = next(frame.entries, None)
        if entry is None:
            stack.pop()
            if frame.identity is not None:
                ancestors.discard(frame.identity)
            continue
        relative = frame.prefix + entry.name
        if exclude and is_excluded(entry.name, relative, exclude):
            continue
        try:
            info = entry.stat(follow_symlinks=True)
        except OSError as error:
            if entry.is_symlink():
                reason = "symlink_loop" if error.errno == errno.ELOOP else "broken_symlink"
                yield Reject(display_name(relative), reason, error.strerror or str(error))
            else:
                yield Reject(display_name(relative), "file_not_found", error.strerror or str(error))
            continue
        if entry.is_dir(follow_symlinks=True):
            identity = (info.st_dev, info.st_ino)
            if identity in skipped:
                continue
            if identity in ancestors:
                yield Reject(display_name(relative), "symlink_loop",
                             "directory link points to one of its ancestors")
                continue
            entries = _open(entry.path, relative + "/")
            if isinstance(entries, Reject):
                yield entries
                continue
            ancestors.add(identity)
            stack.append(_Frame(entries, relative + "/", identity))
        elif entry.is_file(follow_symlinks=True):
            yield Sample(source=display_name(relative), path=entry.path, size_bytes=info.st_size)
        else:
            yield Reject(display_name(relative), "not_a_regular_file", "device, socket or pipe")
