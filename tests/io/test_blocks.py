"""Byte blocks: an uncompressed shard cut into fixed byte ranges that pool workers read
themselves (``dedup --workers N``); the lines each block owns, numbered by ``BlockNumbers``,
are exactly those ``shard_lines`` reads, whatever the block size."""

from __future__ import annotations

import itertools
from pathlib import Path

import orjson
import pytest

from tritter_data.cli import main
from tritter_data.io.blocks import BlockNumbers, byte_blocks, read_block
from tritter_data.io.shards import ShardError, existing_shards, read_located, shard_lines

STDLIB_FILES = ["json/decoder.py", "json/encoder.py", "textwrap.py", "colorsys.py", "shlex.py"]


@pytest.fixture
def shard(tmp_path: Path) -> Path:
    """Records of real files, with what a hand-edited shard may hold: blank lines (one of them
    whitespace, one with a carriage return), a last line that is whole JSON but has no newline."""
    import sysconfig

    stdlib = Path(sysconfig.get_paths()["stdlib"])
    records = [orjson.dumps({"text": (stdlib / name).read_text(), "source": name, "language": "python"})
               for name in STDLIB_FILES]
    path = tmp_path / "shard_00000.jsonl"
    path.write_bytes(b"\n" + records[0] + b"\n\n" + b"\n".join(records[1:4]) + b"\n  \r\n\n" + records[4])
    return path


def _read(path: Path, size: int) -> list[tuple[int, int, bytes]]:
    """Every block's lines, numbered in the shard as the driver numbers them."""
    numbers, lines = BlockNumbers(), []
    for block in byte_blocks(path, size):
        found = read_block(block)
        before = numbers.settle(block[0], found.count, found.torn)
        lines += [(before + number, offset, line) for number, offset, line in found.lines]
    return lines


SIZES = [1, 2, 3, 7, 100, 4096, 30_000, 1 << 20]


@pytest.mark.parametrize("size", SIZES)
def test_blocks_hold_the_lines_shard_lines_reads(shard: Path, size: int) -> None:
    located = _read(shard, size)
    assert [(number, line) for number, _, line in located] == list(shard_lines(shard))
    data = shard.read_bytes()
    assert all(data[offset:offset + len(line)] == line for _, offset, line in located)
    assert list(read_located((shard,), ((0, offset, len(line)) for _, offset, line in located[::-1]))) == \
        [line for _, _, line in located[::-1]]
    blocks = list(byte_blocks(shard, size))
    assert blocks[0][1] == 0 and blocks[-1][2] == len(data)
    assert all(a[2] == b[1] and b[2] - b[1] <= size for a, b in itertools.pairwise(blocks))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("ending", [b"\n", b"", b"\n\n", b"\n  "])
def test_every_line_has_one_block_at_any_cut(tmp_path: Path, size: int, ending: bytes) -> None:
    """Short lines, a line as long as many blocks, blocks that begin on a newline or just after."""
    path = tmp_path / "shard_00000.jsonl"
    lines = [b'{"a": 1}', b"", b'{"b": "' + b"x" * 5000 + b'"}', b'{"c": 3}', b"  ", b'{"d": [4]}']
    path.write_bytes(b"\n".join(lines) + ending)
    assert [(number, line) for number, _, line in _read(path, size)] == list(shard_lines(path))


@pytest.mark.parametrize("size", SIZES)
def test_a_torn_last_line_is_refused_as_shard_lines_refuses_it(shard: Path, size: int) -> None:
    shard.write_bytes(shard.read_bytes()[:-40])
    with pytest.raises(ShardError) as read_whole:
        list(shard_lines(shard))
    with pytest.raises(ShardError) as blocked:
        _read(shard, size)
    assert str(blocked.value) == str(read_whole.value) and "torn last line" in str(blocked.value)


def test_the_driver_reads_nothing_to_cut_blocks(shard: Path, monkeypatch) -> None:
    from tritter_data.io import blocks

    def no_open(*args, **kwargs):
        raise AssertionError("the driver opened the shard")

    monkeypatch.setattr(blocks, "open", no_open, raising=False)
    assert [block[1:] for block in byte_blocks(shard, 30_000)][:2] == [(0, 30_000), (30_000, 60_000)]


def test_two_workers_read_blocks_and_write_the_bytes_of_one(code_tree: Path, tmp_path: Path, capsys) -> None:
    prepared = tmp_path / "prepared"
    assert main(["prepare", "--input-dir", str(code_tree), "--output-dir", str(prepared), "--quiet",
                 "--shard-size", "7"]) == 0
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"dedup{workers}"
        assert main(["dedup", "--input-dir", str(prepared), "--output-dir", str(out), "--quiet",
                     "--workers", workers]) == 0
        outputs.append([path.read_bytes() for path in existing_shards(out)])
    assert outputs[0] == outputs[1] and outputs[0]
    last = existing_shards(prepared)[-1]
    last.write_bytes(last.read_bytes()[:-40])  # the disk filled mid-record
    assert main(["dedup", "--input-dir", str(prepared), "--output-dir", str(tmp_path / "torn"), "--quiet",
                 "--workers", "2"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{last}:" in err and "torn last line" in err, err
