#!/usr/bin/env python3
"""Train the default tokenizer shipped as ``src/tritter_data/data/tokenizer.json``.

Why this tokenizer: counting tokens (``mix``) and training (``train``) must work offline on a
fresh clone, so the package ships its own small byte-level BPE instead of downloading one.
Byte-level means every input round-trips (no unknown tokens); 8,192 entries keep the JSON a
few hundred KB while still merging the common code idioms (indentation runs, ``self.``,
``def``, ``return``). It is trained on this interpreter's standard library (code) plus the
Markdown files of the Rust toolchain docs and pyenv (prose), capped at ``--max-mb``, files in
sorted order, so the same machine reproduces the same file byte for byte.

    python scripts/train_tokenizer.py --output src/tritter_data/data/tokenizer.json
"""

from __future__ import annotations

import argparse
import sysconfig
from collections.abc import Iterator
from pathlib import Path

VOCAB_SIZE = 8192
#: End of document, padding, and the review block around a negative sample's explanation.
SPECIAL_TOKENS = ["<|endoftext|>", "<|pad|>", "<|review|>", "<|/review|>"]
DOC_ROOTS = [Path.home() / ".rustup/toolchains", Path.home() / ".pyenv"]


def corpus_files(max_bytes: int, prose_roots: list[Path] = DOC_ROOTS) -> list[Path]:
    """Stdlib ``.py`` files (80 % of the budget) then Markdown/rST prose, sorted, capped."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    code = sorted(p for p in stdlib.rglob("*.py") if "site-packages" not in p.parts)
    prose = sorted(p for root in prose_roots if root.is_dir() for p in root.rglob("*") if p.suffix in {".md", ".rst"})
    chosen: list[Path] = []
    for files, budget in ((code, int(max_bytes * 0.8)), (prose, max_bytes - int(max_bytes * 0.8))):
        used = 0
        for path in files:
            size = path.stat().st_size
            if size > 500_000 or used + size > budget:
                continue
            chosen.append(path)
            used += size
    return chosen


def read_texts(files: list[Path]) -> Iterator[str]:
    for path in files:
        yield path.read_text(encoding="utf-8", errors="replace")


def train(files: list[Path], vocab_size: int = VOCAB_SIZE):  # -> tokenizers.Tokenizer
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, min_frequency=2, special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False,
    )
    tokenizer.train_from_iterator(read_texts(files), trainer=trainer, length=len(files))
    return tokenizer


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=Path("src/tritter_data/data/tokenizer.json"))
    parser.add_argument("--vocab-size", type=int, default=VOCAB_SIZE)
    parser.add_argument("--max-mb", type=float, default=24.0, help="corpus size cap in MB (default 24)")
    parser.add_argument("--prose-root", type=Path, action="append", default=None, metavar="DIR",
                        help="where to find Markdown/rST prose (default: ~/.rustup/toolchains and ~/.pyenv)")
    args = parser.parse_args()
    files = corpus_files(int(args.max_mb * 1e6), args.prose_root or DOC_ROOTS)
    tokenizer = train(files, args.vocab_size)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tokenizer.save(str(args.output), pretty=False)
    size = sum(p.stat().st_size for p in files)
    print(f"trained on {len(files)} files ({size / 1e6:.1f} MB); vocab {tokenizer.get_vocab_size()}; "
          f"wrote {args.output} ({args.output.stat().st_size / 1e3:.0f} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
