"""The quality analyser on real code: the model's score decides the label, a negative's
explanation names the strongest reasons in the card's shape, clean code comes out positive."""

import json
from pathlib import Path

import pytest

from tritter_data.core.sample import Sample
from tritter_data.core.stage import run_stages
from tritter_data.quality.analyser import QualityAnalyser
from tritter_data.quality.brace_scan import brace_scan
from tritter_data.quality.lexical import mask_code
from tritter_data.quality.python_scan import python_scan
from tritter_data.quality.score import quality_score
from tritter_data.quality.signals import FEATURES
from tritter_data.stages.pipeline import PipelineConfig, build_stages

CODE = Path(__file__).parents[1] / "fixtures" / "code"
STAGES = build_stages(PipelineConfig(), analysers=[QualityAnalyser()])


def label(text: str, language: str = "python") -> Sample:
    result = run_stages(STAGES, Sample(source=f"t.{language}", text=text, language=language))
    assert isinstance(result, Sample), result
    return result


def write_model(path: Path, coef: dict[str, float], intercept: float = 4.0) -> str:
    """A small hand-set model: every signal centred on 0 with scale 1, so contributions are
    simply ``coef * value`` and the expected scores can be worked out by hand."""
    model = {"features": list(FEATURES), "mean": [0.0] * len(FEATURES), "scale": [1.0] * len(FEATURES),
             "coef": [coef.get(name, 0.0) for name in FEATURES], "intercept": intercept}
    path.write_text(json.dumps(model))
    return str(path)


HOMEWORK = 'print("Enter two numbers")\nnum1 = int(input())\nnum2 = int(input())\nprint("Sum:")\nprint(num1 + num2)\n'


def test_score_is_the_models_grade_and_the_explanation_names_the_strongest_reasons(tmp_path):
    path = write_model(tmp_path / "m.json", {"const_print_share": -4.0, "numbered_name_share": -1.5,
                                            "reads_input": -0.05, "fn_doc_share": 1.0})
    stages = build_stages(PipelineConfig(), analysers=[QualityAnalyser(model_path=path)])
    sample = run_stages(stages, Sample(source="hw.py", text=HOMEWORK, language="python"))
    # 2 of 5 lines print constants (-1.6), both names are numbered (-1.5); fn_doc_share is
    # the neutral 0.5 without functions (+0.5): 4 - 1.6 - 1.5 + 0.5 - 0.05 = 1.35 -> 0.27
    assert (sample.quality_score, sample.quality_label) == (0.27, "negative")
    assert sample.explanation == (
        "This code has quality issues:\n"
        "- Prints hard-coded values instead of computing them (line 1).\n"
        "Fix: Compute results in functions that return them; print only at the program's edge.\n"
        "- Numbered names ('num1', 'num2') instead of names that say what differs (line 2).\n"
        "Fix: Name each value by its role ('width', 'height'), or use a list when they are alike."
    )  # reads_input costs 0.05 points: below MIN_COST, so not a reason


def test_a_signal_pulling_the_wrong_way_is_not_blamed_on_the_author(tmp_path):
    # a model where more documentation would *lower* the grade must not tell anyone to remove docs
    path = write_model(tmp_path / "m.json", {"fn_doc_share": -2.0, "doc_words_per_line": -1.0})
    text = (CODE / "python" / "intervals.py").read_text()
    assert QualityAnalyser(model_path=path).analyse(text, "python") == []


def test_threshold_is_min_quality(tmp_path):
    path = write_model(tmp_path / "m.json", {}, intercept=3.0)  # every file grades 3 -> 0.6
    for min_quality, label_ in ((0.6, "positive"), (0.61, "negative")):
        stages = build_stages(PipelineConfig(min_quality=min_quality), analysers=[QualityAnalyser(model_path=path)])
        result = run_stages(stages, Sample(source="s.py", text=(CODE / "python" / "settings.py").read_text(),
                                           language="python"))
        assert (result.quality_score, result.quality_label) == (0.6, label_)
    assert "Quality score 0.6 is below the threshold 0.61" in result.explanation


def test_shipped_model_ranks_the_fixtures():
    """The shipped weights: clean fixture code positive, the bad fixture negative."""
    clean = label((CODE / "python" / "intervals.py").read_text())
    bad = label((CODE / "python" / "legacy_report.py").read_text())
    assert clean.quality_label == "positive" and bad.quality_label == "negative"
    assert bad.quality_score < clean.quality_score
    assert bad.explanation.startswith("This code has quality issues:\n- ") and "Fix: " in bad.explanation


def test_a_five_line_top_level_script_is_a_fragment():
    sample = label((CODE / "scripts" / "tool").read_text())
    assert sample.quality_label == "negative"
    assert "- Only a few lines of code: a fragment" in sample.explanation


@pytest.mark.parametrize("path", sorted(p for p in CODE.rglob("*") if p.is_file() and p.stem not in
                                        ("legacy_report", "generated_pb2", "tiny", "tool")), ids=lambda p: p.name)
def test_clean_fixture_code_is_positive(path):
    from tritter_data.core.languages import detect_from_content, detect_from_path

    language = detect_from_path(str(path))
    text = path.read_text()
    if not isinstance(language, str):
        language = detect_from_content(str(path), text)
    sample = label(text, language)
    assert sample.quality_label == "positive", sample.explanation
    assert sample.explanation is None


def test_positives_omit_label_and_explanation_in_the_record():
    from tritter_data.core.sample import to_record

    record = to_record(label((CODE / "python" / "intervals.py").read_text()))
    assert set(record) == {"text", "language", "quality_score", "source"}


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
    structure = brace_scan(mask_code(text, "javascript")[0], text, "javascript")
    assert structure.swallowed_handlers == [4]


def test_score_costs_are_pinned():
    from tritter_data.core.findings import Finding

    def finding(rule, severity):
        return Finding(rule, "quality", "x", 1, "m", "f", severity)

    assert quality_score([finding("A", "low")]) == 0.9
    assert quality_score([finding("A", "high")]) == 0.45
    assert quality_score([finding("A", "medium"), finding("B", "medium")]) == 0.5
    assert quality_score([finding("A", "low")] * 10) == 0.75  # repeats are capped
    assert quality_score([finding("A", "critical"), finding("B", "high")]) == 0.0
