"""Batches of packed sequences, epoch after epoch, deterministic for a seed.

records (``datasets`` streaming) -> ``SampleEncoder`` (``--negatives``) -> ``pack`` ->
a seeded shuffle buffer -> lists of ``batch_size`` windows. The last batch of an epoch may be
shorter. ``skip`` drops the first sequences, so ``--resume`` continues where a run stopped.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.train.collate import SampleEncoder, pack
from tritter_data.train.data import stream_records

SHUFFLE_BUFFER = 256


def packed_sequences(files: list[Path], encoder: SampleEncoder, seq_len: int) -> Iterator[list[int]]:
    return pack(encoder.encode(stream_records(files)), seq_len)


def shuffled(items: Iterable[list[int]], buffer_size: int, rng: random.Random) -> Iterator[list[int]]:
    """Buffer shuffle: bounded memory, a fixed order for a fixed ``rng`` seed."""
    buffer: list[list[int]] = []
    for item in items:
        buffer.append(item)
        if len(buffer) >= buffer_size:
            index = rng.randrange(len(buffer))
            buffer[index], buffer[-1] = buffer[-1], buffer[index]
            yield buffer.pop()
    rng.shuffle(buffer)
    yield from buffer


def batches(files: list[Path], tokenizer: Any, seq_len: int, batch_size: int, negatives: str, seed: int,
            skip: int = 0, shuffle_buffer: int = SHUFFLE_BUFFER) -> Iterator[list[list[int]]]:
    """Endless batches over all epochs; ``UsageError`` if the data cannot fill one sequence."""
    epoch = 0
    while True:
        encoder = SampleEncoder(tokenizer, negatives)
        produced = 0
        batch: list[list[int]] = []
        rng = random.Random(f"{seed}:{epoch}")
        for sequence in shuffled(packed_sequences(files, encoder, seq_len), shuffle_buffer, rng):
            produced += 1
            if skip > 0:
                skip -= 1
                continue
            batch.append(sequence)
            if len(batch) == batch_size:
                yield batch
                batch = []
        if batch:
            yield batch
        if produced == 0:
            raise UsageError(f"the data holds {encoder.stats.tokens} tokens, fewer than one --seq-len "
                             f"{seq_len} sequence")
        epoch += 1
