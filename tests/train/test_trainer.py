"""Real training of the tiny model on the CPU: the loss falls, checkpoints resume exactly."""

from __future__ import annotations

import json
import shutil
from itertools import pairwise
from pathlib import Path

import pytest

from tritter_data.cli import main
from tritter_data.train.trainer import lr_factor

torch = pytest.importorskip("torch")
pytest.importorskip("datasets")

COMMON = ["--model", "tiny", "--seq-len", "64", "--batch-size", "4", "--lr", "3e-3", "--warmup-steps", "3",
          "--log-every", "1"]


def log(output_dir: Path) -> list[dict]:
    return [json.loads(line) for line in (output_dir / "train_log.jsonl").read_text().splitlines()]


def test_tiny_model_loss_falls_and_resume_continues_exactly(shards_dir: Path, tmp_path: Path, capsys) -> None:
    full = tmp_path / "full"
    assert main(["train", *COMMON, "--data-dir", str(shards_dir), "--output-dir", str(full),
                 "--max-steps", "30", "--save-every", "15"]) == 0
    entries = log(full)
    losses = [e["loss"] for e in entries]
    assert [e["step"] for e in entries] == list(range(1, 31))
    assert losses[0] > 8.5  # ~ln(8192) = 9.01 at initialisation
    assert sum(losses[-5:]) / 5 < losses[0] - 1.5
    assert sorted(p.name for p in (full / "checkpoints").iterdir()) == ["step_0000015.pt", "step_0000030.pt"]
    assert entries[-1]["sequences_seen"] == 30 * 4
    assert capsys.readouterr().out.splitlines()[-1].startswith(
        "trained tiny (1,475,200 parameters) on cpu (fp32) to step 30")

    # Resume from the step-15 checkpoint in a fresh directory: same data position, optimizer and
    # schedule, so steps 16..30 repeat the uninterrupted run's losses.
    resumed = tmp_path / "resumed"
    (resumed / "checkpoints").mkdir(parents=True)
    shutil.copy(full / "checkpoints" / "step_0000015.pt", resumed / "checkpoints")
    assert main(["train", *COMMON, "--data-dir", str(shards_dir), "--output-dir", str(resumed),
                 "--max-steps", "30", "--save-every", "15", "--resume"]) == 0
    again = log(resumed)
    assert [e["step"] for e in again] == list(range(16, 31))
    assert [e["loss"] for e in again] == pytest.approx(losses[15:], abs=1e-4)
    assert again[-1]["sequences_seen"] == 120


def test_negatives_accumulation_and_bf16_autocast_train(sample_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "run"
    assert main(["train", *COMMON, "--data-dir", str(sample_dir), "--output-dir", str(out), "--max-steps", "3",
                 "--grad-accum", "2", "--negatives", "exclude", "--precision", "bf16"]) == 0
    assert "on cpu (bf16 autocast) to step 3: loss " in capsys.readouterr().out
    assert all(8.0 < e["loss"] < 9.5 for e in log(out))
    assert log(out)[-1]["sequences_seen"] == 3 * 2 * 4
    saved = torch.load(out / "checkpoints" / "step_0000003.pt", weights_only=True)
    assert saved["step"] == 3 and saved["options"]["negatives"] == "exclude"
    assert saved["model_config"]["name"] == "tiny"


def test_bad_resume_and_big_models_without_a_gpu(sample_dir: Path, tmp_path: Path, capsys) -> None:
    args = ["train", "--data-dir", str(sample_dir), "--output-dir", str(tmp_path / "o"), "--max-steps", "1"]
    assert main([*args, "--model", "tiny", "--resume"]) == 2
    assert capsys.readouterr().err == (
        f"tritter_data train: error: --resume: no checkpoint found at {tmp_path / 'o' / 'checkpoints'}\n")
    if torch.cuda.is_available():
        pytest.skip("a GPU is present")
    for model in ("1B", "3B"):
        assert main([*args, "--model", model]) == 2
        assert capsys.readouterr().err == (
            f"tritter_data train: error: --model {model} needs a CUDA GPU and none is available; "
            "use --dry-run to check it, or --model tiny to train on the CPU\n")


def test_lr_schedule_warms_up_then_decays_to_the_floor() -> None:
    values = [lr_factor(s, 10, 110, 0.1) for s in range(111)]
    assert values[0] == 0.1 and values[9] == 1.0 and values[10] == 1.0
    assert values[60] == pytest.approx(0.55) and values[110] == pytest.approx(0.1)
    assert all(a >= b for a, b in pairwise(values[10:]))


def test_an_output_dir_with_checkpoints_needs_resume(sample_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "run"
    argv = ["train", *COMMON, "--data-dir", str(sample_dir), "--output-dir", str(out), "--max-steps", "1"]
    assert main(argv) == 0
    assert main(argv) == 2
    assert capsys.readouterr().err.endswith(
        f"--output-dir {out}: holds checkpoints of another run; pass --resume to continue it, "
        "or choose another --output-dir\n")
    assert main([*argv, "--resume"]) == 0  # already at --max-steps: nothing to do
    assert capsys.readouterr().out == "nothing to do: the checkpoint is already at --max-steps 1\n"
