"""``dedup`` resumes: killed (SIGKILL) after a committed phase or mid-write, the same command
goes on and writes the bytes of an uninterrupted run, and no half-written output looks finished."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from dedup_helpers import fixture_text, record, reformat, write_shards

from tritter_data.cli import main
from tritter_data.io.shard_set import check_complete
from tritter_data.io.shards import ShardError, existing_shards

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["json/decoder.py", "json/encoder.py", "json/scanner.py", "json/tool.py", "textwrap.py",
         "colorsys.py", "bisect.py", "shlex.py", "fnmatch.py", "heapq.py"]
# The real command in a subprocess that SIGKILLs itself at one point: after a phase is committed
# (``NearCheckpoint._commit``), after some output lines (``ShardWriter.write_line``), after the
# first output shard is committed or the hoist is (``save_written``), after the pool's workers
# copied a second shard but before it is committed (``ShardWriter.adopt``), or mid-hoist: shard 0
# rewritten, the other shard not yet (``schema_head._write_lines``).
KILLER = """
import os, signal, sys
point = sys.argv[1]
from tritter_data.dedup.near_resume import NearCheckpoint
from tritter_data.io import schema_head
from tritter_data.io.writers import ShardWriter
commit, write_line, save_written = NearCheckpoint._commit, ShardWriter.write_line, NearCheckpoint.save_written
adopt = ShardWriter.adopt
rewrite = schema_head._write_lines
def die():
    os.kill(os.getpid(), signal.SIGKILL)
def die_after_commit(self, phase):
    commit(self, phase)
    if phase == point:
        die()
def die_mid_write(self, line, *keys):
    write_line(self, line, *keys)
    if point == "write" and self.records_written == 7:
        die()
def die_after_copied(self, path, keys, size):
    adopt(self, path, keys, size)
    if point == "copied" and len(self.paths) == 2:
        die()
def die_after_written(self, progress):
    save_written(self, progress)
    if point == ("hoisting" if progress.get("hoisting") else "written"):
        die()
def die_mid_hoist(path, lines):
    rewrite(path, lines)
    if point == "hoist":
        die()
NearCheckpoint._commit, ShardWriter.write_line = die_after_commit, die_mid_write
NearCheckpoint.save_written, schema_head._write_lines = die_after_written, die_mid_hoist
ShardWriter.adopt = die_after_copied
from tritter_data.cli import main
raise SystemExit(main(sys.argv[2:]))
"""


def records() -> list[dict[str, Any]]:
    """Ten stdlib modules and a reformatted near-copy of three of them. The first record and a
    late one have optional fields the others lack; the first is removed (its copy scores
    higher), so the output's writer hoists the late one into the head of shard 0."""
    originals = [record(name, fixture_text(name)) for name in NAMES]
    for i in (0, 8):
        originals[i] = record(NAMES[i], fixture_text(NAMES[i]), license="PSF-2.0", stars=12)
    copies = [record(f"copy/{name}", reformat(fixture_text(name)), score=0.9) for name in NAMES[:3]]
    return originals + copies


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_shards(tmp_path_factory.mktemp("in") / "shards", records(), shard_size=4)


def command(shards: Path, out: Path, *extra: str) -> list[str]:
    return ["dedup", "--input-dir", str(shards), "--output-dir", str(out), "--quiet",
            "--removed-file", str(out.parent / "removed.jsonl"), *extra]


@pytest.fixture(scope="module")
def whole(shards: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("whole") / "out"
    assert main(command(shards, out)) == 0
    return out


def killed(shards: Path, out: Path, point: str, workers: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.run([sys.executable, "-c", KILLER, point, *command(shards, out, "--workers", workers)],
                             env=env, capture_output=True, timeout=120)
    assert process.returncode == -9, process.stderr.decode()[-2000:]


# Each killed run resumes with the other worker count: with 2 workers the kept lines are copied
# by the pool (``near_copy.py``), with 1 written line by line; a resume goes on either way.
POINTS = [("candidates", "2", None), ("clusters", "1", None), ("written", "2", 1), ("written", "1", 1),
          ("write", "1", 1), ("copied", "2", 1), ("hoisting", "1", 3), ("hoist", "2", 3)]


@pytest.mark.parametrize(("point", "workers", "shards_kept"), POINTS)
def test_sigkill_then_the_same_command_gives_the_same_bytes(shards: Path, whole: Path, tmp_path: Path,
                                                            point: str, workers: str,
                                                            shards_kept: int | None) -> None:
    out = tmp_path / "out"
    killed(shards, out, point, workers)
    if shards_kept is not None:
        assert existing_shards(out)  # killed with some shards written
    assert not (out / "manifest.json").exists()
    with pytest.raises(ShardError, match="incomplete output"):
        check_complete(out, existing_shards(out))  # never taken as finished by the next step
    assert main(command(shards, out, "--workers", "2" if workers == "1" else "1")) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in whole.iterdir())  # no .parts
    for path in existing_shards(whole):
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name
    assert (tmp_path / "removed.jsonl").read_bytes() == (whole.parent / "removed.jsonl").read_bytes()
    got, want = (json.loads((d / "manifest.json").read_text()) for d in (out, whole))
    assert got.pop("resumed_after") == (point if shards_kept is None else "clusters")
    assert got.pop("resumed_write_after_shards", None) == shards_kept  # complete shards were kept
    moving = {"stage_seconds", "elapsed_seconds", "cpu_seconds", "mb_per_second", "output_dir", "removed_file"}
    got["parameters"].pop("workers"), want["parameters"].pop("workers")
    assert {k: v for k, v in got.items() if k not in moving} == {k: v for k, v in want.items() if k not in moving}
    assert want["removed"] == 3
    assert b'"license":' in (whole / "shard_00000.jsonl").read_bytes().splitlines()[0]  # a hoist was made


def test_other_options_do_not_resume_a_checkpoint(shards: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    killed(shards, out, "clusters", "1")
    assert main(command(shards, out, "--threshold", "0.95")) == 0  # another threshold: from the start
    manifest = json.loads((out / "manifest.json").read_text())
    assert "resumed_after" not in manifest
    assert not (out / ".parts").exists()
