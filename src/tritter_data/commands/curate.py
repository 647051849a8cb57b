"""``curate``: The Stack v2 / Stack-Edu / curated repositories -> ``{language}_curated.jsonl``.

    python scripts/curate_datasets.py --list-subsets
    python scripts/curate_datasets.py --language python --max-samples 1000 --output data/curated
    python scripts/curate_datasets.py --dataset HuggingFaceTB/stack-edu --language python --min-edu-score 3
    python scripts/curate_datasets.py --from-parquet mirror/ --language rust --repos data/curated_repos.json
    python scripts/curate_datasets.py --language python --max-samples 1000 --near-dedup --decontaminate
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

from tritter_data.core.errors import RunFailed, UsageError
from tritter_data.core.languages import KNOWN_LANGUAGES, LANGUAGES
from tritter_data.executors import Executor, add_executor_arguments, make_executor
from tritter_data.io.lock import OutputLock
from tritter_data.runs.curate_progress import CurateProgress
from tritter_data.runs.guards import (
    check_dependencies,
    check_output_creatable,
    check_workers,
    internal_error_failure,
)
from tritter_data.runs.space import check_space, curate_estimate, format_bytes
from tritter_data.sources.blobs import BlobFetcher, RetryPolicy, make_s3_client
from tritter_data.sources.hub import (
    dataset_spec,
    hub_parquet_files,
    hub_token,
    hub_unreachable_reason,
    load_catalog,
    refresh_catalog,
)
from tritter_data.sources.repos import load_repos
from tritter_data.sources.rows import ColumnNeeds, RowSource, hub_source, language_directory, local_source
from tritter_data.sources.stack import RowFilter, stack_language
from tritter_data.steps.post_steps import PostSteps, add_post_arguments, post_steps_from_args, run_on_curated

DEFAULT_DATASET = "bigcode/the-stack-v2-dedup"
EDU_DATASETS = ("HuggingFaceTB/stack-edu",)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "curate", help="curate The Stack v2 / Stack-Edu into {language}_curated.jsonl",
        description="Filter Stack v2 / Stack-Edu metadata, fetch the surviving blobs from S3, run the "
                    "per-file stages and write data/curated/{language}_curated.jsonl (resumable).",
    )
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("--list-subsets", action="store_true", help="list each dataset's languages (row counts where known) and exit")
    add("--language", nargs="+", metavar="LANG", help=f"language(s) to curate, one output file each ({', '.join(LANGUAGES)}; "
                                                   "docs: markdown restructuredtext asciidoc)")
    add("--max-samples", type=int, metavar="N", help="stop after this many kept samples per language")
    add("--min-stars", type=int, metavar="N", help="minimum repository stars (star_events_count; Stack-Edu: from --repos)")
    add("--output", type=Path, metavar="DIR", default=Path("data/curated"), help="output directory (default data/curated)")
    add("--dataset", metavar="REPO", default=DEFAULT_DATASET, help=f"hub dataset (default {DEFAULT_DATASET}); see --list-subsets")
    add("--from-parquet", type=Path, metavar="DIR", help="read metadata rows from local parquet files instead of the hub")
    add("--content-column", metavar="NAME", help="rows carry the file content in this column (no S3 fetch)")
    add("--repos", type=Path, metavar="FILE", help="restrict to the repositories of this list (data/curated_repos.json)")
    add("--min-edu-score", type=float, metavar="SCORE", help="Stack-Edu: minimum educational score (int_score, else score)")
    add("--min-quality", type=float, metavar="SCORE", default=0.5, help="minimum quality score for positive samples (default 0.5)")
    add("--workers", type=int, metavar="N", default=None,
        help="processes running the per-file stages (default 1; with --executor ray, every CPU of the cluster)")
    add_executor_arguments(parser)
    add("--fetch-workers", type=int, metavar="N", default=32, help="concurrent S3 fetches (default 32)")
    add("--fetch-attempts", type=int, metavar="N", default=6, help="tries per blob before fetch_failed (default 6)")
    add("--fetch-backoff", type=float, metavar="SECONDS", default=0.2,
        help="base seconds of the exponential backoff between tries (default 0.2)")
    add("--s3-endpoint-url", metavar="URL", help="S3 endpoint (default: AWS_ENDPOINT_URL or AWS itself)")
    add("--part-size", type=int, metavar="ROWS", default=10_000, help="rows per resumable output part (default 10000)")
    add("--overwrite", action="store_true", help="discard earlier output (finished or not) for these languages")
    add("--quiet", action="store_true", help="no progress bars and no summary")
    add_post_arguments(parser)
    add("--skip-space-check", action="store_true",
        help="start even if the free space at --output looks too small for the estimated output")


def _positive(name: str, value: int | None, allow_zero: bool = False) -> None:
    if value is not None and (value < 0 or (value == 0 and not allow_zero)):
        raise UsageError(f"{name} must be {'a non-negative' if allow_zero else 'a positive'} integer, got {value}")


def validate(args: argparse.Namespace) -> list[str]:
    """Check the options; return the canonical languages. Every problem is one line."""
    if not args.language:
        raise UsageError("--language is required (or pass --list-subsets)")
    languages = []
    for name in (n for value in args.language for n in value.split(",") if n):
        language = stack_language(name)
        if language is None:
            raise UsageError(f"--language: unknown language {name!r}; choose from {', '.join(KNOWN_LANGUAGES)}")
        if language not in languages:
            languages.append(language)
    _positive("--max-samples", args.max_samples)
    _positive("--min-stars", args.min_stars, allow_zero=True)
    _positive("--workers", args.workers)
    check_workers(args.workers, args.executor)
    _positive("--fetch-workers", args.fetch_workers)
    _positive("--fetch-attempts", args.fetch_attempts)
    _positive("--part-size", args.part_size)
    if args.fetch_backoff < 0:
        raise UsageError(f"--fetch-backoff must be >= 0 seconds, got {args.fetch_backoff}")
    if not 0.0 <= args.min_quality <= 1.0:
        raise UsageError(f"--min-quality must be between 0 and 1, got {args.min_quality}")
    if args.min_edu_score is not None and not 0 <= args.min_edu_score <= 5:
        raise UsageError(f"--min-edu-score must be between 0 and 5, got {args.min_edu_score}")
    if args.from_parquet is None:
        spec = dataset_spec(args.dataset)
        if args.min_edu_score is not None and args.dataset not in EDU_DATASETS:
            raise UsageError(f"--min-edu-score needs an educational score; {args.dataset} has none (try HuggingFaceTB/stack-edu)")
        if args.min_stars is not None and args.dataset in EDU_DATASETS and args.repos is None:
            raise UsageError(f"--min-stars: {args.dataset} has no stars column; pass --repos FILE to join stars from a repository list")
        missing = [lang for lang in languages if lang not in spec["subsets"]]
        if missing:
            raise UsageError(f"--language {missing[0]}: not in {args.dataset}; see --list-subsets")
    return languages


def run(args: argparse.Namespace) -> int:
    if args.list_subsets:
        print_subsets()
        return 0
    languages = validate(args)
    post = post_steps_from_args(args)  # checked (and benchmarks loaded) before any row is read
    repos = load_repos(args.repos) if args.repos else None
    repos_digest = hashlib.sha256(args.repos.read_bytes()).hexdigest()[:16] if args.repos else None
    content_column = args.content_column
    if args.from_parquet is None and content_column is None:
        content_column = dataset_spec(args.dataset).get("content_column")
    check_dependencies(languages)  # one line now, not an internal_error per file
    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"--output {args.output}: exists and is not a directory")
    check_output_creatable(args.output)  # unwritable: one line now, before any row is read
    if not args.skip_space_check:
        check_curate_space(args, languages, content_column)
    client = None if content_column else make_s3_client(args.s3_endpoint_url, args.fetch_workers)
    executor = make_executor(args.executor, args.workers or (1 if args.executor == "local" else None),
                             address=args.ray_address)  # no Ray or no cluster: one line, before any output
    with executor, OutputLock(args.output):  # one session per run; one run per output directory
        return _curate(args, languages, repos, repos_digest, content_column, client, executor, post)


def _curate(args: argparse.Namespace, languages: list[str], repos: Any, repos_digest: str | None,
            content_column: str | None, client: Any, executor: Executor, post: PostSteps) -> int:
    from tritter_data.runs.curate import Curation, output_paths  # numpy and the stages: only for a run

    manifests = []
    for language in languages:
        needs = ColumnNeeds(content_column, stars=args.min_stars is not None and repos is None,
                            score=args.min_edu_score is not None)
        source = _source(args, language, needs)
        rule = RowFilter(language=language, min_stars=args.min_stars, min_edu_score=args.min_edu_score, repos=repos)
        fetcher = None if client is None else BlobFetcher(
            client, args.fetch_workers, RetryPolicy(attempts=args.fetch_attempts, base_seconds=args.fetch_backoff))
        fingerprint = {
            "dataset": None if args.from_parquet else args.dataset,
            "from_parquet": str(args.from_parquet.resolve()) if args.from_parquet else None,
            "content_column": content_column, "language": language, "min_stars": args.min_stars,
            "min_edu_score": args.min_edu_score, "max_samples": args.max_samples,
            "min_quality": args.min_quality, "repos": repos_digest, "part_size": args.part_size,
        }
        progress = CurateProgress(language, args.quiet)
        try:
            args.output.mkdir(parents=True, exist_ok=True)
            manifest = Curation(
                output=args.output, language=language, source=source, rule=rule, fetcher=fetcher,
                fingerprint=fingerprint, max_samples=args.max_samples, part_size=args.part_size,
                workers=args.workers or 1, min_quality=args.min_quality, overwrite=args.overwrite,
                progress=progress, executor=executor,
            ).run()
        finally:
            progress.close()
        if post:
            final, manifest_path, _ = output_paths(args.output, language)
            manifest = {**run_on_curated(post, final, manifest_path, executor),
                        "already_complete": manifest.get("already_complete", False)}
        manifests.append(manifest)
        if not args.quiet:
            print_summary(manifest, args.output)
        failure = internal_error_failure(manifest)
        if failure:
            raise RunFailed(f"{language}: {failure}")
    return 0


def check_curate_space(args: argparse.Namespace, languages: list[str], content_column: str | None) -> None:
    """Refuse (one line) when the estimated output of all ``languages`` does not fit at ``--output``.

    The estimate (``runs/space.py``): ``--max-samples`` x a mean record, the card's storage
    table, or inline-content parquet sizes; a language with none of these is not counted.
    """
    needed, basis = 0, []
    for language in languages:
        parquet: list[Path] = []
        if args.from_parquet is not None and args.from_parquet.is_dir():
            root = language_directory(args.from_parquet, language) or args.from_parquet
            parquet = sorted(root.rglob("*.parquet"))
        estimate = curate_estimate(language, args.max_samples, parquet, inline_content=content_column is not None,
                                   card_dataset=args.from_parquet is None and args.dataset == DEFAULT_DATASET)
        if estimate is not None:
            needed += estimate
            basis.append(f"{language} {format_bytes(estimate)}")
    if needed:
        check_space(args.output, needed, ", ".join(basis))


def _source(args: argparse.Namespace, language: str, needs: ColumnNeeds) -> RowSource:
    if args.from_parquet is not None:
        return local_source(args.from_parquet, needs, language)
    spec = dataset_spec(args.dataset)
    token = hub_token(args.dataset, spec)
    fs, paths = hub_parquet_files(args.dataset, spec, language, token)
    return hub_source(fs, paths, needs)


def print_subsets(out: Any = None) -> None:
    out = out or sys.stdout
    unreachable = hub_unreachable_reason()
    for dataset, spec in load_catalog().items():
        subsets, origin = refresh_catalog(dataset, spec, unreachable)
        access = "gated: needs HF_TOKEN" if spec.get("gated") else "open"
        content = "inline content" if spec.get("content") == "inline" else "contents in s3://softwareheritage"
        print(f"{dataset}  ({access}; {content}; {origin})", file=out)
        print(f"  {spec['description']}", file=out)
        for language, info in sorted(subsets.items()):
            rows = f"{info['rows']:,} rows" if info.get("rows") else "rows unknown"
            print(f"  {language:<12} {info['name']:<12} {rows}", file=out)


def print_summary(manifest: dict[str, Any], output: Path) -> None:
    if manifest.get("already_complete"):
        print(f"{manifest['language']}: already complete in {output / manifest['output']} "
              f"({manifest['kept']} kept); pass --overwrite to redo")
        return
    fetch = manifest.get("fetch") or {}
    print(f"{manifest['language']}: rows read {manifest['rows_read']}, kept {manifest['kept']} "
          f"(positive {manifest['positive']}, negative {manifest['negative']}), rejected {manifest['rejected_total']}")
    for reason, count in sorted(manifest["rejected"].items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {reason:<24} {count:>9}")
    if fetch:
        print(f"  blobs fetched {fetch.get('fetched', 0)}, retries {fetch.get('retries', 0)}, "
              f"failed {fetch.get('failed', 0)}, {fetch.get('bytes_compressed', 0) / 1e6:.1f} MB compressed")
    resumed = f", resumed after {manifest['resumed_parts']} part(s)" if manifest.get("resumed_parts") else ""
    print(f"  wrote {output / manifest['output']} ({manifest['stopped']}{resumed})")

