"""``NearDedupConfig``: the near-dedup options, importable without numpy.

Kept apart from ``near.py`` so that the command line (``commands/dedup.py``, prepare's post
options) can build and validate a config without loading the numerical modules; only
``lsh`` reaches into them, when a run asks for its band layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tritter_data.dedup.lsh import LshParams


@dataclass(frozen=True)
class NearDedupConfig:
    threshold: float = 0.8
    num_perm: int = 256
    ngram: int = 5
    seed: int = 42
    verify: bool = True
    workers: int = 1
    memory_limit: int = 512 << 20
    batch_size: int = 256
    backend: str = "rensa"

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"--threshold must be in (0, 1], got {self.threshold}")
        if not 2 <= self.num_perm <= 8192:
            raise ValueError(f"--num-perm must be between 2 and 8192, got {self.num_perm}")
        if self.ngram < 1:
            raise ValueError(f"--ngram must be at least 1, got {self.ngram}")
        if self.workers < 1:
            raise ValueError(f"--workers must be at least 1, got {self.workers}")
        if self.memory_limit < 1 << 20:
            raise ValueError(f"--memory-limit must be at least 1M, got {self.memory_limit} bytes")

    @property
    def lsh(self) -> LshParams:
        from tritter_data.dedup.lsh import optimal_params

        return optimal_params(self.threshold, self.num_perm)
