"""The fitted quality model: signals -> a reviewer's 0-5 score -> ``quality_score`` in [0, 1].

A linear model on standardised signals, fitted to reviewer annotations by
``scripts/fit_quality_model.py`` and shipped as ``tritter_data/data/quality_model.json``
(weights only: the runtime needs nothing but this file). Linear means transparent: each
signal's contribution is ``weight * (value - mean) / scale`` points on the reviewer's
scale, so the reasons for a low score are the contributions that pull it down most::

    >>> model = load_model()
    >>> len(model.features) == len(model.coef)
    True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

MAX_GRADE = 5.0
MODEL_FILE = "quality_model.json"


@dataclass(frozen=True, slots=True)
class QualityModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    meta: dict

    def contributions(self, values: dict[str, float]) -> dict[str, float]:
        """Each signal's pull on the predicted grade, in reviewer points."""
        return {name: w * (values.get(name, 0.0) - m) / s
                for name, m, s, w in zip(self.features, self.mean, self.scale, self.coef, strict=True)}

    def grade(self, values: dict[str, float]) -> float:
        """The predicted reviewer grade, clipped to [0, 5]."""
        return self.grade_of(self.contributions(values))

    def grade_of(self, contributions: dict[str, float]) -> float:
        """The grade from contributions already computed (the analyser needs both)."""
        raw = self.intercept + sum(contributions.values())
        return min(MAX_GRADE, max(0.0, raw))

    def score(self, values: dict[str, float]) -> float:
        """``quality_score``: the predicted grade mapped to [0, 1], piecewise linearly so
        that the grade cut chosen when fitting (``grade_cut``) lands on 0.5, the default
        ``--min-quality``."""
        return self.score_of(self.contributions(values))

    def score_of(self, contributions: dict[str, float]) -> float:
        """``score`` from contributions already computed."""
        return grade_to_score(self.grade_of(contributions), float(self.meta.get("grade_cut", MAX_GRADE / 2)))

    def to_json(self) -> dict:
        return {"features": list(self.features), "mean": list(self.mean), "scale": list(self.scale),
                "coef": list(self.coef), "intercept": self.intercept, **self.meta}


def grade_to_score(grade: float, cut: float = MAX_GRADE / 2) -> float:
    """0 -> 0, ``cut`` -> 0.5, 5 -> 1, linear in between.

        >>> grade_to_score(2.5), grade_to_score(1.0, cut=2.0), grade_to_score(3.5, cut=2.0)
        (0.5, 0.25, 0.75)
    """
    if grade <= cut:
        return round(0.5 * grade / cut, 3)
    return round(0.5 + 0.5 * (grade - cut) / (MAX_GRADE - cut), 3)


def model_from_json(data: dict, where: str = MODEL_FILE) -> QualityModel:
    """Build a model from its JSON form; a malformed file fails with one line naming it."""
    try:
        features = tuple(data["features"])
        arrays = [tuple(float(x) for x in data[key]) for key in ("mean", "scale", "coef")]
        intercept = float(data["intercept"])
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"{where}: not a quality model ({error})") from None
    if any(len(a) != len(features) for a in arrays) or any(s == 0 for s in arrays[1]):
        raise ValueError(f"{where}: features, mean, scale and coef must have equal lengths and scale no zeros")
    meta = {k: v for k, v in data.items() if k not in ("features", "mean", "scale", "coef", "intercept")}
    return QualityModel(features, arrays[0], arrays[1], arrays[2], intercept, meta)


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> QualityModel:
    """The shipped model, or the one at ``path``; read once per process."""
    if path is not None:
        return model_from_json(json.loads(Path(path).read_text()), path)
    text = resources.files("tritter_data").joinpath("data", MODEL_FILE).read_text()
    return model_from_json(json.loads(text))
