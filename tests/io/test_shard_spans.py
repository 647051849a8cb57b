"""Line spans: the lines of an uncompressed shard as byte ranges each pool worker reads itself
(``dedup --workers N``), numbered and filtered exactly as ``shard_lines`` reads them."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import orjson
import pytest

from tritter_data.cli import main
from tritter_data.io.shards import (
    ShardError,
    existing_shards,
    line_spans,
    read_located,
    read_span,
    shard_lines,
)

STDLIB_FILES = ["json/decoder.py", "json/encoder.py", "textwrap.py", "colorsys.py", "shlex.py"]


@pytest.fixture
def shard(tmp_path: Path) -> Path:
    """Records of real files, with what a hand-edited shard may hold: blank lines, a last line
    that is whole JSON but has no newline."""
    import sysconfig

    stdlib = Path(sysconfig.get_paths()["stdlib"])
    records = [orjson.dumps({"text": (stdlib / name).read_text(), "source": name, "language": "python"})
               for name in STDLIB_FILES]
    path = tmp_path / "shard_00000.jsonl"
    path.write_bytes(records[0] + b"\n\n" + b"\n".join(records[1:4]) + b"\n  \n" + records[4])
    return path


@pytest.mark.parametrize(("lines", "max_bytes"), [(256, 1 << 20), (1, 1 << 20), (2, 1 << 20), (256, 1), (256, 30_000)])
def test_spans_hold_the_lines_shard_lines_reads(shard: Path, lines: int, max_bytes: int) -> None:
    spans = list(line_spans(shard, lines, max_bytes))
    located = [item for span in spans for item in read_span(span)]
    assert [(number, line) for number, _, line in located] == list(shard_lines(shard))
    data = shard.read_bytes()
    assert all(data[offset:offset + len(line)] == line for _, offset, line in located)
    assert list(read_located((shard,), ((0, offset, len(line)) for _, offset, line in located[::-1]))) == \
        [line for _, _, line in located[::-1]]
    assert spans[0][2] == 0 and spans[-1][3] == shard.stat().st_size
    assert all(a[3] == b[2] for a, b in itertools.pairwise(spans))  # contiguous, no byte twice
    for _, _, start, end in spans:
        held = shard.read_bytes()[start:end]
        assert held.count(b"\n") <= lines  # at most ``lines`` lines (the last may lack its newline)
        body = held[:-1] if held.endswith(b"\n") else held
        assert len(body[: body.rfind(b"\n") + 1]) < max_bytes  # only the line that reached it goes over


def test_a_torn_last_line_is_refused_as_shard_lines_refuses_it(shard: Path) -> None:
    data = shard.read_bytes()
    shard.write_bytes(data[:-40])
    with pytest.raises(ShardError) as read_whole:
        list(shard_lines(shard))
    with pytest.raises(ShardError) as spanned:
        list(line_spans(shard, 2, 1 << 20))
    assert str(spanned.value) == str(read_whole.value) and "torn last line" in str(spanned.value)


def test_two_workers_read_spans_and_write_the_bytes_of_one(code_tree: Path, tmp_path: Path, capsys) -> None:
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


@pytest.mark.parametrize(("first", "chunk"), [(1, 7), (100, 1000), (5000, 64 << 10)])
@pytest.mark.parametrize(("lines", "max_bytes"), [(256, 1 << 20), (1, 1 << 20), (2, 30_000), (256, 1)])
def test_spans_cut_while_scanning_are_those_of_one_scan(shard: Path, monkeypatch, first: int, chunk: int,
                                                        lines: int, max_bytes: int) -> None:
    """The driver hands out spans chunk by chunk (the workers start at once); chunks that end
    mid-line, on a blank line or inside the last line without newline change no span."""
    from tritter_data.io import shards

    monkeypatch.setattr(shards, "_FIRST_SCAN", 1 << 30)
    monkeypatch.setattr(shards, "_SCAN_BYTES", 1 << 30)
    whole = list(line_spans(shard, lines, max_bytes))
    monkeypatch.setattr(shards, "_FIRST_SCAN", first)
    monkeypatch.setattr(shards, "_SCAN_BYTES", chunk)
    assert list(line_spans(shard, lines, max_bytes)) == whole
    shard.write_bytes(shard.read_bytes()[:-40])  # torn: the same one-line error, after the whole spans
    with pytest.raises(ShardError, match="torn last line"):
        list(line_spans(shard, lines, max_bytes))


def test_the_first_span_comes_before_the_shard_is_read(shard: Path, monkeypatch) -> None:
    from tritter_data.io import shards

    monkeypatch.setattr(shards, "_FIRST_SCAN", 4096)
    monkeypatch.setattr(shards, "_SCAN_BYTES", 4096)
    read: list[int] = []

    class Counted(io.FileIO):
        def read(self, size: int = -1) -> bytes:
            data = super().read(size)
            read.append(len(data))
            return data

    monkeypatch.setattr(shards, "open", lambda path, mode: Counted(path, mode), raising=False)
    spans = line_spans(shard, 1, 1 << 20)
    assert next(spans)[1:3] == (1, 0)
    assert 0 < sum(read) < shard.stat().st_size / 2
