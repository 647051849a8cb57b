"""Java: how a call reads (``new`` by its class's simple name, methods by name) and the verdicts only Java needs.

The sinks themselves (JDBC/JPA/Hibernate/Spring SQL, ``Runtime.exec``/``ProcessBuilder``,
``ObjectInputStream``/``XMLDecoder``/XStream/SnakeYAML, script and expression engines) are
entries of ``sink_tables.JAVA``. Special here: a command's vector (a fixed program that is not
a shell takes its arguments verbatim) and ``readObject()``, whose payload is the stream it reads.
"""

from __future__ import annotations

from typing import Any

from tritter_data.security.insecure import sinks
from tritter_data.security.insecure.common import VERDICTS, Hit, any_hit
from tritter_data.security.insecure.sinks import Sink, Site, label
from tritter_data.security.insecure.syntax import Context, arguments, callee_name
from tritter_data.security.insecure.taint import trace

SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh"})


def site(call: Any, ctx: Context) -> Site | None:
    if call.type == "object_creation_expression":
        kind = call.child_by_field_name("type")
        name = "new " + (ctx.text(kind).rsplit(".", 1)[-1] if kind is not None else "")
        return Site(call, name, name, None, arguments(call))
    if call.type != "method_invocation":
        return None
    name_node, receiver = call.child_by_field_name("name"), call.child_by_field_name("object")
    name = ctx.text(name_node) if name_node is not None else ""
    return Site(call, callee_name(call, ctx), name, ctx.text(receiver) if receiver is not None else None,
                arguments(call))


def check(call: Any, ctx: Context) -> list[Hit]:
    return sinks.check("java", site(call, ctx), ctx, _VERDICTS)


def _exec(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """Any tainted part of the command, except arguments handed to a fixed program that is not a shell.

    ``new ProcessBuilder("ls", dir)`` passes ``dir`` to ``ls`` as one argument: no shell parses it.
    ``new ProcessBuilder("sh", "-c", "ls " + dir)`` and ``Runtime.exec("ls " + dir)`` are findings.
    ``arg="all"`` marks the varargs forms (``ProcessBuilder(String...)``, ``command(String...)``).
    """
    args, varargs = site.args, sink.arg == "all"
    if not args:
        return []
    vector = [trace(arg, ctx) for arg in args] if varargs and len(args) > 1 else trace(args[0], ctx).items
    rest = [] if varargs else args[1:]
    where = label(sink, site)
    if vector and vector[0].kind == "const" and isinstance(vector[0].folded, str) \
            and vector[0].folded.rsplit("/", 1)[-1].lower() not in SHELLS:
        return any_hit(sink.rule, rest, ctx, where, site.call) if rest else []
    return any_hit(sink.rule, args, ctx, where, site.call)


def _read_object(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """``in.readObject()`` of an ``ObjectInputStream``: always a finding; the stream's source names the path."""
    if site.args:
        return []
    receiver = site.call.child_by_field_name("object")
    value = trace(receiver, ctx) if receiver is not None else None
    origin = value.origin if value is not None and value.kind == "tainted" else None
    return [Hit(sink.rule, sink.severity, label(sink, site), site.call, origin)]


_VERDICTS = {**VERDICTS, "java.exec": _exec, "java.read_object": _read_object}
