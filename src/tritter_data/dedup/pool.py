"""Ordered parallel map over batches for the post-processing steps.

Results come back in submission order (a bounded window of ``apply_async``), so a step's
output does not depend on the number of workers; with one worker everything runs in-process.
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


def ordered_map(func: Callable[[T], R], batches: Iterable[T], workers: int,
                initializer: Callable[..., None], initargs: tuple[Any, ...]) -> Iterator[R]:
    """``func`` over ``batches`` in ``workers`` processes (set up by ``initializer``), in order."""
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
