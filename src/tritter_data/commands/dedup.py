"""``dedup``: remove near-duplicate records from shards (MinHash LSH, see ``dedup/near.py``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.dedup.config import NearDedupConfig
from tritter_data.executors import add_executor_arguments
from tritter_data.io.shard_set import parse_size

# The run's modules (numpy, the steps) are imported in ``run``: ``--help`` and a typo stay instant.


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "dedup", help="remove near-duplicate records from shards (MinHash LSH)",
        description="Read the shards of a prepare run, remove near-duplicates (token n-gram MinHash, "
                    "LSH, exact Jaccard check) keeping the best of each cluster, and write new shards.",
    )
    parser.add_argument("--input-dir", required=True, type=Path,
                        help="shard directory (shard_*.jsonl[.zst] + manifest.json), or {language}_curated.jsonl "
                             "files: a file, a directory or a glob")
    parser.add_argument("--output-dir", required=True, type=Path, help="directory for the deduplicated shards")
    parser.add_argument("--threshold", type=float, default=0.8,
                        help="Jaccard similarity at or above which two records are duplicates (default 0.8)")
    parser.add_argument("--num-perm", type=int, default=256, help="MinHash permutations (default 256)")
    parser.add_argument("--ngram", type=int, default=5, help="tokens per shingle (default 5)")
    parser.add_argument("--workers", type=int, default=None,
                        help="worker processes for signatures (default 1; with --executor ray, every CPU "
                             "of the cluster)")
    add_executor_arguments(parser)
    parser.add_argument("--memory-limit", default="512M",
                        help="band hashes kept in memory before spilling to disk (default 512M)")
    parser.add_argument("--exact", action="store_true",
                        help="remove byte-identical texts only (keep the first), no MinHash")
    parser.add_argument("--no-verify", action="store_true",
                        help="trust LSH candidates without the exact Jaccard check (faster, less precise)")
    parser.add_argument("--seed", type=int, default=42, help="MinHash seed (default 42)")
    parser.add_argument("--shard-size", type=int, help="records per output shard (default: the input's)")
    parser.add_argument("--removed-file", type=Path, help="write one JSON line per removed record and why")
    parser.add_argument("--overwrite", action="store_true", help="replace the shards of an earlier run in --output-dir")
    parser.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    return parser


def config_from_args(args: argparse.Namespace) -> NearDedupConfig:
    """Validate the options; each problem is a one-line ``UsageError``."""
    from tritter_data.dedup.minhash import default_backend

    try:
        memory = parse_size(str(args.memory_limit))
    except ValueError as error:
        raise UsageError(f"--memory-limit: {error}") from None
    try:
        return NearDedupConfig(threshold=args.threshold, num_perm=args.num_perm, ngram=args.ngram,
                               seed=args.seed, verify=not args.no_verify, workers=1 if args.workers is None else args.workers,
                               memory_limit=memory, backend=default_backend())
    except ValueError as error:
        raise UsageError(str(error)) from None


def run(args: argparse.Namespace) -> int:
    from tritter_data.dedup import near_resume
    from tritter_data.executors import post_step_executor
    from tritter_data.io.lock import OutputLock
    from tritter_data.io.shard_set import claim_output_dir, open_input
    from tritter_data.runs.guards import check_workers
    from tritter_data.steps.corpus import CorpusStep, ExactDedupStep, NearDedupStep

    config = config_from_args(args)
    if args.shard_size is not None and args.shard_size < 1:
        raise UsageError(f"--shard-size must be a positive integer, got {args.shard_size}")
    shards = open_input(args.input_dir, args.shard_size)
    check_workers(args.workers, args.executor)  # a local pool of 10,000 processes is a typo, not a plan
    executor = post_step_executor(args.executor, args.workers, args.ray_address)  # fails before any output
    step: CorpusStep = (ExactDedupStep(args.removed_file, args.quiet) if args.exact
                        else NearDedupStep(config, args.removed_file, args.quiet))
    with executor, OutputLock(args.output_dir):
        if args.exact or args.overwrite or not near_resume.resumable(
                args.output_dir, near_resume.fingerprint(shards, config, shards.shard_size, shards.compress,
                                                         args.removed_file)):
            claim_output_dir(args.input_dir, args.output_dir, args.overwrite)
            near_resume.discard(args.output_dir)
        manifest = step.run(shards, args.output_dir, executor)
    if not args.quiet:
        print_summary(manifest)
    return 0


def print_summary(manifest: dict[str, Any]) -> None:
    p = manifest["parameters"]
    print(f"records in: {manifest['input_records']}  ({manifest['bytes_in'] / 1e6:.1f} MB)", file=sys.stdout)
    print(f"kept:       {manifest['kept']}", file=sys.stdout)
    if p.get("exact"):
        print(f"removed:    {manifest['removed']} exact duplicates", file=sys.stdout)
    else:
        print(f"removed:    {manifest['removed']} near-duplicates in {manifest['clusters']} clusters "
              f"(threshold {p['threshold']}, {p['bands']} bands x {p['rows']} rows)", file=sys.stdout)
    if manifest["bad_lines"]:
        print(f"bad lines:  {manifest['bad_lines']} skipped (see manifest)", file=sys.stdout)
    print(f"speed:      {manifest['mb_per_second']} MB/s in {manifest['elapsed_seconds']} s", file=sys.stdout)
