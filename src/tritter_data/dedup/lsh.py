"""LSH banding: which (bands, rows) to use for a threshold, and the band hashes of signatures.

Two documents with Jaccard similarity ``s`` agree on one MinHash value with probability
``s``, on all ``r`` rows of a band with ``s**r``, and share at least one of ``b`` bands
(become a candidate pair) with probability ``P(s) = 1 - (1 - s**r)**b``, an S-curve.
For a threshold ``t``:

- false positives weigh ``FP = integral_0^t P(s) ds`` (dissimilar pairs that become candidates:
  wasted verification work, or wrong removals without verification);
- false negatives weigh ``FN = integral_t^1 (1 - P(s)) ds`` (similar pairs that are missed:
  duplicates that stay; nothing later can recover them).

We pick the ``(b, r)`` with ``b * r <= num_perm`` that minimises ``w_fp * FP + w_fn * FN``
(datasketch's ``_optimal_param``, equal weights by default). The integrands are polynomials
of degree ``<= b * r <= num_perm``, so Gauss-Legendre quadrature with ``num_perm // 2 + 1``
nodes computes them exactly (datasketch uses adaptive ``scipy.integrate.quad``). With
``t = 0.8`` and 256 permutations this gives ``b = 17, r = 15``: P(0.9) = 0.980,
P(0.8) = 0.456, P(0.6) = 0.008 (the curve is steep around 0.82). Raising ``w_fn`` moves the
S-curve left (more candidates, fewer misses). Candidates are then checked with exact Jaccard, so false positives cost time only.

Example::

    >>> p = optimal_params(0.8, 256)
    >>> (p.bands, p.rows)
    (17, 15)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from tritter_data.dedup.shingles import mix64

_C = np.uint64(0xC2B2AE3D27D4EB4F)


@dataclass(frozen=True)
class LshParams:
    bands: int
    rows: int
    false_positive_area: float
    false_negative_area: float

    def probability(self, similarity: float) -> float:
        """Chance that a pair with this Jaccard similarity becomes a candidate."""
        return float(1.0 - (1.0 - similarity**self.rows) ** self.bands)


def _areas(threshold: float, bands: int, rows: np.ndarray, x: np.ndarray, w: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray]:
    """FP and FN areas for one ``bands`` and every ``rows`` in the array (Gauss-Legendre ``x, w``)."""
    low = threshold / 2 * (x + 1)  # nodes mapped onto [0, t]
    high = threshold + (1 - threshold) / 2 * (x + 1)  # ... and onto [t, 1]
    r = rows[:, None]
    fp = threshold / 2 * np.sum(w * (1 - (1 - low**r) ** bands), axis=1)
    fn = (1 - threshold) / 2 * np.sum(w * (1 - high**r) ** bands, axis=1)
    return fp, fn


def gauss_legendre(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Nodes and weights of ``n``-point Gauss-Legendre quadrature on [-1, 1].

    Newton's method on the Legendre recurrence, all nodes at once: well under a millisecond,
    where ``numpy.polynomial.legendre.leggauss`` (an eigenproblem, then a polish) took ~0.08 s
    of every run's start-up. Agrees with it to a few ulps.
    """
    k = np.arange(1, n + 1)
    x = np.cos(np.pi * (k - 0.25) / (n + 0.5))  # Tricomi's first guess, descending
    for _ in range(100):
        p0, p1 = np.ones_like(x), x.copy()
        for j in range(2, n + 1):
            p0, p1 = p1, ((2 * j - 1) * x * p1 - (j - 1) * p0) / j
        derivative = n * (x * p1 - p0) / (x * x - 1) if n > 1 else np.ones_like(x)
        step = p1 / derivative
        x = x - step
        if np.max(np.abs(step)) < 1e-15:
            break
    p0, p1 = np.ones_like(x), x.copy()
    for j in range(2, n + 1):
        p0, p1 = p1, ((2 * j - 1) * x * p1 - (j - 1) * p0) / j
    derivative = n * (x * p1 - p0) / (x * x - 1) if n > 1 else np.ones_like(x)
    weights = 2 / ((1 - x * x) * derivative * derivative)
    weights = (weights + weights[::-1]) / 2  # the rule is symmetric; so is its rounding now
    weights *= 2 / weights.sum()
    return x[::-1].copy(), weights[::-1].copy()


@lru_cache(maxsize=64)
def optimal_params(threshold: float, num_perm: int, fp_weight: float = 0.5, fn_weight: float = 0.5) -> LshParams:
    """The ``(bands, rows)`` minimising the weighted false-positive and false-negative areas.

    Ties go to the fewest bands, then the fewest rows (datasketch's order).
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    if num_perm < 2:
        raise ValueError(f"num_perm must be >= 2, got {num_perm}")
    x, w = gauss_legendre(num_perm // 2 + 1)
    best: tuple[float, int, int, float, float] | None = None
    for bands in range(1, num_perm + 1):
        rows = np.arange(1, num_perm // bands + 1)
        fp, fn = _areas(threshold, bands, rows, x, w)
        error = fp * fp_weight + fn * fn_weight
        i = int(np.argmin(error))
        if best is None or error[i] < best[0]:
            best = (float(error[i]), bands, int(rows[i]), float(fp[i]), float(fn[i]))
    assert best is not None
    return LshParams(best[1], best[2], best[3], best[4])


def band_hashes(signatures: np.ndarray, params: LshParams) -> np.ndarray:
    """``(n, bands)`` uint64: one hash per band of ``rows`` consecutive signature values."""
    n = len(signatures)
    block = signatures[:, : params.bands * params.rows].reshape(n, params.bands, params.rows)
    block = block.astype(np.uint64)
    out = block[:, :, 0].copy()
    for j in range(1, params.rows):
        out *= _C
        out += block[:, :, j]
    return mix64(out)
