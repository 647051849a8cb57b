"""Add up the manifests of parts (``RunStats.to_dict()`` output) into that of the run.

Counts add, count tables add key by key (sorted, as ``RunStats`` writes them), the score
histogram adds bin by bin, and reject examples concatenate in part order up to
``MAX_EXAMPLES``, so a run resumed from parts gets the manifest of an uninterrupted one.

    >>> merge_stats([{"kept": 1, "rejected": {"too_large": 2}}, {"kept": 3, "rejected": {"bad_row": 1}}])
    {'kept': 4, 'rejected': {'bad_row': 1, 'too_large': 2}}
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from tritter_data.runs.stats import MAX_EXAMPLES

COUNT_TABLES = ("rejected", "findings_by_rule", "findings_by_category")


def add_counts(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Key-wise sum of two flat count tables, sorted by key."""
    merged = dict(a)
    for key, value in b.items():
        merged[key] = merged.get(key, 0) + value
    return dict(sorted(merged.items()))


def _merge_two(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(a)
    for key, value in b.items():
        if key not in merged:
            merged[key] = copy.deepcopy(value)
        elif key in COUNT_TABLES:
            merged[key] = add_counts(merged[key], value)
        elif key == "per_language":
            languages = {lang: dict(counts) for lang, counts in merged[key].items()}
            for lang, counts in value.items():
                languages[lang] = add_counts(languages.get(lang, {}), counts)
            merged[key] = dict(sorted(languages.items()))
        elif key == "score_histogram":
            merged[key]["counts"] = [x + y for x, y in zip(merged[key]["counts"], value["counts"], strict=True)]
        elif key == "reject_examples":
            examples = {reason: list(items) for reason, items in merged[key].items()}
            for reason, items in value.items():
                examples[reason] = (examples.get(reason, []) + items)[:MAX_EXAMPLES]
            merged[key] = dict(sorted(examples.items()))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            merged[key] = merged[key] + value
    return merged


def merge_stats(parts: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The merged manifest of ``parts`` (in part order); ``{}`` for none."""
    if not parts:
        return {}
    merged = copy.deepcopy(parts[0])
    for part in parts[1:]:
        merged = _merge_two(merged, part)
    return merged
