"""The mix, end to end: count tokens per component, plan, interleave, write shards + manifest.

Three passes over each component's inputs keep memory bounded by the number of records
(one token count each), never by their text: (1) filter and count tokens, (2) plan whole
epochs plus a seeded subset, (3) stream the chosen records again, interleaved in the target
proportions, into ``shard_*.jsonl`` (card schema) and ``mix_manifest.json``.
"""

from __future__ import annotations

import time
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tritter_data import __version__
from tritter_data.core.errors import UsageError
from tritter_data.core.tokenizer import TokenizerInfo, count_tokens
from tritter_data.io.writers import ShardWriter, write_manifest
from tritter_data.io.writers import claim_output_dir as claim_writer_output_dir
from tritter_data.mix.config import Component, MixConfig
from tritter_data.mix.inputs import Skip, expand_inputs, iter_component
from tritter_data.mix.plan import ComponentPlan, component_targets, interleave_order, plan_component

MANIFEST = "mix_manifest.json"
BATCH = 256
MAX_EXAMPLES = 5


@dataclass(frozen=True)
class MixOptions:
    config: MixConfig
    output_dir: Path
    max_epochs: float = 4.0
    seed: int = 0
    total_tokens: int | None = None  # overrides the config's total_tokens
    shard_size: int = 10_000
    compress: str = "none"
    overwrite: bool = False


@dataclass
class Counted:
    """Pass 1 of one component: its files, per-record token counts, skips and bytes read."""

    files: list[Path]
    tokens: array = field(default_factory=lambda: array("Q"))
    skipped: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    text_bytes: int = 0
    records_read: int = 0


def count_component(component: Component, files: list[Path], tokenizer: Any) -> Counted:
    """Filter and count the tokens of every record (batched encode); empty texts are skipped."""
    counted = Counted(files)
    batch: list[str] = []

    def flush() -> None:
        counted.tokens.extend(count_tokens(tokenizer, batch))
        batch.clear()

    for item in iter_component(component, files):
        counted.records_read += 1
        if isinstance(item, Skip):
            _skip(counted, item)
            continue
        batch.append(item["text"])
        counted.text_bytes += len(item["text"].encode("utf-8"))
        if len(batch) >= BATCH:
            flush()
    flush()
    empty = sum(1 for t in counted.tokens if t == 0)
    if empty:
        counted.skipped["empty_text"] += empty
    available = len(counted.tokens) - empty
    if available + sum(counted.skipped.values()) != counted.records_read:  # every record accounted for
        raise RuntimeError(f"mix accounting error in component {component.name!r}")
    return counted


def _skip(counted: Counted, item: Skip) -> None:
    counted.skipped[item.reason] += 1
    examples = counted.examples.setdefault(item.reason, [])
    if len(examples) < MAX_EXAMPLES:
        examples.append(item.where)


def stream_component(component: Component, files: list[Path], tokens: array,
                     plan: ComponentPlan) -> Iterator[dict[str, Any]]:
    """Pass 3: the records the plan takes, epoch after epoch, each in file order."""
    for epoch in range(plan.passes):
        index = 0
        for item in iter_component(component, files):
            if isinstance(item, Skip):
                continue
            i, index = index, index + 1
            if tokens[i] and (epoch < plan.full_epochs or plan.extra[i]):
                yield item


def emitted_tokens(tokens: array, plan: ComponentPlan) -> array:
    """Token counts of the records ``stream_component`` yields, in the same order."""
    out = array("Q")
    for epoch in range(plan.passes):
        out.extend(t for i, t in enumerate(tokens) if t and (epoch < plan.full_epochs or plan.extra[i]))
    return out


def claim_output_dir(output_dir: Path, overwrite: bool) -> None:
    claim_writer_output_dir(output_dir, overwrite, MANIFEST)


