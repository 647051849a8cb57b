"""Fixtures for the hostile-input tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).parents[1]


@pytest.fixture
def inline_parquet(tmp_path: Path) -> Path:
    """The Stack v1 layout with file contents inline (no S3 needed), from the test fixtures."""
    pytest.importorskip("pyarrow")
    sys.path.insert(0, str(TESTS))
    import stack_support

    root = tmp_path / "v1"
    stack_support.write_parquet(root / "data" / "python" / "data-00000.parquet", stack_support.v1_rows(),
                                stack_support.v1_schema())
    return root
