"""The PyTorch training loop: AdamW, warm-up + cosine, clipping, bf16 autocast, accumulation,
periodic checkpoints and ``--resume`` (model, optimizer, schedule and data position)."""

from __future__ import annotations

import contextlib
import json
import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch

from tritter_data.core.errors import UsageError
from tritter_data.train.collate import collate
from tritter_data.train.loader import batches
from tritter_data.train.model_configs import ModelConfig, padded_vocab
from tritter_data.train.transformer import Transformer, count_parameters

CHECKPOINTS = "checkpoints"
LOG = "train_log.jsonl"


@dataclass(frozen=True)
class TrainOptions:
    model: str
    data_dir: str
    output_dir: str
    seq_len: int = 2048
    batch_size: int = 8
    grad_accum: int = 1
    lr: float = 3e-4
    min_lr_ratio: float = 0.1
    warmup_steps: int = 100
    max_steps: int = 1000
    weight_decay: float = 0.1
    grad_clip: float = 1.0
    negatives: str = "review"
    seed: int = 0
    save_every: int = 500
    log_every: int = 10
    tokenizer: str | None = None
    precision: str = "auto"


def lr_factor(step: int, warmup: int, max_steps: int, min_ratio: float) -> float:
    """Linear warm-up to 1, then cosine down to ``min_ratio`` at ``max_steps``.

        >>> [round(lr_factor(s, 2, 10, 0.1), 3) for s in (0, 1, 2, 6, 10)]
        [0.5, 1.0, 1.0, 0.55, 0.1]
    """
    if step < warmup:
        return (step + 1) / warmup
    progress = min(1.0, (step - warmup) / max(1, max_steps - warmup))
    return min_ratio + (1 - min_ratio) * 0.5 * (1 + math.cos(math.pi * progress))


def pick_device(config: ModelConfig, precision: str = "auto") -> tuple[torch.device, torch.dtype | None]:
    """CUDA when present, else the CPU for models that fit it; the autocast dtype or None.

    ``precision``: ``auto`` = bf16 autocast on a GPU that supports it, fp32 elsewhere (CPU
    bf16 kernels are slow on most CPUs); ``bf16`` forces autocast; ``fp32`` turns it off.
    """
    if torch.cuda.is_available():
        device = torch.device("cuda")
        supported = torch.cuda.is_bf16_supported()
    elif config.needs_gpu:
        raise UsageError(f"--model {config.name} needs a CUDA GPU and none is available; "
                         "use --dry-run to check it, or --model tiny to train on the CPU")
    else:
        device, supported = torch.device("cpu"), False
    if precision == "bf16" or (precision == "auto" and supported):
        return device, torch.bfloat16
    return device, None


def build_optimizer(model: torch.nn.Module, options: TrainOptions) -> torch.optim.Optimizer:
    """AdamW with weight decay on matrices only (not on norms)."""
    decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    groups = [{"params": decay, "weight_decay": options.weight_decay}, {"params": no_decay, "weight_decay": 0.0}]
    return torch.optim.AdamW(groups, lr=options.lr, betas=(0.9, 0.95), eps=1e-8)


def _autocast(device: torch.device, dtype: torch.dtype | None) -> Any:
    return torch.autocast(device.type, dtype=dtype) if dtype is not None else contextlib.nullcontext()


def latest_checkpoint(output_dir: Path) -> Path | None:
    found = sorted((output_dir / CHECKPOINTS).glob("step_*.pt"))
    return found[-1] if found else None


def save_checkpoint(path: Path, state: dict[str, Any]) -> None:
    """Write to a temporary name, then rename: a crash never leaves half a checkpoint."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    tmp.replace(path)


def train(options: TrainOptions, config: ModelConfig, files: list[Path], tokenizer: Any,
          resume: str | None = None, on_log: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Train for ``max_steps`` optimizer steps; returns the summary with every step's loss.

    Every ``log_every`` steps an entry goes to ``OUT/train_log.jsonl`` and to ``on_log`` (the
    CLI prints it; library code prints nothing).
    """
    device, autocast_dtype = pick_device(config, options.precision)
    output_dir = Path(options.output_dir)
    if resume is None and latest_checkpoint(output_dir) is not None:
        raise UsageError(f"--output-dir {output_dir}: holds checkpoints of another run; "
                         "pass --resume to continue it, or choose another --output-dir")
    checkpoint = _resume_state(output_dir, resume, config) if resume else None
    torch.manual_seed(options.seed)
    model = Transformer(config, padded_vocab(tokenizer.get_vocab_size())).to(device)
    optimizer = build_optimizer(model, options)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: lr_factor(s, options.warmup_steps, options.max_steps, options.min_lr_ratio))
    step, seen = 0, 0
    if checkpoint is not None:
        model.load_state_dict(checkpoint["model"])
        optimizer.load_state_dict(checkpoint["optimizer"])
        scheduler.load_state_dict(checkpoint["scheduler"])
        step, seen = checkpoint["step"], checkpoint["sequences_seen"]
    output_dir.mkdir(parents=True, exist_ok=True)
    (output_dir / "train_options.json").write_text(json.dumps(asdict(options), indent=2) + "\n")
    data = batches(files, tokenizer, options.seq_len, options.batch_size, options.negatives, options.seed, skip=seen)
    losses: list[tuple[int, float]] = []
    started = time.perf_counter()
    model.train()
    with open(output_dir / LOG, "a", encoding="utf-8") as log:
        while step < options.max_steps:
            total = 0.0
            for _ in range(options.grad_accum):
                batch = next(data)
                seen += len(batch)
                tensors = {k: v.to(device) for k, v in collate(batch).items()}
                with _autocast(device, autocast_dtype):
                    _, loss = model(tensors["input_ids"], tensors["labels"])
                (loss / options.grad_accum).backward()
                total += loss.item() / options.grad_accum
            grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), options.grad_clip).item()
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            losses.append((step, total))
            if step % options.log_every == 0 or step == options.max_steps:
                entry = {"step": step, "loss": round(total, 5), "lr": scheduler.get_last_lr()[0],
                         "grad_norm": round(grad_norm, 4), "sequences_seen": seen,
                         "elapsed_seconds": round(time.perf_counter() - started, 2)}
                log.write(json.dumps(entry) + "\n")
                log.flush()
                if on_log is not None:
                    on_log(entry)
            if step % options.save_every == 0 or step == options.max_steps:
                save_checkpoint(output_dir / CHECKPOINTS / f"step_{step:07d}.pt", {
                    "model": model.state_dict(), "optimizer": optimizer.state_dict(),
                    "scheduler": scheduler.state_dict(), "step": step, "sequences_seen": seen,
                    "model_config": config.to_dict(), "options": asdict(options),
                })
    return {"steps": step, "sequences_seen": seen, "losses": losses, "parameters": count_parameters(model),
            "device": device.type, "autocast": str(autocast_dtype) if autocast_dtype else None}


def _resume_state(output_dir: Path, resume: str, config: ModelConfig) -> dict[str, Any]:
    path = latest_checkpoint(output_dir) if resume == "latest" else Path(resume)
    if path is None or not path.is_file():
        where = output_dir / CHECKPOINTS if resume == "latest" else resume
        raise UsageError(f"--resume: no checkpoint found at {where}")
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as error:
        raise UsageError(f"--resume {path}: cannot load checkpoint: {str(error).splitlines()[0]}") from error
    if state.get("model_config") != config.to_dict():
        raise UsageError(f"--resume {path}: checkpoint is for model {state.get('model_config', {}).get('name')!r}, "
                         f"not {config.name!r}")
    return state
