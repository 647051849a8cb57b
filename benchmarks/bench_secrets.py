"""Secrets: recall per credential type, look-alikes kept, MB/s, beside detect-secrets.

    python benchmarks/bench_secrets.py                   # corpus + stdlib and installed packages
    python benchmarks/bench_secrets.py --per-type 6 --ds-mb 2

1. A corpus generated in code into a temp dir (``secret_corpus.py``): every catalogue type
   planted ``--per-type`` times across Python, JS, TS, Go, Java, shell and config-in-code, the
   context-only credentials (passwords, URLs, command lines, headers, keys, JWTs), and
   near-miss look-alikes. Recall per type and overall; look-alikes kept. Same for
   ``detect-secrets`` on the same files.
2. Real code (the standard library and big installed packages): files rejected (each listed
   with its rule and line), MB/s of the gate and the whole stage with Hyperscan and RE2 Set,
   beside reading the same bytes; detect-secrets MB/s on a subset.
"""

from __future__ import annotations

import argparse
import random
import sys
import sysconfig
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import secret_corpus  # noqa: E402

from tritter_data.security.secrets import all_rules  # noqa: E402
from tritter_data.security.secrets.gate import hyperscan_available  # noqa: E402
from tritter_data.security.secrets.scanner import engine, scan_bytes  # noqa: E402

PACKAGES = ("sympy", "numpy", "pandas")
EXTENSIONS = {".py", ".js", ".ts", ".go", ".java", ".sh", ".rs", ".rb", ".php", ".c", ".h", ".cpp"}


def engines() -> list[str]:
    return ["hyperscan", "re2"] if hyperscan_available() else ["re2"]


def real_roots() -> list[Path]:
    site = Path(sysconfig.get_paths()["purelib"])
    roots = [Path(sysconfig.get_paths()["stdlib"])]
    roots += [site / name for name in PACKAGES if (site / name).is_dir()]
    external = Path.home() / ".cache" / "tritter-data-bench" / "src"
    return roots + ([external] if external.is_dir() else [])


def load_real(roots: list[Path]) -> list[tuple[Path, bytes]]:
    files = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix not in EXTENSIONS or "site-packages" in path.relative_to(root).parts or path.is_symlink():
                continue
            if "__pycache__" in path.parts or not path.is_file():
                continue
            data = path.read_bytes()
            if data and len(data) < 2_000_000 and b"\0" not in data[:8000]:
                files.append((path, data))
    return files


