"""Keep shards loadable by ``datasets`` although positives omit optional fields.

The card omits ``quality_label``/``explanation`` on positives (and ``license``/``stars``
on local files). ``datasets.load_dataset("json", ...)`` infers the schema from the first
block of the first file and fills *missing* columns later with nulls, but fails on a
column it has not seen. So the writer makes sure the first lines of ``shard_00000``
carry every optional field that appears anywhere: it swaps the first record holding each
missing field with a record at the head of shard 0. The swap is deterministic, counts
per shard are unchanged, and nothing happens when the first record already has them.
"""

from __future__ import annotations

from pathlib import Path

from tritter_data.io.shards import read_all, zstd_writer

OPTIONAL_FIELDS = ("quality_label", "explanation", "license", "stars", "persona")
# In JSON an unescaped quote only delimits a string, and a string followed by a colon is
# a key: these byte patterns cannot occur inside a text value.
_KEY_PATTERNS = {name: f'"{name}":'.encode() for name in OPTIONAL_FIELDS}


def optional_keys(line: bytes) -> frozenset[str]:
    """The optional fields present in one serialised record."""
    return frozenset(name for name, pattern in _KEY_PATTERNS.items() if pattern in line)


def key_mask(keys: frozenset[str]) -> int:
    """``optional_keys`` as one byte (bit i: ``OPTIONAL_FIELDS[i]``), to store per document."""
    return sum(1 << i for i, name in enumerate(OPTIONAL_FIELDS) if name in keys)


#: ``key_mask`` inverted: the key set of every mask.
MASK_KEYS = tuple(frozenset(name for i, name in enumerate(OPTIONAL_FIELDS) if mask >> i & 1)
                  for mask in range(1 << len(OPTIONAL_FIELDS)))


def _read_lines(path: Path) -> list[bytes]:
    return read_all(path).splitlines(keepends=True)


def _write_lines(path: Path, lines: list[bytes]) -> None:
    """Rewrite a shard through a temporary file: a crash leaves the old or the new shard."""
    temporary = path.with_name(path.name + ".tmp")
    if path.name.endswith(".zst"):
        with zstd_writer(open(temporary, "wb")) as writer:
            writer.write(b"".join(lines))
    else:
        temporary.write_bytes(b"".join(lines))
    temporary.replace(path)


def hoist_schema_records(paths: list[Path], positions: list[tuple[int, int]]) -> None:
    """Swap the records at ``positions`` (shard index, line) to the head of shard 0."""
    shards: dict[int, list[bytes]] = {0: _read_lines(paths[0])}
    for target, (shard, line) in enumerate(positions):
        if shard not in shards:
            shards[shard] = _read_lines(paths[shard])
        if (shard, line) == (0, target):
            continue
        head = shards[0]
        head[target], shards[shard][line] = shards[shard][line], head[target]
    for shard, lines in shards.items():
        _write_lines(paths[shard], lines)
