"""Disk space: estimate a run's output before it starts and refuse when it cannot fit.

The data card's storage table puts the filtered output at 15-30 % of the raw input
(Python: 233 GB raw, 35-70 GB filtered); the estimate takes the upper end, so a run that
passes the check has room for the worst case the card expects. ``--skip-space-check``
overrides (an estimate is only an estimate).

- ``prepare``: raw = the sizes, from a walk before the run, of the files that can be
  samples at all (at most ``max_bytes``; larger ones, sparse or not, are rejected unread).
- ``curate``: ``--max-samples N`` x ``MEAN_RECORD_BYTES``; else the card's raw size of
  the language (Python, Rust, JavaScript of The Stack v2 from the hub); else inline-content parquet files x
  ``PARQUET_EXPANSION``. Where none is known there is no estimate (and no refusal).

    >>> format_bytes(70 * 10**9), format_bytes(1536)
    ('70.0 GB', '1.5 KB')
    >>> curate_estimate("python", max_samples=1000)
    8192000
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

from tritter_data.core.errors import UsageError
from tritter_data.core.sample import Sample

#: Upper end of the card's "filtered size" range, as a share of the raw size.
FILTERED_SHARE = 0.30
#: The card's storage table: raw size per language of The Stack v2.
CARD_RAW_BYTES = {"python": 233 * 10**9, "rust": int(15.6 * 10**9), "javascript": 87 * 10**9}
#: Bytes per kept record when only ``--max-samples`` is known: a generous mean source file
#: (The Stack v2 averages a few KB) plus the JSON escaping and the other fields.
MEAN_RECORD_BYTES = 8192
#: Raw bytes per byte of a parquet file that carries file contents (columnar compression
#: of source code is about 3:1).
PARQUET_EXPANSION = 3
#: Room always added for manifests, part markers and the report.
MARGIN_BYTES = 2**20


def format_bytes(count: float) -> str:
    """Decimal units, as disks are sold."""
    for unit in ("B", "KB", "MB", "GB"):
        if count < 1000:
            return f"{int(count)} B" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return f"{count:.1f} TB"


def free_bytes(path: Path) -> tuple[Path, int]:
    """Free bytes on the file system that holds ``path`` (or its nearest existing parent)."""
    probe = Path(os.path.abspath(path))
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return probe, shutil.disk_usage(probe).free


def check_space(output: Path, needed: int, basis: str) -> None:
    """Raise ``UsageError`` (one line, both figures) when ``needed`` bytes do not fit."""
    where, free = free_bytes(output)
    total = needed + MARGIN_BYTES
    if total > free:
        raise UsageError(
            f"not enough disk space at {where}: the output needs about {format_bytes(total)} "
            f"({basis}, plus {format_bytes(MARGIN_BYTES)} for manifests) and {format_bytes(free)} is free; "
            "free some space or pass --skip-space-check")


def prepare_estimate(items: Iterable[object], max_bytes: int) -> tuple[int, int]:
    """(estimated output bytes, raw bytes) from the walk: files that can be samples at all."""
    raw = sum(item.size_bytes for item in items
              if isinstance(item, Sample) and 0 < item.size_bytes <= max_bytes)
    return int(raw * FILTERED_SHARE), raw


def curate_estimate(language: str, max_samples: int | None = None, parquet_files: Sequence[Path] = (),
                    inline_content: bool = False, card_dataset: bool = False) -> int | None:
    """Estimated output bytes of one language, or None when nothing is known.

    ``card_dataset``: the input is The Stack v2 from the hub, whose sizes the card lists.
    """
    estimates = []
    if max_samples is not None:
        estimates.append(max_samples * MEAN_RECORD_BYTES)
    if card_dataset and language in CARD_RAW_BYTES:
        estimates.append(int(CARD_RAW_BYTES[language] * FILTERED_SHARE))
    if parquet_files and inline_content:
        raw = sum(path.stat().st_size for path in parquet_files) * PARQUET_EXPANSION
        estimates.append(int(raw * FILTERED_SHARE))
    return min(estimates) if estimates else None
