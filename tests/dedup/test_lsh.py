from __future__ import annotations

import numpy as np
import pytest

from tritter_data.dedup import lsh as lsh_module
from tritter_data.dedup.lsh import band_hashes, gauss_legendre, optimal_params


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


@pytest.mark.parametrize("n", [1, 2, 3, 9, 129, 513])
def test_gauss_legendre_matches_numpy_and_is_exact_for_its_degree(n: int) -> None:
    x, w = gauss_legendre(n)
    ref_x, ref_w = np.polynomial.legendre.leggauss(n)
    assert np.allclose(x, ref_x, rtol=0, atol=1e-13) and np.allclose(w, ref_w, rtol=1e-9, atol=0)
    degree = 2 * n - 1  # integral of x**d over [-1, 1]: 0 for odd d, 2 / (d + 1) for even
    for d in (0, 1, degree - 1, degree):
        assert np.sum(w * x**d) == pytest.approx(0.0 if d % 2 else 2 / (d + 1), abs=1e-12)


@pytest.mark.parametrize("num_perm", [16, 128, 256])
@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.8, 0.9])
def test_optimal_params_equal_those_on_numpy_nodes(num_perm: int, threshold: float,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The quick nodes choose the layout numpy's ``leggauss`` nodes choose, with the same areas."""
    quick = optimal_params.__wrapped__(threshold, num_perm)
    monkeypatch.setattr(lsh_module, "gauss_legendre", np.polynomial.legendre.leggauss)
    reference = optimal_params.__wrapped__(threshold, num_perm)
    assert (quick.bands, quick.rows) == (reference.bands, reference.rows)
    assert quick.false_positive_area == pytest.approx(reference.false_positive_area, rel=1e-9)
    assert quick.false_negative_area == pytest.approx(reference.false_negative_area, rel=1e-9)
