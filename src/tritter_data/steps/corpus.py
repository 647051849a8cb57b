"""The corpus-step contract: ``step.run(source, destination, executor) -> report``.

Exact dedup, near-dedup and decontamination are global steps: they read a whole shard set
(``io/shard_set.InputShards``: prepare's shards or curate's ``{language}_curated.jsonl``) and
write a new one into ``destination``, with the executor of the run doing the parallel work.
``dedup``, ``decontaminate``, ``prepare --near-dedup --decontaminate`` and
``curate --near-dedup --decontaminate`` all build a step and call ``run`` the same way, so a
step behaves alike whichever command runs it. The report is the step's manifest (also
written as ``destination/manifest.json``); ``removed`` counts the records it dropped, which
the calling run books under ``reason``.

    >>> ExactDedupStep().reason, NearDedupStep(NearDedupConfig()).reason
    ('exact_duplicate', 'near_duplicate')
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from tritter_data import __version__
from tritter_data.dedup.near import NearDedupConfig, near_dedup
from tritter_data.executors.base import Executor
from tritter_data.io.shard_set import BadLines, InputShards, RemovedLog, read_records
from tritter_data.io.writers import ShardWriter, write_manifest

if TYPE_CHECKING:  # the index and its scanner load only for a decontamination
    from tritter_data.decontam.decontaminate import BenchmarkIndex


class CorpusStep(Protocol):
    name: str  # the manifest section of a run that embeds the step
    reason: str  # the reject reason its removals count under

    def run(self, source: InputShards, destination: Path, executor: Executor) -> dict[str, Any]: ...


@dataclass(frozen=True)
class NearDedupStep:
    """MinHash LSH + exact Jaccard check + union-find (``dedup/near.py``)."""

    config: NearDedupConfig
    removed_file: Path | None = None
    quiet: bool = True
    shard_size: int | None = None  # default: the source's
    name: str = "near_dedup"
    reason: str = "near_duplicate"

    def run(self, source: InputShards, destination: Path, executor: Executor) -> dict[str, Any]:
        return near_dedup(source, destination, self.config, shard_size=self.shard_size or source.shard_size,
                          compress=source.compress, removed_file=self.removed_file, quiet=self.quiet,
                          executor=executor)


@dataclass(frozen=True)
class DecontaminateStep:
    """Benchmark problems out (``decontam/decontaminate.py``); the index is broadcast once."""

    index: BenchmarkIndex = field(compare=False)
    removed_file: Path | None = None
    quiet: bool = True
    shard_size: int | None = None
    name: str = "decontaminate"
    reason: str = "benchmark_contamination"

    def run(self, source: InputShards, destination: Path, executor: Executor) -> dict[str, Any]:
        from tritter_data.decontam.decontaminate import decontaminate

        return decontaminate(source, destination, self.index, shard_size=self.shard_size or source.shard_size,
                             compress=source.compress, workers=executor.workers or 1,
                             removed_file=self.removed_file, quiet=self.quiet, executor=executor)


@dataclass(frozen=True)
class ExactDedupStep:
    """Byte-identical texts across the whole set: the first in input order is kept.

    ``prepare`` and curate drop exact copies as they go; this step does it over a set made
    by joining several (e.g. curate outputs of two runs). Hashing is cheaper than moving the
    text to a worker, so it runs in the driver whatever the executor.
    """

    removed_file: Path | None = None
    quiet: bool = True
    shard_size: int | None = None
    name: str = "exact_dedup"
    reason: str = "exact_duplicate"

    def run(self, source: InputShards, destination: Path, executor: Executor) -> dict[str, Any]:
        started = time.perf_counter()
        seen: dict[bytes, str] = {}
        bad = BadLines()
        records = removed = bytes_in = 0
        shard_size = self.shard_size or source.shard_size
        with ShardWriter(destination, shard_size, source.compress) as writer, RemovedLog(self.removed_file) as log:
            for _doc, record in read_records(source, bad):
                data = record["text"].encode("utf-8", "surrogatepass")
                records += 1
                bytes_in += len(data)
                digest = hashlib.blake2b(data, digest_size=16).digest()
                if digest not in seen:
                    seen[digest] = record["source"]
                    writer.write(record)
                else:
                    removed += 1
                    log.write({"source": record["source"], "reason": self.reason, "kept": seen[digest]})
        elapsed = time.perf_counter() - started
        manifest = {
            "command": "dedup", "version": __version__, "input_dir": str(source.directory),
            "output_dir": str(destination),
            "parameters": {"exact": True, "shard_size": shard_size, "compress": source.compress},
            "input_records": records, "kept": records - removed, "removed": removed, **bad.to_dict(),
            "bytes_in": bytes_in, "bytes_out": writer.bytes_written, "shards": [p.name for p in writer.paths],
            "removed_file": str(self.removed_file) if self.removed_file else None,
            "elapsed_seconds": round(elapsed, 3),
            "mb_per_second": round(bytes_in / 1e6 / elapsed, 2) if elapsed > 0 else None,
        }
        write_manifest(destination / "manifest.json", manifest)
        return manifest
