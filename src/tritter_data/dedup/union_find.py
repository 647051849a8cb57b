"""Union-find over document ids in a numpy array (4 bytes per document).

The root of a set is always its smallest id, so the clusters (and everything derived from
them) do not depend on the order in which pairs arrive.

Example::

    >>> uf = UnionFind(5)
    >>> uf.union(3, 1); uf.union(4, 3)
    >>> [uf.find(i) for i in range(5)]
    [0, 1, 2, 1, 1]
"""

from __future__ import annotations

import numpy as np


class UnionFind:
    def __init__(self, size: int):
        self.parent = np.arange(size, dtype=np.int64 if size >= 2**31 else np.int32)

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving
            x = int(parent[x])
        return x

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            low, high = (root_a, root_b) if root_a < root_b else (root_b, root_a)
            self.parent[high] = low

    def roots(self) -> np.ndarray:
        """The root of every id (vectorised pointer jumping to a fixed point)."""
        parent = self.parent.copy()
        while True:
            grand = parent[parent]
            if np.array_equal(grand, parent):
                return parent
            parent = grand
