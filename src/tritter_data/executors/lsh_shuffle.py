"""Near-duplicate clustering split into map / shuffle / reduce phases, in pure numpy.

Why: on one machine all LSH band buckets fit in a dict; on a cluster they do not. So the
work is cut the way a shuffle cuts it (datatrove's signature -> buckets -> cluster phases):

1. ``band_keys`` (map, per batch of documents): the ``bands`` band hashes of each MinHash
   signature, and ``split_by_partition`` sends each ``(band, hash, doc)`` row to partition
   ``hash % partitions``, so equal band hashes always meet in the same partition.
2. ``cluster_partition`` (reduce, per partition): rows sorted by ``(band, hash, doc)``; each
   bucket of more than one document is a set of candidates; union-find over those edges,
   restricted to this partition, returns ``(doc, smallest doc of its component)`` pairs.
   Memory: 24 bytes per row, about ``docs * bands / partitions`` rows.
3. ``merge_partitions`` (driver): union-find over the pairs of every partition; only
   documents that have a candidate take part, so this is small.

The smallest document id of a cluster is its root and is kept, so the answer depends neither
on the number of partitions nor on the order batches finish: ``near_duplicates_local`` (one
partition, no Ray) is the reference the Ray version must equal.

    >>> sigs = np.array([[1, 2, 3, 4], [1, 2, 9, 9], [7, 7, 7, 7]], dtype=np.uint32)
    >>> keys = band_keys(np.arange(3), sigs, bands=2, rows=2)
    >>> merge_partitions([cluster_partition([keys])]).tolist()  # doc 1 shares band 0 with doc 0
    [[1, 0]]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

_PRIME = np.uint64(0x100000001B3)
_M1 = np.uint64(0xFF51AFD7ED558CCD)
_M2 = np.uint64(0xC4CEB9FE1A85EC53)


def _mix(h: np.ndarray) -> np.ndarray:
    """murmur3's 64-bit finaliser: every input bit moves every output bit."""
    h = h ^ (h >> np.uint64(33))
    h = h * _M1
    h = h ^ (h >> np.uint64(33))
    h = h * _M2
    return h ^ (h >> np.uint64(33))


def band_keys(doc_ids: np.ndarray, signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """``(n * bands, 3)`` uint64 rows ``[band, band_hash, doc]`` for a batch of signatures."""
    n, width = signatures.shape
    if bands < 1 or rows < 1 or bands * rows > width:
        raise ValueError(f"bands * rows must be in [1, {width}] (the signature width), got {bands} x {rows}")
    if len(doc_ids) != n:
        raise ValueError(f"{len(doc_ids)} ids for {n} signatures")
    values = signatures.astype(np.uint64, copy=False)
    out = np.empty((n * bands, 3), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            h = np.full(n, np.uint64(0xCBF29CE484222325) ^ np.uint64(band), dtype=np.uint64)
            for column in values[:, band * rows : (band + 1) * rows].T:
                h = (h ^ column) * _PRIME
            out[band::bands, 0] = band
            out[band::bands, 1] = _mix(h)
    out[:, 2] = np.repeat(np.asarray(doc_ids, dtype=np.uint64), bands)
    return out


def split_by_partition(keys: np.ndarray, partitions: int) -> list[np.ndarray]:
    """The rows of ``keys`` for each partition (by band hash), in partition order."""
    if partitions < 1:
        raise ValueError(f"partitions must be >= 1, got {partitions}")
    target = keys[:, 1] % np.uint64(partitions)
    return [keys[target == p] for p in range(partitions)]


def components(edges: np.ndarray) -> np.ndarray:
    """``(node, root)`` for every node in ``edges`` (pairs), root the component's smallest id.

    Label propagation with pointer jumping: vectorised union-find whose answer is
    independent of the edge order. Rows are sorted by node.
    """
    if len(edges) == 0:
        return np.empty((0, 2), dtype=np.uint64)
    nodes, index = np.unique(edges.reshape(-1), return_inverse=True)
    pairs = index.reshape(-1, 2)
    label = np.arange(len(nodes))
    while True:
        low = np.minimum(label[pairs[:, 0]], label[pairs[:, 1]])
        new = label.copy()
        for end in (pairs[:, 0], pairs[:, 1]):
            np.minimum.at(new, end, low)  # the node...
            np.minimum.at(new, label[end], low)  # ...and the root it pointed to (hooking)
        new = new[new]  # pointer jumping: follow labels to their labels
        while not np.array_equal(new, new[new]):
            new = new[new]
        if np.array_equal(new, label):
            break
        label = new
    return np.stack([nodes, nodes[label]], axis=1).astype(np.uint64)


def cluster_partition(chunks: Sequence[np.ndarray]) -> np.ndarray:
    """Reduce one partition: candidate buckets -> ``(doc, root)`` for docs with a candidate."""
    keys = np.concatenate(chunks) if len(chunks) else np.empty((0, 3), dtype=np.uint64)
    if len(keys) < 2:
        return np.empty((0, 2), dtype=np.uint64)
    keys = keys[np.lexsort((keys[:, 2], keys[:, 1], keys[:, 0]))]
    same = (keys[1:, 0] == keys[:-1, 0]) & (keys[1:, 1] == keys[:-1, 1])
    if not same.any():
        return np.empty((0, 2), dtype=np.uint64)
    starts = np.flatnonzero(np.concatenate(([True], ~same)))  # first row of each bucket
    bucket = np.cumsum(np.concatenate(([True], ~same))) - 1
    first = keys[starts[bucket], 2]  # each row's bucket head (its smallest doc)
    edges = np.stack([first, keys[:, 2]], axis=1)[first != keys[:, 2]]
    found = components(edges)
    return found[found[:, 0] != found[:, 1]]


def merge_partitions(results: Iterable[np.ndarray]) -> np.ndarray:
    """Global merge: ``(duplicate doc, kept doc)`` rows sorted by duplicate doc."""
    edges = [r for r in results if len(r)]
    if not edges:
        return np.empty((0, 2), dtype=np.uint64)
    found = components(np.concatenate(edges))
    return found[found[:, 0] != found[:, 1]]


def near_duplicates_local(doc_ids: np.ndarray, signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """The one-process reference: same phases, one partition."""
    return merge_partitions([cluster_partition([band_keys(doc_ids, signatures, bands, rows)])])
