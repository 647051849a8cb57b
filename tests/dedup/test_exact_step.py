"""``dedup --exact``: the exact-dedup corpus step keeps the first copy of each text."""

from __future__ import annotations

import json
from pathlib import Path

from dedup_helpers import fixture_text, read_output, record, write_shards

from tritter_data.cli import main


def test_exact_copies_go_the_first_stays(tmp_path: Path) -> None:
    bisect, heapq = fixture_text("bisect.py"), fixture_text("heapq.py")
    write_shards(tmp_path / "in", [record("a/bisect.py", bisect), record("a/heapq.py", heapq),
                                   record("b/bisect.py", bisect), record("b/bisect_tabs.py", bisect.replace("    ", "\t")),
                                   record("c/heapq.py", heapq)], shard_size=2)
    assert main(["dedup", "--exact", "--input-dir", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out"),
                 "--removed-file", str(tmp_path / "removed.jsonl"), "--quiet"]) == 0
    assert [r["source"] for r in read_output(tmp_path / "out")] == ["a/bisect.py", "a/heapq.py", "b/bisect_tabs.py"]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert (manifest["input_records"], manifest["kept"], manifest["removed"]) == (5, 3, 2)
    assert manifest["shards"] == ["shard_00000.jsonl", "shard_00001.jsonl"]
    removed = [json.loads(line) for line in (tmp_path / "removed.jsonl").read_text().splitlines()]
    assert removed == [{"source": "b/bisect.py", "reason": "exact_duplicate", "kept": "a/bisect.py"},
                       {"source": "c/heapq.py", "reason": "exact_duplicate", "kept": "a/heapq.py"}]
