"""The explanation names, per rule, the finding that decides the label, not the first by line."""

from __future__ import annotations

from tritter_data.core.findings import render_explanation
from tritter_data.security.insecure import InsecureCodeAnalyser

# A constant command first (low: costs score), then the argv path (decides the label).
SCRIPT = '''import os
import sys


def cleanup():
    os.system("rm -rf /tmp/build-cache")


def run_user_command():
    os.system("ls " + sys.argv[1])
'''


def test_tainted_hit_is_named_even_when_a_low_hit_precedes_it():
    findings = InsecureCodeAnalyser().analyse(SCRIPT, "python")
    severities = sorted((f.line, f.severity) for f in findings)
    assert severities[0] == (6, "low") and severities[1][0] == 10 and severities[1][1] != "low"
    text = render_explanation(findings)
    assert "`sys.argv[1]` (line 10) reaches os.system() (line 10)" in text
    assert "line 6)" not in text
    assert text.count("- ") == 1


def test_rules_are_listed_by_the_line_of_their_chosen_finding():
    findings = InsecureCodeAnalyser().analyse(SCRIPT + '''

def load(blob):
    eval("1 + 1")
''', "python")
    text = render_explanation(findings)
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(bullets) == 2
    assert "sys.argv[1]" in bullets[0] and "line 10)" in bullets[0]
    assert "line 14)" in bullets[1]
