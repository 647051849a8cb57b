"""C and C++: sinks in ``sink_tables_more.C_CPP`` (``system``/``popen``/``exec*``, SQL text to sqlite3, MySQL,
libpq, ODBC, libpqxx); special here is ``exec*``, whose program (or a shell's ``-c``) matters.

SQL in C is built in a buffer (``sprintf(q, "... '%s'", name)``, ``strcat(q, name)``); the taint
engine follows those writes into the buffer, so ``sqlite3_exec(db, q, ...)`` sees the name.
"""

from __future__ import annotations

from typing import Any

from tritter_data.security.insecure import sinks
from tritter_data.security.insecure.common import VERDICTS, Hit, value_hit
from tritter_data.security.insecure.sinks import Sink, Site
from tritter_data.security.insecure.syntax import Context, arguments, callee_name, last_name
from tritter_data.security.insecure.taint import trace

SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "cmd", "cmd.exe"})


def site(call: Any, ctx: Context) -> Site | None:
    if call.type != "call_expression":
        return None
    written = callee_name(call, ctx)
    callee = written[2:] if written.startswith("::") else written  # ::system(cmd) is system(cmd)
    receiver = callee.rpartition(".")[0] if "." in callee else None
    return Site(call, callee, last_name(callee), receiver, arguments(call), shown=written)


def check(call: Any, ctx: Context) -> list[Hit]:
    return sinks.check("c", site(call, ctx), ctx, _VERDICTS)


def _exec(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    return _exec_hit(site.callee, site.args, ctx, site.call)


_VERDICTS = {**VERDICTS, "c.exec": _exec}


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
