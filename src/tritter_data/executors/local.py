"""The default executor: in-process for one worker, a process pool for more.

``map_ordered`` keeps a bounded window of batches in flight and yields their results in
input order, so the output is byte-identical whatever the number of workers. ``shared`` goes
to each worker once, through the pool's initializer.

Why ``concurrent.futures`` and not ``multiprocessing.Pool``: a Pool whose worker dies (OOM
killer, a segfault in a C extension) loses the task and waits for it forever, and a worker
killed while it holds the result pipe's lock (Ctrl-C reaches the whole process group) blocks
the pool's shutdown: ``prepare --workers 2`` hung on Ctrl-C about one time in twenty. Here
the workers ignore SIGINT — only the driver handles it, and it kills the workers outright —
and a dead worker breaks the pool visibly (``BrokenProcessPool``). The driver then starts a
new pool and re-runs the batches that were in flight one at a time, so the batch that kills
its worker is found and reported as lost (``BatchLost`` / ``on_lost``), and only that one.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from tritter_data.core.sample import Reject, Sample, StageResult
from tritter_data.core.stage import Stage, run_stages
from tritter_data.executors.base import BatchLost, Finalize, OnLost, StageMap, batched

__all__ = ["Finalize", "LocalExecutor", "batched"]
R = TypeVar("R")
_SHARED: list[Any] = []  # per worker process: the ``shared`` of the current map


def _die_with_driver(driver: int | None) -> None:
    """Linux: the worker gets SIGKILL when the driver dies. A driver killed by SIGKILL would
    otherwise leave its workers waiting on each other's pipe ends forever, holding the output
    directory's lock (an inherited descriptor), so the same command could not resume."""
    if sys.platform != "linux" or driver is None:  # a forkserver's child: the server is its parent
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != driver:  # the driver died before the request took effect
        os._exit(1)


def _init_worker(shared: Any, driver: int | None, environment: dict[str, str] | None) -> None:
    _die_with_driver(driver)
    if environment is not None:  # a forkserver child: the server kept the environment it started with
        os.environ.clear()
        os.environ.update(environment)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the driver's to handle
    # One worker, one core: Rust extensions (rensa's MinHash) would otherwise start a thread per
    # CPU in every worker, so that --workers 2 ran 2 x CPUs threads and scaled not at all.
    os.environ.setdefault("RAYON_NUM_THREADS", "1")
    _SHARED[:] = [shared]


def _start_method() -> str:
    """``fork`` (fast, shares the driver's memory), unless the driver already runs a Rust thread pool.

    A forked child inherits the pool's locks but not its threads: rensa's rayon pool, started
    when this process computed MinHash signatures itself (``--workers 1`` earlier in the same
    process, as in the tests), then waits forever in the child. The forkserver forks from a
    clean process instead, at the cost of a second or so of start-up.
    """
    if sys.platform == "darwin":
        return "spawn"
    from tritter_data.dedup import minhash

    return "forkserver" if minhash.thread_pool_started() else "fork"


def _wait(future: Future[Any]) -> Any:
    """``future.result()`` in short waits: Ctrl-C may be delivered to one of the pool's threads,
    and then only a main thread that wakes up now and then sees it (one long file kept a
    run waiting minutes after Ctrl-C)."""
    while True:
        try:
            return future.result(timeout=0.2)
        except TimeoutError:
            continue


def _call(fn: Callable[[Any, Any], Any], batch: Any) -> Any:
    return fn(_SHARED[0], batch)


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

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

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
            os.environ.setdefault("RAYON_NUM_THREADS", "1")  # one worker, one core (see _init_worker)
            for batch in batches:
                yield fn(shared, batch)
            return
        yield from _PoolMap(self.workers, fn, shared, on_lost, self.max_retries).run(iter(batches))


class _PoolMap:
    """One ``map_ordered`` over a process pool, restarted when a worker dies."""

    def __init__(self, workers: int, fn: Callable[[Any, Any], Any], shared: Any, on_lost: OnLost | None,
                 max_retries: int):
        self.workers, self.fn, self.shared = workers, fn, shared
        self.on_lost, self.max_retries = on_lost, max_retries
        self.window = 4 * workers  # batches in flight: bounded memory, no idle worker
        self.pool: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        method = _start_method()
        driver = os.getpid() if method == "fork" else None
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context(method),
                                   initializer=_init_worker,
                                   initargs=(self.shared, driver, None if driver else dict(os.environ)))

    def run(self, batches: Iterator[Any]) -> Iterator[Any]:
        """Results in input order. After a crash the batches that were in flight run again
        one at a time (``alone``): a crash then names its batch, which is retried
        ``max_retries`` times and then lost; the others go on unharmed."""
        self.pool = self._start()
        pending: deque[tuple[Any, Future[Any], int, bool]] = deque()  # batch, future, tries, alone
        retry: deque[tuple[Any, int]] = deque()
        finished = False
        try:
            while True:
                isolating = bool(retry) or any(alone for *_, alone in pending)
                while len(pending) < (1 if isolating else self.window):
                    if retry:
                        batch, tries = retry.popleft()
                    elif (batch := next(batches, None)) is None:
                        break
                    else:
                        tries = 0
                    pending.append((batch, self._submit(batch), tries, isolating))
                if not pending:
                    finished = True
                    return
                batch, future, tries, alone = pending[0]
                try:
                    result = _wait(future)
                except BrokenProcessPool as error:
                    self._restart()
                    if not alone:  # someone in flight killed the pool: find out who
                        retry.extendleft(reversed([(b, t) for b, _, t, _ in pending]))
                        pending.clear()
                        continue
                    pending.popleft()
                    if tries < self.max_retries:
                        retry.appendleft((batch, tries + 1))
                        continue
                    if self.on_lost is None:
                        raise BatchLost(len(batch), error) from None
                    yield self.on_lost(batch, error)
                    continue
                pending.popleft()
                yield result
        finally:
            # Done: a clean shutdown joins every thread of the pool before another pool forks.
            # Stopped early (Ctrl-C, an error, the consumer gone): kill the workers at once.
            self._stop(kill=not finished)

    def _submit(self, batch: Any) -> Future[Any]:
        """Submit a batch; to a pool that broke since the last look, as a failed future (the
        failure is then handled in order, like any other)."""
        assert self.pool is not None
        try:
            return self.pool.submit(_call, self.fn, batch)
        except BrokenProcessPool as error:
            future: Future[Any] = Future()
            future.set_exception(error)
            return future

    def _restart(self) -> None:
        self._stop(kill=True)
        self.pool = self._start()

    def _stop(self, kill: bool) -> None:
        """Shut the pool down; ``kill`` terminates the workers (early exit, Ctrl-C, a crash)."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        if not kill:
            pool.shutdown(wait=True)
            return
        # ``shutdown(wait=False)`` forgets these: keep them to finish the job below.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        results = getattr(pool, "_result_queue", None)
        manager = getattr(pool, "_executor_manager_thread", None)
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.kill()
        for process in processes:
            process.join(timeout=5)
        # A worker killed while sending its result leaves half a message in the result pipe, and
        # the pool's manager thread waits for the rest forever (and the interpreter, at exit,
        # for that thread). The driver holds the pipe's last write end: closing it turns the
        # wait into end-of-file, which the manager thread treats as a broken pool and ends.
        writer = getattr(results, "_writer", None)
        if writer is not None:
            writer.close()
        if manager is not None:
            manager.join(timeout=10)
