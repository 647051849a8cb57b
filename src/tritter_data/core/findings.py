"""Findings are data; explanations are rendered from them in one place.

Analysers (quality, security) return ``Finding`` objects; the labeller decides what they
mean. The explanation follows the data card's shape::

    >>> f = Finding(rule_id="PY-CODE-EVAL", kind="security", category="code_injection",
    ...             line=2, message="eval() allows arbitrary code execution",
    ...             fix="Use ast.literal_eval() for safe evaluation.", cwe="CWE-95")
    >>> print(render_explanation([f]))
    This code has security issues:
    - eval() allows arbitrary code execution (CWE-95, line 2).
    Fix: Use ast.literal_eval() for safe evaluation.
"""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("low", "medium", "high", "critical")
KINDS = ("quality", "security", "secret")


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an analyser noticed: where, what, and how to fix it."""

    rule_id: str
    kind: str  # "quality" | "security" | "secret"
    category: str
    line: int
    message: str
    fix: str
    severity: str = "medium"
    cwe: str | None = None
    snippet: str | None = None

    def bullet(self) -> str:
        where = f"{self.cwe}, line {self.line}" if self.cwe else f"line {self.line}"
        return f"- {self.message} ({where})."


def render_explanation(findings: list[Finding]) -> str:
    """The card's explanation: a heading per kind, a ``- `` line and a ``Fix:`` per finding.

    Security findings come first (they decide the label); repeated rules are listed once, so a
    file with 40 ``eval`` calls stays readable. The one listed is the one that decides the label
    (highest severity, then first line): a low hit on a constant must not hide the tainted path
    below it. The rules' findings are then listed by line, as the card shows them.
    """
    blocks = []
    for kind, heading in (("security", "security"), ("quality", "quality")):
        chosen: dict[str, Finding] = {}
        for finding in sorted((f for f in findings if f.kind == kind), key=_decisive_first):
            chosen.setdefault(finding.rule_id, finding)
        lines: list[str] = []
        for finding in sorted(chosen.values(), key=lambda f: f.line):
            lines += [finding.bullet(), f"Fix: {finding.fix}"]
        if lines:
            blocks.append("\n".join([f"This code has {heading} issues:", *lines]))
    return "\n".join(blocks)


def _decisive_first(finding: Finding) -> tuple[int, int]:
    """Sort key: the label-deciding finding (most severe, then earliest) first."""
    rank = SEVERITIES.index(finding.severity) if finding.severity in SEVERITIES else 1
    return (-rank, finding.line)
