"""A shard set: the one place that lists, checks and reads the shards a step takes as input.

An input is a ``prepare``/``dedup``/``decontaminate`` output directory (``shard_*.jsonl[.zst]``
plus ``manifest.json``) or the card's curate output, ``{language}_curated.jsonl`` (a file, a
directory of them, or a glob). Nothing half-written is ever taken as finished:

- shards are complete only under their ``manifest.json`` (written last, atomically, by the
  run that wrote them); shards without one, a manifest that does not parse, or one that lists
  other shards than those present is a ``ShardError`` naming the directory and the problem;
- a directory still locked by a live run (``io/lock.py``) is refused;
- a ``{language}_curated.jsonl`` needs its ``{language}_manifest.json`` (curate writes it last);
- a torn last line or a cut zstd stream is caught while reading (``io/shards.py``).

``read_records`` yields every record in order with its document id; malformed lines are
tallied in ``BadLines`` (file, line and problem) and skipped. ``claim_output_dir`` refuses the
input dir and foreign shards; ``RemovedLog`` is the opt-in side file of what was removed.
"""

from __future__ import annotations

import glob
import json
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from tritter_data.core.errors import UsageError
from tritter_data.io.lock import held_by
from tritter_data.io.shards import BadLine, ShardError, existing_shards, iter_shard_records, shard_lines
from tritter_data.io.writers import claim_output_dir as claim_writer_output_dir

logger = logging.getLogger(__name__)
MANIFEST = "manifest.json"
CURATED_SUFFIX = "_curated.jsonl"
MAX_BAD_EXAMPLES = 20
DEFAULT_SHARD_SIZE = 10_000


@dataclass(frozen=True)
class InputShards:
    directory: Path  # what was given: a directory, a file or a glob
    paths: tuple[Path, ...]
    shard_size: int
    compress: str


def open_input(location: Path, shard_size: int | None = None) -> InputShards:
    """The checked input files of ``location`` and the layout to reproduce; ``UsageError`` otherwise."""
    paths, options = _input_files(location)
    size = shard_size or options.get("shard_size") or DEFAULT_SHARD_SIZE
    if not isinstance(size, int) or size < 1:
        raise UsageError(f"--shard-size must be a positive integer, got {size}")
    compress = options.get("compress") or ("zstd" if paths[0].name.endswith(".zst") else "none")
    return InputShards(location, tuple(paths), size, compress if compress in ("none", "zstd") else "none")


def _input_files(location: Path) -> tuple[list[Path], dict[str, Any]]:
    if location.is_dir():
        shards = existing_shards(location)
        if shards:
            manifest = check_complete(location, shards)
            return shards, manifest.get("options") or {}
        curated = sorted(p for p in location.iterdir() if p.name.endswith((CURATED_SUFFIX, CURATED_SUFFIX + ".zst")))
        if not curated:
            raise UsageError(f"--input-dir {location}: no shard_*.jsonl files (nor *{CURATED_SUFFIX})")
        check_files(curated)
        return curated, {}
    if location.is_file():
        check_files([location])
        return [location], {}
    matched = sorted(Path(p) for p in glob.glob(str(location), recursive=True) if Path(p).is_file())
    if not matched:
        raise UsageError(f"--input-dir {location}: not a directory, a file or a glob that matches files")
    check_files(matched)
    return matched, {}


def check_files(files: list[Path]) -> None:
    """Each file's producer finished: a shard's directory is complete, a curated file has its manifest."""
    checked: set[Path] = set()
    for path in files:
        if path.name.startswith("shard_") and path.parent not in checked:
            check_complete(path.parent, existing_shards(path.parent))
            checked.add(path.parent)
        elif path.name.endswith((CURATED_SUFFIX, CURATED_SUFFIX + ".zst")):
            language = path.name.split(CURATED_SUFFIX, 1)[0]
            if not (path.parent / f"{language}_manifest.json").is_file():
                raise ShardError(f"{path}: incomplete curate output (no {language}_manifest.json: the run "
                                 "did not finish; rerun curate_datasets.py to resume it)")


def check_complete(directory: Path, shards: list[Path]) -> dict[str, Any]:
    """The manifest of a finished shard set; ``ShardError`` for one still written or cut short."""
    writer = held_by(directory)
    if writer is not None:
        raise ShardError(f"{directory}: still being written by another run (pid {writer})")
    manifest_path = directory / MANIFEST
    if not manifest_path.is_file():
        raise ShardError(f"{directory}: incomplete output: {len(shards)} shard(s) and no {MANIFEST} (the run "
                         "that wrote them did not finish; rerun it to resume)")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ShardError(f"{manifest_path}: unreadable manifest ({error}); the run that wrote it did not "
                         "finish") from None
    if not isinstance(manifest, dict):
        raise ShardError(f"{manifest_path}: not a manifest (a JSON object)")
    listed = manifest.get("shards")
    if isinstance(listed, list) and listed != [p.name for p in shards]:
        raise ShardError(f"{directory}: {MANIFEST} lists {len(listed)} shard(s) but {len(shards)} are present "
                         "(shards of another run mixed in?)")
    return manifest


