"""Executors run the same stage list over ordered batches: in-process, a local pool, Ray.

``make_executor`` is the one place a command turns ``--executor``/``--workers``/
``--ray-address`` into an executor; ``ray`` is imported only if the user asks for it.

    >>> make_executor("local", workers=2, batch_size=8).workers
    2
"""

from __future__ import annotations

from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.executors.base import BatchLost, Executor

__all__ = ["EXECUTORS", "BatchLost", "Executor", "add_executor_arguments", "make_executor", "post_step_executor"]

EXECUTORS = ("local", "ray")


def make_executor(name: str, workers: int | None = 1, batch_size: int = 64, address: str | None = None) -> Executor:
    """The executor named by ``--executor``; ``workers=None`` means "as many as there are".

    For ``local`` that is one process; for ``ray`` every CPU of the cluster joined (or of
    this machine, for a local instance started here).
    """
    if name == "local":
        if address is not None:
            raise UsageError("--ray-address needs --executor ray")
        from tritter_data.executors.local import LocalExecutor

        return LocalExecutor(workers or 1, batch_size)
    if name == "ray":
        from tritter_data.executors.ray import RayExecutor

        executor = RayExecutor(address=address, workers=workers, batch_size=batch_size)
        executor.connect()  # no Ray, no cluster: fail now, in one line, before any output is touched
        return executor
    raise UsageError(f"--executor must be one of {', '.join(EXECUTORS)}, got {name!r}")


def add_executor_arguments(parser: Any) -> None:
    """``--executor`` and ``--ray-address`` for the commands that read shards (dedup, decontaminate)."""
    parser.add_argument("--executor", choices=EXECUTORS, default="local",
                        help="where the parallel work runs: local processes (default) or a Ray cluster")
    parser.add_argument("--ray-address", default=None, metavar="ADDR",
                        help="with --executor ray: a cluster to join ('auto' or host:port; "
                             "default: start a local Ray instance)")


def post_step_executor(name: str, workers: int | None, address: str | None) -> Executor:
    """The executor of a corpus step: the local pool of ``workers`` or a connected ``RayExecutor``.

    One batch of records per task (``batch_size=1``): the steps batch records themselves.
    ``workers=None`` means one local process, or every CPU of the Ray cluster.
    """
    return make_executor(name, workers, batch_size=1, address=address)
