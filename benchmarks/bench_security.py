"""Security analysers: throughput beside bandit and detect-secrets, agreement with them, and
the whole ``prepare`` pipeline against the read+MD5 floor, all measured in the same run.

    python benchmarks/bench_security.py                 # stdlib + npm/Debian JS and Rust
    python benchmarks/bench_security.py --subset-mb 2   # smaller bandit/detect-secrets subset
    python benchmarks/bench_security.py --owasp-dir ../shared/bench/owasp-benchmark --no-prepare
    python benchmarks/bench_security.py --judge-out findings.txt  # the label-deciding findings to judge

Set-up (once, into --cache): ``npm pack`` of a few npm packages and ``apt-get download`` of a
few ``librust-*-dev`` source packages. Tests never do this. Figures are ratios against
baselines measured in this run (the machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from tritter_data.core.languages import detect_from_path  # noqa: E402
from tritter_data.security.insecure import InsecureCodeAnalyser  # noqa: E402
from tritter_data.security.secrets import SecretScanner  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from owasp_score import findings_sample, score_owasp  # noqa: E402

NPM_PACKAGES = ["lodash@4.17.21", "express@4.21.2", "moment@2.30.1", "axios@1.7.9", "react-dom@18.3.1"]
DEB_PACKAGES = ["librust-regex-dev", "librust-serde-dev", "librust-syn-dev", "librust-tokio-dev"]
#: bandit test id -> our category (tests we have no rule for are left out of the comparison).
BANDIT_CATEGORY = {
    "B307": "code_injection", "B102": "code_injection", "B602": "command_injection",
    "B604": "command_injection", "B605": "command_injection", "B609": "command_injection",
    "B301": "unsafe_deserialization", "B302": "unsafe_deserialization", "B506": "unsafe_deserialization",
    "B608": "sql_injection",
}
MAX_BYTES = 500 * 1024


def stdlib_dir() -> Path:
    cached = Path("/tmp/corpus/stdlib")
    return cached if cached.is_dir() else Path(sysconfig.get_paths()["stdlib"])


def fetch_external(cache: Path) -> Path:
    """npm tarballs and Debian Rust sources, unpacked under ``cache/src`` (downloaded once)."""
    src = cache / "src"
    if src.is_dir() and any(src.iterdir()):
        return src
    src.mkdir(parents=True, exist_ok=True)
    for spec in NPM_PACKAGES:
        try:
            name = subprocess.run(["npm", "pack", spec, "--silent"], cwd=cache, check=True, capture_output=True,
                                  text=True, timeout=300).stdout.strip().splitlines()[-1]
            with tarfile.open(cache / name) as archive:
                archive.extractall(src / "npm" / spec.split("@")[0], filter="data")
        except (OSError, subprocess.SubprocessError, tarfile.TarError, IndexError) as error:
            print(f"  skipped npm {spec}: {error}", file=sys.stderr)
    for package in DEB_PACKAGES:
        try:
            subprocess.run(["apt-get", "download", package], cwd=cache, check=True, capture_output=True, timeout=300)
            deb = sorted(cache.glob(f"{package}_*.deb"))[-1]
            (src / "deb").mkdir(parents=True, exist_ok=True)
            subprocess.run(["dpkg-deb", "-x", str(deb), str(src / "deb" / package)], check=True, timeout=300)
        except (OSError, subprocess.SubprocessError, IndexError) as error:
            print(f"  skipped deb {package}: {error}", file=sys.stderr)
    return src


def load_corpus(roots: list[Path]) -> list[tuple[Path, str, str]]:
    """(path, language, text) for every decodable code file under ``roots``, as prepare would see it."""
    files = []
    for root in roots:
        for directory, subdirs, names in os.walk(root):
            subdirs[:] = sorted(d for d in subdirs if d not in ("site-packages", "__pycache__"))
            for name in sorted(names):
                path = Path(directory, name)
                language = detect_from_path(str(path))
                if not isinstance(language, str) or path.is_symlink():
                    continue
                data = path.read_bytes()
                if not data or len(data) > MAX_BYTES or b"\0" in data[:8000]:
                    continue
                try:
                    files.append((path, language, data.decode("utf-8")))
                except UnicodeDecodeError:
                    continue
    return files


def mb(files) -> float:
    return sum(len(text.encode()) for _, _, text in files) / 1e6


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def run_ours(files, secrets=True, insecure=True):
    scanner, analyser = SecretScanner(), InsecureCodeAnalyser()
    found = {}
    for path, language, text in files:
        findings = []
        if secrets:
            findings += scanner.analyse(text, language)
        if insecure:
            findings += analyser.analyse(text, language)
        found[path] = findings
    return found


def run_bandit(files) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bandit.json"
        subprocess.run([sys.executable, "-m", "bandit", "-q", "-f", "json", "-o", str(out),
                        *[str(p) for p, _, _ in files]], capture_output=True)
        return json.loads(out.read_text())["results"]


def run_detect_secrets(files) -> dict[str, list]:
    from detect_secrets import SecretsCollection
    from detect_secrets.settings import default_settings

    collection = SecretsCollection()
    with default_settings():
        for path, _, _ in files:
            collection.scan_file(str(path))
    return {name: sorted(collection.data[name], key=lambda s: s.line_number) for name in collection.data}


def subset(files, target_mb: float):
    """Every k-th Python file, sorted, until ``target_mb``: a fixed, spread-out sample."""
    python = [f for f in files if f[1] == "python"]
    step = max(1, int(mb(python) / max(target_mb, 0.1)))
    chosen, size = [], 0
    for item in python[::step]:
        chosen.append(item)
        size += len(item[2].encode())
        if size >= target_mb * 1e6:
            break
    return chosen


def compare_bandit(ours, bandit_results, files):
    """(file, line, category) agreement between bandit's mapped tests and our findings."""
    theirs = {(str(r["filename"]), r["line_number"], BANDIT_CATEGORY[r["test_id"]])
              for r in bandit_results if r["test_id"] in BANDIT_CATEGORY}
    mine = {(str(path), f.line, f.category) for path, fs in ours.items() for f in fs if f.kind == "security"}
    by_test = Counter(r["test_id"] for r in bandit_results if r["test_id"] in BANDIT_CATEGORY)
    return theirs, mine, by_test


