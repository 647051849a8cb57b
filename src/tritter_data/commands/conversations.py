"""``conversations``: chat JSONL -> the mix's persona-conversation shards, through the same gates as code."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tritter_data.commands.decontaminate import add_benchmark_arguments, items_from_args
from tritter_data.core.errors import UsageError
from tritter_data.dedup.config import NearDedupConfig

if TYPE_CHECKING:  # the run's modules load numpy and the scanners: imported when it runs
    from tritter_data.runs.conversations import ConversationOptions


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "conversations", help="validate, secret-scan, dedup and decontaminate chat JSONL into shards",
        description="Read chat JSONL (OpenAI 'messages' or ShareGPT 'conversations', optional 'persona'/"
                    "'system'), count and report bad records (FILE:LINE: reason), reject secrets, remove exact "
                    "and near duplicates and benchmark contamination, and write shards with the persona kept.",
    )
    parser.add_argument("--input", required=True, nargs="+", type=Path, metavar="FILE",
                        help="chat JSONL files (.jsonl or .jsonl.zst)")
    parser.add_argument("--output-dir", required=True, type=Path, help="directory for the conversation shards")
    parser.add_argument("--threshold", type=float, default=0.8, help="near-dedup Jaccard threshold (default 0.8)")
    parser.add_argument("--no-near-dedup", action="store_true", help="skip near-duplicate removal")
    parser.add_argument("--no-decontaminate", action="store_true", help="skip benchmark decontamination")
    add_benchmark_arguments(parser)
    parser.add_argument("--shard-size", type=int, default=10_000, help="records per shard (default 10000)")
    parser.add_argument("--compress", choices=("none", "zstd"), default="none", help="shard compression")
    parser.add_argument("--overwrite", action="store_true", help="replace the shards of an earlier run")
    parser.add_argument("--quiet", action="store_true", help="no summary")
    return parser


def options_from_args(args: argparse.Namespace) -> ConversationOptions:
    """Check everything before any output exists; each problem is one ``UsageError`` line."""
    from tritter_data.runs.conversations import ConversationOptions

    for path in args.input:
        if not path.is_file():
            raise UsageError(f"--input {path}: no such file")
    if args.shard_size < 1:
        raise UsageError(f"--shard-size must be a positive integer, got {args.shard_size}")
    near = None
    if not args.no_near_dedup:
        try:
            near = NearDedupConfig(threshold=args.threshold)
        except ValueError as error:
            raise UsageError(str(error)) from None
    items = None
    if args.no_decontaminate:
        if args.benchmarks is not None or args.benchmark_file or args.refresh_benchmarks:
            raise UsageError("--benchmarks/--benchmark-file/--refresh-benchmarks contradict --no-decontaminate")
    else:
        items = tuple(items_from_args(args.benchmarks, args.benchmark_file, args.refresh_benchmarks))
    return ConversationOptions(tuple(args.input), args.output_dir, near, items, args.shard_size, args.compress,
                               args.overwrite, args.quiet)


def run(args: argparse.Namespace) -> int:
    from tritter_data.runs.conversations import prepare_conversations, summary_lines

    manifest = prepare_conversations(options_from_args(args))
    if not args.quiet:
        print("\n".join(summary_lines(manifest)))
    return 0
