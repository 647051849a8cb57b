"""Throughput of ``prepare`` against the read+MD5 floor, measured in the same run.

Corpus: this interpreter's standard library (no site-packages, no __pycache__), the
same files for every measurement. The floor reads every file and hashes it with MD5,
which is the least any pipeline that looks at every byte must do. We report MB/s of
input bytes and the ratios: 1 worker as a share of the floor, 2 workers over 1 worker.

    python benchmarks/bench_prepare.py [--corpus DIR] [--repeat 2]
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import sysconfig
import tempfile
import time
from pathlib import Path

from tritter_data.core.sample import Sample
from tritter_data.runs.prepare import PrepareOptions, prepare
from tritter_data.sources.local import walk_directory

EXCLUDE = ("site-packages", "__pycache__")


def read_md5_floor(corpus: Path) -> tuple[float, int]:
    """Seconds and bytes to read and MD5 every file of the corpus."""
    paths = [item.path for item in walk_directory(corpus, EXCLUDE) if isinstance(item, Sample)]
    started = time.perf_counter()
    total = 0
    for path in paths:
        with open(path, "rb") as handle:  # type: ignore[arg-type]
            data = handle.read()
        hashlib.md5(data, usedforsecurity=False).hexdigest()
        total += len(data)
    return time.perf_counter() - started, total


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (pool workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_prepare(corpus: Path, workers: int) -> tuple[float, dict, float]:
    with tempfile.TemporaryDirectory() as out:
        options = PrepareOptions(input_dir=corpus, output_dir=Path(out), workers=workers,
                                 quiet=True, exclude=EXCLUDE)
        started, cpu = time.perf_counter(), cpu_seconds()
        manifest = prepare(options)
        return time.perf_counter() - started, manifest, cpu_seconds() - cpu


def best(measure, repeat: int):
    runs = [measure() for _ in range(repeat)]
    return min(runs, key=lambda run: run[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path(sysconfig.get_paths()["stdlib"]))
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    read_md5_floor(args.corpus)  # warm the page cache so every run reads from memory
    floor_s, total = best(lambda: read_md5_floor(args.corpus), args.repeat)
    one_s, manifest, one_cpu = best(lambda: run_prepare(args.corpus, 1), args.repeat)
    two_s, _, two_cpu = best(lambda: run_prepare(args.corpus, 2), args.repeat)
    mb = total / 1e6
    floor, one, two = mb / floor_s, mb / one_s, mb / two_s
    print(f"corpus: {args.corpus} ({manifest['input_files']} files, {mb:.1f} MB; "
          f"kept {manifest['kept']}, negative {manifest['negative']})")
    print(f"read+MD5 floor      {floor:8.1f} MB/s   1.000x")
    print(f"prepare, 1 worker   {one:8.1f} MB/s   {one / floor:.3f}x floor ({one / floor:.1%}; bar 4%, goal 5%)")
    print(f"prepare, 2 workers  {two:8.1f} MB/s   {two / one:.2f}x 1 worker (bar 1.6x)")
    # CPU time does not depend on what else the machine runs: a second view of the same runs.
    print(f"CPU per MB: 1 worker {one_cpu / mb * 1e3:.1f} ms, 2 workers {two_cpu / mb * 1e3:.1f} ms "
          f"(pool overhead {two_cpu / one_cpu - 1:+.1%}; 2-core speed-up bound {2 * one_cpu / two_cpu:.2f}x)")


if __name__ == "__main__":
    main()
