"""Python: the sinks are entries of ``sink_tables.PYTHON``; special here are the callee's canonical name
through the file's imports (``from pickle import loads``) and dynamic lookups (``getattr(os, "system")``), eval/exec's use (a file, a code object),
PyYAML's Loader, ruamel's unsafe loader, Django ``extra()``, ``RawSQL``/``text()`` judged where they
run, and argument vectors (the program, or a shell's ``-c`` script, matters).

    >>> from tritter_data.security.insecure.engine import analyse_insecure
    >>> [(f.rule_id, f.severity, f.line) for f in analyse_insecure("import sys\\ny = eval(sys.argv[1])\\n", "python")]
    [('PY-EVAL', 'critical', 2)]

A name of unknown origin reaching the sink is low severity (it costs score, not the label)::

    >>> [(f.rule_id, f.severity, f.line) for f in analyse_insecure("x = 1\\ny = eval(data)\\n", "python")]
    [('PY-EVAL', 'low', 2)]
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Any

from tritter_data.security.insecure import sinks
from tritter_data.security.insecure.common import (
    VERDICTS,
    Hit,
    payload_verdict,
    sql_hit,
    sql_verdict,
    tainted_verdict,
    value_hit,
)
from tritter_data.security.insecure.sink_tables import PY_IMPORT_MODULES, PY_SQL_METHODS
from tritter_data.security.insecure.sinks import Sink, Site
from tritter_data.security.insecure.syntax import Context, arguments, callee_name, keyword, last_name
from tritter_data.security.insecure.taint import trace

SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "cmd", "cmd.exe", "powershell", "pwsh"})
SAFE_LOADERS = (b"SafeLoader", b"CSafeLoader", b"BaseLoader", b"CBaseLoader")
_MODULES = b"(" + "|".join(sorted(PY_IMPORT_MODULES)).encode() + b")"
_FROM_IMPORT = re.compile(rb"(?m)^[ \t]*from[ \t]+" + _MODULES + rb"[ \t]+import[ \t]+\(?([\w, \t]+)")
_IMPORT_AS = re.compile(rb"(?m)^[ \t]*import[ \t]+" + _MODULES + rb"[ \t]+as[ \t]+(\w+)")


_IMPORT_CALL = re.compile(r"""__import__\(\s*['"]([\w.]+)['"]\s*\)""")
_GETATTR = re.compile(r"""^getattr\(\s*([\w.]+)\s*,\s*['"](\w+)['"]\s*\)$""")


@functools.lru_cache(maxsize=8)
def _aliases(source: bytes) -> dict[str, str]:
    """Local names bound by imports: ``loads`` -> ``pickle.loads``, ``pkl`` -> ``pickle``."""
    names: dict[str, str] = {}
    for match in _FROM_IMPORT.finditer(source):
        module = match.group(1).decode()
        for part in match.group(2).decode().split(","):
            bits = part.split()
            if len(bits) == 1:
                names[bits[0]] = f"{module}.{bits[0]}"
            elif len(bits) == 3 and bits[1] == "as":
                names[bits[2]] = f"{module}.{bits[0]}"
    for match in _IMPORT_AS.finditer(source):
        names[match.group(2).decode()] = match.group(1).decode()
    return names


def _canonical(callee: str, ctx: Context) -> str:
    """``loads`` -> ``pickle.loads`` and ``pkl.loads`` -> ``pickle.loads`` when imported so."""
    if "(" in callee:  # getattr(os, "system"), __import__("os").system: the same function, looked up by name
        callee = _GETATTR.sub(r"\1.\2", _IMPORT_CALL.sub(r"\1", callee))
    head = callee.partition(".")[0]
    if head in PY_IMPORT_MODULES or callee in ("eval", "exec"):
        return callee  # already canonical: the common case costs no import scan
    source = ctx.file or ctx.source
    aliases = _aliases(source)
    head, dot, tail = callee.partition(".")
    if head in aliases and (dot or "." in aliases[head]):
        return aliases[head] + dot + tail
    return callee


def site(call: Any, ctx: Context) -> Site | None:
    """A Python call with its callee canonicalised through the file's imports."""
    if call.type != "call":
        return None
    callee = _canonical(callee_name(call, ctx), ctx)
    receiver = callee.rpartition(".")[0] if "." in callee else None
    return Site(call, callee, last_name(callee), receiver, arguments(call))


def check(call: Any, ctx: Context) -> list[Hit]:
    return sinks.check("python", site(call, ctx), ctx, _VERDICTS)


def _code(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """eval/exec: the fix depends on what is evaluated (a file's text, a code object)."""
    first = site.args[0] if site.args else None
    return [replace(hit, use=_use(first, ctx)) for hit in payload_verdict(sink, site, ctx)]


def _yaml(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """PyYAML: the Loader decides; a Loader of the project's own is usually a SafeLoader (low)."""
    call, args, callee = site.call, site.args, site.callee
    loader = keyword(call, b"Loader")
    if loader is None and len(args) > 1:
        loader = args[1]
    if site.name in ("load", "load_all") and loader is not None and loader.text.endswith(SAFE_LOADERS):
        return []
    if site.name in ("load", "load_all") and loader is not None and \
            loader.text.rsplit(b".", 1)[-1] not in (b"Loader", b"UnsafeLoader", b"FullLoader", b"CLoader"):
        return [Hit(sink.rule, "low", callee, call)]
    return payload_verdict(sink, site, ctx)


def _ruamel(sink: Sink, site: Site, ctx: Context) -> list[Hit] | None:
    """ruamel.yaml's ``YAML(typ="unsafe").load``: ``load`` is too common a name to judge without that."""
    source = ctx.file or ctx.source
    if b"typ='unsafe'" in source or b'typ="unsafe"' in source or site.callee.startswith("ruamel"):
        return payload_verdict(sink, site, ctx)
    return None


def _extra(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """Django ``QuerySet.extra(where=[...], select={...})``: each fragment is SQL by contract."""
    for key in (b"where", b"select", b"tables", b"order_by"):
        value = keyword(site.call, key)
        parts = value.named_children if value is not None else []
        hits = [hit for part in parts for hit in sql_hit(sink.rule, part, ctx, "extra", site.call, True)]
        if hits:
            return hits[:1]
    return []


def _sql_text(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """``RawSQL(q)``/``text(q)``: judged where it is executed when it is passed straight to one."""
    outer = site.call.parent.parent if site.call.parent is not None else None
    if outer is not None and outer.type == "call" and \
            last_name(callee_name(outer, ctx)) in PY_SQL_METHODS:
        return []
    return sql_verdict(sink, site, ctx)


def _argv(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """``os.execv(prog, argv)``, ``create_subprocess_exec(*argv)``; ``os.spawn*`` skip the mode (arg 1 on)."""
    start = sink.arg if isinstance(sink.arg, int) else 0
    return _argv_hit(site.args[start:], ctx, site.callee, site.call, program_first=True)


def _subprocess(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """``subprocess.run([...])`` without a shell: the argument list."""
    first = site.args[0] if site.args else None
    if first is None:
        return []
    return _argv_hit(first.named_children if first.type == "list" else [first], ctx, site.callee, site.call)


def _console(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """``console.push(line)``; a console class calling its own ``self.push`` is the REPL itself, by design."""
    if site.receiver == "self" or (site.receiver or "").startswith("super("):
        return []
    return tainted_verdict(sink, site, ctx)


_VERDICTS = {**VERDICTS, "py.console": _console, "py.code": _code, "py.yaml": _yaml, "py.ruamel": _ruamel, "py.extra": _extra,
             "py.sql_text": _sql_text, "py.argv": _argv, "py.subprocess": _subprocess}


def _use(payload: Any, ctx: Context) -> str:
    """``file`` for ``exec(open(p).read())``, ``code`` for ``eval(compile(...))``: the fix depends on it."""
    if payload is None:
        return ""
    text = ctx.text(payload)
    if payload.type == "identifier":
        assigned = ctx.resolve(payload)
        text = ctx.text(assigned) if assigned is not None else text
    if text.startswith("compile("):
        return "code"
    return "file" if ".read(" in text or "read_text(" in text or "open(" in text else ""


def _argv_hit(argv: list[Any], ctx: Context, sink: str, call: Any, program_first: bool = False) -> list[Hit]:
    """A program started from an argument vector: the program itself, or ``sh -c <command>``, must be tainted.

    ``subprocess.run(["grep", pattern, path])`` hands ``pattern`` to grep as one argument: no
    shell parses it, so it is not command injection. ``program_first``: the first argument is the
    program's path whatever follows (``os.spawnlp(mode, file, ...)``, ``os.execv(path, args)``), not a
    vector that might hold it.
    """
    if not argv:
        return []
    values = [trace(node, ctx) for node in argv[:8]]
    if len(argv) == 1 and values[0].items:  # os.execv(cmd) with cmd = ["sh", "-c", ...]
        values = values[0].items[:8]
    program = values[0].folded.rsplit("/", 1)[-1].lower() if isinstance(values[0].folded, str) else None
    if program in SHELLS and len(values) > 1 and values[1].items:  # os.execve("/bin/sh", ["sh", "-c", cmd], env)
        values = values[:1] + values[1].items[:8]
    if program in SHELLS:
        flag = next((i for i, v in enumerate(values[1:-1], 1) if v.folded in ("-c", "/c", "/C")), None)
        return value_hit("PY-PROCESS", values[flag + 1], ctx, sink, call) if flag is not None else []
    if values[0].kind == "const":
        return []
    splat = argv[0].type in ("list_splat", "dictionary_splat")  # create_subprocess_exec(*cmd): a vector
    if len(argv) == 1 and argv[0].type != "list" and (splat or not program_first):  # a vector we cannot see into
        return [Hit("PY-PROCESS", "low", sink, call)]
    return value_hit("PY-PROCESS", values[0], ctx, sink, call, needs_input=True)
