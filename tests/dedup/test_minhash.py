from __future__ import annotations

import numpy as np
import pytest
from dedup_helpers import fixture_text

from tritter_data.dedup.minhash import EMPTY, MinHasher, estimate_jaccard
from tritter_data.dedup.shingles import jaccard, shingle_hashes


@pytest.mark.parametrize("backend", ["rensa", "numpy"])
def test_signatures_estimate_jaccard(backend: str) -> None:
    if backend == "rensa":
        pytest.importorskip("rensa")
    text = fixture_text("textwrap.py")
    lines = text.splitlines(keepends=True)
    other = "".join(lines[: len(lines) * 3 // 4])
    a, b = shingle_hashes(text), shingle_hashes(other)
    sig = MinHasher(256, 7, backend).signatures([a, b, np.empty(0, np.uint64)])
    assert sig.shape == (3, 256) and sig.dtype == np.uint32
    assert estimate_jaccard(sig[0], sig[1]) == pytest.approx(jaccard(a, b), abs=0.08)
    assert (sig[2] == EMPTY).all()
    again = MinHasher(256, 7, backend).signatures([a])
    assert np.array_equal(again[0], sig[0])  # deterministic, batch-independent
    assert not np.array_equal(MinHasher(256, 8, backend).signatures([a])[0], sig[0])  # seeded


def test_invalid_backend_and_num_perm() -> None:
    with pytest.raises(ValueError, match="backend"):
        MinHasher(backend="faiss")
    with pytest.raises(ValueError, match="num_perm"):
        MinHasher(num_perm=1)
