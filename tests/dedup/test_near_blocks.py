"""``dedup --workers 2``: pool workers read their own byte blocks and say where each line is, so
the verify workers read their candidates at their offsets; a bad line mid-corpus shifts every later
document, and the output and the removed log are still the in-process run's."""

from __future__ import annotations

import json
from pathlib import Path

from dedup_helpers import fixture_text, record, reformat, write_shards

from tritter_data.cli import main
from tritter_data.dedup import near, near_verify
from tritter_data.io.writers import existing_shards


def test_pool_workers_locate_the_candidates(tmp_path: Path, stdlib_records, monkeypatch) -> None:
    planted = [record("copies/decoder.py", reformat(fixture_text("json/decoder.py")), score=0.7),
               record("copies/textwrap.py", fixture_text("textwrap.py") + "\n# a copy\n", score=0.9),
               record("copies/shlex.py", reformat(fixture_text("shlex.py")), score=0.5)]
    source = write_shards(tmp_path / "in", stdlib_records[:5] + planted[:2] + stdlib_records[5:] + planted[2:])
    with open(existing_shards(source)[1], "ab") as handle:
        handle.write(b'{"text": "not a record"}\n')
    component_batches, located = near_verify.component_batches, []

    def spy(pairs, table, *args):  # what the driver hands the workers: places, not lines
        for batch in component_batches(pairs, table, *args):
            located.extend(place for _, places, _, _ in batch for place in places)
            yield batch

    monkeypatch.setattr(near_verify, "component_batches", spy)
    outputs = []
    for workers in ("1", "2"):
        out, removed = tmp_path / f"out{workers}", tmp_path / f"removed{workers}.jsonl"
        assert main(["dedup", "--input-dir", str(source), "--output-dir", str(out), "--quiet",
                     "--removed-file", str(removed), "--workers", workers]) == 0
        outputs.append(([path.read_bytes() for path in existing_shards(out)], removed.read_bytes()))
    assert outputs[0] == outputs[1]
    assert len(located) == 6  # the 2-worker run read the three pairs' six lines at their places
    paths = existing_shards(source)
    sources = set()
    for shard, offset, length in located:
        with open(paths[shard], "rb") as handle:
            handle.seek(offset)
            sources.add(json.loads(handle.read(length))["source"])
    assert sources == {"copies/decoder.py", "json/decoder.py", "copies/shlex.py", "shlex.py",
                       "textwrap.py", "copies/textwrap.py"}
    entries = [json.loads(line) for line in outputs[1][1].splitlines()]
    assert {(e["source"], e["kept"]) for e in entries} == {
        ("copies/decoder.py", "json/decoder.py"), ("copies/shlex.py", "shlex.py"), ("textwrap.py", "copies/textwrap.py")}


def test_small_blocks_report_bad_lines_under_the_shard_numbers(tmp_path: Path, stdlib_records, monkeypatch) -> None:
    """Blocks of 3,000 bytes cut nearly every line: the pool still reports each bad line with
    its shard's line number and message (a schema error names the line), as one in-process
    worker does, and writes the same bytes."""
    planted = [record("copies/decoder.py", reformat(fixture_text("json/decoder.py")), score=0.7)]
    source = write_shards(tmp_path / "in", stdlib_records[:4] + planted + stdlib_records[4:])
    shards = existing_shards(source)
    with open(shards[1], "ab") as handle:
        handle.write(b'\n{"text": "no language", "source": "x.py", "quality_score": 0.5}\n  \n{"cut": \n')
    with open(shards[2], "rb+") as handle:  # a bad line first, before the real records
        data = handle.read()
        handle.seek(0)
        handle.write(b"[1, 2]\n" + data)
    real = near.block_batches
    monkeypatch.setattr(near, "block_batches", lambda shard_set: real(shard_set, 3000))
    outputs = []
    for workers in ("1", "2"):
        out, removed = tmp_path / f"out{workers}", tmp_path / f"removed{workers}.jsonl"
        assert main(["dedup", "--input-dir", str(source), "--output-dir", str(out), "--quiet",
                     "--removed-file", str(removed), "--workers", workers]) == 0
        manifest = json.loads((out / "manifest.json").read_text())
        outputs.append(([path.read_bytes() for path in existing_shards(out)], removed.read_bytes(),
                        manifest["bad_lines"], manifest["bad_line_examples"], manifest["input_records"]))
    assert outputs[0] == outputs[1]
    examples = outputs[1][3]
    assert outputs[1][2] == 3 and len(examples) == 3
    assert [example.split(": ")[0] for example in examples] == [f"{shards[1]}:5", f"{shards[1]}:7", f"{shards[2]}:1"]
    assert examples[0].count(f"{shards[1]}:5") == 2  # the schema error names its line too
