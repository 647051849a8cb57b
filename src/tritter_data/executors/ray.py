"""The executor contract (``executors/base.py``) on a Ray cluster, plus the shuffle only Ray has.

Why tasks and not actors: a batch is a pure function of (stages, files), so any worker can
run it, Ray retries it where it likes after a crash, and a cluster that grows or shrinks needs
no bookkeeping here. The stage list goes into the object store once (``ray.put``) and each
worker process deserialises it once (``_worker_stages`` caches it by object id), so a large
stage config (say a decontamination index) is broadcast, not shipped per batch.

Results come back in input order: at most ``window`` batch tasks are in flight (backpressure,
so memory is bounded on a corpus of any size) and the driver waits on the oldest one first,
like ``LocalExecutor``. Hence the output is byte-identical to the local executor's.

Failures: an exception inside a stage is already a counted ``Reject`` (``run_stages``); a task
whose worker dies or raises is retried ``max_retries`` times by Ray, and a batch that still
fails is lost: ``map_ordered`` raises ``BatchLost`` unless the caller's ``on_lost`` stands in
(for the stages, one ``Reject(reason="task_failed")`` per file: no file is ever lost).

``ray`` is imported only here, inside functions: without it, ``--executor ray`` says how to
install it in one line.

    >>> RayExecutor(workers=2, batch_size=32).describe()
    'ray (start a local instance, 2 workers, batch 32)'
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.executors.base import BatchLost, OnLost, StageMap, batched, error_summary

logger = logging.getLogger(__name__)

INSTALL_HINT = "--executor ray needs Ray: pip install 'tritter-data[ray]'"

# Per worker process: the stage list last fetched from the object store, by object id.
_CACHED: dict[str, Any] = {}


def import_ray() -> Any:
    """``import ray`` or a one-line ``UsageError`` with the install command."""
    try:
        import ray
    except ImportError:
        raise UsageError(INSTALL_HINT) from None
    return ray


def worker_get(holder: list[Any]) -> Any:
    """The object behind ``holder[0]`` (an ``ObjectRef``), deserialised once per worker.

    The ref travels inside a list so Ray does not resolve it per task; only the latest
    object is kept, so a long-lived worker holds one broadcast at a time.
    """
    import ray

    ref = holder[0]
    key = ref.hex()
    if key not in _CACHED:
        _CACHED.clear()
        _CACHED[key] = ray.get(ref)
    return _CACHED[key]


class RayExecutor(StageMap):
    """``map_ordered`` (and ``map``, ``shuffle``) as Ray tasks, keeping input order.

    ``address``: ``None`` starts a private local instance with ``workers`` CPUs (node address
    127.0.0.1; Ray 2.60 still listens on every interface) or reuses the one this process
    already runs; ``"auto"`` joins the cluster
    this node belongs to; ``"ray://host:10001"`` or ``"host:6379"`` joins that cluster.
    ``workers``: the CPUs of a local instance started here; on a cluster, the CPUs to keep
    busy (default: all of them). At most ``window`` batch tasks are in flight (default
    ``4 * workers``, as the local pool), so a worker never waits for work while the driver
    waits on the oldest batch, and the driver's memory stays bounded.
    Use as a context manager to keep one connection across several ``map`` calls.
    """

    name = "ray"

    def __init__(
        self,
        address: str | None = None,
        workers: int | None = None,
        batch_size: int = 64,
        max_retries: int = 3,
        window: int | None = None,
        runtime_env: dict[str, Any] | None = None,
    ):
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be >= 1, got {workers}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}")
        if max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {max_retries}")
        if window is not None and window < 1:
            raise ValueError(f"window must be >= 1, got {window}")
        self.address = address
        self.workers = workers
        self.batch_size = batch_size
        self.max_retries = max_retries
        self.window = window
        self.runtime_env = runtime_env
        self._started = False  # we started Ray, so we shut it down
        self._held = 0  # nesting depth of ``with`` blocks

    def describe(self) -> str:
        where = "start a local instance" if self.address is None else f"address {self.address}"
        workers = "all cluster CPUs" if self.workers is None else f"{self.workers} workers"
        return f"ray ({where}, {workers}, batch {self.batch_size})"

    # -- connection ----------------------------------------------------------------
    def connect(self) -> Any:
        """Start or join Ray once; return the ``ray`` module."""
        ray = import_ray()
        if ray.is_initialized():
            return ray
        kwargs: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.WARNING,
                                  "log_to_driver": False}
        if self.runtime_env:
            kwargs["runtime_env"] = self.runtime_env
        if self.address is None:  # "local": a new instance, never a `ray start` cluster found on disk
            kwargs.update(address="local", _node_ip_address="127.0.0.1")
            if self.workers is not None:
                kwargs["num_cpus"] = self.workers
        else:
            kwargs["address"] = self.address
        try:
            ray.init(**kwargs)
        except ConnectionError as error:
            raise UsageError(f"--ray-address {self.address}: cannot connect: {error_summary(error)}") from None
        self._started = True
        return ray

    def close(self) -> None:
        if self._started:
            import ray

            ray.shutdown()
            self._started = False

    def __enter__(self) -> RayExecutor:
        self.connect()
        self._held += 1
        return self

    def __exit__(self, *exc: object) -> None:
        self._held -= 1
        if self._held == 0:
            self.close()

    def concurrency(self, ray: Any) -> int:
        if self.workers is not None:
            return self.workers
        return max(1, int(ray.cluster_resources().get("CPU", 1)))

    # -- the contract ----------------------------------------------------------------
    def map_ordered(self, fn: Callable[[Any, Any], Any], shared: Any, batches: Iterable[Any],
                    on_lost: OnLost | None = None) -> Iterator[Any]:
        """``fn(shared, batch)`` per batch as Ray tasks, in input order; ``shared`` is put in the
        object store once and deserialised once per worker. A task that still fails after
        ``max_retries`` is lost: ``on_lost(batch, error)`` stands in, else ``BatchLost``."""
        with self:
            ray = self.connect()
            for batch, outcome in self._ordered(ray, _apply_shared, (fn, shared), batches):
                if not isinstance(outcome, BaseException):
                    yield outcome
                    continue
                logger.warning("batch of %d items failed after retries: %s", len(batch), error_summary(outcome))
                if on_lost is None:
                    raise BatchLost(len(batch), outcome) from outcome
                yield on_lost(batch, outcome)

    def _ordered(self, ray: Any, body: Callable[..., Any], shared: Any,
                 batches: Iterable[list[Any]]) -> Iterator[tuple[list[Any], Any]]:
        """``(batch, result or exception)`` in input order, at most ``window`` tasks in flight."""
        window = self.window or 4 * self.concurrency(ray)
        task = ray.remote(body).options(
            num_cpus=1, max_retries=self.max_retries, retry_exceptions=True, name=f"tritter_data.{body.__name__}",
        )
        holder = [ray.put(shared)]  # inside a list: Ray passes the ref, the worker caches the value
        pending: deque[tuple[Any, list[Any]]] = deque()
        try:
            for batch in batches:
                pending.append((task.remote(holder, batch), batch))
                if len(pending) >= window:
                    ref, done = pending.popleft()
                    yield done, _get(ray, ref)
            while pending:
                ref, done = pending.popleft()
                yield done, _get(ray, ref)
        finally:
            for ref, _ in pending:  # the consumer stopped early: do not leave work behind
                ray.cancel(ref, force=False)

    def shuffle(self, items: Iterable[Any], key_fn: Callable[[list[Any]], tuple[Any, Any]],
                reducer: Callable[..., Any], batch_size: int | None = None,
                partitions: int | None = None) -> tuple[list[Any], list[Any]]:
        """Hash-partitioned map/reduce: ``reducer(*chunks)`` per partition, and each batch's side result.

        ``key_fn(batch) -> (rows, extra)`` runs in a map task per batch of ``batch_size`` items
        (default: the executor's)
        (broadcast once); ``rows`` is an ``(m, k)`` uint64 array whose column 1 is the key, so
        equal keys meet in one partition, whose reduce task gets every batch's chunk in batch
        order. Returns the reducers' results in partition order and every batch's ``extra``
        in input order. A task that fails after Ray's retries raises ``BatchLost``. Shuffle
        data lives in Ray's object store, which spills to disk.
        """
        with self:
            ray = self.connect()
            workers = self.concurrency(ray)
            partitions = partitions or 2 * workers
            window = self.window or 2 * workers
            options = {"num_cpus": 1, "max_retries": self.max_retries, "retry_exceptions": True}
            mapper = ray.remote(_shuffle_task).options(num_returns=partitions + 1, **options)
            reduce = ray.remote(reducer).options(**options)
            holder = [ray.put(key_fn)]
            shuffled: list[list[Any]] = [[] for _ in range(partitions)]
            extras: list[Any] = []
            in_flight: deque[Any] = deque()
            for batch in batched(items, batch_size or self.batch_size):
                refs = mapper.remote(holder, batch, partitions)
                for part, ref in zip(shuffled, refs[:partitions], strict=True):
                    part.append(ref)
                extras.append(refs[partitions])
                in_flight.append(refs[partitions])
                if len(in_flight) >= window:  # the oldest map task must finish before we read more
                    ray.wait([in_flight.popleft()], num_returns=1, fetch_local=False)
            reduced = [reduce.remote(*chunks) for chunks in shuffled]
            return [_must(ray, ref) for ref in reduced], [_must(ray, ref) for ref in extras]


def _shuffle_task(holder: list[Any], batch: list[Any], partitions: int) -> tuple[Any, ...]:
    """Map side of ``shuffle``: ``key_fn(batch)``'s rows split by partition, then the side result."""
    key_fn = worker_get(holder)
    import numpy as np

    rows, extra = key_fn(batch)
    target = rows[:, 1] % np.uint64(partitions)
    return (*[rows[target == part] for part in range(partitions)], extra)


def _must(ray: Any, ref: Any) -> Any:
    outcome = _get(ray, ref)
    if isinstance(outcome, BaseException):
        raise BatchLost(1, outcome) from outcome
    return outcome


def _get(ray: Any, ref: Any) -> Any:
    """The task's result, or the error it failed with after its retries."""
    try:
        return ray.get(ref)
    except ray.exceptions.RayError as error:
        return error


def _apply_shared(holder: list[Any], batch: Any) -> Any:
    """The body of one Ray task: ``fn(shared, batch)`` with ``shared`` cached per worker."""
    fn, shared = worker_get(holder)
    return fn(shared, batch)
