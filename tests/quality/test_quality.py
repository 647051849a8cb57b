"""The quality analyser on real code: the card's negatives come out negative, with
the explanation in the card's shape; clean code comes out positive."""

from pathlib import Path

import pytest

from tritter_data.core.sample import Sample
from tritter_data.core.stage import run_stages
from tritter_data.quality.analyser import QualityAnalyser
from tritter_data.quality.brace_scan import brace_scan
from tritter_data.quality.lexical import mask_code
from tritter_data.quality.python_scan import python_scan
from tritter_data.quality.score import quality_score
from tritter_data.stages.pipeline import PipelineConfig, build_stages

CODE = Path(__file__).parents[1] / "fixtures" / "code"
STAGES = build_stages(PipelineConfig(), analysers=[QualityAnalyser()])


def label(text: str, language: str = "python") -> Sample:
    result = run_stages(STAGES, Sample(source=f"t.{language}", text=text, language=language))
    assert isinstance(result, Sample), result
    return result


EXCESSIVE_PARAMETERS = '''def process(a, b, c, d, e, f, g, h):
    x = a + b
    y = c * d
    z = e - f
    return x + y + z + g + h
'''
DEEP_NESTING = '''def find_admin(users):
    """Return the first active admin with a verified email."""
    for user in users:
        if user.active:
            if user.roles:
                for role in user.roles:
                    if role.name == "admin":
                        if user.email_verified:
                            return user
    return None
'''
BARE_EXCEPT = '''import json


def load_config(path):
    """Load the JSON config at path."""
    try:
        with open(path) as handle:
            return json.load(handle)
    except:
        pass
    return {}
'''
UNCLEAR_NAMES = '''def calc(d):
    """Compute the weighted total."""
    t = 0
    for k in d:
        v = d[k]
        w = v * 2
        t = t + w
    return t
'''


def test_excessive_parameters_and_unclear_names():
    sample = label(EXCESSIVE_PARAMETERS)
    assert sample.quality_label == "negative"
    assert sample.quality_score == 0.0
    assert sample.explanation == (
        "This code has quality issues:\n"
        "- Function 'process' takes 8 parameters, too many to call correctly (line 1).\n"
        "Fix: Group related parameters into a dataclass or options object, or split the function.\n"
        "- Unclear names ('a', 'b', 'c', 'd', 'f') say nothing about what they hold (line 1).\n"
        "Fix: Use descriptive names that state each value's meaning, e.g. 'total_price' instead of 'x'."
    )


def test_deep_nesting():
    sample = label(DEEP_NESTING)
    assert (sample.quality_label, sample.quality_score) == ("negative", 0.45)
    assert sample.explanation == (
        "This code has quality issues:\n"
        "- Function 'find_admin' nests control flow 6 levels deep (line 8).\n"
        "Fix: Return early with guard clauses and move inner blocks into well-named helper functions."
    )


def test_bare_except_that_swallows_errors():
    sample = label(BARE_EXCEPT)
    assert (sample.quality_label, sample.quality_score) == ("negative", 0.45)
    assert sample.explanation.splitlines()[1] == (
        "- Bare except clause silently swallows every error, including KeyboardInterrupt and SystemExit (line 9)."
    )


def test_unclear_variable_names():
    sample = label(UNCLEAR_NAMES)
    assert (sample.quality_label, sample.quality_score) == ("negative", 0.45)
    assert "Unclear names ('d', 't', 'v', 'w')" in sample.explanation


@pytest.mark.parametrize("path", sorted(p for p in CODE.rglob("*") if p.is_file() and p.stem not in
                                        ("legacy_report", "generated_pb2", "tiny")), ids=lambda p: p.name)
def test_clean_fixture_code_is_positive(path):
    from tritter_data.core.languages import detect_from_content, detect_from_path

    language = detect_from_path(str(path))
    text = path.read_text()
    if not isinstance(language, str):
        language = detect_from_content(str(path), text)
    sample = label(text, language)
    assert sample.quality_label == "positive", sample.explanation
    assert sample.quality_score >= 0.8
    assert sample.explanation is None


def test_positives_omit_label_and_explanation_in_the_record():
    from tritter_data.core.sample import to_record

    record = to_record(label((CODE / "python" / "intervals.py").read_text()))
    assert set(record) == {"text", "language", "quality_score", "source"}


def test_negative_threshold_is_min_quality():
    strict = build_stages(PipelineConfig(min_quality=0.95), analysers=[QualityAnalyser()])
    text = (CODE / "python" / "settings.py").read_text() + "\n# TODO: a\n# TODO: b\n"
    result = run_stages(strict, Sample(source="s.py", text=text, language="python"))
    assert result.quality_score == 0.9
    assert result.quality_label == "negative"
    assert result.explanation.startswith("This code has quality issues:\n- 2 TODO/FIXME markers in 26 lines: the code is unfinished (line 25).")


def test_python_scan_measures_structure():
    text = (CODE / "python" / "legacy_report.py").read_text()
    structure = python_scan(mask_code(text, "python")[0], text)
    (function,) = structure.functions
    assert (function.name, function.line, function.length) == ("r", 4, 15)
    assert function.params == ["f", "a", "b", "c", "d", "e", "g"]
    assert (function.max_nesting, function.nesting_line) == (7, 12)
    assert structure.bare_handlers == [(16, True)]


def test_strings_and_comments_do_not_count_as_code():
    text = 'def f_name(value):\n    """if x:\n        for y in z:"""\n    # while True:\n    return "if a: b"\n'
    structure = python_scan(mask_code(text, "python")[0], text)
    assert structure.functions[0].max_nesting == 0
    assert structure.functions[0].documented


@pytest.mark.parametrize(("language", "name", "params", "nesting"), [
    ("rust", "get", ["key"], 1),
    ("go", "Pop", [], 1),
    ("java", "count", ["text"], 2),
    ("c", "ring_push", ["ring", "byte"], 1),
])
def test_brace_scan_on_real_files(language, name, params, nesting):
    path = {"rust": "rust/lru.rs", "go": "go/stack.go", "java": "jvm/WordCount.java", "c": "native/ring.c"}[language]
    text = (CODE / path).read_text()
    structure = brace_scan(mask_code(text, language)[0], text, language)
    function = next(f for f in structure.functions if f.name == name)
    assert function.params == params
    assert function.max_nesting == nesting
    assert function.documented


def test_empty_catch_in_javascript_is_a_swallowed_error():
    text = "function load(path) {\n  try {\n    return read(path);\n  } catch (error) {}\n  return null;\n}\n"
    rules = [f.rule_id for f in QualityAnalyser().analyse(text, "javascript")]
    assert rules == ["Q-SWALLOWED-ERROR"]


def test_score_costs_are_pinned():
    from tritter_data.core.findings import Finding

    def finding(rule, severity):
        return Finding(rule, "quality", "x", 1, "m", "f", severity)

    assert quality_score([finding("A", "low")]) == 0.9
    assert quality_score([finding("A", "high")]) == 0.45
    assert quality_score([finding("A", "medium"), finding("B", "medium")]) == 0.5
    assert quality_score([finding("A", "low")] * 10) == 0.75  # repeats are capped
    assert quality_score([finding("A", "critical"), finding("B", "high")]) == 0.0
