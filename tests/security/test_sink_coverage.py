"""Sinks added from semgrep-rules, gosec and FindSecBugs: one tainted true positive per entry, and the
same sink with a constant or sanitised argument, which must not make the sample negative."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from sink_cases import CASES

from tritter_data.security.insecure import InsecureCodeAnalyser


@pytest.mark.parametrize("case", sorted(CASES))
def test_tainted_argument_is_a_finding(case):
    language, rule, tainted, _ = CASES[case]
    findings = InsecureCodeAnalyser().analyse(tainted, language)
    assert [f.rule_id for f in findings if f.severity != "low"] == [rule], findings


@pytest.mark.parametrize("case", sorted(CASES))
def test_same_sink_used_safely_is_not_negative(case):
    language, _, _, safe = CASES[case]
    findings = InsecureCodeAnalyser().analyse(safe, language)
    assert [f for f in findings if f.severity != "low"] == []
