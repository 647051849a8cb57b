"""Java sinks: SQL strings in JDBC/JPA/Hibernate/Spring calls, ``Runtime.exec``/``ProcessBuilder``
(any tainted argument: the program, its arguments, its environment), Java deserialisation
(``ObjectInputStream``, ``XMLDecoder``, XStream, SnakeYAML), script and expression engines."""

from __future__ import annotations

from typing import Any

from tritter_data.security.insecure.common import Hit, any_hit, payload_hit, sql_hit
from tritter_data.security.insecure.syntax import Context, arguments, callee_name
from tritter_data.security.insecure.taint import trace

SQL_METHODS = frozenset({
    "executeQuery", "executeUpdate", "executeLargeUpdate", "execute", "addBatch", "prepareStatement",
    "prepareCall", "createQuery", "createNativeQuery", "createSQLQuery", "queryForList", "queryForObject",
    "queryForMap", "queryForRowSet", "queryForLong", "queryForInt", "queryForStream", "query", "update",
    "batchUpdate", "sqlRestriction", "nativeQuery", "executeSql",
})
SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh"})
_SQL_NAMES = "|".join(sorted(SQL_METHODS | {"sqlRestriction", "setFilter", "setGrouping", "setOrdering", "newQuery",
                                            "setResult"}))
PREFILTER = (
    rb"\.(?:" + _SQL_NAMES.encode() + rb")\s*\("
    rb"|\bnew\s+(?:java\.lang\.)?ProcessBuilder\s*\(|\bnew\s+(?:java\.beans\.)?XMLDecoder\s*\("
)
GATED = (
    (b"Runtime", rb"\.exec\s*\("),
    (b"ProcessBuilder", rb"\.command\s*\("),
    (b"ObjectInputStream", rb"\.read(?:Object|Unshared)\s*\("),
    (b"ScriptEngine", rb"\.eval\s*\("),
    (b"GroovyShell", rb"\.(?:evaluate|parse|run)\s*\("),
    (b"ExpressionParser", rb"\.parseExpression\s*\("),
    (b"XStream", rb"\.fromXML\s*\("),
    (b"Yaml", rb"\.load(?:All|As)?\s*\("),
)


def check(call: Any, ctx: Context) -> list[Hit]:
    args = arguments(call)
    first = args[0] if args else None
    source = ctx.file or ctx.source
    if call.type == "object_creation_expression":
        kind = call.child_by_field_name("type")
        kind_text = ctx.text(kind).rsplit(".", 1)[-1] if kind is not None else ""
        if kind_text == "ProcessBuilder":
            return _exec_hit(args, ctx, "new ProcessBuilder()", call, varargs=True)
        if kind_text == "XMLDecoder":
            return payload_hit("JAVA-DESER", first, ctx, "XMLDecoder.readObject", call, "high")
        return []
    if call.type != "method_invocation":
        return []
    name_node = call.child_by_field_name("name")
    name = ctx.text(name_node) if name_node is not None else ""
    callee = callee_name(call, ctx)
    if name == "exec" and b"Runtime" in source:
        return _exec_hit(args, ctx, "Runtime.exec()", call, varargs=False)
    if name == "command" and args and b"ProcessBuilder" in source:
        return _exec_hit(args, ctx, "ProcessBuilder.command()", call, varargs=True)
    if name in ("readObject", "readUnshared") and not args and b"new ObjectInputStream" in source:
        receiver = call.child_by_field_name("object")
        value = trace(receiver, ctx) if receiver is not None else None
        origin = value.origin if value is not None and value.kind == "tainted" else None
        return [Hit("JAVA-DESER", "high", f"ObjectInputStream.{name}", call, origin)]
    if name == "fromXML" and b"XStream" in source:
        return payload_hit("JAVA-DESER", first, ctx, "XStream.fromXML", call, "high")
    if name in ("load", "loadAll", "loadAs") and b"org.yaml.snakeyaml" in source and b"SafeConstructor" not in source:
        return payload_hit("JAVA-DESER", first, ctx, f"Yaml.{name}", call, "high")
    if name == "eval" and b"ScriptEngine" in source:
        return payload_hit("JAVA-SCRIPT-EVAL", first, ctx, "ScriptEngine.eval", call)
    if name in ("evaluate", "parse", "run") and b"GroovyShell" in source and "." in callee:
        return payload_hit("JAVA-SCRIPT-EVAL", first, ctx, f"GroovyShell.{name}", call)
    if name == "parseExpression" and b"ExpressionParser" in source:
        return payload_hit("JAVA-SCRIPT-EVAL", first, ctx, "ExpressionParser.parseExpression", call)
    if name in SQL_METHODS or name in FRAGMENT_METHODS:
        fragment = name in FRAGMENT_METHODS
        chosen = args if name in ("batchUpdate", "newQuery") else args[:1]
        for arg in chosen:
            hits = sql_hit("JAVA-SQL", arg, ctx, name, call, known_sql=fragment)
            if hits:
                return hits
    return []


#: JDO/Hibernate methods whose argument is a query fragment by contract (a filter, an ordering).
FRAGMENT_METHODS = frozenset({"sqlRestriction", "setFilter", "setGrouping", "setOrdering", "newQuery", "setResult"})


def _exec_hit(args: list[Any], ctx: Context, sink: str, call: Any, varargs: bool) -> list[Hit]:
    """Any tainted part of the command, except arguments handed to a fixed program that is not a shell.

    ``new ProcessBuilder("ls", dir)`` passes ``dir`` to ``ls`` as one argument: no shell parses it.
    ``new ProcessBuilder("sh", "-c", "ls " + dir)`` and ``Runtime.exec("ls " + dir)`` are findings.
    """
    if not args:
        return []
    vector = [trace(arg, ctx) for arg in args] if varargs and len(args) > 1 else trace(args[0], ctx).items
    rest = [] if varargs else args[1:]
    if vector and vector[0].kind == "const" and isinstance(vector[0].folded, str) \
            and vector[0].folded.rsplit("/", 1)[-1].lower() not in SHELLS:
        return any_hit("JAVA-EXEC", rest, ctx, sink, call) if rest else []
    return any_hit("JAVA-EXEC", args, ctx, sink, call)
