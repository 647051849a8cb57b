from __future__ import annotations

import json
from pathlib import Path

import pytest
from dedup_helpers import fixture_text, read_output, record, write_shards

from tritter_data.cli import main


def shards_with_bad_lines(directory: Path) -> Path:
    text = fixture_text("bisect.py")
    write_shards(directory, [record("a.py", text), record("b.py", text.replace("    ", "\t")),
                             record("c.py", fixture_text("colorsys.py"))], shard_size=2)
    with open(directory / "shard_00000.jsonl", "ab") as handle:
        handle.write(b'{"text": "broken\n')  # line 3
        handle.write(json.dumps({"language": "python", "quality_score": 0.5, "source": "no_text.py"}).encode() + b"\n")
        handle.write(b"[1, 2]\n")  # line 5
    (directory / "shard_00002.jsonl").write_bytes(b"")  # an empty shard
    return directory


@pytest.mark.parametrize("command", ["dedup", "decontaminate"])
def test_bad_lines_are_counted_named_and_skipped(tmp_path: Path, command: str, capsys) -> None:
    shards_with_bad_lines(tmp_path / "in")
    extra = ["--benchmarks", "humaneval"] if command == "decontaminate" else []
    assert main([command, "--input-dir", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out"), *extra]) == 0
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    shard = tmp_path / "in" / "shard_00000.jsonl"
    assert manifest["bad_lines"] == 3
    assert [e.split(": ", 1)[0] for e in manifest["bad_line_examples"]] == [f"{shard}:3", f"{shard}:4", f"{shard}:5"]
    assert "invalid JSON" in manifest["bad_line_examples"][0]
    assert "missing required field 'text'" in manifest["bad_line_examples"][1]
    assert "not a JSON object" in manifest["bad_line_examples"][2]
    assert manifest["input_records"] == 3
    kept = [r["source"] for r in read_output(tmp_path / "out")]
    assert kept == (["a.py", "c.py"] if command == "dedup" else ["a.py", "b.py", "c.py"])
    assert "bad lines:  3 skipped" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "message"), [
    (["--threshold", "0"], r"--threshold must be in (0, 1], got 0.0"),
    (["--threshold", "1.5"], r"--threshold must be in (0, 1], got 1.5"),
    (["--num-perm", "1"], "--num-perm must be between 2 and 8192"),
    (["--ngram", "0"], "--ngram must be at least 1"),
    (["--workers", "0"], "--workers must be at least 1"),
    (["--memory-limit", "lots"], "--memory-limit: not a size: 'lots'"),
    (["--shard-size", "0"], "--shard-size must be a positive integer"),
    (["--ray-address", "auto"], "--ray-address needs --executor ray"),
])
def test_dedup_option_errors_are_one_line(tmp_path: Path, capsys, args: list[str], message: str) -> None:
    write_shards(tmp_path / "in", [record("a.py", "x = 1\n")])
    code = main(["dedup", "--input-dir", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out"), *args])
    err = capsys.readouterr().err
    assert code == 2 and message in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["dedup", "decontaminate"])
def test_directory_errors(tmp_path: Path, capsys, command: str) -> None:
    extra = ["--benchmarks", "humaneval"] if command == "decontaminate" else []
    write_shards(tmp_path / "in", [record("a.py", "x = 1\n")])
    before = (tmp_path / "in" / "shard_00000.jsonl").read_bytes()

    def run(input_dir: Path, output_dir: Path, *more: str) -> tuple[int, str]:
        code = main([command, "--input-dir", str(input_dir), "--output-dir", str(output_dir), *extra, *more])
        return code, capsys.readouterr().err

    code, err = run(tmp_path / "in", tmp_path / "in")
    assert code == 2 and "--output-dir must differ from --input-dir" in err
    code, err = run(tmp_path / "in", tmp_path / "in" / ".." / "in")
    assert code == 2 and "--output-dir must differ from --input-dir" in err
    assert (tmp_path / "in" / "shard_00000.jsonl").read_bytes() == before  # nothing lost
    (tmp_path / "empty").mkdir()
    code, err = run(tmp_path / "empty", tmp_path / "out")
    assert code == 2 and f"{tmp_path / 'empty'}: no shard_*.jsonl files" in err
    code, err = run(tmp_path / "missing", tmp_path / "out")
    assert code == 2 and "not a directory" in err
    assert run(tmp_path / "in", tmp_path / "out")[0] == 0
    code, err = run(tmp_path / "in", tmp_path / "out")
    assert code == 2 and "pass --overwrite" in err
    assert run(tmp_path / "in", tmp_path / "out", "--overwrite")[0] == 0


def test_shards_with_only_empty_files_give_an_empty_run(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "shard_00000.jsonl").write_bytes(b"\n\n")
    (tmp_path / "in" / "manifest.json").write_text('{"shards": ["shard_00000.jsonl"]}')  # a finished run
    assert main(["dedup", "--input-dir", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out"), "--quiet"]) == 0
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert (manifest["input_records"], manifest["kept"], manifest["shards"]) == (0, 0, [])
