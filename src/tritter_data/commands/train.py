"""``train``: pretrain a decoder-only model on curated shards (``scripts/train_pretrain.py``).

    python scripts/train_pretrain.py --model 1B --data-dir data/sample --dry-run
    python scripts/train_pretrain.py --model tiny --data-dir data/pretrain --max-steps 200 --output-dir runs/tiny
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.core.tokenizer import load_tokenizer
from tritter_data.train.collate import NEGATIVE_MODES
from tritter_data.train.data import INSTALL_HINT, find_data_files
from tritter_data.train.model_configs import MODEL_NAMES, get_model_config


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "train", help="pretrain a decoder-only transformer on JSONL shards (PyTorch, the [train] extra)",
        description="Stream shards through datasets, pack them into sequences and train with AdamW.",
    )
    parser.add_argument("--model", required=True, help=f"model size: {', '.join(MODEL_NAMES)}")
    parser.add_argument("--data-dir", required=True, type=Path, help="shard_*.jsonl files, or data/sample")
    parser.add_argument("--output-dir", type=Path, default=Path("runs/pretrain"),
                        help="checkpoints and train_log.jsonl (default runs/pretrain)")
    parser.add_argument("--seq-len", type=int, default=2048, help="tokens per packed sequence (default 2048)")
    parser.add_argument("--batch-size", type=int, default=8, help="sequences per micro-batch (default 8)")
    parser.add_argument("--grad-accum", type=int, default=1, help="micro-batches per optimizer step (default 1)")
    parser.add_argument("--lr", type=float, default=3e-4, help="peak learning rate (default 3e-4)")
    parser.add_argument("--warmup-steps", type=int, default=None, help="linear warm-up steps (default 10%% of --max-steps, at most 2000)")
    parser.add_argument("--max-steps", type=int, default=1000, help="optimizer steps (default 1000)")
    parser.add_argument("--negatives", choices=NEGATIVE_MODES, default="review",
                        help="negative samples: include as code, exclude, or review (code + explanation block; default)")
    parser.add_argument("--tokenizer", default=None, help="tokenizers JSON file or installed model name")
    parser.add_argument("--precision", choices=("auto", "bf16", "fp32"), default="auto",
                        help="auto: bf16 autocast on a GPU that supports it, else fp32 (default)")
    parser.add_argument("--save-every", type=int, default=500, help="checkpoint every N steps (default 500)")
    parser.add_argument("--log-every", type=int, default=10, help="log every N steps (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="seed for initialisation and data order (default 0)")
    parser.add_argument("--resume", nargs="?", const="latest", default=None, metavar="CHECKPOINT",
                        help="continue from the latest checkpoint in --output-dir (or from CHECKPOINT)")
    parser.add_argument("--dry-run", action="store_true",
                        help="count data, parameters and memory; push a few batches through the loader; no training")
    return parser


def _check(args: argparse.Namespace) -> None:
    for name in ("seq_len", "batch_size", "grad_accum", "max_steps", "save_every", "log_every"):
        if getattr(args, name) < 1:
            raise UsageError(f"--{name.replace('_', '-')} must be a positive integer, got {getattr(args, name)}")
    if not args.lr > 0:
        raise UsageError(f"--lr must be positive, got {args.lr}")
    if args.warmup_steps is not None and args.warmup_steps < 0:
        raise UsageError(f"--warmup-steps must be >= 0, got {args.warmup_steps}")


def _torch() -> Any:
    try:
        import torch
    except ImportError as error:
        raise UsageError(f"training needs PyTorch: {INSTALL_HINT} (CPU: pip install torch==2.13.0)") from error
    return torch


def print_log(entry: dict[str, Any]) -> None:
    print(f"step {entry['step']:>6}  loss {entry['loss']:.4f}  lr {entry['lr']:.2e}  "
          f"grad-norm {entry['grad_norm']:.3f}", flush=True)


def run(args: argparse.Namespace) -> int:
    _check(args)
    config = get_model_config(args.model)
    if args.seq_len > config.max_seq_len:
        raise UsageError(f"--seq-len {args.seq_len}: model {config.name} takes at most {config.max_seq_len} tokens")
    files = find_data_files(args.data_dir)
    tokenizer = load_tokenizer(args.tokenizer)
    _torch()
    if args.dry_run:
        from tritter_data.train.dryrun import dry_run, format_report

        report = dry_run(config, files, tokenizer, args.seq_len, args.batch_size, args.grad_accum,
                         args.negatives, args.seed)
        print(format_report(report, config, args.data_dir, args.seq_len, args.batch_size, args.grad_accum,
                            args.negatives))
        return 0
    from tritter_data.train.trainer import TrainOptions, train

    warmup = args.warmup_steps if args.warmup_steps is not None else min(2000, args.max_steps // 10)
    options = TrainOptions(
        model=config.name, data_dir=str(args.data_dir), output_dir=str(args.output_dir), seq_len=args.seq_len,
        batch_size=args.batch_size, grad_accum=args.grad_accum, lr=args.lr, warmup_steps=warmup,
        max_steps=args.max_steps, negatives=args.negatives, seed=args.seed, save_every=args.save_every,
        log_every=args.log_every, tokenizer=args.tokenizer, precision=args.precision,
    )
    summary = train(options, config, files, tokenizer, resume=args.resume, on_log=print_log)
    if summary["losses"]:
        first, last = summary["losses"][0], summary["losses"][-1]
        precision = "bf16 autocast" if summary["autocast"] else "fp32"
        print(f"trained {config.name} ({summary['parameters']:,} parameters) on {summary['device']} ({precision}) to step "
              f"{summary['steps']}: loss {first[1]:.4f} -> {last[1]:.4f}; checkpoints in {args.output_dir}")
    else:
        print(f"nothing to do: the checkpoint is already at --max-steps {args.max_steps}")
    return 0
