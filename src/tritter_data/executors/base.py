"""The executor contract: one session per run, one ordered map, an optional shuffle.

Every parallel loop of the package — the per-file stages of ``prepare`` and curate, the
signatures and the verification of near-dedup, the decontamination check — is one call::

    with executor:                                   # the session: a pool, a Ray connection
        for result in executor.map_ordered(fn, shared, batches):
            ...                                      # one result per batch, in input order

``fn(shared, batch)`` is a module-level function; ``shared`` (stage list, MinHash config,
benchmark index) goes to each worker once per call, not with every batch. A batch whose
worker died and whose retries are spent is *lost*: ``map_ordered`` raises ``BatchLost``,
unless the caller passes ``on_lost(batch, error)`` to stand in for its result. The runner
decides what a lost batch means: for the per-file stages it is one ``task_failed`` reject per
file (``failed_batch``), so no file is ever silently missing; a global step cannot skip
documents, so it lets ``BatchLost`` end the run with one line.

``shuffle`` (hash-partitioned map/reduce) exists only where the engine offers one (Ray).

    >>> from tritter_data.executors.local import LocalExecutor
    >>> with LocalExecutor(workers=1) as executor:
    ...     list(executor.map_ordered(scale, 10, [[1, 2], [3]]))
    [[10, 20], [30]]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, Protocol, TypeVar

from tritter_data.core.sample import Reject, Sample, StageResult
from tritter_data.core.stage import Stage, run_stages

B = TypeVar("B")
R = TypeVar("R")
Finalize = Callable[[StageResult], StageResult]
OnLost = Callable[[Any, BaseException], Any]
TASK_FAILED = "task_failed"


class BatchLost(RuntimeError):
    """A batch that no worker could finish (it died, retries spent)."""

    def __init__(self, size: int, error: BaseException):
        super().__init__(f"a batch of {size} items was lost after retries: {error_summary(error)}")
        self.error = error


class Executor(Protocol):
    """What every engine offers; see the module docstring."""

    workers: int | None
    batch_size: int

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc: object) -> None: ...

    def map_ordered(self, fn: Callable[[Any, Any], R], shared: Any, batches: Iterable[Any],
                    on_lost: OnLost | None = None) -> Iterator[R]: ...

    def map(self, stages: Sequence[Stage], items: Iterable[Sample | Reject],
            finalize: Finalize | None = None) -> Iterator[StageResult]: ...


def scale(factor: int, batch: list[int]) -> list[int]:
    """A tiny ``fn`` for the examples: each item times ``shared``."""
    return [factor * item for item in batch]


def batched(items: Iterable[B], size: int) -> Iterator[list[B]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def run_stage_batch(shared: tuple[Sequence[Stage], Finalize | None], batch: list[Sample | Reject]
                    ) -> list[StageResult]:
    """The stages over one batch, then ``finalize`` each result (in the worker)."""
    stages, finalize = shared
    results = [run_stages(stages, item) for item in batch]
    return [finalize(result) for result in results] if finalize else results


def error_summary(error: BaseException) -> str:
    """The line that names the error: Ray's messages end with it, after a traceback."""
    cause = getattr(error, "cause", None)  # RayTaskError wraps the task's own exception
    text = str(cause if isinstance(cause, BaseException) else error).strip()
    return text.splitlines()[-1] if text else ""


def failed_batch(batch: Sequence[Sample | Reject], error: BaseException) -> list[StageResult]:
    """One ``task_failed`` reject per file of a lost batch: the runner's answer to ``BatchLost``."""
    detail = f"{type(error).__name__}: {error_summary(error)}"[:300]
    return [
        item if isinstance(item, Reject)
        else Reject(item.source, TASK_FAILED, detail, item.size_bytes, item.language)
        for item in batch
    ]


class StageMap:
    """``map``: the per-file stages over items, built on ``map_ordered`` (mixed into executors)."""

    batch_size: int

    def map_ordered(self, fn: Callable[[Any, Any], R], shared: Any, batches: Iterable[Any],
                    on_lost: OnLost | None = None) -> Iterator[R]:
        raise NotImplementedError

    def map(self, stages: Sequence[Stage], items: Iterable[Sample | Reject],
            finalize: Finalize | None = None) -> Iterator[StageResult]:
        """Results in input order. ``finalize`` runs in the worker on each result, e.g. to
        serialise the output record there and send back bytes instead of text."""
        pending: list[list[Sample | Reject]] = []

        def batches() -> Iterator[list[Sample | Reject]]:
            for batch in batched(items, self.batch_size):
                pending.append(batch)
                yield batch

        for outcome in self.map_ordered(run_stage_batch, (tuple(stages), finalize), batches(), failed_batch):
            batch = pending.pop(0)
            if len(outcome) != len(batch):  # a task must account for every file it was given
                outcome = failed_batch(batch, RuntimeError(f"{len(outcome)} results for {len(batch)} files"))
            yield from outcome
