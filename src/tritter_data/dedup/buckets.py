"""LSH band buckets with a memory budget, and the candidate pairs they yield.

``BandStore`` keeps the ``(documents, bands)`` uint64 band hashes in memory until they pass
the budget, then appends each band's column to its own file (``band_007.u64``), in document
order, so a document's id is its position and no id column is stored. Candidate pairs are
then found one band at a time: the peak is one band's hashes (8 bytes per document) plus a
sort, whatever the size of the corpus's text.

Within a bucket (documents with equal band hash, ids ascending) the pairs are each member
with the bucket's first member (a star) and with its predecessor (a chain): enough to
connect the bucket, and with exact verification it still finds a member that is similar to
its neighbour but not to the first. Buckets of identical copies give ``2k`` pairs, not ``k**2``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np


class BandStore:
    def __init__(self, bands: int, memory_limit: int, spill_dir: Path):
        self.bands = bands
        self.memory_limit = memory_limit
        self.spill_dir = spill_dir
        self.count = 0
        self.spilled_bytes = 0
        self._chunks: list[np.ndarray] = []
        self._in_memory = 0

    @property
    def spilled(self) -> bool:
        return self.spilled_bytes > 0

    def add(self, hashes: np.ndarray) -> None:
        """Append the band hashes of the next documents (rows in document order)."""
        if hashes.shape[1:] != (self.bands,):
            raise ValueError(f"expected (n, {self.bands}) band hashes, got {hashes.shape}")
        self._chunks.append(hashes)
        self._in_memory += hashes.nbytes
        self.count += len(hashes)
        if self._in_memory > self.memory_limit:
            self.flush()

    def _path(self, band: int) -> Path:
        return self.spill_dir / f"band_{band:03d}.u64"

    def flush(self) -> None:
        if not self._chunks:
            return
        block = np.concatenate(self._chunks)
        self.spill_dir.mkdir(parents=True, exist_ok=True)
        for band in range(self.bands):
            with open(self._path(band), "ab") as handle:
                np.ascontiguousarray(block[:, band]).tofile(handle)
        self.spilled_bytes += block.nbytes
        self._chunks, self._in_memory = [], 0

    def band(self, band: int) -> np.ndarray:
        """All documents' hashes for one band (from disk once anything was spilled)."""
        if self.spilled:
            self.flush()
            return np.fromfile(self._path(band), dtype=np.uint64)
        if not self._chunks:
            return np.empty(0, dtype=np.uint64)
        return np.concatenate([chunk[:, band] for chunk in self._chunks])

    def cleanup(self) -> None:
        for band in range(self.bands):
            self._path(band).unlink(missing_ok=True)


def bucket_pairs(hashes: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Sorted unique ``u * n + v`` keys (``u < v``) of the pairs that share a bucket.

    ``valid`` masks out documents that must never pair (those without shingles).

    >>> bucket_pairs(np.array([7, 3, 7, 7, 3], dtype=np.uint64), np.ones(5, bool)).tolist()
    [2, 3, 9, 13]
    """
    n = len(hashes)
    ids = np.flatnonzero(valid)
    order = np.argsort(hashes[ids], kind="stable")
    ids = ids[order]
    sorted_hashes = hashes[ids]
    if len(ids) < 2:
        return np.empty(0, dtype=np.int64)
    same = np.empty(len(ids), dtype=bool)
    same[0] = False
    np.equal(sorted_hashes[1:], sorted_hashes[:-1], out=same[1:])
    members = np.flatnonzero(same)
    if len(members) == 0:
        return np.empty(0, dtype=np.int64)
    first = np.maximum.accumulate(np.where(same, 0, np.arange(len(ids))))
    star = ids[first[members]].astype(np.int64) * n + ids[members]
    chain = ids[members - 1].astype(np.int64) * n + ids[members]
    return np.unique(np.concatenate([star, chain]))
