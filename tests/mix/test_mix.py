"""The mix end to end on real shards (``prepare`` on stdlib code), docs and conversations."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import orjson
import pytest

from tritter_data.cli import main
from tritter_data.commands.mix import default_config
from tritter_data.core.tokenizer import count_tokens
from tritter_data.io.shards import BadLine, iter_shard_records

pytest.importorskip("yaml")
pytest.importorskip("tokenizers")


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mix.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run_mix(config: Path, out: Path, *extra: str) -> dict:
    assert main(["mix", "--config", str(config), "--output-dir", str(out), "--quiet", *extra]) == 0
    return json.loads((out / "mix_manifest.json").read_text())


def output_records(out: Path) -> list[dict]:
    records = [r for shard in sorted(out.glob("shard_*.jsonl")) for r in iter_shard_records(shard)]
    assert not [r for r in records if isinstance(r, BadLine)]
    return records


def shard_records(shards: Path) -> list[dict]:
    return [orjson.loads(line) for p in sorted(shards.glob("shard_*.jsonl")) for line in p.read_bytes().splitlines()]


@pytest.fixture
def code_docs_config(tmp_path: Path, code_shards: Path, docs_dir: Path) -> Path:
    return write_config(tmp_path, f"""\
components:
  - {{name: python, share: 70, inputs: ["{code_shards}"], filters: {{language: python, labels: positive}}}}
  - {{name: docs, kind: docs, share: 30, inputs: ["{docs_dir}/*.md"]}}
""")


def test_token_counts_are_exact(tmp_path: Path, code_docs_config: Path, code_shards: Path, tokenizer) -> None:
    manifest = run_mix(code_docs_config, tmp_path / "out")
    python, docs = manifest["components"]
    positives = [r for r in shard_records(code_shards) if r.get("quality_label") != "negative"]
    assert python["records_available"] == len(positives)
    assert python["tokens_available"] == sum(count_tokens(tokenizer, [r["text"] for r in positives]))
    assert python["skipped"] == {"label_filtered": len(shard_records(code_shards)) - len(positives)}
    assert python["records_read"] == len(shard_records(code_shards))
    out = output_records(tmp_path / "out")
    counted = Counter()
    for record, n in zip(out, count_tokens(tokenizer, [r["text"] for r in out]), strict=True):
        counted[record["language"]] += n
    assert counted == {"python": python["tokens_taken"], "markdown": docs["tokens_taken"]}
    assert manifest["records_written"] == len(out) == python["records_taken"] + docs["records_taken"]
    assert manifest["tokenizer"]["name"] == "tritter-bpe-8k" and manifest["tokenizer"]["vocab_size"] == 8192


def test_proportions_within_one_percent_of_the_targets(tmp_path: Path, code_docs_config: Path, tokenizer) -> None:
    manifest = run_mix(code_docs_config, tmp_path / "out")
    python, docs = manifest["components"]
    assert python["epochs"] < 1 < docs["epochs"] < 4  # one sampled down, one upsampled
    out = output_records(tmp_path / "out")
    tokens = count_tokens(tokenizer, [r["text"] for r in out])
    total = sum(tokens)
    shares = {lang: 100 * sum(n for r, n in zip(out, tokens, strict=True) if r["language"] == lang) / total
              for lang in ("python", "markdown")}
    assert abs(shares["python"] - 70) / 70 < 0.01 and abs(shares["markdown"] - 30) / 30 < 0.01
    assert abs(total - manifest["target_tokens"]) / manifest["target_tokens"] < 0.01
    assert manifest["target_tokens"] == python["tokens_available"] + docs["tokens_available"]
    # Interleaved throughout: no prefix runs more than one record ahead of its share.
    largest, emitted, done = max(tokens), Counter(), 0
    for record, n in zip(out, tokens, strict=True):
        emitted[record["language"]] += n
        done += n
        assert emitted["python"] - 0.7 * done <= largest and emitted["markdown"] - 0.3 * done <= largest


def test_upsampling_is_capped_at_max_epochs_and_the_shortfall_reported(
        tmp_path: Path, code_shards: Path, chat_dir: Path, tokenizer) -> None:
    config = write_config(tmp_path, f"""\
total_tokens: 60K
components:
  - {{name: python, share: 95, inputs: ["{code_shards}"]}}
  - {{name: persona, kind: chat, share: 5, inputs: ["{chat_dir}"]}}