def floor_read_md5(paths) -> tuple[int, float]:
    started, total = time.perf_counter(), 0
    for path in paths:
        with open(path, "rb") as handle:
            data = handle.read()
        total += len(data)
        hashlib.md5(data, usedforsecurity=False).hexdigest()
    return total, time.perf_counter() - started


def bench_prepare(input_dir: Path, with_security: bool) -> dict:
    import tritter_data.stages.pipeline as pipeline
    from tritter_data.runs.prepare import PrepareOptions, prepare

    original = pipeline.default_analysers
    if not with_security:
        from tritter_data.quality.analyser import QualityAnalyser
        pipeline.default_analysers = lambda: [QualityAnalyser()]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            options = PrepareOptions(input_dir=input_dir, output_dir=Path(tmp) / "out", workers=1, quiet=True,
                                     exclude=("site-packages", "__pycache__"))
            started = time.perf_counter()
            manifest = prepare(options)
            manifest["wall_seconds"] = time.perf_counter() - started
            return manifest
    finally:
        pipeline.default_analysers = original


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "tritter-data-bench")
    parser.add_argument("--subset-mb", type=float, default=3.0, help="Python MB given to bandit and detect-secrets")
    parser.add_argument("--no-external", action="store_true", help="stdlib only (no npm / Debian download)")
    parser.add_argument("--no-prepare", action="store_true", help="skip the whole-pipeline measurement")
    parser.add_argument("--repeats", type=int, default=2, help="prepare runs with and without security (best kept)")
    parser.add_argument("--owasp-dir", type=Path, default=None,
                        help="OWASP Benchmark v1.2 cases (prepared dir or a BenchmarkJava checkout); GPL data, read in place")
    parser.add_argument("--extra", type=Path, action="append", default=[],
                        help="more real code for the precision sample (e.g. a site-packages directory)")
    parser.add_argument("--judge-out", type=Path, default=None,
                        help="write a seeded sample of 60 label-deciding findings on the corpus, to judge by hand")
    args = parser.parse_args(argv)

    if args.owasp_dir is not None:
        print(f"## OWASP Benchmark v1.2 from {args.owasp_dir} (score = (TPR - FPR) * 100)")
        analyser = InsecureCodeAnalyser()
        for key, row in score_owasp(args.owasp_dir, analyser.analyse).items():
            print(f"{key:<16} TPR {row['tpr']:.3f}  FPR {row['fpr']:.3f}  score {row['score']:6.1f}  "
                  f"({row['real']} real, {row['safe']} safe)")

    roots = [stdlib_dir(), *args.extra]
    if not args.no_external:
        args.cache.mkdir(parents=True, exist_ok=True)
        roots.append(fetch_external(args.cache))
    files = load_corpus(roots)
    by_language = Counter()
    for _, language, text in files:
        by_language[language] += len(text.encode())
    print(f"corpus: {len(files)} files, {mb(files):.1f} MB: "
          + ", ".join(f"{lang} {size / 1e6:.1f} MB" for lang, size in by_language.most_common(6)))

    print("\n## Our stages on the whole corpus")
    _, t_secrets = timed(run_ours, files, True, False)
    ours_all, t_insecure = timed(run_ours, files, False, True)
    print(f"secrets        {mb(files) / t_secrets:8.1f} MB/s")
    print(f"insecure code  {mb(files) / t_insecure:8.1f} MB/s")
    for language in ("python", "javascript", "typescript", "rust"):
        part = [f for f in files if f[1] == language]
        if part:
            _, t = timed(run_ours, part, True, True)
            flagged = sum(1 for p, _, _ in part if ours_all[p])
            print(f"  {language:<11} {mb(part):6.1f} MB  {mb(part) / t:8.1f} MB/s  negative files {flagged}/{len(part)}")

    deciding = sum(1 for fs in ours_all.values() for f in fs if f.kind == "security" and f.severity != "low")
    low = sum(1 for fs in ours_all.values() for f in fs if f.kind == "security" and f.severity == "low")
    print(f"insecure-code findings: {deciding} label-deciding, {low} low (a sink only constants or unknown values reach)")
    if args.judge_out is not None:
        with open(args.judge_out, "w") as out:
            for index, (path, finding) in enumerate(findings_sample(ours_all)):
                out.write(f"#{index} {path}:{finding.line} {finding.rule_id} {finding.severity}\n    {finding.message}\n"
                          f"    {finding.snippet}\n")
        print(f"  sample to judge written to {args.judge_out}")

    chosen = subset(files, args.subset_mb)
    size = mb(chosen)
    print(f"\n## Same {len(chosen)} Python files ({size:.1f} MB): ours vs bandit vs detect-secrets")
    _, t_ours = timed(run_ours, chosen, True, True)
    bandit_results, t_bandit = timed(run_bandit, chosen)
    detect, t_detect = timed(run_detect_secrets, chosen)
    ours_secrets_sub, t_ours_secrets = timed(run_ours, chosen, True, False)
    ours_insecure_sub, t_ours_insecure = timed(run_ours, chosen, False, True)
    print(f"ours (secrets + insecure) {size / t_ours:8.2f} MB/s")
    print(f"bandit                    {size / t_bandit:8.2f} MB/s   ours/bandit = {t_bandit / t_ours:6.1f}x")
    print(f"ours insecure only        {size / t_ours_insecure:8.2f} MB/s   vs bandit = {t_bandit / t_ours_insecure:6.1f}x")
    print(f"detect-secrets            {size / t_detect:8.2f} MB/s   ours secrets/detect-secrets = "
          f"{t_detect / t_ours_secrets:6.1f}x")

    theirs, mine, by_test = compare_bandit(ours_insecure_sub, bandit_results, chosen)
    print(f"\nbandit findings in our categories: {len(theirs)} ({dict(sorted(by_test.items()))}); ours: {len(mine)}")
    print(f"  agree (file, line, category): {len(theirs & mine)}   only bandit: {len(theirs - mine)}   "
          f"only ours: {len(mine - theirs)}")
    for label, items in (("only bandit", theirs - mine), ("only ours", mine - theirs)):
        counts = Counter(category for _, _, category in items)
        print(f"  {label} by category: {dict(sorted(counts.items()))}")
        for path, line, category in sorted(items)[:4]:
            print(f"    {label}: {Path(path).relative_to(roots[0]) if path.startswith(str(roots[0])) else path}:{line} "
                  f"{category}")
    ds_files = {name for name, found in detect.items() if found}
    our_secret_files = {str(p) for p, fs in ours_secrets_sub.items() if fs}
    ds_types = Counter(s.type for found in detect.values() for s in found)
    print(f"\nsecrets: detect-secrets flags {len(ds_files)} files ({sum(len(v) for v in detect.values())} findings: "
          f"{dict(ds_types.most_common(6))}); ours flags {len(our_secret_files)} files")
    print(f"  both: {len(ds_files & our_secret_files)}  only detect-secrets: {len(ds_files - our_secret_files)}  "
          f"only ours: {len(our_secret_files - ds_files)}")
    for name in sorted(ds_files - our_secret_files)[:6]:
        print(f"    only detect-secrets: {Path(name).name}: {[(s.type, s.line_number) for s in detect[name]][:3]}")

    if not args.no_prepare:
        print(f"\n## Whole prepare pipeline, 1 worker, on {stdlib_dir()}")
        walked = [Path(d, n) for d, s, ns in os.walk(stdlib_dir()) for n in ns
                  if "site-packages" not in d and "__pycache__" not in d and not Path(d, n).is_symlink()]
        total, t_floor = floor_read_md5(walked)
        floor = total / 1e6 / t_floor
        runs = [(bench_prepare(stdlib_dir(), True), bench_prepare(stdlib_dir(), False)) for _ in range(args.repeats)]
        with_sec = min((pair[0] for pair in runs), key=lambda m: m["wall_seconds"])
        without = min((pair[1] for pair in runs), key=lambda m: m["wall_seconds"])
        for label, manifest in (("with security", with_sec), ("without security", without)):
            rate = manifest["bytes_in"] / 1e6 / manifest["wall_seconds"]
            print(f"prepare {label:<17} {rate:8.2f} MB/s = {100 * rate / floor:5.2f} % of the read+MD5 floor "
                  f"({floor:.0f} MB/s); kept {manifest['kept']}, negative {manifest['negative']}, "
                  f"secret_detected {manifest['rejected'].get('secret_detected', 0)}")
        print(f"security share of prepare time (best of {args.repeats}): "
              f"{100 * (1 - without['wall_seconds'] / with_sec['wall_seconds']):.1f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
