"""Walk an object-store prefix (``s3://bucket/corpus``) like a local directory.

Same contract as ``sources.local.walk_directory``: one ``Sample`` per object in sorted
relative-key order (the local walker's order, so the same tree gives the same shards
wherever it lives), ``source`` the key relative to the prefix, and ``exclude`` globs
matched against every path component and relative path. The bytes are not read here:
``meta["url"]`` tells ``ReadAndDecode`` where to fetch them, in the worker.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tritter_data.core.sample import Reject, Sample
from tritter_data.io.storage import StorageOptions, list_objects
from tritter_data.sources.local import is_excluded


def walk_remote(url: str, exclude: Sequence[str] = (), options: StorageOptions = ()) -> Iterator[Sample | Reject]:
    """Yield a ``Sample`` (``meta['url']`` set, text not yet read) per object under ``url``."""
    base = url.rstrip("/")
    for relative, size in list_objects(base, options):
        if exclude and _excluded(relative, exclude):
            continue
        yield Sample(source=relative, size_bytes=size, meta={"url": f"{base}/{relative}"})


def _excluded(relative: str, patterns: Sequence[str]) -> bool:
    """Excluded if the object or any directory above it matches, as in the local walk."""
    parts = relative.split("/")
    return any(is_excluded(parts[i], "/".join(parts[: i + 1]), patterns) for i in range(len(parts)))
