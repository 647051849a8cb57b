"""Java sinks: concatenated SQL in JDBC/JPA calls, ``Runtime.exec``/``ProcessBuilder`` through a
shell, ``ObjectInputStream.readObject``/``XMLDecoder``, ``ScriptEngine.eval``."""

from __future__ import annotations

from typing import Any

from tritter_data.security.insecure.common import Hit, payload_hit, sql_hit
from tritter_data.security.insecure.syntax import Context, arguments, callee_name

SQL_METHODS = frozenset({
    "executeQuery", "executeUpdate", "executeLargeUpdate", "execute", "addBatch", "prepareStatement",
    "prepareCall", "createQuery", "createNativeQuery", "createSQLQuery", "queryForList", "queryForObject",
    "queryForMap", "query", "update", "batchUpdate",
})
SHELLS = frozenset({'"sh"', '"bash"', '"/bin/sh"', '"/bin/bash"', '"cmd"', '"cmd.exe"', '"powershell"'})

PREFILTER = (
    rb"\.(?:executeQuery|executeUpdate|executeLargeUpdate|execute|addBatch|prepareStatement|prepareCall|createQuery"
    rb"|createNativeQuery|createSQLQuery|queryForList|queryForObject|queryForMap|query|update|batchUpdate)\s*\("
    rb"|\bnew\s+ProcessBuilder\s*\(|\bnew\s+XMLDecoder\s*\("
)
GATED = (
    (b"Runtime", rb"\.exec\s*\("),
    (b"ObjectInputStream", rb"\.read(?:Object|Unshared)\s*\("),
    (b"ScriptEngine", rb"\.eval\s*\("),
)


def _shell_command(values: list[Any], ctx: Context) -> Any | None:
    """In ``"sh", "-c", cmd`` return ``cmd``."""
    if len(values) >= 3 and ctx.text(values[0]) in SHELLS and ctx.text(values[1]) in ('"-c"', '"/c"', '"/C"'):
        return values[2]
    return None


def check(call: Any, ctx: Context) -> list[Hit]:
    args = arguments(call)
    first = args[0] if args else None
    source = ctx.file or ctx.source
    if call.type == "object_creation_expression":
        kind = call.child_by_field_name("type")
        kind_text = ctx.text(kind) if kind is not None else ""
        if kind_text == "ProcessBuilder":
            command = _shell_command(args, ctx)
            return payload_hit("JAVA-EXEC", command, ctx, "new ProcessBuilder(\"sh\", \"-c\", ...)", call) if command else []
        if kind_text == "XMLDecoder":
            return payload_hit("JAVA-DESER", first, ctx, "XMLDecoder.readObject", call, "high")
        return []
    if call.type != "method_invocation":
        return []
    name_node = call.child_by_field_name("name")
    name = ctx.text(name_node) if name_node is not None else ""
    callee = callee_name(call, ctx)
    if name == "exec" and "Runtime" in callee:
        if first is not None and first.type == "array_creation_expression":
            init = first.child_by_field_name("value")
            command = _shell_command(init.named_children, ctx) if init is not None else None
            return payload_hit("JAVA-EXEC", command, ctx, "Runtime.exec()", call) if command else []
        return payload_hit("JAVA-EXEC", first, ctx, "Runtime.exec()", call)
    if name in ("readObject", "readUnshared") and not args and b"new ObjectInputStream" in source:
        return [Hit("JAVA-DESER", "high", f"ObjectInputStream.{name}", call)]
    if name == "eval" and b"ScriptEngine" in source:
        return payload_hit("JAVA-SCRIPT-EVAL", first, ctx, "ScriptEngine.eval", call)
    if name in SQL_METHODS:
        return sql_hit("JAVA-SQL", first, ctx, name, call)
    return []
