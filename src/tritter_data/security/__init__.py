"""Security analysers: secrets (the sample is rejected) and insecure code (labelled negative).

``security_analysers()`` is what ``pipeline.default_analysers()`` prepends: the secret
scanner first (a secret ends analysis), then the insecure-code analyser.
"""

from __future__ import annotations

from tritter_data.security.insecure import InsecureCodeAnalyser
from tritter_data.security.secrets import SecretScanner
from tritter_data.stages.analyse import Analyser


def security_analysers() -> list[Analyser]:
    return [SecretScanner(), InsecureCodeAnalyser()]
