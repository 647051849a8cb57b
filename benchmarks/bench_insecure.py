"""CPU of the insecure-code analyser per MB and language, and every finding, for before/after checks.

Corpus: this interpreter's standard library (no site-packages) plus any ``--dir`` given
(JavaScript, Java, Go, PHP, Ruby, Rust, C files found by extension). Each file's CPU time
(``time.process_time``) is the best of ``--repeat`` runs, so a busy machine inflates it less.
``--findings-out`` writes every finding (rule, severity, line, message, snippet) per file;
``--compare`` reports the files whose findings differ from such a file: a speed-up must
report none.

    python benchmarks/bench_insecure.py --dir /path/to/js-and-go --repeat 3 --findings-out before.json
    python benchmarks/bench_insecure.py --dir /path/to/js-and-go --repeat 3 --compare before.json
"""

from __future__ import annotations

import argparse
import json
import sysconfig
import time
from collections import defaultdict
from pathlib import Path

from tritter_data.core.languages import EXTENSIONS
from tritter_data.security.insecure import InsecureCodeAnalyser

MAX_FILE = 1 << 20


def corpus(dirs: list[Path]) -> list[tuple[str, str, str]]:
    """(path, language, text) of the stdlib's Python files and the other languages' files under ``dirs``."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    found = [(path, "python") for path in sorted(stdlib.rglob("*.py")) if "site-packages" not in path.parts]
    for root in dirs:
        for path in sorted(root.rglob("*")):
            language = EXTENSIONS.get(path.suffix)
            if language not in (None, "python") and path.is_file() and not path.is_symlink():
                found.append((path, language))
    out = []
    for path, language in found:
        if path.is_file() and 0 < path.stat().st_size <= MAX_FILE:
            out.append((str(path), language, path.read_bytes().decode("utf-8", "replace")))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, action="append", default=[], help="more source files to include")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--findings-out", type=Path)
    parser.add_argument("--compare", type=Path)
    args = parser.parse_args(argv)
    files = corpus(args.dir)
    analyser = InsecureCodeAnalyser()
    best: dict[str, float] = {}
    findings: dict[str, list[list[object]]] = {}
    for round_ in range(args.repeat):
        for path, language, text in files:
            started = time.process_time()
            result = analyser.analyse(text, language)
            spent = time.process_time() - started
            best[path] = min(best.get(path, spent), spent)
            if round_ == 0:
                findings[path] = [[f.rule_id, f.severity, f.line, f.message, f.snippet] for f in result]
    seconds: dict[str, float] = defaultdict(float)
    megabytes: dict[str, float] = defaultdict(float)
    for path, language, text in files:
        seconds[language] += best[path]
        megabytes[language] += len(text.encode("utf-8", "replace")) / 1e6
    for language in [*sorted(seconds), "ALL"]:
        cpu = sum(seconds.values()) if language == "ALL" else seconds[language]
        size = sum(megabytes.values()) if language == "ALL" else megabytes[language]
        print(f"{language:11s} {size:6.1f} MB  {1000 * cpu / size:7.1f} ms CPU/MB")
    print(f"findings: {sum(map(len, findings.values()))} in {sum(1 for f in findings.values() if f)} files")
    if args.findings_out:
        args.findings_out.write_text(json.dumps(findings, indent=0, sort_keys=True))
    if args.compare:
        before = json.loads(args.compare.read_text())
        changed = sorted(path for path in findings if findings[path] != before.get(path))
        print(f"files whose findings changed: {len(changed)}")
        for path in changed[:20]:
            print(f"  {path}\n    before {before.get(path)}\n    after  {findings[path]}")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
