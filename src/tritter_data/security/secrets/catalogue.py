"""The credential catalogue (``catalogue.tsv``) turned into RE2 rules, loaded once.

A row is data: id, kind, value regex, gate regex, entropy floor, checksum, description. Two
kinds cover the formats: a ``prefix`` value names itself (``ghp_``, ``hf_``, ``xoxb-``) and
is found in any context, a path included; a ``keyed`` value is a bare random string that
counts only when assigned to a name carrying the service's keyword (``ADAFRUIT_KEY = "..."``,
``adafruit_key: ...`` in YAML, ``("ADAFRUIT_KEY", "...")``)::

    >>> rule = next(r for r in catalogue_rules() if r.rule_id == "SECRET-HUGGINGFACE-TOKEN")
    >>> rule.kind, rule.gate, rule.check
    ('prefix', b'hf_', 'mixed_letters')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class SecretRule:
    """One detector: ``pattern`` finds candidates, group ``value_group`` holds the value.

    ``gate`` is what the single multi-pattern pass looks for first; only rules whose gate
    occurs in a file run their own pattern. ``kind`` picks the confirmation (see scanner).
    """

    rule_id: str
    description: str
    pattern: bytes
    gate: bytes
    kind: str
    value_group: int = 1
    min_entropy: float = 3.0
    check: str | None = None
    caseless_gate: bool = False
    value: str = ""  # the bare value regex (catalogue rows), used to generate test values
    gate_keyword: bytes = b""  # keyed rows: the service keyword the name must carry


#: Around a self-identifying value: not inside a longer run of letters and digits.
LEFT = rb"(?:^|[^0-9A-Za-z.])"  # not after a dot either: "video_box.ico-7a38..." is a file name
RIGHT = rb"(?:[^0-9A-Za-z]|$)"
#: From a name to its value: ``=``, ``:``, ``:=``, ``=>``, ``,`` (a pair or argument list) or ``(``,
#: with quotes (maybe escaped), brackets, an optional type (``: string =``) and an optional string prefix around them.
ASSIGN = (rb"[\w.\-]{0,30}?(?:\\{0,3}['\"\x60]|\]){0,2}(?:\s{0,3}:\s{0,3}&?[\w<>\[\]?]{1,30}\s{0,3}=|\s+string\s{0,3}="
          rb"|\s{0,3}(?::=|=>|\?=|=|:|,|\())\s{0,3}"
          rb"(?:[rbuf]?\\{0,3}['\"\x60]|\(\s{0,3}['\"])?\s{0,3}")


def _row_rule(fields: list[str]) -> SecretRule:
    rule_id, kind, value, gate, floor, check, description = fields
    keyword = gate if kind == "keyed" else ""
    if kind not in ("prefix", "keyed"):
        raise ValueError(f"catalogue.tsv: {rule_id}: kind must be prefix or keyed, not {kind!r}")
    if kind == "prefix":
        pattern = LEFT + b"(" + value.encode() + b")" + RIGHT
    else:
        pattern = b"(?i:" + gate.encode() + b")" + ASSIGN + b"(" + value.encode() + b")" + RIGHT
        gate = "(?:" + gate + r")[\w.\-]{0,30}?(?:\\{0,3}['\"\x60]|\]){0,2}\s{0,3}(?::=|=>|\?=|=|:|,|\()"
    return SecretRule(
        rule_id="SECRET-" + rule_id.upper(), description=description, pattern=pattern, gate=gate.encode(),
        kind=kind, min_entropy=3.0 if floor == "-" else float(floor), check=None if check == "-" else check,
        caseless_gate=kind == "keyed", value=value, gate_keyword=keyword.encode(),
    )


@functools.cache
def catalogue_rules() -> tuple[SecretRule, ...]:
    """Every row of ``catalogue.tsv`` as a rule (comments and blank lines skipped)."""
    text = resources.files(__package__).joinpath("catalogue.tsv").read_text(encoding="utf-8")
    rules = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 7:
            raise ValueError(f"catalogue.tsv line {number}: expected 7 tab-separated fields, got {len(fields)}")
        rules.append(_row_rule(fields))
    return tuple(rules)
