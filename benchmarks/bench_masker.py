"""The comment/string masker on hostile input: time per MB must not grow with the size.

A masking regex that can fail from an opening quote is retried from every later quote,
each retry rescanning to the end (quadratic). This script masks pathological inputs of
growing size (an unclosed ``'''`` then ``\\'`` escapes, an unclosed ``/*`` run, an
unclosed backtick) and, as the baseline, the standard library, and prints seconds per MB
for each size; a linear masker keeps those figures flat. Wall-clock lives here, never in
the tests (``tests/hostile/test_masker.py`` pins the property that makes it linear).

    python benchmarks/bench_masker.py [--sizes 61250 122500 245000 490000]
"""

from __future__ import annotations

import argparse
import sysconfig
import time
from collections.abc import Callable
from pathlib import Path

from tritter_data.quality.lexical import mask_code

CASES: dict[str, tuple[str, Callable[[int], str]]] = {
    "python unclosed ''' + \\' run": ("python", lambda n: "'''\n" + "\\'" * (n // 2)),
    "javascript unclosed /* + /* run": ("javascript", lambda n: "/*" * (n // 2)),
    "go unclosed ` + \\` run": ("go", lambda n: "`" + "\\`" * (n // 2)),
    "php unclosed ' + \\' run": ("php", lambda n: "'" + "\\'" * (n // 2)),
}


def seconds(language: str, text: str) -> float:
    started = time.perf_counter()
    mask_code(text, language)
    return time.perf_counter() - started


def stdlib_text(limit: int) -> str:
    root = Path(sysconfig.get_paths()["stdlib"])
    parts, size = [], 0
    for path in sorted(root.glob("*.py")):
        text = path.read_text(encoding="utf-8", errors="replace")
        parts.append(text)
        size += len(text)
        if size >= limit:
            break
    return "".join(parts)[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[61_250, 122_500, 245_000, 490_000])
    args = parser.parse_args()
    print(f"{'case':<36}" + "".join(f"{size // 1000:>9} KB" for size in args.sizes) + "   (s/MB)")
    baseline = stdlib_text(max(args.sizes))
    rows = {"stdlib (baseline)": ("python", lambda n: baseline[:n]), **CASES}
    for name, (language, make) in rows.items():
        figures = [seconds(language, make(size)) / (size / 1e6) for size in args.sizes]
        print(f"{name:<36}" + "".join(f"{value:>12.3f}" for value in figures))


if __name__ == "__main__":
    main()
