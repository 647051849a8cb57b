"""The stage contract and the loop that runs a list of stages over one sample.

A stage is a small frozen dataclass with a ``name`` and ``__call__(sample)`` returning the
sample (possibly enriched) or a ``Reject``. Stages hold only their own config, so the
same list pickles into a process pool or a Ray task unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from tritter_data.core.sample import Reject, Sample, StageResult

logger = logging.getLogger(__name__)


class Stage(Protocol):
    name: str

    def __call__(self, sample: Sample) -> StageResult: ...


def reject(sample: Sample, reason: str, detail: str = "") -> Reject:
    """A ``Reject`` for ``sample`` that keeps what is known of it for the manifest.

    A sample that still points at a file or object (``path`` or ``meta['url']``) was not
    read: the reject is marked ``unread``, so its listed size (a sparse 1 GB file) does not
    count in ``bytes_in`` or the MB/s figure.
    """
    unread = sample.path is not None or "url" in sample.meta
    return Reject(sample.source, reason, detail, sample.size_bytes, sample.language, unread)


def run_stages(stages: Sequence[Stage], sample: Sample | Reject) -> StageResult:
    """Run ``stages`` in order; an exception in one file becomes a counted reject."""
    for stage in stages:
        if isinstance(sample, Reject):
            return sample
        try:
            sample = stage(sample)
        except Exception as error:
            logger.debug("stage %s failed on %s", stage.name, sample.source, exc_info=True)
            return reject(sample, "internal_error", f"{stage.name}: {type(error).__name__}: {error}")
    return sample
