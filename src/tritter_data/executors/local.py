"""The default executor: in-process for one worker, a process pool for more.

``map_ordered`` keeps a bounded window of batches in flight and yields their results in
input order, so the output is byte-identical whatever the number of workers. ``shared`` goes
to each worker once per map. Inside a session (``with executor:``) every map of the run uses
one pool, started at the first map and stopped when the session ends; outside one, each map
starts and stops its own. The pool itself, and why it survives dying workers and Ctrl-C,
is in ``process_pool.py``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from tritter_data.core.sample import Reject, Sample, StageResult
from tritter_data.core.stage import Stage, run_stages
from tritter_data.executors.base import Finalize, OnLost, StageMap, batched
from tritter_data.executors.process_pool import SessionPool

__all__ = ["Finalize", "LocalExecutor", "batched"]
R = TypeVar("R")


class LocalExecutor(StageMap):
    """Ordered map over batches with ``workers`` processes (in-process for one)."""

    name = "local"

    def __init__(self, workers: int = 1, batch_size: int = 64, max_retries: int = 1):
        if workers < 1:
            raise ValueError(f"workers must be >= 1, got {workers}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}")
        self.workers = workers
        self.batch_size = batch_size
        self.max_retries = max_retries
        self._depth = 0  # nested sessions (prepare's, then its post steps') share the outer one
        self._pool: SessionPool | None = None

    def __enter__(self) -> LocalExecutor:
        self._depth += 1
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self._depth -= 1
        if self._depth == 0 and self._pool is not None:
            pool, self._pool = self._pool, None
            pool.stop(kill=exc_type is not None)

    @property
    def pools_started(self) -> int:
        """Worker pools started in the current session (one, unless workers died)."""
        return self._pool.pools_started if self._pool is not None else 0

    def map(self, stages: Sequence[Stage], items: Iterable[Sample | Reject],
            finalize: Finalize | None = None) -> Iterator[StageResult]:
        """In-process, one item at a time: a consumer that stops early (curate's ``--max-samples``,
        its parts) has read, fetched and processed nothing beyond what it took."""
        if self.workers > 1:
            yield from super().map(stages, items, finalize)
            return
        for item in items:
            result = run_stages(stages, item)
            yield finalize(result) if finalize else result

    def map_ordered(self, fn: Callable[[Any, Any], R], shared: Any, batches: Iterable[Any],
                    on_lost: OnLost | None = None) -> Iterator[R]:
        if self.workers == 1:
            os.environ.setdefault("RAYON_NUM_THREADS", "1")  # one worker, one core (see process_pool._init_worker)
            for batch in batches:
                yield fn(shared, batch)
            return
        if self._depth > 0:
            if self._pool is None:
                self._pool = SessionPool(self.workers, self.max_retries)
            yield from self._pool.map(fn, shared, iter(batches), on_lost)
            return
        pool = SessionPool(self.workers, self.max_retries)  # no session: this map's own pool
        try:
            yield from pool.map(fn, shared, iter(batches), on_lost)
        finally:
            pool.stop()


