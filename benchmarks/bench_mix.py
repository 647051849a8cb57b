#!/usr/bin/env python3
"""Throughput of token counting and of the whole mix, beside raw ``tokenizers`` encode speed.

All three are measured in the same run on the same text, so the ratios hold on a noisy
machine: (1) raw ``Tokenizer.encode_batch`` over the texts already in memory (the baseline),
(2) the mix's counting pass (read shards, validate, filter, batch-encode), (3) the whole
``mix`` (count, plan, interleave, write shards and manifest). Inputs: ``prepare`` run on
stdlib packages (code) plus the stdlib's module docstrings as Markdown (docs).

    python benchmarks/bench_mix.py [--packages email json ...] [--repeat 3]
"""

from __future__ import annotations

import argparse
import ast
import shutil
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

import orjson

from tritter_data.cli import main
from tritter_data.core.tokenizer import load_tokenizer_with_info
from tritter_data.mix.config import validate_config
from tritter_data.mix.inputs import expand_inputs
from tritter_data.mix.run import MixOptions, count_component, run_mix

STDLIB = Path(sysconfig.get_paths()["stdlib"])
PACKAGES = ("email", "json", "asyncio", "http", "xml", "logging", "concurrent", "importlib", "urllib", "unittest")


def make_inputs(root: Path, packages: list[str]) -> tuple[Path, Path]:
    for name in packages:
        shutil.copytree(STDLIB / name, root / "src" / name, ignore=shutil.ignore_patterns("__pycache__", "test*"))
    shards = root / "shards"
    if main(["prepare", "--input-dir", str(root / "src"), "--output-dir", str(shards), "--quiet"]) != 0:
        sys.exit("prepare failed")
    docs = root / "docs"
    docs.mkdir()
    for path in sorted(STDLIB.glob("*.py")):
        try:
            doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        except (SyntaxError, UnicodeDecodeError):
            continue
        if doc:
            (docs / f"{path.stem}.md").write_text(f"# {path.stem}\n\n{doc}\n", encoding="utf-8")
    return shards, docs


def best(times: list[float]) -> float:
    return min(times)


def main_bench() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--packages", nargs="+", default=list(PACKAGES))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tokenizer, info = load_tokenizer_with_info()
    with tempfile.TemporaryDirectory(prefix="bench-mix-") as tmp:
        root = Path(tmp)
        shards, docs = make_inputs(root, args.packages)
        config = validate_config({"components": [
            {"name": "python", "share": 80, "inputs": [str(shards)]},
            {"name": "docs", "kind": "docs", "share": 20, "inputs": [str(docs)]},
        ]}, "bench")
        texts = [orjson.loads(line)["text"] for p in sorted(shards.glob("shard_*.jsonl"))
                 for line in p.read_bytes().splitlines()]
        texts += [p.read_text(encoding="utf-8") for p in sorted(docs.glob("*.md"))]
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        raw, count, mix = [], [], []
        for i in range(args.repeat):
            started = time.perf_counter()
            for j in range(0, len(texts), 256):
                tokenizer.encode_batch(texts[j:j + 256], add_special_tokens=False)
            raw.append(time.perf_counter() - started)
            started = time.perf_counter()
            counted = [count_component(c, expand_inputs(c), tokenizer) for c in config.components]
            count.append(time.perf_counter() - started)
            started = time.perf_counter()
            manifest = run_mix(MixOptions(config, root / f"out{i}", overwrite=True), tokenizer, info)
            mix.append(time.perf_counter() - started)
        tokens = sum(sum(c.tokens) for c in counted)
        counted_mb = sum(c.text_bytes for c in counted) / 1e6
    print(f"input: {mb:.2f} MB of text ({len(texts)} records; {tokens:,} tokens, {mb * 1e6 / tokens:.2f} bytes/token); "
          f"tokenizer {info.name}; best of {args.repeat}")
    raw_speed = mb / best(raw)
    count_speed, mix_speed = counted_mb / best(count), counted_mb / best(mix)
    print(f"raw tokenizers encode_batch:  {raw_speed:6.2f} MB/s  (baseline 1.00)")
    print(f"mix counting pass:            {count_speed:6.2f} MB/s  ({count_speed / raw_speed:.2f} x raw)")
    print(f"whole mix (count+plan+write): {mix_speed:6.2f} MB/s  ({mix_speed / raw_speed:.2f} x raw); "
          f"{manifest['records_written']} records written")
    print(f"spread (max/min over repeats): raw {max(raw) / min(raw):.2f}, count {max(count) / min(count):.2f}, "
          f"mix {max(mix) / min(mix):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main_bench())
