"""Shared plumbing of the post-processing steps (near-dup, decontamination) over shards.

- ``InputShards``: the input's shards plus the layout to keep (shard size and compression,
  from the input's ``manifest.json`` when it has one, else the defaults / file suffixes).
- ``read_records``: every record in order with its document id; malformed lines are tallied
  in ``BadLines`` (file, line and problem) and skipped, never fatal. A second pass over the same
  shards sees the same ids because bad lines never get one.
- ``claim_output_dir``: refuses the input dir and foreign shards, so nothing is overwritten by
  accident; ``RemovedLog``: the opt-in JSONL side file of what was removed and why.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from tritter_data.core.errors import UsageError
from tritter_data.io.shards import BadLine, find_shards, iter_shard_records, open_shard
from tritter_data.io.writers import claim_output_dir as claim_writer_output_dir

logger = logging.getLogger(__name__)
MANIFEST = "manifest.json"
MAX_BAD_EXAMPLES = 20
DEFAULT_SHARD_SIZE = 10_000


@dataclass(frozen=True)
class InputShards:
    directory: Path
    paths: tuple[Path, ...]
    shard_size: int
    compress: str


def open_input(directory: Path, shard_size: int | None = None) -> InputShards:
    """The shards of ``directory`` and the layout to reproduce; ``UsageError`` when there are none."""
    try:
        paths = find_shards(directory)
    except FileNotFoundError as error:
        raise UsageError(f"--input-dir {error}") from None
    options: dict[str, Any] = {}
    manifest = directory / MANIFEST
    if manifest.is_file():
        try:
            options = json.loads(manifest.read_text(encoding="utf-8")).get("options") or {}
        except (json.JSONDecodeError, AttributeError, UnicodeDecodeError):
            logger.warning("%s: unreadable manifest, using the default shard size", manifest)
    size = shard_size or options.get("shard_size") or DEFAULT_SHARD_SIZE
    if not isinstance(size, int) or size < 1:
        raise UsageError(f"--shard-size must be a positive integer, got {size}")
    compress = options.get("compress") or ("zstd" if paths[0].name.endswith(".zst") else "none")
    return InputShards(directory, tuple(paths), size, compress if compress in ("none", "zstd") else "none")


def claim_output_dir(input_dir: Path, output_dir: Path, overwrite: bool = False) -> None:
    """The output must be another directory, free of shards unless ``overwrite`` (which clears them)."""
    if output_dir.resolve() == input_dir.resolve():
        raise UsageError("--output-dir must differ from --input-dir (the input would be overwritten)")
    claim_writer_output_dir(output_dir, overwrite, MANIFEST)


@dataclass
class BadLines:
    """Lines that were not records: counted, the first few kept as ``path:line: problem``."""

    count: int = 0
    examples: list[str] = field(default_factory=list)
    lines: dict[str, set[int]] = field(default_factory=dict)  # every bad line, for ``read_selected``

    def add(self, bad: BadLine) -> None:
        self.count += 1
        self.lines.setdefault(bad.path, set()).add(bad.line)
        if len(self.examples) < MAX_BAD_EXAMPLES:
            message = f"{bad.path}:{bad.line}: {bad.problem}"
            self.examples.append(message)
            logger.warning("skipping bad line %s", message)

    def to_dict(self) -> dict[str, Any]:
        return {"bad_lines": self.count, "bad_line_examples": list(self.examples)}


def read_records(shards: InputShards, bad: BadLines | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(document id, record)`` for every usable line, in shard then line order."""
    doc = 0
    for path in shards.paths:
        for item in iter_shard_records(path):
            if isinstance(item, BadLine):
                if bad is not None:
                    bad.add(item)
                continue
            yield doc, item
            doc += 1


def read_selected(shards: InputShards, wanted: Iterator[int], bad: BadLines) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(document id, record)`` for the ascending ids in ``wanted`` only, parsing no other line.

    ``bad`` must come from a ``read_records`` pass over the same shards: its line numbers are
    what keeps the ids here equal to the ids there (same numbering as ``iter_shard_records``).
    """
    target = next(wanted, None)
    doc = 0
    for path in shards.paths:
        if target is None:
            return
        skip = bad.lines.get(str(path), set())
        with open_shard(path) as handle:
            for number, line in enumerate(handle, start=1):
                if number in skip or not line.strip():
                    continue
                if doc == target:
                    yield doc, orjson.loads(line)
                    target = next(wanted, None)
                    if target is None:
                        return
                doc += 1


class RemovedLog:
    """The opt-in side file: one JSON object per removed record, in input order."""

    def __init__(self, path: Path | None):
        self.path = path
        self._handle: Any = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = open(path, "wb")  # noqa: SIM115 - closed in close()

    def write(self, entry: dict[str, Any]) -> None:
        if self._handle is not None:
            self._handle.write(orjson.dumps(entry) + b"\n")

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> RemovedLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """``"512M"``, ``"2GB"``, ``"1.5g"``, ``"1000000"`` -> bytes (binary units); ``ValueError`` otherwise.

    >>> parse_size("512M"), parse_size("2g"), parse_size("4096")
    (536870912, 2147483648, 4096)
    """
    match = _SIZE.match(text)
    if not match:
        raise ValueError(f"not a size: {text!r} (use e.g. 512M or 2G)")
    scale = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}[match.group(2).lower()]
    return int(float(match.group(1)) * scale)


def histogram(sizes: list[int]) -> dict[str, int]:
    """``{"2": 10, "3": 1}``: how many clusters have each size, by size."""
    counts: dict[int, int] = {}
    for size in sizes:
        counts[size] = counts.get(size, 0) + 1
    return {str(size): counts[size] for size in sorted(counts)}
