"""Ruby sinks: eval family, shell via one interpolated string or backticks, Marshal, SQL fragments.

``system("ls", dir)`` with separate arguments does not use a shell; ``system("ls #{dir}")``
does. ActiveRecord methods take SQL fragments, so an interpolated string there is enough.
"""

from __future__ import annotations

from typing import Any

from tritter_data.security.insecure.common import Hit, payload_hit, sql_hit
from tritter_data.security.insecure.syntax import Context, arguments

EVALS = frozenset({"eval", "instance_eval", "class_eval", "module_eval"})
SHELL_METHODS = frozenset({"system", "exec", "spawn", "popen", "popen2", "popen2e", "popen3", "capture2",
                           "capture2e", "capture3", "pipeline"})
SHELL_RECEIVERS = frozenset({"", "Kernel", "IO", "Open3", "Process"})
SQL_METHODS = frozenset({"where", "find_by_sql", "execute", "exec_query", "select_all", "select_one", "select_value",
                         "select_rows", "order", "reorder", "group", "having", "joins", "pluck", "from", "lock",
                         "count_by_sql", "delete_all", "update_all", "not", "exec_params", "exec", "async_exec",
                         "query", "sync_exec", "prepare"})
DRIVER_METHODS = frozenset({"exec_params", "exec", "async_exec", "query", "sync_exec", "prepare"})

PREFILTER = (
    rb"\b(?:eval|instance_eval|class_eval|module_eval)\b|\b(?:system|exec|spawn|popen[23]?e?|capture[23]e?|pipeline)\b"
    rb"|`[^`\n]{0,200}#\{|%x|\bMarshal\.(?:load|restore)\b|\b(?:YAML|Psych)\.unsafe_load\b"
    rb"|\.(?:where|find_by_sql|execute|exec_query|select_all|select_one|select_value|select_rows|order|reorder"
    rb"|group|having|joins|pluck|from|lock|count_by_sql|delete_all|update_all|not|exec_params|async_exec|query"
    rb"|sync_exec|prepare)\b"
)


def check(call: Any, ctx: Context) -> list[Hit]:
    if call.type == "subshell":
        dynamic = any(child.type == "interpolation" for child in call.named_children)
        return [Hit("RB-SHELL", "critical" if dynamic else "low", "the backtick operator", call)]
    if call.type != "call":
        return []
    method_node, receiver_node = call.child_by_field_name("method"), call.child_by_field_name("receiver")
    method = ctx.text(method_node) if method_node is not None else ""
    receiver = ctx.text(receiver_node) if receiver_node is not None else ""
    args = arguments(call)
    first = args[0] if args else None
    if method in EVALS and first is not None:
        return payload_hit("RB-EVAL", first, ctx, method, call)
    if method in SHELL_METHODS and receiver in SHELL_RECEIVERS and len(args) == 1:
        return payload_hit("RB-SHELL", first, ctx, f"{receiver + '.' if receiver else ''}{method}()", call)
    if receiver == "Marshal" and method in ("load", "restore"):
        return payload_hit("RB-DESER", first, ctx, f"Marshal.{method}", call, "high")
    if receiver in ("YAML", "Psych") and method == "unsafe_load":
        return payload_hit("RB-DESER", first, ctx, f"{receiver}.unsafe_load", call, "high")
    if method in SQL_METHODS and receiver and receiver not in SHELL_RECEIVERS and first is not None:
        # pg/mysql2 method names are generic (exec, query): their text must read as SQL
        return sql_hit("RB-SQL", first, ctx, method, call, known_sql=method not in DRIVER_METHODS)
    return []
