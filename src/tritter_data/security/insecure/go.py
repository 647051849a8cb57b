"""Go sinks: ``fmt.Sprintf``/concatenated SQL passed to ``database/sql``; ``exec.Command("sh", "-c", ...)``."""

from __future__ import annotations

from typing import Any

from tritter_data.security.insecure.common import Hit, payload_hit, sql_hit
from tritter_data.security.insecure.syntax import Context, arguments, callee_name, last_name

SQL_METHODS = frozenset({
    "Query", "QueryRow", "QueryContext", "QueryRowContext", "Exec", "ExecContext", "Prepare", "PrepareContext",
    "Raw", "Select", "Get", "NamedExec", "Queryx", "QueryRowx", "MustExec",
})
SHELLS = frozenset({'"sh"', '"bash"', '"/bin/sh"', '"/bin/bash"', '"zsh"', '"cmd"', '"cmd.exe"', '"powershell"'})

PREFILTER = (
    rb"\.(?:Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext|Prepare|PrepareContext|Raw|Select|Get"
    rb"|NamedExec|Queryx|QueryRowx|MustExec)\s*\(|\bexec\.Command(?:Context)?\s*\("
)


def check(call: Any, ctx: Context) -> list[Hit]:
    if call.type != "call_expression":
        return []
    callee = callee_name(call, ctx)
    args = arguments(call)
    name = last_name(callee)
    if callee in ("exec.Command", "exec.CommandContext"):
        rest = args[1:] if name == "CommandContext" else args
        if len(rest) >= 3 and ctx.text(rest[0]) in SHELLS and ctx.text(rest[1]) in ('"-c"', '"/C"', '"/c"'):
            return payload_hit("GO-SHELL", rest[2], ctx, ctx.text(rest[0]), call)
        return []
    if name in SQL_METHODS and "." in callee:
        for arg in args[:2]:
            hits = sql_hit("GO-SQL", arg, ctx, name, call)
            if hits:
                return hits
    return []
