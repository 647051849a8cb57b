"""``decontaminate``: remove records that contain HumanEval, MBPP or DS-1000 problems."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.decontam.benchmarks import KNOWN, BenchmarkItem, BenchmarkUnavailable, load_benchmarks
from tritter_data.executors import add_executor_arguments

# The run's modules (the index, the steps) are imported in ``run``: ``--help`` stays instant.

DEFAULT_BENCHMARKS = ",".join(KNOWN)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "decontaminate", help="remove records that contain benchmark problems (HumanEval, MBPP, DS-1000)",
        description="Read shards and drop every record containing a benchmark prompt or solution "
                    "(whitespace-normalised substring or 10-token n-gram overlap >= 0.5).",
    )
    parser.add_argument("--input-dir", required=True, type=Path,
                        help="shard directory (shard_*.jsonl[.zst] + manifest.json), or {language}_curated.jsonl "
                             "files: a file, a directory or a glob")
    parser.add_argument("--output-dir", required=True, type=Path, help="directory for the clean shards")
    add_benchmark_arguments(parser)
    parser.add_argument("--workers", type=int, default=None,
                        help="worker processes (default 1; with --executor ray, every CPU of the cluster)")
    add_executor_arguments(parser)
    parser.add_argument("--shard-size", type=int, help="records per output shard (default: the input's)")
    parser.add_argument("--removed-file", type=Path, help="write one JSON line per removed record and why")
    parser.add_argument("--overwrite", action="store_true", help="replace the shards of an earlier run in --output-dir")
    parser.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    return parser


def add_benchmark_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--benchmarks", default=None, metavar="NAMES",
                        help=f"comma-separated benchmarks among {DEFAULT_BENCHMARKS} (default: all of them, "
                             "or none when --benchmark-file is given)")
    parser.add_argument("--benchmark-file", type=Path, action="append", default=[], metavar="FILE",
                        help="local JSONL of benchmark problems (HumanEval/MBPP/DS-1000 shape); repeatable")
    parser.add_argument("--refresh-benchmarks", action="store_true",
                        help="read MBPP and DS-1000 from the Hugging Face hub (or its local cache) instead "
                             "of the copies shipped in the package")


def items_from_args(benchmarks: str | None, files: list[Path], refresh: bool = False) -> list[BenchmarkItem]:
    """Load what was asked for; an unavailable benchmark is a one-line ``UsageError``."""
    if benchmarks is None:
        benchmarks = "" if files else DEFAULT_BENCHMARKS
    names = [name.strip().lower() for name in benchmarks.split(",") if name.strip()]
    if not names and not files:
        raise UsageError("--benchmarks: no benchmark given")
    try:
        return load_benchmarks(names, files, refresh=refresh)
    except BenchmarkUnavailable as error:
        raise UsageError(str(error)) from None


def run(args: argparse.Namespace) -> int:
    from tritter_data.decontam.decontaminate import cached_index
    from tritter_data.executors import post_step_executor
    from tritter_data.io.lock import OutputLock
    from tritter_data.io.shard_set import claim_output_dir, open_input
    from tritter_data.runs.guards import check_workers
    from tritter_data.steps.corpus import DecontaminateStep

    if args.workers is not None and args.workers < 1:
        raise UsageError(f"--workers must be at least 1, got {args.workers}")
    if args.shard_size is not None and args.shard_size < 1:
        raise UsageError(f"--shard-size must be a positive integer, got {args.shard_size}")
    shards = open_input(args.input_dir, args.shard_size)
    if args.output_dir.resolve() == args.input_dir.resolve():
        raise UsageError("--output-dir must differ from --input-dir (the input would be overwritten)")
    items = items_from_args(args.benchmarks, args.benchmark_file, args.refresh_benchmarks)  # before touching the output
    check_workers(args.workers, args.executor)  # a local pool of 10,000 processes is a typo, not a plan
    executor = post_step_executor(args.executor, args.workers, args.ray_address)  # fails before any output
    step = DecontaminateStep(cached_index(tuple(items)), args.removed_file, args.quiet)
    with executor, OutputLock(args.output_dir):
        claim_output_dir(args.input_dir, args.output_dir, args.overwrite)
        manifest = step.run(shards, args.output_dir, executor)
    if not args.quiet:
        print_summary(manifest)
    return 0


def print_summary(manifest: dict[str, Any]) -> None:
    out = sys.stdout
    print(f"records in: {manifest['input_records']}  ({manifest['bytes_in'] / 1e6:.1f} MB)", file=out)
    print(f"kept:       {manifest['kept']}", file=out)
    print(f"removed:    {manifest['removed']}", file=out)
    for name, entry in manifest["benchmarks"].items():
        print(f"  {name:<12} {entry['hits']:>7} hits  ({entry['items']} problems loaded from {entry['source']})",
              file=out)
    if manifest["bad_lines"]:
        print(f"bad lines:  {manifest['bad_lines']} skipped (see manifest)", file=out)
    print(f"speed:      {manifest['mb_per_second']} MB/s in {manifest['elapsed_seconds']} s", file=out)
