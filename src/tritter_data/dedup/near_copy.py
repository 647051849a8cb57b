"""Near-dedup's write phase in the executor's workers, for located, canonical documents.

When phase 1's workers said where each document's line is and found every kept line already
in the writer's serialisation (``DocTable.canonical``), an output shard is nothing but those
lines' bytes, one after the other: its size and the place of every line in it are known
before a byte is written. So the driver plans the output (``plan_shards``) and the workers
copy byte ranges from the input into their place in the output, in pieces of about 16 MB,
with ``os.copy_file_range`` (no copy through user space) at explicit offsets, so several
workers fill one file at once. Writing 250 MB took the driver 0.2 s on its own, a serial
part that no number of workers shortened.

The driver still owns everything but the bytes, in input order, exactly as
``near_write.write_kept`` does it one line at a time: the removed log, the schema head's
bookkeeping (``ShardWriter.adopt``), the checkpoint after each complete shard and the hoist.
The output is the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tritter_data.dedup.near_tasks import DocTable
from tritter_data.io.writers import shard_name

PIECE_BYTES = 16 << 20
#: One worker task: the output file, and ``(input path, input offset, length, output offset)`` ranges.
Piece = tuple[str, list[tuple[str, int, int, int]]]


@dataclass(frozen=True)
class OutputShard:
    """One planned output shard: its documents, in order, and the pieces that write it."""

    path: Path
    docs: np.ndarray
    size: int
    pieces: list[Piece]


def copyable(table: DocTable, kept: np.ndarray, compress: str) -> bool:
    """Whether every kept line can be copied as it is into an uncompressed output."""
    if compress != "none" or not table.located() or len(kept) == 0:
        return False
    canonical = np.frombuffer(table.canonical, dtype=np.uint8)
    return bool(canonical[kept].all())


def plan_shards(table: DocTable, paths: tuple[Path, ...], kept: np.ndarray, output_dir: Path, first_shard: int,
                shard_size: int, piece_bytes: int = PIECE_BYTES) -> Iterator[OutputShard]:
    """``kept`` (document ids in input order) cut into shards of ``shard_size`` records, numbered
    from ``first_shard``; neighbouring lines of one input shard become one range."""
    shard = np.frombuffer(table.shard, dtype=np.int64)
    offset = np.frombuffer(table.offset, dtype=np.int64)
    length = np.frombuffer(table.length, dtype=np.int64)
    names = [str(path) for path in paths]
    for number, start in enumerate(range(0, len(kept), shard_size), start=first_shard):
        docs = kept[start : start + shard_size]
        sizes = length[docs]
        place = np.concatenate(([0], np.cumsum(sizes)))  # each line's offset in the output shard
        # a range ends where the next line is not the next bytes of the same input shard
        # (a removed or bad line between them, another shard) or where a piece is full
        breaks = (shard[docs[1:]] != shard[docs[:-1]]) | (offset[docs[1:]] != offset[docs[:-1]] + sizes[:-1])
        piece_of = place[:-1] // piece_bytes
        breaks |= piece_of[1:] != piece_of[:-1]
        starts = np.concatenate(([0], np.flatnonzero(breaks) + 1))
        ends = np.concatenate((starts[1:], [len(docs)]))
        path = output_dir / shard_name(number)
        pieces: list[Piece] = []
        current = -1
        for first, last in zip(starts.tolist(), ends.tolist(), strict=True):
            doc = int(docs[first])
            if int(piece_of[first]) != current:
                current = int(piece_of[first])
                pieces.append((str(path), []))
            pieces[-1][1].append((names[shard[doc]], int(offset[doc]), int(place[last] - place[first]),
                                  int(place[first])))
        yield OutputShard(path, docs, int(place[-1]), pieces)


def copy_piece(_: None, piece: Piece) -> int:
    """In a worker: copy the piece's ranges into its output file at their offsets; bytes copied."""
    output, ranges = piece
    copied = 0
    target = os.open(output, os.O_WRONLY)
    try:
        sources: dict[str, int] = {}
        try:
            for name, offset, length, place in ranges:
                if name not in sources:
                    sources[name] = os.open(name, os.O_RDONLY)
                copied += _copy(sources[name], target, offset, length, place)
        finally:
            for handle in sources.values():
                os.close(handle)
    finally:
        os.close(target)
    return copied


def _copy(source: int, target: int, offset: int, length: int, place: int) -> int:
    """``length`` bytes from ``source`` at ``offset`` to ``target`` at ``place``, in the kernel
    where it can (``copy_file_range``), else through a buffer."""
    done = 0
    while done < length:
        try:
            step = os.copy_file_range(source, target, length - done, offset + done, place + done)
        except (AttributeError, OSError):  # no such call here, or not between these files
            step = 0
        if step == 0:  # the call cannot do it (or the input is shorter): copy by hand
            data = os.pread(source, min(length - done, 1 << 20), offset + done)
            if not data:
                raise OSError(f"input ended {length - done} bytes early while copying to the output")
            step = os.pwrite(target, data, place + done)
        done += step
    return done
