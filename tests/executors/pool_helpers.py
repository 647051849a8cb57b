"""Functions and stages the pool tests send to worker processes (importable by name)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from tritter_data.core.sample import Sample


def tag(shared: dict[str, int], batch: list[int]) -> list[tuple[int, int, int]]:
    """Each item with the worker's pid and the identity of its copy of ``shared``."""
    return [(item * shared["factor"], os.getpid(), id(shared)) for item in batch]


def die_on(shared: int, batch: list[int]) -> list[int]:
    if shared in batch:
        os._exit(3)  # the worker dies mid-task, as under the OOM killer
    return [item + 1 for item in batch]


@dataclass(frozen=True)
class KillWorkerOn:
    """A stage that kills its process on one file (a segfault in a parser, say)."""

    source: str
    name: str = "kill_worker_on"

    def __call__(self, sample: Sample) -> Sample:
        if sample.source == self.source:
            os._exit(9)
        return sample


def signature_rows(num_perm: int, shingles: list) -> object:
    """MinHash rows in the worker (rensa, a Rust thread pool)."""
    from tritter_data.dedup.minhash import MinHasher

    return MinHasher(num_perm).signatures(shingles)
