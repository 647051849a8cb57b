"""Rust sinks: ``format!``-built SQL passed to a query method; ``Command::new("sh").arg("-c")``."""

from __future__ import annotations

from typing import Any

from tritter_data.security.insecure.common import Hit, payload_hit, sql_hit, value_hit
from tritter_data.security.insecure.syntax import Context, arguments, callee_name, last_name, unwrap
from tritter_data.security.insecure.taint import trace

SQL_METHODS = frozenset({
    "query", "query_as", "query_one", "query_opt", "query_row", "query_map", "query_scalar", "execute",
    "execute_batch", "batch_execute", "prepare", "prepare_cached", "simple_query", "sql_query",
})
SHELLS = frozenset({'"sh"', '"bash"', '"zsh"', '"/bin/sh"', '"/bin/bash"', '"cmd"', '"cmd.exe"', '"powershell"'})
SHELL_FLAGS = frozenset({'"-c"', '"/C"', '"/c"', '"-Command"'})

PREFILTER = (
    rb"\.(?:query|query_as|query_one|query_opt|query_row|query_map|query_scalar|execute|execute_batch|batch_execute"
    rb"|prepare|prepare_cached|simple_query)\s*\(|\b(?:query|query_as|query_scalar|sql_query)\s*(?:::<[^>\n]{0,80}>)?\s*\("
    rb"|\bCommand::new\s*\("
)


def check(call: Any, ctx: Context) -> list[Hit]:
    if call.type != "call_expression":
        return []
    callee = callee_name(call, ctx)
    args = arguments(call)
    if callee.endswith("Command::new"):
        return _shell(call, args, ctx)
    name = last_name(callee.split("::<", 1)[0])
    if name in SQL_METHODS and args:
        return sql_hit("RS-SQL", args[0], ctx, name, call)
    return []


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
