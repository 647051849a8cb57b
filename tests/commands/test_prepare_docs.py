"""``prepare --languages markdown rst``: docs through the same gates as code, end to end."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from tritter_data.cli import main
from tritter_data.decontam.benchmarks import PACKAGED

sys.path.insert(0, str(Path(__file__).parents[1] / "stages"))
from docs_helpers import API_STUB, CHANGELOG, pip_vendor_file, readme


def docs_tree(root: Path) -> Path:
    """Real READMEs and doc files, plus every kind of doc the gates must stop."""
    files = {
        "orjson/README.md": readme("orjson"),
        "numpy/README.md": readme("numpy"),
        "tqdm/README.rst": readme("tqdm"),
        "pip/README.rst": pip_vendor_file("README.rst"),
        "copy/README.md": readme("orjson"),  # exact duplicate
        "fork/README.md": readme("tqdm").replace("tqdm", "tqdm2", 3),  # near duplicate (rst as .md)
        "idna/LICENSE.md": pip_vendor_file("idna/LICENSE.md"),
        "docs/CHANGELOG.md": CHANGELOG,
        "docs/api/mypkg.rst": API_STUB,
        "docs/leak.md": "",
        "docs/secret.md": readme("numpy") + "\nexport AWS_ACCESS_KEY_ID=AKIAZ7QW3RT5YUIGOPLM\n",
        "src/tool.py": "def main():\n    return 1\n\n\nprint(main())\n",
    }
    with gzip.open(PACKAGED / "mbpp.jsonl.gz", "rt", encoding="utf-8") as handle:
        problem = next(json.loads(line) for line in handle if json.loads(line)["task_id"] == 17)
    files["docs/leak.md"] = ("# Interview warm-up\n\nA classic first question asks for a small geometric helper. "
                             "Here is the task as it is usually phrased, and an answer.\n\n> " + problem["text"]
                             + "\n\n```python\n" + problem["code"].replace("\r\n", "\n") + "\n```\n\n"
                             + "The function multiplies the side by four; try it with a few values. " * 3 + "\n")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_docs_through_every_gate(tmp_path: Path) -> None:
    tree = docs_tree(tmp_path / "in")
    out = tmp_path / "out"
    assert main(["prepare", "--input-dir", str(tree), "--output-dir", str(out), "--languages", "markdown", "rst",
                 "--near-dedup", "--decontaminate", "--quiet", "--workers", "1"]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    rejected = manifest["rejected"]
    assert {k: rejected[k] for k in ("license_text", "changelog", "api_stub", "secret_detected", "language_excluded",
                                     "exact_duplicate", "near_duplicate", "benchmark_contamination")} == {
        "license_text": 1, "changelog": 1, "api_stub": 1, "secret_detected": 1, "language_excluded": 1,
        "exact_duplicate": 1, "near_duplicate": 1, "benchmark_contamination": 1}
    records = [json.loads(line) for path in sorted(out.glob("shard_*.jsonl")) for line in path.open()]
    sources = sorted(r["source"] for r in records)
    assert len(sources) == 4 and {"numpy/README.md", "pip/README.rst"} <= set(sources)
    assert len({"orjson/README.md", "copy/README.md"} & set(sources)) == 1  # one of the two copies
    assert len({"tqdm/README.rst", "fork/README.md"} & set(sources)) == 1  # one of the near pair
    assert {r["language"] for r in records} == {"markdown", "restructuredtext"}
    assert manifest["input_files"] == len(records) + manifest["rejected_total"]
    assert manifest["decontaminate"]["benchmarks"]["mbpp"]["hits"] == 1


def test_default_run_still_skips_docs(tmp_path: Path) -> None:
    tree = docs_tree(tmp_path / "in")
    out = tmp_path / "out"
    assert main(["prepare", "--input-dir", str(tree), "--output-dir", str(out), "--quiet"]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["kept"] == 1 and manifest["rejected"]["unknown_language"] == 11


def test_code_and_docs_together(tmp_path: Path) -> None:
    tree = docs_tree(tmp_path / "in")
    out = tmp_path / "out"
    assert main(["prepare", "--input-dir", str(tree), "--output-dir", str(out), "--languages", "python", "md",
                 "--quiet"]) == 0
    records = [json.loads(line) for line in (out / "shard_00000.jsonl").open()]
    by_language = {r["source"]: r["language"] for r in records}
    assert by_language["src/tool.py"] == "python" and by_language["numpy/README.md"] == "markdown"
    assert not any(source.endswith(".rst") for source in by_language)
