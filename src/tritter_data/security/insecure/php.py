"""PHP: the sinks are entries of ``sink_tables_more.PHP``; special here are the backtick operator (syntax,
not a call), ``assert`` of a string, ``proc_open`` with an argument array and ``unserialize``'s
``allowed_classes``."""

from __future__ import annotations

from typing import Any

from tritter_data.security.insecure import sinks
from tritter_data.security.insecure.common import (
    VERDICTS,
    Hit,
    payload_hit,
    payload_verdict,
    tainted_verdict,
    value_hit,
    worst,
)
from tritter_data.security.insecure.sinks import Sink, Site
from tritter_data.security.insecure.syntax import Context, arguments, callee_name, classify, last_name, unwrap
from tritter_data.security.insecure.taint import trace

#: assert() arguments that hold a string to evaluate (a comparison such as ``$x > 1`` is a boolean).
_CODE_HOLDERS = frozenset({"variable_name", "subscript_expression", "member_access_expression"})


def site(call: Any, ctx: Context) -> Site | None:
    callee = callee_name(call, ctx)
    receiver = None
    if call.type in ("member_call_expression", "scoped_call_expression"):
        holder = call.child_by_field_name("object") or call.child_by_field_name("scope")
        receiver = ctx.text(holder) if holder is not None else ""
    return Site(call, callee, last_name(callee).lstrip("\\"), receiver, arguments(call))


def check(call: Any, ctx: Context) -> list[Hit]:
    return sinks.check("php", site(call, ctx), ctx, _VERDICTS)


def _backtick(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """`` `ls $dir` ``: a shell command, judged by what is interpolated (a request critical,
    ``escapeshellarg`` none, a value of unknown origin or a constant low)."""
    holes = [child for child in site.call.named_children if child.type not in ("string_content", "escape_sequence")]
    value = worst(holes, ctx)
    if value is None:
        return [Hit(sink.rule, "low", "the backtick operator", site.call)]
    return value_hit(sink.rule, value, ctx, "the backtick operator", site.call)


def _callable(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """``call_user_func($_GET['f'])`` calls any function; ``[$object, 'doUpdate']`` a fixed method of an object.

    Whichever object or class a caller hands over, a method named by a literal is the one that
    runs: not a callable chosen from outside.
    """
    first = unwrap(site.args[0]) if site.args else None
    if first is not None and first.type == "array_creation_expression":
        elements = [e.named_children[-1] for e in first.named_children if e.named_children]
        if len(elements) == 2 and elements[1].type in ("string", "encapsed_string") and \
                not any(c.type == "variable_name" for c in elements[1].named_children):
            return []
    return tainted_verdict(sink, site, ctx)


def _assert(sink: Sink, site: Site, ctx: Context) -> list[Hit] | None:
    """``assert($code)`` evaluates a string (PHP < 8); ``assert($x > 1)`` is a boolean."""
    first = site.args[0] if site.args else None
    if first is None or not (classify(first, ctx) == "dynamic" or unwrap(first).type in _CODE_HOLDERS):
        return None
    return payload_verdict(sink, site, ctx)


def _proc_open(sink: Sink, site: Site, ctx: Context) -> list[Hit] | None:
    first = site.args[0] if site.args else None
    if first is None or unwrap(first).type != "array_creation_expression":
        return None  # a command string: the shell functions' entry judges it
    return _argument_vector(unwrap(first), ctx, site.call)


def _unserialize(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """``unserialize($s, ['allowed_classes' => false])`` builds no objects: safe."""
    args = site.args
    if len(args) > 1 and b"allowed_classes" in args[1].text and b"false" in args[1].text.lower():
        return []
    return payload_verdict(sink, site, ctx)


_VERDICTS = {**VERDICTS, "php.backtick": _backtick, "php.callable": _callable, "php.assert": _assert, "php.proc_open": _proc_open,
             "php.unserialize": _unserialize}


SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ksh", "cmd", "cmd.exe", "powershell", "pwsh"})


def _argument_vector(vector: Any, ctx: Context, call: Any) -> list[Hit]:
    """``proc_open(['ls', $dir], ...)`` (PHP 7.4+) starts the program directly: no shell parses ``$dir``.

    The program itself and a shell's ``-c`` script still matter.
    """
    elements = [e.named_children[-1] for e in vector.named_children if e.type == "array_element_initializer"
                and e.named_children]
    if not elements:
        return []
    program = trace(elements[0], ctx)
    if program.kind == "const" and isinstance(program.folded, str):
        if program.folded.rsplit("/", 1)[-1].lower() not in SHELLS:
            return []
        return payload_hit("PHP-SHELL", elements[-1], ctx, "proc_open()", call) if len(elements) > 1 else []
    return payload_hit("PHP-SHELL", elements[0], ctx, "proc_open()", call)
