"""Run accounting: every input ends up kept, negative or rejected with a reason.

``RunStats`` is fed each final result in order and renders the manifest, whose counts
add up to the input count (``check_balanced`` proves it before the manifest is written).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from tritter_data.core.sample import Reject, Sample
from tritter_data.stages.thresholds import line_count

SCORE_BINS = 20
MAX_EXAMPLES = 5
#: Log2 histograms: bin ``b`` counts values ``v`` with ``v.bit_length() == b``, i.e. [2**(b-1), 2**b);
#: bin 0 holds zeros and the last bin everything larger.
SIZE_BINS = 32
LINE_BINS = 24


def log2_bin(value: int, bins: int) -> int:
    """The log2 histogram bin of ``value``: ``log2_bin(1000, 32) == 10`` (512 <= 1000 < 1024)."""
    return min(bins - 1, max(0, int(value)).bit_length())


class RunStats:
    def __init__(self) -> None:
        self.input_files = 0
        self.kept_positive = 0
        self.kept_negative = 0
        self.rejected: Counter[str] = Counter()
        self.bytes_in = 0
        self.bytes_out = 0
        self.per_language: dict[str, Counter[str]] = defaultdict(Counter)
        self.findings_by_rule: Counter[str] = Counter()
        self.findings_by_category: Counter[str] = Counter()
        self.score_histogram = [0] * SCORE_BINS
        self.examples: dict[str, list[dict[str, str]]] = defaultdict(list)
        self.outcome_bytes: Counter[str] = Counter()  # "positive", "negative" and each reject reason
        self.findings_by_language: dict[str, Counter[str]] = defaultdict(Counter)
        self.size_all = [0] * SIZE_BINS
        self.size_kept = [0] * SIZE_BINS
        self.lines_kept = [0] * LINE_BINS

    def add(self, result: Sample | Reject) -> None:
        self.input_files += 1
        read = result.bytes_read if isinstance(result, Reject) else result.size_bytes  # honest MB/s
        self.bytes_in += read
        language = result.language or "unknown"
        bucket = self.per_language[language]
        bucket["files"] += 1
        bucket["bytes"] += read
        self.size_all[log2_bin(result.size_bytes, SIZE_BINS)] += 1
        if isinstance(result, Reject):
            self.rejected[result.reason] += 1
            self.outcome_bytes[result.reason] += read
            bucket["rejected"] += 1
            if len(self.examples[result.reason]) < MAX_EXAMPLES:
                self.examples[result.reason].append({"source": result.source, "detail": result.detail})
            return
        if result.is_negative:
            self.kept_negative += 1
            bucket["negative"] += 1
        else:
            self.kept_positive += 1
            bucket["positive"] += 1
        self.outcome_bytes[result.quality_label or "positive"] += result.size_bytes
        self.size_kept[log2_bin(result.size_bytes, SIZE_BINS)] += 1
        lines = result.meta.get("line_count")  # set when the text was dropped in a worker
        self.lines_kept[log2_bin(line_count(result.text) if lines is None else lines, LINE_BINS)] += 1
        for finding in result.findings:
            self.findings_by_rule[finding.rule_id] += 1
            self.findings_by_category[f"{finding.kind}:{finding.category}"] += 1
            self.findings_by_language[language][f"{finding.kind}:{finding.category}"] += 1
        score = result.quality_score or 0.0
        self.score_histogram[min(SCORE_BINS - 1, int(score * SCORE_BINS))] += 1

    @property
    def kept(self) -> int:
        return self.kept_positive + self.kept_negative

    def check_balanced(self) -> None:
        total = self.kept + sum(self.rejected.values())
        if total != self.input_files:
            raise RuntimeError(f"accounting error: {total} outcomes for {self.input_files} inputs")

    def to_dict(self) -> dict[str, Any]:
        self.check_balanced()
        return {
            "input_files": self.input_files,
            "kept": self.kept,
            "positive": self.kept_positive,
            "negative": self.kept_negative,
            "rejected": dict(sorted(self.rejected.items())),
            "rejected_total": sum(self.rejected.values()),
            "bytes_in": self.bytes_in,
            "per_language": {k: dict(sorted(v.items())) for k, v in sorted(self.per_language.items())},
            "findings_by_rule": dict(sorted(self.findings_by_rule.items())),
            "findings_by_category": dict(sorted(self.findings_by_category.items())),
            "score_histogram": {"bins": SCORE_BINS, "counts": self.score_histogram},
            "reject_examples": dict(sorted(self.examples.items())),
            "positive_bytes": self.outcome_bytes["positive"],
            "negative_bytes": self.outcome_bytes["negative"],
            "rejected_bytes": {reason: self.outcome_bytes[reason] for reason in sorted(self.rejected)},
            "findings_by_language": {k: dict(sorted(v.items())) for k, v in sorted(self.findings_by_language.items())},
            "size_histogram": {"scale": "log2", "all": self.size_all, "kept": self.size_kept},
            "line_histogram": {"scale": "log2", "kept": self.lines_kept},
        }
