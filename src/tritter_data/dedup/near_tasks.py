"""Near-dedup's per-document work, run in the executor's workers on raw shard lines.

The driver only reads lines (no JSON parsing) and hands them out in ordered batches; a worker
parses and validates each line, tokenises it and computes its MinHash band hashes (phase 1), or
the shingle set of a candidate (phase 3). So with N workers the parsing, the shingling and the
hashing all run N-wide, and the driver is left with the band join, the clusters and the writing.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np
import orjson

from tritter_data.dedup.lsh import band_hashes
from tritter_data.dedup.minhash import MinHasher
from tritter_data.dedup.shingles import batch_ngram_hashes, sorted_unique
from tritter_data.io.blocks import BlockNumbers, ByteBlock, byte_blocks, read_block
from tritter_data.io.schema_head import key_mask, optional_keys
from tritter_data.io.shard_set import InputShards
from tritter_data.io.shards import BadLine, parse_line, shard_lines

if TYPE_CHECKING:
    from tritter_data.dedup.config import NearDedupConfig

_JOIN_BYTES = 256 << 10  # texts tokenised together: amortises numpy's per-call cost, bounds the arrays
BATCH_BYTES = 1 << 20  # raw bytes per worker task
Line = tuple[str, int, bytes]  # (shard path, line number, raw line)


class DocTable:
    """What choosing the kept record needs, per document, in compact columns (~20 bytes)."""

    def __init__(self) -> None:
        self.score = array("d")
        self.negative = bytearray()
        self.license = bytearray()
        self.stars = array("q")  # -1 when absent
        # 1: the raw line is already what the writer would write (orjson's serialisation plus a
        # newline), so the write phase copies it instead of parsing and serialising it again.
        self.canonical = bytearray()
        self.keys = bytearray()  # a canonical line's optional fields (``schema_head.key_mask``)
        # Where each line is, when the workers read byte blocks themselves: the verify phase then
        # reads its few candidates at their offsets instead of every line of every shard.
        self.shard = array("q")  # index into the input's shard paths
        self.offset = array("q")
        self.length = array("q")
        self.path = ""  # a worker's part: the shard its block is in,
        self.lines = 0  # how many lines the block owns (blank and bad ones included),
        self.torn: int | None = None  # and the number in the block of a torn last line

    def add(self, record: dict[str, Any], canonical: bool = False, keys: int = 0) -> None:
        self.score.append(float(record["quality_score"]))
        self.negative.append(record.get("quality_label") == "negative")
        self.license.append(bool(record.get("license")))
        stars = record.get("stars")
        self.stars.append(stars if isinstance(stars, int) and stars >= 0 else -1)
        self.canonical.append(canonical)
        self.keys.append(keys)

    def extend(self, other: DocTable, shard: int | None = None) -> None:
        """Append a worker's table (the next documents in input order); ``shard``: the index of the
        shard its located lines are in."""
        self.score.extend(other.score)
        self.negative.extend(other.negative)
        self.license.extend(other.license)
        self.stars.extend(other.stars)
        self.canonical.extend(other.canonical)
        self.keys.extend(other.keys)
        if shard is not None and len(other.offset) == len(other):
            self.shard.extend([shard] * len(other))
            self.offset.extend(other.offset)
            self.length.extend(other.length)

    def located(self) -> bool:
        """Whether every document's line has a known place (``read_located``)."""
        return len(self.offset) == len(self) > 0

    def __len__(self) -> int:
        return len(self.score)

    def rank(self, doc: int, source: str) -> tuple[Any, ...]:
        """Sort key: the smallest is the record to keep."""
        return (*self.rank_head(doc), source, doc)

    def rank_head(self, doc: int) -> tuple[Any, ...]:
        """``rank`` without the source: what a verify worker needs from the table (it reads the source)."""
        return (-self.score[doc], self.negative[doc], not self.license[doc], -self.stars[doc])


_HASHERS: dict[Any, MinHasher] = {}  # per worker process, built once per config


def _hasher(config: NearDedupConfig) -> MinHasher:
    if config not in _HASHERS:
        _HASHERS.clear()
        _HASHERS[config] = MinHasher(config.num_perm, config.seed, config.backend)
    return _HASHERS[config]


def grouped_ngram_hashes(documents: list[bytes], n: int) -> list[np.ndarray]:
    """``batch_ngram_hashes`` of each document, small files tokenised together in groups of at
    most ``_JOIN_BYTES``."""
    shingles: list[np.ndarray] = []
    group: list[bytes] = []
    grouped = 0
    for data in documents:
        if group and grouped + len(data) > _JOIN_BYTES:
            shingles += batch_ngram_hashes(group, n)
            group, grouped = [], 0
        group.append(data)
        grouped += len(data)
    return shingles + batch_ngram_hashes(group, n)


