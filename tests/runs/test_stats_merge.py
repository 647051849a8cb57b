"""``RunStats`` owns its merge: any split of a run into parts merges to the uninterrupted stats."""

from __future__ import annotations

import json
import random

import pytest

from tritter_data.core.findings import Finding
from tritter_data.core.sample import Reject, Sample
from tritter_data.runs.stats import RunStats

LANGUAGES = ("python", "rust", "go", None)
REASONS = ("too_large", "too_few_lines", "secret_detected", "exact_duplicate", "task_failed")
RULES = (("PY-CODE-EVAL", "security", "code_injection"), ("Q-LONG-LINE", "quality", "style"),
         ("SEC-AWS-KEY", "secret", "aws"))


def random_result(rng: random.Random, number: int) -> Sample | Reject:
    language = rng.choice(LANGUAGES)
    size = rng.choice([0, 1, rng.randrange(1, 1 << 22)])
    if rng.random() < 0.4:
        return Reject(f"repo/f{number}.py", rng.choice(REASONS), f"detail {number}", size, language)
    findings = [Finding(rule, kind, category, rng.randrange(1, 200), "m", "f")
                for rule, kind, category in rng.sample(RULES, rng.randrange(0, 3))]
    negative = rng.random() < 0.3
    sample = Sample(source=f"repo/f{number}.py", text="x\n" * rng.randrange(0, 300), size_bytes=size,
                    language=language, quality_score=rng.random(), findings=findings,
                    quality_label="negative" if negative else None)
    if rng.random() < 0.5:  # a result whose text was dropped in a worker carries its line count
        sample.meta["line_count"], sample.text = sample.text.count("\n"), ""
    return sample


@pytest.mark.parametrize("seed", range(40))
def test_parts_merge_to_the_uninterrupted_stats(seed: int) -> None:
    rng = random.Random(seed)
    results = [random_result(rng, n) for n in range(rng.randrange(0, 120))]
    whole = RunStats()
    for result in results:
        whole.add(result)
    cuts = sorted(rng.sample(range(len(results) + 1), rng.randrange(0, min(6, len(results) + 1))))
    parts = []
    for begin, end in zip([0, *cuts], [*cuts, len(results)], strict=True):
        part = RunStats()
        for result in results[begin:end]:
            part.add(result)
        parts.append(json.loads(json.dumps(part.to_dict())))  # parts travel as JSON markers
    assert RunStats.merged(parts) == whole.to_dict()


def test_the_fields_part_zero_used_to_keep_are_summed() -> None:
    """The defect: histograms, rejected bytes and findings per language came from part 0 only."""
    first, second = RunStats(), RunStats()
    first.add(Reject("a.py", "too_large", "", 5000, "python"))
    second.add(Reject("b.py", "too_large", "", 7000, "python"))
    second.add(Sample(source="c.rs", text="fn main() {}\n", size_bytes=13, language="rust", quality_score=0.9,
                      findings=[Finding("Q-LONG-LINE", "quality", "style", 1, "m", "f")]))
    merged = RunStats.merged([first.to_dict(), second.to_dict()])
    assert merged["rejected_bytes"] == {"too_large": 12000}
    assert merged["findings_by_language"] == {"rust": {"quality:style": 1}}
    assert sum(merged["size_histogram"]["all"]) == 3
    assert merged["line_histogram"]["kept"][1] == 1
