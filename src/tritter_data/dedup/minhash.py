"""MinHash signatures: ``num_perm`` minimum hash values per document, as one uint32 matrix.

Two backends give the same kind of signature (uint32 minima of ``num_perm`` seeded hash
functions over a document's uint64 shingle hashes):

- ``rensa`` (the ``[dedup]`` extra): Rust, fed one flat buffer of shingle hashes plus row
  offsets, so there is no Python work per shingle. Measured on the CPython stdlib (11 MB):
  about 245 MB/s of source text for 256 permutations, far ahead of the shingler.
- ``numpy``: multiply-add-shift hashing ``(a*x + b) >> 32`` mod 2**64 (Dietzfelbinger), in
  blocks of shingles so memory stays bounded; about 7 MB/s on the same corpus, 35x slower,
  so it is only the fallback when ``rensa`` is not installed.

The two backends hash differently, so their signatures are not interchangeable; the manifest
records which one ran. Either is deterministic for a given ``seed``.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

import numpy as np

logger = logging.getLogger(__name__)
BACKENDS = ("rensa", "numpy")
_BLOCK = 1024
EMPTY = np.uint32(0xFFFFFFFF)


def default_backend() -> str:
    """``rensa`` when installed, else ``numpy`` (logged, with the install hint)."""
    try:
        import rensa  # noqa: F401
    except ImportError:
        logger.warning("rensa not installed, using the 35x slower numpy MinHash; "
                       "pip install 'tritter-data[dedup]'")
        return "numpy"
    return "rensa"


@dataclass(frozen=True)
class MinHasher:
    """Signatures for batches of documents; ``signatures(shingle_arrays) -> (n, num_perm) uint32``."""

    num_perm: int = 256
    seed: int = 42
    backend: str = "rensa"

    def __post_init__(self) -> None:
        if self.num_perm < 2:
            raise ValueError(f"num_perm must be >= 2, got {self.num_perm}")
        if self.backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}, got {self.backend!r}")

    def signatures(self, shingles: list[np.ndarray]) -> np.ndarray:
        """One row per document; a document without shingles gets an all-``EMPTY`` row."""
        if not shingles:
            return np.empty((0, self.num_perm), dtype=np.uint32)
        if self.backend == "rensa":
            return self._rensa(shingles)
        return np.stack([self._numpy_one(s) for s in shingles])

    def _rensa(self, shingles: list[np.ndarray]) -> np.ndarray:
        from rensa import RMinHash

        _POOL_STARTED[:] = [os.getpid()]
        offsets = np.zeros(len(shingles) + 1, dtype=np.uint64)
        np.cumsum([len(s) for s in shingles], out=offsets[1:])
        flat = np.concatenate(shingles) if offsets[-1] else np.empty(0, dtype=np.uint64)
        matrix = RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, self.num_perm, self.seed)
        rows = np.array(matrix.to_rows(), dtype=np.uint32).reshape(len(shingles), self.num_perm)
        rows[offsets[1:] == offsets[:-1]] = EMPTY
        return rows

    def _numpy_one(self, shingles: np.ndarray) -> np.ndarray:
        a, b = _coefficients(self.num_perm, self.seed)
        out = np.full(self.num_perm, EMPTY, dtype=np.uint32)
        for start in range(0, len(shingles), _BLOCK):
            block = shingles[start : start + _BLOCK, None] * a
            block += b
            block >>= np.uint64(32)
            np.minimum(out, block.min(axis=0).astype(np.uint32), out=out)
        return out


_POOL_STARTED: list[int] = []  # the pid that started rensa's thread pool (a forked child has none)


def thread_pool_started() -> bool:
    """Whether this process runs rensa's Rust thread pool, which a forked child cannot use."""
    return [os.getpid()] == _POOL_STARTED


def _coefficients(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 1 << 63, num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)  # odd
    b = rng.integers(0, 1 << 63, num_perm, dtype=np.uint64)
    return a, b


def estimate_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The signature estimate of Jaccard similarity: the fraction of equal minima."""
    return float(np.mean(a == b))
