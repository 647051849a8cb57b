"""Phases 3-4 in the workers (``verify_located``): components of the candidate graph checked,
clustered and ranked where their lines are read, against the driver's way (``verify_read``).

The candidate pairs are chosen by hand, so that a component holds pairs below the threshold
(LSH's false positives) and splits into several clusters, ranks tie on the score and are decided
by the label, the license and the stars, and the writer's schema head moved records to the front."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
from dedup_helpers import fixture_text, located_table, record, reference_jaccard, reformat, write_shards

from tritter_data.dedup.config import NearDedupConfig
from tritter_data.dedup.near_verify import component_batches, verify_located, verify_read
from tritter_data.executors.local import LocalExecutor
from tritter_data.io.shard_set import InputShards
from tritter_data.io.shards import iter_shard_records
from tritter_data.io.writers import existing_shards


def _sources(shards: InputShards) -> list[str]:
    return [record["source"] for path in shards.paths for record in iter_shard_records(path)
            if isinstance(record, dict)]


@pytest.fixture
def corpus(tmp_path: Path, stdlib_records) -> Path:
    decoder, textwrap, shlex = (fixture_text(name) for name in ("json/decoder.py", "textwrap.py", "shlex.py"))
    planted = [
        record("a/decoder.py", reformat(decoder), score=0.8),  # ties with json/decoder.py on the score
        record("b/decoder.py", decoder + "\n# one more line\n", score=0.8, quality_label="negative"),
        record("z/decoder.py", decoder, score=0.8, license="MIT", stars=3),  # the license wins the tie
        record("a/textwrap.py", textwrap + "\n# a copy\n", score=0.9, stars=10),
        record("b/textwrap.py", textwrap, score=0.9, stars=12),  # more stars
        record("a/shlex.py", reformat(shlex), score=0.5),
    ]
    directory = write_shards(tmp_path / "in", stdlib_records[:4] + planted[:3] + stdlib_records[4:] + planted[3:])
    with open(existing_shards(directory)[2], "ab") as handle:  # a bad line: later ids shift by one line
        handle.write(b'{"text": "not a record"}\n\n')
    return directory


def test_workers_verify_and_cluster_as_the_driver_does(corpus: Path, tmp_path: Path) -> None:
    config = NearDedupConfig(workers=2)
    shards, table, bad = located_table(corpus, config)
    assert table.located() and len(table) == 16 and bad.to_dict()["bad_lines"] == 1
    ids = {source: doc for doc, source in enumerate(_sources(shards))}  # the writer hoisted a few to the head
    # every decoder and textwrap copy with every other, and with unrelated files (LSH's false
    # positives): the decoder component holds 6 documents and the shlex one splits
    decoders = ["json/decoder.py", "a/decoder.py", "b/decoder.py", "z/decoder.py", "json/encoder.py",
                "json/scanner.py"]
    textwraps = ["textwrap.py", "a/textwrap.py", "b/textwrap.py", "colorsys.py"]
    named = [*itertools.combinations(decoders, 2), *itertools.combinations(textwraps, 2),
             ("bisect.py", "shlex.py"), ("shlex.py", "a/shlex.py"), ("json/tool.py", "heapq.py")]
    pairs = np.array(sorted(tuple(sorted((ids[a], ids[b]))) for a, b in named), dtype=np.int64)
    timings: dict[str, float] = {}
    with LocalExecutor(2, batch_size=1) as executor:
        batches = list(component_batches(pairs, table, max_bytes=1))  # one component per task
        pooled = verify_located(shards, pairs, table, config, timings, executor)
    assert [len(batch) for batch in batches] == [1, 1, 1, 1]
    assert sorted(len(docs) for batch in batches for docs, *_ in batch) == [2, 3, 4, 6]
    assert [docs[0] for batch in batches for docs, *_ in batch] == sorted(docs[0] for batch in batches
                                                                         for docs, *_ in batch)
    work = tmp_path / "work"
    work.mkdir()
    in_driver = verify_read(shards, pairs, table, bad, config, work, {}, LocalExecutor(1))
    assert pooled == in_driver
    assert list(pooled[0].items()) == list(in_driver[0].items())  # the log's order too
    removed, verified, sizes = pooled
    assert sizes == [4, 3, 2] and verified == 6 + 3 + 1
    assert {entry["source"]: (entry["kept"], entry["cluster_size"]) for entry in removed.values()} == {
        "json/decoder.py": ("z/decoder.py", 4),  # the license decides the tie on the score
        "a/decoder.py": ("z/decoder.py", 4),
        "b/decoder.py": ("z/decoder.py", 4),
        "textwrap.py": ("b/textwrap.py", 3),  # a higher score, then more stars
        "a/textwrap.py": ("b/textwrap.py", 3),
        "a/shlex.py": ("shlex.py", 2)}
    assert [entry["cluster"] for entry in removed.values()] == [0, 0, 0, 1, 1, 2]
    assert list(removed) == sorted(removed, key=lambda doc: (removed[doc]["cluster"], doc))
    decoder = fixture_text("json/decoder.py")
    assert removed[ids["json/decoder.py"]]["jaccard"] == 1.0
    assert abs(removed[ids["a/decoder.py"]]["jaccard"] - reference_jaccard(reformat(decoder), decoder)) <= 0.02
