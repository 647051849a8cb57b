"""PHP sinks: eval/create_function, shell functions and backticks, unserialize, SQL strings."""

from __future__ import annotations

from typing import Any

from tritter_data.security.insecure.common import Hit, payload_hit, sql_hit
from tritter_data.security.insecure.syntax import Context, arguments, callee_name, classify, last_name, unwrap
from tritter_data.security.insecure.taint import trace

SHELL_FUNCTIONS = frozenset({"system", "exec", "shell_exec", "passthru", "popen", "proc_open", "pcntl_exec"})
SQL_FUNCTIONS = frozenset({"mysqli_query", "mysql_query", "mysqli_real_query", "mysqli_multi_query", "pg_query",
                           "sqlite_query", "mssql_query", "odbc_exec"})
SQL_METHODS = frozenset({"query", "exec", "prepare", "execute", "rawQuery", "select", "statement", "unprepared",
                         "raw", "multi_query", "real_query", "get_var", "get_results", "get_row", "get_col"})
#: assert() arguments that hold a string to evaluate (a comparison such as ``$x > 1`` is a boolean).
_CODE_HOLDERS = frozenset({"variable_name", "subscript_expression", "member_access_expression"})
#: Query-builder methods (Doctrine, Laravel) whose first argument is an SQL/DQL fragment by contract.
FRAGMENT_METHODS = frozenset({"where", "andWhere", "orWhere", "having", "andHaving", "orHaving", "orderBy",
                              "whereRaw", "orWhereRaw", "havingRaw", "orderByRaw", "selectRaw", "groupByRaw",
                              "createQuery", "createNativeQuery", "executeQuery", "executeStatement"})

PREFILTER = (
    rb"\b(?:eval|assert|create_function)\s*\(|\b(?:system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec)\s*\("
    rb"|`[^`\n]{0,200}\$|\bunserialize\s*\("
    rb"|\b(?:mysqli?_query|mysqli_real_query|mysqli_multi_query|pg_query|sqlite_query|mssql_query|odbc_exec)\s*\("
    rb"|(?:->|::)(?:query|exec|prepare|execute|rawQuery|select|statement|unprepared|raw|multi_query|real_query"
    rb"|get_var|get_results|get_row|get_col|where|andWhere|orWhere|having|andHaving|orHaving|orderBy|whereRaw|orWhereRaw|havingRaw|orderByRaw|selectRaw"
    rb"|groupByRaw|createQuery|createNativeQuery|executeQuery|executeStatement)\s*\("
)


def check(call: Any, ctx: Context) -> list[Hit]:
    if call.type == "shell_command_expression":
        dynamic = any(child.type not in ("string_content", "`") for child in call.children)
        return [Hit("PHP-SHELL", "critical" if dynamic else "low", "the backtick operator", call)]
    args = arguments(call)
    first = args[0] if args else None
    callee = callee_name(call, ctx)
    name = last_name(callee).lstrip("\\")
    if call.type == "function_call_expression":
        if name == "eval":
            return payload_hit("PHP-EVAL", first, ctx, "eval", call)
        if name == "assert" and first is not None and (classify(first, ctx) == "dynamic" or
                                                       unwrap(first).type in _CODE_HOLDERS):
            return payload_hit("PHP-EVAL", first, ctx, "assert", call)  # assert($code) evaluates a string (PHP < 8)
        if name == "create_function":
            return payload_hit("PHP-EVAL", args[-1] if args else None, ctx, "create_function", call)
        if name == "proc_open" and first is not None and unwrap(first).type == "array_creation_expression":
            return _argument_vector(unwrap(first), ctx, call)
        if name in SHELL_FUNCTIONS:
            return payload_hit("PHP-SHELL", first, ctx, f"{name}()", call)
        if name == "unserialize":
            if len(args) > 1 and b"allowed_classes" in args[1].text and b"false" in args[1].text.lower():
                return []
            return payload_hit("PHP-UNSERIALIZE", first, ctx, "unserialize", call, "high")
        if name in SQL_FUNCTIONS:
            for arg in args[:2]:
                hits = sql_hit("PHP-SQL", arg, ctx, name, call)
                if hits:
                    return hits
        return []
    if call.type in ("member_call_expression", "scoped_call_expression") and first is not None and \
            (name in SQL_METHODS or name in FRAGMENT_METHODS):
        return sql_hit("PHP-SQL", unwrap(first), ctx, name, call, known_sql=name in FRAGMENT_METHODS)
    return []


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
