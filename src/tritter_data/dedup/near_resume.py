"""``dedup`` resumes: each finished phase of near-dedup is committed in ``OUT/.parts/dedup/``.

Two checkpoints, each a data file written whole and then renamed, then ``state.json`` (also
renamed into place) naming the last phase done:

1. ``candidates``: after signatures and buckets, the candidate pairs, the "has shingles" mask,
   the per-document ranking columns (``DocTable``) and the bad lines met;
2. ``clusters``: after verification and union-find, the records to remove (with their log
   entries) and the counts the manifest reports.

3. ``written.json``: in the write phase, each time an output shard is complete, the shards
   done, the next input document, the removed file's committed length and the bytes out. A
   resumed write deletes what came after it and goes on from that document. Before the schema
   hoist rewrites the head shards, ``written.json`` says ``hoisting`` and those shards' bytes
   are kept (hard links in ``hoist/``): a kill mid-hoist puts them back and hoists again.

After SIGKILL,
Ctrl-C or a full disk, the same command (same inputs, same options; workers and executor may
differ) finds the state, restores the last phase and goes on; the shards are the bytes of an
uninterrupted run. ``manifest.json`` is written last and the directory then removed, so a
half-written output is never taken as finished. Local output directories only.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from array import array
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tritter_data import __version__
from tritter_data.dedup.near_tasks import DocTable
from tritter_data.io.shard_set import MANIFEST, BadLines, InputShards
from tritter_data.io.shards import existing_shards

if TYPE_CHECKING:
    from tritter_data.dedup.config import NearDedupConfig

PARTS = Path(".parts") / "dedup"
STATE = "state.json"
CANDIDATES, CLUSTERS = "candidates", "clusters"
WRITTEN, HOIST = "written.json", "hoist"
_NOT_IN_OUTPUT = ("workers", "batch_size", "memory_limit")  # options that never change the bytes


def fingerprint(shards: InputShards, config: NearDedupConfig, shard_size: int, compress: str,
                removed_file: Path | None) -> str:
    """What decides the output bytes: the input files as they are now, and the options."""
    inputs = []
    for path in shards.paths:
        stat = path.stat()
        inputs.append([str(path.resolve()), stat.st_size, stat.st_mtime_ns])
    options = {key: value for key, value in asdict(config).items() if key not in _NOT_IN_OUTPUT}
    chosen = {"inputs": inputs, "options": options, "shard_size": shard_size, "compress": compress,
              "removed_file": str(removed_file) if removed_file else None, "version": __version__}
    return hashlib.sha256(json.dumps(chosen, sort_keys=True).encode()).hexdigest()[:16]


def resumable(output_dir: Path, digest: str) -> bool:
    """An unfinished run with the same inputs and options left a checkpoint in ``output_dir``."""
    return NearCheckpoint(output_dir, digest).phase() is not None


def discard(output_dir: Path) -> None:
    """Forget an earlier run's checkpoint (``--overwrite``, or other inputs or options)."""
    shutil.rmtree(output_dir / PARTS, ignore_errors=True)


