"""The one record that flows through every stage, and its JSONL schema.

A ``Sample`` carries the text plus everything the stages learn about it; only the
fields of the data card (``OUTPUT_FIELDS``) ever reach a shard. A stage returns either
the (possibly enriched) sample or a ``Reject`` naming a stable snake_case reason.

Example::

    >>> s = Sample(source="a.py", text="print(1)\\n", language="python", quality_score=0.9)
    >>> to_record(s)
    {'text': 'print(1)\\n', 'language': 'python', 'quality_score': 0.9, 'source': 'a.py'}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

import orjson

from tritter_data.core.findings import Finding
from tritter_data.core.text import line_count

#: Output fields, in the order they are written (the data card's table).
OUTPUT_FIELDS = (
    "text",
    "language",
    "quality_score",
    "quality_label",
    "explanation",
    "source",
    "license",
    "stars",
    "persona",  # conversations only: the persona / system prompt the dialogue was written for
)
REQUIRED_FIELDS = ("text", "language", "quality_score", "source")
LABELS = ("positive", "negative")


@dataclass(slots=True)
class Sample:
    """One input file (or hub row) on its way through the stages."""

    source: str
    text: str = ""
    path: str | None = None  # where to read the bytes from; None once ``text`` is set
    size_bytes: int = 0
    language: str | None = None
    license: str | None = None
    stars: int | None = None
    quality_score: float | None = None
    quality_label: str | None = None
    explanation: str | None = None
    findings: list[Finding] = field(default_factory=list)
    content_hash: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    #: the output record as a JSONL line, when serialised early (in a worker)
    encoded: bytes | None = None

    @property
    def security_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "security"]

    @property
    def is_negative(self) -> bool:
        return self.quality_label == "negative"


@dataclass(frozen=True, slots=True)
class Reject:
    """A sample that leaves the pipeline, with a stable reason id and a short detail.

    ``detail`` names the problem for logs and the manifest's examples; it must never
    contain file content (a secret's value in particular).
    """

    source: str
    reason: str
    detail: str = ""
    size_bytes: int = 0
    language: str | None = None
    #: rejected before its bytes were read: ``size_bytes`` is the listed size, not bytes read
    unread: bool = False

    @property
    def bytes_read(self) -> int:
        return 0 if self.unread else self.size_bytes


StageResult = Union[Sample, Reject]


class SchemaError(ValueError):
    """A record that does not match the data card's schema."""


def to_record(sample: Sample) -> dict[str, Any]:
    """Render a sample as its output record: card fields only, optional ones omitted."""
    record: dict[str, Any] = {
        "text": sample.text,
        "language": sample.language,
        "quality_score": sample.quality_score,
    }
    if sample.quality_label == "negative":
        record["quality_label"] = "negative"
        record["explanation"] = sample.explanation
    record["source"] = sample.source
    if sample.license is not None:
        record["license"] = sample.license
    if sample.stars is not None:
        record["stars"] = sample.stars
    validate_record(record)
    return record


def encode_record(result: StageResult) -> StageResult:
    """Serialise a kept sample's record to its JSONL line and drop the text.

    Run in the worker, this sends a compact line back to the driver instead of the
    text plus its findings; the bytes are those ``ShardWriter.write`` would produce.
    """
    if isinstance(result, Sample):
        result.encoded = orjson.dumps(to_record(result)) + b"\n"
        result.meta["line_count"] = line_count(result.text)
        result.text = ""
    return result


def validate_record(record: dict[str, Any], where: str = "record") -> None:
    """Check a record against the card's schema; raise ``SchemaError`` naming the field."""
    unknown = set(record) - set(OUTPUT_FIELDS)
    if unknown:
        raise SchemaError(f"{where}: unknown field(s) {sorted(unknown)}")
    for name in REQUIRED_FIELDS:
        if name not in record or record[name] is None:
            raise SchemaError(f"{where}: missing required field {name!r}")
    for name in ("text", "language", "source"):
        if not isinstance(record[name], str):
            raise SchemaError(f"{where}: {name!r} must be a string, got {type(record[name]).__name__}")
    for name in ("explanation", "license"):
        if record.get(name) is not None and not isinstance(record[name], str):
            raise SchemaError(f"{where}: {name!r} must be a string, got {type(record[name]).__name__}")
    score = record["quality_score"]
    if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0.0 <= score <= 1.0:
        raise SchemaError(f"{where}: 'quality_score' must be a number in [0, 1], got {score!r}")
    label = record.get("quality_label")
    if label is not None and label not in LABELS:
        raise SchemaError(f"{where}: 'quality_label' must be one of {LABELS}, got {label!r}")
    if label == "negative" and not record.get("explanation"):
        raise SchemaError(f"{where}: a negative sample needs an 'explanation'")
    if "stars" in record and (isinstance(record["stars"], bool) or not isinstance(record["stars"], int)):
        raise SchemaError(f"{where}: 'stars' must be an integer")
    if "persona" in record and not isinstance(record["persona"], str):
        raise SchemaError(f"{where}: 'persona' must be a string")


def from_record(record: dict[str, Any]) -> Sample:
    """Turn an output record back into a sample (for the post-processing commands)."""
    return Sample(
        source=record["source"],
        text=record["text"],
        language=record["language"],
        quality_score=record["quality_score"],
        quality_label=record.get("quality_label", "positive"),
        explanation=record.get("explanation"),
        license=record.get("license"),
        stars=record.get("stars"),
    )
