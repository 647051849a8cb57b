"""``make phase1`` end to end on small local inputs: five components, every step reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tritter_data.runs.phase1 import ROOT, resolved_config, run_phase1, stage_repos
from tritter_data.sources.package_docs import collect_package_docs, readme_extension

CONFIG = ROOT / "configs" / "phase1_mix.yaml"


def test_phase1_on_small_inputs(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("yaml")
    out = tmp_path / "phase1"
    report = run_phase1(out, config=CONFIG, workers=1, total_tokens="200k", quiet=True,
                        python_dir=ROOT / "tests" / "fixtures" / "code" / "python")
    steps = [row["step"] for row in report["steps"]]
    assert steps == [f"{c}: {s}" for c in ("python", "rust", "repos", "docs")
                     for s in ("prepare", "near-dedup", "decontaminate")] + [
        "persona: conversations", "mix", "train --dry-run"]
    components = {c["name"]: c for c in report["mix_components"]}
    assert list(components) == ["python", "rust", "high_quality_repos", "technical_docs", "persona_conversations"]
    assert all(c["tokens_taken"] > 0 for c in components.values())
    assert components["persona_conversations"]["records_read"] == 16
    assert report["steps"][-1]["output"][0].startswith("loader:")
    mixed = [json.loads(line) for line in (out / "mix" / "shard_00000.jsonl").open()]
    assert {r["language"] for r in mixed} >= {"python", "rust", "conversation", "markdown"}
    assert any("persona" in r for r in mixed if r["language"] == "conversation")
    assert json.loads((out / "phase1_report.json").read_text()) == report


def test_config_resolution_and_repo_staging(tmp_path: Path) -> None:
    config = resolved_config(CONFIG, tmp_path)
    text = config.read_text()
    assert "[data/phase1/" not in text and f"[{tmp_path.resolve()}/python]" in text
    found = stage_repos(tmp_path / "repos")
    assert found and all((tmp_path / "repos" / name).is_dir() for name in found)
    assert "numpy" in found  # a core dependency, and one of the curated repositories


def test_package_docs_collector(tmp_path: Path) -> None:
    assert readme_extension("text/markdown; charset=UTF-8") == ".md"
    assert readme_extension(None) == ".rst" and readme_extension("text/plain") == ".txt"
    summary = collect_package_docs(tmp_path / "docs")
    assert summary["readmes"] > 5
    assert (tmp_path / "docs" / "orjson" / "README.md").read_text().strip()
    assert json.loads((tmp_path / "docs" / "collect_manifest.json").read_text()) == summary