def _replace(path: Path, write: Any) -> None:
    """Write ``path`` whole through a temporary file, fsynced, then renamed into place."""
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "wb") as handle:
        write(handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


class NearCheckpoint:
    """One near-dedup run's checkpoints (and its scratch space: spilled bands, shingle sets)."""

    def __init__(self, output_dir: Path, digest: str):
        self.output_dir, self.digest = output_dir, digest
        self.directory = output_dir / PARTS

    def phase(self) -> str | None:
        """The last phase committed by an unfinished run with this fingerprint, if any."""
        if (self.output_dir / MANIFEST).exists():
            return None
        try:
            state = json.loads((self.directory / STATE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(state, dict) or state.get("fingerprint") != self.digest:
            return None
        return state.get("phase") if state.get("phase") in (CANDIDATES, CLUSTERS) else None

    def start(self) -> str | None:
        """The phase to resume after (None: from the start, with an empty directory)."""
        phase = self.phase()
        if phase is None:
            discard(self.output_dir)
        self.directory.mkdir(parents=True, exist_ok=True)
        return phase

    def _commit(self, phase: str) -> None:
        state = {"fingerprint": self.digest, "phase": phase}
        _replace(self.directory / STATE, lambda handle: handle.write(json.dumps(state).encode()))

    def save_candidates(self, pairs: np.ndarray, valid: np.ndarray, bytes_in: int, spilled: int,
                        table: DocTable, bad: BadLines) -> None:
        arrays = {"pairs": pairs, "valid": valid, "score": np.frombuffer(table.score, dtype=np.float64),
                  "negative": np.frombuffer(bytes(table.negative), dtype=np.uint8),
                  "license": np.frombuffer(bytes(table.license), dtype=np.uint8),
                  "stars": np.frombuffer(table.stars, dtype=np.int64),
                  "canonical": np.frombuffer(bytes(table.canonical), dtype=np.uint8),
                  "keys": np.frombuffer(bytes(table.keys), dtype=np.uint8)}
        counts = {"bytes_in": bytes_in, "spilled": spilled, "bad_count": bad.count, "bad_examples": bad.examples,
                  "bad_lines": {path: sorted(lines) for path, lines in bad.lines.items()}}
        _replace(self.directory / "candidates.npz", lambda handle: np.savez(handle, **arrays))
        _replace(self.directory / "candidates.json", lambda handle: handle.write(json.dumps(counts).encode()))
        self._commit(CANDIDATES)

    def restore_candidates(self, table: DocTable, bad: BadLines) -> tuple[np.ndarray, np.ndarray, int, int]:
        """Fill ``table`` and ``bad`` as phase 1 left them; ``(pairs, valid, bytes_in, spilled)``."""
        with np.load(self.directory / "candidates.npz") as data:
            arrays = {name: data[name] for name in data.files}
        counts = json.loads((self.directory / "candidates.json").read_text(encoding="utf-8"))
        table.score = array("d", arrays["score"].tobytes())
        table.negative = bytearray(arrays["negative"].tobytes())
        table.license = bytearray(arrays["license"].tobytes())
        table.stars = array("q", arrays["stars"].tobytes())
        table.canonical = bytearray(arrays["canonical"].tobytes())
        table.keys = bytearray(arrays["keys"].tobytes())
        bad.count, bad.examples = counts["bad_count"], counts["bad_examples"]
        bad.lines = {path: set(lines) for path, lines in counts["bad_lines"].items()}
        return arrays["pairs"], arrays["valid"], counts["bytes_in"], counts["spilled"]

    def save_clusters(self, removed: dict[int, dict[str, Any]], verified: int, sizes: list[int]) -> None:
        data = {"removed": [[doc, entry] for doc, entry in removed.items()], "verified": verified, "sizes": sizes}
        _replace(self.directory / "clusters.json", lambda handle: handle.write(json.dumps(data).encode()))
        self._commit(CLUSTERS)

    def restore_clusters(self) -> tuple[dict[int, dict[str, Any]], int, list[int]]:
        """``(removed, verified pairs, cluster sizes)`` as phase 4 left them."""
        data = json.loads((self.directory / "clusters.json").read_text(encoding="utf-8"))
        return {int(doc): entry for doc, entry in data["removed"]}, data["verified"], data["sizes"]

    def save_written(self, progress: dict[str, Any]) -> None:
        """An output shard is complete (or the hoist begins): ``progress`` as ``written.json``."""
        _replace(self.directory / WRITTEN, lambda handle: handle.write(json.dumps(progress).encode()))

    def restore_written(self) -> dict[str, Any] | None:
        """The write phase's last commit, after putting back what came later; None: write from the start.

        Shards past the committed ones and temporary files are deleted; if the run was killed
        mid-hoist, the head shards get their bytes from before the hoist back.
        """
        try:
            progress = json.loads((self.directory / WRITTEN).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        keep = set(progress["names"])
        for path in existing_shards(self.output_dir):
            if path.name not in keep:
                path.unlink()
        for path in self.output_dir.glob("shard_*.tmp"):
            path.unlink()
        if progress.get("hoisting"):
            for kept in sorted((self.directory / HOIST).iterdir()):
                os.replace(kept, self.output_dir / kept.name)
        shutil.rmtree(self.directory / HOIST, ignore_errors=True)
        return progress

    def keep_before_hoist(self, paths: list[Path], progress: dict[str, Any]) -> None:
        """Hard-link the shards the hoist will rewrite (it writes new files, so the links keep
        the old bytes), then commit ``hoisting``."""
        directory = self.directory / HOIST
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir()
        for path in paths:
            os.link(path, directory / path.name)
        self.save_written({**progress, "hoisting": True})

    def finish(self) -> None:
        """The manifest is written: the checkpoints are of no more use."""
        discard(self.output_dir)
        parent = self.directory.parent
        if parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
