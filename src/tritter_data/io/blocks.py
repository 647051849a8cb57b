"""Byte blocks of an uncompressed shard, for workers that read their part of a shard themselves.

The driver cuts a shard into blocks of a fixed number of bytes without reading it: a block
``(path, start, end)`` owns the lines that *start* in ``[start, end)``, and the worker that
reads it finds them (``read_block``): it skips the end of a line begun in the block before and
reads on past ``end`` to finish its last line. So every line belongs to exactly one block, and
the driver does no work per byte while the workers read (finding the line ends for the workers
cost the driver a quarter of a CPU second per 250 MB, on a machine whose two cores both ran
a worker).

A worker cannot know how many lines came before its block; it numbers its lines from 1 and
says how many it owns. ``BlockNumbers`` in the driver takes the blocks' results in order and
turns their numbers into the shard's line numbers, as ``shards.shard_lines`` counts them
(blank lines included), and raises the torn-last-line ``ShardError`` with that number.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "shard_00000.jsonl"
    >>> _ = path.write_bytes(b'{"a": 1}\\n\\n{"b": 22}\\n')
    >>> [read_block(block).lines for block in byte_blocks(path, 8)]  # numbered within the block
    [[(1, 0, b'{"a": 1}\\n')], [(2, 10, b'{"b": 22}\\n')], []]
    >>> [read_block(block).count for block in byte_blocks(path, 8)]  # the blank line is the second's
    [1, 2, 0]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tritter_data.io.shards import torn_line_error, whole_json

#: Bytes ``[start, end)`` of an uncompressed shard; the block owns the lines that start in them.
ByteBlock = tuple[str, int, int]
_READ_ON = 64 << 10  # read past the block's end in steps of this, to the end of its last line


def byte_blocks(path: Path, size: int) -> Iterator[ByteBlock]:
    """``path`` cut into blocks of ``size`` bytes (the last one shorter), without reading it."""
    total = path.stat().st_size
    name = str(path)
    for start in range(0, total, size):
        yield name, start, min(start + size, total)


@dataclass(slots=True)
class BlockLines:
    """What a worker found in its block.

    ``lines``: ``(number in the block from 1, byte offset, line)`` of the non-blank lines the
    block owns; ``count``: every line it owns, blank ones included; ``torn``: the number of a
    last line of the shard that has no newline and is not JSON (the file was cut mid-write).
    """

    lines: list[tuple[int, int, bytes]]
    count: int = 0
    torn: int | None = None


def read_block(block: ByteBlock) -> BlockLines:
    """The lines ``block`` owns, as ``shard_lines`` reads them (a last line without newline kept
    when it is whole JSON)."""
    path, start, end = block
    begin = max(start - 1, 0)  # the byte before the block says whether a line starts at ``start``
    with open(path, "rb") as handle:
        handle.seek(begin)
        pieces = handle.read(end - begin).split(b"\n")
        head = 0
        if start > 0:  # the first piece ends a line begun before the block
            head = len(pieces[0]) + 1
            if len(pieces) == 1 or begin + head >= end:
                return BlockLines([])  # that line runs through the whole block
            del pieces[0]
        if pieces[-1]:  # the last line goes on past the block: read on to its newline
            rest = [pieces[-1]]
            while chunk := handle.read(_READ_ON):
                newline = chunk.find(b"\n")
                if newline >= 0:
                    rest.append(chunk[:newline])
                    pieces[-1] = b"".join(rest)
                    pieces.append(b"")
                    break
                rest.append(chunk)
            else:  # the end of the shard: its last line has no newline
                pieces[-1] = b"".join(rest)
    last = pieces.pop()  # b"" when the last line has its newline
    found = BlockLines([], len(pieces))
    offset = begin + head
    for number, piece in enumerate(pieces, start=1):
        if piece.strip():
            found.lines.append((number, offset, piece + b"\n"))
        offset += len(piece) + 1
    if last:
        found.count += 1
        if last.strip():
            if whole_json(last):
                found.lines.append((found.count, offset, last))
            else:
                found.torn = found.count
    return found


class BlockNumbers:
    """Line numbers of the shard for the blocks' local ones; blocks must come in input order."""

    def __init__(self) -> None:
        self._before: dict[str, int] = {}

    def settle(self, path: str, count: int, torn: int | None) -> int:
        """Record a block's ``count`` lines; returns the number of the line before its first.
        ``ShardError`` when the block holds a torn last line."""
        before = self._before.get(path, 0)
        if torn is not None:
            raise torn_line_error(path, before + torn)
        self._before[path] = before + count
        return before
