"""``prepare`` commits its output shard by shard, so the same command after a kill goes on.

Each time a shard is complete (the next record would open a new one) the run checkpoints, in
``OUT/.parts/``:

1. ``seen.jsonl``: the exact-dedup memory added since the last checkpoint (content digest and
   first source of every sample that passed exact dedup), appended and fsynced;
2. ``prepare.json``, atomically: the options' fingerprint, the shards complete so far, the
   input items consumed, the run's ``RunStats`` and the lines of ``seen.jsonl`` that count.

After SIGKILL, ENOSPC or Ctrl-C, the same command finds the checkpoint (same fingerprint, no
``manifest.json``), drops what came after it (a half-written shard, extra ``seen`` lines),
restores the dedup memory and the stats, skips the consumed input (walked, but neither screened
nor read) and writes on: the shards are the bytes of an uninterrupted run (the schema head's
bookkeeping is in the checkpoint too, so no finished shard is read again). The
directory is removed when the manifest is written. Local output directories only.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tritter_data import __version__
from tritter_data.dedup.exact import ExactDedup
from tritter_data.io.shards import existing_shards
from tritter_data.io.writers import ShardWriter, shard_name, write_manifest
from tritter_data.runs.stats import RunStats

PARTS = ".parts"
STATE = "prepare.json"
SEEN = "seen.jsonl"
HOIST = "hoist"  # hard links to the shards the schema hoist rewrites, while it runs


def fingerprint(options: dict[str, Any]) -> str:
    """What decides the output bytes; workers, executor and batch size do not."""
    keys = ("input_dir", "shard_size", "min_quality", "positive_only", "languages", "compress", "exclude")
    chosen = {key: options[key] for key in keys} | {"version": __version__}
    return hashlib.sha256(json.dumps(chosen, sort_keys=True).encode()).hexdigest()[:16]


def checkpoint_of(output_dir: Path, digest: str) -> dict[str, Any] | None:
    """The checkpoint an unfinished run with the same options left in ``output_dir``, if any."""
    path = output_dir / PARTS / STATE
    if (output_dir / "manifest.json").exists() or not path.is_file():
        return None
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    return state if state.get("fingerprint") == digest else None


@dataclass
class Checkpoints:
    """The run's side of the checkpoints: what to record now, and what a resumed run restores."""

    output_dir: Path
    digest: str
    consumed: int = 0  # input items before the first one this session processes
    _seen_lines: int = 0
    _pending: list[bytes] = field(default_factory=list)

    @property
    def parts(self) -> Path:
        return self.output_dir / PARTS

    def start(self) -> None:
        shutil.rmtree(self.parts, ignore_errors=True)
        self.parts.mkdir(parents=True)

    def restore(self, state: dict[str, Any], dedup: ExactDedup, shard_size: int, compress: str
                ) -> tuple[RunStats, ShardWriter]:
        """Undo what came after the checkpoint; return the stats and a writer that go on from it."""
        hoist = self.parts / HOIST
        if hoist.is_dir():  # killed mid-hoist (or after it): the head shards get their bytes from before it
            for link in hoist.iterdir():
                shard = self.output_dir / link.name
                if shard.exists() and os.path.samefile(link, shard):
                    link.unlink()  # not rewritten yet; rename() between two links of one file does nothing
                else:
                    os.replace(link, shard)
            hoist.rmdir()
        keep = {shard_name(index, compress) for index in range(state["shards"])}
        for path in existing_shards(self.output_dir):
            if path.name not in keep:
                path.unlink()
        for path in self.output_dir.glob("shard_*.tmp"):
            path.unlink()
        seen = self.parts / SEEN
        with open(seen, "r+b") as handle:
            lines = handle.read().splitlines(keepends=True)[: state["seen_lines"]]
            handle.seek(0)
            handle.write(b"".join(lines))
            handle.truncate()
        for line in lines:
            entry = json.loads(line)
            dedup._seen[bytes.fromhex(entry["h"])] = entry["s"]
        self._seen_lines, self.consumed = len(lines), state["consumed"]
        writer = ShardWriter.resume(self.output_dir, state["shards"], shard_size, compress, state["bytes_out"],
                                    state.get("head"))
        return RunStats.from_dict(state["stats"]), writer

    def seen(self, content_hash: str | None, source: str) -> None:
        """A sample passed exact dedup: remember it at the next checkpoint."""
        if content_hash:
            self._pending.append(json.dumps({"h": content_hash, "s": source}).encode() + b"\n")

    def commit(self, writer: ShardWriter, stats: RunStats) -> None:
        """The current shard is complete: close it and record the run's state up to here."""
        writer.close_shard()
        with open(self.parts / SEEN, "ab") as handle:
            handle.write(b"".join(self._pending))
            handle.flush()
            os.fsync(handle.fileno())
        self._seen_lines += len(self._pending)
        self._pending.clear()
        state = {"fingerprint": self.digest, "shards": len(writer.paths), "consumed": stats.input_files,
                 "seen_lines": self._seen_lines, "bytes_out": writer.bytes_written, "stats": stats.to_dict(),
                 "head": writer.head_state()}  # a resumed writer need not read the shards done
        write_manifest(self.parts / STATE, state)

    def keep_before_hoist(self, writer: ShardWriter, stats: RunStats) -> None:
        """Every input is in: commit the last shard, then hard-link the shards the schema hoist
        rewrites (it writes new files, so the links keep the old bytes) for a kill mid-hoist."""
        hoisted = writer.hoisted_shards()
        if not hoisted:
            return
        self.commit(writer, stats)
        directory = self.parts / HOIST
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir()
        for path in hoisted:
            os.link(path, directory / path.name)

    def finish(self) -> None:
        shutil.rmtree(self.parts, ignore_errors=True)
