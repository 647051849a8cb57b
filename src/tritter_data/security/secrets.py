"""Hard-coded secrets: found by RE2 rules, confirmed by entropy and context, always rejected.

One ``RE2::Set`` pass tells which rules can match at all (most files: none); only those
rules are then run for positions. A candidate is dropped when it is a placeholder
(``changeme``, ``<your-key>``, ``${VAR}``, ``xxxx``), a documentation example (AWS's
``AKIAIOSFODNN7EXAMPLE``), marked as fake on its line, or too regular to be a key.

The finding names the rule and the line only: neither message nor snippet ever holds the
value, so a secret cannot leak into a shard, the manifest or a log::

    >>> [(f.rule_id, f.line, f.snippet) for f in SecretScanner().analyse(
    ...     'import os\\nTOKEN = "ghp_' + 'aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6"\\n', "python")]
    [('SECRET-GITHUB-TOKEN', 2, None)]
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from tritter_data.core.findings import Finding
from tritter_data.security.prefilter import re2_module
from tritter_data.security.secret_rules import RULES, SEPARATOR, SecretRule

FIX = ("Remove the secret from the code, rotate it, and load it at run time from the environment "
       "or a secret manager.")
MAX_FINDINGS = 20
MAX_CANDIDATES = 5_000  # per rule and file: bounds the work on adversarial input
LINE_CONTEXT = 300  # bytes of the line either side of a match looked at for "fake" markers

_PLACEHOLDER = re.compile(
    r"(?i)^(?:x+|\*+|\.+|-+|#+|0+|1234.*|abc.*|test.*|dummy.*|fake.*|sample.*|example.*|placeholder.*"
    r"|changeme.*|change_?me.*|secret|password\d*|passwd|pass|token|none|null|nil|undefined|true|false"
    r"|your.*|my.*|insert.*|replace.*|redacted.*|todo.*|foo.*|bar.*|xyz.*|qwerty.*|letmein.*)$"
    r"|^[sprk]k_test_|^pk_live_|example|fake|dummy|placeholder|changeme|xxxx|\*\*\*\*|your[_\-]?(?:api|key|token|secret|password)|<[^>]*>"
    r"|\$\{|\{\{|\$[A-Z_]+|%\(|%s|\{\}|\{[a-z_]+\}|os\.environ|getenv|process\.env|ENV\["
)
_FAKE_LINE = re.compile(r"(?i)\b(?:fake|dummy|example|not a real|placeholder|pragma: allowlist secret|nosec)\b")
#: Names that mention a secret but hold something else (a path, a field name, a type...).
_NOT_SECRET_NAME = re.compile(
    r"(?i)(?:_|\b)(?:url|uri|path|file|filename|dir|name|type|header|field|label|prompt|env|var|id|len|length"
    r"|size|count|hash|digest|sha\d*|md5|checksum|format|pattern|regex|re|kind|key_?name|endpoint|class|mode|help"
    r"|message|msg|text|error|prefix|suffix|query|param|column|attr|template|schema|policy|scope|strength)s?$"
)
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z_.]*$|^[a-z]+(?:[-_][a-z]+)*$|^[A-Z_]+$")
_HEX_OR_UUID = re.compile(r"(?i)^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12})$")
_NAME = re.compile(rb"([\w.\-]+)" + SEPARATOR + rb"$")


@dataclass(frozen=True, slots=True)
class SecretScanner:
    """Reject-grade findings (``kind="secret"``) for credentials in any language."""

    name: str = "secrets"

    def analyse(self, text: str, language: str) -> list[Finding]:
        return scan_secrets(text)


def entropy(value: str) -> float:
    """Shannon entropy in bits per character (random base64 ~5-6, English words ~2.5-3.5)."""
    if not value:
        return 0.0
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


@functools.cache
def _compiled() -> tuple[Any, list[Any]]:
    re2 = re2_module()
    options = re2.Options()
    options.max_mem = 128 << 20
    rule_set = re2.Set.SearchSet(options)
    for rule in RULES:
        rule_set.Add(rule.pattern)
    rule_set.Compile()
    return rule_set, [re2.compile(rule.pattern, options=options) for rule in RULES]


def scan_secrets(text: str) -> list[Finding]:
    """Confirmed secrets in ``text``, one finding per (rule, line), at most ``MAX_FINDINGS``."""
    data = text.encode("utf-8", "replace")
    rule_set, patterns = _compiled()
    matched = rule_set.Match(data)
    if not matched:
        return []
    findings: list[Finding] = []
    seen: set[tuple[str, int]] = set()
    for index in sorted(matched):
        rule = RULES[index]
        for number, match in enumerate(patterns[index].finditer(data)):
            if number >= MAX_CANDIDATES:
                break
            if not _confirmed(rule, match, data):
                continue
            line = data.count(b"\n", 0, match.start()) + 1
            if (rule.rule_id, line) in seen or (rule.generic and ("", line) in seen):
                continue  # one finding per line: a named format beats the generic rule
            seen.update({(rule.rule_id, line), ("", line)})
            findings.append(Finding(
                rule_id=rule.rule_id, kind="secret", category="hardcoded_secret", line=line,
                message=f"Hard-coded secret: {rule.description}", fix=FIX, severity="critical", cwe="CWE-798",
            ))
            if len(findings) >= MAX_FINDINGS:
                return sorted(findings, key=lambda f: f.line)
    return sorted(findings, key=lambda f: f.line)


def _confirmed(rule: SecretRule, match: Any, data: bytes) -> bool:
    """Entropy and context checks; a placeholder or a marked fake is not a secret."""
    value = match.group(rule.value_group).decode("utf-8", "replace")
    start, end = match.start(), match.end()
    line_start = max(data.rfind(b"\n", max(0, start - LINE_CONTEXT), start) + 1, start - LINE_CONTEXT)
    line_end = data.find(b"\n", end, end + LINE_CONTEXT)
    line = data[max(0, line_start):line_end if line_end >= 0 else end + LINE_CONTEXT].decode("utf-8", "replace")
    if rule.rule_id == "SECRET-PRIVATE-KEY":
        body = re.sub(r"\\[nr]|[\s\"'+]", "", value)  # also the quotes of concatenated literals
        return len(body) >= 64 and entropy(body) >= rule.min_entropy and "..." not in value
    if _FAKE_LINE.search(line) or "EXAMPLE" in value:
        return False
    if rule.rule_id in ("SECRET-DATABASE-URL", "SECRET-CONNECTION-STRING"):
        return _real_password(value)
    if len(set(value)) < 6 or entropy(value) < rule.min_entropy or _PLACEHOLDER.search(value):
        return False
    if rule.generic:
        return _generic_ok(match, value)
    return True


def _real_password(value: str) -> bool:
    """A password in a URL is real unless it is a placeholder or a variable reference."""
    return len(value) >= 4 and not _PLACEHOLDER.search(value) and not any(c in value for c in "${}<>%")


def _generic_ok(match: Any, value: str) -> bool:
    """``password = "..."``: the value must look random, and the name must hold a secret."""
    prefix = match.group(0)[: match.start(1) - match.start(0)]
    name_match = _NAME.search(prefix)
    name = name_match.group(1).decode("utf-8", "replace") if name_match else ""
    if _NOT_SECRET_NAME.search(name):
        return False
    if "\\" in value or _IDENTIFIER.match(value) or (_HEX_OR_UUID.match(value) and "key" not in name.lower()):
        return False
    if value.startswith(("http://", "https://", "/", "./")) or " " in value:
        return False
    classes = sum(bool(re.search(p, value)) for p in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]"))
    return classes >= 2 and entropy(value) >= (3.0 if len(value) < 16 else 3.5)


def secret_explanation(findings: list[Finding]) -> tuple[float, str]:
    """Score and card-shaped explanation for secret findings (used where the card keeps a
    rejected sample as a labelled example, e.g. ``data/sample/python_negative.jsonl``)."""
    from dataclasses import replace

    from tritter_data.core.findings import render_explanation
    from tritter_data.quality.score import quality_score

    shown = [replace(f, kind="security") for f in findings]
    return quality_score(shown), render_explanation(shown)
