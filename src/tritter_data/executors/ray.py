"""Run the stage list on a Ray cluster, with the same ``map`` contract as the local pool.

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
fails becomes one ``Reject(reason="task_failed")`` per file, so no file is ever lost.

``ray`` is imported only here, inside functions: without it, ``--executor ray`` says how to
install it in one line.

    >>> RayExecutor(workers=2, batch_size=32).describe()
    'ray (start a local instance, 2 workers, batch 32)'
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.core.sample import Reject, Sample, StageResult
from tritter_data.core.stage import Stage
from tritter_data.executors.local import Finalize, batched
from tritter_data.executors.local import run_batch as local_run_batch

logger = logging.getLogger(__name__)

INSTALL_HINT = "--executor ray needs Ray: pip install 'tritter-data[ray]'"
TASK_FAILED = "task_failed"

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


def run_batch(stages_holder: list[Any], batch: list[Sample | Reject]) -> list[StageResult]:
    """The body of one Ray task: the stages over one batch, in order, then ``finalize``."""
    stages, finalize = worker_get(stages_holder)
    return local_run_batch(stages, batch, finalize)


def failed_batch(batch: Sequence[Sample | Reject], error: BaseException) -> list[StageResult]:
    """One ``task_failed`` reject per file of a batch that failed after its retries."""
    detail = f"{type(error).__name__}: {error_summary(error)}"[:300]
    return [
        item if isinstance(item, Reject)
        else Reject(item.source, TASK_FAILED, detail, item.size_bytes, item.language)
        for item in batch
    ]


def error_summary(error: BaseException) -> str:
    """The line that names the error: Ray's messages end with it, after a traceback."""
    cause = getattr(error, "cause", None)  # RayTaskError wraps the task's own exception
    text = str(cause if isinstance(cause, BaseException) else error).strip()
    return text.splitlines()[-1] if text else ""


class RayExecutor:
    """``map`` stages over items as Ray tasks, keeping input order.

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
    def map(
        self, stages: Sequence[Stage], items: Iterable[Sample | Reject], finalize: Finalize | None = None
    ) -> Iterator[StageResult]:
        """Results in input order; ``finalize`` runs in the task (see ``LocalExecutor.map``)."""
        with self:
            yield from self._map(stages, items, finalize)

    def _map(
        self, stages: Sequence[Stage], items: Iterable[Sample | Reject], finalize: Finalize | None
    ) -> Iterator[StageResult]:
        ray = self.connect()
        shared = (list(stages), finalize)
        for batch, outcome in self._ordered(ray, run_batch, shared, batched(items, self.batch_size)):
            yield from self._results(batch, outcome)

    def map_shared(self, fn: Callable[[Any, list[Any]], list[Any]], shared: Any,
                   items: Iterable[Any]) -> Iterator[Any]:
        """``fn(shared, batch)`` over ordered batches, ``shared`` broadcast once.

        For a global step with a big read-only table, e.g. decontamination: the benchmark
        n-gram index goes to the object store once and each worker deserialises it once,
        then checks its batches against it. A batch that fails after retries raises: a
        global step cannot skip documents silently.
        """
        with self:
            ray = self.connect()
            for batch, outcome in self._ordered(ray, _apply_shared, (fn, shared), batched(items, self.batch_size)):
                if isinstance(outcome, BaseException):
                    raise RuntimeError(f"batch of {len(batch)} items failed after retries: "
                                       f"{error_summary(outcome)}") from outcome
                yield from outcome

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

    @staticmethod
    def _results(batch: list[Sample | Reject], outcome: Any) -> list[StageResult]:
        if isinstance(outcome, BaseException):
            logger.warning("batch of %d files starting at %s failed after retries: %s",
                           len(batch), batch[0].source, error_summary(outcome))
            return failed_batch(batch, outcome)
        if len(outcome) != len(batch):  # a task must account for every file it was given
            return failed_batch(batch, RuntimeError(f"{len(outcome)} results for {len(batch)} files"))
        return outcome


def _get(ray: Any, ref: Any) -> Any:
    """The task's result, or the error it failed with after its retries."""
    try:
        return ray.get(ref)
    except ray.exceptions.RayError as error:
        return error


def _apply_shared(holder: list[Any], batch: list[Any]) -> list[Any]:
    fn, shared = worker_get(holder)
    return list(fn(shared, batch))