def shingle_sets(texts: list[str], n: int) -> list[np.ndarray]:
    """``shingle_hashes`` of each text, tokenised in groups (the same arrays, fewer numpy calls)."""
    documents = [text.encode("utf-8", "surrogatepass") for text in texts]
    return [sorted_unique(hashes) for hashes in grouped_ngram_hashes(documents, n)]


def signature_texts(config: NearDedupConfig, texts: list[str]) -> tuple[np.ndarray, np.ndarray, int]:
    """Band hashes, an 'has shingles' mask and the UTF-8 bytes of one batch of texts."""
    documents = [text.encode("utf-8", "surrogatepass") for text in texts]
    shingles = grouped_ngram_hashes(documents, config.ngram)
    signatures = _hasher(config).signatures(shingles)
    valid = np.array([len(s) > 0 for s in shingles], dtype=bool)
    return band_hashes(signatures, config.lsh), valid, sum(len(d) for d in documents)


def signature_lines(config: NearDedupConfig, lines: list[Line]
                    ) -> tuple[np.ndarray, np.ndarray, int, DocTable, list[BadLine]]:
    """Phase 1 in a worker: parse raw lines, then ``signature_texts`` over the records."""
    table, bad, texts = DocTable(), [], []
    for path, number, line in lines:
        record = parse_line(path, number, line)
        if isinstance(record, BadLine):
            bad.append(record)
            continue
        canonical = orjson.dumps(record) + b"\n" == line  # in the worker, N-wide: the writer copies it
        table.add(record, canonical, key_mask(optional_keys(line)) if canonical else 0)
        texts.append(record["text"])
    hashes, valid, size = signature_texts(config, texts)
    return hashes, valid, size, table, bad


def signature_block(config: NearDedupConfig, block: ByteBlock
                    ) -> tuple[np.ndarray, np.ndarray, int, DocTable, list[tuple[int, bytes]]]:
    """``signature_lines`` over a block the worker reads from the shard itself. Its table says
    where each document's line is and how many lines the block owns; bad lines come back raw,
    numbered within the block, for the driver to report under the shard's numbers
    (``settle_block``)."""
    found = read_block(block)
    path = block[0]
    hashes, valid, size, table, bad = signature_lines(config, [(path, number, line) for number, _, line in found.lines])
    skipped = {line.line for line in bad}
    lost = []
    for number, offset, line in found.lines:
        if number in skipped:
            lost.append((number, line))
        else:
            table.offset.append(offset)
            table.length.append(len(line))
    table.path, table.lines, table.torn = path, found.count, found.torn
    return hashes, valid, size, table, lost


def settle_block(numbers: BlockNumbers, part: DocTable, lost: list[tuple[int, bytes]]) -> list[BadLine]:
    """In the driver, blocks in input order: a block's bad lines under the shard's line numbers
    (parsed again for their message, which names the line); ``ShardError`` on a torn last line."""
    before = numbers.settle(part.path, part.lines, part.torn)
    return [bad for number, line in lost if isinstance(bad := parse_line(part.path, before + number, line), BadLine)]


def candidate_lines(ngram: int, lines: list[bytes]) -> list[tuple[str, np.ndarray]]:
    """Phase 3 in a worker: ``(source, sorted distinct shingle hashes)`` of each candidate line."""
    records = [r for r in (parse_line("", 0, line) for line in lines) if isinstance(r, dict)]  # valid in phase 1
    return list(zip([r["source"] for r in records], shingle_sets([r["text"] for r in records], ngram), strict=True))


def encode_lines(_: None, lines: list[Line]) -> list[bytes | None]:
    """Phase 5 (in the driver): each line as ``ShardWriter.write`` serialises it (None: not a record)."""
    encoded: list[bytes | None] = []
    for path, number, line in lines:
        record = parse_line(path, number, line)
        encoded.append(None if isinstance(record, BadLine) else orjson.dumps(record) + b"\n")
    return encoded


def block_batches(shards: InputShards, max_bytes: int = BATCH_BYTES) -> Iterator[ByteBlock] | None:
    """``line_batches`` as byte blocks each worker reads from the file: the driver neither reads
    the lines nor sends their bytes through a pipe (with 2 workers on 2 cores, that was a third
    of a core), nor looks for their ends. None when a shard is compressed (a zstd stream cannot
    be read from the middle)."""
    if any(path.name.endswith(".zst") for path in shards.paths):
        return None
    return (block for path in shards.paths for block in byte_blocks(path, max_bytes))


def line_batches(shards: InputShards, size: int, max_bytes: int = BATCH_BYTES) -> Iterator[list[Line]]:
    """Every non-blank line of the shards, unparsed, in batches of ``size`` lines or ``max_bytes``
    (whichever comes first: a few big files must not make one batch that keeps a worker busy
    while the others wait)."""
    batch: list[Line] = []
    held = 0
    for path in shards.paths:
        name = str(path)
        for number, line in shard_lines(path):
            batch.append((name, number, line))
            held += len(line)
            if len(batch) >= size or held >= max_bytes:
                yield batch
                batch, held = [], 0
    if batch:
        yield batch
