"""``curate --executor ray``: the per-file stages as Ray tasks, the same bytes as the local pool."""

from __future__ import annotations

import json

import pytest

import stack_support as support
from tritter_data.cli import main

ray = pytest.importorskip("ray")
pytest.importorskip("pyarrow")
pytest.importorskip("boto3")
pytestmark = pytest.mark.ray
FAST = ["--fetch-backoff", "0.001", "--fetch-attempts", "3", "--part-size", "4", "--quiet"]
COUNTS = ("rows_read", "kept", "rejected", "rejected_total", "parts", "stopped")


def test_curate_on_ray_is_byte_identical_to_local(tmp_path, s3_endpoint, aws_env):
    mirror = support.write_stack_v2(tmp_path / "mirror")
    outputs = {}
    for executor in ("local", "ray"):
        out = tmp_path / executor
        # ray: no instance running, so the executor starts a local one (2 CPUs) and stops it after
        assert main(["curate", "--from-parquet", str(mirror), "--output", str(out), "--s3-endpoint-url",
                     s3_endpoint, "--language", "python", "rust", "--executor", executor, "--workers", "2",
                     *FAST]) == 0
        outputs[executor] = out
    assert not ray.is_initialized()
    for language in ("python", "rust"):
        local = (outputs["local"] / f"{language}_curated.jsonl").read_bytes()
        assert (outputs["ray"] / f"{language}_curated.jsonl").read_bytes() == local
        manifests = [json.loads((outputs[name] / f"{language}_manifest.json").read_text()) for name in outputs]
        assert [m[key] for key in COUNTS for m in manifests[:1]] == [m[key] for key in COUNTS for m in manifests[1:]]
    python = json.loads((outputs["ray"] / "python_manifest.json").read_text())
    assert (python["rows_read"], python["kept"], python["rejected_total"]) == (17, 6, 11)
    assert len((outputs["ray"] / "rust_curated.jsonl").read_text().splitlines()) == 2
