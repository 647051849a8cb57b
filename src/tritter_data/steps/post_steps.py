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
import json
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tritter_data.core.errors import UsageError
from tritter_data.decontam.benchmarks import BenchmarkItem
from tritter_data.dedup.config import NearDedupConfig
from tritter_data.executors.base import Executor
from tritter_data.io.shard_set import DEFAULT_SHARD_SIZE, MANIFEST, InputShards
from tritter_data.io.storage import StorageOptions, download_shard_set, is_url, publish_shard_set
from tritter_data.io.writers import existing_shards, write_manifest

if TYPE_CHECKING:  # the steps load numpy and the indexes: not needed to parse a command line
    from tritter_data.steps.corpus import CorpusStep

#: Where prepare's manifest waits while the post steps rewrite the shards: the directory has no
#: ``manifest.json`` meanwhile, so a run killed here is never read as finished.
PENDING = ".manifest.pending.json"
ONE_SHARD = 1 << 62  # a curated file stays one file through the steps
SWAPPING = "post_step_swapping"  # in the pending manifest: this step's shards are being moved in


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


def run_post_steps(steps: PostSteps, output: Path | str, storage_options: StorageOptions = (),
                   executor: Executor | None = None) -> dict[str, Any]:
    """Run the requested steps over ``output``'s shards in place; returns the updated manifest.

    ``executor``: the run's session (prepare's own, so Ray starts once); default: the one
    ``steps`` names. An object-store output is staged: its shards come down to a temporary
    directory, the steps run there, and the result replaces them, manifest last
    (``storage.publish_shard_set``).
    """
    if executor is None:
        from tritter_data.executors import post_step_executor

        executor = post_step_executor(steps.executor, steps.ray_workers, steps.ray_address)
    with executor:
        if not is_url(output):
            return _run_local(steps, Path(output), executor)
        with tempfile.TemporaryDirectory(prefix="tritter-post-") as staging:
            download_shard_set(str(output), Path(staging), storage_options)
            manifest = _run_local(steps, Path(staging), executor)
            publish_shard_set(Path(staging), str(output), storage_options)
        return manifest


def corpus_steps(steps: PostSteps) -> list[CorpusStep]:
    """The requested steps, in the card's order: near-dedup, then decontamination."""
    from tritter_data.decontam.decontaminate import cached_index
    from tritter_data.steps.corpus import DecontaminateStep, NearDedupStep

    chosen: list[CorpusStep] = []
    if steps.near_dedup is not None:
        chosen.append(NearDedupStep(steps.near_dedup, quiet=steps.quiet))
    if steps.benchmarks is not None:
        chosen.append(DecontaminateStep(cached_index(tuple(steps.benchmarks)), quiet=steps.quiet))
    return chosen


