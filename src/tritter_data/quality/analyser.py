"""The quality analyser: the first user of the analyser interface.

    >>> code = "def f(a, b, c, d, e, g, h, k):\\n    return a\\n"
    >>> [f.rule_id for f in QualityAnalyser().analyse(code, "python")]
    ['Q-PARAMS', 'Q-UNCLEAR-NAMES']
"""

from __future__ import annotations

from dataclasses import dataclass

from tritter_data.core.findings import Finding
from tritter_data.quality.brace_scan import brace_scan
from tritter_data.quality.lexical import mask_code
from tritter_data.quality.python_scan import python_scan
from tritter_data.quality.rules import structure_findings, text_findings
from tritter_data.stages.thresholds import line_count


@dataclass(frozen=True, slots=True)
class QualityAnalyser:
    name: str = "quality"

    def analyse(self, text: str, language: str) -> list[Finding]:
        masked, comments = mask_code(text, language)
        structure = python_scan(masked, text) if language == "python" else brace_scan(masked, text, language)
        structure.comment_count = comments
        findings = structure_findings(structure, language)
        findings += text_findings(text, line_count(text), structure, language)
        return findings
