from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from dedup_helpers import fixture_text, read_output, record, reference_jaccard, reformat, write_shards

from tritter_data.cli import main
from tritter_data.dedup.near import DocTable
from tritter_data.io.writers import existing_shards

NEW_FUNCTION = "def replaced(values):\n    total = 0\n    for v in values:\n        total += v * v\n    return total\n\n\n"


def replace_function(text: str, name: str) -> str:
    """``text`` with the top-level function ``name`` swapped for another one."""
    start = re.search(rf"^def {name}\b", text, re.M)
    assert start is not None
    body = text.index("\n", start.end()) + 1
    following = re.search(r"^(def |class |\S)", text[body:], re.M)
    end = body + following.start() if following else len(text)
    return text[: start.start()] + NEW_FUNCTION + text[end:]


def run_dedup(input_dir: Path, output_dir: Path, *extra: str) -> dict[str, Any]:
    assert main(["dedup", "--input-dir", str(input_dir), "--output-dir", str(output_dir), "--quiet", *extra]) == 0
    return json.loads((output_dir / "manifest.json").read_text())


def test_reformatted_copy_is_removed_and_a_changed_function_is_not(tmp_path: Path, stdlib_records) -> None:
    colorsys, fnmatch = fixture_text("colorsys.py"), fixture_text("fnmatch.py")
    planted = [
        record("copies/decoder_reformatted.py", reformat(fixture_text("json/decoder.py")), score=0.7),
        record("copies/colorsys_one_function_changed.py", replace_function(colorsys, "rgb_to_yiq"), score=0.6),
        record("copies/fnmatch_one_function_changed.py", replace_function(fnmatch, "translate"), score=0.6),
    ]
    # exact similarities of the plants, from the slow reference shingler
    assert reference_jaccard(fixture_text("json/decoder.py"), planted[0]["text"]) == 1.0
    assert reference_jaccard(colorsys, planted[1]["text"]) == pytest.approx(0.9221, abs=1e-4)
    assert reference_jaccard(fnmatch, planted[2]["text"]) == pytest.approx(0.3326, abs=1e-4)

    write_shards(tmp_path / "in", stdlib_records + planted)
    manifest = run_dedup(tmp_path / "in", tmp_path / "out", "--removed-file", str(tmp_path / "removed.jsonl"))

    kept = [r["source"] for r in read_output(tmp_path / "out")]
    assert kept == [r["source"] for r in stdlib_records] + ["copies/fnmatch_one_function_changed.py"]
    removed = [json.loads(line) for line in (tmp_path / "removed.jsonl").read_text().splitlines()]
    assert removed == [
        {"source": "copies/decoder_reformatted.py", "reason": "near_duplicate", "cluster": 0, "cluster_size": 2,
         "kept": "json/decoder.py", "jaccard": 1.0},
        {"source": "copies/colorsys_one_function_changed.py", "reason": "near_duplicate", "cluster": 1,
         "cluster_size": 2, "kept": "colorsys.py", "jaccard": 0.9221},
    ]
    assert (manifest["input_records"], manifest["kept"], manifest["removed"]) == (13, 11, 2)
    assert manifest["clusters"] == 2 and manifest["cluster_size_histogram"] == {"2": 2}
    assert manifest["verified_pairs"] == 2 and manifest["bad_lines"] == 0
    assert (manifest["parameters"]["bands"], manifest["parameters"]["rows"]) == (17, 15)
    assert [p.name for p in existing_shards(tmp_path / "out")] == ["shard_00000.jsonl", "shard_00001.jsonl",
                                                                   "shard_00002.jsonl", "shard_00003.jsonl"]
    assert manifest["parameters"]["shard_size"] == 3  # the input's, from its manifest


