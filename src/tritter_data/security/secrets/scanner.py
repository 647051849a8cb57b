"""Hard-coded secrets: one multi-pattern gate, then the gated rules, then value checks.

The gate pass (``gate.py``) tells which of the ~250 rules can match at all (most files:
none); only those run their RE2 pattern. A candidate is dropped when it is a placeholder
(``changeme``, ``<your-key>``, ``${VAR}``, ``xxxx``), a documentation value, marked as fake on
its line, fails its format's checksum, or is too regular to be a key.

The finding names the rule and the line only: neither message nor snippet ever holds the
value, so a secret cannot leak into a shard, the manifest or a log::

    >>> [(f.rule_id, f.line, f.snippet) for f in SecretScanner().analyse(
    ...     'import os\\nTOKEN = "hf_' + 'UMPMHSejnPJjoqgARBfLyMgYLVUHFjxQie"\\n', "python")]
    [('SECRET-HUGGINGFACE-TOKEN', 2, None)]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from tritter_data.core.findings import Finding
from tritter_data.security.prefilter import re2_module
from tritter_data.security.secrets.catalogue import SecretRule, catalogue_rules
from tritter_data.security.secrets.contexts import CONTEXT_RULES, NAME_WORDS, NOT_SECRET_LAST, confirm_context
from tritter_data.security.secrets.gate import Gate, make_gate
from tritter_data.security.secrets.validators import CHECKS, FAKE_LINE, KNOWN_EXAMPLES, entropy, identifier

FIX = ("Remove the secret from the code, rotate it, and load it at run time from the environment "
       "or a secret manager.")
MAX_FINDINGS = 20
MAX_CANDIDATES = 5_000  # per rule and file: bounds the work on adversarial input
LINE_CONTEXT = 300  # bytes of the line either side of a match looked at for "fake" markers
#: Stand-ins inside a formatted value (``ghp_xxxx...``, ``sk-ant-api03-...``, ``hf_YOUR_TOKEN``).
_URL = re.compile(r"[a-zA-Z][\w+.\-]*://\S+|[\w.\-@]*\bexample\.(?:com|org|net)\b")
_STANDIN = re.compile(r"(?i)example|placeholder|123456789|abcdefghij|your_?(?:token|key|secret|api)|xxxx|\*\*\*|####|\.\.\.|<|>|\$\{|\{\{"
                      r"|dummy|fake|redacted|insert_?your|replace_?me|changeme")


@dataclass(frozen=True, slots=True)
class SecretScanner:
    """Reject-grade findings (``kind="secret"``) for credentials in any language."""

    name: str = "secrets"

    def analyse(self, text: str, language: str) -> list[Finding]:
        return scan_secrets(text)


@dataclass(frozen=True, slots=True)
class Engine:
    """Rules, their compiled patterns, the gate, and which rules each gate opens."""

    rules: tuple[SecretRule, ...]
    patterns: tuple[Any, ...]
    gate: Gate
    opens: tuple[tuple[int, ...], ...]


def all_rules() -> tuple[SecretRule, ...]:
    """The catalogue, then the context rules (a named format wins a line over a context)."""
    return catalogue_rules() + CONTEXT_RULES


@functools.cache
def engine(gate_engine: str = "auto", rules: tuple[SecretRule, ...] | None = None) -> Engine:
    """Compiled once per process (and per worker): patterns, the gate and its fan-out."""
    rules = rules or all_rules()
    re2 = re2_module()
    options = re2.Options()
    options.max_mem = 64 << 20
    gates: dict[tuple[bytes, bool], list[int]] = {}
    for index, rule in enumerate(rules):
        gates.setdefault((rule.gate, rule.caseless_gate), []).append(index)
    patterns = tuple(re2.compile(rule.pattern, options=options) for rule in rules)
    return Engine(rules, patterns, make_gate(list(gates), gate_engine), tuple(tuple(v) for v in gates.values()))


def scan_secrets(text: str, gate_engine: str = "auto") -> list[Finding]:
    """Confirmed secrets in ``text``, one finding per line, at most ``MAX_FINDINGS``."""
    data = text.encode("utf-8", "replace")
    return [finding(rule, line) for rule, line in scan_bytes(data, engine(gate_engine))]


def scan_bytes(data: bytes, eng: Engine, limit: int = MAX_FINDINGS) -> list[tuple[SecretRule, int]]:
    """(rule, line) of each confirmed secret in ``data``, sorted by line."""
    opened = eng.gate(data)
    if not opened:
        return []
    found: dict[int, SecretRule] = {}
    for index in sorted({i for gate in opened for i in eng.opens[gate]}):
        rule = eng.rules[index]
        pattern, pos, tried = eng.patterns[index], 0, 0
        while tried < MAX_CANDIDATES and (match := pattern.search(data, pos)) is not None:
            tried += 1
            line = data.count(b"\n", 0, match.start()) + 1
            pos = max(match.end(), match.start() + 1)
            if line in found:
                continue
            if not confirmed(rule, match, data):
                if rule.kind not in ("prefix", "keyed"):  # 'token x,password=REAL': look again inside the value
                    pos = max(match.start() + 1, match.start(_value_group(match, rule)))
                continue
            found[line] = rule
            if len(found) >= limit:
                break
        if len(found) >= limit:
            break
    return sorted(((rule, line) for line, rule in found.items()), key=lambda pair: pair[1])


def finding(rule: SecretRule, line: int) -> Finding:
    return Finding(rule_id=rule.rule_id, kind="secret", category="hardcoded_secret", line=line,
                   message=f"Hard-coded secret: {rule.description}", fix=FIX, severity="critical", cwe="CWE-798")


def _value_group(match: Any, rule: SecretRule) -> int:
    """The group holding the value: ``value_group``, or the last group an alternative filled."""
    if match.group(rule.value_group) is not None:
        return rule.value_group
    return next((g for g in range(len(match.groups()), 0, -1) if match.group(g) is not None), 0)


def confirmed(rule: SecretRule, match: Any, data: bytes, markers: bool = True) -> bool:
    """Entropy, checksum and context checks; a placeholder or a marked fake is not a secret.
    ``markers=False`` ignores "example"/"fake" words around it (a path under ``examples/``)."""
    group = _value_group(match, rule)
    value = match.group(group).decode("utf-8", "replace")
    if value in KNOWN_EXAMPLES:
        return False
    start, end = match.start(), match.end(group)  # not match.end(): its right edge may be the newline
    line_start = max(data.rfind(b"\n", max(0, start - LINE_CONTEXT), start) + 1, start - LINE_CONTEXT, 0)
    line_end = data.find(b"\n", end, end + LINE_CONTEXT)
    line = data[line_start:line_end if line_end >= 0 else end + LINE_CONTEXT].decode("utf-8", "replace")
    if markers and rule.kind != "key" and FAKE_LINE.search(_marker_text(line, match.start(group) - line_start)):
        return False
    if rule.kind in ("prefix", "keyed"):
        if data[match.end(rule.value_group):match.end(rule.value_group) + 3] in (b"...", "…".encode()[:3]):
            return False  # elided in docs: ``sk-proj-abc...``
        return _format_ok(rule, match, value)
    other = match.group(1) if rule.value_group > 1 and match.group(1) is not None else b""
    separator = b""
    if rule.kind == "generic":
        value_start = next(match.start(g) for g in range(2, len(match.groups()) + 1) if match.group(g) is not None)
        separator = data[match.end(1):value_start]
        opening = separator.rstrip(b" ")[-1:]
        closing = data[match.end(0) - 1:match.end(0)]
        if opening in (b"'", b'"', b"`") and closing in (b"'", b'"') and opening != closing:
            return False  # 'variable|default:"...' : the value runs on past a quote of another kind
        other = name_before(data, match.start(1)) + other
    return confirm_context(rule, value, line, other.decode("utf-8", "replace"), separator.decode("utf-8", "replace"))


_OTHER_LITERAL = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")


def _marker_text(line: str, at: int) -> str:
    """Where a "fake"/"example" marker speaks for the value: its name and what follows it. A marker in
    another literal before it (``-ClientId 'fake' -ClientSecret '...'``) and hosts (``example.com``) do not."""
    return _URL.sub("", _OTHER_LITERAL.sub("", line[:max(at, 0)]) + line[max(at, 0):])


def name_before(data: bytes, start: int, limit: int = 40) -> bytes:
    """The part of a name before its keyword (``DB_`` of ``DB_PASSWORD``), read backwards."""
    begin = start
    while begin > max(0, start - limit) and (data[begin - 1:begin].isalnum() or data[begin - 1] in b"_.-$@"):
        begin -= 1
    return data[begin:start]


def _format_ok(rule: SecretRule, match: Any, value: str) -> bool:
    if _STANDIN.search(value) or len(set(value)) < min(10, len(value) // 3) or entropy(value) < rule.min_entropy:
        return False
    if rule.check and not CHECKS[rule.check](value):
        return False
    if rule.kind == "keyed":
        if not _word_start(match.string, match.start()) or identifier(value):
            return False  # "okta" inside "rookTable", "meraki" inside "CameraKit"; camelCase names
        name = match.group(0)[: match.start(1) - match.start(0)].decode("utf-8", "replace")
        keyword = re.match(b"(?i:" + rule.gate_keyword + b")", match.group(0))
        if keyword and not _word_end(keyword.group(0), match.group(0)[keyword.end():keyword.end() + 1]):
            return False  # "sumo" in "sumOfExposures": the keyword ends inside a camelCase word
        words = [w.lower() for w in NAME_WORDS.findall(name[keyword.end() if keyword else 0:])]
        if {"public", "publishable", "search", "searchonly"} & set(words):
            return False  # Algolia search keys, Stripe/Mapbox public keys: public by design
        return not words or words[-1] not in NOT_SECRET_LAST
    return True


def _word_end(keyword: bytes, after: bytes) -> bool:
    """A keyword with a camelCase hump inside (``sumO``) must end where that word ends (``gitHub``)."""
    humps = [i for i in range(1, len(keyword)) if keyword[i - 1:i].islower() and keyword[i:i + 1].isupper()]
    return not humps or not after.islower()


def _word_start(data: bytes, start: int) -> bool:
    """The keyword begins a word: after a non-letter, or a capital after a small letter (camelCase)."""
    if start == 0 or not data[start - 1:start].isalpha():
        return True
    return data[start - 1:start].islower() and data[start:start + 1].isupper()


def secret_explanation(findings: list[Finding]) -> tuple[float, str]:
    """Score and card-shaped explanation for secret findings (used where the card keeps a
    rejected sample as a labelled example, e.g. ``data/sample/python_negative.jsonl``)."""
    from dataclasses import replace

    from tritter_data.core.findings import render_explanation
    from tritter_data.quality.score import quality_score

    shown = [replace(f, kind="security") for f in findings]
    return quality_score(shown), render_explanation(shown)