""")
    manifest = run_mix(config, tmp_path / "out")
    chat = manifest["components"][1]
    assert chat["skipped"] == {"bad_json": 1, "bad_role": 1, "missing_user_or_assistant": 1}
    assert chat["records_available"] == 3 and chat["target_tokens"] == 3_000 and chat["records_read"] == 6
    assert chat["tokens_taken"] == 4 * chat["tokens_available"] and chat["epochs"] == 4.0
    assert chat["shortfall_tokens"] == 3_000 - 4 * chat["tokens_available"] > 0 and chat["capped_at_max_epochs"]
    conversations = [r for r in output_records(tmp_path / "out") if r["language"] == "conversation"]
    assert len(conversations) == 12 and len({r["text"] for r in conversations}) == 3
    assert conversations[0]["text"].startswith("### System:\nYou are Tritter, a careful code reviewer.\n\n### User:\n")
    assert sum(count_tokens(tokenizer, [r["text"] for r in conversations])) == chat["tokens_taken"]
    again = run_mix(config, tmp_path / "out2", "--max-epochs", "2")
    assert again["components"][1]["tokens_taken"] == 2 * chat["tokens_available"]


def test_same_seed_same_bytes_other_seed_other_sample(tmp_path: Path, code_docs_config: Path) -> None:
    run_mix(code_docs_config, tmp_path / "a", "--seed", "11", "--shard-size", "50")
    run_mix(code_docs_config, tmp_path / "b", "--seed", "11", "--shard-size", "50")
    run_mix(code_docs_config, tmp_path / "c", "--seed", "12", "--shard-size", "50")
    a, b, c = (sorted((tmp_path / d).glob("shard_*.jsonl")) for d in "abc")
    assert len(a) > 1 and [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert [p.read_bytes() for p in a] != [p.read_bytes() for p in c]


def test_bad_records_are_counted_not_fatal(tmp_path: Path, code_shards: Path) -> None:
    shards = tmp_path / "shards"
    shards.mkdir()
    first = sorted(code_shards.glob("shard_*.jsonl"))[0]
    good = first.read_bytes()
    (shards / "shard_00000.jsonl").write_bytes(good + b'{"language": "python", "quality_score": 0.9, "source": "x.py"}\n')
    (shards / "manifest.json").write_text("{}")  # a finished run's shards
    config = write_config(tmp_path, f"components:\n  - {{name: python, share: 100, inputs: [\"{shards}\"]}}\n")
    manifest = run_mix(config, tmp_path / "out")
    row = manifest["components"][0]
    assert row["skipped"] == {"bad_record": 1}
    assert row["records_available"] == len(good.splitlines())
    line = len(good.splitlines()) + 1
    assert row["skip_examples"]["bad_record"] == [f"{shards / 'shard_00000.jsonl'}:{line}: "
                                                 f"{shards / 'shard_00000.jsonl'}:{line}: missing required field 'text'"]


def test_bad_inputs_are_one_line_exit_2(tmp_path: Path, code_shards: Path, capsys, monkeypatch) -> None:
    config = write_config(tmp_path, f"""\
components:
  - {{name: python, share: 60, inputs: ["{code_shards}"]}}
  - {{name: rust, share: 40, inputs: ["{tmp_path}/rust/*.jsonl"]}}
""")
    assert main(["mix", "--config", str(config), "--output-dir", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (f"tritter_data mix: error: {config}: component 'rust': input "
                                       f"'{tmp_path}/rust/*.jsonl' matches no files\n")
    monkeypatch.chdir(tmp_path)  # the shipped Phase 1 config, where no data exists
    assert main(["mix", "--output-dir", "out"]) == 2
    assert capsys.readouterr().err == (f"tritter_data mix: error: {default_config()}: component 'python': input "
                                       "'data/phase1/python' matches no files\n")
    assert main(["mix", "--output-dir", "out", "--tokenizer", "nope/none"]) == 2
    assert capsys.readouterr().err.startswith("tritter_data mix: error: --tokenizer nope/none: not a file and "
                                              "not an installed model in the HF cache")


def test_an_earlier_mix_needs_overwrite(tmp_path: Path, code_docs_config: Path, capsys) -> None:
    run_mix(code_docs_config, tmp_path / "out")
    assert main(["mix", "--config", str(code_docs_config), "--output-dir", str(tmp_path / "out")]) == 2
    assert "pass --overwrite" in capsys.readouterr().err
    run_mix(code_docs_config, tmp_path / "out", "--overwrite")


def test_total_tokens_option_sizes_the_mix(tmp_path: Path, code_docs_config: Path, capsys) -> None:
    manifest = run_mix(code_docs_config, tmp_path / "out", "--total-tokens", "40K")
    assert manifest["target_tokens"] == 40_000
    assert [row["target_tokens"] for row in manifest["components"]] == [28_000, 12_000]
    assert 39_000 < manifest["tokens_taken"] <= 40_000
    assert main(["mix", "--config", str(code_docs_config), "--output-dir", str(tmp_path / "x"),
                 "--max-epochs", "0.5"]) == 2
    assert capsys.readouterr().err == "tritter_data mix: error: --max-epochs must be at least 1, got 0.5\n"


def test_exact_tokens_for_the_cards_two_examples(tmp_path: Path) -> None:
    shards = tmp_path / "card"
    shards.mkdir()
    records = [
        {"text": "def hello():\n    \"\"\"Say hello.\"\"\"\n    print('world')", "language": "python",
         "quality_score": 0.95, "source": "examples/hello.py"},
        {"text": "def f(x):\n    return eval(x)", "language": "python", "quality_score": 0.15,
         "quality_label": "negative", "explanation": "eval() allows arbitrary code execution.", "source": "e.py"},
    ]
    (shards / "shard_00000.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    (shards / "manifest.json").write_text("{}")  # a finished run's shards
    config = write_config(tmp_path, f"components:\n  - {{name: card, tokens: 60, inputs: [\"{shards}\"]}}\n")
    manifest = run_mix(config, tmp_path / "out")
    row = manifest["components"][0]
    assert (row["tokens_available"], row["records_available"]) == (16 + 11, 2)
    # Two whole epochs (54) leave 6 tokens; e.py (11) overshoots by 5, closer than stopping at 54.
    assert (row["tokens_taken"], row["epochs"], row["shortfall_tokens"]) == (65, 2.4074, 0)
    sources = [r["source"] for r in output_records(tmp_path / "out")]
    # interleaved hello, e, hello, e, e; the writer then swaps the first negative to the head
    # of shard 0 so that `datasets` sees every field in the first block (schema_head.py)
    assert sources == ["e.py", "examples/hello.py", "examples/hello.py", "e.py", "e.py"]
