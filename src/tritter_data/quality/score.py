"""From findings to a quality score in [0, 1].

Each rule costs what its worst finding's severity costs, plus a little for each repeat
(capped), so one bad habit repeated 40 times does not weigh like 40 different problems::

    >>> from tritter_data.core.findings import Finding
    >>> f = Finding("Q-NESTING", "quality", "maintainability", 3, "deep", "flatten", "medium")
    >>> quality_score([]), quality_score([f]), quality_score([f, f])
    (1.0, 0.75, 0.7)
"""

from __future__ import annotations

from tritter_data.core.findings import Finding

SEVERITY_COST = {"low": 0.1, "medium": 0.25, "high": 0.55, "critical": 0.85}
REPEAT_COST = 0.05
MAX_REPEAT_COST = 0.15


def quality_score(findings: list[Finding]) -> float:
    worst: dict[str, float] = {}
    repeats: dict[str, int] = {}
    for finding in findings:
        cost = SEVERITY_COST.get(finding.severity, SEVERITY_COST["medium"])
        worst[finding.rule_id] = max(worst.get(finding.rule_id, 0.0), cost)
        repeats[finding.rule_id] = repeats.get(finding.rule_id, -1) + 1
    penalty = sum(worst.values()) + sum(min(MAX_REPEAT_COST, REPEAT_COST * n) for n in repeats.values())
    return round(max(0.0, 1.0 - penalty), 3)
