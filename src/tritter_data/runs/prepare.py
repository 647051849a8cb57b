"""The ``prepare`` run: a directory of code -> the per-file stages -> exact dedup -> shards.

``commands/prepare.py`` turns the command line into ``PrepareOptions``; this module does the work.
"""

from __future__ import annotations

import errno
import json
import logging
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from tritter_data import __version__
from tritter_data.core.errors import UsageError
from tritter_data.core.languages import LANGUAGES
from tritter_data.core.sample import Reject, Sample, encode_record
from tritter_data.dedup.exact import ExactDedup
from tritter_data.executors import Executor, make_executor
from tritter_data.io.decode import nonblocking_opener
from tritter_data.io.storage import (
    StorageOptions,
    UploadingShardWriter,
    is_url,
    put_text,
    read_bytes,
)
from tritter_data.io.storage import claim_output as claim_remote_output
from tritter_data.io.writers import ShardWriter, claim_output_dir, write_manifest
from tritter_data.runs.prepare_resume import Checkpoints, checkpoint_of, fingerprint
from tritter_data.runs.progress import Progress
from tritter_data.runs.stats import RunStats
from tritter_data.security.secrets.paths import screen_path
from tritter_data.sources.local import walk_directory
from tritter_data.sources.remote import walk_remote
from tritter_data.stages.language import DetectLanguageByContent, DetectLanguageByName
from tritter_data.stages.pipeline import PipelineConfig, build_stages

logger = logging.getLogger(__name__)
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class PrepareOptions:
    input_dir: Path | str  # a str is an object-store URL (storage.is_url)
    output_dir: Path | str
    shard_size: int = 10_000
    min_quality: float = 0.5
    positive_only: bool = False
    languages: frozenset[str] = frozenset(LANGUAGES)
    workers: int | None = 1
    compress: str = "none"
    overwrite: bool = False
    batch_size: int = 64
    quiet: bool = False
    exclude: tuple[str, ...] = ()
    executor: str = "local"
    ray_address: str | None = None
    storage_options: StorageOptions = ()


def prepare(options: PrepareOptions, executor: Executor | None = None) -> dict[str, Any]:
    """Run the whole per-file pipeline and write shards plus ``manifest.json``.

    ``executor``: the run's session (the command opens one for prepare and its post steps);
    default: the one ``options`` names.
    """
    if executor is None:
        executor = make_executor(options.executor, options.workers, options.batch_size, options.ray_address)
    if options.ray_address is not None and not is_url(options.input_dir):
        logger.warning("--input-dir %s is a local path: every Ray node must see it at the same path "
                       "(a shared mount), or use s3://", options.input_dir)
    checkpoints, state = None, None
    if is_url(options.output_dir):
        claim_remote_output(str(options.output_dir), options.overwrite, options.storage_options)
    else:
        checkpoints = Checkpoints(Path(options.output_dir), fingerprint(options_dict(options)))
        state = None if options.overwrite else checkpoint_of(checkpoints.output_dir, checkpoints.digest)
        if state is None:
            claim_output_dir(checkpoints.output_dir, options.overwrite)
            checkpoints.start()
    config = PipelineConfig(languages=options.languages, min_quality=options.min_quality,
                            storage_options=options.storage_options)
    stages = build_stages(config)
    dedup = ExactDedup()
    if checkpoints is not None and state is not None:
        stats, writer = checkpoints.restore(state, dedup, options.shard_size, options.compress)
        logger.warning("%s: resuming after %d complete shard(s), %d input file(s) done",
                       options.output_dir, state["shards"], state["consumed"])
    else:
        stats, writer = RunStats(), _shard_writer(options)
    progress = Progress("prepare", quiet=options.quiet)
    started = time.perf_counter()
    items = _walk(options, checkpoints.consumed if checkpoints else 0)
    try:
        with writer:
            for result in executor.map(stages, items, finalize=encode_record):
                passed = None
                if isinstance(result, Sample):
                    result = dedup(result)
                    passed = result if isinstance(result, Sample) else None
                if isinstance(result, Sample) and options.positive_only and result.is_negative:
                    result = Reject(result.source, "negative_excluded", "--positive-only",
                                    result.size_bytes, result.language)
                if checkpoints is not None:
                    if isinstance(result, Sample) and writer.shard_full:
                        checkpoints.commit(writer, stats)
                    if passed is not None:
                        checkpoints.seen(passed.content_hash, passed.source)
                if isinstance(result, Sample):
                    assert result.encoded is not None
                    writer.write_line(result.encoded)
                stats.add(result)
                progress.update(1, result.size_bytes)
            if checkpoints is not None:
                checkpoints.keep_before_hoist(writer, stats)  # closing hoists the schema head
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise UsageError(f"--output-dir {options.output_dir}: disk full ({error.strerror}); free space "
                             "and rerun the same command to resume") from None
        raise
    finally:
        progress.close()
    elapsed = time.perf_counter() - started
    manifest = {
        "command": "prepare",
        "version": __version__,
        "options": options_dict(options),
        **stats.to_dict(),
        "bytes_out": writer.bytes_written,
        "shards": [path.name for path in writer.paths],
        "elapsed_seconds": round(elapsed, 3),
        "mb_per_second": round(stats.bytes_in / 1e6 / elapsed, 2) if elapsed > 0 else None,
    }
    if is_url(options.output_dir):
        put_text(f"{options.output_dir}/{MANIFEST}", json.dumps(manifest, indent=2) + "\n", options.storage_options)
    else:
        write_manifest(Path(options.output_dir) / MANIFEST, manifest)
    if checkpoints is not None:
        checkpoints.finish()
    return manifest


