"""Progress bars for the CLI and executors only (never in library code paths)."""

from __future__ import annotations

import sys
import time
from typing import Any


class Progress:
    """Files and MB processed with MB/s, on stderr; silent when not a terminal or quiet."""

    def __init__(self, description: str, quiet: bool = False, unit: str = "file"):
        self.enabled = not quiet and sys.stderr.isatty()
        self.started = time.perf_counter()
        self.bytes = 0
        self._shown = self.started
        self._bar: Any = None
        if self.enabled:
            from tqdm import tqdm

            self._bar = tqdm(desc=description, unit=unit, file=sys.stderr, dynamic_ncols=True, mininterval=0.5)

    def update(self, files: int, size_bytes: int) -> None:
        self.bytes += size_bytes
        if self._bar is not None:
            self._bar.update(files)
            now = time.perf_counter()
            if now - self._shown >= 0.5:
                self._shown = now
                self._bar.set_postfix_str(self._throughput(now), refresh=False)

    def _throughput(self, now: float) -> str:
        mb = self.bytes / 1e6
        return f"{mb:.1f} MB, {mb / max(now - self.started, 1e-9):.1f} MB/s"

    def close(self) -> None:
        if self._bar is not None:
            self._bar.set_postfix_str(self._throughput(time.perf_counter()), refresh=True)
            self._bar.close()