def pending_post_steps(output_dir: Path | str, options: dict[str, Any]) -> bool:
    """An interrupted ``prepare`` with these options finished its shards and was in its post steps.

    Then the same command goes on with the steps (``_run_local`` skips those already swapped
    in) instead of refusing an output that holds shards. ``options``: prepare's manifest
    options; those that decide the shards must match (workers and executor may differ).
    """
    from tritter_data.runs.prepare_resume import fingerprint

    if is_url(output_dir):
        return False
    pending = Path(output_dir) / PENDING
    if (Path(output_dir) / MANIFEST).exists() or not pending.is_file():
        return False
    try:
        manifest = json.loads(pending.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    try:
        return fingerprint(manifest["options"]) == fingerprint(options)
    except (KeyError, TypeError):
        return False


def _run_local(steps: PostSteps, output_dir: Path, executor: Executor) -> dict[str, Any]:
    manifest_path, pending = output_dir / MANIFEST, output_dir / PENDING
    if manifest_path.exists():  # until the steps are done the shards are not final: no manifest
        manifest_path.replace(pending)
    manifest = json.loads(pending.read_text(encoding="utf-8"))
    for step in corpus_steps(steps):
        if step.name in manifest and manifest.get(SWAPPING) != step.name:
            continue  # done and swapped in before an interruption
        manifest[step.name] = _in_place(output_dir, manifest, step, executor)
        manifest.pop(SWAPPING, None)
        write_manifest(pending, manifest)  # this step is done: a rerun starts at the next one
    fold_removals(manifest, existing_shards(output_dir), str(output_dir))
    manifest["shards"] = [path.name for path in existing_shards(output_dir)]
    write_manifest(manifest_path, manifest)
    pending.unlink()
    _print(steps, manifest)
    return manifest


def run_on_curated(steps: PostSteps, final: Path, manifest_path: Path, executor: Executor) -> dict[str, Any]:
    """``curate --near-dedup --decontaminate``: the same steps over one ``{language}_curated.jsonl``.

    Its manifest is set aside while the steps run (so a kill leaves a curated file without a
    manifest, which no later step reads) and comes back with the steps' sections; a finished
    language whose manifest already has them is left alone.
    """
    chosen = corpus_steps(steps)
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if all(step.name in manifest for step in chosen):
        return manifest
    pending = manifest_path.with_name(f".{manifest_path.name}.pending")
    manifest_path.replace(pending)
    with tempfile.TemporaryDirectory(prefix=".steps-", dir=final.parent) as work:
        current = InputShards(final, (final,), ONE_SHARD, "none")
        for step in chosen:
            out = Path(work) / step.name
            section = step.run(current, out, executor)
            manifest[step.name] = {k: v for k, v in section.items() if k not in ("input_dir", "output_dir", "shards")}
            current = InputShards(out, tuple(existing_shards(out)), ONE_SHARD, "none")
        temporary = final.with_name(final.name + ".tmp")
        with open(temporary, "wb") as handle:
            for path in current.paths:
                handle.write(path.read_bytes())
        temporary.replace(final)
    fold_removals(manifest, [final], str(final))
    manifest["bytes_out"] = final.stat().st_size
    write_manifest(manifest_path, manifest)
    pending.unlink()
    _print(steps, manifest)
    return manifest


def _print(steps: PostSteps, manifest: dict[str, Any]) -> None:
    if not steps.quiet:
        for key in POST_STEP_REASONS:
            if key in manifest and "removed" in manifest[key]:
                print(f"{key + ':':<15}{manifest[key]['removed']} removed", file=sys.stdout)
        print(f"kept (final):  {manifest['kept_after_post_steps']}", file=sys.stdout)


def _in_place(output_dir: Path, manifest: dict[str, Any], step: CorpusStep, executor: Executor) -> dict[str, Any]:
    """Run ``step`` into a temporary directory and swap its shards in for ``output_dir``'s.

    Interruptible at any point: the step's own checkpoints (near-dedup's) stay in the
    temporary directory for the rerun; once the step is done, the pending manifest records
    ``SWAPPING`` with the step's section before the first shard moves, so a rerun finishes
    the swap (move what is left, delete the old shards the step did not write) instead of
    running the step again over half-swapped shards.
    """
    temp = output_dir / ".post_step"
    if manifest.get(SWAPPING) == step.name:
        section = manifest[step.name]
    else:
        paths = existing_shards(output_dir)
        if not paths:
            return {"skipped": "no records to process", "kept": 0}
        options = manifest.get("options") or {}
        shards = InputShards(output_dir, tuple(paths), options.get("shard_size") or DEFAULT_SHARD_SIZE,
                             options.get("compress") or "none")
        if not (temp / ".parts").is_dir():  # no checkpoint of an interrupted step to go on from
            shutil.rmtree(temp, ignore_errors=True)
        temp.mkdir(exist_ok=True)
        section = step.run(shards, temp, executor)
        for key in ("input_dir", "output_dir"):
            section.pop(key, None)
        write_manifest(output_dir / PENDING, {**manifest, step.name: section, SWAPPING: step.name})
    for path in existing_shards(temp) if temp.is_dir() else []:
        path.replace(output_dir / path.name)
    for path in existing_shards(output_dir):
        if path.name not in section["shards"]:
            path.unlink()
    shutil.rmtree(temp, ignore_errors=True)
    return {key: value for key, value in section.items() if key != "shards"}


#: The reject reason under which each post step's removals are counted in the run's totals.
POST_STEP_REASONS = {"near_dedup": "near_duplicate", "decontaminate": "benchmark_contamination"}


def fold_removals(manifest: dict[str, Any], paths: list[Path], where: str) -> None:
    """Count the post steps' removals as reject reasons, so the run's totals still add up.

    ``kept``, ``positive``, ``negative`` and the per-language counts are recounted from the
    final shards; each step's removals join ``rejected`` under ``POST_STEP_REASONS``.
    """
    from tritter_data.io.shards import iter_shard_records

    labels: dict[str, dict[str, int]] = {}
    for path in paths:
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
        raise RuntimeError(f"accounting error after post steps in {where}")
    manifest["kept_after_post_steps"] = manifest["kept"]
