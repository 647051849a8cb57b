"""The ``conversations`` run: chat JSONL -> validated, secret-free, deduplicated, clean shards.

Per record, in input order: parse and validate (``sources/chat.py``; a bad record is counted
and reported as ``FILE:LINE: reason: problem``, never fatal) -> reject secrets (the secret
scanner of ``security/``, on every turn and the persona) -> exact dedup (``dedup/exact.py``,
on the rendered conversation). The kept records are written as shards; then near-dedup and
decontamination run in place as ``prepare``'s post steps do, and fold their removals into the
manifest, so ``kept + rejected_total == input_records`` always holds.

Output record: ``text`` (the rendered conversation, ``### User:`` blocks as the mix renders
chat), ``language`` ``"conversation"``, ``quality_score`` 1.0 (no analyser findings on prose),
``source`` (``FILE:LINE``) and ``persona`` (omitted when the record has none): the card's schema.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tritter_data import __version__
from tritter_data.core.sample import Reject, Sample
from tritter_data.decontam.benchmarks import BenchmarkItem
from tritter_data.dedup.exact import ExactDedup
from tritter_data.dedup.near import NearDedupConfig
from tritter_data.io.shards import open_shard
from tritter_data.io.writers import ShardWriter, claim_output_dir, write_manifest
from tritter_data.mix.inputs import render_chat
from tritter_data.sources.chat import ChatError, Conversation, parse_chat
from tritter_data.stages.analyse import Analyser
from tritter_data.stages.pipeline import secret_analysers
from tritter_data.steps.post_steps import PostSteps, run_post_steps

logger = logging.getLogger(__name__)
LANGUAGE = "conversation"
MAX_EXAMPLES = 5


@dataclass(frozen=True)
class ConversationOptions:
    inputs: tuple[Path, ...]
    output_dir: Path
    near_dedup: NearDedupConfig | None = field(default_factory=NearDedupConfig)
    benchmarks: tuple[BenchmarkItem, ...] | None = None
    shard_size: int = 10_000
    compress: str = "none"
    overwrite: bool = False
    quiet: bool = False
    max_errors_shown: int = 20  # one line each on stderr; all are counted


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with open_shard(path) as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, line


class _Counts:
    """Reject reasons, one example each (``source`` and ``detail``), sizes in and out."""

    def __init__(self) -> None:
        self.rejected: Counter[str] = Counter()
        self.examples: dict[str, list[dict[str, str]]] = {}
        self.records = self.bytes_in = 0

    def reject(self, reason: str, source: str, detail: str) -> None:
        self.rejected[reason] += 1
        shown = self.examples.setdefault(reason, [])
        if len(shown) < MAX_EXAMPLES:
            shown.append({"source": source, "detail": detail})


def check(conversation: Conversation, source: str, exact: ExactDedup,
          scanners: Sequence[Analyser]) -> dict[str, Any] | Reject:
    """The record for a valid conversation, or why it is rejected (secret, exact duplicate)."""
    text = render_chat(conversation.messages())
    for analyser in scanners:
        for part in [conversation.persona or "", *(content for _, content in conversation.turns)]:
            secrets = [f for f in analyser.analyse(part, LANGUAGE) if f.kind == "secret"]
            if secrets:
                return Reject(source, "secret_detected", secrets[0].rule_id, len(text.encode()), LANGUAGE)
    sample = Sample(source=source, text=text, language=LANGUAGE,
                    content_hash=hashlib.md5(text.encode(), usedforsecurity=False).hexdigest())
    result = exact(sample)
    if isinstance(result, Reject):
        return result
    record: dict[str, Any] = {"text": text, "language": LANGUAGE, "quality_score": 1.0, "source": source}
    if conversation.persona:
        record["persona"] = conversation.persona
    return record


def prepare_conversations(options: ConversationOptions) -> dict[str, Any]:
    """Run the whole pass; returns the manifest (also written to ``OUT/manifest.json``)."""
    claim_output_dir(options.output_dir, options.overwrite)
    started = time.perf_counter()
    counts, exact, scanners = _Counts(), ExactDedup(), secret_analysers()
    shapes: Counter[str] = Counter()
    personas: Counter[str] = Counter()
    shown = 0
    with ShardWriter(options.output_dir, options.shard_size, options.compress) as writer:
        for path in options.inputs:
            for number, line in _lines(path):
                counts.records += 1
                counts.bytes_in += len(line)
                source = f"{path}:{number}"
                try:
                    conversation = parse_chat(line)
                except ChatError as error:
                    counts.reject(f"bad_record_{error.reason}", source, str(error))
                    if shown < options.max_errors_shown:
                        print(f"{source}: {error.reason}: {error}", file=sys.stderr)
                        shown += 1
                    continue
                result = check(conversation, source, exact, scanners)
                if isinstance(result, Reject):
                    counts.reject(result.reason, source, result.detail)
                    continue
                shapes[conversation.shape] += 1
                personas["with_persona" if conversation.persona else "without_persona"] += 1
                writer.write(result)
    kept = writer.records_written
    manifest: dict[str, Any] = {
        "command": "conversations", "version": __version__,
        "inputs": [str(path) for path in options.inputs],
        "input_files": counts.records,  # records, named as prepare's so the post steps' accounting applies
        "input_records": counts.records,
        "kept": kept, "positive": kept, "negative": 0,
        "rejected": dict(sorted(counts.rejected.items())),
        "rejected_total": sum(counts.rejected.values()),
        "reject_examples": counts.examples,
        "per_language": {LANGUAGE: {"positive": kept, "negative": 0, "rejected": 0}},
        "shapes": dict(sorted(shapes.items())), "personas": dict(sorted(personas.items())),
        "bytes_in": counts.bytes_in,
    }
    write_manifest(options.output_dir / "manifest.json", manifest)
    steps = PostSteps(options.near_dedup, options.benchmarks, quiet=options.quiet)
    if steps and kept:
        manifest = run_post_steps(steps, options.output_dir)
    elapsed = time.perf_counter() - started
    manifest["input_records"] = manifest["input_files"]
    manifest["elapsed_seconds"] = round(elapsed, 3)
    manifest["mb_per_second"] = round(counts.bytes_in / 1e6 / elapsed, 2) if elapsed > 0 else None
    write_manifest(options.output_dir / "manifest.json", manifest)
    return manifest


def summary_lines(manifest: dict[str, Any]) -> Sequence[str]:
    lines = [f"records in: {manifest['input_records']}  ({manifest['bytes_in'] / 1e6:.2f} MB)",
             f"kept:       {manifest['kept']}  ({manifest['personas'].get('with_persona', 0)} with a persona "
             f"before near-dedup/decontamination)",
             f"rejected:   {manifest['rejected_total']}"]
    lines += [f"  {reason:<28} {count:>6}" for reason, count in sorted(manifest["rejected"].items())]
    lines.append(f"speed:      {manifest['mb_per_second']} MB/s in {manifest['elapsed_seconds']} s")
    return lines
