"""The write phase as byte ranges the workers copy (``near_copy.py``): the planned shards hold
exactly the lines ``ShardWriter.write_line`` would write, with the same schema-head bookkeeping,
whether the kernel copies (``copy_file_range``) or the fallback reads and writes."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from dedup_helpers import fixture_text, located_table, record, write_shards

from tritter_data.dedup.config import NearDedupConfig
from tritter_data.dedup.near_copy import copy_piece, copyable, plan_shards
from tritter_data.io.schema_head import MASK_KEYS
from tritter_data.io.shards import read_located
from tritter_data.io.writers import ShardWriter, existing_shards

NAMES = ["json/decoder.py", "json/encoder.py", "json/scanner.py", "json/tool.py", "textwrap.py",
         "colorsys.py", "bisect.py", "shlex.py", "fnmatch.py", "heapq.py"]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Real files in 4 input shards; a negative record and a late one with a license (fields the
    head lacks); a bad line between two records."""
    records = [record(name, fixture_text(name)) for name in NAMES]
    records[3] = record(NAMES[3], fixture_text(NAMES[3]), score=0.3, quality_label="negative")
    records[8] = record(NAMES[8], fixture_text(NAMES[8]), license="MIT", stars=5)
    directory = write_shards(tmp_path / "in", records)
    shard = existing_shards(directory)[1]
    lines = shard.read_bytes().splitlines(keepends=True)
    shard.write_bytes(lines[0] + b'{"text": 1}\n' + b"".join(lines[1:]))
    return directory


@pytest.mark.parametrize("piece_bytes", [1, 5000, 16 << 20])
@pytest.mark.parametrize("removed", [(), (0, 4), (1, 2, 9)])
def test_copied_shards_are_the_written_ones(corpus: Path, tmp_path: Path, monkeypatch, piece_bytes: int,
                                            removed: tuple[int, ...]) -> None:
    shards, table, _ = located_table(corpus, NearDedupConfig(workers=2))
    kept = np.setdiff1d(np.arange(len(table)), np.array(removed, dtype=np.int64))
    assert len(table) == 10 and copyable(table, kept, "none") and not copyable(table, kept, "zstd")
    lines = list(read_located(shards.paths, ((table.shard[d], table.offset[d], table.length[d]) for d in range(10))))

    written = tmp_path / "written"
    with ShardWriter(written, 3) as writer:
        for doc in kept.tolist():
            writer.write_line(lines[doc], MASK_KEYS[table.keys[doc]])
        head, hoisted = writer.head_state(), writer.hoisted_shards()

    copied = tmp_path / "copied"
    copied.mkdir()
    adopter = ShardWriter(copied, 3)
    planned = list(plan_shards(table, shards.paths, kept, copied, 0, 3, piece_bytes))
    for shard in planned:
        shard.path.write_bytes(b"")
        for piece in reversed(shard.pieces):  # any order: each range has its place
            copy_piece(None, piece)
        adopter.adopt(shard.path, (MASK_KEYS[table.keys[doc]] for doc in shard.docs.tolist()), shard.size)
    assert [shard.docs.tolist() for shard in planned] == [kept[i:i + 3].tolist() for i in range(0, len(kept), 3)]
    assert adopter.head_state() == head and adopter.bytes_written == writer.bytes_written
    assert adopter.hoisted_shards() == [copied / path.name for path in hoisted]
    adopter.close()  # the hoist, as the writer's close made it
    assert bool(hoisted) == (removed == ())  # both input head records kept: the license one is hoisted
    assert [path.read_bytes() for path in existing_shards(copied)] == \
        [path.read_bytes() for path in existing_shards(written)] != []
    ranges = [r for shard in planned for _, piece in shard.pieces for r in piece]
    assert len(ranges) > len(planned)  # removed, bad and shard-crossing lines cut ranges
    if piece_bytes == 1:
        assert sum(len(shard.pieces) for shard in planned) == len(kept)  # one line per piece


def test_the_fallback_copy_writes_the_same_bytes(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    """Where the kernel will not copy between two files (EXDEV, an old kernel), the worker reads
    and writes the ranges itself."""
    shards, table, _ = located_table(corpus, NearDedupConfig(workers=2))
    kept = np.arange(len(table))
    outputs = []
    for label in ("kernel", "fallback"):
        if label == "fallback":
            def refuse(*args, **kwargs):
                raise OSError(18, "Invalid cross-device link")

            monkeypatch.setattr(os, "copy_file_range", refuse)
        out = tmp_path / label
        out.mkdir()
        for shard in plan_shards(table, shards.paths, kept, out, 0, 4, 7000):
            shard.path.write_bytes(b"")
            assert sum(copy_piece(None, piece) for piece in shard.pieces) == shard.size
        outputs.append([path.read_bytes() for path in existing_shards(out)])
    assert outputs[0] == outputs[1] and len(outputs[0]) == 3
