"""``dedup --executor ray`` on a local instance: map tasks read their own byte blocks, one per
shard here, and name documents by block; the output and the removed log are the local pool's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dedup_helpers import fixture_text, record, reformat, write_shards

ray = pytest.importorskip("ray")

from tritter_data.cli import main  # noqa: E402
from tritter_data.dedup import near  # noqa: E402
from tritter_data.io.writers import existing_shards  # noqa: E402

pytestmark = pytest.mark.ray


def test_ray_block_tasks_write_the_bytes_of_the_local_pool(tmp_path: Path, stdlib_records, monkeypatch) -> None:
    if ray.is_initialized():
        pytest.skip("this process already runs Ray")
    planted = [record("copies/decoder.py", reformat(fixture_text("json/decoder.py")), score=0.7),
               record("copies/textwrap.py", fixture_text("textwrap.py") + "\n# a copy\n", score=0.9),
               record("copies/shlex.py", reformat(fixture_text("shlex.py")), score=0.5)]
    source = write_shards(tmp_path / "in", stdlib_records[:5] + planted[:2] + stdlib_records[5:] + planted[2:])
    shards = existing_shards(source)
    assert len(shards) == 5  # five blocks, each with documents the others' ids come after
    with open(shards[1], "ab") as handle:  # a bad line mid-corpus shifts every later document id
        handle.write(b'{"text": "not a record"}\n')
    real, handed = near.block_batches, []

    def blocks(*args):  # the driver hands out blocks only: what the Ray tasks read
        for block in real(*args):
            handed.append(block)
            yield block

    monkeypatch.setattr(near, "block_batches", blocks)
    outputs = []
    for label, args in (("local", ["--workers", "1"]), ("ray", ["--executor", "ray", "--workers", "2"])):
        out = tmp_path / label
        removed = tmp_path / f"{label}-removed.jsonl"
        assert main(["dedup", "--input-dir", str(source), "--output-dir", str(out), "--quiet",
                     "--removed-file", str(removed), *args]) == 0
        outputs.append(([path.read_bytes() for path in existing_shards(out)], removed.read_bytes()))
    assert [block[0] for block in handed] == [str(path) for path in shards]  # the Ray run, one block per shard
    (local_shards, local_removed), (ray_shards, ray_removed) = outputs
    assert local_shards == ray_shards and local_removed == ray_removed
    removed = {(entry["source"], entry["kept"]) for entry in map(json.loads, local_removed.splitlines())}
    assert removed == {("copies/decoder.py", "json/decoder.py"), ("copies/shlex.py", "shlex.py"),
                       ("textwrap.py", "copies/textwrap.py")}  # the copy scored higher is kept
