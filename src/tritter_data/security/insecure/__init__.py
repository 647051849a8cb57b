"""Insecure-code analysis: prefilter, windowed tree-sitter parse, per-language rules."""

from __future__ import annotations

from dataclasses import dataclass

from tritter_data.core.findings import Finding
from tritter_data.security.insecure.engine import analyse_insecure


@dataclass(frozen=True, slots=True)
class InsecureCodeAnalyser:
    """Label-negative findings: SQL, code and command injection, unsafe deserialization."""

    name: str = "insecure_code"

    def analyse(self, text: str, language: str) -> list[Finding]:
        return analyse_insecure(text, language)
