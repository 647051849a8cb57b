"""Ruby: the sinks are entries of ``sink_tables_more.RUBY``; special here are backticks/``%x`` (syntax, not
calls), the shell methods (``system("ls", dir)`` with separate arguments runs no shell, ``system("ls #{dir}")``
does) and ActiveRecord fragments (an interpolated string there is enough, a driver's SQL must read as SQL).
"""

from __future__ import annotations

from typing import Any

from tritter_data.security.insecure import sinks
from tritter_data.security.insecure.common import (
    VERDICTS,
    Hit,
    payload_verdict,
    sql_hit,
    tainted_verdict,
    value_hit,
    worst,
)
from tritter_data.security.insecure.sink_tables_more import RB_FINDER_KEYS, RB_SHELL_RECEIVERS
from tritter_data.security.insecure.sinks import Sink, Site, label
from tritter_data.security.insecure.syntax import Context, arguments
from tritter_data.security.insecure.taint import trace


def site(call: Any, ctx: Context) -> Site | None:
    if call.type == "subshell":
        return Site(call, "", "", None, [])
    if call.type != "call":
        return None
    method_node, receiver_node = call.child_by_field_name("method"), call.child_by_field_name("receiver")
    method = ctx.text(method_node) if method_node is not None else ""
    receiver = ctx.text(receiver_node) if receiver_node is not None else ""
    return Site(call, f"{receiver}.{method}" if receiver else method, method, receiver, arguments(call))


def check(call: Any, ctx: Context) -> list[Hit]:
    return sinks.check("ruby", site(call, ctx), ctx, _VERDICTS)


def _backtick(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """`cmd #{x}`: judged by what the interpolated values are, as any other command string.

    A request value is critical, ``#{path.shellescape}`` is quoted (no finding), a value of unknown
    origin is low, like a constant command.
    """
    holes = [child.named_children[-1] for child in site.call.named_children
             if child.type == "interpolation" and child.named_children]
    value = worst(holes, ctx)
    if value is None:
        return [Hit(sink.rule, "low", "the backtick operator", site.call)]
    return value_hit(sink.rule, value, ctx, "the backtick operator", site.call)


def _shell(sink: Sink, site: Site, ctx: Context) -> list[Hit] | None:
    """One command string to Kernel/IO/Open3/Process: the shell parses it; several arguments: no shell."""
    if site.receiver not in RB_SHELL_RECEIVERS or len(site.args) != 1:
        return None
    only = site.args[0]
    if only.type == "splat_argument" and only.named_children:  # spawn(*[COMMAND, source]): an argv, no shell
        items = trace(only.named_children[0], ctx).items
        if items is not None and len(items) > 1:
            return None
    return payload_verdict(sink, site, ctx)


def _sql(sink: Sink, site: Site, ctx: Context, known_sql: bool = True) -> list[Hit] | None:
    if site.receiver in RB_SHELL_RECEIVERS or not site.args:
        return None
    return sql_hit(sink.rule, site.args[0], ctx, label(sink, site), site.call, known_sql=known_sql)


def _driver(sink: Sink, site: Site, ctx: Context) -> list[Hit] | None:
    """pg/mysql2 method names are generic (exec, query): their text must read as SQL."""
    return _sql(sink, site, ctx, known_sql=False)


def _oj(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """``Oj.load(data)`` uses the default (object) mode; options given (``mode: :strict``) decide unless :object."""
    given = site.call.child_by_field_name("arguments")
    if given is not None and given.named_child_count > 1 and b":object" not in given.text:
        return []
    return payload_verdict(sink, site, ctx)


def _open(sink: Sink, site: Site, ctx: Context) -> list[Hit] | None:
    """``Kernel#open`` runs a command when the path starts with ``|``; ``File.open`` does not."""
    if site.receiver not in ("", "Kernel", "URI"):
        return None
    return tainted_verdict(sink, site, ctx)


def _options(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """The SQL-fragment options of an old-style finder (``:conditions => "..."``; arrays bind their values)."""
    given = site.call.child_by_field_name("arguments")
    for pair in given.named_children if given is not None else []:
        key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
        if pair.type != "pair" or key is None or value is None or \
                ctx.text(key).strip(":") not in _FINDER_KEYS:
            continue
        if value.type == "array":  # ["name = ?", x]: the first element is the fragment
            value = value.named_children[0] if value.named_child_count else None
        hits = sql_hit(sink.rule, value, ctx, label(sink, site), site.call, known_sql=True) if value is not None else []
        if hits:
            return hits
    return []


_FINDER_KEYS = frozenset(key.decode().strip(":") for key in RB_FINDER_KEYS)
_VERDICTS = {**VERDICTS, "rb.oj": _oj, "rb.options": _options, "rb.open": _open, "rb.backtick": _backtick, "rb.shell": _shell, "rb.sql": _sql, "rb.driver": _driver}
