"""Secrets: a catalogue of credential formats plus context rules, scanned in one gated pass.

``SecretScanner`` is the analyser the pipeline runs (a finding rejects the file);
``scan_path`` applies the self-identifying formats to a file's path, so a token in a file
name is caught before the name is written anywhere.
"""

from tritter_data.security.secrets.scanner import (
    FIX,
    MAX_FINDINGS,
    SecretScanner,
    all_rules,
    scan_secrets,
    secret_explanation,
)
from tritter_data.security.secrets.validators import entropy

__all__ = ["FIX", "MAX_FINDINGS", "SecretScanner", "all_rules", "entropy", "scan_secrets", "secret_explanation"]
