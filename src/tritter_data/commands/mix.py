"""``mix``: curated shards, docs and conversations -> one training mix in target proportions."""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tritter_data.core.errors import UsageError
from tritter_data.mix.config import load_config, parse_tokens

if TYPE_CHECKING:  # the run's modules (tokenizer, sampling) are imported when it runs
    from tritter_data.mix.run import MixOptions


def default_config() -> Path:
    """The card's Phase 1 table, shipped inside the package (``configs/phase1_mix.yaml``)."""
    return Path(str(resources.files("tritter_data") / "data" / "phase1_mix.yaml"))


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "mix", help="mix components (code, docs, conversations) in target token proportions",
        description="Count tokens per component, upsample or sample to the targets, and write interleaved "
                    "JSONL shards plus mix_manifest.json.",
    )
    parser.add_argument("--config", type=Path, default=None,
                        help="YAML or TOML mix config (default: the data card's Phase 1 mix)")
    parser.add_argument("--output-dir", required=True, type=Path, help="directory for the mixed shards")
    parser.add_argument("--tokenizer", default=None,
                        help="tokenizers JSON file or installed model name (default: the shipped 8k byte-level BPE)")
    parser.add_argument("--max-epochs", type=float, default=4.0,
                        help="most times a short component is repeated (default 4)")
    parser.add_argument("--seed", type=int, default=0, help="seed for sampling records (default 0)")
    parser.add_argument("--total-tokens", default=None,
                        help="size of the mix, e.g. 5M or 100B (default: the config's total_tokens, "
                             "else all the tokens available)")
    parser.add_argument("--shard-size", type=int, default=10_000, help="records per shard (default 10000)")
    parser.add_argument("--compress", choices=("none", "zstd"), default="none", help="shard compression")
    parser.add_argument("--overwrite", action="store_true", help="replace an earlier mix in --output-dir")
    parser.add_argument("--quiet", action="store_true", help="no summary")
    return parser


def options_from_args(args: argparse.Namespace) -> MixOptions:
    from tritter_data.mix.run import MixOptions

    config = load_config(args.config or default_config())
    if not args.max_epochs >= 1.0:
        raise UsageError(f"--max-epochs must be at least 1, got {args.max_epochs}")
    if args.shard_size < 1:
        raise UsageError(f"--shard-size must be a positive integer, got {args.shard_size}")
    total = parse_tokens(args.total_tokens, "--total-tokens") if args.total_tokens is not None else None
    if total is not None and not config.by_share:
        raise UsageError(f"--total-tokens: {config.path} gives tokens per component, not shares")
    return MixOptions(config=config, output_dir=args.output_dir, max_epochs=args.max_epochs, seed=args.seed,
                      total_tokens=total, shard_size=args.shard_size, compress=args.compress,
                      overwrite=args.overwrite)


def run(args: argparse.Namespace) -> int:
    from tritter_data.core.tokenizer import load_tokenizer_with_info
    from tritter_data.mix.run import run_mix

    options = options_from_args(args)
    tokenizer, info = load_tokenizer_with_info(args.tokenizer)
    manifest = run_mix(options, tokenizer, info)
    if not args.quiet:
        print_summary(manifest, options.output_dir)
    return 0


def print_summary(manifest: dict[str, Any], output_dir: Path) -> None:
    from tritter_data.mix.run import MANIFEST

    print(f"tokenizer: {manifest['tokenizer']['name']} (vocab {manifest['tokenizer']['vocab_size']})")
    print(f"{'component':<24}{'available':>14}{'target':>16}{'taken':>14}{'share':>8}{'epochs':>8}{'shortfall':>16}")
    for row in manifest["components"]:
        print(f"{row['name']:<24}{row['tokens_available']:>14,}{row['target_tokens']:>16,}{row['tokens_taken']:>14,}"
              f"{row['share_taken']:>7.2f}%{row['epochs']:>8.2f}{row['shortfall_tokens']:>16,}")
    print(f"total: {manifest['tokens_taken']:,} of {manifest['target_tokens']:,} target tokens; "
          f"{manifest['records_written']} records in {len(manifest['shards'])} shards in {output_dir}")
    capped = [row["name"] for row in manifest["components"] if row["capped_at_max_epochs"]]
    if capped:
        print(f"shortfall: {', '.join(capped)} capped at --max-epochs {manifest['max_epochs']:g}; "
              f"{manifest['shortfall_tokens']:,} tokens short in all; see {output_dir / MANIFEST}")
    elif manifest["shortfall_tokens"]:
        print(f"shortfall: {manifest['shortfall_tokens']:,} tokens (records are taken whole, up to each target)")
