"""JavaScript and TypeScript sinks: eval/new Function/vm, child_process, SQL strings, node-serialize.

``exec`` is also ``RegExp.prototype.exec``, so a command sink needs ``child_process``
in the file and a callee bound to it (``cp.exec``, ``const { exec } = require(...)``).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from tritter_data.security.insecure import sinks
from tritter_data.security.insecure.common import VERDICTS, Hit, payload_verdict, value_hit
from tritter_data.security.insecure.sink_tables import JS_CHILD_PROCESS
from tritter_data.security.insecure.sinks import Sink, Site
from tritter_data.security.insecure.syntax import Context, arguments, callee_name, last_name
from tritter_data.security.insecure.taint import trace

_EVAL_ALIAS = re.compile(rb"([\w$]+)\s*=\s*(?:window\.|globalThis\.|self\.)?eval\s*[;,\n)]")
#: Modules whose functions are sinks only when bound to the module: module -> those functions.
BOUND_MODULES = {"child_process": frozenset(JS_CHILD_PROCESS), "node-serialize": frozenset({"unserialize"}),
                 "serialize-to-js": frozenset({"deserialize"})}
SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "cmd", "cmd.exe", "powershell", "pwsh"})
@functools.cache
def _import_patterns(module: str) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """(``const m = require(module)`` / ``import m from``, ``{ a: b } = require(module)`` / ``import { a as b }``)."""
    quoted = rb"['\"](?:node:)?" + re.escape(module.encode()) + rb"['\"]"
    alias = re.compile(rb"(?:const|let|var)\s+(\w+)\s*=\s*require\(\s*" + quoted + rb"\s*\)"
                       rb"|import\s+(?:\*\s+as\s+)?(\w+)\s+from\s+" + quoted)
    destructured = re.compile(rb"\{([^{}]{1,300})\}\s*=\s*require\(\s*" + quoted
                              + rb"|import\s*\{([^{}]{1,300})\}\s*from\s*" + quoted)
    return alias, destructured


def _module_names(ctx: Context, module: str) -> tuple[set[str], dict[str, str]]:
    """(module aliases, imported function name -> its name in ``module``) bound in this file."""
    source = ctx.file or ctx.source
    if module.encode() not in source:
        return set(), {}
    alias, destructured = _import_patterns(module)
    aliases = {(m.group(1) or m.group(2)).decode() for m in alias.finditer(source)}
    names: dict[str, str] = {}
    for match in destructured.finditer(source):
        for part in (match.group(1) or match.group(2)).decode().split(","):
            bits = re.split(r"\s*(?::|\bas\b)\s*", part.strip())
            if bits and bits[-1]:
                names[bits[-1].strip()] = bits[0].strip()
    return aliases, names


def _bound_function(callee: str, ctx: Context, module: str) -> str | None:
    """``cp.exec`` / ``run`` (from ``{ exec: run }``) -> ``exec``; None when not from ``module``."""
    aliases, names = _module_names(ctx, module)
    if "." not in callee:
        return names.get(callee)
    obj, _, name = callee.rpartition(".")
    if obj in aliases or obj.replace(" ", "").replace('"', "'") == f"require('{module}')":
        return name
    return None


def _shell_option(call: Any) -> bool:
    for arg in arguments(call):
        if arg.type == "object":
            for pair in arg.named_children:
                key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
                if key is not None and value is not None and key.text == b"shell" and \
                        (value.type == "true" or (value.type == "string" and len(value.text) > 2)):  # shell: "/bin/sh"
                    return True
    return False


def alias_names(data: bytes) -> list[bytes]:
    """Local names of sinks in this file (``var f = eval``, ``{ exec: run } = require("child_process")``).

    The prefilter scans for calls of these names too, so ``f(s)`` and ``run(cmd)`` are parsed.
    """
    names = set(_EVAL_ALIAS.findall(data)) if b"eval" in data else set()
    for module in BOUND_MODULES:
        if module.encode() not in data:
            continue
        for match in _import_patterns(module)[1].finditer(data):
            for part in (match.group(1) or match.group(2)).split(b","):
                bits = re.split(rb"\s*(?::|\bas\b)\s*", part.strip())
                if len(bits) == 2 and bits[1]:
                    names.add(bits[1].strip())  # { exec: run } = require("child_process")
    return sorted(name for name in names if re.fullmatch(rb"[\w$]{1,60}", name))


def _eval_aliases(ctx: Context) -> set[bytes]:
    source = ctx.file or ctx.source
    return set(_EVAL_ALIAS.findall(source)) if b"eval" in source else set()


def site(call: Any, ctx: Context) -> Site | None:
    """A call or ``new``, with eval's other names and child_process's functions under any alias canonicalised."""
    if call.type not in ("call_expression", "new_expression"):
        return None
    written = callee_name(call, ctx)
    callee, name = written, last_name(written)
    if call.type == "call_expression":
        bare = "(" not in written and "." not in written
        if written.startswith("(") and written.replace(" ", "").endswith(",eval)"):
            callee = "(0, eval)"  # indirect eval
        elif written == 'window["eval"]':
            callee = "window['eval']"
        elif bare and written.encode() in _eval_aliases(ctx):
            callee = "eval"  # var f = eval; f(s)
        else:
            for module in BOUND_MODULES:  # child_process, serialisers: bound by require/import
                function = _bound_function(written, ctx, module) if module.encode() in (ctx.file or ctx.source) \
                    and (name in BOUND_MODULES[module] or bare) else None
                if function is not None:
                    callee, name = f"{module}.{function}", function
                    break
    receiver = callee.rpartition(".")[0] if "." in callee and call.type == "call_expression" else None
    return Site(call, callee, name, receiver, arguments(call), shown=written)


def check(call: Any, ctx: Context) -> list[Hit]:
    return sinks.check("javascript", site(call, ctx), ctx, _VERDICTS)


def _timer(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """``setTimeout("code", 1)`` compiles its string; ``setTimeout(fn, 1)`` with a callback does not."""
    first = site.args[0] if site.args else None
    if first is None or first.type not in ("string", "template_string", "binary_expression", "identifier",
                                           "member_expression"):
        return []
    value = trace(first, ctx)
    if first.type in ("identifier", "member_expression") and value.kind == "tainted" and \
            value.via_param and not value.built:
        return []  # a parameter handed on is a callback, not code text
    if value.kind == "tainted" or (value.kind == "const" and first.type != "identifier"):
        return value_hit(sink.rule, value, ctx, site.shown, site.call)
    return []


def _vm2(sink: Sink, site: Site, ctx: Context) -> list[Hit] | None:
    """vm2: ``new VM().run(code)``, ``nodeVM.run(code)``; ``run`` on anything else is not this sink."""
    if "vm" not in (site.receiver or "").lower():
        return None
    return payload_verdict(sink, site, ctx)


def _spawn(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """spawn/execFile: a shell only with ``shell: true``; else only a program named by a source matters.

    ``spawn("sh", ["-c", cmd])`` hands ``cmd`` to a shell: that element is judged as a command.
    """
    if _shell_option(site.call):
        return payload_verdict(sink, site, ctx)
    first = site.args[0] if site.args else None
    program = trace(first, ctx) if first is not None else None
    if program is not None and isinstance(program.folded, str) and \
            program.folded.rsplit("/", 1)[-1].lower() in SHELLS and len(site.args) > 1:
        vector = trace(site.args[1], ctx).items or []
        flag = next((i for i, v in enumerate(vector[:-1]) if v.folded in ("-c", "/c", "/C")), None)
        return value_hit(sink.rule, vector[flag + 1], ctx, site.shown, site.call) if flag is not None else []
    value = trace(first, ctx) if first is not None else None
    return value_hit(sink.rule, value, ctx, site.shown, site.call) if value is not None and \
        value.kind == "tainted" else []


_VERDICTS = {**VERDICTS, "js.timer": _timer, "js.vm2": _vm2, "js.spawn": _spawn}
