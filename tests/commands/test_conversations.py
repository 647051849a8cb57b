"""``conversations``: real chat records (data/sample) through validation, secrets, dedup, decontamination."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from tritter_data.cli import main
from tritter_data.decontam.benchmarks import PACKAGED
from tritter_data.mix.inputs import chat_record

SAMPLE = Path(__file__).parents[2] / "data" / "sample" / "chat" / "conversations.jsonl"


def sample_rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def run(tmp_path: Path, *inputs: Path, extra: tuple[str, ...] = ()) -> dict[str, Any]:
    out = tmp_path / "persona"
    assert main(["conversations", "--input", *map(str, inputs), "--output-dir", str(out), "--quiet", *extra]) == 0
    return json.loads((out / "manifest.json").read_text())


def records(tmp_path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for path in sorted((tmp_path / "persona").glob("shard_*.jsonl")) for line in path.open()]


def test_sample_file_kept_whole_with_personas(tmp_path: Path) -> None:
    manifest = run(tmp_path, SAMPLE)
    assert (manifest["input_records"], manifest["kept"], manifest["rejected_total"]) == (16, 16, 0)
    assert manifest["shapes"] == {"openai": 11, "sharegpt": 5}
    assert manifest["decontaminate"]["benchmarks"]["mbpp"]["items"] == 974
    out = records(tmp_path)
    assert [r["source"] for r in out] == [f"{SAMPLE}:{n}" for n in range(1, 17)]
    assert sum("persona" in r for r in out) == 13
    first = sample_rows()[0]
    assert out[0]["persona"] == first["persona"]
    assert out[0]["text"].startswith("### User:\n" + first["messages"][0]["content"] + "\n\n### Assistant:\n")
    # ShareGPT's top-level system prompt is the persona and the first turn
    assert out[2]["persona"].startswith("You are a patient mentor") and out[2]["text"].startswith("### System:")
    assert {r["language"] for r in out} == {"conversation"}


def test_every_bad_input_is_counted_never_fatal(tmp_path: Path, capsys) -> None:
    rows = sample_rows()
    with gzip.open(PACKAGED / "mbpp.jsonl.gz", "rt", encoding="utf-8") as handle:
        mbpp = next(json.loads(line) for line in handle if json.loads(line)["task_id"] == 12)
    leaked = {"messages": [{"role": "user", "content": mbpp["text"]},
                           {"role": "assistant", "content": "```python\n" + mbpp["code"].replace("\r\n", "\n")
                                                             + "\n```\nThis sorts the rows by their sums."}]}
    secret = json.loads(json.dumps(rows[7]))
    secret["messages"][0]["content"] += "\nMy .env has PAYMENTS_API_KEY=sk_live_51HxQ2fK8vW3nT7yR9pL4mZ6cB0aD now."
    near = json.loads(json.dumps(rows[0]))
    near["messages"][1]["content"] = near["messages"][1]["content"].replace("Memory stays flat", "Memory stays low")
    lines = [json.dumps(rows[0]), "{not json", "[1, 2]", json.dumps({"text": "no turns here"}),
             json.dumps({"messages": [{"role": "wizard", "content": "hi"}, {"role": "assistant", "content": "x"}]}),
             json.dumps({"messages": [{"role": "user", "content": "  "}, {"role": "assistant", "content": "x"}]}),
             json.dumps({"messages": [{"role": "user", "content": {"a": 1}}, {"role": "assistant", "content": "x"}]}),
             json.dumps({"messages": [{"role": "user", "content": "only a question?"}]}),
             json.dumps({**rows[1], "persona": ["not", "a", "string"]}),
             json.dumps(secret), json.dumps(rows[0]), json.dumps(near), json.dumps(leaked), "", json.dumps(rows[3])]
    bad = tmp_path / "mixed.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    manifest = run(tmp_path, bad)
    assert manifest["rejected"] == {
        "bad_record_bad_json": 1, "bad_record_not_an_object": 1, "bad_record_no_messages": 1,
        "bad_record_bad_role": 1, "bad_record_empty_turn": 1, "bad_record_bad_turn": 1,
        "bad_record_missing_user_or_assistant": 1, "bad_record_bad_persona": 1, "secret_detected": 1,
        "exact_duplicate": 1, "near_duplicate": 1, "benchmark_contamination": 1}
    assert manifest["input_records"] == 14 and manifest["kept"] == 2
    assert manifest["kept"] + manifest["rejected_total"] == manifest["input_records"]
    assert [r["source"] for r in records(tmp_path)] == [f"{bad}:1", f"{bad}:15"]
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 8 and all(line.startswith(f"{bad}:") for line in err)
    assert err[0].startswith(f"{bad}:2: bad_json: invalid JSON")
    assert err[3] == (f"{bad}:5: bad_role: messages[0].role: unknown role 'wizard'; expected one of assistant, bot, "
                      "gpt, human, model, system, user")
    assert "sk_live" not in json.dumps(manifest)


def test_shards_feed_the_mix_with_the_persona(tmp_path: Path) -> None:
    run(tmp_path, SAMPLE, extra=("--no-near-dedup", "--no-decontaminate"))
    line = (tmp_path / "persona" / "shard_00000.jsonl").read_bytes().splitlines()[0]
    record = chat_record(line, "x:1", {"min_turns": 2, "min_chars": 20})
    assert record == json.loads(line) and record["persona"].startswith("You are Tritter")


def test_usage_errors_are_one_line(tmp_path: Path, capsys) -> None:
    for args, message in [
        (["--input", str(tmp_path / "missing.jsonl")], "--input"),
        (["--input", str(SAMPLE), "--threshold", "2"], "threshold"),
        (["--input", str(SAMPLE), "--no-decontaminate", "--benchmarks", "mbpp"], "contradict --no-decontaminate"),
    ]:
        code = main(["conversations", *args, "--output-dir", str(tmp_path / "out")])
        err = capsys.readouterr().err
        assert code == 2 and message in err and err.count("\n") == 1, err
        assert not (tmp_path / "out").exists()
