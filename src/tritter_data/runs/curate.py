"""Curate one language of a Stack-style dataset into ``{language}_curated.jsonl``, resumably.

Rows are cut into *parts* of ``part_size`` consecutive rows. Each row becomes exactly one
outcome (kept, or a reject with a reason), so a part's counts add up to its rows. When a
part is complete its records go to ``.parts/{language}/part_NNNNN.jsonl`` and then its
marker ``part_NNNNN.done.json`` (counts, fetch figures) is written: a killed run restarts
after the last marker, rebuilding exact-dedup state from the parts already written, and
produces the same bytes as an uninterrupted run. When the input ends (or ``max_samples``
kept samples are reached) the parts are joined into the final file and manifest.

Flow: rows -> metadata filter -> blob fetch pool -> per-file stages (LocalExecutor, input
order kept) -> exact dedup -> part buffer.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import orjson

from tritter_data import __version__
from tritter_data.core.errors import UsageError
from tritter_data.core.sample import Reject, Sample, to_record
from tritter_data.dedup.exact import ExactDedup
from tritter_data.executors import Executor
from tritter_data.executors.local import LocalExecutor
from tritter_data.io.writers import write_manifest
from tritter_data.runs.stats import RunStats, add_counts
from tritter_data.security.secrets.paths import screen_path
from tritter_data.sources.blobs import BlobFetcher
from tritter_data.sources.rows import RowSource
from tritter_data.sources.stack import RowFilter, row_to_sample
from tritter_data.stages.pipeline import PipelineConfig, build_stages

logger = logging.getLogger(__name__)


def output_paths(output: Path, language: str) -> tuple[Path, Path, Path]:
    """(curated JSONL, manifest, parts directory) for one language."""
    return (output / f"{language}_curated.jsonl", output / f"{language}_manifest.json",
            output / ".parts" / language)


@dataclass
class Part:
    """One slice of rows in flight: an outcome slot per row, filled in row order."""

    number: int
    first_row: int
    slots: list[Sample | Reject | None]
    pending: deque[int] = field(default_factory=deque)  # slot positions awaiting the stages
    handle: Any = None  # the part's temporary file, opened at its first kept record


@dataclass
class Claim:
    """What is already on disk for this language and fingerprint."""

    markers: list[dict[str, Any]]
    finished: dict[str, Any] | None = None


def fingerprint_digest(fingerprint: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(fingerprint, sort_keys=True).encode()).hexdigest()[:16]


def claim(output: Path, language: str, fingerprint: dict[str, Any], overwrite: bool) -> Claim:
    """Decide between a fresh run, a resume and "already done"; mixing runs is an error."""
    final, manifest_path, parts = output_paths(output, language)
    digest = fingerprint_digest(fingerprint)
    if output.exists() and not output.is_dir():
        raise UsageError(f"--output {output}: exists and is not a directory")
    if overwrite:
        for path in (final, manifest_path):
            path.unlink(missing_ok=True)
        shutil.rmtree(parts, ignore_errors=True)
    if manifest_path.exists() and final.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("fingerprint") == digest:
            return Claim([], finished=manifest)
        raise UsageError(f"--output {output}: {final.name} is from a run with other options; pass --overwrite")
    run_file = parts / "run.json"
    if run_file.exists():
        if json.loads(run_file.read_text(encoding="utf-8")).get("fingerprint") != digest:
            raise UsageError(f"--output {output}: unfinished {language} run with other options; pass --overwrite")
        return Claim(_completed_markers(parts))
    if final.exists():
        raise UsageError(f"--output {output}: {final.name} exists without a manifest; pass --overwrite")
    parts.mkdir(parents=True, exist_ok=True)
    run_file.write_text(json.dumps({"fingerprint": digest, **fingerprint}, indent=2) + "\n", encoding="utf-8")
    return Claim([])


def _completed_markers(parts: Path) -> list[dict[str, Any]]:
    """Markers 0, 1, 2... while consecutive; leftovers of an interrupted part are removed."""
    markers = []
    while (marker := parts / f"part_{len(markers):05d}.done.json").exists():
        markers.append(json.loads(marker.read_text(encoding="utf-8")))
    for stray in parts.glob("part_*.jsonl*"):
        number = int(stray.name[5:10])
        if number >= len(markers):
            stray.unlink()
    return markers


class Curation:
    """Run (or resume) the curation of one language; ``run()`` returns the manifest."""

    def __init__(self, *, output: Path, language: str, source: RowSource, rule: RowFilter,
                 fetcher: BlobFetcher | None, fingerprint: dict[str, Any], max_samples: int | None,
                 part_size: int, workers: int, min_quality: float, overwrite: bool, progress: Any,
                 executor: Executor | None = None):
        self.output, self.language, self.source, self.rule = output, language, source, rule
        self.fetcher, self.fingerprint, self.max_samples = fetcher, fingerprint, max_samples
        self.part_size, self.workers, self.min_quality = part_size, workers, min_quality
        self.overwrite, self.progress = overwrite, progress
        self.executor = executor  # None: a local pool of ``workers``; else e.g. ``RayExecutor`` (same bytes)
        self.final, self.manifest_path, self.parts_dir = output_paths(output, language)
        self.dedup = ExactDedup()
        self.kept = 0
        self.rows_read = 0
        self.resumed_parts = 0

    def run(self) -> dict[str, Any]:
        claimed = claim(self.output, self.language, self.fingerprint, self.overwrite)
        if claimed.finished is not None:
            return {**claimed.finished, "already_complete": True}
        markers = claimed.markers
        self.resumed_parts = len(markers)
        self._restore(markers)
        started = time.perf_counter()
        stopped = markers[-1].get("stopped") if markers else None
        if stopped is None:
            start_row = sum(m["rows"] for m in markers)
            markers += self._process(start_row, len(markers))
        return self._assemble(markers, time.perf_counter() - started)

    def _restore(self, markers: list[dict[str, Any]]) -> None:
        """Rebuild dedup state and counters from the parts already done."""
        for marker in markers:
            for line in self._part_file(marker["part"]).read_bytes().splitlines():
                record = orjson.loads(line)
                digest = hashlib.md5(record["text"].encode("utf-8"), usedforsecurity=False).hexdigest()
                self.dedup(Sample(source=record["source"], content_hash=digest))
            self.kept += marker["kept"]
            self.rows_read += marker["rows"]
        self.progress.restore(self.rows_read, self.kept)

    def _part_file(self, number: int) -> Path:
        return self.parts_dir / f"part_{number:05d}.jsonl"

    def _temporary(self, number: int) -> Path:
        return self.parts_dir / f"part_{number:05d}.jsonl.tmp"

    def _feed(self, start_row: int, first_part: int, parts: deque[Part]) -> Iterator[Sample | Reject]:
        """Samples that need the stages, part after part; metadata rejects stay in their slots."""
        rows = self.source.rows(start_row)
        number = first_part
        while chunk := list(islice(rows, self.part_size)):
            part = Part(number, chunk[0][0], [None] * len(chunk))
            samples = []
            for position, (index, row, columns) in enumerate(chunk):
                outcome = screen_path(row_to_sample(row, columns, self.rule, index))
                if isinstance(outcome, Sample):
                    part.pending.append(position)
                    samples.append(outcome)
                else:
                    part.slots[position] = outcome
            parts.append(part)
            self.progress.rows(len(chunk))
            yield from samples
            number += 1

    def _process(self, start_row: int, first_part: int) -> list[dict[str, Any]]:
        stages = build_stages(PipelineConfig(languages=frozenset({self.language}), min_quality=self.min_quality))
        parts: deque[Part] = deque()
        items: Iterator[Sample | Reject] = self._feed(start_row, first_part, parts)
        if self.fetcher is not None:
            items = self.fetcher.map(items)
        results = (self.executor or LocalExecutor(self.workers)).map(stages, items)
        done: list[dict[str, Any]] = []
        try:
            for result in results:
                while parts and not parts[0].pending:
                    done.append(self._finish(parts.popleft()))
                part = parts[0]
                position = part.pending.popleft()
                if isinstance(result, Sample):
                    result = self.dedup(result)
                part.slots[position] = result
                if isinstance(result, Sample):
                    if part.handle is None:
                        part.handle = open(self._temporary(part.number), "wb")  # noqa: SIM115 - closed in _finish
                    part.handle.write(orjson.dumps(to_record(result)) + b"\n")
                    result.text = ""  # written; the slot keeps only what the counts need
                    self.kept += 1
                self.progress.result(result, self.fetcher)
                if self.max_samples is not None and self.kept >= self.max_samples:
                    del part.slots[position + 1:]
                    part.pending.clear()
                    done.append(self._finish(part, stopped="max_samples"))
                    return done
            while parts:
                done.append(self._finish(parts.popleft()))
        finally:
            results.close()  # stops the worker pool and the fetch threads on an early exit
            for unfinished in parts:
                if unfinished.handle is not None:
                    unfinished.handle.close()
        return done

    def _finish(self, part: Part, stopped: str | None = None) -> dict[str, Any]:
        """Write a complete part, then its marker: the marker is the commit point."""
        stats = RunStats()
        for outcome in part.slots:
            if outcome is None:
                raise RuntimeError(f"part {part.number} finished with a row still in flight")
            stats.add(outcome)
        temporary = self._temporary(part.number)
        if part.handle is None:
            temporary.write_bytes(b"")
        else:
            part.handle.close()
            part.handle = None
        temporary.replace(self._part_file(part.number))
        marker = {"part": part.number, "first_row": part.first_row, "rows": len(part.slots),
                  "kept": stats.kept, "stopped": stopped, "stats": stats.to_dict(),
                  "fetch": self.fetcher.counters.take() if self.fetcher is not None else {}}
        marker_path = self.parts_dir / f"part_{part.number:05d}.done.json"
        temporary_marker = marker_path.with_suffix(".tmp")
        temporary_marker.write_text(json.dumps(marker) + "\n", encoding="utf-8")
        temporary_marker.replace(marker_path)
        self.rows_read += marker["rows"]
        logger.debug("part %d done: %d rows, %d kept", part.number, marker["rows"], marker["kept"])
        return marker

    def _assemble(self, markers: list[dict[str, Any]], elapsed: float) -> dict[str, Any]:
        """Join the parts into the final file, write the manifest, drop the parts."""
        temporary = self.final.with_suffix(".jsonl.tmp")
        bytes_out = 0
        with open(temporary, "wb") as out:
            for marker in markers:
                data = self._part_file(marker["part"]).read_bytes()
                out.write(data)
                bytes_out += len(data)
        temporary.replace(self.final)
        stats = RunStats.merged([m["stats"] for m in markers])
        fetch = add_counts([m["fetch"] for m in markers])
        manifest = {
            "command": "curate", "version": __version__, "language": self.language,
            "fingerprint": fingerprint_digest(self.fingerprint), "options": self.fingerprint,
            "rows_read": stats["input_files"], **stats, "bytes_out": bytes_out, "fetch": fetch,
            "parts": len(markers), "resumed_parts": self.resumed_parts,
            "stopped": (markers[-1].get("stopped") if markers else None) or "end_of_input",
            "output": self.final.name, "elapsed_seconds": round(elapsed, 3),
        }
        write_manifest(self.manifest_path, manifest)
        shutil.rmtree(self.parts_dir, ignore_errors=True)
        parent = self.parts_dir.parent
        if parent.exists() and not any(parent.iterdir()):
            parent.rmdir()
        return manifest

