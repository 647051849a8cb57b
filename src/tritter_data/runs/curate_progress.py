"""Progress bars for ``curate``: rows scanned, blobs fetched (MB/s), samples kept.

Only the CLI creates one; it is silent when stderr is not a terminal or with ``--quiet``.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from tritter_data.core.sample import Sample


class CurateProgress:
    def __init__(self, language: str, quiet: bool = False, total_rows: int | None = None):
        self.enabled = not quiet and sys.stderr.isatty()
        self.started = time.perf_counter()
        self._bars: dict[str, Any] = {}
        self._fetched = 0
        if self.enabled:
            from tqdm import tqdm

            common = {"file": sys.stderr, "dynamic_ncols": True, "mininterval": 0.5}
            self._bars = {
                "rows": tqdm(desc=f"{language} rows scanned", unit="row", total=total_rows, position=0, **common),
                "blobs": tqdm(desc=f"{language} blobs fetched", unit="blob", position=1, **common),
                "kept": tqdm(desc=f"{language} kept", unit="file", position=2, **common),
            }

    def restore(self, rows: int, kept: int) -> None:
        if self._bars:
            self._bars["rows"].update(rows)
            self._bars["kept"].update(kept)

    def rows(self, count: int) -> None:
        if self._bars:
            self._bars["rows"].update(count)

    def result(self, result: Any, fetcher: Any) -> None:
        if not self._bars:
            return
        if isinstance(result, Sample):
            self._bars["kept"].update(1)
        if fetcher is not None:
            counters = fetcher.counters
            self._bars["blobs"].update(counters.fetched - self._fetched)
            self._fetched = counters.fetched
            elapsed = max(time.perf_counter() - self.started, 1e-9)
            mb = counters.bytes_compressed / 1e6
            self._bars["blobs"].set_postfix_str(
                f"{mb:.1f} MB, {mb / elapsed:.2f} MB/s, {counters.retries} retries, {counters.failed} failed",
                refresh=False)

    def close(self) -> None:
        for bar in self._bars.values():
            bar.close()
