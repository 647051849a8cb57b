"""``prepare --near-dedup --decontaminate``: the post-processing steps inside one prepare run.

They run after the per-file stages, over the shards prepare just wrote: each step writes into
a temporary directory inside the output dir, then its shards replace prepare's (so a crash
leaves either the old or the new shards, never a mix), and its manifest becomes a section of
prepare's ``manifest.json`` (``near_dedup``, ``decontaminate``), with ``kept_after_post_steps``
and the final ``shards`` list. Options are checked and benchmarks loaded *before* prepare
starts, so a typo or an unavailable benchmark fails in a second, not after an hour of work.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.decontam.benchmarks import BenchmarkItem
from tritter_data.dedup.near import NearDedupConfig
from tritter_data.io.shard_set import MANIFEST, open_input
from tritter_data.io.writers import existing_shards, write_manifest


def add_post_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("post-processing (after the per-file stages)")
    group.add_argument("--near-dedup", action="store_true", help="remove near-duplicates (MinHash LSH, see dedup)")
    group.add_argument("--threshold", type=float, default=None,
                       help="--near-dedup Jaccard threshold in (0, 1] (default 0.8)")
    group.add_argument("--decontaminate", action="store_true",
                       help="remove records containing benchmark problems (see decontaminate)")
    group.add_argument("--benchmarks", default=None, metavar="NAMES",
                       help="--decontaminate benchmarks, comma-separated (default humaneval,mbpp,ds1000)")
    group.add_argument("--benchmark-file", type=Path, action="append", default=[], metavar="FILE",
                       help="--decontaminate with a local JSONL of benchmark problems; repeatable")
    group.add_argument("--refresh-benchmarks", action="store_true",
                       help="--decontaminate with MBPP/DS-1000 from the hub instead of the packaged copies")


@dataclass(frozen=True)
class PostSteps:
    near_dedup: NearDedupConfig | None = None
    benchmarks: tuple[BenchmarkItem, ...] | None = None
    workers: int = 1
    quiet: bool = False
    executor: str = "local"  # prepare's --executor: "ray" runs the steps' batches as Ray tasks too
    ray_address: str | None = None
    ray_workers: int | None = None  # prepare's --workers as given (None: every CPU of the cluster)

    def __bool__(self) -> bool:
        return self.near_dedup is not None or self.benchmarks is not None


def post_steps_from_args(args: argparse.Namespace) -> PostSteps:
    """Validate the post-processing options and load the benchmarks; ``UsageError`` on any problem."""
    from tritter_data.commands.decontaminate import items_from_args
    from tritter_data.dedup.minhash import default_backend

    if args.threshold is not None and not args.near_dedup:
        raise UsageError("--threshold applies to --near-dedup; add --near-dedup")
    refresh = bool(getattr(args, "refresh_benchmarks", False))
    if refresh and not args.decontaminate:
        raise UsageError("--refresh-benchmarks applies to --decontaminate; add --decontaminate")
    if (args.benchmarks is not None or args.benchmark_file) and not args.decontaminate:
        raise UsageError("--benchmarks/--benchmark-file apply to --decontaminate; add --decontaminate")
    config = None
    if args.near_dedup:
        try:
            config = NearDedupConfig(threshold=0.8 if args.threshold is None else args.threshold,
                                     workers=max(1, args.workers or 1), backend=default_backend())
        except ValueError as error:
            raise UsageError(str(error)) from None
    items = tuple(items_from_args(args.benchmarks, args.benchmark_file, refresh)) if args.decontaminate else None
    return PostSteps(config, items, max(1, args.workers or 1), bool(getattr(args, "quiet", False)),
                     getattr(args, "executor", "local"), getattr(args, "ray_address", None), args.workers)


def run_post_steps(steps: PostSteps, output_dir: Path) -> dict[str, Any]:
    """Run the requested steps over ``output_dir``'s shards in place; returns the updated manifest."""
    from tritter_data.decontam.decontaminate import cached_index, decontaminate
    from tritter_data.dedup.near import near_dedup
    from tritter_data.executors import post_step_executor

    manifest_path = output_dir / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    executor = post_step_executor(steps.executor, steps.ray_workers, steps.ray_address)
    with executor if executor is not None else contextlib.nullcontext():  # one Ray session for both
        if steps.near_dedup is not None:
            manifest["near_dedup"] = _in_place(output_dir, lambda shards, out: near_dedup(
                shards, out, steps.near_dedup, shard_size=shards.shard_size, compress=shards.compress,
                quiet=steps.quiet, executor=executor))
        if steps.benchmarks is not None:
            index = cached_index(steps.benchmarks)
            manifest["decontaminate"] = _in_place(output_dir, lambda shards, out: decontaminate(
                shards, out, index, shard_size=shards.shard_size, compress=shards.compress,
                workers=steps.workers, quiet=steps.quiet, executor=executor))
    fold_removals(manifest, output_dir)
    manifest["kept_after_post_steps"] = manifest["kept"]
    manifest["shards"] = [path.name for path in existing_shards(output_dir)]
    write_manifest(manifest_path, manifest)
    if not steps.quiet:
        for key in ("near_dedup", "decontaminate"):
            if key in manifest and "removed" in manifest[key]:
                print(f"{key + ':':<15}{manifest[key]['removed']} removed", file=sys.stdout)
        print(f"kept (final):  {manifest['kept_after_post_steps']}", file=sys.stdout)
    return manifest


