"""JavaScript and TypeScript sinks: eval/new Function/vm, child_process, SQL strings, node-serialize.

``exec`` is also ``RegExp.prototype.exec``, so a command sink needs ``child_process``
in the file and a callee bound to it (``cp.exec``, ``const { exec } = require(...)``).
"""

from __future__ import annotations

import re
from typing import Any

from tritter_data.security.insecure.common import Hit, payload_hit, sql_hit, value_hit
from tritter_data.security.insecure.syntax import Context, arguments, callee_name, last_name
from tritter_data.security.insecure.taint import trace

PREFILTER = (
    rb"\beval\s*\(|\bFunction\s*\(|\bvm\.runIn(?:New|This)?Context\s*\(|\bnew\s+vm\.Script\s*\("
    rb"|\bvm\.compileFunction\s*\("
    rb"|\.(?:query|execute|raw|unsafe|\$queryRawUnsafe|\$executeRawUnsafe)\s*\("
    rb"|\beval\s*\)\s*\(|\b(?:setTimeout|setInterval|setImmediate|execScript)\s*\("
)
#: Sinks whose names are common words elsewhere: scanned for only when the module is mentioned.
GATED = (
    (b"child_process", rb"\b(?:exec|execSync|spawn|spawnSync|execFile|execFileSync)\s*\("),
    (b"node-serialize", rb"\bunserialize\s*\("),
    (b"shelljs", rb"\.exec\s*\("),
    (b"vm2", rb"\.run\s*\(|\bnew\s+VMScript\s*\("),
)
_EVAL_ALIAS = re.compile(rb"([\w$]+)\s*=\s*(?:window\.|globalThis\.|self\.)?eval\s*[;,\n)]")
_EVALS = frozenset({"eval", "window.eval", "globalThis.eval", "this.eval", "self.eval", "global.eval", "(0, eval)",
                    "(0,eval)", "window['eval']", 'window["eval"]'})
TIMERS = frozenset({"setTimeout", "setInterval", "setImmediate", "window.setTimeout", "window.setInterval",
                    "execScript", "window.execScript"})
_CP_NAMES = frozenset({"exec", "execSync", "spawn", "spawnSync", "execFile", "execFileSync"})
SQL_METHODS = frozenset({"query", "execute", "raw", "unsafe", "$queryRawUnsafe", "$executeRawUnsafe"})
_CP = rb"['\"](?:node:)?child_process['\"]"
_ALIAS = re.compile(rb"(?:const|let|var)\s+(\w+)\s*=\s*require\(\s*" + _CP + rb"\s*\)|import\s+(?:\*\s+as\s+)?(\w+)\s+from\s+" + _CP)
_DESTRUCTURED = re.compile(rb"\{([^{}]{1,300})\}\s*=\s*require\(\s*" + _CP + rb"|import\s*\{([^{}]{1,300})\}\s*from\s*" + _CP)


def _child_process_names(ctx: Context) -> tuple[set[str], dict[str, str]]:
    """(module aliases, imported function name -> its name in child_process) bound to ``child_process``."""
    source = ctx.file or ctx.source
    if b"child_process" not in source:
        return set(), {}
    aliases = {(m.group(1) or m.group(2)).decode() for m in _ALIAS.finditer(source)}
    names: dict[str, str] = {}
    for match in _DESTRUCTURED.finditer(source):
        for part in (match.group(1) or match.group(2)).decode().split(","):
            bits = re.split(r"\s*(?::|\bas\b)\s*", part.strip())
            if bits and bits[-1]:
                names[bits[-1].strip()] = bits[0].strip()
    return aliases, names


def _child_process_function(callee: str, ctx: Context) -> str | None:
    """``cp.exec`` / ``run`` (from ``{ exec: run }``) -> ``exec``; None when not from child_process."""
    aliases, names = _child_process_names(ctx)
    if "." not in callee:
        return names.get(callee)
    obj, _, name = callee.rpartition(".")
    if obj in aliases or obj.replace(" ", "") in ("require('child_process')", 'require("child_process")'):
        return name
    return None


