"""Rust: the sinks are entries of ``sink_tables_more.RUST``; special here is the ``Command`` builder chain
(``Command::new("sh").arg("-c").arg(cmd)``: the script matters; ``Command::new(var)``: the program)."""

from __future__ import annotations

from typing import Any

from tritter_data.security.insecure import sinks
from tritter_data.security.insecure.common import VERDICTS, Hit, payload_hit, value_hit
from tritter_data.security.insecure.sinks import Sink, Site
from tritter_data.security.insecure.syntax import Context, arguments, callee_name, last_name, unwrap
from tritter_data.security.insecure.taint import trace

SHELLS = frozenset({'"sh"', '"bash"', '"zsh"', '"/bin/sh"', '"/bin/bash"', '"cmd"', '"cmd.exe"', '"powershell"'})
SHELL_FLAGS = frozenset({'"-c"', '"/C"', '"/c"', '"-Command"'})

def site(call: Any, ctx: Context) -> Site | None:
    if call.type != "call_expression":
        return None
    written = callee_name(call, ctx)
    callee = "Command::new" if written.endswith("Command::new") else written
    name = last_name(callee.split("::<", 1)[0])
    return Site(call, callee, name, None, arguments(call), shown=written)


def check(call: Any, ctx: Context) -> list[Hit]:
    return sinks.check("rust", site(call, ctx), ctx, _VERDICTS)


def _command(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    return _shell(site.call, site.args, ctx)


_VERDICTS = {**VERDICTS, "rs.command": _command}


def _shell(call: Any, args: list[Any], ctx: Context) -> list[Hit]:
    """Follow the builder chain ``Command::new(sh).arg("-c").arg(cmd)``; judge the command."""
    if not args:
        return []
    if ctx.text(args[0]) not in SHELLS:
        if unwrap(args[0]).type == "string_literal":
            return []
        value = trace(args[0], ctx)
        return value_hit("RS-PROCESS", value, ctx, "Command::new", call, needs_input=True) \
            if value.kind == "tainted" else []
    values: list[Any] = []
    node = call
    for _ in range(30):
        field = node.parent
        outer = field.parent if field is not None else None
        if field is None or field.type != "field_expression" or outer is None or outer.type != "call_expression":
            break
        method = field.child_by_field_name("field")
        name = method.text if method is not None else b""
        outer_args = arguments(outer)
        if name == b"arg":
            values += outer_args
        elif name == b"args" and outer_args:
            array = unwrap(outer_args[0])
            values += array.named_children if array.type == "array_expression" else [array]
        node = outer
    for index, value in enumerate(values[:-1]):
        if ctx.text(value) in SHELL_FLAGS:
            return payload_hit("RS-SHELL", values[index + 1], ctx, ctx.text(args[0]), call)
    return []
