"""Benchmark decontamination: drop records that contain a benchmark's prompt or solution.

A record is contaminated by a benchmark item when either

- **substring**: one of the item's snippets (prompt, solution, prompt docstring), whitespace-
  normalised (runs of whitespace -> one space, trimmed), occurs in the record's whitespace-
  normalised text. This is BigCode's rule for StarCoder / The Stack v2 (files containing
  HumanEval or MBPP docstrings or solutions, DS-1000 prompts...), made immune to reindenting
  and rewrapping. Snippets with fewer than ``MIN_SNIPPET_BYTES`` non-whitespace bytes or
  ``NGRAM`` tokens are too
  generic to be evidence and are not matched on their own (the manifest counts them);
- **n-gram overlap**: at least ``OVERLAP_THRESHOLD`` (half) of the item's distinct ``NGRAM``-token
  shingles (the code-aware tokens of ``shingles.py``, so layout and spacing do not matter)
  occur in the record, and at least ``MIN_MATCHED`` of them: a copy with edits, renamed
  variables in part, or reformatted operators. 10-token n-grams rarely repeat by chance
  across unrelated code (GPT-3 used 13 words; code tokens are shorter).

Speed: a ``RunFilter`` first drops every record that shares no 24-byte run of non-whitespace
with any snippet (no tokenising: most records stop there). The others are tokenised once with
numpy; their n-gram hashes go through a packed 4 MB bitmap of
the items' hashes (one gather, which drops nearly all of them), the few survivors are looked up
with ``searchsorted`` in the sorted hashes of all items, and only records that share with an
item all the n-grams of its smallest snippet but the two at its ends pay for the (whitespace-
normalised) substring test against that item's snippets.
"""

from __future__ import annotations

import functools
import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tritter_data import __version__
from tritter_data.decontam.benchmarks import BenchmarkItem
from tritter_data.dedup.shingles import _CLASSES, ngram_hashes, token_hashes
from tritter_data.executors.base import Executor
from tritter_data.executors.local import LocalExecutor
from tritter_data.io.shard_set import BadLines, InputShards, RemovedLog, read_records
from tritter_data.io.writers import ShardWriter, write_manifest
from tritter_data.runs.progress import Progress

NGRAM = 10
OVERLAP_THRESHOLD = 0.5
MIN_MATCHED = 8
MIN_SNIPPET_BYTES = 32  # of non-whitespace: the run filter's guarantee starts at 31
_FILTER_BITS = 25  # a packed bitmap: 4 MB, ~0.6% full for HumanEval+MBPP+DS-1000
_FILTER_SHIFT = np.uint64(64 - _FILTER_BITS)
_BOUNDARY_GRAMS = 2  # n-grams of a contained snippet that may differ: those holding its first or last token


@dataclass(frozen=True)
class Hit:
    benchmark: str
    task_id: str
    match: str  # "substring" or "ngram_overlap"
    overlap: float  # fraction of the item's n-grams found in the record


def normalise(text: str) -> str:
    """Whitespace-normalised text: ``" ".join(text.split())``."""
    return " ".join(text.split())


def _grams(text: str) -> np.ndarray:
    """Distinct ``NGRAM``-token shingles; none for a text shorter than that (it cannot match)."""
    tokens = token_hashes(text.encode("utf-8", "surrogatepass"))
    if len(tokens) < NGRAM:
        return np.empty(0, dtype=np.uint64)
    return np.unique(ngram_hashes(tokens, NGRAM))


_WHITESPACE = bytes(i for i in range(256) if _CLASSES[i] == 0)  # exactly the shingler's separators
_W1, _W2 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xD6E8FEB86659FD93)
_RUN_BITS = 23
_JOIN_BYTES = 4 << 20  # texts the run filter checks together
_RUN_SHIFT = np.uint64(64 - _RUN_BITS)