@pytest.mark.parametrize(("threshold", "removed"), [("0.9", 0), ("0.85", 1)])
def test_threshold_decides_a_changed_function(tmp_path: Path, threshold: str, removed: int) -> None:
    heapq = fixture_text("heapq.py")
    changed = replace_function(heapq, "merge")
    assert reference_jaccard(heapq, changed) == pytest.approx(0.8862, abs=1e-4)
    write_shards(tmp_path / "in", [record("heapq.py", heapq), record("changed.py", changed, score=0.9)])
    manifest = run_dedup(tmp_path / "in", tmp_path / "out", "--threshold", threshold)
    assert manifest["removed"] == removed
    expected = ["changed.py"] if removed else ["heapq.py", "changed.py"]  # the higher score wins
    assert [r["source"] for r in read_output(tmp_path / "out")] == expected


def test_rank_order_of_the_keep_rule() -> None:
    table = DocTable()
    rows = [  # (source, record fields): best last
        ("a.py", {"quality_score": 0.7}),
        ("b.py", {"quality_score": 0.9, "quality_label": "negative", "license": "mit", "stars": 900}),
        ("c.py", {"quality_score": 0.9}),
        ("d.py", {"quality_score": 0.9, "stars": 5}),
        ("e.py", {"quality_score": 0.9, "license": "mit"}),
        ("f.py", {"quality_score": 0.9, "license": "mit", "stars": 0}),
        ("h.py", {"quality_score": 0.9, "license": "mit", "stars": 10}),
        ("g.py", {"quality_score": 0.9, "license": "mit", "stars": 10}),
    ]
    for _source, fields in rows:
        table.add(fields)
    ranked = sorted(range(len(rows)), key=lambda i: table.rank(i, rows[i][0]))
    assert [rows[i][0] for i in ranked] == ["g.py", "h.py", "f.py", "e.py", "d.py", "c.py", "b.py", "a.py"]


def test_cluster_keeps_the_best_record(tmp_path: Path) -> None:
    text = fixture_text("shlex.py")
    copies = [
        record("z_low_score.py", text, score=0.7),
        record("y_negative.py", reformat(text), score=0.95, quality_label="negative", license="mit", stars=50),
        record("x_positive_no_license.py", text, score=0.95),
        record("w_licensed.py", reformat(text), score=0.95, license="apache-2.0", stars=3),
        record("v_licensed_more_stars.py", text, score=0.95, license="mit", stars=40),
        record("u_licensed_more_stars.py", text + "\n", score=0.95, license="mit", stars=40),
    ]
    write_shards(tmp_path / "in", copies)
    manifest = run_dedup(tmp_path / "in", tmp_path / "out")
    assert [r["source"] for r in read_output(tmp_path / "out")] == ["u_licensed_more_stars.py"]
    assert manifest["cluster_size_histogram"] == {"6": 1}


