"""The labelling policy: where findings become a label, in one place."""

from tritter_data.core.label import MODEL_SCORE
from tritter_data.core.sample import Sample
from tritter_data.core.stage import run_stages
from tritter_data.stages.pipeline import PipelineConfig, build_stages

STAGES = build_stages(PipelineConfig())

CONSTANT_EVAL = '''"""Evaluate a fixed expression."""


def answer() -> int:
    """Return the answer, computed the slow way."""
    return eval("6 * 7")
'''

VARIABLE_EVAL = '''"""Evaluate an expression from the user."""


def evaluate(expression: str) -> int:
    """Return the value of ``expression``."""
    return eval(expression)
'''


def label(text: str) -> Sample:
    result = run_stages(STAGES, Sample(source="calc.py", text=text, language="python"))
    assert isinstance(result, Sample)
    return result


def test_a_constant_argument_is_low_severity_caps_the_score_and_stays_positive():
    sample = label(CONSTANT_EVAL)
    (finding,) = sample.security_findings
    assert (finding.severity, finding.category, finding.line) == ("low", "code_injection", 6)
    assert sample.quality_score == min(sample.meta[MODEL_SCORE], 0.9)
    assert sample.quality_label == "positive" and sample.explanation is None


def test_a_variable_argument_is_negative_with_the_cards_explanation():
    sample = label(VARIABLE_EVAL)
    assert sample.quality_label == "negative"
    assert sample.meta[MODEL_SCORE] > 0.15
    assert sample.quality_score == 0.15  # the security finding caps the model's score
    assert sample.explanation.startswith(
        "This code has security issues:\n- Code injection: `expression` (line 4) reaches eval() (line 6)")
    assert "(CWE-95, line 6).\nFix: " in sample.explanation
