"""Run accounting: every input ends up kept, negative or rejected with a reason.

``RunStats`` is fed each final result in order and renders the manifest, whose counts
add up to the input count (``check_balanced`` proves it before the manifest is written).

A run done in parts (a resumed curate) keeps each part's ``to_dict()``; ``RunStats.merged``
rebuilds every part with ``from_dict`` and folds them with ``merge``, so the manifest equals
an uninterrupted run's field for field: a field added to ``RunStats`` is merged because it
is part of the object, never because a second module knows its name.

    >>> a, b = RunStats(), RunStats()
    >>> a.add(Reject("x.py", "too_large", size_bytes=9)); b.add(Reject("y.py", "too_large", size_bytes=1))
    >>> RunStats.merged([a.to_dict(), b.to_dict()])["rejected_bytes"]
    {'too_large': 10}
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
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

    # -- parts of one run --------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunStats:
        """The stats whose ``to_dict()`` is ``data`` (a part's manifest section)."""
        stats = cls()
        stats.input_files = data["input_files"]
        stats.kept_positive, stats.kept_negative = data["positive"], data["negative"]
        stats.rejected = Counter(data["rejected"])
        stats.bytes_in = data["bytes_in"]
        stats.per_language = defaultdict(Counter, {k: Counter(v) for k, v in data["per_language"].items()})
        stats.findings_by_rule = Counter(data["findings_by_rule"])
        stats.findings_by_category = Counter(data["findings_by_category"])
        stats.score_histogram = list(data["score_histogram"]["counts"])
        stats.examples = defaultdict(list, {k: list(v) for k, v in data["reject_examples"].items()})
        stats.outcome_bytes = Counter({"positive": data["positive_bytes"], "negative": data["negative_bytes"],
                                       **data["rejected_bytes"]})
        stats.findings_by_language = defaultdict(
            Counter, {k: Counter(v) for k, v in data["findings_by_language"].items()})
        stats.size_all = list(data["size_histogram"]["all"])
        stats.size_kept = list(data["size_histogram"]["kept"])
        stats.lines_kept = list(data["line_histogram"]["kept"])
        return stats

    def merge(self, other: RunStats) -> None:
        """Fold ``other`` (the results that came after this one's) into this one."""
        self.input_files += other.input_files
        self.kept_positive += other.kept_positive
        self.kept_negative += other.kept_negative
        self.bytes_in += other.bytes_in
        self.bytes_out += other.bytes_out
        for mine, theirs in ((self.rejected, other.rejected), (self.findings_by_rule, other.findings_by_rule),
                             (self.findings_by_category, other.findings_by_category),
                             (self.outcome_bytes, other.outcome_bytes)):
            mine.update(theirs)  # update, not +=: keeps zero counts as ``add`` does
        for table, incoming in ((self.per_language, other.per_language),
                                (self.findings_by_language, other.findings_by_language)):
            for key, counts in incoming.items():
                table[key].update(counts)
        for reason, items in other.examples.items():
            self.examples[reason] = (self.examples[reason] + items)[:MAX_EXAMPLES]
        for mine_bins, theirs_bins in ((self.score_histogram, other.score_histogram), (self.size_all, other.size_all),
                                       (self.size_kept, other.size_kept), (self.lines_kept, other.lines_kept)):
            mine_bins[:] = [x + y for x, y in zip(mine_bins, theirs_bins, strict=True)]

    @classmethod
    def merged(cls, parts: Sequence[dict[str, Any]]) -> dict[str, Any]:
        """The manifest section of the whole run from its parts' sections, in part order."""
        total = cls()
        for part in parts:
            total.merge(cls.from_dict(part))
        return total.to_dict()


def add_counts(parts: Sequence[dict[str, int]]) -> dict[str, int]:
    """Key-wise sum of flat count tables (e.g. the blob fetcher's), sorted by key.

    >>> add_counts([{"fetched": 2}, {"fetched": 1, "missing": 1}])
    {'fetched': 3, 'missing': 1}
    """
    total: Counter[str] = Counter()
    for part in parts:
        total.update(part)
    return dict(sorted(total.items()))
