"""Exact dedup on the MD5 of the content, in input order: the first copy wins.

It runs in the driver over results that arrive in input order, so the kept copy is the
first in sorted path order whatever the number of workers. Memory: 16 bytes of digest
per unique file (plus set overhead), about 1 GB for 10 million files.
"""

from __future__ import annotations

from tritter_data.core.sample import Reject, Sample


class ExactDedup:
    """Stateful global step: remembers digests it has seen."""

    name = "exact_dedup"

    def __init__(self) -> None:
        self._seen: dict[bytes, str] = {}

    def __call__(self, sample: Sample) -> Sample | Reject:
        key = bytes.fromhex(sample.content_hash) if sample.content_hash else sample.text.encode()
        first = self._seen.get(key)
        if first is not None:
            return Reject(sample.source, "exact_duplicate", f"same content as {first}",
                          sample.size_bytes, sample.language)
        self._seen[key] = sample.source
        return sample
