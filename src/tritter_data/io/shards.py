"""Read the shards that ``prepare`` (or any post-processing step) wrote.

Malformed lines are not fatal: ``iter_shard_records`` yields a ``BadLine`` naming the file
and line so that callers can count and report it and go on.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from tritter_data.core.sample import SchemaError, validate_record
from tritter_data.io.writers import existing_shards


@dataclass(frozen=True, slots=True)
class BadLine:
    """A shard line that could not be used, with where and why."""

    path: str
    line: int
    problem: str


def open_shard(path: Path) -> io.BufferedReader:
    """Open a shard for reading, decompressing ``.zst`` transparently."""
    raw = open(path, "rb")  # noqa: SIM115 - returned to the caller
    if path.name.endswith(".zst"):
        import zstandard

        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, closefd=True))
    return io.BufferedReader(raw, buffer_size=1 << 20)


def find_shards(directory: Path) -> list[Path]:
    """The shards of a directory; a clear ``FileNotFoundError`` when there are none."""
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory}: not a directory")
    shards = existing_shards(directory)
    if not shards:
        raise FileNotFoundError(f"{directory}: no shard_*.jsonl files")
    return shards


def iter_shard_records(path: Path) -> Iterator[dict[str, Any] | BadLine]:
    """Yield each record of one shard, or a ``BadLine`` for a line that is not a record."""
    with open_shard(path) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError as error:
                yield BadLine(str(path), number, f"invalid JSON: {error}")
                continue
            if not isinstance(record, dict):
                yield BadLine(str(path), number, "not a JSON object")
                continue
            try:
                validate_record(record, where=f"{path}:{number}")
            except SchemaError as error:
                yield BadLine(str(path), number, str(error))
                continue
            yield record
