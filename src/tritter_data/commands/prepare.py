"""``prepare``: the command line of the prepare run (``runs/prepare.py`` does the work)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tritter_data.core.errors import RunFailed, UsageError
from tritter_data.core.languages import DOC_LANGUAGES, KNOWN_LANGUAGES, LANGUAGES, canonical_language
from tritter_data.executors import EXECUTORS, make_executor
from tritter_data.io.lock import output_lock
from tritter_data.io.storage import check_input as check_remote_input
from tritter_data.io.storage import endpoint_options, is_url, parse_location
from tritter_data.runs.guards import (
    check_dependencies,
    check_output_creatable,
    check_workers,
    internal_error_failure,
)
from tritter_data.runs.space import check_space, prepare_estimate
from tritter_data.sources.local import walk_directory
from tritter_data.sources.remote import walk_remote
from tritter_data.stages.thresholds import QualityThresholds
from tritter_data.steps.post_steps import (
    add_post_arguments,
    pending_post_steps,
    post_steps_from_args,
    run_post_steps,
)

if TYPE_CHECKING:  # the run (stages, scanners, numpy) is imported when it runs, not to parse
    from tritter_data.runs.prepare import PrepareOptions

__all__ = ["add_parser", "options_from_args", "run"]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "prepare", help="curate a directory of source code into sharded JSONL",
        description="Walk a directory of code, filter, label and deduplicate it, and write JSONL shards.",
    )
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--input-dir", required=True, type=parse_location,
                        help="directory (or s3://bucket/prefix) containing source code files")
    parser.add_argument("--output-dir", required=True, type=parse_location,
                        help="directory (or s3://bucket/prefix) to write JSONL shards")
    parser.add_argument("--shard-size", type=int, default=10_000, help="samples per shard file (default 10000)")
    parser.add_argument("--min-quality", type=float, default=0.5,
                        help="minimum quality score for positive samples (default 0.5)")
    parser.add_argument("--positive-only", action="store_true", help="exclude negative examples from the output")
    parser.add_argument("--languages", nargs="+", metavar="LANG",
                        help=f"languages to include (default every code language: {' '.join(LANGUAGES)}; "
                             f"docs, through the prose filters, only when named: {' '.join(DOC_LANGUAGES)}, "
                             "alias md rst adoc)")
    parser.add_argument("--workers", type=int, default=None,
                        help="parallel workers (default 1 for local, at most 4 per CPU; every CPU of the "
                             "cluster for ray)")
    parser.add_argument("--executor", choices=EXECUTORS, default="local",
                        help="local process pool, or a Ray cluster (pip install 'tritter-data[ray]')")
    parser.add_argument("--ray-address", default=None, metavar="ADDR",
                        help="Ray cluster to join: 'auto', host:port or ray://host:10001 "
                             "(default: start a local instance)")
    parser.add_argument("--dry-run", action="store_true", help="count files by language; process and write nothing")
    parser.add_argument("--compress", choices=("none", "zstd"), default="none",
                        help="shard compression: none (.jsonl) or zstd (.jsonl.zst)")
    parser.add_argument("--exclude", nargs="+", default=[], metavar="GLOB",
                        help="skip files and directories whose name or relative path matches (e.g. site-packages)")
    parser.add_argument("--overwrite", action="store_true", help="replace the shards of an earlier run in --output-dir")
    parser.add_argument("--batch-size", type=int, default=64, help="files per task sent to a worker (default 64)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    parser.add_argument("--s3-endpoint-url", default=None, metavar="URL",
                        help="S3-compatible endpoint for s3:// locations (default: AWS_ENDPOINT_URL or AWS)")
    parser.add_argument("--report", action="store_true", help="also write OUT/report.html (needs the [report] extra)")
    parser.add_argument("--skip-space-check", action="store_true",
                        help="start even if the free space at --output-dir looks too small for the output")
    add_post_arguments(parser)


def options_from_args(args: argparse.Namespace) -> PrepareOptions:
    """Validate the command line; every problem is a one-line ``UsageError``."""
    from tritter_data.runs.prepare import PrepareOptions

    storage_options = endpoint_options(args.s3_endpoint_url)
    if is_url(args.input_dir):
        check_remote_input(args.input_dir, storage_options)
    elif not args.input_dir.exists():
        raise UsageError(f"--input-dir {args.input_dir}: no such directory")
    elif not args.input_dir.is_dir():
        raise UsageError(f"--input-dir {args.input_dir}: not a directory")
    elif not any(args.input_dir.iterdir()):
        raise UsageError(f"--input-dir {args.input_dir}: directory is empty")
    if args.shard_size < 1:
        raise UsageError(f"--shard-size must be a positive integer, got {args.shard_size}")
    if not 0.0 <= args.min_quality <= 1.0:
        raise UsageError(f"--min-quality must be between 0 and 1, got {args.min_quality}")
    check_workers(args.workers, args.executor)
    if args.ray_address is not None and args.executor != "ray":
        raise UsageError("--ray-address needs --executor ray")
    if args.workers is None and args.executor == "local":
        args.workers = 1
    if args.batch_size < 1:
        raise UsageError(f"--batch-size must be at least 1, got {args.batch_size}")
    languages = frozenset(LANGUAGES)
    if args.languages:
        names = [name for value in args.languages for name in value.split(",") if name]
        unknown = [name for name in names if canonical_language(name) is None]
        if unknown:
            raise UsageError(f"--languages: unknown language {unknown[0]!r}; "
                             f"choose from {', '.join(KNOWN_LANGUAGES)}")
        languages = frozenset(canonical_language(name) for name in names)  # type: ignore[misc]
    if _same_location(args.input_dir, args.output_dir):
        raise UsageError("--output-dir must differ from --input-dir")
    return PrepareOptions(
        input_dir=args.input_dir, output_dir=args.output_dir, shard_size=args.shard_size,
        min_quality=args.min_quality, positive_only=args.positive_only, languages=languages,
        workers=args.workers, compress=args.compress, overwrite=args.overwrite,
        batch_size=args.batch_size, quiet=args.quiet, exclude=tuple(args.exclude),
        executor=args.executor, ray_address=args.ray_address, storage_options=storage_options,
    )


def _same_location(a: Path | str, b: Path | str) -> bool:
    if is_url(a) or is_url(b):
        return str(a).rstrip("/") == str(b).rstrip("/")
    return Path(a).resolve() == Path(b).resolve()


def run(args: argparse.Namespace) -> int:
    from tritter_data.runs.prepare import count_languages, options_dict, prepare

    options = options_from_args(args)
    if args.dry_run:
        counts = count_languages(options)
        print_counts(counts)
        return 0
    if args.report:
        from tritter_data import report

        report.require_matplotlib()  # fail before the run, not after it
    check_dependencies(options.languages)  # one line now, not an internal_error per file
    post = post_steps_from_args(args)  # checked (and benchmarks loaded) before the long run
    # One session for the whole run: Ray starts once for prepare and its post steps, and a
    # missing Ray or an unreachable cluster fails here, before the output is touched.
    executor = make_executor(options.executor, options.workers, options.batch_size, options.ray_address)
    if not is_url(options.output_dir):
        check_output_creatable(Path(options.output_dir))  # unwritable: one line now, not after the run
        if not args.skip_space_check:
            check_prepare_space(options)
    try:
        with executor, output_lock(options.output_dir):  # the lock is held until the post steps are done
            if post and pending_post_steps(options.output_dir, options_dict(options)):
                # Interrupted in its post steps: the shards are done; the steps go on from where they were.
                logging.getLogger(__name__).warning("%s: resuming the post steps", options.output_dir)
            else:
                manifest = prepare(options, executor)
                if not options.quiet:
                    print_summary(manifest)
                failure = internal_error_failure(manifest)
                if failure:
                    raise RunFailed(failure)
            if post:
                run_post_steps(post, options.output_dir, options.storage_options, executor)
    except KeyboardInterrupt:
        resumable = "rerun the same command to resume" if isinstance(options.output_dir, Path) else "nothing kept"
        print(f"tritter_data prepare: interrupted; {resumable}", file=sys.stderr)
        return 130
    if args.report:
        from tritter_data.commands.report import write_report_at

        path = write_report_at(options.output_dir, options=options.storage_options)
        if not options.quiet:
            print(f"report:    {path}")
    return 0


def check_prepare_space(options: PrepareOptions) -> None:
    """Refuse (one line) when 30 % of the readable input does not fit at the output."""
    if is_url(options.input_dir):
        items = walk_remote(str(options.input_dir), options.exclude, options.storage_options)
    else:
        items = walk_directory(Path(options.input_dir), options.exclude, (Path(options.output_dir),))
    needed, raw = prepare_estimate(items, QualityThresholds().max_bytes)
    check_space(Path(options.output_dir), needed, f"30% of {raw / 1e6:.1f} MB of input files")


def print_counts(counts: Counter[str]) -> None:
    total = sum(counts.values())
    print(f"dry run: {total} files, nothing processed or written")
    for language, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {language:<24} {count:>9}")


def print_summary(manifest: dict[str, Any]) -> None:
    out = sys.stdout
    print(f"files in:  {manifest['input_files']}  ({manifest['bytes_in'] / 1e6:.1f} MB)", file=out)
    print(f"kept:      {manifest['kept']}  (positive {manifest['positive']}, negative {manifest['negative']})",
          file=out)
    print(f"rejected:  {manifest['rejected_total']}", file=out)
    for reason, count in sorted(manifest["rejected"].items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {reason:<24} {count:>9}", file=out)
    print(f"shards:    {len(manifest['shards'])} in {manifest['options']['output_dir']}", file=out)
    print(f"speed:     {manifest['mb_per_second']} MB/s in {manifest['elapsed_seconds']} s", file=out)


