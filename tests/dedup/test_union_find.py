from __future__ import annotations

import numpy as np

from tritter_data.dedup.buckets import BandStore, bucket_pairs
from tritter_data.dedup.near_verify import cluster
from tritter_data.dedup.union_find import UnionFind


def test_roots_are_smallest_members_whatever_the_order() -> None:
    pairs = [(5, 9), (9, 2), (7, 8), (2, 5)]
    for order in (pairs, pairs[::-1]):
        uf = UnionFind(10)
        for a, b in order:
            uf.union(a, b)
        assert uf.roots().tolist() == [0, 1, 2, 3, 4, 2, 6, 7, 7, 2]


def test_clusters_sorted_by_smallest_member() -> None:
    groups = cluster(10, np.array([[7, 8], [2, 9], [5, 9]]))
    assert [g.tolist() for g in groups] == [[2, 5, 9], [7, 8]]
    assert cluster(3, np.empty((0, 2), np.int64)) == []


def test_invalid_documents_never_pair() -> None:
    hashes = np.array([1, 1, 1, 2], dtype=np.uint64)
    assert bucket_pairs(hashes, np.array([True, False, True, True])).tolist() == [0 * 4 + 2]


def test_spilled_bands_equal_in_memory_bands(tmp_path) -> None:
    rng = np.random.default_rng(3)
    chunks = [rng.integers(0, 50, (40, 4), dtype=np.uint64) for _ in range(5)]
    memory, spilled = BandStore(4, 1 << 30, tmp_path / "a"), BandStore(4, 1, tmp_path / "b")
    for chunk in chunks:
        memory.add(chunk)
        spilled.add(chunk)
    assert not memory.spilled and spilled.spilled
    for band in range(4):
        assert np.array_equal(memory.band(band), spilled.band(band))
    spilled.cleanup()
    assert not any((tmp_path / "b").iterdir())
