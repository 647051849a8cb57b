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


def signature_task(holder: list[Any], batch: list[tuple[int, str]], bands: int, rows: int,
                   partitions: int) -> Any:
    """Map: signatures and band keys of one batch, split by partition."""
    signature_fn: SignatureFn = worker_get(holder)
    ids = np.array([doc_id for doc_id, _ in batch], dtype=np.uint64)
    signatures = np.asarray(signature_fn([text for _, text in batch]))
    parts = split_by_partition(band_keys(ids, signatures, bands, rows), partitions)
    return parts if partitions > 1 else parts[0]


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
    with executor:
        ray = executor.connect()
        workers = executor.concurrency(ray)
        partitions = partitions or 2 * workers
        window = executor.window or 2 * workers
        mapper = ray.remote(signature_task).options(
            num_cpus=1, num_returns=partitions, max_retries=executor.max_retries, retry_exceptions=True)
        reducer = ray.remote(reduce_task).options(
            num_cpus=1, max_retries=executor.max_retries, retry_exceptions=True)
        holder = [ray.put(signature_fn)]
        shuffled: list[list[Any]] = [[] for _ in range(partitions)]
        in_flight: deque[Any] = deque()
        for batch in batched(documents, executor.batch_size):
            refs = mapper.remote(holder, batch, bands, rows, partitions)
            refs = refs if partitions > 1 else [refs]
            for part, ref in zip(shuffled, refs, strict=True):
                part.append(ref)
            in_flight.append(refs[0])
            if len(in_flight) >= window:  # the oldest map task must finish before we read more
                ray.wait([in_flight.popleft()], num_returns=1, fetch_local=False)
        reduced = [reducer.remote(*chunks) for chunks in shuffled]
        return merge_partitions(_wait(ray, ref, "partition") for ref in reduced)


def _wait(ray: Any, ref: Any, what: str) -> Any:
    try:
        return ray.get(ref)
    except ray.exceptions.RayError as error:
        raise RuntimeError(f"near-dup {what} task failed after retries: {error_summary(error)}") from error
