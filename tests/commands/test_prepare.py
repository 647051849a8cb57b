"""``prepare`` end to end on real code: every option, every reject reason, exact counts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from tritter_data.cli import main
from tritter_data.core.sample import OUTPUT_FIELDS

REPO = Path(__file__).parents[2]


def prepare(*args: str) -> int:
    return main(["prepare", "--quiet", *args])


def records(out: Path) -> list[dict]:
    lines = []
    for shard in sorted(out.glob("shard_*.jsonl")):
        lines += [orjson.loads(line) for line in shard.read_bytes().splitlines()]
    return lines


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text())


def test_default_run_counts_every_file(code_tree, tmp_path):
    out = tmp_path / "out"
    assert prepare("--input-dir", str(code_tree), "--output-dir", str(out)) == 0
    m = manifest(out)
    assert m["input_files"] == 22
    assert (m["kept"], m["positive"], m["negative"]) == (19, 17, 2)  # legacy_report.py, scripts/tool
    assert m["rejected"] == {"auto_generated": 1, "exact_duplicate": 1, "too_few_lines": 1}
    assert m["kept"] + m["rejected_total"] == m["input_files"]
    assert m["options"]["shard_size"] == 10_000 and m["options"]["min_quality"] == 0.5
    assert m["shards"] == ["shard_00000.jsonl"]
    assert m["per_language"]["python"] == {"bytes": 2781, "files": 7, "negative": 2, "positive": 2, "rejected": 3}
    assert m["bytes_out"] == (out / "shard_00000.jsonl").stat().st_size
    rows = records(out)
    # sorted path order, except that the first negative swaps places with the head of
    # shard 0, so that `datasets` sees every field in the first block (schema_head.py)
    expected = sorted(r["source"] for r in rows)
    swapped = expected.index("python/legacy_report.py")
    expected[0], expected[swapped] = expected[swapped], expected[0]
    assert [r["source"] for r in rows] == expected
    assert {r["language"] for r in rows} == {
        "python", "rust", "javascript", "typescript", "go", "java", "c", "cpp", "csharp",
        "ruby", "php", "shell", "kotlin", "swift", "scala"}
    for row in rows:
        assert set(row) <= set(OUTPUT_FIELDS)
        assert row["text"] == (code_tree / row["source"]).read_text()
    negative = next(r for r in rows if r.get("quality_label") == "negative")
    assert negative["source"] == "python/legacy_report.py"
    assert negative["quality_score"] < 0.5
    assert negative["explanation"].startswith("This code has quality issues:\n- ")
    assert "Fix: " in negative["explanation"]
    negatives = [r for r in rows if r.get("quality_label") == "negative"]
    assert sorted(r["source"] for r in negatives) == ["python/legacy_report.py", "scripts/tool"]
    assert all(r["quality_score"] < 0.5 and r["explanation"].startswith("This code has quality issues:\n- ")
               for r in negatives)
    assert not any("quality_label" in r or "explanation" in r for r in rows if r not in negatives)


def test_shard_size_rolls_over(code_tree, tmp_path):
    out = tmp_path / "out"
    prepare("--input-dir", str(code_tree), "--output-dir", str(out), "--shard-size", "4")
    shards = sorted(out.glob("shard_*.jsonl"))
    assert [p.name for p in shards] == [f"shard_0000{i}.jsonl" for i in range(5)]
    assert [len(p.read_bytes().splitlines()) for p in shards] == [4, 4, 4, 4, 3]


def test_positive_only_and_min_quality(code_tree, tmp_path):
    out = tmp_path / "pos"
    prepare("--input-dir", str(code_tree), "--output-dir", str(out), "--positive-only")
    assert manifest(out)["rejected"]["negative_excluded"] == 2
    assert all("quality_label" not in r for r in records(out))
    default = tmp_path / "default"
    prepare("--input-dir", str(code_tree), "--output-dir", str(default))
    assert (manifest(default)["positive"], manifest(default)["negative"]) == (17, 2)
    scores = sorted(r["quality_score"] for r in records(default))
    threshold = scores[len(scores) // 2]  # the median kept file's score: below it is negative
    strict = tmp_path / "strict"
    prepare("--input-dir", str(code_tree), "--output-dir", str(strict), "--min-quality", str(threshold))
    m = manifest(strict)
    assert m["negative"] == sum(score < threshold for score in scores) > 1
    assert m["positive"] + m["negative"] == 19
    lenient = tmp_path / "lenient"
    prepare("--input-dir", str(code_tree), "--output-dir", str(lenient), "--min-quality", "0")
    assert manifest(lenient)["negative"] == 0


def test_languages_filter_takes_several_values_and_aliases(code_tree, tmp_path):
    out = tmp_path / "out"
    prepare("--input-dir", str(code_tree), "--output-dir", str(out), "--languages", "python", "rust", "c#")
    m = manifest(out)
    assert {r["language"] for r in records(out)} == {"python", "rust", "csharp"}
    assert m["rejected"]["language_excluded"] == 13
    assert m["options"]["languages"] == ["csharp", "python", "rust"]


def test_workers_give_byte_identical_shards(messy_tree, tmp_path):
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}"
        prepare("--input-dir", str(messy_tree), "--output-dir", str(out), "--workers", workers,
                "--batch-size", "3", "--shard-size", "5")
        outputs.append({p.name: p.read_bytes() for p in out.glob("shard_*")})
        counts = manifest(out)
        del counts["elapsed_seconds"], counts["mb_per_second"], counts["options"]
        outputs.append(counts)
    assert outputs[0] == outputs[2]
    assert outputs[1] == outputs[3]


def test_dry_run_counts_by_language_and_writes_nothing(code_tree, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["prepare", "--input-dir", str(code_tree), "--output-dir", str(out), "--dry-run"]) == 0
    assert not out.exists()
    printed = capsys.readouterr().out
    assert printed.splitlines()[0] == "dry run: 22 files, nothing processed or written"
    assert "  python                           7" in printed  # scripts/tool, by its shebang
    assert "  shell                            1" in printed  # scripts/backup, by its shebang


def test_zstd_compression_round_trips(code_tree, tmp_path):
    import zstandard

    plain, packed = tmp_path / "plain", tmp_path / "packed"
    prepare("--input-dir", str(code_tree), "--output-dir", str(plain))
    prepare("--input-dir", str(code_tree), "--output-dir", str(packed), "--compress", "zstd")
    (shard,) = packed.glob("shard_*")
    assert shard.name == "shard_00000.jsonl.zst"
    with open(shard, "rb") as handle:
        data = zstandard.ZstdDecompressor().stream_reader(handle).read()
    assert data == (plain / "shard_00000.jsonl").read_bytes()


def test_every_per_file_failure_is_a_counted_reject(messy_tree, tmp_path):
    out = tmp_path / "out"
    assert prepare("--input-dir", str(messy_tree), "--output-dir", str(out)) == 0
    m = manifest(out)
    assert m["input_files"] == 30
    assert m["rejected"] == {
        "auto_generated": 1, "binary_file": 1, "broken_symlink": 1, "decode_error": 1,
        "empty_file": 1, "exact_duplicate": 1, "symlink_loop": 2, "too_few_lines": 1,
        "too_large": 1, "unknown_language": 1,
    }
    examples = {e["source"]: e["detail"] for v in m["reject_examples"].values() for e in v}
    assert examples["bad/huge.py"] == "52428800 bytes, over 512000"
    assert examples["bad/latin1.py"] == "invalid UTF-8 at byte 5"
    assert examples["bad/loop"] == "directory link points to one of its ancestors"
    assert m["kept"] + m["rejected_total"] == m["input_files"]


def test_unreadable_and_vanished_files(code_tree, monkeypatch):
    from tritter_data.executors.local import LocalExecutor
    from tritter_data.io import decode
    from tritter_data.sources.local import walk_directory
    from tritter_data.stages.pipeline import PipelineConfig, build_stages

    items = list(walk_directory(code_tree))
    (code_tree / "go" / "stack.go").unlink()  # deleted after the walk, before the read
    secret = str(code_tree / "rust" / "lru.rs")
    real_open = open

    def guarded_open(path, *args, **kwargs):
        if str(path) == secret:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(decode, "open", guarded_open, raising=False)
    results = {r.source: r for r in LocalExecutor(1).map(build_stages(PipelineConfig()), items)}
    assert (results["go/stack.go"].reason, results["go/stack.go"].detail) == (
        "file_not_found", "file disappeared before it could be read")
    assert (results["rust/lru.rs"].reason, results["rust/lru.rs"].detail) == ("unreadable", "Permission denied")


def test_an_exception_in_a_stage_is_a_reject_not_a_crash(code_tree):
    from tritter_data.executors.local import LocalExecutor
    from tritter_data.sources.local import walk_directory
    from tritter_data.stages.pipeline import PipelineConfig, build_stages

    class Broken:
        name = "broken"

        def analyse(self, text, language):
            if "LruCache" in text:
                raise RecursionError("too deep")
            return []

    stages = build_stages(PipelineConfig(), analysers=[Broken()])
    results = {r.source: r for r in LocalExecutor(1).map(stages, walk_directory(code_tree))}
    assert results["rust/lru.rs"].reason == "internal_error"
    assert results["rust/lru.rs"].detail == "analyse: RecursionError: too deep"
    assert results["go/stack.go"].quality_label == "positive"


@pytest.mark.parametrize(("args", "message"), [
    (["--input-dir", "{missing}"], "--input-dir {missing}: no such directory"),
    (["--input-dir", "{empty}"], "--input-dir {empty}: directory is empty"),
    (["--languages", "python", "cobol"], "--languages: unknown language 'cobol'; choose from python, rust,"),
    (["--shard-size", "0"], "--shard-size must be a positive integer, got 0"),
    (["--min-quality", "1.5"], "--min-quality must be between 0 and 1, got 1.5"),
    (["--workers", "0"], "--workers must be at least 1, got 0"),
])
def test_bad_options_are_one_line_and_exit_2(code_tree, tmp_path, capsys, args, message):
    (tmp_path / "empty").mkdir()
    fill = {"missing": str(tmp_path / "missing"), "empty": str(tmp_path / "empty")}
    args = [a.format(**fill) for a in args]
    base = ["--input-dir", str(code_tree), "--output-dir", str(tmp_path / "out")]
    if args[0] == "--input-dir":
        base = base[2:]
    assert main(["prepare", *base, *args]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert message.format(**fill) in err
    assert "Traceback" not in err


def test_existing_shards_need_overwrite(code_tree, tmp_path, capsys):
    out = tmp_path / "out"
    assert prepare("--input-dir", str(code_tree), "--output-dir", str(out), "--shard-size", "2") == 0
    assert prepare("--input-dir", str(code_tree), "--output-dir", str(out)) == 2
    assert "holds shards of another run; pass --overwrite to replace them" in capsys.readouterr().err
    assert prepare("--input-dir", str(code_tree), "--output-dir", str(out), "--overwrite") == 0
    assert [p.name for p in out.glob("shard_*")] == ["shard_00000.jsonl"]  # stale shards removed


def test_argparse_errors_are_one_line(code_tree, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["prepare", "--input-dir", str(code_tree), "--output-dir", "x", "--shard-size", "many"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["tritter_data prepare: error: argument --shard-size: invalid int value: 'many'"]


def test_shards_load_with_datasets(code_tree, tmp_path):
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "out"
    prepare("--input-dir", str(code_tree), "--output-dir", str(out), "--shard-size", "5")
    files = str(out / "shard_*.jsonl")
    table = datasets.load_dataset("json", data_files=files, split="train", cache_dir=str(tmp_path / "cache"))
    assert table.num_rows == 19
    assert sum(1 for label in table["quality_label"] if label == "negative") == 2
    streamed = datasets.load_dataset("json", data_files=files, split="train", streaming=True)
    rows = list(streamed)
    assert len(rows) == 19
    assert sum(1 for row in rows if row.get("quality_label") == "negative") == 2


def test_script_and_module_are_the_same_command(code_tree, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    outputs = []
    for command in (["scripts/prepare_pretrain_data.py"], ["-m", "tritter_data", "prepare"]):
        out = tmp_path / command[-1].replace("/", "_")
        done = subprocess.run([sys.executable, *command, "--input-dir", str(code_tree), "--output-dir", str(out)],
                              cwd=REPO, env=env, capture_output=True, text=True, check=True)
        assert "files in:  22" in done.stdout
        assert "kept:      19  (positive 17, negative 2)" in done.stdout
        outputs.append((out / "shard_00000.jsonl").read_bytes())
    assert outputs[0] == outputs[1]


def test_line_histogram_counts_the_kept_files_lines(code_tree, tmp_path):
    from tritter_data.runs.stats import LINE_BINS, log2_bin
    from tritter_data.stages.thresholds import line_count

    out = tmp_path / "out"
    for workers in ("1", "2"):
        prepare("--input-dir", str(code_tree), "--output-dir", str(out), "--workers", workers, "--overwrite")
        expected = [0] * LINE_BINS
        for row in records(out):
            expected[log2_bin(line_count(row["text"]), LINE_BINS)] += 1
        assert manifest(out)["line_histogram"]["kept"] == expected
        assert expected[0] == 0  # every kept file has at least 5 lines
