"""The local executor's worker processes: one pool per session, shared by every map of a run.

A run maps several times over one pool (prepare's stages, then near-dedup's signatures and
verification, then decontamination): starting the workers once saves their start-up on every
later map, and with it the part of each map where one worker waits for the other to start.

``shared`` reaches each worker once per map. On a pool started for this map, it goes through
the initializer (no pickling under ``fork``). On a pool that is already running, it is
pickled once to a file of the session and each task names it by a token; a worker loads it
on its first task of that map and keeps it for the others. Shared state that cannot be
pickled (a stage holding a compiled parser, say) gets a fresh pool instead.

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
import pickle
import shutil
import signal
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from tritter_data.executors.base import BatchLost, OnLost

_SHARED: dict[int, Any] = {}  # per worker process: token -> the ``shared`` of the current map


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


def _init_worker(token: int, shared: Any, driver: int | None, environment: dict[str, str] | None) -> None:
    _die_with_driver(driver)
    if environment is not None:  # a forkserver child: the server kept the environment it started with
        os.environ.clear()
        os.environ.update(environment)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the driver's to handle
    # One worker, one core: Rust extensions (rensa's MinHash) would otherwise start a thread per
    # CPU in every worker, so that --workers 2 ran 2 x CPUs threads and scaled not at all.
    os.environ.setdefault("RAYON_NUM_THREADS", "1")
    _SHARED.clear()
    _SHARED[token] = shared


def _call(fn: Callable[[Any, Any], Any], token: int, source: str | None, batch: Any) -> Any:
    """One task in a worker: ``fn(shared, batch)``, loading this map's ``shared`` on first use."""
    if token not in _SHARED:
        assert source is not None, "a map's shared state is neither in the worker nor in a file"
        with open(source, "rb") as handle:
            shared = pickle.load(handle)  # noqa: S301 - written by this run's driver, in its own temp dir
        _SHARED.clear()
        _SHARED[token] = shared
    return fn(_SHARED[token], batch)


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


class SessionPool:
    """``workers`` processes kept across ``map`` calls until ``stop``."""

    def __init__(self, workers: int, max_retries: int = 1):
        self.workers, self.max_retries = workers, max_retries
        self.window = 4 * workers  # batches in flight: bounded memory, no idle worker
        self.pool: ProcessPoolExecutor | None = None
        self.pools_started = 0  # how many times workers were started (tests, the benchmark)
        self._token = 0
        self._shared: Any = None
        self._source: str | None = None  # the pickled ``shared`` of the current map, for running pools
        self._directory: str | None = None

    def map(self, fn: Callable[[Any, Any], Any], shared: Any, batches: Iterator[Any],
            on_lost: OnLost | None) -> Iterator[Any]:
        """Results in input order. After a crash the batches that were in flight run again
        one at a time (``alone``): a crash then names its batch, which is retried
        ``max_retries`` times and then lost; the others go on unharmed."""
        self._begin(shared)
        pending: deque[tuple[Any, Future[Any], int, bool]] = deque()  # batch, future, tries, alone
        retry: deque[tuple[Any, int]] = deque()
        finished = False
        try:
            while True:
                isolating = bool(retry) or any(alone for *_, alone in pending)
                while len(pending) < (1 if isolating else self.window):
                    if pending and pending[0][1].done() and not retry:
                        break  # a finished result goes out before the next batch is read (a slow input)
                    if retry:
                        batch, tries = retry.popleft()
                    elif (batch := next(batches, None)) is None:
                        break
                    else:
                        tries = 0
                    pending.append((batch, self._submit(fn, batch), tries, isolating))
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
                    if on_lost is None:
                        raise BatchLost(len(batch), error) from None
                    yield on_lost(batch, error)
                    continue
                pending.popleft()
                yield result
        finally:
            # Stopped early (Ctrl-C, an error, the consumer gone): tasks are still in flight, so
            # kill the workers at once; the next map starts new ones.
            if not finished:
                self._kill()
            self._end()

    def stop(self, kill: bool = False) -> None:
        """End the session: a clean shutdown joins every thread of the pool; ``kill`` terminates."""
        if kill:
            self._kill()
        else:
            pool, self.pool = self.pool, None
            if pool is not None:
                pool.shutdown(wait=True)
        if self._directory is not None:
            shutil.rmtree(self._directory, ignore_errors=True)
            self._directory = None

    def _begin(self, shared: Any) -> None:
        self._token += 1
        self._shared, self._source = shared, None
        if self.pool is None:
            self.pool = self._start()  # the initializer hands ``shared`` over
            return
        try:
            data = pickle.dumps(shared, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            self.stop()  # cannot travel: new workers, forked with it
            self.pool = self._start()
            return
        if self._directory is None:
            self._directory = tempfile.mkdtemp(prefix="tritter-pool-")
        path = Path(self._directory) / f"shared-{self._token}.pickle"
        path.write_bytes(data)
        self._source = str(path)

    def _end(self) -> None:
        if self._source is not None:
            Path(self._source).unlink(missing_ok=True)
        self._shared, self._source = None, None

    def _start(self) -> ProcessPoolExecutor:
        method = _start_method()
        driver = os.getpid() if method == "fork" else None
        self.pools_started += 1
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context(method),
                                   initializer=_init_worker,
                                   initargs=(self._token, self._shared, driver,
                                             None if driver else dict(os.environ)))

    def _submit(self, fn: Callable[[Any, Any], Any], batch: Any) -> Future[Any]:
        """Submit a batch; to a pool that broke since the last look, as a failed future (the
        failure is then handled in order, like any other)."""
        assert self.pool is not None
        try:
            return self.pool.submit(_call, fn, self._token, self._source, batch)
        except BrokenProcessPool as error:
            future: Future[Any] = Future()
            future.set_exception(error)
            return future

    def _restart(self) -> None:
        """After a crash: new workers, which get this map's ``shared`` from the initializer."""
        self._kill()
        self.pool = self._start()

    def _kill(self) -> None:
        """Terminate the workers now (early exit, Ctrl-C, a crash)."""
        pool, self.pool = self.pool, None
        if pool is None:
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
