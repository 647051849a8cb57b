"""The report in real headless Chromium: it loads without console messages and screenshots.

Debian's ``chromium`` (``.ci/run`` installs it); skipped with the reason when it is absent.
The page has no scripts, so any console message at all is a failure; a control page with a
console error proves the check can fail.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-logging=stderr", "--v=0"]


def chromium(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *extra, page.resolve().as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def console_messages(stderr: str) -> list[str]:
    """Chromium logs every console message (errors included) as ``...:CONSOLE:<line>] "text"``."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_report_loads_cleanly_and_screenshots(prepared: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    page = prepared[0] / "report.html"
    dom = chromium(page, tmp_path / "profile-dom", "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert console_messages(dom.stderr) == []
    for ident in ("funnel", "scores", "distributions", "findings", "near-dup", "decontamination", "mix", "run"):
        assert f'<section id="{ident}"' in dom.stdout
    assert dom.stdout.count("<svg") == 6
    shot = tmp_path / "report.png"
    run = chromium(page, tmp_path / "profile-shot", f"--screenshot={shot}", "--window-size=1280,3000")
    assert run.returncode == 0, run.stderr[-2000:]
    assert console_messages(run.stderr) == []
    assert png_size(shot) == (1280, 3000)
    assert shot.stat().st_size > 50_000  # a rendered page, not a blank image


def test_console_errors_are_caught(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><p>x</p><script>console.error("boom"); missingFunction();</script>')
    run = chromium(page, tmp_path / "profile", "--dump-dom")
    messages = console_messages(run.stderr)
    assert any('"boom"' in m for m in messages)
    assert any("missingFunction is not defined" in m for m in messages)
