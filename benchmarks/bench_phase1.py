"""Phase 1 throughput, 1 worker, in one run: prepare on code, prepare on docs, conversations,
and decontamination against HumanEval + MBPP + DS-1000.

Corpora, all local and read once before timing (so the disk is not measured):

- code: this interpreter's standard library (no site-packages, no __pycache__);
- docs: ``--docs-dir`` (default: CMake's reStructuredText help under /usr/share/cmake-*/Help
  when the machine has it) plus the READMEs and doc files of the installed distributions;
- chat: conversations built from the standard library's documented functions (a user asks what
  ``module.function`` does, the assistant answers with its docstring and source), ``--chat-mb``
  of JSONL, in the OpenAI and ShareGPT shapes, with a persona on two thirds of them;
- decontamination: the shards ``prepare`` wrote for the code corpus.

MB/s is input bytes over wall-clock seconds; MB per CPU second (this process and its
children) is printed beside it because the machine may be shared. The docs and chat figures are
given as ratios to prepare on code, measured in the same run.

    python benchmarks/bench_phase1.py [--docs-dir DIR] [--chat-mb 8] [--repeat 2]
"""

from __future__ import annotations

import argparse
import ast
import glob
import json
import resource
import shutil
import sysconfig
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tritter_data.decontam.benchmarks import load_benchmarks
from tritter_data.decontam.decontaminate import cached_index, decontaminate
from tritter_data.io.shard_set import open_input
from tritter_data.runs.conversations import ConversationOptions, prepare_conversations
from tritter_data.runs.prepare import PrepareOptions, prepare
from tritter_data.sources.package_docs import collect_package_docs

EXCLUDE = ("site-packages", "__pycache__")
PERSONAS = ("You are Tritter, a careful senior Python engineer who explains trade-offs briefly.",
            "You are a patient mentor for programmers new to Python.", None)


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(run: Callable[[], dict[str, Any]], repeat: int) -> tuple[float, float, dict[str, Any]]:
    """(best wall seconds, CPU seconds of that run, its manifest)."""
    best: tuple[float, float, dict[str, Any]] | None = None
    for _ in range(repeat):
        started, cpu = time.perf_counter(), cpu_seconds()
        manifest = run()
        result = (time.perf_counter() - started, cpu_seconds() - cpu, manifest)
        if best is None or result[0] < best[0]:
            best = result
    assert best is not None
    return best


def chat_corpus(stdlib: Path, target: Path, megabytes: float) -> int:
    """Conversations from documented stdlib functions until ``megabytes`` of JSONL are written."""
    written = count = 0
    with target.open("w", encoding="utf-8") as out:
        for path in sorted(stdlib.glob("*.py")) + sorted(stdlib.glob("*/*.py")):
            if written >= megabytes * 1e6 or "test" in path.parts[-2:-1]:
                break
            try:
                source = path.read_text(encoding="utf-8")
                tree = ast.parse(source)
            except (SyntaxError, UnicodeDecodeError):
                continue
            module = path.stem if path.parent == stdlib else f"{path.parent.name}.{path.stem}"
            for node in ast.walk(tree):
                if not isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                    continue
                doc = ast.get_docstring(node)
                code = ast.get_source_segment(source, node)
                if not doc or len(doc) < 120 or not code or len(code) > 6000:
                    continue
                question = f"What does `{module}.{node.name}` do, and how is it implemented?"
                answer = f"{doc}\n\nHere is the implementation:\n\n```python\n{code}\n```"
                persona = PERSONAS[count % 3]
                if count % 2:
                    row: dict[str, Any] = {"conversations": [{"from": "human", "value": question},
                                                             {"from": "gpt", "value": answer}]}
                else:
                    row = {"messages": [{"role": "user", "content": question},
                                        {"role": "assistant", "content": answer}]}
                if persona:
                    row["persona"] = persona
                line = json.dumps(row, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode())
                count += 1
    return count


def docs_corpus(target: Path, docs_dir: Path | None) -> None:
    collect_package_docs(target / "packages")
    if docs_dir is not None and docs_dir.is_dir():
        shutil.copytree(docs_dir, target / "extra", symlinks=False, dirs_exist_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_docs = next(iter(sorted(glob.glob("/usr/share/cmake-*/Help"))), None)
    parser.add_argument("--docs-dir", type=Path, default=Path(default_docs) if default_docs else None)
    parser.add_argument("--chat-mb", type=float, default=8.0)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docs_corpus(work / "docs", args.docs_dir)
        conversations = chat_corpus(stdlib, work / "chat.jsonl", args.chat_mb)
        items = load_benchmarks(["humaneval", "mbpp", "ds1000"], [])
        index = cached_index(tuple(items))  # built once before timing, as each command does before reading
        rows = {}

        def run_prepare(source: Path, languages: frozenset[str], name: str) -> dict[str, Any]:
            return prepare(PrepareOptions(input_dir=source, output_dir=work / name, workers=1, quiet=True,
                                          languages=languages, exclude=EXCLUDE, overwrite=True))

        code_languages = PrepareOptions(input_dir="", output_dir="").languages
        for name, run in [
            ("prepare code (stdlib)", lambda: run_prepare(stdlib, code_languages, "code")),
            ("prepare docs", lambda: run_prepare(work / "docs", frozenset({"markdown", "restructuredtext"}),
                                                 "docs_out")),
            ("conversations", lambda: prepare_conversations(ConversationOptions(
                (work / "chat.jsonl",), work / "persona", benchmarks=tuple(items), overwrite=True, quiet=True))),
        ]:
            rows[name] = timed(run, args.repeat)
        shards = open_input(work / "code")

        def run_decontaminate() -> dict[str, Any]:
            shutil.rmtree(work / "clean", ignore_errors=True)
            return decontaminate(shards, work / "clean", index, shard_size=shards.shard_size,
                                 compress=shards.compress, workers=1)

        rows["decontaminate (3 benchmarks)"] = timed(run_decontaminate, args.repeat)
    print(f"{conversations} synthetic conversations; benchmarks loaded: "
          f"{ {name: sum(1 for i in items if i.benchmark == name) for name in ('humaneval', 'mbpp', 'ds1000')} }")
    print(f"{'step (1 worker)':<30} {'MB in':>8} {'records':>8} {'kept':>7} {'MB/s':>8} {'MB/CPU-s':>9} {'vs code':>8}")
    code_speed = None
    for name, (seconds, cpu, manifest) in rows.items():
        megabytes = manifest["bytes_in"] / 1e6
        speed = megabytes / seconds
        if name.startswith("prepare code"):
            code_speed = speed
        ratio = f"{speed / code_speed:.2f}x" if code_speed and not name.startswith(("prepare code", "decont")) else ""
        records = manifest.get("input_records", manifest.get("input_files"))
        print(f"{name:<30} {megabytes:>8.2f} {records:>8} {manifest['kept']:>7} {speed:>8.2f} "
              f"{megabytes / cpu:>9.2f} {ratio:>8}")


if __name__ == "__main__":
    main()
