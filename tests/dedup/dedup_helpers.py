"""Helpers for the dedup tests: real stdlib code, shards written the way prepare writes them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tritter_data.io.writers import ShardWriter

FIXTURES = Path(__file__).parent / "fixtures"
_REFERENCE_TOKEN = re.compile(r"[A-Za-z0-9_\u0080-\U0010ffff]+|[^\sA-Za-z0-9_]")


def fixture_text(relative: str) -> str:
    return (FIXTURES / (relative.replace("/", "_") + ".txt")).read_text(encoding="utf-8")


def reference_jaccard(a: str, b: str, n: int = 5) -> float:
    """Jaccard similarity of token n-gram sets, computed the slow obvious way (no hashing)."""

    def grams(text: str) -> set[tuple[str, ...]]:
        tokens = _REFERENCE_TOKEN.findall(text)
        width = min(n, len(tokens))
        return {tuple(tokens[i : i + width]) for i in range(len(tokens) - width + 1)} if tokens else set()

    x, y = grams(a), grams(b)
    return len(x & y) / len(x | y) if x | y else 0.0


def record(source: str, text: str, score: float = 0.8, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"text": text, "language": "python", "quality_score": score}
    if extra.get("quality_label") == "negative":
        out["quality_label"] = "negative"
        out["explanation"] = extra.pop("explanation", "This code has issues.")
    extra.pop("quality_label", None)
    out["source"] = source
    out.update(extra)
    return out


def write_shards(directory: Path, records: list[dict[str, Any]], shard_size: int = 3,
                 compress: str = "none") -> Path:
    with ShardWriter(directory, shard_size, compress) as writer:
        for item in records:
            writer.write(item)
    (directory / "manifest.json").write_text(json.dumps({"options": {"shard_size": shard_size,
                                                                     "compress": compress}}))
    return directory


def located_table(directory: Path, config: Any, block_bytes: int = 4096) -> tuple[Any, Any, Any]:
    """``(shards, table, bad lines)`` of phase 1 as the pool's workers leave it (every document's
    place known), read in blocks that cut lines."""
    from tritter_data.dedup.near_tasks import DocTable, block_batches, settle_block, signature_block
    from tritter_data.io.blocks import BlockNumbers
    from tritter_data.io.shard_set import BadLines, InputShards
    from tritter_data.io.writers import existing_shards

    shards = InputShards(directory, tuple(existing_shards(directory)), 3, "none")
    table, bad, numbers = DocTable(), BadLines(), BlockNumbers()
    index = {str(path): i for i, path in enumerate(shards.paths)}
    for block in block_batches(shards, block_bytes):
        *_, part, lost = signature_block(config, block)
        table.extend(part, index[part.path])
        for line in settle_block(numbers, part, lost):
            bad.add(line)
    return shards, table, bad


def read_output(directory: Path) -> list[dict[str, Any]]:
    from tritter_data.io.shards import iter_shard_records
    from tritter_data.io.writers import existing_shards

    return [r for path in existing_shards(directory) for r in iter_shard_records(path)]  # type: ignore[misc]


def reformat(text: str) -> str:
    """Same code, other layout: 2-space indents, no space after commas, blank lines doubled."""
    text = text.replace("    ", "  ").replace(", ", ",")
    return text.replace("\n\n", "\n\n\n")
