"""C and C++ sinks: ``system``/``popen``/``exec*`` and SQL text handed to sqlite3, MySQL, libpq, ODBC, libpqxx.

SQL in C is built in a buffer (``sprintf(q, "... '%s'", name)``, ``strcat(q, name)``); the taint
engine follows those writes into the buffer, so ``sqlite3_exec(db, q, ...)`` sees the name.
"""

from __future__ import annotations

from typing import Any

from tritter_data.security.insecure.common import Hit, payload_hit, sql_hit, value_hit
from tritter_data.security.insecure.syntax import Context, arguments, callee_name, last_name
from tritter_data.security.insecure.taint import trace

SHELL_FUNCTIONS = frozenset({"system", "popen", "_popen", "_wsystem", "_wpopen", "std::system", "wordexp"})
EXEC_FUNCTIONS = frozenset({"execl", "execlp", "execle", "execv", "execvp", "execvpe", "execve", "execvP"})
SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "cmd", "cmd.exe"})
#: function -> index of the SQL text argument.
SQL_FUNCTIONS = {
    "sqlite3_exec": 1, "sqlite3_prepare": 1, "sqlite3_prepare_v2": 1, "sqlite3_prepare_v3": 1,
    "sqlite3_prepare16": 1, "sqlite3_prepare16_v2": 1, "mysql_query": 1, "mysql_real_query": 1,
    "mysql_send_query": 1, "PQexec": 1, "PQsendQuery": 1, "PQprepare": 2, "PQexecParams": 1, "SQLExecDirect": 1,
    "SQLPrepare": 1, "OCIStmtPrepare": 2,
}
PQXX_METHODS = frozenset({"exec", "exec0", "exec1", "exec_n", "query", "query_value", "stream"})

PREFILTER = (
    rb"\b(?:std::)?(?:system|popen|_popen|_wsystem|_wpopen|wordexp)\s*\(|\bexec(?:l|lp|le|v|vp|vpe|ve|vP)\s*\("
    rb"|\b(?:sqlite3_exec|sqlite3_prepare(?:16)?(?:_v[23])?|mysql_(?:real_|send_)?query|PQexec(?:Params)?"
    rb"|PQsendQuery|PQprepare|SQLExecDirect|SQLPrepare|OCIStmtPrepare)\s*\("
)
GATED = ((b"pqxx", rb"\.(?:exec|exec0|exec1|exec_n|query|query_value|stream)\s*\("),)


def check(call: Any, ctx: Context) -> list[Hit]:
    if call.type != "call_expression":
        return []
    callee = callee_name(call, ctx)
    name = last_name(callee)
    args = arguments(call)
    if callee in SHELL_FUNCTIONS or (name in SHELL_FUNCTIONS and callee.startswith("::")):
        return payload_hit("C-SHELL", args[0] if args else None, ctx, f"{callee}()", call)
    if callee in EXEC_FUNCTIONS:
        return _exec_hit(callee, args, ctx, call)
    index = SQL_FUNCTIONS.get(callee)
    if index is not None and len(args) > index:
        return sql_hit("C-SQL", args[index], ctx, callee, call)
    if name in PQXX_METHODS and "." in callee and args and b"pqxx" in (ctx.file or ctx.source):
        return sql_hit("C-SQL", args[0], ctx, callee, call)
    return []


def _exec_hit(callee: str, args: list[Any], ctx: Context, call: Any) -> list[Hit]:
    """``execl("/bin/sh", "sh", "-c", cmd, NULL)``: the command; ``execvp(prog, argv)``: the program."""
    if not args:
        return []
    program = trace(args[0], ctx)
    name = program.folded.rsplit("/", 1)[-1] if isinstance(program.folded, str) else None
    if name in SHELLS:
        values = [trace(arg, ctx) for arg in args[1:8]]
        if callee in ("execv", "execvp", "execve", "execvpe", "execvP") and values and values[0].items:
            values = values[0].items
        flag = next((i for i, v in enumerate(values[:-1]) if v.folded == "-c"), None)
        return value_hit("C-SHELL", values[flag + 1], ctx, f"{callee}()", call) if flag is not None else []
    if program.kind == "tainted":
        return value_hit("C-EXEC", program, ctx, f"{callee}()", call, needs_input=True)
    return []
