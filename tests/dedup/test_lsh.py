from __future__ import annotations

import numpy as np
import pytest

from tritter_data.dedup.lsh import band_hashes, optimal_params


@pytest.mark.parametrize(("threshold", "num_perm", "expected"), [
    (0.8, 256, (17, 15)), (0.7, 128, (14, 9)), (0.5, 64, (14, 4)), (0.9, 256, (9, 28)), (1.0, 256, (1, 256)),
])
def test_pinned_parameters(threshold: float, num_perm: int, expected: tuple[int, int]) -> None:
    params = optimal_params(threshold, num_perm)
    assert (params.bands, params.rows) == expected
    assert params.bands * params.rows <= num_perm


@pytest.mark.parametrize(("threshold", "num_perm"), [(0.8, 256), (0.75, 200), (0.85, 128), (0.6, 100), (0.3, 32)])
def test_same_parameters_as_datasketch(threshold: float, num_perm: int) -> None:
    lsh = pytest.importorskip("datasketch.lsh")
    params = optimal_params(threshold, num_perm)
    assert (params.bands, params.rows) == lsh._optimal_param(threshold, num_perm, 0.5, 0.5)


def test_default_curve_meets_the_recall_and_precision_bar() -> None:
    params = optimal_params(0.8, 256)
    assert params.probability(0.9) == pytest.approx(0.98014, abs=1e-5)
    assert params.probability(0.6) == pytest.approx(0.00796, abs=1e-5)


@pytest.mark.parametrize("threshold", [0.0, -0.1, 1.01])
def test_threshold_out_of_range(threshold: float) -> None:
    with pytest.raises(ValueError, match=r"threshold must be in \(0, 1\]"):
        optimal_params(threshold, 256)


def test_band_hashes_agree_exactly_where_the_band_agrees() -> None:
    params = optimal_params(0.8, 256)
    rng = np.random.default_rng(0)
    a = rng.integers(0, 2**32, 256, dtype=np.uint64).astype(np.uint32)
    b = a.copy()
    b[params.rows * 3 + 2] ^= 1  # one value of band 3 differs
    hashes = band_hashes(np.stack([a, b]), params)
    assert hashes.shape == (2, params.bands) and hashes.dtype == np.uint64
    assert (hashes[0] == hashes[1]).tolist() == [i != 3 for i in range(params.bands)]
