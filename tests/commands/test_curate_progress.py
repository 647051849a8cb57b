"""Progress bars: shown on a terminal (a real pseudo-terminal here), silent otherwise."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

import stack_support as support

pytest.importorskip("boto3")
pytest.importorskip("pyarrow")
ROOT = Path(__file__).resolve().parents[2]


def run_in_terminal(argv: list[str], env: dict[str, str]) -> tuple[int, str]:
    pid, fd = pty.fork()
    if pid == 0:  # the child: a 150-column terminal, then the CLI
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 150, 0, 0))
        os.execve(sys.executable, [sys.executable, *argv], env)
    output = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    text = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", output.decode("utf-8", "replace"))
    return os.waitstatus_to_exitcode(status), text.replace("\r", "\n")


def test_bars_on_a_terminal_and_none_in_a_pipe(tmp_path, s3_endpoint, aws_env):
    mirror = support.write_stack_v2(tmp_path / "mirror")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    args = [str(ROOT / "scripts" / "curate_datasets.py"), "--from-parquet", str(mirror), "--language", "python",
            "--s3-endpoint-url", s3_endpoint, "--fetch-backoff", "0.001", "--part-size", "4"]
    code, screen = run_in_terminal([*args, "--output", str(tmp_path / "tty")], env)
    assert code == 0, screen
    finals = {}
    for line in screen.splitlines():
        match = re.match(r"python (rows scanned|blobs fetched|kept): (\d+)", line.strip())
        if match:
            finals[match.group(1)] = int(match.group(2))  # the last drawing wins
    assert finals == {"rows scanned": 17, "blobs fetched": 12, "kept": 6}
    assert re.search(r"blobs fetched: 12blob .*MB/s, 0 retries, 1 failed", screen)
    piped = subprocess.run([sys.executable, *args, "--output", str(tmp_path / "pipe")], env=env,
                           capture_output=True, text=True, timeout=120)
    assert (piped.returncode, piped.stderr) == (0, "")
    assert piped.stdout.startswith("python: rows read 17, kept 6")
