"""The mix config (YAML or TOML): components, their inputs, shares and filters.

Every problem is one ``UsageError`` line naming the file and the field, e.g.
``phase1.yaml: components[2].share: must be a number``. Example (the card's Phase 1 table is
``configs/phase1_mix.yaml``, shipped as ``tritter_data/data/phase1_mix.yaml``)::

    total_tokens: 100B          # optional; default: the tokens available in all inputs
    components:
      - name: python
        kind: code              # code (card-schema JSONL shards) | docs (Markdown/rST) | chat (JSONL)
        share: 40               # percent; the shares add up to 100 (or give `tokens:` to each)
        inputs: [data/pretrain, data/curated/python_curated.jsonl]
        filters: {language: python, min_quality: 0.5}

Relative input paths are resolved against the current directory (like every path on the
command line); an input may be a file, a directory or a glob.

    >>> parse_tokens("100B", "total_tokens"), parse_tokens("2.5M", "x"), parse_tokens(1000, "x")
    (100000000000, 2500000, 1000)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.core.languages import LANGUAGES, canonical_language
from tritter_data.core.sample import LABELS

KINDS = ("code", "docs", "chat")
#: Filters each kind accepts, with their defaults (None: no filter).
FILTER_DEFAULTS: dict[str, dict[str, Any]] = {
    "code": {"language": None, "min_quality": None, "labels": None},
    "docs": {"min_chars": 200, "max_bytes": 500_000, "min_alpha_ratio": 0.25},
    "chat": {"min_turns": 2, "min_chars": 20},
}
SHARE_TOLERANCE = 0.01  # percent
_SUFFIXES = {"": 1, "K": 10**3, "M": 10**6, "B": 10**9, "G": 10**9, "T": 10**12}
_TOKENS_RE = re.compile(r"^\s*([0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)\s*([KMBGT]?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Component:
    name: str
    kind: str
    inputs: tuple[str, ...]
    share: float | None = None  # percent
    tokens: int | None = None
    filters: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class MixConfig:
    path: str
    components: tuple[Component, ...]
    total_tokens: int | None = None

    @property
    def by_share(self) -> bool:
        return self.components[0].share is not None


def parse_tokens(value: Any, where: str) -> int:
    """A token amount: an integer, a float, or a string like ``100B``, ``2.5M``, ``1e9``."""
    if isinstance(value, bool):
        raise UsageError(f"{where}: must be a token count, got {value!r}")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        match = _TOKENS_RE.match(str(value))
        if not match:
            raise UsageError(f"{where}: must be a token count like 1000, 2.5M or 100B, got {value!r}")
        number = float(match.group(1)) * _SUFFIXES[match.group(2).upper()]
    if number <= 0 or number != number:
        raise UsageError(f"{where}: must be positive, got {value!r}")
    return round(number)


def read_config_file(path: Path) -> dict[str, Any]:
    """Parse YAML (``.yaml``/``.yml``) or TOML (``.toml``) into a dict; one-line errors."""
    if not path.is_file():
        raise UsageError(f"--config {path}: no such file")
    text = path.read_text(encoding="utf-8")
    suffix = path.suffix.lower()
    try:
        if suffix == ".toml":
            try:
                import tomllib
            except ImportError:  # Python 3.10
                import tomli as tomllib  # type: ignore[no-redef]
            data = tomllib.loads(text)
        elif suffix in (".yaml", ".yml"):
            try:
                import yaml
            except ImportError as error:
                raise UsageError("YAML configs need PyYAML: pip install 'tritter-data[mix]'") from error
            data = yaml.safe_load(text)
        else:
            raise UsageError(f"--config {path}: unknown format {suffix!r}; use .yaml, .yml or .toml")
    except UsageError:
        raise
    except Exception as error:  # yaml.YAMLError / tomllib.TOMLDecodeError
        first = " ".join(str(error).split())
        raise UsageError(f"{path}: not valid {suffix[1:].upper()}: {first}") from error
    if not isinstance(data, dict):
        raise UsageError(f"{path}: the top level must be a mapping with a 'components' list")
    return data


def load_config(path: Path) -> MixConfig:
    return validate_config(read_config_file(path), str(path))


def validate_config(data: dict[str, Any], where: str) -> MixConfig:
    """Check every field; the first problem is raised as ``UsageError`` naming it."""
    unknown = set(data) - {"components", "total_tokens", "name", "description"}
    if unknown:
        raise UsageError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    items = data.get("components")
    if not isinstance(items, list) or not items:
        raise UsageError(f"{where}: components: must be a non-empty list")
    total = parse_tokens(data["total_tokens"], f"{where}: total_tokens") if "total_tokens" in data else None
    components = tuple(_component(item, f"{where}: components[{i}]") for i, item in enumerate(items))
    names = [c.name for c in components]
    for i, name in enumerate(names):
        if name in names[:i]:
            raise UsageError(f"{where}: components[{i}].name: duplicate name {name!r}")
    with_share = [c.share is not None for c in components]
    if any(with_share) and not all(with_share):
        i = with_share.index(False)
        raise UsageError(f"{where}: components[{i}]: give every component a share, or every one tokens")
    if all(with_share):
        shares = sum(c.share or 0.0 for c in components)
        if abs(shares - 100.0) > SHARE_TOLERANCE:
            raise UsageError(f"{where}: components: shares add up to {shares:g}%, not 100%")
    elif total is not None:
        raise UsageError(f"{where}: total_tokens: only with shares; components give their own tokens")
    return MixConfig(path=where, components=components, total_tokens=total)


def _component(item: Any, where: str) -> Component:
    if not isinstance(item, dict):
        raise UsageError(f"{where}: must be a mapping with name, share and inputs")
    unknown = set(item) - {"name", "kind", "share", "tokens", "inputs", "filters", "source", "description"}
    if unknown:
        raise UsageError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    name = item.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise UsageError(f"{where}.name: must be a word of letters, digits, _ . -, got {name!r}")
    kind = item.get("kind", "code")
    if kind not in KINDS:
        raise UsageError(f"{where}.kind: must be one of {', '.join(KINDS)}, got {kind!r}")
    if ("share" in item) == ("tokens" in item):
        raise UsageError(f"{where}: give exactly one of share (percent) or tokens")
    share = None
    if "share" in item:
        share = item["share"]
        if isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 < share <= 100:
            raise UsageError(f"{where}.share: must be a number in (0, 100], got {share!r}")
        share = float(share)
    tokens = parse_tokens(item["tokens"], f"{where}.tokens") if "tokens" in item else None
    inputs = item.get("inputs")
    if isinstance(inputs, str):
        inputs = [inputs]
    if not isinstance(inputs, list) or not inputs or not all(isinstance(p, str) and p for p in inputs):
        raise UsageError(f"{where}.inputs: must be a non-empty list of paths or globs")
    filters = _filters(kind, item.get("filters") or {}, f"{where}.filters")
    return Component(name, kind, tuple(inputs), share, tokens, filters)


def _filters(kind: str, raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise UsageError(f"{where}: must be a mapping")
    allowed = FILTER_DEFAULTS[kind]
    unknown = set(raw) - set(allowed)
    if unknown:
        raise UsageError(f"{where}.{sorted(unknown)[0]}: not a filter of kind {kind!r}; "
                         f"choose from {', '.join(allowed)}")
    filters = {**allowed, **raw}
    if kind == "code":
        filters["language"] = _languages(filters["language"], f"{where}.language")
        labels = filters["labels"]
        if labels is not None:
            labels = [labels] if isinstance(labels, str) else labels
            if not isinstance(labels, list) or not labels or any(x not in LABELS for x in labels):
                raise UsageError(f"{where}.labels: must be a list of {', '.join(LABELS)}, got {raw['labels']!r}")
            filters["labels"] = tuple(labels)
    for key in ("min_quality", "min_alpha_ratio"):
        value = filters.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or not 0.0 <= value <= 1.0):
            raise UsageError(f"{where}.{key}: must be a number in [0, 1], got {value!r}")
    for key in ("min_chars", "max_bytes", "min_turns"):
        value = filters.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise UsageError(f"{where}.{key}: must be a non-negative integer, got {value!r}")
    return filters


def _languages(value: Any, where: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names:
        raise UsageError(f"{where}: must be a language or a list of languages")
    result = []
    for name in names:
        canonical = canonical_language(str(name))
        if canonical is None:
            raise UsageError(f"{where}: unknown language {name!r}; choose from {', '.join(LANGUAGES)}")
        result.append(canonical)
    return tuple(result)
