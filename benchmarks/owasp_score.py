"""OWASP Benchmark v1.2 (Java) scoring for SQL and command injection, and a findings sample to judge.

The Benchmark's test data is GPL-2.0: it is read from where it lies, never copied. Two layouts:

- a prepared directory (``/work/shared/bench/owasp-benchmark``): ``cases/BenchmarkTestNNNNN.java``
  and ``expected.jsonl`` rows ``{"test", "category", "real", "cwe"}``;
- a checkout of OWASP-Benchmark/BenchmarkJava: ``src/main/java/org/owasp/benchmark/testcode/*.java``
  and ``expectedresults-1.2.csv`` (``# test name, category, real vulnerability, cwe``).

Scoring as the Benchmark's scorecards do it: per category TPR - FPR, in points. A case is
reported when a finding of that category decides the label (severity above low). The
baseline, measured in the same run, counts any finding of the category, low ones too: the
sink-only judgement the analyser made before it followed data.
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

CATEGORIES = {"sqli": "sql_injection", "cmdi": "command_injection"}


def load_owasp(root: Path) -> list[tuple[str, str, bool, Path]]:
    """(test, category, real, path) for every sqli/cmdi case under ``root``."""
    rows = []
    if (root / "expected.jsonl").is_file():
        for line in (root / "expected.jsonl").read_text().splitlines():
            row = json.loads(line)
            rows.append((row["test"], row["category"], bool(row["real"]), root / "cases" / f"{row['test']}.java"))
    elif (root / "expectedresults-1.2.csv").is_file():
        code = root / "src" / "main" / "java" / "org" / "owasp" / "benchmark" / "testcode"
        with open(root / "expectedresults-1.2.csv", newline="") as handle:
            for row in csv.reader(line for line in handle if not line.startswith("#")):
                if len(row) >= 3 and row[1].strip() in CATEGORIES:
                    test = row[0].strip()
                    rows.append((test, row[1].strip(), row[2].strip().lower() == "true", code / f"{test}.java"))
    else:
        raise SystemExit(f"{root}: neither expected.jsonl nor expectedresults-1.2.csv (not an OWASP Benchmark directory)")
    return [row for row in rows if row[1] in CATEGORIES]


def score_owasp(root: Path, analyse) -> dict[str, dict[str, float]]:
    """Per category: TPR, FPR and score for ours and for the sink-only baseline."""
    counts: dict[str, dict[str, list[int]]] = {}
    for _, category, real, path in load_owasp(root):
        findings = [f for f in analyse(path.read_text(encoding="utf-8"), "java")
                    if f.category == CATEGORIES[category]]
        for name, flagged in (("ours", any(f.severity != "low" for f in findings)), ("sink_only", bool(findings))):
            tally = counts.setdefault(category, {}).setdefault(name, [0, 0, 0, 0])  # tp, real, fp, safe
            if real:
                tally[0] += flagged
                tally[1] += 1
            else:
                tally[2] += flagged
                tally[3] += 1
    out = {}
    for category, by_name in sorted(counts.items()):
        for name, (tp, real, fp, safe) in by_name.items():
            tpr, fpr = tp / max(real, 1), fp / max(safe, 1)
            out[f"{category}/{name}"] = {"tpr": tpr, "fpr": fpr, "score": 100 * (tpr - fpr), "real": real, "safe": safe}
    return out


def findings_sample(found: dict, n: int = 60, seed: int = 12) -> list[tuple[str, object]]:
    """A seeded random sample of the label-deciding findings, for a reviewer to judge."""
    deciding = [(str(path), finding) for path, findings in found.items() for finding in findings
                if finding.kind == "security" and finding.severity != "low"]
    deciding.sort(key=lambda pair: (pair[0], pair[1].line))
    random.Random(seed).shuffle(deciding)
    return deciding[:n]