def _window_hashes(stripped: bytes, offset: int) -> np.ndarray:
    """Hashes of the 24-byte windows of ``stripped`` that start at ``offset + 8k``."""
    words = np.frombuffer(stripped, dtype="<u8", count=(len(stripped) - offset) // 8, offset=offset)
    if len(words) < 3:
        return np.empty(0, dtype=np.uint64)
    hashes = words[:-2] * _W1
    hashes += words[1:-1]
    hashes *= _W1
    hashes += words[2:]
    hashes *= _W2
    return hashes


class RunFilter:
    """Cheap exact pre-check: does a text share a 24-byte run of non-whitespace with any snippet?

    With whitespace deleted (``bytes.translate``, C speed), a snippet contained in the text, or a
    stretch of shared token n-grams, is a shared byte run; a run of >= 31 bytes always covers an
    8-aligned 24-byte window of the text, and the snippets' windows are indexed at every offset.
    A text without such a window cannot contain a snippet (>= ``MIN_SNIPPET_BYTES``) and is not
    tokenised at all; overlap is thus measured on texts sharing a 31-byte run with some item
    (a real half-copy of an item always does). On site-packages, 99% of records stop here
    after a few vectorised operations over an eighth of their bytes (16-byte windows let 29%
    through: ``from typing import`` and the like).
    """

    def __init__(self, snippets: list[str]):
        hashes = [np.empty(0, np.uint64)]
        for snippet in snippets:
            stripped = snippet.encode("utf-8", "surrogatepass").translate(None, _WHITESPACE)
            hashes += [_window_hashes(stripped, offset) for offset in range(min(8, len(stripped)))]
        self.keys = np.unique(np.concatenate(hashes))
        # a packed bitmap of the keys' top bits: 1 MB stays in cache, unlike a 16 MB bool array
        self.bitmap = np.zeros(1 << (_RUN_BITS - 3), dtype=np.uint8)
        top = self.keys >> _RUN_SHIFT
        np.bitwise_or.at(self.bitmap, (top >> np.uint64(3)).astype(np.intp),
                         np.left_shift(1, (top & np.uint64(7)).astype(np.uint8)).astype(np.uint8))

    def may_match(self, data: bytes) -> bool:
        return bool(self.may_match_many([data])[0])

    def may_match_many(self, documents: list[bytes]) -> np.ndarray:
        """``may_match`` for each document, with one pass of numpy over the joined batch.

        A window that straddles two documents can only add a false alarm (the full check
        follows); a run inside a document is covered by a window that starts inside it.
        """
        stripped = [data.translate(None, _WHITESPACE) for data in documents]
        starts = np.cumsum([0] + [len(x) for x in stripped])
        hashes = _window_hashes(b"".join(stripped), 0)
        result = np.zeros(len(documents), dtype=bool)
        top = hashes >> _RUN_SHIFT
        bits = self.bitmap[top >> np.uint64(3)] >> (top & np.uint64(7)).astype(np.uint8)
        where = np.flatnonzero(bits & 1)
        if len(where) == 0:
            return result
        hashes = hashes[where]
        position = np.searchsorted(self.keys, hashes)
        position[position == len(self.keys)] = 0
        hits = where[self.keys[position] == hashes] * 8  # byte offsets of the windows that match
        result[np.searchsorted(starts, hits, side="right") - 1] = True
        return result


class BenchmarkIndex:
    """All items' n-gram hashes (sorted, each pointing at the items that have it) and snippets."""

    def __init__(self, items: list[BenchmarkItem]):
        self.items = items
        self.snippets: list[tuple[str, ...]] = []
        self.too_short: dict[str, int] = {}
        grams, owners, counts, smallest = [], [], [], []
        for index, item in enumerate(items):
            per_snippet = [_grams(s) for s in item.snippets]
            item_grams = np.unique(np.concatenate(per_snippet or [np.empty(0, np.uint64)]))
            grams.append(item_grams)
            owners.append(np.full(len(item_grams), index, dtype=np.int32))
            counts.append(len(item_grams))
            kept, sizes = [], []
            for snippet, snippet_grams in zip(item.snippets, per_snippet, strict=True):
                text = normalise(snippet)
                solid = len(text.encode("utf-8", "surrogatepass").translate(None, _WHITESPACE))
                if solid >= MIN_SNIPPET_BYTES and len(snippet_grams):  # >= NGRAM tokens (whitespace-blind)
                    kept.append(text)
                    sizes.append(len(snippet_grams))
                else:
                    self.too_short[item.benchmark] = self.too_short.get(item.benchmark, 0) + 1
            self.snippets.append(tuple(kept))
            smallest.append(min(sizes, default=1 << 40))
        flat = np.concatenate(grams) if grams else np.empty(0, np.uint64)
        owner = np.concatenate(owners) if owners else np.empty(0, np.int32)
        order = np.lexsort((owner, flat))
        self.keys, self.owner = flat[order], owner[order]
        self.filter = np.zeros(1 << (_FILTER_BITS - 3), dtype=np.uint8)
        top = self.keys >> _FILTER_SHIFT
        np.bitwise_or.at(self.filter, (top >> np.uint64(3)).astype(np.intp),
                         np.left_shift(1, (top & np.uint64(7)).astype(np.uint8)).astype(np.uint8))
        self.gram_counts = np.array(counts, dtype=np.int64)
        # a snippet contained in a text shares all its n-grams but the boundary ones: fewer
        # matches rule the substring test out without normalising the text
        self.min_snippet_grams = np.array(smallest, dtype=np.int64) - _BOUNDARY_GRAMS
        self.runs = RunFilter([snippet for item in items for snippet in item.snippets])

    def match(self, text: str) -> Hit | None:
        """The strongest contamination of ``text``: a substring hit first, then the highest overlap."""
        return self.match_bytes(text, text.encode("utf-8", "surrogatepass"))

    def match_many(self, texts: list[str]) -> list[tuple[Hit | None, int]]:
        """Each text's hit (or None) and its UTF-8 size; the run filter sees the batch at once."""
        documents = [text.encode("utf-8", "surrogatepass") for text in texts]
        out: list[tuple[Hit | None, int]] = [(None, len(data)) for data in documents]
        if len(self.keys) == 0 or not documents:
            return out
        begin, size = 0, 0
        for end, data in enumerate([*documents, b""]):  # groups of at most _JOIN_BYTES
            if end == len(documents) or (size and size + len(data) > _JOIN_BYTES):
                flagged = self.runs.may_match_many(documents[begin:end])
                for i in (np.flatnonzero(flagged) + begin).tolist():
                    out[i] = (self._match_tokens(texts[i], documents[i]), len(documents[i]))
                begin, size = end, 0
            size += len(data)
        return out

    def match_bytes(self, text: str, data: bytes) -> Hit | None:
        """``match`` for a text whose UTF-8 bytes the caller already has."""
        if len(self.keys) == 0:
            return None
        if not self.runs.may_match(data):
            return None
        return self._match_tokens(text, data)

    def _match_tokens(self, text: str, data: bytes) -> Hit | None:
        tokens = token_hashes(data)
        if len(tokens) < NGRAM:
            return None
        grams = ngram_hashes(tokens, NGRAM)  # not deduplicated: a lookup is cheaper than a sort
        top = grams >> _FILTER_SHIFT
        grams = grams[(self.filter[top >> np.uint64(3)] >> (top & np.uint64(7)).astype(np.uint8)) & 1 == 1]
        if len(grams) == 0:
            return None
        position = np.searchsorted(self.keys, grams)
        position[position == len(self.keys)] = 0
        found = grams[self.keys[position] == grams]
        if len(found) == 0:
            return None
        found = np.unique(found)
        low = np.searchsorted(self.keys, found, side="left")
        high = np.searchsorted(self.keys, found, side="right")
        lengths = high - low  # the owners of each found n-gram are self.owner[low:high]: gather them at once
        owners = self.owner[np.arange(int(lengths.sum())) + np.repeat(low - (np.cumsum(lengths) - lengths), lengths)]
        matched = np.bincount(owners, minlength=len(self.items))
        candidates = np.flatnonzero(matched)
        overlap = matched[candidates] / np.maximum(self.gram_counts[candidates], 1)
        normalised: str | None = None
        possible = matched[candidates] >= self.min_snippet_grams[candidates]
        for index, share in zip(candidates[possible].tolist(), overlap[possible].tolist(), strict=False):
            if normalised is None:
                normalised = normalise(text)
            if any(snippet in normalised for snippet in self.snippets[index]):
                item = self.items[index]
                return Hit(item.benchmark, item.task_id, "substring", round(share, 4))
        strong = (overlap >= OVERLAP_THRESHOLD) & (matched[candidates] >= MIN_MATCHED)
        if not strong.any():
            return None
        best = candidates[strong][np.argmax(overlap[strong])]
        item = self.items[int(best)]
        share = matched[best] / self.gram_counts[best]
        return Hit(item.benchmark, item.task_id, "ngram_overlap", round(float(share), 4))


@functools.lru_cache(maxsize=2)
def cached_index(items: tuple[BenchmarkItem, ...]) -> BenchmarkIndex:
    """One index per set of items in a process: phase1 and the tests decontaminate several times."""
    return BenchmarkIndex(list(items))


# --- the driver --------------------------------------------------------------------------------
def _match_batch(index: BenchmarkIndex, texts: list[str]) -> list[tuple[Hit | None, int]]:
    """Each text's hit (or None) and its UTF-8 size (runs in the workers; the index is shared)."""
    return index.match_many(texts)


def _batches(shards: InputShards, bad: BadLines, size: int, pending: deque[list[dict[str, Any]]]
             ) -> Iterator[list[str]]:
    """Texts go to the workers; their records wait in ``pending`` (in order) for the results."""
    batch: list[dict[str, Any]] = []
    for _doc, record in read_records(shards, bad):
        batch.append(record)
        if len(batch) >= size:
            pending.append(batch)
            yield [r["text"] for r in batch]
            batch = []
    if batch:
        pending.append(batch)
        yield [r["text"] for r in batch]


def decontaminate(shards: InputShards, output_dir: Path, index: BenchmarkIndex, *, shard_size: int,
                  compress: str, workers: int = 1, removed_file: Path | None = None,
                  quiet: bool = True, batch_size: int = 256, executor: Executor | None = None) -> dict[str, Any]:
    """Copy ``shards`` to ``output_dir`` without contaminated records; returns (and writes) the manifest.

    ``executor`` (default: a local pool of ``workers``) checks the batches, the index broadcast
    once; the records are written by this process in input order, so the shards are the same
    bytes on any executor.
    """
    if executor is None:
        executor = LocalExecutor(workers, batch_size=1)
    started, cpu = time.perf_counter(), time.process_time()
    bad = BadLines()
    hits: Counter[str] = Counter()
    by_match: Counter[str] = Counter()
    records = removed = bytes_in = 0
    progress = Progress("decontaminate", quiet=quiet)
    with ShardWriter(output_dir, shard_size, compress) as writer, RemovedLog(removed_file) as log:
        pending: deque[list[dict[str, Any]]] = deque()
        batches = _batches(shards, bad, batch_size, pending)
        for results in executor.map_ordered(_match_batch, index, batches):
            for record, (hit, size) in zip(pending.popleft(), results, strict=True):
                records += 1
                bytes_in += size
                progress.update(1, size)
                if hit is None:
                    writer.write(record)
                    continue
                removed += 1
                hits[hit.benchmark] += 1
                by_match[hit.match] += 1
                log.write({"source": record["source"], "reason": "benchmark_contamination",
                           "benchmark": hit.benchmark, "task_id": hit.task_id, "match": hit.match,
                           "overlap": hit.overlap})
    progress.close()
    elapsed = time.perf_counter() - started
    loaded = Counter(item.benchmark for item in index.items)
    sources = {item.benchmark: item.source for item in index.items}
    manifest = {
        "command": "decontaminate",
        "version": __version__,
        "input_dir": str(shards.directory),
        "output_dir": str(output_dir),
        "parameters": {"ngram": NGRAM, "overlap_threshold": OVERLAP_THRESHOLD, "min_matched": MIN_MATCHED,
                       "min_snippet_bytes": MIN_SNIPPET_BYTES, "workers": workers,
                       "executor": getattr(executor, "name", "local"),
                       "shard_size": shard_size, "compress": compress},
        "benchmarks": {name: {"items": loaded[name], "source": sources[name], "hits": hits.get(name, 0),
                              "snippets_too_short": index.too_short.get(name, 0)} for name in loaded},
        "input_records": records,
        "kept": records - removed,
        "removed": removed,
        "removed_by_match": dict(sorted(by_match.items())),
        **bad.to_dict(),
        "bytes_in": bytes_in,
        "bytes_out": writer.bytes_written,
        "shards": [path.name for path in writer.paths],
        "removed_file": str(removed_file) if removed_file else None,
        "elapsed_seconds": round(elapsed, 3),
        "cpu_seconds": round(time.process_time() - cpu, 3),  # this process; workers not included
        "mb_per_second": round(bytes_in / 1e6 / elapsed, 2) if elapsed > 0 else None,
    }
    write_manifest(output_dir / "manifest.json", manifest)
    return manifest