def best_of(repeats: int, function, *args) -> tuple[object, float, float]:
    """Result, best wall seconds and best CPU seconds: the machine is shared, CPU time is not."""
    best, cpu, result = float("inf"), float("inf"), None
    for _ in range(repeats):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = function(*args)
        best = min(best, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    return result, best, cpu


def scan_all(files: list[tuple[Path, bytes]], name: str) -> dict[Path, list]:
    eng = engine(name)
    return {path: found for path, data in files if (found := scan_bytes(data, eng))}


def gate_all(files: list[tuple[Path, bytes]], name: str) -> int:
    gate = engine(name).gate
    return sum(bool(gate(data)) for _, data in files)


def read_all(paths: list[Path]) -> int:
    return sum(len(path.read_bytes()) for path in paths)


def detect_secrets_lines(paths: list[Path]) -> dict[str, set[int]]:
    from detect_secrets import SecretsCollection
    from detect_secrets.settings import default_settings

    collection = SecretsCollection()
    with default_settings():
        for path in paths:
            collection.scan_file(str(path))
    return {name: {secret.line_number for secret in collection.data[name]} for name in collection.data}


def corpus_figures(args: argparse.Namespace, tmp: Path) -> None:
    plants, look_alikes = secret_corpus.build(random.Random(args.seed), args.per_type, args.per_context)
    planted = secret_corpus.write(plants, tmp / "planted")
    kept_dir = secret_corpus.write(look_alikes, tmp / "look_alikes")
    files = [(path, path.read_bytes()) for path in [*planted, *kept_dir]]
    size = sum(len(data) for _, data in files) / 1e6
    print(f"corpus: {len(plants)} planted credentials over {len({p.kind for p in plants})} types in "
          f"{len({p.language for p in plants})} contexts; {len(look_alikes)} look-alikes; {size:.2f} MB")
    rule_ids = {rule.rule_id for rule in all_rules()}
    for name in engines():
        found, seconds, cpu = best_of(2, scan_all, files, name)
        caught = Counter(p.kind for path, p in planted.items() if p.line in {line for _, line in found.get(path, [])})
        named = sum(1 for path, p in planted.items() if (p.kind, p.line) in {(r.rule_id, line) for r, line in found.get(path, [])})
        typed = sum(1 for p in plants if p.kind.startswith("SECRET-") and p.kind in rule_ids)
        totals = Counter(p.kind for p in plants)
        kept = sum(1 for path in kept_dir if path not in found)
        print(f"  ours [{name}]: recall {sum(caught.values())}/{len(plants)} = {100 * sum(caught.values()) / len(plants):.2f} %"
              f" (catalogue plants found by their own rule {100 * named / typed:.1f} %); look-alikes kept {kept}/{len(kept_dir)}"
              f" = {100 * kept / len(kept_dir):.2f} %; {size / seconds:.1f} MB/s wall, {size / cpu:.1f} per CPU second")
    below = sorted((kind, caught[kind], totals[kind]) for kind in totals if caught[kind] < totals[kind])
    print(f"  types below 100 % recall: {len(below)} of {len(totals)}", *[f"{k} {c}/{t}" for k, c, t in below], sep="\n    ")
    if args.per_type_table:
        for kind in sorted(totals):
            print(f"    {kind:48s} {caught[kind]}/{totals[kind]}")
    try:
        theirs, seconds, ds_cpu = best_of(1, detect_secrets_lines, [path for path, _ in files])
    except ImportError:
        print("  detect-secrets: not installed")
        return
    ds_caught = Counter(p.kind for path, p in planted.items() if p.line in theirs.get(str(path), set()))
    ds_kept = sum(1 for path in kept_dir if not theirs.get(str(path)))
    print(f"  detect-secrets: recall {sum(ds_caught.values())}/{len(plants)} = {100 * sum(ds_caught.values()) / len(plants):.2f} %;"
          f" types with any hit {len(ds_caught)}/{len(totals)}; look-alikes kept {ds_kept}/{len(kept_dir)}"
          f" = {100 * ds_kept / len(kept_dir):.2f} %; {size / seconds:.2f} MB/s wall, {size / ds_cpu:.2f} per CPU second")


def real_figures(args: argparse.Namespace) -> None:
    roots = real_roots() + [Path(extra) for extra in args.real_dir]
    files = load_real(roots)
    size = sum(len(data) for _, data in files) / 1e6
    print(f"real code: {len(files)} files, {size:.1f} MB from {', '.join(str(r) for r in roots)}")
    total, seconds, cpu = best_of(2, read_all, [path for path, _ in files])
    read_cpu = total / 1e6 / max(cpu, 1e-9)
    print(f"  read baseline: {total / 1e6 / seconds:.0f} MB/s wall, {read_cpu:.0f} MB/s per CPU second")
    for name in engines():
        opened, gate_seconds, gate_cpu = best_of(2, gate_all, files, name)
        found, seconds, cpu = best_of(2, scan_all, files, name)
        print(f"  [{name}] gate {size / gate_seconds:.0f} MB/s wall, {size / gate_cpu:.0f} MB/s per CPU second "
              f"({opened} files opened); whole stage {size / seconds:.0f} MB/s wall, {size / cpu:.0f} MB/s per CPU "
              f"second ({100 * size / cpu / read_cpu:.0f} % of read); rejected {len(found)}/{len(files)} = "
              f"{100 * len(found) / len(files):.3f} %")
    for path, hits in sorted(found.items()):
        print(f"    {path}: " + ", ".join(f"{rule.rule_id} at line {line} ({rule.description})" for rule, line in hits[:3]))
    subset = [path for path, _ in files if path.suffix == ".py"][:: max(1, int(size / max(args.ds_mb, 0.1)))]
    subset_mb = sum(path.stat().st_size for path in subset) / 1e6
    try:
        theirs, ds_seconds, ds_cpu = best_of(1, detect_secrets_lines, subset)
    except ImportError:
        return
    flagged = sum(1 for lines in theirs.values() if lines)
    print(f"  detect-secrets on a {subset_mb:.1f} MB subset ({len(subset)} files): {subset_mb / ds_seconds:.2f} MB/s wall,"
          f" {subset_mb / ds_cpu:.2f} MB/s per CPU second,"
          f" flags {flagged} files ({100 * flagged / len(subset):.1f} %)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-type", type=int, default=4, help="plants per catalogue type")
    parser.add_argument("--per-context", type=int, default=8, help="plants per context-only type")
    parser.add_argument("--ds-mb", type=float, default=3.0, help="MB of real code for detect-secrets speed")
    parser.add_argument("--per-type-table", action="store_true", help="print recall for every type")
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--real-dir", action="append", default=[], metavar="DIR",
                        help="more real code to count false rejects on (unpacked sdists, npm tarballs, crates)")
    parser.add_argument("--skip-corpus", action="store_true", help="only the real-code figures")
    args = parser.parse_args(argv)
    if not args.skip_corpus:
        with tempfile.TemporaryDirectory() as tmp:
            corpus_figures(args, Path(tmp))
    if not args.skip_real:
        real_figures(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
