"""From records to training batches: how each sample is tokenized, packed and batched.

Negative samples enter training according to ``--negatives``:

- ``include``: as plain text, like any other code (the model sees bad code as code);
- ``exclude``: not at all;
- ``review`` (default): the code, then a review block carrying the explanation between the
  tokenizer's marker tokens, so the model learns to read bad code *and* say why it is bad::

      <code tokens> <|review|> <explanation tokens> <|/review|> <|endoftext|>

Positive samples are ``<code tokens> <|endoftext|>`` in every mode: no review block is
invented for them. Markers are inserted by id; the same strings inside a file are encoded
as plain text (``tokenizer.encode_special_tokens``), so data cannot forge them. Documents are
concatenated and cut into ``seq_len`` windows (packing); the last partial window is dropped.
As usual for pretraining, attention may cross a document boundary inside a window; the
``<|endoftext|>`` token marks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.core.tokenizer import EOS, REVIEW_CLOSE, REVIEW_OPEN, special_token_id
from tritter_data.train.data import is_negative

NEGATIVE_MODES = ("include", "exclude", "review")
ENCODE_BATCH = 64


@dataclass
class EncodeStats:
    samples: int = 0
    positive: int = 0
    negative: int = 0
    excluded: int = 0
    reviewed: int = 0
    tokens: int = 0


@dataclass
class SampleEncoder:
    """Records -> token ids per ``--negatives`` mode, batch-encoded, with running counts."""

    tokenizer: Any
    negatives: str = "review"
    stats: EncodeStats = field(default_factory=EncodeStats)

    def __post_init__(self) -> None:
        if self.negatives not in NEGATIVE_MODES:
            raise ValueError(f"negatives must be one of {NEGATIVE_MODES}, got {self.negatives!r}")
        self.eos = special_token_id(self.tokenizer, EOS)
        if self.negatives == "review":
            try:
                self.review_open = special_token_id(self.tokenizer, REVIEW_OPEN)
                self.review_close = special_token_id(self.tokenizer, REVIEW_CLOSE)
            except UsageError as error:
                raise UsageError(f"--negatives review: {error}; or use --negatives include|exclude") from error

    def encode(self, records: Iterable[dict[str, Any]]) -> Iterator[list[int]]:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(record)
            if len(batch) >= ENCODE_BATCH:
                yield from self._encode_batch(batch)
                batch = []
        yield from self._encode_batch(batch)

    def _encode_batch(self, batch: list[dict[str, Any]]) -> Iterator[list[int]]:
        kept = []
        for record in batch:
            self.stats.samples += 1
            negative = is_negative(record)
            self.stats.negative += negative
            self.stats.positive += not negative
            if negative and self.negatives == "exclude":
                self.stats.excluded += 1
            else:
                kept.append(record)
        if not kept:
            return
        texts = [r["text"] for r in kept]
        reviews = [i for i, r in enumerate(kept) if self._reviewed(r)]
        explanations = [kept[i].get("explanation") or "" for i in reviews]
        encoded = self.tokenizer.encode_batch(texts + explanations, add_special_tokens=False)
        review_ids = {i: encoded[len(texts) + j].ids for j, i in enumerate(reviews)}
        for i in range(len(kept)):
            ids = list(encoded[i].ids)
            if i in review_ids:
                ids += [self.review_open, *review_ids[i], self.review_close]
                self.stats.reviewed += 1
            ids.append(self.eos)
            self.stats.tokens += len(ids)
            yield ids

    def _reviewed(self, record: dict[str, Any]) -> bool:
        return self.negatives == "review" and is_negative(record) and bool(record.get("explanation"))


def pack(documents: Iterable[list[int]], seq_len: int) -> Iterator[list[int]]:
    """Concatenate documents and cut ``seq_len``-token windows; drop the last partial one.

        >>> list(pack([[1, 2, 3], [4, 5], [6, 7, 8]], seq_len=3))
        [[1, 2, 3], [4, 5, 6]]
    """
    buffer: list[int] = []
    for ids in documents:
        buffer.extend(ids)
        while len(buffer) >= seq_len:
            yield buffer[:seq_len]
            del buffer[:seq_len]


def collate(sequences: list[list[int]]) -> dict[str, Any]:
    """Stack packed windows into ``input_ids`` and ``labels`` (the model shifts labels)."""
    import torch

    input_ids = torch.tensor(sequences, dtype=torch.long)
    return {"input_ids": input_ids, "labels": input_ids.clone()}