def _in_place(output_dir: Path, step: Any) -> dict[str, Any]:
    """Run ``step(shards, temp_dir)`` and swap its shards in for ``output_dir``'s."""
    if not existing_shards(output_dir):
        return {"skipped": "no records to process", "kept": 0}
    shards = open_input(output_dir)
    temp = output_dir / ".post_step"
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir()
    try:
        section = step(shards, temp)
        for path in existing_shards(output_dir):
            path.unlink()
        for path in existing_shards(temp):
            path.replace(output_dir / path.name)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    for key in ("input_dir", "output_dir", "shards"):
        section.pop(key, None)
    return section


#: The reject reason under which each post step's removals are counted in the run's totals.
POST_STEP_REASONS = {"near_dedup": "near_duplicate", "decontaminate": "benchmark_contamination"}


def fold_removals(manifest: dict[str, Any], output_dir: Path) -> None:
    """Count the post steps' removals as reject reasons, so the run's totals still add up.

    ``kept``, ``positive``, ``negative`` and the per-language counts are recounted from the
    final shards; each step's removals join ``rejected`` under ``POST_STEP_REASONS``.
    """
    from tritter_data.io.shards import iter_shard_records

    labels: dict[str, dict[str, int]] = {}
    for path in existing_shards(output_dir):
        for record in iter_shard_records(path):
            if isinstance(record, dict):
                counts = labels.setdefault(record["language"], {"positive": 0, "negative": 0})
                counts["negative" if record.get("quality_label") == "negative" else "positive"] += 1
    for step, reason in POST_STEP_REASONS.items():
        removed = manifest.get(step, {}).get("removed", 0)
        if removed:
            manifest["rejected"][reason] = manifest["rejected"].get(reason, 0) + removed
            manifest["rejected_total"] += removed
    for language, bucket in manifest.get("per_language", {}).items():
        kept_before = bucket.get("positive", 0) + bucket.get("negative", 0)
        now = labels.get(language, {"positive": 0, "negative": 0})
        bucket["rejected"] = bucket.get("rejected", 0) + kept_before - now["positive"] - now["negative"]
        bucket.update({key: value for key, value in now.items() if value or key in bucket})
    manifest["positive"] = sum(counts["positive"] for counts in labels.values())
    manifest["negative"] = sum(counts["negative"] for counts in labels.values())
    manifest["kept"] = manifest["positive"] + manifest["negative"]
    if manifest["kept"] + manifest["rejected_total"] != manifest["input_files"]:
        raise RuntimeError(f"accounting error after post steps in {output_dir}")
