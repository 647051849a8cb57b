"""Score the findings, then decide the label and render the explanation.

The one place where thresholds meet findings: a sample is negative when its score is
below ``min_quality`` or when a security finding of medium severity or more was reported.
A low-severity security finding (a constant string passed to ``eval`` or ``os.system``:
the sink is there, the injection is not) costs score but does not decide the label.
"""

from __future__ import annotations

from dataclasses import dataclass

from tritter_data.core.findings import render_explanation
from tritter_data.core.sample import Sample, StageResult
from tritter_data.quality.score import quality_score


@dataclass(frozen=True, slots=True)
class ScoreAndLabel:
    min_quality: float = 0.5
    name: str = "label"

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_quality <= 1.0:
            raise ValueError(f"min_quality must be in [0, 1], got {self.min_quality}")

    def __call__(self, sample: Sample) -> StageResult:
        sample.quality_score = quality_score(sample.findings)
        insecure = any(f.severity != "low" for f in sample.security_findings)
        if insecure or sample.quality_score < self.min_quality:
            sample.quality_label = "negative"
            sample.explanation = render_explanation(sample.findings)
            if not sample.explanation:  # a low threshold with nothing specific to say
                sample.explanation = (
                    f"This code has quality issues:\n- Quality score {sample.quality_score} is below "
                    f"the threshold {self.min_quality}.\nFix: Review the code for readability and structure."
                )
        else:
            sample.quality_label = "positive"
            sample.explanation = None
        return sample
