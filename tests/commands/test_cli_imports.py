"""The command line starts fast: importing ``tritter_data.cli`` and parsing any command loads
argparse only, not numpy, the stages, the scanners or the corpus steps (each ``run`` imports
what it needs). Checked in a fresh interpreter, through ``sys.modules``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"

#: Modules a parse must not load: each costs tenths of a second (numpy, the scanners) or more.
HEAVY = (
    "numpy", "ray", "torch", "re2", "tree_sitter", "zstandard", "datasets", "pyarrow",
    "tritter_data.dedup.near", "tritter_data.dedup.minhash", "tritter_data.steps.corpus",
    "tritter_data.decontam.decontaminate", "tritter_data.runs.prepare", "tritter_data.runs.curate",
    "tritter_data.runs.conversations", "tritter_data.stages.pipeline", "tritter_data.security",
    "tritter_data.quality", "tritter_data.mix.run", "tritter_data.report",
)

COMMAND_LINES = {
    "prepare": ["prepare", "--input-dir", "in", "--output-dir", "out", "--near-dedup", "--decontaminate"],
    "dedup": ["dedup", "--input-dir", "in", "--output-dir", "out", "--workers", "2"],
    "decontaminate": ["decontaminate", "--input-dir", "in", "--output-dir", "out"],
    "conversations": ["conversations", "--input", "chat.jsonl", "--output-dir", "out"],
    "curate": ["curate", "--language", "python", "--near-dedup"],
    "mix": ["mix", "--output-dir", "out"],
    "train": ["train", "--model", "tiny", "--data-dir", "d", "--dry-run"],
    "report": ["report", "out"],
}

PROBE = """
import json, sys
import tritter_data.cli as cli
args = cli.build_parser().parse_args(sys.argv[1:])
print(json.dumps({"command": args.command, "modules": sorted(sys.modules)}))
"""


def _loaded(argv: list[str]) -> tuple[str, set[str]]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], env=env, capture_output=True, text=True,
                          timeout=60, check=True)
    answer = json.loads(done.stdout)
    return answer["command"], set(answer["modules"])


@pytest.mark.parametrize("command", sorted(COMMAND_LINES))
def test_parsing_a_command_imports_no_heavy_module(command: str) -> None:
    parsed, modules = _loaded(COMMAND_LINES[command])
    assert parsed == command
    heavy = sorted(name for name in modules if any(name == h or name.startswith(h + ".") for h in HEAVY))
    assert heavy == []


def test_the_probe_sees_a_heavy_import() -> None:
    """The check can fail: a run's own module shows up in ``sys.modules`` once imported."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    code = PROBE.replace("import tritter_data.cli as cli", "import tritter_data.cli as cli, tritter_data.dedup.near")
    done = subprocess.run([sys.executable, "-c", code, *COMMAND_LINES["dedup"]], env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    assert "numpy" in json.loads(done.stdout)["modules"]


def test_help_lists_every_command() -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-m", "tritter_data", "--help"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0
    for command in COMMAND_LINES:
        assert command in done.stdout
