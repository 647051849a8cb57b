"""Verdicts shared by the per-language rule modules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tritter_data.security.insecure.syntax import IDENT_TYPES, Context, classify, string_text

#: Literal text that reads as SQL: a statement shape, not a lone English word.
_SQL = re.compile(
    r"(?is)\bselect\b.{0,400}?\bfrom\b|\binsert\s+(?:or\s+\w+\s+)?into\b|\bupdate\b.{0,200}?\bset\b|\bdelete\s+from\b"
    r"|\b(?:drop|create|alter|truncate)\s+(?:temp\w*\s+)?(?:table|index|view|database|schema)\b"
    r"|\bwhere\b.{0,200}?(?:[=<>]|\blike\b|\bin\b)|\border\s+by\b|\bvalues\s*\("
)


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule that fired on one call: which rule, how bad, which sink, where."""

    rule_id: str
    severity: str
    sink: str
    node: Any


def looks_like_sql(node: Any, ctx: Context) -> bool:
    return bool(_SQL.search(string_text(node, ctx)[:2000]))


def sql_hit(rule_id: str, node: Any, ctx: Context, sink: str, call: Any) -> list[Hit]:
    """SQL injection: the query argument is built from values and reads as SQL."""
    if node is not None and classify(node, ctx) == "dynamic" and looks_like_sql(node, ctx):
        return [Hit(rule_id, "high", sink, call)]
    return []


#: Calls that make a value safe to put in a shell command line.
SHELL_QUOTERS = re.compile(r"\b(?:shlex\.quote|pipes\.quote|escapeshellarg|escapeshellcmd|Shellwords\.escape|shellescape)\b")


def payload_hit(rule_id: str, node: Any, ctx: Context, sink: str, call: Any, severity: str = "critical") -> list[Hit]:
    """Code/command sinks: a constant payload is low severity, anything else is ``severity``."""
    if node is None:
        return []
    value = ctx.resolve(node) if node.type in IDENT_TYPES else None
    if SHELL_QUOTERS.search(ctx.text(node)) or (value is not None and SHELL_QUOTERS.search(ctx.text(value))):
        return []
    return [Hit(rule_id, "low" if classify(node, ctx) == "const" else severity, sink, call)]
