"""The post-processing manifests (near-dup, decontamination, mix) as small typed views.

Each ``*_view`` reads one manifest by the key names issues 5 and 8 describe, accepting the
obvious alternatives, and derives what is missing when it can (removed = input - kept).
A value the manifest does not hold stays ``None`` and the page says "not recorded".

    >>> v = dedup_view({"input_count": 10, "kept": 7, "cluster_size_histogram": {"2": 3}})
    >>> v.removed, v.clusters
    (3, [(2, 3)])
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tritter_data.report.load import as_int, pick, size_counts

_INPUT = ("input_count", "input", "inputs", "input_records", "records_in", "samples_in", "input_files")
_KEPT = ("kept", "kept_count", "output", "output_count", "records_out", "samples_out")
_REMOVED = ("removed", "removed_count", "duplicates", "duplicates_removed", "contaminated")
_PARAMS = ("parameters", "params", "options", "config")


def _params(manifest: Mapping[str, Any], *extra: str) -> dict[str, Any]:
    params = dict(pick(manifest, *_PARAMS, default={}) or {})
    for name in extra:
        if name in manifest and name not in params:
            params[name] = manifest[name]
    return params


def _counts(manifest: Mapping[str, Any]) -> tuple[int | None, int | None, int | None]:
    total, kept = as_int(pick(manifest, *_INPUT)), as_int(pick(manifest, *_KEPT))
    removed = pick(manifest, *_REMOVED)
    removed = as_int(removed) if not isinstance(removed, Mapping) else None
    if removed is None and total is not None and kept is not None:
        removed = total - kept
    return total, kept, removed


@dataclass
class DedupView:
    input: int | None
    kept: int | None
    removed: int | None
    bytes_removed: int | None
    clusters: list[tuple[int, int]]  # (cluster size, number of clusters)
    params: dict[str, Any]
    elapsed: float | None


def dedup_view(manifest: Mapping[str, Any]) -> DedupView:
    total, kept, removed = _counts(manifest)
    histogram = pick(manifest, "cluster_size_histogram", "cluster_sizes", "cluster_histogram", "clusters")
    return DedupView(
        input=total, kept=kept, removed=removed,
        bytes_removed=as_int(pick(manifest, "bytes_removed", "removed_bytes")),
        clusters=size_counts(histogram) if histogram is not None else [],
        params=_params(manifest, "threshold", "num_perm", "ngram", "bands", "rows"),
        elapsed=pick(manifest, "elapsed_seconds", "elapsed"),
    )


@dataclass
class Benchmark:
    name: str
    hits: int | None
    items: int | None


@dataclass
class DecontView:
    input: int | None
    kept: int | None
    removed: int | None
    benchmarks: list[Benchmark]
    params: dict[str, Any]
    elapsed: float | None


def decont_view(manifest: Mapping[str, Any]) -> DecontView:
    """Hits and items loaded per benchmark, from flat dicts or one dict per benchmark."""
    hits = pick(manifest, "hits_per_benchmark", "benchmark_hits", "hits", "removed_per_benchmark")
    items = pick(manifest, "items_loaded", "items_per_benchmark", "benchmark_items", "loaded",
                 "items_loaded_per_benchmark")
    per = manifest.get("benchmarks")
    hits = hits if isinstance(hits, Mapping) else {}
    items = items if isinstance(items, Mapping) else {}
    names = list(dict.fromkeys([*hits, *items, *(per if isinstance(per, (Mapping, list)) else [])]))
    benchmarks = []
    for name in names:
        if not isinstance(name, str):
            continue
        entry = per.get(name) if isinstance(per, Mapping) and isinstance(per.get(name), Mapping) else {}
        hit, item = hits.get(name), items.get(name)
        if isinstance(hit, Mapping):
            entry = {**hit, **entry}
            hit = None
        benchmarks.append(Benchmark(
            name=name,
            hits=as_int(hit if hit is not None else pick(entry, "hits", "removed", "matches", "contaminated")),
            items=as_int(item if item is not None else pick(entry, "items", "items_loaded", "loaded", "problems")),
        ))
    total, kept, removed = _counts(manifest)
    return DecontView(total, kept, removed, benchmarks,
                      _params(manifest, "ngram", "threshold"), pick(manifest, "elapsed_seconds", "elapsed"))


@dataclass
class Component:
    name: str
    available: int | None
    target: int | None
    taken: int | None
    epochs: float | None
    files: int | None
    share: float | None


@dataclass
class MixView:
    components: list[Component] = field(default_factory=list)
    total_tokens: int | None = None
    tokenizer: str | None = None
    params: dict[str, Any] = field(default_factory=dict)


def mix_view(manifest: Mapping[str, Any]) -> MixView:
    """Per component: tokens available, target, taken, epochs (list or name -> dict)."""
    raw = pick(manifest, "components", "mix", default=[])
    if isinstance(raw, Mapping):
        raw = [{"name": name, **value} for name, value in raw.items() if isinstance(value, Mapping)]
    components = []
    for entry in raw if isinstance(raw, list) else []:
        if not isinstance(entry, Mapping):
            continue
        epochs = pick(entry, "epochs", "upsample_epochs")
        share = pick(entry, "target_share", "share", "weight", "fraction")
        files = pick(entry, "files", "file_count", "samples")
        components.append(Component(
            name=str(pick(entry, "name", "component", default="?")),
            available=as_int(pick(entry, "tokens_available", "available_tokens", "available")),
            target=as_int(pick(entry, "target_tokens", "tokens_target", "target")),
            taken=as_int(pick(entry, "tokens_taken", "taken_tokens", "taken")),
            epochs=float(epochs) if isinstance(epochs, (int, float)) and not isinstance(epochs, bool) else None,
            files=as_int(files) if not isinstance(files, list) else len(files),
            share=float(share) if isinstance(share, (int, float)) and not isinstance(share, bool) else None,
        ))
    tokenizer = pick(manifest, "tokenizer")
    return MixView(components, as_int(pick(manifest, "total_tokens", "tokens_total", "tokens")),
                   str(tokenizer) if tokenizer is not None else None,
                   _params(manifest, "seed", "max_epochs"))
