"""One session per run: ``prepare --executor ray --near-dedup --decontaminate`` starts Ray once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")

from tritter_data.cli import main  # noqa: E402

pytestmark = pytest.mark.ray


def test_prepare_with_post_steps_starts_ray_once(code_tree: Path, tmp_path: Path, monkeypatch) -> None:
    if ray.is_initialized():
        pytest.skip("this process already runs Ray")
    starts = []
    real_init = ray.init
    monkeypatch.setattr(ray, "init", lambda *a, **kw: starts.append(kw) or real_init(*a, **kw))
    bench = tmp_path / "bench.jsonl"  # a local benchmark: one problem taken from the corpus's own code
    text = (code_tree / "python" / "intervals.py").read_text()
    bench.write_text(json.dumps({"task_id": "local/0", "prompt": text[:400], "canonical_solution": text[400:900]}) + "\n")
    out = tmp_path / "out"
    assert main(["prepare", "--input-dir", str(code_tree), "--output-dir", str(out), "--quiet",
                 "--executor", "ray", "--workers", "2", "--near-dedup", "--decontaminate",
                 "--benchmark-file", str(bench)]) == 0
    assert len(starts) == 1
    assert not ray.is_initialized()  # the run started it, the run stopped it
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["near_dedup"]["parameters"]["executor"] == "ray"
    assert manifest["decontaminate"]["parameters"]["executor"] == "ray"
    assert manifest["decontaminate"]["removed"] >= 1
