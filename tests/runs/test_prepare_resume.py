"""``prepare`` resumes: killed (SIGKILL), interrupted (Ctrl-C) or out of disk, the same command
goes on from its last complete shard and writes the bytes of an uninterrupted run."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

from tritter_data.cli import main
from tritter_data.io.writers import ShardWriter

ROOT = Path(__file__).resolve().parents[2]
STDLIB = Path(sysconfig.get_paths()["stdlib"])
ARGS = ["--shard-size", "5", "--quiet"]
# The real command, its input stream slowed down so that a kill lands mid-run, and its manifest
# held back so that a kill after the last shard still lands before it.
SLOW = """
import sys, time
import tritter_data.runs.prepare as prepare
walk = prepare._walk
def slow(options, *skip):
    for item in walk(options, *skip):
        time.sleep(0.01)
        yield item
prepare._walk = slow
write_manifest = prepare.write_manifest
def late_manifest(path, manifest):
    time.sleep(60)  # the last shard's commit may reach kill_after: the kill still lands before this
    write_manifest(path, manifest)
prepare.write_manifest = late_manifest
from tritter_data.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    for name in ("email", "json", "http", "xml"):
        shutil.copytree(STDLIB / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(STDLIB / "textwrap.py", root / "email" / "zz_textwrap_copy.py")  # an exact duplicate
    shutil.copy(STDLIB / "textwrap.py", root / "xml" / "zz_textwrap_copy.py")
    return root


@pytest.fixture(scope="module")
def whole(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("whole") / "out"
    assert main(["prepare", "--input-dir", str(corpus), "--output-dir", str(out), *ARGS]) == 0
    return out


def same_as_whole(out: Path, whole: Path) -> None:
    assert sorted(os.listdir(out)) == sorted(os.listdir(whole))  # no .parts, no stray shard
    for path in sorted(whole.glob("shard_*")):
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name
    timing = {"elapsed_seconds", "mb_per_second", "options"}
    got, want = json.loads((out / "manifest.json").read_text()), json.loads((whole / "manifest.json").read_text())
    assert {k: v for k, v in got.items() if k not in timing} == {k: v for k, v in want.items() if k not in timing}


def committed(out: Path) -> int:
    try:
        return json.loads((out / ".parts" / "prepare.json").read_text())["shards"]
    except (OSError, ValueError):
        return 0


@pytest.mark.parametrize("kill_after", [1, 4, 9])
def test_sigkill_then_the_same_command_gives_the_same_bytes(corpus: Path, whole: Path, tmp_path: Path,
                                                             kill_after: int) -> None:
    out = tmp_path / "out"
    args = ["prepare", "--input-dir", str(corpus), "--output-dir", str(out), *ARGS]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    # --workers 2: the workers must die with the killed driver, or they would hold the lock
    process = subprocess.Popen([sys.executable, "-c", SLOW, *args, "--workers", "2"], env=env,
                               stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while committed(out) < kill_after and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.kill()
    process.communicate()
    assert process.returncode == -9 and not (out / "manifest.json").exists()
    assert main(["prepare", "--input-dir", str(corpus), "--output-dir", str(out), "--workers", "2", *ARGS]) == 0
    same_as_whole(out, whole)


# The real command, SIGKILLed by itself at the end: after the shards the schema hoist rewrites are
# hard-linked aside but before any is rewritten, or after the first one is.
KILLED_AT_THE_HOIST = """
import os, signal, sys
point = sys.argv[1]
from tritter_data.io import schema_head
from tritter_data.runs.prepare_resume import Checkpoints
keep, rewrite = Checkpoints.keep_before_hoist, schema_head._write_lines
def die():
    os.kill(os.getpid(), signal.SIGKILL)
def die_after_links(self, writer, stats):
    keep(self, writer, stats)
    if point == "linked":
        die()
def die_mid_hoist(path, lines):
    rewrite(path, lines)
    if point == "hoist":
        die()
Checkpoints.keep_before_hoist, schema_head._write_lines = die_after_links, die_mid_hoist
from tritter_data.cli import main
raise SystemExit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("point", ["linked", "hoist"])
def test_sigkill_at_the_schema_hoist_then_the_same_command_gives_the_same_bytes(
        corpus: Path, whole: Path, tmp_path: Path, point: str) -> None:
    out = tmp_path / "out"
    args = ["prepare", "--input-dir", str(corpus), "--output-dir", str(out), *ARGS]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    killed = subprocess.run([sys.executable, "-c", KILLED_AT_THE_HOIST, point, *args], env=env,
                            capture_output=True, timeout=300)
    assert killed.returncode == -9, killed.stderr.decode()
    assert (out / ".parts" / "hoist").is_dir() and not (out / "manifest.json").exists()
    assert main(args) == 0
    same_as_whole(out, whole)


def test_ctrl_c_leaves_a_resumable_run(corpus: Path, whole: Path, tmp_path: Path, monkeypatch, capsys,
                                       caplog) -> None:
    out = tmp_path / "out"
    real = ShardWriter.write_line
    written = []

    def interrupted(self: ShardWriter, line: bytes) -> None:
        written.append(line)
        if len(written) == 23:
            raise KeyboardInterrupt
        real(self, line)

    monkeypatch.setattr(ShardWriter, "write_line", interrupted)
    assert main(["prepare", "--input-dir", str(corpus), "--output-dir", str(out), *ARGS]) == 130
    assert capsys.readouterr().err == "tritter_data prepare: interrupted; rerun the same command to resume\n"
    monkeypatch.setattr(ShardWriter, "write_line", real)
    assert committed(out) == 4
    assert main(["prepare", "--input-dir", str(corpus), "--output-dir", str(out), *ARGS]) == 0
    assert "resuming after 4 complete shard(s), 22 input file(s) done" in caplog.text
    same_as_whole(out, whole)


def test_a_full_disk_is_one_line_and_resumable(corpus: Path, whole: Path, tmp_path: Path, monkeypatch,
                                               capsys) -> None:
    out = tmp_path / "out"
    real = ShardWriter.write_line
    written = []

    def full(self: ShardWriter, line: bytes) -> None:
        written.append(line)
        if len(written) == 12:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, line)

    monkeypatch.setattr(ShardWriter, "write_line", full)
    assert main(["prepare", "--input-dir", str(corpus), "--output-dir", str(out), *ARGS]) == 2
    err = capsys.readouterr().err
    assert err == (f"tritter_data prepare: error: --output-dir {out}: disk full (No space left on device); "
                   "free space and rerun the same command to resume\n")
    monkeypatch.setattr(ShardWriter, "write_line", real)
    assert main(["prepare", "--input-dir", str(corpus), "--output-dir", str(out), *ARGS]) == 0
    same_as_whole(out, whole)


def test_other_options_do_not_resume(corpus: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    out = tmp_path / "out"
    real = ShardWriter.write_line

    def stop(self: ShardWriter, line: bytes) -> None:
        if self.records_written == 12:
            raise KeyboardInterrupt
        real(self, line)

    monkeypatch.setattr(ShardWriter, "write_line", stop)
    assert main(["prepare", "--input-dir", str(corpus), "--output-dir", str(out), *ARGS]) == 130
    monkeypatch.setattr(ShardWriter, "write_line", real)
    capsys.readouterr()
    assert main(["prepare", "--input-dir", str(corpus), "--output-dir", str(out), "--shard-size", "7",
                 "--quiet"]) == 2
    assert "pass --overwrite" in capsys.readouterr().err


def test_a_writer_resumed_from_its_checkpointed_head_equals_one_that_reads_the_shards(tmp_path: Path) -> None:
    """The checkpoint carries the schema-head bookkeeping, so a resumed run reads no finished
    shard; what it restores is what reading them would rebuild."""
    records = [{"text": f"x = {i}\n", "language": "python", "quality_score": 0.8, "source": f"f{i}.py"}
               for i in range(7)]
    records[4] |= {"license": "MIT", "stars": 3}  # optional fields first met in shard 1
    records[5] |= {"quality_label": "negative", "explanation": "Too short."}
    with ShardWriter(tmp_path, shard_size=3) as writer:
        for record in records[:6]:
            writer.write(record)
        writer.close_shard()
        head = writer.head_state()
        bytes_out = writer.bytes_written
        writer._first_with_key = {}  # the test stops here: no hoist
    read = ShardWriter.resume(tmp_path, 2, 3, "none", bytes_out)
    restored = ShardWriter.resume(tmp_path, 2, 3, "none", bytes_out, json.loads(json.dumps(head)))
    assert head["first_with_key"] == {"license": [1, 1], "stars": [1, 1], "quality_label": [1, 2],
                                      "explanation": [1, 2]}
    for writer in (read, restored):
        assert (writer.records_written, writer.bytes_written, writer.paths) == (6, bytes_out, read.paths)
    assert (restored._head_keys, restored._first_with_key) == (read._head_keys, read._first_with_key)
