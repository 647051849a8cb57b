"""The analyser interface: analysers look at text and return findings; nothing else.

Quality and security analysers both implement ``Analyser``. The ``Analyse`` stage runs
them in order (an analyser that also scores, the quality model, reports its score
through ``assess``); a ``secret`` finding rejects the sample at once (we never train on
secrets) and records only the rule id and line, never the matched text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from tritter_data.core.findings import Finding
from tritter_data.core.label import MODEL_SCORE
from tritter_data.core.sample import Sample, StageResult
from tritter_data.core.stage import reject


class Analyser(Protocol):
    """Anything with a ``name`` and ``analyse(text, language) -> list[Finding]``."""

    name: str

    def analyse(self, text: str, language: str) -> list[Finding]: ...


@dataclass(frozen=True, slots=True)
class Analyse:
    """Run ``analysers`` over the sample, collecting findings; reject on a secret."""

    analysers: Sequence[Analyser]
    name: str = "analyse"

    def __call__(self, sample: Sample) -> StageResult:
        language = sample.language or ""
        for analyser in self.analysers:
            assess = getattr(analyser, "assess", None)
            if assess is not None:  # a scoring analyser: its score is the sample's quality
                assessment = assess(sample.text, language, sample.source)
                sample.meta[MODEL_SCORE] = assessment.score
                found = assessment.findings
            else:
                found = analyser.analyse(sample.text, language)
            secrets = [f for f in found if f.kind == "secret"]
            if secrets:
                first = min(secrets, key=lambda f: f.line)
                return reject(sample, "secret_detected", f"{first.rule_id} at line {first.line}")
            sample.findings.extend(found)
        return sample
