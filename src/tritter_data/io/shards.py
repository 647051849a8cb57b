"""Shard files, byte level: the one zstd writer, readers that notice a cut, record lines.

A line that is not a record (bad JSON, wrong schema) is not fatal: ``iter_shard_records``
yields a ``BadLine`` naming the file and line so that callers count it and go on. A file
that was *cut* is another matter: a last line without its newline that does not parse, or a
zstd stream that ends inside a frame, means the writer died mid-write; reading on would take
half a shard as the whole, so it raises ``ShardError`` (one line naming the file, exit 2).

    >>> import zstandard
    >>> frame = zstandard.ZstdCompressor().compress(b'{"a": 1}\\n')
    >>> zstd_frame_ok(frame), zstd_frame_ok(frame[:-2]), zstd_frame_ok(b"plain text")
    (True, False, False)
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from tritter_data.core.errors import UsageError
from tritter_data.core.sample import SchemaError, validate_record

SHARD_GLOB = "shard_*.jsonl*"
ZSTD_LEVEL = 3
_CHUNK = 1 << 20


class ShardError(UsageError):
    """A shard that cannot be trusted as a whole: cut mid-write, or not what its name says."""


@dataclass(frozen=True, slots=True)
class BadLine:
    """A shard line that could not be used, with where and why."""

    path: str
    line: int
    problem: str


def zstd_writer(raw: BinaryIO) -> Any:
    """The only zstd encoder of the package: same bytes in, same bytes out, whoever writes.

    Level 3, no content size (streamed), with a checksum so that a damaged frame is caught.
    """
    import zstandard

    return zstandard.ZstdCompressor(level=ZSTD_LEVEL, write_checksum=True).stream_writer(raw, closefd=True)


class _ZstdRaw(io.RawIOBase):
    """Decompress frame after frame; at the end of the file, insist the last frame was whole."""

    def __init__(self, path: Path):
        import zstandard

        self._zstd = zstandard
        self.path = path
        self._raw = open(path, "rb")  # noqa: SIM115 - closed in close()
        self._decoder = zstandard.ZstdDecompressor().decompressobj()
        self._pending = b""
        self._started = False  # a frame has begun and not ended

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = self._raw.read(_CHUNK)
            if not chunk:
                if self._started:
                    raise ShardError(f"{self.path}: truncated zstd stream (the file was cut mid-write)")
                return 0
            self._pending = self._feed(chunk)
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _feed(self, chunk: bytes) -> bytes:
        out = []
        while chunk:
            try:
                out.append(self._decoder.decompress(chunk))
            except self._zstd.ZstdError as error:
                raise ShardError(f"{self.path}: not a valid zstd file ({error})") from None
            self._started = not self._decoder.eof
            if not self._decoder.eof:
                break
            chunk = self._decoder.unused_data  # a next frame follows in the same file
            self._decoder = self._zstd.ZstdDecompressor().decompressobj()
        return b"".join(out)

    def close(self) -> None:
        self._raw.close()
        super().close()


def open_shard(path: Path) -> io.BufferedReader:
    """Open a shard for reading, decompressing ``.zst`` (and checking it) transparently."""
    if path.name.endswith(".zst"):
        return io.BufferedReader(_ZstdRaw(path), buffer_size=_CHUNK)
    return io.BufferedReader(open(path, "rb"), buffer_size=_CHUNK)


def zstd_frame_ok(data: bytes) -> bool:
    """Whether ``data`` is a whole zstd stream (frames that all end)."""
    import zstandard

    decoder = zstandard.ZstdDecompressor().decompressobj()
    try:
        decoder.decompress(data)
    except zstandard.ZstdError:
        return False
    return decoder.eof


def read_all(path: Path) -> bytes:
    """A whole shard, decompressed and checked."""
    with open_shard(path) as handle:
        return handle.read()


def shard_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """``(line number, line)`` of the non-blank lines; ``ShardError`` on a torn last line."""
    with open_shard(path) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.endswith(b"\n") and line.strip():
                _check_last_line(path, number, line)
            if line.strip():
                yield number, line


def read_located(paths: tuple[Path, ...], places: Iterator[tuple[int, int, int]]) -> Iterator[bytes]:
    """The lines at ``(shard index, byte offset, length)`` places, read where they are."""
    handles: dict[int, BinaryIO] = {}
    with contextlib.ExitStack() as stack:
        for shard, offset, length in places:
            handle = handles.get(shard)
            if handle is None:
                handle = handles[shard] = stack.enter_context(open(paths[shard], "rb"))
            handle.seek(offset)
            yield handle.read(length)


def _check_last_line(path: Path, number: int, line: bytes) -> None:
    """A last line without its newline is kept only if it is a whole JSON value."""
    if not whole_json(line):
        raise torn_line_error(path, number)


def whole_json(line: bytes) -> bool:
    try:
        orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    return True


def torn_line_error(path: Path | str, number: int) -> ShardError:
    """The one-line error for a last line cut mid-write (line ``number`` of ``path``)."""
    return ShardError(f"{path}:{number}: torn last line (no newline, not JSON: the file was cut mid-write)")


def existing_shards(directory: Path) -> list[Path]:
    """Shards already in ``directory`` (any compression), sorted by name."""
    return sorted(p for p in directory.glob(SHARD_GLOB) if p.is_file() and not p.name.endswith(".tmp"))


def parse_line(path: str, number: int, line: bytes) -> dict[str, Any] | BadLine:
    """One shard line as a validated record, or the ``BadLine`` saying why it is not one."""
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        return BadLine(path, number, f"invalid JSON: {error}")
    if not isinstance(record, dict):
        return BadLine(path, number, "not a JSON object")
    try:
        validate_record(record, where=f"{path}:{number}")
    except SchemaError as error:
        return BadLine(path, number, str(error))
    return record


def iter_shard_records(path: Path) -> Iterator[dict[str, Any] | BadLine]:
    """Yield each record of one shard, or a ``BadLine`` for a line that is not a record."""
    name = str(path)
    for number, line in shard_lines(path):
        yield parse_line(name, number, line)
