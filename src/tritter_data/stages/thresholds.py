"""The data card's quality thresholds: lines, size, alphabetic ratio, long lines.

Pure helpers do the measuring so tests can pin exact values::

    >>> line_count("a\\nb\\n"), line_count("a\\nb")
    (2, 2)
    >>> round(alpha_ratio("ab12"), 2)
    0.5
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tritter_data.core.sample import Sample, StageResult
from tritter_data.core.stage import reject
from tritter_data.core.text import line_count, line_lengths

__all__ = ["QualityThresholds", "alpha_ratio", "alpha_ratio_above", "count_long_lines", "line_count", "long_line_ratio"]

_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def alpha_ratio(text: str) -> float:
    """Share of alphabetic characters (Unicode letters) in the text."""
    if not text:
        return 0.0
    letters = _ascii_letters(text)
    if not text.isascii():  # add non-ASCII letters (accents, CJK), counted one by one
        letters += sum(map(str.isalpha, "".join(_NON_ASCII.findall(text))))
    return letters / len(text)


def alpha_ratio_above(text: str, minimum: float) -> bool:
    """``alpha_ratio(text) > minimum``, deciding on the ASCII letters alone when they suffice
    (non-ASCII letters only add): the one-by-one count is left for the few close calls."""
    return bool(text) and (_ascii_letters(text) / len(text) > minimum or alpha_ratio(text) > minimum)


def _ascii_letters(text: str) -> int:
    data = text.encode("utf-8")
    return len(data) - len(data.translate(None, _ASCII_LETTERS))


def long_line_ratio(text: str, limit: int) -> float:
    """Share of lines longer than ``limit`` characters."""
    lines = line_count(text)
    if not lines:
        return 0.0
    return count_long_lines(text, limit) / lines


def count_long_lines(text: str, limit: int) -> int:
    """Lines longer than ``limit`` (any line end); a plain ``split`` beats a regex here."""
    if len(text) <= limit:
        return 0
    lengths = line_lengths(text)
    if max(lengths) <= limit:
        return 0
    return sum(map(limit.__lt__, lengths))


@dataclass(frozen=True, slots=True)
class QualityThresholds:
    """Reject files outside the card's bounds (5-10,000 lines, < 500 KB, ...)."""

    min_lines: int = 5
    max_lines: int = 10_000
    max_bytes: int = 500 * 1024
    min_alpha_ratio: float = 0.25
    long_line_chars: int = 500
    max_long_line_ratio: float = 0.10
    name: str = "quality_thresholds"

    def __post_init__(self) -> None:
        if not 0 < self.min_lines <= self.max_lines:
            raise ValueError(f"min_lines/max_lines must satisfy 0 < min <= max, got {self.min_lines}/{self.max_lines}")
        if not 0.0 <= self.min_alpha_ratio <= 1.0:
            raise ValueError(f"min_alpha_ratio must be in [0, 1], got {self.min_alpha_ratio}")
        if not 0.0 <= self.max_long_line_ratio <= 1.0:
            raise ValueError(f"max_long_line_ratio must be in [0, 1], got {self.max_long_line_ratio}")

    def __call__(self, sample: Sample) -> StageResult:
        text = sample.text
        if sample.size_bytes >= self.max_bytes:
            return reject(sample, "too_large", f"{sample.size_bytes} bytes >= {self.max_bytes}")
        lines = line_count(text)
        if lines < self.min_lines:
            return reject(sample, "too_few_lines", f"{lines} lines < {self.min_lines}")
        if lines > self.max_lines:
            return reject(sample, "too_many_lines", f"{lines} lines > {self.max_lines}")
        if not alpha_ratio_above(text, self.min_alpha_ratio):
            ratio = alpha_ratio(text)
            return reject(sample, "low_alpha_ratio", f"alphabetic ratio {ratio:.3f} <= {self.min_alpha_ratio}")
        long_ratio = long_line_ratio(text, self.long_line_chars)
        if long_ratio >= self.max_long_line_ratio:
            return reject(
                sample, "too_many_long_lines",
                f"{long_ratio:.1%} of lines over {self.long_line_chars} chars",
            )
        return sample
