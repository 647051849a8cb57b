"""data/sample/*.jsonl are what the pipeline makes of their text, exactly as the card lists them."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tritter_data.core.sample import Reject, Sample, validate_record
from tritter_data.core.stage import run_stages
from tritter_data.security.secrets import scan_secrets, secret_explanation
from tritter_data.stages.pipeline import PipelineConfig, build_stages

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DIR = ROOT / "data" / "sample"
LABELS = {
    "python_positive.jsonl": ["positive"] * 5,
    "python_negative.jsonl": ["negative"] * 6,
    "python_mixed.jsonl": ["positive", "negative", "positive", "negative", "positive"],
}
#: What each negative explanation must talk about (the card's list, in order).
NEGATIVE_TOPICS = [
    ["Code injection: `input(\"expression: \")` (line 8) reaches eval() (line 3)"],
    ["Unsafe deserialization: `path` (line 5) reaches pickle.load()", "subprocess.call() with shell=True passes"],
    ["have no documentation", "No module or type documentation"],  # the calibrated model's reasons
    ["Control flow nests 7 levels deep"],
    ["Hard-coded secret: AWS access key ID", "Hard-coded secret: AWS secret access key"],
    ["SQL injection"],
]


def records(name: str) -> list[dict]:
    return [json.loads(line) for line in (SAMPLE_DIR / name).read_text().splitlines()]


@pytest.mark.parametrize("name", sorted(LABELS))
def test_counts_labels_and_schema(name):
    rows = records(name)
    assert [row.get("quality_label", "positive") for row in rows] == LABELS[name]
    for row in rows:
        validate_record(row, name)
        assert row["language"] == "python" and row["text"].count("\n") >= 5


@pytest.mark.parametrize("name", sorted(LABELS))
def test_pipeline_reproduces_every_record(name):
    stages = build_stages(PipelineConfig())
    for row in records(name):
        result = run_stages(stages, Sample(source=row["source"], text=row["text"], language="python"))
        if row["source"].endswith("hardcoded_credentials.py"):
            assert isinstance(result, Reject) and result.reason == "secret_detected"
            assert (row["quality_score"], row["explanation"]) == secret_explanation(scan_secrets(row["text"]))
            continue
        assert isinstance(result, Sample), result
        assert result.quality_label == row.get("quality_label", "positive")
        assert result.explanation == row.get("explanation")
        assert result.quality_score == row["quality_score"]


def test_negative_explanations_say_what_the_card_lists():
    rows = records("python_negative.jsonl")
    for row, topics in zip(rows, NEGATIVE_TOPICS, strict=True):
        for topic in topics:
            assert topic in row["explanation"], (row["source"], topic)
        assert row["explanation"].count("\nFix: ") == row["explanation"].count("\n- ")
    assert rows[0]["quality_score"] == 0.15  # the card's eval example


def test_generator_script_is_in_sync(tmp_path):
    spec = importlib.util.spec_from_file_location("make_sample_data", ROOT / "scripts" / "make_sample_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(tmp_path) == 0
    for name in LABELS:
        assert (tmp_path / name).read_text() == (SAMPLE_DIR / name).read_text()
