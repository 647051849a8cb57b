"""A few example explanations of negative samples, read from the run's shards.

Only labels and explanations are shown, never code: an explanation is rendered from findings
(message, CWE, line, fix), and files with secrets never reach a shard. Security explanations
come first, one per distinct first finding, so the examples show different problems.
Secret rejects are shown from the manifest as path, rule id and line only (``secret_reject``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tritter_data.io.shards import BadLine, iter_shard_records

#: Stop reading shards after this many records: the report must stay fast on a large corpus.
MAX_SCANNED = 50_000
_SECRET_DETAIL = re.compile(r"^\s*([A-Za-z0-9_.:\-]+) at line (\d+)\s*$")


@dataclass(frozen=True)
class Example:
    source: str
    language: str
    score: float
    explanation: str
    security: bool


def negative_examples(directory: Path, shards: list[str], limit: int = 4, security_expected: bool = True
                      ) -> list[Example]:
    """Up to ``limit`` negatives with distinct first explanation lines, security ones first.

    When the manifest counts no security finding (``security_expected=False``) reading stops as
    soon as ``limit`` examples are found instead of looking for security ones to the end.
    """
    security: list[Example] = []
    quality: list[Example] = []
    seen: set[str] = set()
    scanned = 0
    for name in shards:
        path = directory / name
        if not path.is_file():
            continue
        for record in iter_shard_records(path):
            scanned += 1
            if scanned > MAX_SCANNED or len(security) >= limit or (
                    not security_expected and len(quality) >= limit):
                break
            if isinstance(record, BadLine) or record.get("quality_label") != "negative":
                continue
            example = _example(record)
            key = _first_bullet(example.explanation)
            if key in seen:
                continue
            seen.add(key)
            (security if example.security else quality).append(example)
        if scanned > MAX_SCANNED or len(security) >= limit or (not security_expected and len(quality) >= limit):
            break
    return (security + quality)[:limit]


def _example(record: dict[str, Any]) -> Example:
    explanation = str(record.get("explanation") or "")
    return Example(
        source=str(record.get("source", "")), language=str(record.get("language", "")),
        score=float(record.get("quality_score", 0.0)), explanation=explanation,
        security=explanation.startswith("This code has security issues"),
    )


def _first_bullet(explanation: str) -> str:
    for line in explanation.splitlines():
        if line.startswith("- "):
            return re.sub(r"line \d+", "line N", line)
    return explanation


def secret_reject(example: dict[str, Any]) -> tuple[str, str, str]:
    """(path, rule id, line) of a ``secret_detected`` reject; anything else in the detail is withheld.

        >>> secret_reject({"source": "cfg.py", "detail": "AWS-ACCESS-KEY at line 3"})
        ('cfg.py', 'AWS-ACCESS-KEY', '3')
        >>> secret_reject({"source": "x.py", "detail": "password = hunter2"})
        ('x.py', '(withheld)', '?')
    """
    match = _SECRET_DETAIL.match(str(example.get("detail", "")))
    source = str(example.get("source", ""))
    return (source, match.group(1), match.group(2)) if match else (source, "(withheld)", "?")
