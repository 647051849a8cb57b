"""The shuffle phases of near-dup clustering: any partitioning gives the reference answer."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pytest

from tritter_data.executors.lsh_shuffle import (
    band_keys,
    cluster_partition,
    components,
    merge_partitions,
    near_duplicates_local,
    split_by_partition,
)


def planted(n: int = 3000, width: int = 32, seed: int = 3) -> np.ndarray:
    """Random signatures where every 5th document is a noisy copy of the one before, and
    document 2999 copies document 0 (a cluster spanning the whole input)."""
    rng = np.random.default_rng(seed)
    sig = rng.integers(0, 2**32, size=(n, width), dtype=np.uint64).astype(np.uint32)
    for i in range(1, n, 5):
        sig[i] = sig[i - 1]
        sig[i, rng.integers(0, width, size=6)] = rng.integers(0, 2**32, size=6, dtype=np.uint64)
    sig[n - 1] = sig[0]
    return sig


def brute_force(ids: np.ndarray, sig: np.ndarray, bands: int, rows: int) -> list[tuple[int, int]]:
    """Dict buckets and a plain union-find: the textbook version."""
    buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
    for band, value, doc in band_keys(ids, sig, bands, rows).tolist():
        buckets[(band, value)].append(doc)
    parent = {int(i): int(i) for i in ids}

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for docs in buckets.values():
        for doc in docs[1:]:
            a, b = find(docs[0]), find(doc)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return sorted((i, find(i)) for i in parent if find(i) != i)


def test_local_reference_equals_brute_force():
    sig, ids = planted(), np.arange(3000)
    expected = brute_force(ids, sig, bands=8, rows=4)
    result = near_duplicates_local(ids, sig, bands=8, rows=4)
    assert [tuple(r) for r in result.tolist()] == expected
    assert len(expected) == 601  # 600 noisy copies (6 of 8 bands hit at most) + doc 2999
    assert (2999, 0) in expected and (1, 0) in expected and (6, 5) in expected


@pytest.mark.parametrize("partitions", [1, 2, 7])
def test_partitioned_batches_give_the_same_answer(partitions):
    sig, ids = planted(), np.arange(3000)
    reference = near_duplicates_local(ids, sig, bands=8, rows=4)
    shuffled: list[list[np.ndarray]] = [[] for _ in range(partitions)]
    for start in reversed(range(0, 3000, 250)):  # batches in any order
        keys = band_keys(ids[start:start + 250], sig[start:start + 250], 8, 4)
        for bucket, chunk in zip(shuffled, split_by_partition(keys, partitions), strict=True):
            bucket.append(chunk)
    sizes = [sum(len(c) for c in chunks) for chunks in shuffled]
    assert sum(sizes) == 3000 * 8  # every band key lands in exactly one partition
    if partitions > 1:
        assert max(sizes) < 3000 * 8 * 0.7  # and they spread out
    assert np.array_equal(merge_partitions(cluster_partition(c) for c in shuffled), reference)


def test_components_root_is_the_smallest_id_whatever_the_edge_order():
    edges = np.array([[9, 4], [4, 7], [12, 3], [3, 9], [20, 21]], dtype=np.uint64)
    expected = [[3, 3], [4, 3], [7, 3], [9, 3], [12, 3], [20, 20], [21, 20]]
    assert components(edges).tolist() == expected
    assert components(edges[::-1]).tolist() == expected


def test_band_keys_validate_their_shape():
    with pytest.raises(ValueError, match="bands \\* rows must be in \\[1, 4\\]"):
        band_keys(np.arange(2), np.zeros((2, 4), dtype=np.uint32), bands=3, rows=2)
