"""``dedup --workers 2``: pool workers read their own line spans and say where each line is, so
the verify workers read their candidates at their offsets; a bad line mid-corpus shifts every later
document, and the output and the removed log are still the in-process run's."""

from __future__ import annotations

import json
from pathlib import Path

from dedup_helpers import fixture_text, record, reformat, write_shards

from tritter_data.cli import main
from tritter_data.dedup import near_verify
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
