"""JavaScript and TypeScript sinks: eval/new Function/vm, child_process, SQL strings, node-serialize.

``exec`` is also ``RegExp.prototype.exec``, so a command sink needs ``child_process``
in the file and a callee bound to it (``cp.exec``, ``const { exec } = require(...)``).
"""

from __future__ import annotations

import re
from typing import Any

from tritter_data.security.insecure.common import Hit, payload_hit, sql_hit
from tritter_data.security.insecure.syntax import Context, arguments, callee_name, last_name

PREFILTER = (
    rb"\beval\s*\(|\bFunction\s*\(|\bvm\.runIn(?:New|This)?Context\s*\(|\bnew\s+vm\.Script\s*\("
    rb"|\.(?:query|execute|raw|unsafe|\$queryRawUnsafe|\$executeRawUnsafe)\s*\("
)
#: Sinks whose names are common words elsewhere: scanned for only when the module is mentioned.
GATED = (
    (b"child_process", rb"\b(?:exec|execSync|spawn|spawnSync|execFile|execFileSync)\s*\("),
    (b"node-serialize", rb"\bunserialize\s*\("),
)
SQL_METHODS = frozenset({"query", "execute", "raw", "unsafe", "$queryRawUnsafe", "$executeRawUnsafe"})
_CP = rb"['\"](?:node:)?child_process['\"]"
_ALIAS = re.compile(rb"(?:const|let|var)\s+(\w+)\s*=\s*require\(\s*" + _CP + rb"\s*\)|import\s+(?:\*\s+as\s+)?(\w+)\s+from\s+" + _CP)
_DESTRUCTURED = re.compile(rb"\{([^{}]{1,300})\}\s*=\s*require\(\s*" + _CP + rb"|import\s*\{([^{}]{1,300})\}\s*from\s*" + _CP)


def _child_process_names(ctx: Context) -> tuple[set[str], set[str]]:
    """(module aliases, directly imported function names) bound to ``child_process``."""
    source = ctx.file or ctx.source
    if b"child_process" not in source:
        return set(), set()
    aliases = {(m.group(1) or m.group(2)).decode() for m in _ALIAS.finditer(source)}
    names: set[str] = set()
    for match in _DESTRUCTURED.finditer(source):
        for part in (match.group(1) or match.group(2)).decode().split(","):
            bits = re.split(r"\s*(?::|\bas\b)\s*", part.strip())
            if bits and bits[-1]:
                names.add(bits[-1].strip())
    return aliases, names


def _from_child_process(callee: str, ctx: Context) -> bool:
    aliases, names = _child_process_names(ctx)
    if "." not in callee:
        return callee in names
    obj = callee.rsplit(".", 1)[0]
    return obj in aliases or obj.replace(" ", "") in ("require('child_process')", 'require("child_process")')


def _shell_option(call: Any) -> bool:
    for arg in arguments(call):
        if arg.type == "object":
            for pair in arg.named_children:
                key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
                if key is not None and value is not None and key.text == b"shell" and value.type == "true":
                    return True
    return False


def check(call: Any, ctx: Context) -> list[Hit]:
    callee = callee_name(call, ctx)
    name = last_name(callee)
    args = arguments(call)
    first = args[0] if args else None
    if call.type == "new_expression":
        if callee == "new Function":
            return payload_hit("JS-FUNCTION", args[-1] if args else None, ctx, "Function", call)
        if callee == "new vm.Script":
            return payload_hit("JS-VM", first, ctx, "vm.Script", call)
        return []
    if call.type != "call_expression":
        return []
    if callee in ("eval", "window.eval", "globalThis.eval"):
        return payload_hit("JS-EVAL", first, ctx, "eval", call)
    if callee == "Function":
        return payload_hit("JS-FUNCTION", args[-1] if args else None, ctx, "Function", call)
    if callee.startswith("vm.runIn"):
        return payload_hit("JS-VM", first, ctx, callee, call)
    if name in ("exec", "execSync") and _from_child_process(callee, ctx):
        return payload_hit("JS-EXEC", first, ctx, callee, call)
    if name in ("spawn", "spawnSync", "execFile", "execFileSync") and _shell_option(call) \
            and _from_child_process(callee, ctx):
        return payload_hit("JS-SPAWN-SHELL", first, ctx, callee, call)
    if name in SQL_METHODS and "." in callee:
        return sql_hit("JS-SQL", first, ctx, name, call)
    if name == "unserialize" and b"node-serialize" in (ctx.file or ctx.source):
        return payload_hit("JS-UNSERIALIZE", first, ctx, "unserialize", call, "high")
    return []
