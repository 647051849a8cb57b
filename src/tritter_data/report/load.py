"""Find the run manifests of a directory and read them tolerantly by well-named keys.

Every command writes a manifest (``prepare``, ``dedup`` and ``decontaminate`` write
``manifest.json``, ``mix`` writes ``mix_manifest.json``). The report looks in ``OUT`` and one
level below it, plus any ``--manifest FILE``, and sorts each manifest into a kind by its
``command`` key or, failing that, by the keys it carries. Readers of each kind accept the
key spellings the issues describe (``hits_per_benchmark`` or ``hits``, ``taken`` or
``tokens_taken``...), so the report keeps working while those commands settle.

    >>> kind_of({"command": "near_dedup"}), kind_of({"components": []}), kind_of({"x": 1})
    ('dedup', 'mix', None)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tritter_data.core.errors import UsageError

KINDS = ("prepare", "dedup", "decontaminate", "curate", "mix")
_COMMAND_KINDS = {
    "prepare": "prepare", "dedup": "dedup", "near_dedup": "dedup", "near-dedup": "dedup", "minhash": "dedup",
    "decontaminate": "decontaminate", "decontamination": "decontaminate", "decont": "decontaminate",
    "curate": "curate", "curate_datasets": "curate", "mix": "mix",
}
#: Keys under which ``prepare --near-dedup/--decontaminate`` may nest the post-steps' manifests.
_NESTED = {"near_dedup": "dedup", "dedup": "dedup", "decontamination": "decontaminate",
           "decontaminate": "decontaminate", "mix": "mix"}


@dataclass
class RunManifests:
    """The manifests found, at most one per kind, with the file each came from."""

    found: dict[str, dict[str, Any]] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)
    ignored: list[tuple[Path, str]] = field(default_factory=list)

    def get(self, kind: str) -> dict[str, Any] | None:
        return self.found.get(kind)


def pick(mapping: Mapping[str, Any], *names: str, default: Any = None) -> Any:
    """The value of the first of ``names`` present (and not None) in ``mapping``."""
    for name in names:
        if mapping.get(name) is not None:
            return mapping[name]
    return default


def kind_of(manifest: Mapping[str, Any]) -> str | None:
    """Which command wrote ``manifest``: its ``command`` key, else the keys it holds."""
    command = str(pick(manifest, "command", "step", "stage", default="")).strip().lower()
    if command in _COMMAND_KINDS:
        return _COMMAND_KINDS[command]
    keys = set(manifest)
    if keys & {"components", "mix"} and "per_language" not in keys:
        return "mix"
    if keys & {"hits_per_benchmark", "benchmark_hits", "items_loaded", "items_per_benchmark"}:
        return "decontaminate"
    if keys & {"cluster_size_histogram", "cluster_sizes", "cluster_histogram", "clusters"}:
        return "dedup"
    if keys & {"per_language", "score_histogram"}:
        return "prepare"
    if keys & {"rows_read", "rows_scanned"}:
        return "curate"
    return None


def read_manifest(path: Path) -> dict[str, Any]:
    """One manifest file as a dict; a missing or malformed file is a one-line ``UsageError``."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"{path}: cannot read manifest: {error.strerror or error}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path}: a manifest must be a JSON object, got {type(data).__name__}")
    return data


def discover(directory: Path) -> list[Path]:
    """Manifest files in ``directory`` and its immediate subdirectories, in sorted order."""
    if not directory.is_dir():
        return []
    found = sorted(p for p in directory.glob("*manifest*.json") if p.is_file())
    found += sorted(p for p in directory.glob("*/*manifest*.json") if p.is_file())
    return found


def load_manifests(directory: Path, extra: Iterable[Path] = ()) -> RunManifests:
    """Read the manifests of a run; explicit ``extra`` files win over discovered ones.

    Raises ``UsageError`` when nothing usable is found, so the report never renders an empty page.
    """
    extra = list(extra)
    for path in extra:
        if not path.is_file():
            raise UsageError(f"--manifest {path}: no such file")
    if not directory.exists() and not extra:
        raise UsageError(f"{directory}: no such directory")
    run = RunManifests()
    for path in [*extra, *discover(directory)]:
        manifest = read_manifest(path)
        kind = kind_of(manifest)
        if kind is None:
            run.ignored.append((path, "not a tritter-data manifest (no known command or keys)"))
        elif kind in run.found:
            if path != run.paths[kind]:
                run.ignored.append((path, f"a second {kind} manifest; using {run.paths[kind]}"))
        else:
            run.found[kind], run.paths[kind] = manifest, path
    prepare = run.get("prepare")
    if prepare is not None:
        for key, kind in _NESTED.items():
            if isinstance(prepare.get(key), dict) and kind not in run.found:
                run.found[kind], run.paths[kind] = prepare[key], run.paths["prepare"]
    if not run.found:
        raise UsageError(f"{directory}: no tritter-data manifest found (looked for *manifest*.json here and "
                         "one level down); pass --manifest FILE")
    return run


def as_int(value: Any) -> int | None:
    """An integer count from a manifest value, or None for anything else (bools included)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def size_counts(histogram: Any) -> list[tuple[int, int]]:
    """Cluster-size histogram in any of the shapes a manifest may use, as sorted (size, count).

    Accepts ``{"2": 10, "3": 4}``, ``[[2, 10], [3, 4]]``, ``[{"size": 2, "count": 10}]`` and
    ``{"sizes": [2, 3], "counts": [10, 4]}``; entries that are not integers are skipped.

        >>> size_counts({"3": 4, "2": 10}), size_counts({"sizes": [2], "counts": [7]})
        ([(2, 10), (3, 4)], [(2, 7)])
    """
    pairs: list[tuple[Any, Any]] = []
    if isinstance(histogram, Mapping):
        sizes = pick(histogram, "sizes", "size", "bins", "edges")
        counts = pick(histogram, "counts", "count", "clusters")
        if isinstance(sizes, list) and isinstance(counts, list):
            pairs = list(zip(sizes, counts, strict=False))
        else:
            pairs = list(histogram.items())
    elif isinstance(histogram, list):
        for entry in histogram:
            if isinstance(entry, (list, tuple)) and len(entry) == 2:
                pairs.append((entry[0], entry[1]))
            elif isinstance(entry, Mapping):
                pairs.append((pick(entry, "size", "cluster_size"), pick(entry, "count", "clusters", "n")))
    out: dict[int, int] = {}
    for size, count in pairs:
        try:
            key = int(size)
        except (TypeError, ValueError):
            continue
        number = as_int(count)
        if number is not None:
            out[key] = out.get(key, 0) + number
    return sorted(out.items())
