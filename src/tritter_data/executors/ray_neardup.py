"""Near-duplicate clustering on Ray: signatures in parallel, band buckets shuffled by hash.

The phases are those of ``lsh_shuffle`` (read it first); here each one is a Ray task:

- map: one task per batch of ``(doc_id, text)`` computes the MinHash signatures with the
  caller's ``signature_fn`` (broadcast once), the band keys, and returns one array per
  partition (``num_returns=partitions``), so a reducer fetches only its own share;
  at most ``window`` map tasks run or wait at once (backpressure on the input);
- reduce: one task per partition clusters its buckets (union-find within the partition);
- merge: the driver joins the per-partition components (global union-find).

Memory per worker: a map task holds one batch; a reduce task about
``24 * docs * bands / partitions`` bytes, so pick ``partitions`` from the corpus size
(``partitions_for``). Shuffle data lives in Ray's object store, which spills to disk.

The interface to the dedup step is one picklable callable: ``signature_fn(texts) ->
(len(texts), num_perm)`` unsigned ints, e.g. a frozen dataclass wrapping the shingler and
``MinHasher.signatures``. Results equal ``lsh_shuffle.near_duplicates_local`` exactly.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from tritter_data.executors.local import batched
from tritter_data.executors.lsh_shuffle import (
    band_keys,
    cluster_partition,
    merge_partitions,
    split_by_partition,
)
from tritter_data.executors.ray import RayExecutor, error_summary, worker_get

SignatureFn = Callable[[Sequence[str]], np.ndarray]
#: ``key_fn(batch) -> ((m, 3) uint64 rows [band, hash, doc], side result)``, run in the map tasks.
KeyFn = Callable[[list[Any]], tuple[np.ndarray, Any]]
#: Rows a reduce task should hold at most (24 bytes each: about 1.2 GB).
ROWS_PER_PARTITION = 50_000_000


def partitions_for(documents: int, bands: int, workers: int, rows_per_partition: int = ROWS_PER_PARTITION) -> int:
    """Enough partitions to keep every reducer under its row budget, and every worker busy.

    >>> partitions_for(10_000_000, 17, workers=16)  # 170 M rows -> 4 would do; 16 workers
    16
    >>> partitions_for(1_000_000_000, 17, workers=16)
    340
    """
    return max(workers, math.ceil(documents * bands / rows_per_partition))


def reduce_task(*chunks: np.ndarray) -> np.ndarray:
    return cluster_partition(chunks)


def ray_near_duplicates(
    executor: RayExecutor,
    documents: Iterable[tuple[int, str]],
    signature_fn: SignatureFn,
    bands: int,
    rows: int,
    partitions: int | None = None,
) -> np.ndarray:
    """``(duplicate id, kept id)`` rows, sorted; the kept one is the smallest id of its cluster.

    ``documents`` is streamed in batches of ``executor.batch_size``. A map or reduce task
    that still fails after Ray's retries raises ``RuntimeError`` (a failed map task
    surfaces through the reducers that need its output): a global step cannot drop
    documents silently.
    """
    key_fn = BandKeys(signature_fn, bands, rows)
    reduced, _ = ray_shuffle(executor, documents, key_fn, reduce_task, executor.batch_size, partitions)
    return merge_partitions(reduced)


@dataclass(frozen=True)
class BandKeys:
    """A ``KeyFn``: ``band_keys`` of a batch's signatures, no side result."""

    signature_fn: SignatureFn
    bands: int
    rows: int

    def __call__(self, batch: list[Any]) -> tuple[np.ndarray, None]:
        ids = np.array([doc_id for doc_id, _ in batch], dtype=np.uint64)
        signatures = np.asarray(self.signature_fn([text for _, text in batch]))
        return band_keys(ids, signatures, self.bands, self.rows), None


def shuffle_task(holder: list[Any], batch: list[Any], partitions: int) -> tuple[Any, ...]:
    """Map: ``key_fn(batch)`` -> ``(band, hash, doc)`` rows split by partition, then the side result."""
    key_fn: KeyFn = worker_get(holder)
    keys, extra = key_fn(batch)
    return (*split_by_partition(keys, partitions), extra)


def ray_shuffle(
    executor: RayExecutor,
    items: Iterable[Any],
    key_fn: KeyFn,
    reducer: Callable[..., Any],
    batch_size: int,
    partitions: int | None = None,
) -> tuple[list[Any], list[Any]]:
    """Hash-partitioned map/reduce: ``reducer(*chunks)`` per partition, and each batch's side result.

    ``key_fn(batch) -> (rows, extra)`` runs in a map task per batch (broadcast once); rows
    ``[band, hash, doc]`` meet their equal ``(band, hash)`` in one partition, whose reduce
    task gets every batch's chunk in batch order. Returns the reducers' results in partition
    order and the ``extra`` of every batch in input order. A task that fails after Ray's
    retries raises ``RuntimeError``.
    """
    with executor:
        ray = executor.connect()
        workers = executor.concurrency(ray)
        partitions = partitions or 2 * workers
        window = executor.window or 2 * workers
        mapper = ray.remote(shuffle_task).options(
            num_cpus=1, num_returns=partitions + 1, max_retries=executor.max_retries, retry_exceptions=True)
        reduce = ray.remote(reducer).options(num_cpus=1, max_retries=executor.max_retries, retry_exceptions=True)
        holder = [ray.put(key_fn)]
        shuffled: list[list[Any]] = [[] for _ in range(partitions)]
        extras: list[Any] = []
        in_flight: deque[Any] = deque()
        for batch in batched(items, batch_size):
            refs = mapper.remote(holder, batch, partitions)
            for part, ref in zip(shuffled, refs[:partitions], strict=True):
                part.append(ref)
            extras.append(refs[partitions])
            in_flight.append(refs[partitions])
            if len(in_flight) >= window:  # the oldest map task must finish before we read more
                ray.wait([in_flight.popleft()], num_returns=1, fetch_local=False)
        reduced = [reduce.remote(*chunks) for chunks in shuffled]
        return [_wait(ray, ref, "partition") for ref in reduced], [_wait(ray, ref, "map") for ref in extras]


def _wait(ray: Any, ref: Any, what: str) -> Any:
    try:
        return ray.get(ref)
    except ray.exceptions.RayError as error:
        raise RuntimeError(f"near-dup {what} task failed after retries: {error_summary(error)}") from error