def _walk(options: PrepareOptions, skip: int = 0) -> Iterator[Sample | Reject]:
    """Every input after the first ``skip`` (a resumed run's), its path screened for secrets
    first (so no output ever holds such a path). Skipped items are not screened: one item
    out of the walk is one item into the run either way."""
    if is_url(options.input_dir):
        items = walk_remote(str(options.input_dir), options.exclude, options.storage_options)
    else:
        own = () if is_url(options.output_dir) else (Path(options.output_dir),)  # never read our own output
        items = walk_directory(Path(options.input_dir), options.exclude, own)
    return map(screen_path, islice(items, skip, None))


def _shard_writer(options: PrepareOptions) -> ShardWriter:
    if is_url(options.output_dir):
        return UploadingShardWriter(str(options.output_dir), options.shard_size, options.compress,
                                    options.storage_options)
    return ShardWriter(Path(options.output_dir), options.shard_size, options.compress)


def options_dict(options: PrepareOptions) -> dict[str, Any]:
    return {
        "input_dir": str(options.input_dir), "output_dir": str(options.output_dir),
        "shard_size": options.shard_size, "min_quality": options.min_quality,
        "positive_only": options.positive_only, "languages": sorted(options.languages),
        "executor": options.executor, "workers": options.workers, "compress": options.compress, "exclude": list(options.exclude),
    }


def count_languages(options: PrepareOptions) -> Counter[str]:
    """``--dry-run``: language of every file, from its name (and first bytes if needed)."""
    by_name, by_content = DetectLanguageByName(), DetectLanguageByContent()
    counts: Counter[str] = Counter()
    for item in _walk(options):
        if isinstance(item, Sample):
            item = by_name(item)
        if isinstance(item, Sample) and item.language is None:
            item.text = _head(item.path) if item.path else _remote_head(item, options.storage_options)
            item.path = None
            item = by_content(item)
        if isinstance(item, Reject):
            counts[item.language or f"({item.reason})"] += 1
        elif item.language in options.languages:
            counts[item.language] += 1
        else:
            counts["(language_excluded)"] += 1
    return counts


def _head(path: str | None, size: int = 4096) -> str:
    try:
        with open(path or "", "rb", opener=nonblocking_opener) as handle:  # a FIFO never blocks
            return (handle.read(size) or b"").decode("utf-8", "replace")  # None: a FIFO with no data yet
    except OSError:
        return ""


def _remote_head(item: Sample, options: StorageOptions, size: int = 4096) -> str:
    try:
        return read_bytes(item.meta["url"], size, options).decode("utf-8", "replace")
    except Exception:
        return ""