def _shell_option(call: Any) -> bool:
    for arg in arguments(call):
        if arg.type == "object":
            for pair in arg.named_children:
                key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
                if key is not None and value is not None and key.text == b"shell" and value.type == "true":
                    return True
    return False


def alias_names(data: bytes) -> list[bytes]:
    """Local names of sinks in this file (``var f = eval``, ``{ exec: run } = require("child_process")``).

    The prefilter scans for calls of these names too, so ``f(s)`` and ``run(cmd)`` are parsed.
    """
    names = set(_EVAL_ALIAS.findall(data)) if b"eval" in data else set()
    if b"child_process" in data:
        for match in _DESTRUCTURED.finditer(data):
            for part in (match.group(1) or match.group(2)).split(b","):
                bits = re.split(rb"\s*(?::|\bas\b)\s*", part.strip())
                if len(bits) == 2 and bits[1]:
                    names.add(bits[1].strip())
    return sorted(name for name in names if re.fullmatch(rb"[\w$]{1,60}", name))


def _eval_aliases(ctx: Context) -> set[bytes]:
    source = ctx.file or ctx.source
    return set(_EVAL_ALIAS.findall(source)) if b"eval" in source else set()


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
        if callee == "new VMScript" and b"vm2" in (ctx.file or ctx.source):
            return payload_hit("JS-VM", first, ctx, "vm2.VMScript", call)
        return []
    if call.type != "call_expression":
        return []
    if callee in _EVALS or (callee.startswith("(") and callee.replace(" ", "").endswith(",eval)")):
        return payload_hit("JS-EVAL", first, ctx, "eval", call)
    if "(" not in callee and "." not in callee and callee.encode() in _eval_aliases(ctx):
        return payload_hit("JS-EVAL", first, ctx, "eval", call)
    if callee in TIMERS and first is not None and first.type in ("string", "template_string", "binary_expression",
                                                                  "identifier", "member_expression"):
        value = trace(first, ctx)
        if first.type in ("identifier", "member_expression") and value.kind == "tainted" and \
                value.via_param and not value.built:
            return []  # setTimeout(fn, 1): a parameter handed on is a callback, not code text
        if value.kind == "tainted" or (value.kind == "const" and first.type != "identifier"):
            return value_hit("JS-TIMER", value, ctx, callee, call)
        return []
    if callee == "Function":
        return payload_hit("JS-FUNCTION", args[-1] if args else None, ctx, "Function", call)
    if callee.startswith("vm.runIn") or callee == "vm.compileFunction":
        return payload_hit("JS-VM", first, ctx, callee, call)
    source = ctx.file or ctx.source
    if name == "run" and b"vm2" in source and "vm" in callee.rsplit(".", 1)[0].lower():
        return payload_hit("JS-VM", first, ctx, "VM.run", call)  # vm2: new VM().run(code), nodeVM.run(code)
    if name == "exec" and "." in callee and b"shelljs" in source:
        return payload_hit("JS-EXEC", first, ctx, callee, call)  # shell.exec(cmd) runs cmd through a shell
    function = _child_process_function(callee, ctx) if name in _CP_NAMES or "." not in callee else None
    if function in ("exec", "execSync"):
        return payload_hit("JS-EXEC", first, ctx, callee, call)
    if function in ("spawn", "spawnSync", "execFile", "execFileSync"):
        if _shell_option(call):
            return payload_hit("JS-SPAWN-SHELL", first, ctx, callee, call)
        value = trace(first, ctx) if first is not None else None
        return value_hit("JS-SPAWN-SHELL", value, ctx, callee, call) if value is not None and \
            value.kind == "tainted" else []
    if name in SQL_METHODS and "." in callee:
        return sql_hit("JS-SQL", first, ctx, name, call)
    if name == "unserialize" and b"node-serialize" in (ctx.file or ctx.source):
        return payload_hit("JS-UNSERIALIZE", first, ctx, "unserialize", call, "high")
    return []
