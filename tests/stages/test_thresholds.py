import pytest

from tritter_data.core.sample import Reject, Sample
from tritter_data.stages.thresholds import (
    QualityThresholds,
    alpha_ratio,
    alpha_ratio_above,
    line_count,
    long_line_ratio,
)

CODE_LINE = "total = compute_total(items)\n"


def run(text: str) -> Sample | Reject:
    sample = Sample(source="t.py", text=text, language="python", size_bytes=len(text.encode()))
    return QualityThresholds()(sample)


def test_measurements_are_exact():
    assert line_count("") == 0
    assert line_count("a") == 1
    assert line_count("a\nb\n") == 2
    assert alpha_ratio("abcd") == 1.0
    assert alpha_ratio("ab12") == 0.5
    assert alpha_ratio("éé11") == 0.5  # non-ASCII letters count as letters
    assert long_line_ratio("x" * 501 + "\nshort\n", 500) == 0.5


def test_line_bounds_are_the_cards():
    assert isinstance(run(CODE_LINE * 5), Sample)
    assert run(CODE_LINE * 4).reason == "too_few_lines"
    assert isinstance(run(CODE_LINE * 10_000), Sample)
    assert run(CODE_LINE * 10_001).reason == "too_many_lines"


def test_size_limit_is_under_500_kb():
    line = "value = first_name + last_name  # " + "x" * 60 + "\n"
    text = (line * (500 * 1024 // len(line) + 1))[: 500 * 1024]
    assert run(text).reason == "too_large"
    assert isinstance(run(text[:-200]), Sample)


@pytest.mark.parametrize("text", [
    "x = 1\n" * 40,  # ASCII letters alone decide
    "# Привет, мир: комментарий на русском языке\nx = [1, 2, 3]\n" * 5,  # only with the Cyrillic letters
    "# 数据 = 1, 2, 3, 4, 5, 6, 7, 8\n" * 9,  # CJK letters among digits
    "12345678", "",
])
@pytest.mark.parametrize("minimum", [0.0, 0.25, 0.45, 0.5, 1.0])
def test_the_threshold_check_agrees_with_the_ratio(text: str, minimum: float) -> None:
    assert alpha_ratio_above(text, minimum) == (alpha_ratio(text) > minimum)


def test_alpha_ratio_over_25_percent():
    numbers = "1234567890 = 0x1234567890\n" * 10
    result = run(numbers)
    assert result.reason == "low_alpha_ratio"
    assert "alphabetic ratio 0.038" in result.detail


def test_long_lines_under_10_percent():
    long = "data = '" + "a" * 600 + "'\n"
    assert run(long + CODE_LINE * 9).reason == "too_many_long_lines"  # 1 of 10 = 10 %
    assert isinstance(run(long + CODE_LINE * 10), Sample)  # 1 of 11 < 10 %


def test_bad_config_is_rejected_on_construction():
    with pytest.raises(ValueError, match="min_alpha_ratio"):
        QualityThresholds(min_alpha_ratio=2)