def corpus(stdlib_records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    plants = [record(f"copy_{i}_{r['source']}", reformat(r["text"]), score=0.5 + i / 10)
              for i, r in enumerate(stdlib_records[:6])]
    plants += [record("empty_a.py", ""), record("empty_b.py", " \n"), record("tiny.py", "x = 1\n")]
    return stdlib_records + plants + [record("tiny_copy.py", "x=1")]


def test_same_bytes_whatever_the_workers_spill_or_compression(tmp_path: Path, stdlib_records) -> None:
    write_shards(tmp_path / "in", corpus(stdlib_records))
    write_shards(tmp_path / "zin", corpus(stdlib_records), compress="zstd")
    base = run_dedup(tmp_path / "in", tmp_path / "one", "--workers", "1")
    other = run_dedup(tmp_path / "in", tmp_path / "two", "--workers", "2", "--memory-limit", "1M")
    zstd = run_dedup(tmp_path / "zin", tmp_path / "z", "--workers", "2")
    one = {p.name: p.read_bytes() for p in existing_shards(tmp_path / "one")}
    assert one == {p.name: p.read_bytes() for p in existing_shards(tmp_path / "two")}
    assert [p.name for p in existing_shards(tmp_path / "z")] == [n + ".zst" for n in one]
    assert read_output(tmp_path / "z") == read_output(tmp_path / "one")
    assert base["removed"] == other["removed"] == zstd["removed"] == 7  # 6 reformatted + tiny copy
    assert base["documents_without_shingles"] == 2
    assert {"empty_a.py", "empty_b.py", "tiny.py"} <= {r["source"] for r in read_output(tmp_path / "one")}


def test_spilling_to_disk_gives_the_same_result(tmp_path: Path, stdlib_records) -> None:
    from tritter_data.dedup.near import NearDedupConfig, near_dedup
    from tritter_data.io.shard_set import open_input

    write_shards(tmp_path / "in", corpus(stdlib_records))
    shards = open_input(tmp_path / "in")
    results = []
    for name, limit in (("memory", 1 << 30), ("disk", 1 << 20)):
        config = NearDedupConfig(memory_limit=limit, batch_size=2)
        (tmp_path / name).mkdir()
        results.append(near_dedup(shards, tmp_path / name, config, shard_size=3, compress="none"))
    assert results[0]["spilled_band_bytes"] == 0 and results[1]["spilled_band_bytes"] == 0  # 1M not reached
    config = NearDedupConfig(memory_limit=1 << 20, batch_size=2)
    object.__setattr__(config, "memory_limit", 100)  # below the CLI's floor: spill after every batch
    (tmp_path / "tiny").mkdir()
    spilled = near_dedup(shards, tmp_path / "tiny", config, shard_size=3, compress="none")
    assert spilled["spilled_band_bytes"] == 20 * 17 * 8
    assert read_output(tmp_path / "tiny") == read_output(tmp_path / "memory")
    assert not [p for p in (tmp_path / "tiny").iterdir() if p.name.startswith(".near_dedup_")]


def test_no_verify_trusts_candidates(tmp_path: Path, stdlib_records) -> None:
    write_shards(tmp_path / "in", corpus(stdlib_records))
    manifest = run_dedup(tmp_path / "in", tmp_path / "out", "--no-verify")
    assert manifest["parameters"]["verify"] is False and manifest["removed"] == 7


def test_lines_not_in_the_writers_form_are_serialised_again(tmp_path: Path) -> None:
    """Canonical lines are copied, others (JSON with spaces and ASCII escapes) re-serialised:
    the output is the writer's form either way (key order is the record's, as before)."""
    import orjson

    records = [record(name, fixture_text(name)) for name in ("textwrap.py", "shlex.py", "heapq.py", "bisect.py")]
    shards = tmp_path / "in"
    shards.mkdir()
    lines = [orjson.dumps(records[0]) + b"\n", json.dumps(records[1]).encode() + b"\n",
             orjson.dumps(dict(reversed(list(records[2].items())))) + b"\n", orjson.dumps(records[3]) + b"\n"]
    (shards / "shard_00000.jsonl").write_bytes(b"".join(lines))
    (shards / "manifest.json").write_text(json.dumps({"options": {"shard_size": 10, "compress": "none"}}))
    run_dedup(shards, tmp_path / "out")
    written = (tmp_path / "out" / "shard_00000.jsonl").read_bytes().splitlines(keepends=True)
    assert written == [orjson.dumps(orjson.loads(line)) + b"\n" for line in lines]
    assert written[0] == lines[0] and written[1] != lines[1] and written[2] == lines[2]


def test_key_masks_round_trip() -> None:
    from tritter_data.io.schema_head import MASK_KEYS, OPTIONAL_FIELDS, key_mask, optional_keys

    line = b'{"text":"x","language":"python","quality_score":0.2,"source":"a.py","quality_label":"negative",' \
           b'"explanation":"e","stars":3}\n'
    keys = optional_keys(line)
    assert keys == {"quality_label", "explanation", "stars"}
    assert MASK_KEYS[key_mask(keys)] == keys
    assert [MASK_KEYS[key_mask(frozenset({name}))] for name in OPTIONAL_FIELDS] == [{n} for n in OPTIONAL_FIELDS]
