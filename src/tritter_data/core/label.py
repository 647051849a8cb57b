"""Decide the label and render the explanation: where scores and findings meet the threshold.

``quality_score`` is the quality model's score (its predicted reviewer grade mapped to
[0, 1]; see ``quality.model``), capped by what the security findings cost: a sample is
never scored higher than ``quality_score(security findings)``, so the card's eval example
keeps its 0.15. A sample is negative when its score is below ``min_quality`` or when a
security finding of medium severity or more was reported. A low-severity security finding
(a constant string passed to ``eval``: the sink is there, the injection is not) caps the
score at 0.9 but does not decide the label. Without the quality model in the analysers
(security-only runs), the score is the findings' cost alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from tritter_data.core.findings import render_explanation
from tritter_data.core.sample import Sample, StageResult
from tritter_data.quality.score import quality_score

#: ``Sample.meta`` key of the quality model's score, set by a scoring analyser (one with
#: ``assess(text, language, path)``, see ``stages.analyse``) and read here.
MODEL_SCORE = "quality_model_score"


@dataclass(frozen=True, slots=True)
class ScoreAndLabel:
    min_quality: float = 0.5
    name: str = "label"

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_quality <= 1.0:
            raise ValueError(f"min_quality must be in [0, 1], got {self.min_quality}")

    def __call__(self, sample: Sample) -> StageResult:
        security = sample.security_findings
        model_score = sample.meta.get(MODEL_SCORE)
        if model_score is None:
            sample.quality_score = quality_score(sample.findings)
        else:
            sample.quality_score = min(float(model_score), quality_score(security)) if security else model_score
        insecure = any(f.severity != "low" for f in security)
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