def claim_output_dir(input_dir: Path, output_dir: Path, overwrite: bool = False) -> None:
    """The output must be another directory, free of shards unless ``overwrite`` (which clears them)."""
    if output_dir.resolve() == input_dir.resolve():
        raise UsageError("--output-dir must differ from --input-dir (the input would be overwritten)")
    claim_writer_output_dir(output_dir, overwrite, MANIFEST)


@dataclass
class BadLines:
    """Lines that were not records: counted, the first few kept as ``path:line: problem``."""

    count: int = 0
    examples: list[str] = field(default_factory=list)
    lines: dict[str, set[int]] = field(default_factory=dict)  # every bad line, for ``read_selected``

    def add(self, bad: BadLine) -> None:
        self.count += 1
        self.lines.setdefault(bad.path, set()).add(bad.line)
        if len(self.examples) < MAX_BAD_EXAMPLES:
            message = f"{bad.path}:{bad.line}: {bad.problem}"
            self.examples.append(message)
            logger.warning("skipping bad line %s", message)

    def to_dict(self) -> dict[str, Any]:
        return {"bad_lines": self.count, "bad_line_examples": list(self.examples)}


def read_records(shards: InputShards, bad: BadLines | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(document id, record)`` for every usable line, in shard then line order."""
    doc = 0
    for path in shards.paths:
        for item in iter_shard_records(path):
            if isinstance(item, BadLine):
                if bad is not None:
                    bad.add(item)
                continue
            yield doc, item
            doc += 1


def read_selected_lines(shards: InputShards, wanted: Iterator[int], bad: BadLines) -> Iterator[tuple[int, bytes]]:
    """``(document id, raw line)`` for the ascending ids in ``wanted`` only, parsing no line.

    ``bad`` must come from a ``read_records`` pass over the same shards: its line numbers are
    what keeps the ids here equal to the ids there (same numbering as ``iter_shard_records``).
    """
    target = next(wanted, None)
    doc = 0
    for path in shards.paths:
        if target is None:
            return
        skip = bad.lines.get(str(path), set())
        for number, line in shard_lines(path):
            if number in skip:
                continue
            if doc == target:
                yield doc, line
                target = next(wanted, None)
                if target is None:
                    return
            doc += 1


def read_selected(shards: InputShards, wanted: Iterator[int], bad: BadLines) -> Iterator[tuple[int, dict[str, Any]]]:
    """``read_selected_lines``, parsed."""
    for doc, line in read_selected_lines(shards, wanted, bad):
        yield doc, orjson.loads(line)


class RemovedLog:
    """The opt-in side file: one JSON object per removed record, in input order."""

    def __init__(self, path: Path | None, resume_at: int | None = None):
        """``resume_at``: go on after the first ``resume_at`` bytes an interrupted run committed."""
        self.path = path
        self._handle: Any = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            if resume_at is None or not path.is_file():
                self._handle = open(path, "wb")  # noqa: SIM115 - closed in close()
            else:
                self._handle = open(path, "r+b")  # noqa: SIM115 - closed in close()
                self._handle.truncate(resume_at)
                self._handle.seek(resume_at)

    def write(self, entry: dict[str, Any]) -> None:
        if self._handle is not None:
            self._handle.write(orjson.dumps(entry) + b"\n")

    def commit(self) -> int:
        """Flush to disk; the bytes written so far (a checkpoint's ``resume_at``)."""
        if self._handle is None:
            return 0
        self._handle.flush()
        os.fsync(self._handle.fileno())
        return int(self._handle.tell())

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> RemovedLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """``"512M"``, ``"2GB"``, ``"1.5g"``, ``"1000000"`` -> bytes (binary units); ``ValueError`` otherwise.

    >>> parse_size("512M"), parse_size("2g"), parse_size("4096")
    (536870912, 2147483648, 4096)
    """
    match = _SIZE.match(text)
    if not match:
        raise ValueError(f"not a size: {text!r} (use e.g. 512M or 2G)")
    scale = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}[match.group(2).lower()]
    return int(float(match.group(1)) * scale)


def histogram(sizes: list[int]) -> dict[str, int]:
    """``{"2": 10, "3": 1}``: how many clusters have each size, by size."""
    counts: dict[int, int] = {}
    for size in sizes:
        counts[size] = counts.get(size, 0) + 1
    return {str(size): counts[size] for size in sorted(counts)}
