"""One way to get a tokenizer, for counting (``mix``) and training (``train``).

``--tokenizer`` takes nothing (the byte-level BPE shipped in the package, trained by
``scripts/train_tokenizer.py``: works offline), a path to a Hugging Face ``tokenizers`` JSON
file, or an installed model name (``org/name``) looked up in the local Hugging Face cache only;
nothing is downloaded. Anything that cannot be loaded is a one-line ``UsageError``.

Special-token strings inside the text are encoded as plain text (``encode_special_tokens``),
so a file that happens to contain ``<|review|>`` cannot forge the review markers that the
training collator inserts by id::

    >>> tok = load_tokenizer()
    >>> tok.get_vocab_size(), count_tokens(tok, ["def f(x):\\n    return eval(x)"])
    (8192, [11])
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from tritter_data.core.errors import UsageError

DEFAULT_NAME = "tritter-bpe-8k"
EOS, PAD, REVIEW_OPEN, REVIEW_CLOSE = "<|endoftext|>", "<|pad|>", "<|review|>", "<|/review|>"
INSTALL_HINT = "install the 'mix' extra: pip install 'tritter-data[mix]'"


@dataclass(frozen=True)
class TokenizerInfo:
    """Where a tokenizer came from, for manifests: name, file, content hash, vocab size."""

    name: str
    path: str
    sha256: str
    vocab_size: int


def _tokenizers_module() -> Any:
    try:
        import tokenizers
    except ImportError as error:
        raise UsageError(f"the 'tokenizers' package is missing ({INSTALL_HINT})") from error
    return tokenizers


def default_tokenizer_path() -> Path:
    return Path(str(resources.files("tritter_data") / "data" / "tokenizer.json"))


def hf_cache_dirs() -> list[Path]:
    """The Hugging Face hub cache directories, in the order the hub library consults them."""
    dirs = []
    if os.environ.get("HF_HUB_CACHE"):
        dirs.append(Path(os.environ["HF_HUB_CACHE"]))
    home = os.environ.get("HF_HOME") or os.path.join(os.environ.get("XDG_CACHE_HOME", "~/.cache"), "huggingface")
    dirs.append(Path(home).expanduser() / "hub")
    return dirs


def find_cached_model(name: str) -> Path | None:
    """``tokenizer.json`` of model ``name`` in the local HF cache (newest snapshot), or None."""
    folder = "models--" + name.replace("/", "--")
    for cache in hf_cache_dirs():
        snapshots = cache / folder / "snapshots"
        if not snapshots.is_dir():
            continue
        candidates = sorted(snapshots.glob("*/tokenizer.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        if candidates:
            return candidates[0]
    return None


def resolve_tokenizer(spec: str | None) -> tuple[str, Path]:
    """(display name, JSON path) for ``--tokenizer``; ``UsageError`` when there is none."""
    if not spec:
        return DEFAULT_NAME, default_tokenizer_path()
    path = Path(spec).expanduser()
    if path.is_dir() and (path / "tokenizer.json").is_file():
        return spec, path / "tokenizer.json"
    if path.is_file():
        return spec, path
    if path.suffix == ".json" or spec.startswith((".", "/", "~")):
        raise UsageError(f"--tokenizer {spec}: no such file")
    cached = find_cached_model(spec)
    if cached is None:
        where = ", ".join(str(d) for d in hf_cache_dirs())
        raise UsageError(f"--tokenizer {spec}: not a file and not an installed model in the HF cache ({where})")
    return spec, cached


def load_tokenizer(spec: str | None = None) -> Any:
    """A ``tokenizers.Tokenizer`` for ``--tokenizer`` (see the module doc)."""
    return load_tokenizer_with_info(spec)[0]


def load_tokenizer_with_info(spec: str | None = None) -> tuple[Any, TokenizerInfo]:
    tokenizers = _tokenizers_module()
    name, path = resolve_tokenizer(spec)
    try:
        data = path.read_bytes()
        tokenizer = tokenizers.Tokenizer.from_str(data.decode("utf-8"))
    except Exception as error:  # OSError, UnicodeDecodeError, or the plain Exception tokenizers raises
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise UsageError(f"--tokenizer {spec or name}: cannot load {path}: {first}") from error
    tokenizer.encode_special_tokens = True
    info = TokenizerInfo(name, str(path), hashlib.sha256(data).hexdigest(), tokenizer.get_vocab_size())
    return tokenizer, info


def count_tokens(tokenizer: Any, texts: Sequence[str]) -> list[int]:
    """Tokens of each text, without special tokens (batch-encoded: the library's fast path)."""
    if not texts:
        return []
    return [len(encoding.ids) for encoding in tokenizer.encode_batch(list(texts), add_special_tokens=False)]


def special_token_id(tokenizer: Any, token: str) -> int:
    """The id of a special token; a ``UsageError`` when the tokenizer lacks it."""
    token_id = tokenizer.token_to_id(token)
    if token_id is None:
        raise UsageError(f"tokenizer has no {token} token; train one with scripts/train_tokenizer.py")
    return int(token_id)
