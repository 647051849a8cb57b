"""The default executor: in-process for one worker, a process pool for more.

Batches go out and come back in input order (a bounded window of ``apply_async``), so the driver sees results in
the same order whatever the number of workers, and the output is byte-identical.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from multiprocessing.pool import AsyncResult

from tritter_data.core.sample import Reject, Sample, StageResult
from tritter_data.core.stage import Stage, run_stages

Finalize = Callable[[StageResult], StageResult]
_WORKER_STAGES: Sequence[Stage] = ()
_WORKER_FINALIZE: Finalize | None = None


def batched(items: Iterable[Sample | Reject], size: int) -> Iterator[list[Sample | Reject]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _init_worker(stages: Sequence[Stage], finalize: Finalize | None) -> None:
    global _WORKER_STAGES, _WORKER_FINALIZE
    _WORKER_STAGES, _WORKER_FINALIZE = stages, finalize


def run_batch(stages: Sequence[Stage], batch: list[Sample | Reject], finalize: Finalize | None) -> list[StageResult]:
    """Run the stages over one batch, then ``finalize`` each result (in the worker)."""
    results = [run_stages(stages, item) for item in batch]
    return [finalize(result) for result in results] if finalize else results


def _run_batch(batch: list[Sample | Reject]) -> list[StageResult]:
    return run_batch(_WORKER_STAGES, batch, _WORKER_FINALIZE)


class LocalExecutor:
    """``map`` stages over items with ``workers`` processes, keeping input order."""

    def __init__(self, workers: int = 1, batch_size: int = 64):
        if workers < 1:
            raise ValueError(f"workers must be >= 1, got {workers}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}")
        self.workers = workers
        self.batch_size = batch_size

    def map(
        self, stages: Sequence[Stage], items: Iterable[Sample | Reject], finalize: Finalize | None = None
    ) -> Iterator[StageResult]:
        """Results in input order. ``finalize`` runs in the worker on each result, e.g.
        to serialise the output record there and send back bytes instead of text."""
        if self.workers == 1:
            for item in items:
                result = run_stages(stages, item)
                yield finalize(result) if finalize else result
            return
        context = multiprocessing.get_context("spawn" if _fork_unsafe() else "fork")
        window = self.workers * 4  # batches in flight: bounded memory, no idle worker
        with context.Pool(self.workers, initializer=_init_worker, initargs=(stages, finalize)) as pool:
            pending: deque[AsyncResult[list[StageResult]]] = deque()
            for batch in batched(items, self.batch_size):
                pending.append(pool.apply_async(_run_batch, (batch,)))
                if len(pending) >= window:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()


def _fork_unsafe() -> bool:
    import sys

    return sys.platform == "darwin"
