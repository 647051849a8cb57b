"""Hostile file trees: names that are not UTF-8, deep nesting, FIFOs, sparse files,
links back to the root's parent, lone-CR line ends. Each runs the real ``prepare``."""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path

import orjson
import pytest

from tritter_data.cli import main
from tritter_data.core.sample import Reject, Sample
from tritter_data.io.decode import ReadAndDecode
from tritter_data.sources.local import walk_directory

CODE = Path(__file__).parents[1] / "fixtures" / "code"
INTERVALS = (CODE / "python" / "intervals.py").read_bytes()


def prepare(src: Path, out: Path, *extra: str) -> int:
    return main(["prepare", "--quiet", "--input-dir", str(src), "--output-dir", str(out), *extra])


def records(out: Path) -> list[dict]:
    return [orjson.loads(line) for shard in sorted(out.glob("shard_*.jsonl"))
            for line in shard.read_bytes().splitlines()]


def test_non_utf8_file_name_is_kept_with_an_escaped_source(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(CODE / "python", src)
    raw = os.path.join(os.fsencode(src), b"caf\xe9_intervals.py")
    with open(raw, "wb") as handle:
        handle.write(INTERVALS.replace(b"intervals", b"spans"))
    out = tmp_path / "out"
    assert prepare(src, out) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    sources = {r["source"] for r in records(out)}
    assert "caf\\xe9_intervals.py" in sources  # one backslash escape per undecodable byte
    assert manifest["input_files"] == len(os.listdir(src))
    walked = [s for s in walk_directory(src) if s.source.startswith("caf")]
    assert walked[0].path is not None and os.path.exists(walked[0].path)  # the real name opens


def test_report_on_a_run_with_a_non_utf8_name(tmp_path):
    pytest.importorskip("matplotlib")
    src = tmp_path / "in"
    shutil.copytree(CODE / "python", src)
    with open(os.path.join(os.fsencode(src), b"\xff\xfe.py"), "wb") as handle:
        handle.write(INTERVALS.replace(b"intervals", b"ranges"))
    out = tmp_path / "out"
    assert prepare(src, out) == 0
    assert main(["report", str(out)]) == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    assert len(page) > 1000


@pytest.fixture
def deep_tree(tmp_path):
    """``in/d/d/.../d`` 1,000 levels deep, removed bottom-up afterwards: pytest's own cleanup
    (a recursive ``shutil.rmtree`` on Python 3.11) would hit the recursion limit on it."""
    src = tmp_path / "in"
    src.mkdir()
    chain = [src]
    for _ in range(1000):  # deeper than Python's recursion limit allows a recursive walk
        chain.append(chain[-1] / "d")
        chain[-1].mkdir()
    yield src
    for directory in reversed(chain[1:]):
        for child in directory.iterdir():
            if not child.is_dir():
                child.unlink()
        directory.rmdir()


def test_a_thousand_nested_directories(deep_tree, tmp_path):
    src = deep_tree
    (src / ("d/" * 1000) / "intervals.py").write_bytes(INTERVALS)
    (src / "top.py").write_bytes(INTERVALS.replace(b"intervals", b"spans"))
    items = list(walk_directory(src))
    assert [type(i) for i in items] == [Sample, Sample]
    assert items[0].source == "d/" * 1000 + "intervals.py"
    out = tmp_path / "out"
    assert prepare(src, out) == 0
    assert json.loads((out / "manifest.json").read_text())["kept"] == 2


def test_fifo_swapped_in_after_the_walk_is_rejected_not_waited_on(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(CODE / "python", src)
    items = list(walk_directory(src))
    target = src / "intervals.py"
    target.unlink()
    os.mkfifo(target)  # nobody ever writes to it: a blocking open() would wait forever
    results: dict[str, object] = {}

    def read_all() -> None:
        reader = ReadAndDecode()
        for item in items:
            results[item.source] = reader(item) if isinstance(item, Sample) else item

    worker = threading.Thread(target=read_all, daemon=True)
    worker.start()
    worker.join(timeout=60)  # a generous bound for a slow machine; the read itself never blocks
    assert not worker.is_alive(), "reading a FIFO blocked"
    fifo = results["intervals.py"]
    assert isinstance(fifo, Reject) and fifo.reason == "not_a_regular_file"
    assert isinstance(results["settings.py"], Sample)


def test_fifo_in_the_tree_is_a_counted_reject(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(CODE / "python", src)
    os.mkfifo(src / "pipe.py")
    out = tmp_path / "out"
    assert prepare(src, out) == 0
    assert json.loads((out / "manifest.json").read_text())["rejected"]["not_a_regular_file"] == 1


def test_sparse_gigabyte_file_does_not_count_as_read(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(CODE / "python", src)
    with open(src / "huge_dump.py", "wb") as handle:
        handle.truncate(1 << 30)  # 1 GB, sparse: no disk used, no byte worth reading
    with open(src / "huge_blob.bin", "wb") as handle:  # rejected by its name, never opened
        handle.truncate(1 << 30)
    out = tmp_path / "out"
    assert prepare(src, out) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    read = sum(len(p.read_bytes()) for p in src.iterdir() if p.stat().st_size < 1 << 20)
    assert manifest["rejected"]["too_large"] == 1
    assert manifest["bytes_in"] <= read  # the real files, not 2 GB of holes
    assert manifest["rejected_bytes"]["too_large"] == 0
    assert manifest["positive_bytes"] + manifest["negative_bytes"] + sum(
        manifest["rejected_bytes"].values()) == manifest["bytes_in"]
    assert sum(manifest["size_histogram"]["all"][30:]) == 2  # the histogram still shows their size


def test_link_to_the_roots_parent_never_reads_the_output(tmp_path):
    work = tmp_path / "work"
    src = work / "in"
    shutil.copytree(CODE / "python", src)
    os.symlink("..", src / "up")  # up -> work, which holds the output directory too
    out = work / "out"
    assert prepare(src, out, "--shard-size", "1") == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["rejected"].get("symlink_loop") == 1  # `up` itself, an ancestor of the root
    assert manifest["input_files"] == len(list(CODE.joinpath("python").iterdir())) + 1


def test_output_inside_the_input_is_never_read(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(CODE / "python", src)
    out = src / "zz_curated"  # walked last, when this run's shards are already written
    inputs = len(list(CODE.joinpath("python").iterdir()))
    assert prepare(src, out, "--shard-size", "1") == 0
    assert json.loads((out / "manifest.json").read_text())["input_files"] == inputs
    assert prepare(src, out, "--shard-size", "1", "--overwrite") == 0
    assert json.loads((out / "manifest.json").read_text())["input_files"] == inputs
    assert not any(r["source"].startswith("zz_curated/") for r in records(out))


def test_lone_cr_line_ends_count_as_lines(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    lines = INTERVALS.decode().splitlines()
    (src / "classic_mac.py").write_bytes("\r".join(lines).encode() + b"\r")
    (src / "unix.py").write_bytes(("\n".join(lines) + "\n").replace("intervals", "spans").encode())
    out = tmp_path / "out"
    assert prepare(src, out) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["rejected"] == {}
    assert manifest["kept"] == 2
    assert manifest["line_histogram"]["kept"][len(lines).bit_length()] == 2  # same line count


def test_dry_run_head_of_a_fifo_does_not_block(tmp_path):
    from tritter_data.runs.prepare import _head

    os.mkfifo(tmp_path / "pipe.py")
    done: list[str] = []
    worker = threading.Thread(target=lambda: done.append(_head(str(tmp_path / "pipe.py"))), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert done == [""], "reading the head of a FIFO blocked"
