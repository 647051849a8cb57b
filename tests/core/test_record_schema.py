"""The card's schema is checked field by field: wrong types never reach (or leave) a shard."""

from __future__ import annotations

import pytest

from tritter_data.core.sample import SchemaError, validate_record

GOOD = {"text": "def add(a, b):\n    return a + b\n", "language": "python", "quality_score": 0.9,
        "source": "repo/add.py"}


def test_a_good_record_passes() -> None:
    validate_record(dict(GOOD))
    validate_record({**GOOD, "license": "MIT", "stars": 3})


@pytest.mark.parametrize(("field", "value", "message"), [
    ("language", 7, "'language' must be a string, got int"),
    ("source", ["a.py", "b.py"], "'source' must be a string, got list"),
    ("text", b"bytes", "'text' must be a string, got bytes"),
    ("license", 1, "'license' must be a string, got int"),
    ("quality_score", True, "'quality_score' must be a number in [0, 1]"),
    ("stars", False, "'stars' must be an integer"),
])
def test_wrong_types_fail_naming_the_field(field: str, value: object, message: str) -> None:
    with pytest.raises(SchemaError, match=message.replace("[", r"\[").replace("]", r"\]")):
        validate_record({**GOOD, field: value}, where="shard_00000.jsonl:3")
