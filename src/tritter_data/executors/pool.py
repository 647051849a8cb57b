"""Ordered parallel map over batches for the post-processing steps.

Results come back in submission order (a bounded window of ``apply_async``), so a step's
output does not depend on the number of workers; with one worker everything runs in-process.
With a ``RayExecutor`` the batches run as Ray tasks instead: ``(func, initializer, initargs)``
is broadcast once through the object store (``map_shared``) and each worker runs
``initializer`` once per broadcast, so the same ``func`` gives the same ordered results.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_INITIALISED: list[int] = []  # per Ray worker: id() of the broadcast last initialised


def ordered_map(func: Callable[[T], R], batches: Iterable[T], workers: int,
                initializer: Callable[..., None], initargs: tuple[Any, ...],
                executor: Any = None) -> Iterator[R]:
    """``func`` over ``batches`` in ``workers`` processes (set up by ``initializer``), in order.

    ``executor``: a ``RayExecutor`` (its ``batch_size`` = batches per task) runs them on Ray.
    """
    if executor is not None:
        yield from executor.map_shared(_run_initialised, (func, initializer, initargs), batches)
        return
    if workers <= 1:
        initializer(*initargs)
        yield from map(func, batches)
        return
    context = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "fork")
    window = workers * 3
    with context.Pool(workers, initializer=initializer, initargs=initargs) as pool:
        pending: deque[AsyncResult[R]] = deque()
        for batch in batches:
            pending.append(pool.apply_async(func, (batch,)))
            if len(pending) >= window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _run_initialised(shared: tuple[Callable[[Any], Any], Callable[..., None], tuple[Any, ...]],
                     batches: list[Any]) -> list[Any]:
    """Body of a Ray task: set the worker up once per broadcast, then ``func`` per batch."""
    func, initializer, initargs = shared
    if [id(shared)] != _INITIALISED:  # the executor caches the broadcast object per worker
        initializer(*initargs)
        _INITIALISED[:] = [id(shared)]
    return [func(batch) for batch in batches]
