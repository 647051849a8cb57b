"""Near-dup, decontamination and mix sections from manifests in the shapes issues 5 and 8 describe."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tritter_data import cli
from tritter_data.report.post import decont_view, dedup_view, mix_view

from .conftest import read_page

DEDUP = {
    "command": "dedup", "version": "0.1.0", "input_count": 120, "kept": 101, "removed": 19,
    "bytes_removed": 183_204, "cluster_size_histogram": {"2": 11, "3": 2, "5": 1},
    "parameters": {"threshold": 0.8, "num_perm": 256, "ngram": 5, "bands": 32, "rows": 8},
    "elapsed_seconds": 1.25,
}
DECONT = {
    "command": "decontaminate", "version": "0.1.0", "input_count": 101, "kept": 98, "removed": 3,
    "hits_per_benchmark": {"humaneval": 2, "mbpp": 1, "ds1000": 0},
    "items_loaded": {"humaneval": 164, "mbpp": 974, "ds1000": 1000},
    "parameters": {"ngram": 10, "benchmarks": ["humaneval", "mbpp", "ds1000"]}, "elapsed_seconds": 0.4,
}
MIX = {
    "command": "mix", "tokenizer": "tritter-code-bpe-8k", "seed": 0, "max_epochs": 4,
    "components": [
        {"name": "python", "tokens_available": 400_000, "target_tokens": 400_000, "tokens_taken": 400_000,
         "epochs": 1.0, "files": 80},
        {"name": "rust", "tokens_available": 100_000, "target_tokens": 250_000, "tokens_taken": 250_000,
         "epochs": 2.5, "files": 31},
        {"name": "docs", "tokens_available": 20_000, "target_tokens": 100_000, "tokens_taken": 80_000,
         "epochs": 4.0, "files": 9},
    ],
}


@pytest.fixture
def full_run(prepared: tuple[Path, dict[str, Any]], tmp_path: Path) -> Path:
    """A copy of the prepared run with a mix manifest beside it and a decontaminate run below it."""
    out = tmp_path / "out"
    shutil.copytree(prepared[0], out)
    (out / "mix_manifest.json").write_text(json.dumps(MIX))
    (out / "decont").mkdir()
    (out / "decont" / "manifest.json").write_text(json.dumps(DECONT))
    return out


def test_every_post_step_renders_with_its_numbers(full_run: Path, tmp_path: Path) -> None:
    dedup = tmp_path / "elsewhere" / "manifest.json"
    dedup.parent.mkdir()
    dedup.write_text(json.dumps(DEDUP))
    assert cli.main(["report", str(full_run), "--manifest", str(dedup)]) == 0
    text = (full_run / "report.html").read_text()
    page = read_page(text)
    assert all(status == "present" for ident, status in page.sections.items() if ident != "curate")
    assert page.sections["curate"] == "not-run"
    # Near-dup: the big numbers, the cluster sizes, the parameters.
    assert [page.stats[k] for k in ("dedup_input", "dedup_kept", "dedup_removed", "dedup_bytes_removed")] == [
        "120", "101", "19", "183.2 KB"]
    assert page.rows[("clusters", "2")] == ["2", "11", "22"]
    assert page.rows[("clusters", "5")] == ["5", "1", "5"]
    assert page.stats["near_dup_removed"] == "19"
    assert 'id="chart-clusters"' in text and "num_perm" in text
    # Decontamination: hits and items loaded per benchmark.
    assert page.rows[("benchmarks", "humaneval")] == ["humaneval", "164", "2"]
    assert page.rows[("benchmarks", "mbpp")] == ["mbpp", "974", "1"]
    assert page.rows[("benchmarks", "ds1000")] == ["ds1000", "1,000", "0"]
    assert page.stats["decont_removed"] == "3"
    assert 'id="chart-benchmarks"' in text
    # Mix: target vs taken per component.
    assert page.rows[("mix", "python")] == ["python", "400,000", "400,000", "400,000", "100.0%", "1", "80"]
    assert page.rows[("mix", "rust")] == ["rust", "100,000", "250,000", "250,000", "100.0%", "2.5", "31"]
    assert page.rows[("mix", "docs")] == ["docs", "20,000", "100,000", "80,000", "80.0%", "4", "9"]
    assert page.stats["mix_taken"] == "730.0k"
    mix_chart = re.search(r'id="chart-mix".*?</svg>', text, re.S)
    assert mix_chart is not None and "80% of target" in mix_chart.group(0)
    assert "tritter-code-bpe-8k" in text
    assert str(dedup) in text and str(full_run / "decont" / "manifest.json") in text


def test_report_without_a_prepare_manifest(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text(json.dumps(DEDUP))
    assert cli.main(["report", str(tmp_path)]) == 0
    page = read_page((tmp_path / "report.html").read_text())
    assert [page.sections[s] for s in ("funnel", "scores", "distributions", "findings")] == ["not-run"] * 4
    assert page.sections["near-dup"] == "present"
    assert page.sections["decontamination"] == "not-run"


def test_views_accept_other_key_spellings() -> None:
    dedup = dedup_view({"input": 10, "output": 7, "cluster_sizes": [[2, 2], [3, 1]], "threshold": 0.7})
    assert (dedup.input, dedup.kept, dedup.removed, dedup.clusters) == (10, 7, 3, [(2, 2), (3, 1)])
    assert dedup.params == {"threshold": 0.7}
    assert dedup_view({"clusters": [{"size": 4, "count": 2}]}).clusters == [(4, 2)]
    decont = decont_view({"benchmarks": {"humaneval": {"items": 164, "hits": 5}, "custom": {"loaded": 3}}})
    assert [(b.name, b.items, b.hits) for b in decont.benchmarks] == [("humaneval", 164, 5), ("custom", 3, None)]
    mix = mix_view({"components": {"python": {"available": 10, "target": 8, "taken": 8, "epochs": 1,
                                              "files": ["a", "b"]}}, "total_tokens": 8})
    [python] = mix.components
    assert (python.name, python.available, python.target, python.taken, python.epochs, python.files) == (
        "python", 10, 8, 8, 1.0, 2)
    assert mix.total_tokens == 8


def test_unknown_fields_render_as_not_recorded(tmp_path: Path) -> None:
    (tmp_path / "mix_manifest.json").write_text(json.dumps({"command": "mix", "components": [{"name": "x"}]}))
    assert cli.main(["report", str(tmp_path)]) == 0
    page = read_page((tmp_path / "report.html").read_text())
    assert page.rows[("mix", "x")] == ["x", "—", "—", "—", "—", "—", "—"]
