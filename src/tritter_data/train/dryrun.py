"""``--dry-run``: everything a real run does before the first step, and what it would cost.

Streams the data through ``datasets``, tokenizes and packs it (counts), builds the model on
PyTorch's meta device (exact parameter count, no memory), estimates training memory, and
pushes a few batches through the loader (shapes, label check).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tritter_data.train.collate import SampleEncoder, collate
from tritter_data.train.loader import batches, packed_sequences
from tritter_data.train.model_configs import MemoryEstimate, ModelConfig, memory_estimate, padded_vocab

GIB = 1024**3
PREVIEW_BATCHES = 3


@dataclass(frozen=True)
class DryRunReport:
    files: int
    samples: int
    positive: int
    negative: int
    excluded: int
    reviewed: int
    tokens: int
    sequences: int
    leftover_tokens: int
    steps_per_epoch: int
    vocab_size: int
    parameters: int
    memory: MemoryEstimate
    batch_shapes: tuple[tuple[int, ...], ...]


def dry_run(config: ModelConfig, files: list[Path], tokenizer: Any, seq_len: int, batch_size: int,
            grad_accum: int, negatives: str, seed: int) -> DryRunReport:
    import torch

    from tritter_data.train.transformer import Transformer, count_parameters

    encoder = SampleEncoder(tokenizer, negatives)
    sequences = sum(1 for _ in packed_sequences(files, encoder, seq_len))
    stats = encoder.stats
    vocab = padded_vocab(tokenizer.get_vocab_size())
    with torch.device("meta"):
        model = Transformer(config, vocab)
    parameters = count_parameters(model)
    shapes: list[tuple[int, ...]] = []
    if sequences:
        loader = batches(files, tokenizer, seq_len, batch_size, negatives, seed)
        for _ in range(min(PREVIEW_BATCHES, math.ceil(sequences / batch_size))):
            batch = collate(next(loader))
            if not torch.equal(batch["input_ids"], batch["labels"]):
                raise RuntimeError("collator produced labels that differ from the inputs")
            shapes.append(tuple(batch["input_ids"].shape))
    per_step = batch_size * grad_accum
    return DryRunReport(
        files=len(files), samples=stats.samples, positive=stats.positive, negative=stats.negative,
        excluded=stats.excluded, reviewed=stats.reviewed, tokens=stats.tokens, sequences=sequences,
        leftover_tokens=stats.tokens - sequences * seq_len, steps_per_epoch=math.ceil(sequences / per_step),
        vocab_size=vocab, parameters=parameters,
        memory=memory_estimate(config, vocab, batch_size, seq_len, parameters), batch_shapes=tuple(shapes),
    )


def format_report(report: DryRunReport, config: ModelConfig, data_dir: Path, seq_len: int, batch_size: int,
                  grad_accum: int, negatives: str) -> str:
    m = report.memory
    lines = [
        f"dry run: model {config.name}, data {data_dir} ({report.files} files), nothing trained or written",
        f"samples:          {report.samples:,} (positive {report.positive:,}, negative {report.negative:,}; "
        f"--negatives {negatives}: {report.reviewed:,} with review block, {report.excluded:,} excluded)",
        f"tokens:           {report.tokens:,} (with end-of-text and review markers)",
        f"sequences:        {report.sequences:,} of {seq_len:,} tokens ({report.leftover_tokens:,} tokens left over)",
        f"steps per epoch:  {report.steps_per_epoch:,} (batch {batch_size} x grad-accum {grad_accum} "
        f"= {batch_size * grad_accum} sequences per step)",
        f"parameters:       {report.parameters:,} (d_model {config.d_model}, {config.n_layers} layers, "
        f"{config.n_heads} heads, ffn {config.d_ff}, vocab {report.vocab_size:,}; counted on the meta device)",
        "memory (fp32 weights, AdamW, bf16 autocast activations):",
        f"  weights         {m.weights / GIB:9.2f} GiB",
        f"  gradients       {m.gradients / GIB:9.2f} GiB",
        f"  AdamW states    {m.optimizer / GIB:9.2f} GiB",
        f"  activations     {m.activations / GIB:9.2f} GiB (batch {batch_size} x {seq_len} tokens)",
        f"  total           {m.total / GIB:9.2f} GiB",
    ]
    if report.batch_shapes:
        shapes = ", ".join("x".join(map(str, s)) for s in report.batch_shapes)
        lines.append(f"loader:           {len(report.batch_shapes)} batches pushed through: input_ids {shapes}")
    else:
        lines.append(f"loader:           no batch: the data holds fewer than {seq_len:,} tokens (lower --seq-len)")
    return "\n".join(lines)