def run_mix(options: MixOptions, tokenizer: Any, tokenizer_info: TokenizerInfo) -> dict[str, Any]:
    """Count, plan, interleave and write; returns the manifest (also written to OUT)."""
    started = time.perf_counter()
    components = options.config.components
    try:
        files = [expand_inputs(c) for c in components]  # every input checked before any work
    except UsageError as error:
        raise UsageError(f"{options.config.path}: {error}") from error
    claim_output_dir(options.output_dir, options.overwrite)
    counted = [count_component(c, f, tokenizer) for c, f in zip(components, files, strict=True)]
    counted_at = time.perf_counter()
    total = options.total_tokens or options.config.total_tokens or sum(sum(c.tokens) for c in counted)
    if not options.config.by_share:
        total = sum(c.tokens or 0 for c in components)
    targets = component_targets([c.share for c in components], [c.tokens for c in components], total)
    plans = [plan_component(k.tokens, t, options.max_epochs, options.seed, c.name)
             for c, k, t in zip(components, counted, targets, strict=True)]
    emitted = [emitted_tokens(k.tokens, p) for k, p in zip(counted, plans, strict=True)]
    streams = [stream_component(c, f, k.tokens, p) for c, f, k, p in zip(components, files, counted, plans, strict=True)]
    written = [0] * len(components)
    with ShardWriter(options.output_dir, options.shard_size, options.compress) as writer:
        for c in interleave_order(emitted):
            writer.write(next(streams[c]))
            written[c] += 1
    if written != [len(e) for e in emitted]:
        raise RuntimeError(f"mix accounting error: wrote {written}, planned {[len(e) for e in emitted]}")
    elapsed = time.perf_counter() - started
    manifest = _manifest(options, tokenizer_info, total, counted, plans, writer)
    text_mb = sum(k.text_bytes for k in counted) / 1e6
    manifest["timing"] = {
        "elapsed_seconds": round(elapsed, 3), "count_seconds": round(counted_at - started, 3),
        "text_mb_counted": round(text_mb, 3),
        "count_mb_per_second": round(text_mb / (counted_at - started), 2) if counted_at > started else None,
    }
    write_manifest(options.output_dir / MANIFEST, manifest)
    return manifest


def _manifest(options: MixOptions, info: TokenizerInfo, total: int, counted: list[Counted],
              plans: list[ComponentPlan], writer: ShardWriter) -> dict[str, Any]:
    taken_total = sum(p.taken_tokens for p in plans)
    rows = []
    for component, k, plan in zip(options.config.components, counted, plans, strict=True):
        rows.append({
            "name": component.name, "kind": component.kind, "inputs": list(component.inputs),
            "files": [str(f) for f in k.files], "filters": _jsonable(component.filters),
            "records_read": k.records_read, "records_available": sum(1 for t in k.tokens if t), "tokens_available": plan.available_tokens,
            "target_share": component.share, "target_tokens": plan.target_tokens,
            "tokens_taken": plan.taken_tokens, "records_taken": plan.taken_records,
            "epochs": round(plan.epochs, 4), "shortfall_tokens": plan.shortfall_tokens,
            "capped_at_max_epochs": plan.capped,
            "share_taken": round(100 * plan.taken_tokens / taken_total, 4) if taken_total else 0.0,
            "skipped": dict(sorted(k.skipped.items())), "skip_examples": dict(sorted(k.examples.items())),
        })
    return {
        "command": "mix", "version": __version__, "config": options.config.path,
        "tokenizer": {"name": info.name, "path": info.path, "sha256": info.sha256, "vocab_size": info.vocab_size},
        "seed": options.seed, "max_epochs": options.max_epochs, "target_tokens": total,
        "tokens_taken": taken_total, "shortfall_tokens": sum(p.shortfall_tokens for p in plans),
        "records_written": writer.records_written, "bytes_out": writer.bytes_written,
        "shards": [p.name for p in writer.paths], "components": rows,
    }


def _jsonable(filters: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in filters.items()}
