"""Near-duplicate removal over shards: MinHash LSH, exact check, union-find, keep the best.

Phases (each timed in the manifest), with memory bounded by the number of documents, never
by their text:

1. signatures: the driver reads the shards' raw lines in order; workers (``near_tasks.py``)
   parse and validate them, shingle each text (``shingles.py``), take
   MinHash signatures (``minhash.py``) and reduce them to LSH band hashes (``lsh.py``); the
   driver keeps only the band hashes (``BandStore``, spilled per band over ``memory_limit``)
   and a few numbers per document (score, label, license, stars: ``DocTable``).
2. buckets: band by band, documents with equal band hashes become candidate pairs.
3. verify (``near_verify.py``): pairs below the threshold in exact Jaccard similarity are
   dropped, so LSH false positives never remove anything. When the workers read their own
   blocks, each takes whole components of the candidate graph, reads their lines at their
   offsets and checks and clusters them; otherwise one more sequential read picks the
   candidates' lines and the workers shingle them (spilled to a file) for the driver to check.
4. cluster: union-find over the remaining pairs; in each cluster the best record is kept:
   highest ``quality_score``, then positive over negative, then a license, then stars
   (present, then more), then the first ``source`` in sorted order.
5. write: a last read writes the kept records with ``ShardWriter``, in input order, committed
   shard by shard (``near_write.py``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tritter_data import __version__
from tritter_data.dedup.buckets import BandStore, bucket_pairs
from tritter_data.dedup.config import NearDedupConfig
from tritter_data.dedup.near_resume import CLUSTERS, NearCheckpoint, fingerprint
from tritter_data.dedup.near_tasks import (
    DocTable,
    block_batches,
    line_batches,
    settle_block,
    signature_block,
    signature_lines,
    signature_texts,
)
from tritter_data.dedup.near_verify import verify_located, verify_read
from tritter_data.dedup.near_write import write_kept
from tritter_data.executors.base import Executor
from tritter_data.executors.local import LocalExecutor
from tritter_data.io.blocks import BlockNumbers, ByteBlock
from tritter_data.io.shard_set import BadLines, InputShards, histogram, read_records
from tritter_data.io.writers import write_manifest
from tritter_data.runs.progress import Progress

logger = logging.getLogger(__name__)


# --- phases 2-4 ---------------------------------------------------------------------------------
def candidate_pairs(store: BandStore, valid: np.ndarray) -> np.ndarray:
    """``(k, 2)`` int64 pairs ``u < v`` sharing at least one band bucket, sorted."""
    n = len(valid)
    keys = np.empty(0, dtype=np.int64)
    for band in range(store.bands):
        keys = np.union1d(keys, bucket_pairs(store.band(band), valid))
    return np.stack([keys // max(n, 1), keys % max(n, 1)], axis=1) if len(keys) else np.empty((0, 2), np.int64)


# --- phases 1-2, swappable: (pairs, valid, bytes_in, spilled band bytes) -------------------------
def _candidates_local(shards: InputShards, table: DocTable, bad: BadLines, config: NearDedupConfig,
                      workdir: Path, timings: dict[str, float], quiet: bool, executor: Executor
                      ) -> tuple[np.ndarray, np.ndarray, int, int]:
    """Signatures in the executor, band hashes in a ``BandStore`` here, pairs band by band."""
    started = time.perf_counter()
    store = BandStore(config.lsh.bands, config.memory_limit, workdir)
    valid_parts, bytes_in = [], 0
    progress = Progress("dedup: signatures", quiet=quiet)
    pooled = executor.name == "local" and getattr(executor, "workers", 1) > 1  # workers that share our files
    blocks = block_batches(shards) if pooled else None
    tasks = executor.map_ordered(signature_block, config, blocks) if blocks is not None else \
        executor.map_ordered(signature_lines, config, line_batches(shards, config.batch_size))
    shard_index = {str(path): index for index, path in enumerate(shards.paths)}
    numbers = BlockNumbers()
    for hashes, valid, size, part, lost in tasks:
        for line in settle_block(numbers, part, lost) if blocks is not None else lost:
            bad.add(line)
        table.extend(part, shard_index.get(part.path))
        store.add(hashes)
        valid_parts.append(valid)
        bytes_in += size
        progress.update(len(valid), size)
    progress.close()
    valid = np.concatenate(valid_parts) if valid_parts else np.empty(0, dtype=bool)
    timings["signatures"] = time.perf_counter() - started
    mark = time.perf_counter()
    pairs = candidate_pairs(store, valid)
    spilled = store.spilled_bytes
    store.cleanup()
    timings["buckets"] = time.perf_counter() - mark
    return pairs, valid, bytes_in, spilled


@dataclass(frozen=True)
class RayBandRows:
    """Map side on Ray: ``signature_texts`` (same band hashes) as ``[band, hash, doc]`` rows."""

    config: NearDedupConfig

    def __call__(self, batch: list[tuple[int, str]]) -> tuple[np.ndarray, tuple[np.ndarray, int]]:
        hashes, valid, size = signature_texts(self.config, [text for _, text in batch])
        ids = np.array([doc for doc, _ in batch], dtype=np.uint64)[valid]
        return _band_rows(hashes[valid], ids), (valid, size)


_LOCAL_BITS = 32  # a block's document key: block index << 32 | index within the block
# A Ray map task costs more than a pool task (its rows go through the object store in one
# object per partition): on 247 MB with 2 workers, 1 MB blocks took 2.9-4.7 s for signatures
# and buckets, 4 MB blocks 2.2-2.5 s (the last block's wait grows by a few tens of ms).
RAY_BLOCK_BYTES = 4 << 20


@dataclass(frozen=True)
class RayBlockRows:
    """``RayBandRows`` for a task that reads its own byte block (a local Ray instance shares the
    driver's files): it parses the lines too, so the driver neither parses nor ships them. Rows
    name documents by block and index, made global once every block's count is known."""

    config: NearDedupConfig

    def __call__(self, batch: list[tuple[int, ByteBlock]]) -> tuple[np.ndarray, tuple[Any, ...]]:
        (index, block), = batch
        hashes, valid, size, table, lost = signature_block(self.config, block)
        keys = (np.uint64(index) << np.uint64(_LOCAL_BITS)) + np.arange(len(valid), dtype=np.uint64)
        return _band_rows(hashes[valid], keys[valid]), (valid, size, table, lost)


def _band_rows(hashes: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """``[band, hash, doc]`` rows of documents ``ids`` and their band hashes."""
    bands = hashes.shape[1]
    rows = np.empty((len(ids) * bands, 3), dtype=np.uint64)
    rows[:, 0] = np.tile(np.arange(bands, dtype=np.uint64), len(ids))
    rows[:, 1] = hashes.reshape(-1)
    rows[:, 2] = np.repeat(ids, bands)
    return rows


def bucket_pairs_of_rows(*chunks: np.ndarray) -> np.ndarray:
    """Reduce side on Ray: ``bucket_pairs``' star + chain pairs of each ``(band, hash)`` bucket."""
    keys = np.concatenate(chunks) if chunks else np.empty((0, 3), np.uint64)
    if len(keys) < 2:
        return np.empty((0, 2), np.int64)
    keys = keys[np.lexsort((keys[:, 2], keys[:, 1], keys[:, 0]))]
    same = np.concatenate(([False], (keys[1:, 0] == keys[:-1, 0]) & (keys[1:, 1] == keys[:-1, 1])))
    members = np.flatnonzero(same)
    first = np.maximum.accumulate(np.where(same, 0, np.arange(len(keys))))
    ids = keys[:, 2].astype(np.int64)
    return np.concatenate([np.stack([ids[first[members]], ids[members]], axis=1),
                           np.stack([ids[members - 1], ids[members]], axis=1)])


def _candidates_ray(shards: InputShards, table: DocTable, bad: BadLines, config: NearDedupConfig,
                    _workdir: Path, timings: dict[str, float], quiet: bool, executor: Any
                    ) -> tuple[np.ndarray, np.ndarray, int, int]:
    """Signatures in Ray map tasks, band rows shuffled by hash, pairs in one reduce per partition."""
    started = time.perf_counter()
    blocks = block_batches(shards, RAY_BLOCK_BYTES) if getattr(executor, "address", "") is None else None
    if blocks is not None:  # a local instance: its tasks read the shards themselves
        return _candidates_ray_blocks(shards, blocks, table, bad, config, timings, quiet, executor, started)
    progress = Progress("dedup: signatures", quiet=quiet)

    def documents() -> Iterator[tuple[int, str]]:
        for doc, record in read_records(shards, bad):
            table.add(record)
            progress.update(1, len(record["text"]))  # characters: the bar only
            yield doc, record["text"]

    reduced, extras = executor.shuffle(documents(), RayBandRows(config), bucket_pairs_of_rows,
                                       batch_size=config.batch_size)
    progress.close()
    valid = np.concatenate([v for v, _ in extras]) if extras else np.empty(0, dtype=bool)
    found = np.concatenate([np.empty((0, 2), np.int64), *reduced])
    pairs = np.unique(found, axis=0) if len(found) else found
    timings["signatures_and_buckets"] = time.perf_counter() - started
    return pairs, valid, sum(size for _, size in extras), 0


def _candidates_ray_blocks(shards: InputShards, blocks: Iterator[ByteBlock], table: DocTable, bad: BadLines,
                          config: NearDedupConfig, timings: dict[str, float], quiet: bool, executor: Any, started: float
                          ) -> tuple[np.ndarray, np.ndarray, int, int]:
    """``_candidates_ray`` with map tasks that read and parse their own block (``RayBlockRows``)."""
    progress = Progress("dedup: signatures", quiet=quiet)

    def counted(items: Iterator[ByteBlock]) -> Iterator[tuple[int, ByteBlock]]:
        for index, block in enumerate(items):
            progress.update(0, block[2] - block[1])  # bytes: the bar only
            yield index, block

    reduced, extras = executor.shuffle(counted(blocks), RayBlockRows(config), bucket_pairs_of_rows, batch_size=1)
    progress.close()
    shard_index = {str(path): index for index, path in enumerate(shards.paths)}
    numbers = BlockNumbers()
    for _, _, part, lost in extras:
        table.extend(part, shard_index.get(part.path))
        for line in settle_block(numbers, part, lost):
            bad.add(line)
    counts = np.array([len(valid) for valid, *_ in extras], dtype=np.int64)
    first_doc = np.concatenate(([0], np.cumsum(counts)[:-1])) if len(counts) else counts
    found = np.concatenate([np.empty((0, 2), np.uint64), *reduced]).astype(np.uint64)
    found = (first_doc[(found >> np.uint64(_LOCAL_BITS)).astype(np.int64)]
             + (found & np.uint64((1 << _LOCAL_BITS) - 1)).astype(np.int64))
    pairs = np.unique(found, axis=0) if len(found) else found.reshape(0, 2)
    valid = np.concatenate([v for v, *_ in extras]) if extras else np.empty(0, dtype=bool)
    timings["signatures_and_buckets"] = time.perf_counter() - started
    return pairs, valid, sum(size for _, size, *_ in extras), 0


# --- the driver ----------------------------------------------------------------------------------
def near_dedup(shards: InputShards, output_dir: Path, config: NearDedupConfig, *, shard_size: int,
               compress: str, removed_file: Path | None = None, quiet: bool = True,
               executor: Executor | None = None) -> dict[str, Any]:
    """Remove near-duplicates from ``shards`` into ``output_dir``; returns (and writes) the manifest.

    ``executor`` (default: a local pool of ``config.workers``) parses the lines and computes
    the signatures and the candidates' shingle sets. One that offers
    ``shuffle`` (Ray) also buckets the band hashes (``_candidates_ray``); the same candidate
    pairs come back, so verification, clusters and shards are the same bytes. Each finished
    phase is committed in ``output_dir`` (``near_resume.py``): the same call after a kill goes on.
    """
    if executor is None:
        executor = LocalExecutor(config.workers, batch_size=1)
    with executor:  # one pool for every phase (inside the caller's session, when there is one)
        return _near_dedup(shards, output_dir, config, shard_size, compress, removed_file, quiet, executor)


def _near_dedup(shards: InputShards, output_dir: Path, config: NearDedupConfig, shard_size: int,
                compress: str, removed_file: Path | None, quiet: bool, executor: Executor) -> dict[str, Any]:
    started, cpu = time.perf_counter(), time.process_time()
    timings: dict[str, float] = {}
    params = config.lsh
    table, bad = DocTable(), BadLines()
    output_dir.mkdir(parents=True, exist_ok=True)
    checkpoint = NearCheckpoint(output_dir, fingerprint(shards, config, shard_size, compress, removed_file))
    resumed = checkpoint.start()
    workdir = checkpoint.directory
    if resumed is None:
        find = _candidates_ray if hasattr(executor, "shuffle") else _candidates_local
        pairs, valid, bytes_in, spilled = find(shards, table, bad, config, workdir, timings, quiet, executor)
        checkpoint.save_candidates(pairs, valid, bytes_in, spilled, table, bad)
    else:
        logger.warning("%s: resuming near-dedup after its %s phase", output_dir, resumed)
        pairs, valid, bytes_in, spilled = checkpoint.restore_candidates(table, bad)
    n = len(table)
    if resumed == CLUSTERS:
        removed, verified, sizes = checkpoint.restore_clusters()
    else:
        removed, verified, sizes = (verify_located(shards, pairs, table, config, timings, executor)
                                    if config.verify and table.located() else
                                    verify_read(shards, pairs, table, bad, config, workdir, timings, executor))
        checkpoint.save_clusters(removed, verified, sizes)

    mark = time.perf_counter()
    writer, resumed_shard = write_kept(shards, table, removed, bad, output_dir, shard_size, compress, removed_file,
                                       checkpoint, executor)
    timings["write"] = time.perf_counter() - mark

    elapsed = time.perf_counter() - started
    manifest = {
        "command": "dedup",
        "version": __version__,
        "input_dir": str(shards.directory),
        "output_dir": str(output_dir),
        "parameters": {**asdict(config), "executor": getattr(executor, "name", "local"), "bands": params.bands, "rows": params.rows,
                       "false_positive_area": round(params.false_positive_area, 6),
                       "false_negative_area": round(params.false_negative_area, 6),
                       "shard_size": shard_size, "compress": compress},
        "input_records": n,
        "kept": n - len(removed),
        "removed": len(removed),
        **bad.to_dict(),
        "documents_without_shingles": int(n - valid.sum()),
        "candidate_pairs": len(pairs),
        "verified_pairs": verified,
        "clusters": len(sizes),
        "cluster_size_histogram": histogram(sizes),
        "spilled_band_bytes": spilled,
        "bytes_in": bytes_in,
        "bytes_out": writer.bytes_written,
        "shards": [path.name for path in writer.paths],
        "removed_file": str(removed_file) if removed_file else None,
        "stage_seconds": {name: round(value, 3) for name, value in timings.items()},
        "elapsed_seconds": round(elapsed, 3),
        "cpu_seconds": round(time.process_time() - cpu, 3),  # this process; workers not included
        "mb_per_second": round(bytes_in / 1e6 / elapsed, 2) if elapsed > 0 else None,
    }
    if resumed is not None:
        manifest["resumed_after"] = resumed
    if resumed_shard is not None:
        manifest["resumed_write_after_shards"] = resumed_shard
    write_manifest(output_dir / "manifest.json", manifest)
    checkpoint.finish()
    return manifest
