"""The calibration set: annotated files, their signals, a held-out split, and the numbers
used to fit and judge the quality model (ridge regression, Spearman, reviewer agreement).

The split is by repository (a stable hash of its name), so no repository has files on
both sides and the held-out figures say how the model does on code it has not seen::

    >>> spearman([1, 2, 3, 4], [10, 20, 30, 25])
    0.8
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

HELD_OUT_PERCENT = 25


@dataclass(slots=True)
class Item:
    """One annotated file: provenance from the manifest, grades from the reviewers."""

    id: str
    file: str
    language: str
    repo: str
    path: str
    kind: str
    license: str
    grades: list[tuple[float, str]]

    @property
    def grade(self) -> float:
        return float(np.mean([g for g, _ in self.grades]))


def held_out_mask(items: Sequence[Item]) -> np.ndarray:
    """Held-out split by repository, per language: repositories in a stable hashed order
    join the held-out side until it holds ``HELD_OUT_PERCENT`` of that language's files."""
    by_language: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, item in enumerate(items):
        by_language[item.language][item.repo].append(index)
    mask = np.zeros(len(items), dtype=bool)
    for groups in by_language.values():
        total = sum(len(g) for g in groups.values())
        taken = 0
        for repo in sorted(groups, key=lambda r: hashlib.sha1(r.encode("utf-8")).hexdigest()):
            if taken >= total * HELD_OUT_PERCENT / 100:
                break
            mask[groups[repo]] = True
            taken += len(groups[repo])
    return mask


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not JSON ({error.msg})") from None
    return rows


def load_items(manifest: Path, annotations: Iterable[Path]) -> list[Item]:
    """Annotated manifest entries; an annotation for an unknown id or out of 0-5 is an error."""
    entries = {row["id"]: row for row in read_jsonl(manifest)}
    grades: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for path in annotations:
        for row in read_jsonl(path):
            qid, score = row.get("id"), row.get("score")
            if qid not in entries:
                raise ValueError(f"{path}: annotation for unknown id {qid!r}")
            if not isinstance(score, (int, float)) or not 0 <= score <= 5:
                raise ValueError(f"{path}: score of {qid} must be a number in 0-5, got {score!r}")
            grades[qid].append((float(score), str(row.get("reviewer", path.stem))))
    return [Item(qid, e["file"], e["language"], e["repo"], e["path"], e["kind"], e.get("license", "unknown"),
                 grades[qid]) for qid, e in entries.items() if grades.get(qid)]


def ranks(values: Sequence[float]) -> np.ndarray:
    """Ranks with ties averaged (as Spearman needs)."""
    array = np.asarray(values, dtype=float)
    order = np.argsort(array, kind="mergesort")
    ranked = np.empty(len(array))
    ranked[order] = np.arange(1, len(array) + 1)
    for value in np.unique(array):
        tied = array == value
        ranked[tied] = ranked[tied].mean()
    return ranked


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    """Spearman's rank correlation; 0.0 when either side is constant."""
    ra, rb = ranks(a), ranks(b)
    if ra.std() == 0 or rb.std() == 0:
        return 0.0
    return round(float(np.corrcoef(ra, rb)[0, 1]), 4)


def agreement(items: Iterable[Item]) -> dict:
    """How far two reviewers agree on the files both graded."""
    pairs = [(i.grades[0][0], i.grades[1][0]) for i in items if len({r for _, r in i.grades}) >= 2]
    if not pairs:
        return {"files": 0}
    first, second = np.array(pairs).T
    return {"files": len(pairs), "spearman": spearman(first, second), "qwk": quadratic_kappa(first, second),
            "exact": round(float(np.mean(first == second)), 3),
            "within_1": round(float(np.mean(np.abs(first - second) <= 1)), 3),
            "mean_abs_diff": round(float(np.mean(np.abs(first - second))), 3)}


def quadratic_kappa(first: np.ndarray, second: np.ndarray, grades: int = 6) -> float:
    """Cohen's kappa with quadratic weights on the 0-5 grades (1 = perfect agreement)."""
    a, b = np.rint(first).astype(int), np.rint(second).astype(int)
    observed = np.zeros((grades, grades))
    np.add.at(observed, (a, b), 1)
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / observed.sum()
    weights = np.subtract.outer(np.arange(grades), np.arange(grades)) ** 2 / (grades - 1) ** 2
    denominator = (weights * expected).sum()
    return round(float(1 - (weights * observed).sum() / denominator), 4) if denominator else 1.0


def fit_ridge(x: np.ndarray, y: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Ridge regression on standardised columns: (mean, scale, coef, intercept)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    intercept = float(y.mean())
    gram = z.T @ z + alpha * np.eye(z.shape[1])
    coef = np.linalg.solve(gram, z.T @ (y - intercept))
    return mean, scale, coef, intercept


def predict(x: np.ndarray, fitted: tuple[np.ndarray, np.ndarray, np.ndarray, float]) -> np.ndarray:
    mean, scale, coef, intercept = fitted
    return np.clip(intercept + ((x - mean) / scale) @ coef, 0.0, 5.0)


def choose_alpha(x: np.ndarray, y: np.ndarray, groups: Sequence[str], alphas: Sequence[float],
                 folds: int = 5) -> tuple[float, dict[float, float], np.ndarray]:
    """The ridge penalty with the best grouped cross-validated Spearman on the training split,
    the Spearman of each candidate, and the best one's out-of-fold predictions (predictions
    for files their model did not see, as unseen code will be)."""
    fold_of = np.array([int(hashlib.sha1(g.encode()).hexdigest(), 16) % folds for g in groups])
    scores, out_of_fold = {}, {}
    for alpha in alphas:
        predicted = np.zeros(len(y))
        for fold in range(folds):
            test = fold_of == fold
            if test.all() or not test.any():
                continue
            predicted[test] = predict(x[test], fit_ridge(x[~test], y[~test], alpha))
        scores[alpha], out_of_fold[alpha] = spearman(predicted, y), predicted
    best = max(scores, key=lambda a: (scores[a], a))
    return best, scores, out_of_fold[best]
