"""``train --dry-run`` on a data/sample-like directory and on prepare's shards; bad data dirs."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from tritter_data.cli import main

pytest.importorskip("torch")
pytest.importorskip("datasets")


def expected_counts(directory: Path, files: list[str], tokenizer, seq_len: int) -> dict:
    """Counts computed here from the raw files and the raw tokenizer, not by the code under test."""
    records = [json.loads(line) for name in files for line in (directory / name).read_text().splitlines()]
    negatives = [r for r in records if r.get("quality_label") == "negative"]
    tokens = sum(len(tokenizer.encode(r["text"]).ids) + 1 for r in records)
    tokens += sum(len(tokenizer.encode(r["explanation"]).ids) + 2 for r in negatives if r.get("explanation"))
    return {"samples": len(records), "negative": len(negatives), "tokens": tokens, "sequences": tokens // seq_len}


REPO_SAMPLE = Path(__file__).parents[2] / "data" / "sample"


@pytest.mark.skipif(not (REPO_SAMPLE / "python_positive.jsonl").is_file(), reason="data/sample not in this checkout")
def test_dry_run_on_the_repositorys_data_sample(tokenizer, capsys) -> None:
    """The card's quick start: ``train_pretrain.py --model 1B --data-dir data/sample --dry-run``."""
    names = sorted(p.name for p in REPO_SAMPLE.glob("*.jsonl"))
    want = expected_counts(REPO_SAMPLE, names, tokenizer, 2048)
    assert main(["train", "--model", "1B", "--data-dir", str(REPO_SAMPLE), "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    n, neg = want["samples"], want["negative"]
    assert out[1].startswith(f"samples:          {n:,} (positive {n - neg:,}, negative {neg:,}; ")
    assert out[2] == f"tokens:           {want['tokens']:,} (with end-of-text and review markers)"
    assert out[5].startswith("parameters:       993,081,344 ")


def test_dry_run_on_the_sample_directory(sample_dir: Path, tokenizer, capsys) -> None:
    names = ["python_mixed.jsonl", "python_negative.jsonl", "python_positive.jsonl"]
    want = expected_counts(sample_dir, names, tokenizer, 2048)
    assert main(["train", "--model", "1B", "--data-dir", str(sample_dir), "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    n, neg, tokens, seqs = want["samples"], want["negative"], want["tokens"], want["sequences"]
    assert out[0] == f"dry run: model 1B, data {sample_dir} (3 files), nothing trained or written"
    assert out[1] == (f"samples:          {n:,} (positive {n - neg:,}, negative {neg:,}; "
                      f"--negatives review: {neg:,} with review block, 0 excluded)")
    assert out[2] == f"tokens:           {tokens:,} (with end-of-text and review markers)"
    assert out[3] == f"sequences:        {seqs:,} of 2,048 tokens ({tokens - seqs * 2048:,} tokens left over)"
    assert out[4] == f"steps per epoch:  {math.ceil(seqs / 8):,} (batch 8 x grad-accum 1 = 8 sequences per step)"
    assert out[5] == ("parameters:       993,081,344 (d_model 2048, 19 layers, 16 heads, ffn 5632, vocab 8,192; "
                      "counted on the meta device)")
    assert out[6:12] == [
        "memory (fp32 weights, AdamW, bf16 autocast activations):",
        "  weights              3.70 GiB",
        "  gradients            3.70 GiB",
        "  AdamW states         7.40 GiB",
        "  activations         25.81 GiB (batch 8 x 2048 tokens)",
        "  total               40.61 GiB",
    ]
    batches = [8] * (seqs // 8) + ([seqs % 8] if seqs % 8 else [])
    shapes = ", ".join(f"{b}x2048" for b in batches[:3])
    assert out[12] == f"loader:           {len(batches[:3])} batches pushed through: input_ids {shapes}"
    assert seqs >= 2


def test_dry_run_on_shards_with_exclude_and_accumulation(shards_dir: Path, tokenizer, capsys) -> None:
    records = [json.loads(x) for p in sorted(shards_dir.glob("shard_*.jsonl")) for x in p.read_text().splitlines()]
    kept = [r for r in records if r.get("quality_label") != "negative"]
    tokens = sum(len(tokenizer.encode(r["text"]).ids) + 1 for r in kept)
    assert main(["train", "--model", "3B", "--data-dir", str(shards_dir), "--dry-run", "--negatives", "exclude",
                 "--seq-len", "512", "--batch-size", "2", "--grad-accum", "4"]) == 0
    out = capsys.readouterr().out.splitlines()
    excluded = len(records) - len(kept)
    assert out[1].endswith(f"--negatives exclude: 0 with review block, {excluded:,} excluded)")
    assert out[2] == f"tokens:           {tokens:,} (with end-of-text and review markers)"
    assert out[4] == f"steps per epoch:  {math.ceil(tokens // 512 / 8):,} (batch 2 x grad-accum 4 = 8 sequences per step)"
    assert out[5].startswith("parameters:       3,034,513,920 (d_model 2560, 38 layers")
    assert out[12] == "loader:           3 batches pushed through: input_ids 2x512, 2x512, 2x512"


def test_bad_data_dirs_are_one_line_exit_2(tmp_path: Path, sample_dir: Path, capsys) -> None:
    def err(*argv: str) -> str:
        assert main(["train", "--model", "tiny", "--dry-run", *argv]) == 2
        return capsys.readouterr().err

    assert err("--data-dir", str(tmp_path)) == (
        f"tritter_data train: error: --data-dir {tmp_path}: no shard_*.jsonl or *.jsonl files\n")
    assert err("--data-dir", str(tmp_path / "nope")) == f"tritter_data train: error: --data-dir {tmp_path / 'nope'}: no such directory\n"
    bad = tmp_path / "bad"
    bad.mkdir()
    lines = (sample_dir / "python_positive.jsonl").read_text().splitlines()
    broken = json.loads(lines[1])
    del broken["text"]
    (bad / "shard_00000.jsonl").write_text("\n".join([lines[0], json.dumps(broken), lines[2]]) + "\n")
    assert err("--data-dir", str(bad)) == (
        f"tritter_data train: error: {bad / 'shard_00000.jsonl'}: record 2 has no 'text' string\n")
    (bad / "shard_00000.jsonl").write_text(lines[0] + "\n{not json\n")
    message = err("--data-dir", str(bad))
    assert message.startswith(f"tritter_data train: error: {bad / 'shard_00000.jsonl'}: cannot read JSONL")
    assert message.count("\n") == 1
    assert err("--data-dir", str(sample_dir), "--tokenizer", str(tmp_path / "t.json")) == (
        f"tritter_data train: error: --tokenizer {tmp_path / 't.json'}: no such file\n")
    assert err("--data-dir", str(sample_dir), "--seq-len", "4096") == (
        "tritter_data train: error: --seq-len 4096: model tiny takes at most 2048 tokens\n")
    assert err("--data-dir", str(sample_dir), "--batch-size", "0") == (
        "tritter_data train: error: --batch-size must be a positive integer, got 0\n")


def test_zstd_shards_stream_the_same(shards_dir: Path, tmp_path: Path, capsys) -> None:
    zstandard = pytest.importorskip("zstandard")
    packed = tmp_path / "zst"
    packed.mkdir()
    for shard in sorted(shards_dir.glob("shard_*.jsonl")):
        (packed / (shard.name + ".zst")).write_bytes(zstandard.ZstdCompressor().compress(shard.read_bytes()))
    argv = ["train", "--model", "tiny", "--dry-run", "--seq-len", "256"]
    assert main([*argv, "--data-dir", str(shards_dir)]) == 0
    plain = capsys.readouterr().out.splitlines()
    assert main([*argv, "--data-dir", str(packed)]) == 0
    compressed = capsys.readouterr().out.splitlines()
    shards = len(list(shards_dir.glob("shard_*.jsonl")))
    assert shards >= 2 and compressed[1:] == plain[1:] and f"({shards} files)" in compressed[0]


def test_a_mix_output_feeds_training(shards_dir: Path, tmp_path: Path, tokenizer, capsys) -> None:
    pytest.importorskip("yaml")
    config = tmp_path / "mix.yaml"
    config.write_text(f"components:\n  - {{name: python, share: 100, inputs: [\"{shards_dir}\"]}}\n")
    assert main(["mix", "--config", str(config), "--output-dir", str(tmp_path / "mix"), "--total-tokens", "20K",
                 "--quiet"]) == 0
    manifest = json.loads((tmp_path / "mix" / "mix_manifest.json").read_text())
    assert main(["train", "--model", "tiny", "--dry-run", "--data-dir", str(tmp_path / "mix"), "--seq-len", "128",
                 "--negatives", "include"]) == 0
    out = capsys.readouterr().out.splitlines()
    records = manifest["records_written"]
    assert out[1].startswith(f"samples:          {records:,} (")
    assert out[2] == f"tokens:           {manifest['tokens_taken'] + records:,} (with end-of-text and review markers)"
