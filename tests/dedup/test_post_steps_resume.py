"""Ctrl-C in ``prepare``'s post steps: the output is refused as incomplete by the next step, and
the same command (no ``--overwrite``) goes on with the steps and ends with the bytes and the
manifest of an uninterrupted run. The signal is a real SIGINT the command sends itself at one
point: inside near-dedup, after near-dedup's shards are set to move in (none moved yet or
one moved), or inside decontamination."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_post_steps import source_tree

from tritter_data.cli import main
from tritter_data.io.shard_set import check_complete
from tritter_data.io.shards import ShardError, existing_shards

ROOT = Path(__file__).resolve().parents[2]
INTERRUPTER = """
import os, signal, sys
from pathlib import Path
point = sys.argv[1]
from tritter_data.dedup.near_resume import NearCheckpoint
from tritter_data.steps import corpus, post_steps
def interrupt():
    os.kill(os.getpid(), signal.SIGINT)
commit, write_manifest, replace = NearCheckpoint._commit, post_steps.write_manifest, Path.replace
decontaminate = corpus.DecontaminateStep.run
def commit_then(self, phase):
    commit(self, phase)
    if point == "near" and phase == "candidates":
        interrupt()
def write_then(path, manifest):
    write_manifest(path, manifest)
    if point == "swap" and post_steps.SWAPPING in manifest:
        interrupt()
def replace_then(self, target):
    moved = replace(self, target)
    if point == "moved" and self.parent.name == ".post_step" and self.name.startswith("shard_"):
        interrupt()
    return moved
def decontaminate_then(self, *args):
    if point == "decontaminate":
        interrupt()
    return decontaminate(self, *args)
NearCheckpoint._commit, post_steps.write_manifest, Path.replace = commit_then, write_then, replace_then
corpus.DecontaminateStep.run = decontaminate_then
from tritter_data.cli import main
raise SystemExit(main(sys.argv[2:]))
"""
MOVING = {"elapsed_seconds", "mb_per_second", "stage_seconds", "cpu_seconds", "resumed_after"}


def command(src: Path, out: Path) -> list[str]:
    return ["prepare", "--input-dir", str(src), "--output-dir", str(out), "--shard-size", "3", "--quiet",
            "--near-dedup", "--threshold", "0.85", "--decontaminate", "--benchmarks", "mbpp"]


def steady(manifest: dict[str, Any]) -> dict[str, Any]:
    """The manifest without what differs from run to run (timings, a resumed step's note)."""
    out = {k: v for k, v in manifest.items() if k not in MOVING}
    out["options"] = {k: v for k, v in out["options"].items() if k != "output_dir"}
    for step in ("near_dedup", "decontaminate"):
        out[step] = {k: v for k, v in out[step].items() if k not in MOVING}
        out[step]["parameters"] = {k: v for k, v in out[step]["parameters"].items() if k != "workers"}
    return out


@pytest.fixture(scope="module")
def src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = source_tree(tmp_path_factory.mktemp("src") / "src")
    for i in range(5):  # more records: several shards, so a swap has more than one to move
        (root / f"more_{i}.py").write_text((root / "textwrap.py").read_text().replace("textwrap", f"wrap{i}x" * (i + 1)))
    return root


@pytest.fixture(scope="module")
def whole(src: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("whole") / "out"
    assert main(command(src, out)) == 0
    return out


@pytest.mark.parametrize("point", ["near", "swap", "moved", "decontaminate"])
def test_ctrl_c_in_the_post_steps_then_the_same_command_finishes(src: Path, whole: Path, tmp_path: Path,
                                                                 point: str) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.run([sys.executable, "-c", INTERRUPTER, point, *command(src, out)], env=env,
                             capture_output=True, text=True, timeout=300)
    assert process.returncode == 130, process.stderr[-2000:]
    assert process.stderr == "tritter_data prepare: interrupted; rerun the same command to resume\n"
    with pytest.raises(ShardError, match="incomplete output"):
        check_complete(out, existing_shards(out))  # the next step still refuses it
    assert main(command(src, out)) == 0  # the same command: no --overwrite needed
    assert [p.name for p in existing_shards(out)] == [p.name for p in existing_shards(whole)]
    for path in existing_shards(whole):
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name
    got, want = (json.loads((d / "manifest.json").read_text()) for d in (out, whole))
    assert steady(got) == steady(want)
    assert want["near_dedup"]["removed"] >= 2 and len(want["shards"]) >= 3
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in whole.iterdir())  # no leftovers


def test_other_options_still_need_overwrite(src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-c", INTERRUPTER, "near", *command(src, out)], env=env, capture_output=True,
                   timeout=300)
    other = [arg if arg != "3" else "4" for arg in command(src, out)]  # another --shard-size: other shards
    assert main(other) == 2
    assert "pass --overwrite" in capsys.readouterr().err
