"""Near-dedup's write phase: the kept records in input order, committed shard by shard.

Each time an output shard is complete the run records where it is (``near_resume``:
``written.json``), so a killed write goes on from its last complete shard instead of from
the start; the hoist of the schema head at the end is guarded too. The lines are not parsed
to find the documents: phase 1's bad lines (line numbers per shard) are skipped, so document
ids here are those of phase 1. A line phase 1 found canonical (already the writer's
serialisation) is copied as it is; any other is parsed and serialised again.

This runs in the driver: sending every line to a worker and back cost more than parsing and
serialising it here (measured: 0.32 s vs 0.14 s for 31 MB with 2 workers).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from tritter_data.dedup.near_resume import NearCheckpoint
from tritter_data.dedup.near_tasks import DocTable
from tritter_data.io.schema_head import MASK_KEYS
from tritter_data.io.shard_set import BadLines, InputShards, RemovedLog
from tritter_data.io.shards import existing_shards, shard_lines
from tritter_data.io.writers import ShardWriter


def documents(shards: InputShards, bad: BadLines) -> Iterator[bytes]:
    """The raw line of every document, in id order (the lines phase 1 found bad are skipped)."""
    for path in shards.paths:
        skip = bad.lines.get(str(path), set())
        for number, line in shard_lines(path):
            if number not in skip:
                yield line


def write_kept(shards: InputShards, table: DocTable, removed: dict[int, dict[str, Any]], bad: BadLines,
               output_dir: Path,
               shard_size: int, compress: str, removed_file: Path | None, checkpoint: NearCheckpoint
               ) -> tuple[ShardWriter, int | None]:
    """Write the records not in ``removed`` (logging those that are); ``(writer, shard resumed at)``."""
    progress = checkpoint.restore_written()
    if progress is None:
        for stale in existing_shards(output_dir):  # a run killed before its first commit
            stale.unlink()
        writer, start = ShardWriter(output_dir, shard_size, compress), 0
        log = RemovedLog(removed_file)
    else:
        writer = ShardWriter.resume(output_dir, len(progress["names"]), shard_size, compress, progress["bytes_out"],
                                    progress["head"])
        start = progress["doc"]
        log = RemovedLog(removed_file, progress["removed_bytes"])
    try:
        with writer:
            for doc, line in enumerate(documents(shards, bad)):
                if doc < start:
                    continue
                entry = removed.get(doc)
                if entry is not None:
                    log.write(entry)
                    continue
                if writer.shard_full:
                    writer.close_shard()
                    checkpoint.save_written(_progress(writer, doc, log))
                if table.canonical[doc]:
                    writer.write_line(line, MASK_KEYS[table.keys[doc]])
                else:
                    writer.write_line(orjson.dumps(orjson.loads(line)) + b"\n")
            writer.close_shard()
            hoisted = writer.hoisted_shards()
            if hoisted:
                checkpoint.keep_before_hoist(hoisted, _progress(writer, len(removed) + writer.records_written, log))
    finally:
        log.close()
    return writer, None if progress is None else len(progress["names"])


def _progress(writer: ShardWriter, doc: int, log: RemovedLog) -> dict[str, Any]:
    return {"names": [path.name for path in writer.paths], "doc": doc, "removed_bytes": log.commit(),
            "bytes_out": writer.bytes_written, "head": writer.head_state()}
