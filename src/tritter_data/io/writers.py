"""Sharded JSONL output: ``shard_00000.jsonl`` ... with at most ``shard_size`` records.

Records are validated against the card's schema before they are written, serialised with
sorted-free, fixed field order (``sample.OUTPUT_FIELDS``) so that the same input always
gives byte-identical shards. ``compress="zstd"`` writes ``.jsonl.zst`` instead.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from tritter_data.core.sample import validate_record
from tritter_data.io.schema_head import hoist_schema_records, optional_keys
from tritter_data.io.shards import SHARD_GLOB, existing_shards, zstd_writer

__all__ = ["SHARD_GLOB", "ShardWriter", "claim_output_dir", "existing_shards", "shard_name", "write_manifest"]
COMPRESSIONS = ("none", "zstd")


def shard_name(index: int, compress: str = "none") -> str:
    suffix = ".jsonl.zst" if compress == "zstd" else ".jsonl"
    return f"shard_{index:05d}{suffix}"


class ShardWriter:
    """Append records, rolling over to a new shard every ``shard_size`` records.

    Use as a context manager; ``paths`` lists the shards written and ``bytes_written``
    the uncompressed JSONL bytes.
    """

    def __init__(self, directory: Path, shard_size: int = 10_000, compress: str = "none"):
        if shard_size < 1:
            raise ValueError(f"shard_size must be >= 1, got {shard_size}")
        if compress not in COMPRESSIONS:
            raise ValueError(f"compress must be one of {COMPRESSIONS}, got {compress!r}")
        self.directory = directory
        self.shard_size = shard_size
        self.compress = compress
        self.paths: list[Path] = []
        self.records_written = 0
        self.bytes_written = 0
        self._handle: Any = None
        self._in_shard = 0
        # For ``datasets``: where each optional field first appears (see schema_head.py).
        self._head_keys: frozenset[str] | None = None
        self._first_with_key: dict[str, tuple[int, int]] = {}

    def __enter__(self) -> ShardWriter:
        self.directory.mkdir(parents=True, exist_ok=True)
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.close()
            return
        try:  # a failed run: close what is open, rewrite nothing (a resumed run redoes the last shard)
            self._close_current()
        except OSError:
            self._handle = None

    @property
    def shard_full(self) -> bool:
        """The next record opens a new shard: the current one is complete."""
        return self._handle is not None and self._in_shard >= self.shard_size

    def close_shard(self) -> None:
        """Close the current shard now (a checkpoint), so that it is whole on disk."""
        self._close_current()
        self._in_shard = self.shard_size  # whatever comes next opens a new shard

    def head_state(self) -> dict[str, Any]:
        """The schema-head bookkeeping, for a checkpoint (``resume(head=...)`` reads no shard then)."""
        return {"records": self.records_written,
                "head_keys": None if self._head_keys is None else sorted(self._head_keys),
                "first_with_key": {key: list(place) for key, place in self._first_with_key.items()}}

    @classmethod
    def resume(cls, directory: Path, shards: int, shard_size: int, compress: str,
               bytes_written: int, head: dict[str, Any] | None = None) -> ShardWriter:
        """A writer that goes on after the first ``shards`` complete shards of an interrupted run.

        The schema-head bookkeeping comes from ``head`` (``head_state`` at the checkpoint) or is
        rebuilt from those shards' lines, so the final hoist is the one an uninterrupted run makes.
        """
        from tritter_data.io.shards import shard_lines

        writer = cls(directory, shard_size, compress)
        writer.paths = [directory / shard_name(index, compress) for index in range(shards)]
        writer.bytes_written = bytes_written
        writer._in_shard = shard_size
        if head is not None:
            writer.records_written = head["records"]
            writer._head_keys = None if head["head_keys"] is None else frozenset(head["head_keys"])
            writer._first_with_key = {key: (place[0], place[1]) for key, place in head["first_with_key"].items()}
            return writer
        for index, path in enumerate(writer.paths):
            for line_number, (_, line) in enumerate(shard_lines(path)):
                keys = optional_keys(line)
                if writer._head_keys is None:
                    writer._head_keys = keys
                for key in keys - writer._head_keys:
                    writer._first_with_key.setdefault(key, (index, line_number))
                writer.records_written += 1
        return writer

    def write(self, record: dict[str, Any]) -> None:
        validate_record(record, where=f"record {record.get('source')!r}")
        self.write_line(orjson.dumps(record) + b"\n")

    def write_line(self, line: bytes, keys: frozenset[str] | None = None) -> None:
        """Append one already validated and serialised record (see ``encode_record``);
        ``keys``: its ``optional_keys`` when the caller has them already (near-dedup's workers)."""
        if self._handle is None or self._in_shard >= self.shard_size:
            self._open_next()
        if keys is None:
            keys = optional_keys(line)
        if self._head_keys is None:
            self._head_keys = keys
        for key in keys - self._head_keys:
            self._first_with_key.setdefault(key, (len(self.paths) - 1, self._in_shard))
        self._handle.write(line)
        self._in_shard += 1
        self.records_written += 1
        self.bytes_written += len(line)

    def adopt(self, path: Path, keys: Iterator[frozenset[str]], size: int) -> None:
        """Count a complete shard someone else wrote (near-dedup's copying workers) as if its
        records had come through ``write_line`` one by one, with these ``keys``: the same
        paths, counts and schema-head bookkeeping, so checkpoints and the hoist do not differ."""
        self._close_current()
        self.paths.append(path)
        index = len(self.paths) - 1
        count = 0
        for count, record_keys in enumerate(keys, start=1):
            if self._head_keys is None:
                self._head_keys = record_keys
            for key in record_keys - self._head_keys:
                self._first_with_key.setdefault(key, (index, count - 1))
        self.records_written += count
        self.bytes_written += size
        self._in_shard = self.shard_size  # closed: whatever comes next opens a new shard

    def _open_next(self) -> None:
        self._close_current()
        path = self.directory / shard_name(len(self.paths), self.compress)
        raw = open(path, "wb")  # noqa: SIM115 - closed in close()
        if self.compress == "zstd":
            self._handle = zstd_writer(raw)
        else:
            self._handle = io.BufferedWriter(raw, buffer_size=1 << 20)
        self.paths.append(path)
        self._in_shard = 0

    def _close_current(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def hoisted_shards(self) -> list[Path]:
        """The shards ``close`` will rewrite to hoist the schema (none when the head has every field).

        A caller that must survive a kill mid-hoist keeps their bytes first (``near_resume``)."""
        if not self._first_with_key:
            return []
        return [self.paths[index] for index in sorted({0} | {shard for shard, _ in self._first_with_key.values()})]

    def close(self) -> None:
        """Close the last shard, then hoist optional fields to the head (schema_head.py)."""
        self._close_current()
        if self._first_with_key:
            hoist_schema_records(self.paths, sorted(set(self._first_with_key.values())))
            self._first_with_key = {}


def claim_output_dir(output_dir: Path, overwrite: bool, manifest_name: str = "manifest.json") -> None:
    """Refuse to mix runs: an output dir with shards needs ``overwrite``, which clears them."""
    from tritter_data.core.errors import UsageError

    if output_dir.exists() and not output_dir.is_dir():
        raise UsageError(f"--output-dir {output_dir}: exists and is not a directory")
    old = existing_shards(output_dir) if output_dir.exists() else []
    manifest = output_dir / manifest_name
    if (old or manifest.exists()) and not overwrite:
        raise UsageError(f"--output-dir {output_dir}: holds shards of another run; pass --overwrite to replace them")
    for path in [*old, manifest]:
        path.unlink(missing_ok=True)
    output_dir.mkdir(parents=True, exist_ok=True)


def write_manifest(path: Path, manifest: dict[str, Any]) -> None:
    """Write a manifest as indented JSON (humans and the report read it), atomically.

    The manifest is the completion marker of a shard set, so it appears whole or not at all:
    written to a temporary name, flushed to disk, then renamed over the final one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(manifest, indent=2, sort_keys=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)
